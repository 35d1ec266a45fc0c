import { describe, expect, it } from 'vitest';
import { analyzeSnippets } from '../helpers/analyze-snippets.js';

describe('most specific rule wins', () => {
  it('reports PAN in a log as no-restricted-logging only, PAN in browser storage as no-pan-storage only', () => {
    const result = analyzeSnippets({
      'app.ts': `
import pino from 'pino';
import type { CVV, Email, PAN } from 'classified';
const logger = pino();
export function run(card: PAN, cvv: CVV, email: Email): void {
  logger.info({ card });
  localStorage.setItem('card', card);
  sessionStorage.setItem('cvv', cvv);
  localStorage.setItem('email', email);
  document.cookie = \`email=\${email}\`;
}
`,
    });
    expect(result.keys).toEqual([
      'app.ts:6 no-restricted-logging',
      'app.ts:7 no-pan-storage',
      'app.ts:8 no-pan-storage',
      'app.ts:9 no-cross-region-transfer',
      'app.ts:10 no-cross-region-transfer',
    ]);
  });

  it('allows PAN to the payment processor and Confidential data to storage, not Restricted data', () => {
    const result = analyzeSnippets({
      'app.ts': `
import Stripe from 'stripe';
import { Pool } from 'pg';
import type { Compensation, Email, PAN } from 'classified';
const stripe = new Stripe('sk_test');
const pool = new Pool();
export async function run(card: PAN, email: Email, salary: Compensation): Promise<void> {
  const method = await stripe.paymentMethods.create({ type: 'card', card: { number: card, exp_month: 1, exp_year: 2030 } });
  await pool.query('insert into cards values ($1, $2)', [method.id, email]);
  await pool.query('insert into pay values ($1)', [salary]);
  await pool.query('insert into raw values ($1)', [card]);
}
`,
    });
    expect(result.keys).toEqual(['app.ts:10 restricted-storage', 'app.ts:11 no-pan-storage']);
  });
});

describe('sinks', () => {
  it('honours @sink JSDoc, scoped to named parameters', () => {
    const result = analyzeSnippets({
      'app.ts': `
import type { Email } from 'classified';
/** @sink cross-region */
export function replicate(record: unknown): void { void record; }
/** @sink log message */
export function note(level: string, message: string): void { void level; void message; }
export function run(email: Email): void {
  replicate({ email });
  note(email, 'fine');
  note('info', email);
}
`,
    });
    expect(result.keys).toEqual(['app.ts:8 no-cross-region-transfer', 'app.ts:10 no-pii-logging']);
  });

  it('honours @sink JSDoc through a renamed or default import, also under a name the catalog knows', () => {
    const result = analyzeSnippets({
      'audit.ts': `
/** @sink log */
export function writeAudit(entry: unknown): void { void entry; }
/** @sink cross-region */
export default function mirror(record: unknown): void { void record; }
`,
      'app.ts': `
import type { Email } from 'classified';
import replicate, { writeAudit as log } from './audit.js';
export function run(email: Email): void {
  log({ email });
  replicate({ email });
}
`,
    });
    expect(result.keys).toEqual(['app.ts:5 no-pii-logging', 'app.ts:6 no-cross-region-transfer']);
  });

  it('treats fetch and axios as third-party only for static hosts outside firstPartyHosts', () => {
    const result = analyzeSnippets(
      {
        'app.ts': `
import axios from 'axios';
import type { Email } from 'classified';
const PARTNER = 'https://api.partner.example.org';
const crm = axios.create({ baseURL: 'https://crm.vendor.io/v1' });
export async function run(email: Email, webhookUrl: string): Promise<void> {
  await fetch(\`\${PARTNER}/lookup?email=\${email}\`);
  await fetch('https://api.internal.example.com/users', { method: 'POST', body: JSON.stringify({ email }) });
  await fetch(webhookUrl, { method: 'POST', body: JSON.stringify({ email }) });
  await axios.post('https://hooks.partner.example.org/x', { email });
  await crm.post('/contacts', { email });
  await fetch('http://localhost:8080/debug', { method: 'POST', body: email });
}
`,
      },
      { firstPartyHosts: ['internal.example.com'] },
    );
    expect(result.keys).toEqual(['app.ts:7 no-third-party-sharing', 'app.ts:10 no-third-party-sharing', 'app.ts:11 no-third-party-sharing']);
  });

  // @nestjs/axios's HttpService takes axios's arguments: judged by host like axios, and a same-named class is not it
  it('judges @nestjs/axios HttpService calls by host like axios', () => {
    const result = analyzeSnippets({
      'app.ts': `
import { HttpService } from '@nestjs/axios';
import type { Email } from 'classified';
class OwnHttp { post(url: string, body: unknown): void { void url; void body; } }
export function run(http: HttpService, own: OwnHttp, email: Email): void {
  http.post('https://api.partner.example.org/leads', { email }).subscribe();
  http.request({ method: 'PUT', url: 'https://api.partner.example.org/leads/1', data: { email } }).subscribe();
  http.post('/leads', { email }).subscribe();
  http.post('http://localhost:8080/leads', { email }).subscribe();
  own.post('https://api.partner.example.org/leads', { email });
}
`,
    });
    expect(result.keys).toEqual(['app.ts:6 no-third-party-sharing', 'app.ts:7 no-third-party-sharing']);
    expect(result.byRule('no-third-party-sharing')[0]?.sink?.module).toBe('@nestjs/axios');
  });
});

