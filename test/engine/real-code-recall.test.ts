/**
 * Shapes seen in real products where a hand-checked violation was missed (DESIGN section 4b,
 * recall): each snippet is our own code in the shape of what was seen, with a look-alike that
 * must stay unreported next to it.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSnippets, PINO_LOGGER } from '../helpers/analyze-snippets.js';

describe('functions returned from hooks', () => {
  it('follows calls through the object a hook returns, read as a property or destructured', () => {
    const result = analyzeSnippets({
      'analytics.ts': `
import { posthog } from 'posthog-js';
export function useAnalytics() {
  const capture = (event: string, properties?: Record<string, unknown>) => {
    posthog.capture(event, properties);
  };
  const identify = (distinctId?: string) => {
    posthog.identify(distinctId);
  };
  return { capture, identify };
}
`,
      'view.ts': `
import { useAnalytics } from './analytics.js';
export function onViewed(viewer: { email: string; id: string }): void {
  const analytics = useAnalytics();
  analytics.identify(viewer.email);
  analytics.capture('Link Viewed', { viewerEmail: viewer.email });
  analytics.capture('Link Opened', { viewerId: viewer.id });
  const { capture } = useAnalytics();
  capture('Verified', { viewerEmail: viewer.email });
}
`,
    });
    expect(result.keys).toEqual(['view.ts:5 no-third-party-sharing', 'view.ts:6 no-third-party-sharing', 'view.ts:9 no-third-party-sharing']);
  });
});

describe('what the code itself calls a value', () => {
  it('names an array-destructured value by its variable (React state), not by its position', () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'form.ts': `
import { logger } from './log.js';
declare function useState<T>(initial: T): [T, (next: T) => void];
export function InviteForm(): () => void {
  const [email, setEmail] = useState('');
  const [teamName] = useState('');
  return () => {
    logger.info({ invitee: email }, 'invite sent');
    logger.info({ team: teamName }, 'team named');
  };
}
`,
    });
    expect(result.keys).toEqual(['form.ts:8 no-pii-logging']);
  });

  it('takes a field the same function passes under a key naming customer data for that data', () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'task.ts': `
import { logger } from './log.js';
declare function sendTrialEmail(input: { user: { email: string; name: string } }): Promise<void>;
export async function run(payload: { to: string; teamId: string; useCase: string }): Promise<void> {
  await sendTrialEmail({ user: { email: payload.to, name: 'Marc' } });
  logger.info({ to: payload.to, teamId: payload.teamId }, 'email sent');
  logger.info({ useCase: payload.useCase }, 'use case');
}
export function other(payload: { to: string }): void {
  logger.info({ to: payload.to }, 'no evidence here');
}
`,
    });
    expect(result.keys).toEqual(['task.ts:6 no-pii-logging']);
    expect(result.byRule('no-pii-logging')[0]?.source?.reason).toBe('passed as "email" (line 5)');
  });

  it('takes a variable the function sends a message to for the recipient, in a log line of text', () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'alerts.ts': `
import { logger } from './log.js';
declare const mailer: { sendMail(message: { to: string; subject: string; html: string }): Promise<void> };
declare const queue: { push(job: { to: string; status: string }): void };
export async function sendAlerts({ recipients, orgId }: { recipients: string[]; orgId: string }): Promise<void> {
  for (const recipient of recipients) {
    await mailer.sendMail({ to: recipient, subject: 'Spend alert', html: '<p>Limit reached</p>' });
    logger.info(\`Sent spend alert to \${recipient} for org \${orgId}\`);
  }
}
export function forward(targets: string[]): void {
  for (const target of targets) {
    queue.push({ to: target, status: 'queued' });
    logger.info(\`Forwarded to \${target}\`);
  }
}
`,
    });
    // a \`to\` beside a subject and a body is the address a message goes to; beside a status it says nothing
    expect(result.keys).toEqual(['alerts.ts:8 no-pii-logging']);
    expect(result.byRule('no-pii-logging')[0]?.source?.reason).toBe('passed as "to" (line 7)');
  });
});

describe('statements that name the data', () => {
  it('reports a helper statement that logs its PII-named parameter when a caller passes customer data, once', () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'helpers.ts': `
import { logger } from './log.js';
export function logSignup(email: string, source: string): void {
  logger.info({ email, source }, 'signup');
}
export function logSeed(email: string): void {
  logger.info({ email }, 'seeded');
}
`,
      'app.ts': `
import { logSignup, logSeed } from './helpers.js';
const config = { smtp: { from: 'noreply@example.com' as string } };
export function signup(user: { email: string }, admin: { email: string }): void {
  logSignup(user.email, 'web');
  logSignup(admin.email, 'admin');
  logSeed(config.smtp.from);
}
`,
    });
    // one finding where the e-mail is logged, listing the callers' data; the helper only ever given configuration is not reported
    expect(result.keys).toEqual(['helpers.ts:4 no-pii-logging']);
    expect(result.byRule('no-pii-logging')[0]?.message).toContain('and 1 more');
  });

  it('reports each call that hands customer data to a vendor helper naming it, beside the helper, and not a call that hands an id', () => {
    const result = analyzeSnippets({
      'analytics.ts': `
import { PostHog } from 'posthog-node';
const client = new PostHog('phc_key');
export function trackEvent(email: string, event: string): void {
  client.capture({ distinctId: email, event });
}
`,
      'signup.ts': `
import { trackEvent } from './analytics.js';
export function onSignup(user: { email: string; id: string }): void {
  trackEvent(user.email, 'signed up');
}
export function onInvite({ email }: { email: string }): void {
  trackEvent(email, 'invited');
}
export function onImport(batchId: string): void {
  trackEvent(batchId, 'imported');
}
`,
    });
    expect(result.keys).toEqual(['analytics.ts:5 no-third-party-sharing', 'signup.ts:4 no-third-party-sharing', 'signup.ts:7 no-third-party-sharing']);
    const invited = result.findings.find((finding) => finding.file.endsWith('signup.ts') && finding.line === 7);
    expect(invited?.source?.reason).toMatch(/parameter name "email".*passed on to a helper that shares it/);
    expect(invited?.trace.map((step) => step.file.endsWith('analytics.ts'))).toContain(true);
  });

  it('finds the calls of a vendor helper imported under another name or as a default export, also from a package read only for summaries', () => {
    const result = analyzeSnippets({
      'packages/contacts/index.ts': `
import { PostHog } from 'posthog-node';
const client = new PostHog('phc_key');
export async function createContact(email: string, firstName?: string): Promise<void> {
  client.capture({ distinctId: email, event: 'contact created', properties: { firstName } });
}
export default function identify(email: string): void {
  client.identify({ distinctId: email });
}
`,
      'app.ts': `
import trackIdentity, { createContact as createMarketingContact } from './packages/contacts/index.js';
export async function onSignup(user: { id: string; email: string; name: string }): Promise<void> {
  await createMarketingContact(user.email, user.name);
  trackIdentity(user.email);
  await createMarketingContact(user.id);
}
`,
    }, {}, { roots: ['app.ts'] });
    expect(result.keys).toEqual(['app.ts:4 no-third-party-sharing', 'app.ts:5 no-third-party-sharing']);
  });

  it("reports each call that hands customer data to a vendor helper whose parameter's type names it", () => {
    const result = analyzeSnippets({
      'analytics.ts': `
import { PostHog } from 'posthog-node';
const client = new PostHog('phc_key');
export type AnalyticsEvent = { event: 'Signed Up'; email: string; userId: string } | { event: 'Viewed'; linkId: string };
export function trackAnalytics(args: AnalyticsEvent): void {
  client.capture({ distinctId: 'server', event: args.event, properties: args });
}
export function captureError(error: unknown, context: { userEmail?: string; extra?: string } = {}): void {
  const { userEmail } = context;
  if (userEmail) client.identify({ distinctId: userEmail });
}
`,
      'signup.ts': `
import { captureError, trackAnalytics } from './analytics.js';
export function onSignup(user: { email: string; id: string }, linkId: string): void {
  trackAnalytics({ event: 'Signed Up', email: user.email, userId: user.id });
  trackAnalytics({ event: 'Viewed', linkId });
  captureError(new Error('failed'), { userEmail: user.email });
  captureError(new Error('failed'), { extra: linkId });
}
`,
    });
    expect(result.keys).toEqual([
      'analytics.ts:6 no-third-party-sharing',
      'analytics.ts:10 no-third-party-sharing',
      'signup.ts:4 no-third-party-sharing',
      'signup.ts:6 no-third-party-sharing',
    ]);
  });

  it("reports at the call when the helper's file is another package's, read only for summaries", () => {
    const files = {
      'log.ts': PINO_LOGGER,
      'packages/contacts/index.ts': `
import { logger } from '../../log.js';
export function createContact(email: string): void {
  logger.info({ email }, 'contact created');
}
`,
      'app.ts': `
import { createContact } from './packages/contacts/index.js';
export function signup(user: { email: string }): void {
  createContact(user.email);
}
`,
    };
    expect(analyzeSnippets(files, {}, { roots: ['app.ts'] }).keys).toEqual(['app.ts:4 no-pii-logging']);
    expect(analyzeSnippets(files).keys).toEqual(['packages/contacts/index.ts:4 no-pii-logging']);
  });
});

describe("packages' data types", () => {
  it('classifies a schema-derived type whose fields have no declaration of their own (a mapped type over inferred keys)', () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'events.ts': `
import { logger } from './log.js';
declare function object<P extends Record<string, unknown>>(properties: P): { properties: P };
// what a schema library's Static<typeof Schema> computes: fields keyed by the inferred property names
type Fields<Keys extends PropertyKey> = { [K in Keys]: string };
type Static<S> = S extends { properties: infer P } ? Fields<keyof P> : never;
const DeliveryEvent = object({ email: 1, event: 1 });
const BounceSummary = object({ reason: 1, count: 1 });
export function onEvents(events: Static<typeof DeliveryEvent>[], summary: Static<typeof BounceSummary>): void {
  logger.debug({ body: events }, 'received delivery events');
  logger.debug({ summary }, 'bounces');
}
`,
    });
    expect(result.keys).toEqual(['events.ts:10 no-pii-logging']);
  });

  it("classifies a package's data type by its fields (a Stripe customer), and not the platform's own types", () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'billing.ts': `
import type Stripe from 'stripe';
import { z } from 'zod';
import type { IncomingMessage } from 'node:http';
import { logger } from './log.js';
export function onCustomer(customer: Stripe.Customer, request: IncomingMessage): void {
  logger.info({ customer }, 'customer updated');
  logger.info({ request }, 'webhook request');
  logger.info({ balance: customer.balance }, 'balance');
}
export function onSubscription(subscription: Stripe.Subscription, error: z.ZodError<{ email: string }>, env: z.infer<typeof envSchema>): void {
  logger.info({ subscription }, 'subscription updated');
  logger.warn({ error }, 'invalid contact');
  logger.info({ env }, 'configuration');
  logger.info({ stripeId: subscription.customer.toString() }, 'subscription deleted');
  const customerId = typeof subscription.customer === 'string' ? subscription.customer : subscription.customer.id;
  logger.info({ customerId }, 'cancelling');
  const expanded = subscription.customer as Stripe.Customer;
  logger.info({ expanded }, 'expanded customer');
}
export function onCardParams(card: Stripe.TokenCreateParams.Card): void {
  logger.info({ card }, 'tokenising');
}
const envSchema = z.object({ CLOUD_CRM_EMAIL: z.string(), REGION: z.string() });
`,
    });
    // an expandable customer reference is an id; a validation error's field errors are messages; a setting in capitals is configuration;
    // an SDK's card fields say nothing by themselves (a number put in them is followed from where it came)
    expect(result.keys).toEqual(['billing.ts:7 no-pii-logging', 'billing.ts:19 no-pii-logging']);
    expect(result.byRule('no-pii-logging')[0]?.carried?.map((data) => data.source.label)).toContain('customer.email');
  });

  it('names a generated type by what follows its namespace prefix (googleapis `Schema$Userinfo`), not as a validation schema', () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'node_modules/@googleapis/oauth2/index.d.ts': `
export declare namespace oauth2_v2 {
  interface Schema$Userinfo { email?: string | null; family_name?: string | null; verified_email?: boolean | null; }
  interface Schema$Tokeninfo { audience?: string | null; expires_in?: number | null; }
}
`,
      'connect.ts': `
import type { oauth2_v2 } from '@googleapis/oauth2';
import { logger } from './log.js';
export function onConnected(userInfo: oauth2_v2.Schema$Userinfo, token: oauth2_v2.Schema$Tokeninfo): void {
  logger.error({ userInfo }, 'email not verified');
  logger.info({ token }, 'token checked');
}
`,
    });
    expect(result.keys).toEqual(['connect.ts:5 no-pii-logging']);
  });
});

describe('hosts held in class fields', () => {
  it('takes the host of a field the class writes in one place, and not of a field it can change', () => {
    const result = analyzeSnippets({
      'crm.ts': `
export class CrmClient {
  private baseUrl: string;
  constructor(private readonly token: string) {
    this.baseUrl = 'https://api.crm-vendor.example';
  }
  private async post(path: string, body: unknown): Promise<Response> {
    return fetch(\`\${this.baseUrl}\${path}\`, { method: 'POST', body: JSON.stringify(body) });
  }
  async upsertContact(email: string): Promise<Response> {
    return this.post('/contacts', { properties: { email } });
  }
}
export class ConfigurableClient {
  private baseUrl = 'https://api.crm-vendor.example';
  useBase(url: string): void {
    this.baseUrl = url;
  }
  async send(email: string): Promise<Response> {
    return fetch(\`\${this.baseUrl}/contacts\`, { method: 'POST', body: email });
  }
}
`,
    });
    expect(result.keys).toEqual(['crm.ts:11 no-third-party-sharing']);
  });
});

describe("the client's address", () => {
  it('takes proxy headers read by name and platform helpers for the client IP address, and not other headers', () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'node_modules/@vercel/functions/index.d.ts': 'export declare function ipAddress(input: { headers: { get(name: string): string | null } }): string | undefined;\n',
      'route.ts': `
import { ipAddress } from '@vercel/functions';
import { logger } from './log.js';
export function handle(req: Request, c: { req: { header(name: string): string | undefined } }): void {
  const ip = ipAddress(req) ?? '127.0.0.1';
  const event = { path: new URL(req.url).pathname, ip };
  logger.info(event, 'request');
  logger.info({ forwarded: req.headers.get('x-forwarded-for') }, 'proxy');
  logger.info({ address: c.req.header('X-Real-IP') }, 'hono');
  logger.info({ agent: req.headers.get('user-agent'), id: c.req.header('x-request-id') }, 'other headers');
}
`,
    }, {}, { roots: ['log.ts', 'route.ts'] });
    expect(result.keys).toEqual(['route.ts:7 no-pii-logging', 'route.ts:8 no-pii-logging', 'route.ts:9 no-pii-logging']);
  });
});

describe('hosts named by environment settings', () => {
  const client = `
const TINYBIRD_BASE_URL = process.env.TINYBIRD_BASE_URL;
declare const env: { HUBSPOT_API_URL: string; PARTNER_API_URL: string };
export async function recordVisit(visitor: { email: string; ipAddress: string; id: string }): Promise<void> {
  await fetch(\`\${TINYBIRD_BASE_URL}/v0/events?name=visits\`, { method: 'POST', body: JSON.stringify({ ip: visitor.ipAddress }) });
  await fetch(env.HUBSPOT_API_URL + '/crm/v3/objects/contacts', { method: 'POST', body: JSON.stringify({ email: visitor.email }) });
  await fetch(\`\${process.env.OTEL_EXPORTER_OTLP_ENDPOINT}/v1/logs\`, { method: 'POST', body: JSON.stringify({ user: visitor.email }) });
  await fetch(\`\${env.PARTNER_API_URL}/visits\`, { method: 'POST', body: JSON.stringify({ email: visitor.email }) });
  await fetch(\`\${TINYBIRD_BASE_URL}/v0/events?name=visits\`, { method: 'POST', body: JSON.stringify({ visitor: visitor.id }) });
  await fetch(\`\${process.env.SEGMENT_HOST ?? ''}/v1/identify\`, { method: 'POST', body: JSON.stringify({ email: visitor.email }) });
}
`;

  it('sends to the vendor or the central telemetry endpoint a setting names, and leaves an unnamed host unjudged', () => {
    const result = analyzeSnippets({ 'client.ts': client });
    expect(result.keys).toEqual(['client.ts:5 no-third-party-sharing', 'client.ts:6 no-third-party-sharing', 'client.ts:7 telemetry-deidentified', 'client.ts:10 no-third-party-sharing']);
    expect(result.byRule('no-third-party-sharing')[1]?.sink?.reason).toBe('fetch to the URL in setting HUBSPOT_API_URL, which names HubSpot (api.hubapi.com)');
  });

  it('takes a setting listed in firstPartyHosts as the product’s own service', () => {
    const result = analyzeSnippets({ 'client.ts': client }, { firstPartyHosts: ['$TINYBIRD_BASE_URL', 'api.hubapi.com', '$SEGMENT_HOST'] });
    expect(result.keys).toEqual(['client.ts:7 telemetry-deidentified']);
  });
});

describe('files as a hop', () => {
  it('carries rows written to a file into the upload that reads the same path back', () => {
    const result = analyzeSnippets({
      'fine-tune.ts': `
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import OpenAI from 'openai';
const openai = new OpenAI();
const TRAINING_FILE = path.join(os.tmpdir(), 'conversations.jsonl');
const METRICS_FILE = path.join(os.tmpdir(), 'metrics.jsonl');
export async function exportConversations(rows: { customerEmail: string; question: string; answer: string }[], counts: number[]): Promise<void> {
  const out = fs.createWriteStream(TRAINING_FILE);
  for (const row of rows) out.write(JSON.stringify({ prompt: row.question, completion: row.answer, user: row.customerEmail }) + '\\n');
  out.end();
  fs.writeFileSync(METRICS_FILE, JSON.stringify(counts));
  await openai.files.create({ file: fs.createReadStream(TRAINING_FILE), purpose: 'fine-tune' });
  await openai.files.create({ file: fs.createReadStream(METRICS_FILE), purpose: 'fine-tune' });
}
`,
    });
    expect(result.keys).toEqual(['fine-tune.ts:14 no-identifiable-training-data']);
    expect(result.findings[0]?.trace.map((step) => step.note)).toContain('written to the file read here');
  });
});
