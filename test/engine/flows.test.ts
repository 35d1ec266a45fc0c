import { describe, expect, it } from 'vitest';
import { analyzeSnippets, PINO_LOGGER } from '../helpers/analyze-snippets.js';

describe('declared sources', () => {
  it('finds a brand deep inside an object passed to a logger', () => {
    // logger.info({ user }) leaks user.email when User.email is Email
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'app.ts': `
import type { Email } from 'classified';
import { logger } from './log.js';
interface User { id: string; email: Email; plan: string }
export function onLogin(user: User): void {
  logger.info({ user }, 'login');
  logger.info({ id: user.id, plan: user.plan }, 'login');
}
`,
    });
    expect(result.keys).toEqual(['app.ts:6 no-pii-logging']);
    const [finding] = result.byRule('no-pii-logging');
    expect(finding?.source?.label).toBe('user.email');
    expect(finding?.confidence).toBe('declared');
    expect(finding?.sink).toMatchObject({ kind: 'log', callee: 'logger.info', module: 'pino' });
  });

  it('classifies every field of Confidential<T> and follows arrays, Promise and Map values', () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'app.ts': `
import type { Confidential, Email } from 'classified';
import { logger } from './log.js';
interface Customer { id: string; note: string }
declare function load(): Promise<Email[]>;
declare const byId: Map<string, Email>;
export async function run(customer: Confidential<Customer>): Promise<void> {
  logger.info(customer.note);
  const emails = await load();
  logger.info(emails[0]);
  logger.info(byId.get('x'));
  logger.info(emails.length);
}
`,
    });
    expect(result.keys).toEqual(['app.ts:8 no-pii-logging', 'app.ts:10 no-pii-logging', 'app.ts:11 no-pii-logging']);
  });

  it('treats Public, Internal and Anonymized data as allowed', () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'app.ts': `
import type { Anonymized, Internal, TenantId } from 'classified';
import { logger } from './log.js';
export function run(tenant: TenantId, note: Internal<string>, stats: Anonymized<{ email: string }>): void {
  logger.info({ tenant, note, stats });
}
`,
    });
    expect(result.keys).toEqual([]);
  });
});

describe('flow through brand-erasing operations', () => {
  it('follows templates, concatenation, string methods, String(), JSON.stringify, spreads and destructuring', () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'app.ts': `
import type { Email, PAN } from 'classified';
import { logger } from './log.js';
export function run(customer: { email: Email; card: PAN; id: string }): void {
  logger.info(\`mail \${customer.email}\`);
  logger.info('mail ' + customer.email.toLowerCase().trim());
  logger.info(String(customer.card));
  logger.info(JSON.stringify(customer));
  const copy = { ...customer };
  logger.info(copy.email);
  logger.info(copy.id);
  const { email, id } = customer;
  logger.info(email);
  logger.info(id);
  const parts = customer.email.split('@');
  logger.info(parts.join('@'));
}
`,
    });
    expect(result.keys).toEqual([
      'app.ts:5 no-pii-logging',
      'app.ts:6 no-pii-logging',
      'app.ts:7 no-restricted-logging',
      'app.ts:8 no-pii-logging',
      'app.ts:8 no-restricted-logging',
      'app.ts:10 no-pii-logging',
      'app.ts:13 no-pii-logging',
      'app.ts:16 no-pii-logging',
    ]);
  });

  it('follows reassignment, field stores, push and array callbacks, and drops booleans and lengths', () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'app.ts': `
import type { Email } from 'classified';
import { logger } from './log.js';
export function run(customers: { email: Email; id: string }[]): void {
  let message = 'start';
  message = customers[0]?.email ?? '';
  logger.info(message);
  const payload: Record<string, unknown> = {};
  payload.contact = customers[0]?.email;
  logger.info(payload);
  const lines: string[] = [];
  for (const customer of customers) lines.push(customer.email);
  logger.info(lines.join('\\n'));
  customers.forEach((customer) => logger.info(customer.email));
  customers.forEach((customer) => logger.info(customer.id));
  logger.info(customers.map((customer) => customer.email));
  logger.info(customers.map((customer) => customer.id));
  logger.info(customers.some((customer) => customer.email.endsWith('@example.com')));
  logger.info(customers[0]?.email.length);
}
`,
    });
    expect(result.keys).toEqual([
      'app.ts:7 no-pii-logging',
      'app.ts:10 no-pii-logging',
      'app.ts:13 no-pii-logging',
      'app.ts:14 no-pii-logging',
      'app.ts:16 no-pii-logging',
    ]);
  });
});