describe('loggers no catalog entry resolves', () => {
  it('takes a logger-like receiver whose method has no body to follow for a log sink, with inferred confidence', () => {
    const result = analyzeSnippets(
      {
        'node_modules/@acme/logger/package.json': '{ "name": "@acme/logger", "version": "1.0.0", "types": "dist/index.d.ts" }',
        'node_modules/@acme/logger/dist/index.d.ts': `
export interface Logger { info(message: string, meta?: object): void; error(message: string, meta?: object): void }
export declare const logger: Logger;
export declare function createAudit(): { info(message: string, meta?: object): void };
`,
        'bound.ts': `
import pino from 'pino';
const base = pino();
export const log = { error: base.error.bind(base) };
`,
        'app.ts': `
import { logger, createAudit } from '@acme/logger';
import { log } from './bound.js';
import type { Email } from 'classified';
class Quiet { info(message: string, meta?: object): void { void message; void meta; } }
const quietLogger = new Quiet();
const audit = createAudit();
export function signIn(email: Email): void {
  logger.info('signed in', { email });
  log.error({ email }, 'failed');
  quietLogger.info('signed in', { email });
  audit.info('signed in', { email });
}
`,
      },
      {},
      { roots: ['bound.ts', 'app.ts'] },
    );
    expect(result.keys).toEqual(['app.ts:9 no-pii-logging', 'app.ts:10 no-pii-logging']);
    const [first] = result.byRule('no-pii-logging');
    expect(first?.confidence).toBe('inferred');
    expect(first?.sink?.module).toBe('@acme/logger');
    expect(first?.sink?.reason).toContain('inferred: logger is a logger');
  });
});

describe('telemetry', () => {
  it('checks dimension names against the allow-list where they are emitted, and values for classified data', () => {
    const result = analyzeSnippets(
      {
        'app.ts': `
import client from 'prom-client';
import { trace } from '@opentelemetry/api';
import type { Email, TenantId } from 'classified';
const requests = new client.Counter({ name: 'requests', help: 'h', labelNames: ['route', 'status', 'customer_id'] });
export function run(tenantId: TenantId, email: Email, url: string, customerId: string): void {
  requests.inc({ route: '/checkout', status: '200' });
  requests.inc({ customer_id: customerId });
  requests.labels('/checkout', '200', customerId).inc();
  requests.inc({ route: email });
  const span = trace.getActiveSpan();
  span?.setAttribute('tenant.id', tenantId);
  span?.setAttribute('http.route', url);
  span?.setAttribute('server.address', new URL(url).host);
  span?.setAttribute('plan_tier', 'gold');
}
`,
      },
      { telemetry: { allowedDimensions: ['plan_tier'] } },
    );
    expect(result.keys).toEqual([
      'app.ts:8 telemetry-deidentified',
      'app.ts:9 telemetry-deidentified',
      'app.ts:10 telemetry-deidentified',
      'app.ts:13 telemetry-deidentified',
    ]);
  });
});

describe('card literals and declassification', () => {
  it('recognises card numbers by length, Luhn and issuer, and allows known test numbers in test files', () => {
    const result = analyzeSnippets({
      'config.ts': `
export const MONITOR_CARD = '5555 3412 4444 1115';
export const MASTERCARD_2_SERIES = '2223-0000-4841-0010';
export const ORDER_NUMBER = '1234567812345678';
export const NO_ISSUER = '0049151123456787';
export const STRIPE_TEST = '4242424242424242';
`,
      'checkout.test.ts': `
export const TEST_CARD = '4242 4242 4242 4242';
export const REAL_LOOKING = '4916 3387 2466 0013';
`,
    });
    expect(result.keys).toEqual([
      'checkout.test.ts:3 no-pan-literal',
      'config.ts:2 no-pan-literal',
      'config.ts:3 no-pan-literal',
      'config.ts:6 no-pan-literal',
    ]);
    const messages = result.findings.map((finding) => finding.message).join('\n');
    expect(messages).not.toMatch(/5555 ?3412|4242 ?4242 ?4242|2223-?0000/);
    expect(messages).toContain('****1115');
  });

  it('flags casts that drop a classification and declassify() without a literal reason', () => {
    const result = analyzeSnippets({
      'app.ts': `
import { declassify, type Email, type Public } from 'classified';
export function run(email: Email, reason: string): void {
  const a = email as string;
  const b = email as unknown as Public<string>;
  const c = email as Email;
  const d = declassify(email, reason);
  const e = declassify(email, '');
  const f = declassify(email, 'customer asked for a copy');
  void [a, b, c, d, e, f];
}
`,
    });
    expect(result.keys).toEqual([
      'app.ts:4 no-unsafe-declassification',
      'app.ts:5 no-unsafe-declassification',
      'app.ts:7 no-unsafe-declassification',
      'app.ts:8 no-unsafe-declassification',
    ]);
  });
});