describe('calls across functions and files', () => {
  it('reports a helper that leaks its plain parameter at each call site passing classified data', () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'audit.ts': `
import { logger } from './log.js';
export function audit(subject: string): void {
  logger.info(\`accessed \${subject}\`);
}
export function auditTwice(subject: string): void {
  audit(subject);
}
`,
      'app.ts': `
import type { Email, RouteName } from 'classified';
import { audit, auditTwice } from './audit.js';
export function run(email: Email, route: RouteName): void {
  audit(email);
  audit(route);
  auditTwice(email);
}
`,
    });
    expect(result.keys).toEqual(['app.ts:5 no-pii-logging', 'app.ts:7 no-pii-logging']);
    const [first] = result.byRule('no-pii-logging');
    expect(first?.trace.map((step) => step.note)).toEqual(expect.arrayContaining(['passed to audit()', 'reaches log sink logger.info']));
  });

  it('follows return values through helpers in other files, and terminates on recursion', () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'format.ts': `
import type { Email } from 'classified';
export function label(value: string): string {
  return \`<\${value}>\`;
}
export function describe(customer: { email: Email; id: string }, depth: number): string {
  return depth > 0 ? describe(customer, depth - 1) : label(customer.email);
}
export function idOf(customer: { email: Email; id: string }): string {
  return customer.id;
}
`,
      'app.ts': `
import type { Email } from 'classified';
import { logger } from './log.js';
import { describe, idOf } from './format.js';
export function run(customer: { email: Email; id: string }): void {
  logger.info(describe(customer, 3));
  logger.info(idOf(customer));
}
`,
    });
    expect(result.keys).toEqual(['app.ts:6 no-pii-logging']);
  });
});

describe('stops', () => {
  it('stops at declassify, redact, maskPan, configured sanitizers, @declassify and masking/hashing functions', () => {
    const result = analyzeSnippets(
      {
        'log.ts': PINO_LOGGER,
        'hash.ts': `
/** @declassify public */
export function pseudonym(value: string): string {
  return value.slice(0, 2);
}
export function tidy(value: string): string {
  return value.trim();
}
export function maskEmail(value: string): string {
  return value.replace(/^[^@]+/, '***');
}
`,
        'app.ts': `
import { createHash } from 'node:crypto';
import { declassify, maskPan, redact, type Email, type PAN } from 'classified';
import { logger } from './log.js';
import { maskEmail, pseudonym, tidy } from './hash.js';
export function run(email: Email, card: PAN): void {
  logger.info(declassify(email, 'shown to the account owner only'));
  logger.info(redact(email));
  logger.info(maskPan(card));
  logger.info(pseudonym(email));
  logger.info(tidy(email));
  logger.info(maskEmail(email));
  logger.info(createHash('sha256').update(email).digest('hex'));
  logger.info(email);
}
`,
      },
      { sanitizers: [{ module: './hash.js', path: 'tidy', to: 'public' }] },
    );
    expect(result.keys).toEqual(['app.ts:14 no-pii-logging']);
  });
});

describe('inference from names', () => {
  it('infers unannotated PII by name with owner context and avoids the known traps', () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'app.ts': `
import { logger } from './log.js';
interface Customer { id: string; email: string; name: string; emailVerified: boolean; cardNumber: string }
interface Plan { name: string }
interface UploadedFile { name: string }
export function run(customer: Customer, plan: Plan, file: UploadedFile, body: any): void {
  logger.info(customer.email);
  logger.info(customer.name);
  logger.info(plan.name);
  logger.info(file.name);
  logger.info(customer.id);
  logger.info(customer.emailVerified);
  logger.info(customer.cardNumber);
  logger.info(body.emailTemplate);
  logger.info({ email: body.from });
  logger.info({ email: 'noreply@example.com' });
  const hashedEmail = body.hashedEmail;
  logger.info(hashedEmail);
}
`,
    });
    expect(result.keys).toEqual([
      'app.ts:7 no-pii-logging',
      'app.ts:8 no-pii-logging',
      'app.ts:13 no-restricted-logging',
      'app.ts:15 no-pii-logging',
    ]);
    expect(result.byRule('no-pii-logging')[0]?.confidence).toBe('inferred');
  });

  it('does not take configuration values under a sensitive key for customer data', () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'app.ts': `
import { logger } from './log.js';
const config = { smtp: { from: 'noreply@example.com' } };
export function run(input: { from: string }): void {
  logger.info({ email: process.env.SUPPORT_EMAIL });
  logger.info({ email: config.smtp.from });
  logger.info({ email: input.from });
}
`,
    });
    expect(result.keys).toEqual(['app.ts:7 no-pii-logging']);
  });

  it('can be turned off or extended by config', () => {
    const files = {
      'log.ts': PINO_LOGGER,
      'app.ts': `
import { logger } from './log.js';
export function run(member: { email: string; loyaltyNumber: string }): void {
  logger.info(member.email);
  logger.info(member.loyaltyNumber);
}
`,
    };
    expect(analyzeSnippets(files, { inference: 'off' }).keys).toEqual([]);
    expect(analyzeSnippets(files, { inference: { mode: 'names', add: { loyaltyNumber: 'confidential' }, ignore: ['email'] } }).keys).toEqual(['app.ts:5 no-pii-logging']);
  });
});