describe('suppressions and robustness', () => {
  it('honours eslint-disable comments with a reason and reports those without', () => {
    const result = analyzeSnippets({
      'app.ts': `
import pino from 'pino';
import type { Email } from 'classified';
const logger = pino();
export function run(email: Email): void {
  // eslint-disable-next-line classified/no-pii-logging -- audit trail approved by the DPO
  logger.info(email);
  // eslint-disable-next-line classified/no-pii-logging
  logger.warn(email);
}
`,
    });
    expect(result.keys).toEqual(['app.ts:9 no-pii-logging']);
    const suppressed = result.findings.find((finding) => finding.suppression !== undefined);
    expect(suppressed?.suppression?.reason).toBe('audit trail approved by the DPO');
    expect(result.byRule('no-pii-logging')[0]?.message).toContain('suppression at line 8 ignored');
  });

  it('reports a file with a syntax error and still analyses the others', () => {
    const result = analyzeSnippets({
      'broken.ts': 'export function (( {\n',
      'app.ts': `
import type { Email } from 'classified';
export function run(email: Email): void {
  console.log(email);
}
`,
    });
    expect(result.keys).toEqual(['app.ts:4 no-pii-logging']);
    expect(result.diagnostics.some((diagnostic) => diagnostic.file.endsWith('broken.ts') && diagnostic.message.includes('syntax error'))).toBe(true);
  });

  it('follows data through a 5,000-term concatenation without a stack overflow', () => {
    const terms = Array.from({ length: 5000 }, (_, i) => `'x${i}'`).join(' + ');
    const result = analyzeSnippets({
      'deep.ts': `import type { Email } from 'classified';\nexport function run(email: Email): void {\n  const line = email + ${terms};\n  console.log(line);\n}\n`,
    });
    expect(result.keys).toEqual(['deep.ts:4 no-pii-logging']);
  });
});

describe('calls through interfaces', () => {
  it('reaches the project class implementing an interface whose method leaks its parameter', () => {
    const result = analyzeSnippets({
      'log.ts': `
import pino from 'pino';
export interface AppLog {
  info(message: string): void;
}
export class PinoAppLog implements AppLog {
  private readonly logger = pino();
  info(message: string): void {
    this.logger.info(message);
  }
}
`,
      'service.ts': `
import type { Email } from 'classified';
import type { AppLog } from './log.js';
export class SignupService {
  constructor(private readonly log: AppLog) {}
  signedUp(email: Email, plan: string): void {
    this.log.info(\`signed up \${email}\`);
    this.log.info(\`plan \${plan}\`);
  }
}
`,
    });
    expect(result.keys).toEqual(['service.ts:7 no-pii-logging']);
  });
});

describe('the module a sink is named by', () => {
  it('names the SDK flavour the code imports when it re-exports another flavour’s declaration', () => {
    const result = analyzeSnippets({
      // the shape of an install where @sentry/nextjs re-exports @sentry/node's declaration
      'node_modules/@sentry/node/package.json': '{ "name": "@sentry/node", "version": "1.0.0", "types": "index.d.ts" }',
      'node_modules/@sentry/node/index.d.ts': 'export declare function setUser(user: { email?: string } | null): void;\n',
      'node_modules/@sentry/nextjs/package.json': '{ "name": "@sentry/nextjs", "version": "1.0.0", "types": "index.d.ts" }',
      'node_modules/@sentry/nextjs/index.d.ts': "export { setUser } from '@sentry/node';\n",
      'monitoring.ts': `
import { setUser } from '@sentry/nextjs';
import { setUser as setNodeUser } from '@sentry/node';
export function identify(user: { email: string }): void {
  setUser({ email: user.email });
  setNodeUser({ email: user.email });
}
`,
    });
    expect(result.findings.map((finding) => `${finding.line} ${finding.sink?.module}`)).toEqual(['5 @sentry/nextjs', '6 @sentry/node']);
  });
});
