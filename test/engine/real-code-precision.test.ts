/**
 * Shapes seen in real products where a reviewer disagreed with a finding (DESIGN section 4b).
 * Each snippet is our own code in the shape of what was seen; each test also keeps the true
 * violation next to the false one, so a fix that only silences the engine fails.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { analyzeProgram, createProgramFromTsconfig } from '../../src/engine/index.js';
import { resolveConfig } from '../../src/policy/config.js';
import { analyzeSnippets, PINO_LOGGER } from '../helpers/analyze-snippets.js';

const ROOT = path.resolve(__dirname, '../..');

describe('field-sensitive calls', () => {
  it('a callee that reads one field of an object literal does not receive the others', () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'track.ts': `
import { logger } from './log.js';
export function getClickEvent({ clickId }: { clickId: string }): void {
  logger.info({ clickId }, 'click');
}
export function trackSale({ clickId, customerEmail }: { clickId: string; customerEmail: string }): void {
  getClickEvent({ clickId });
  logger.info({ customer: customerEmail }, 'sale');
}
`,
      'route.ts': `
import { trackSale } from './track.js';
export function route(body: { clickId: string; customerEmail: string }): void {
  trackSale({ clickId: body.clickId, customerEmail: body.customerEmail });
}
`,
    });
    // the email reaches the log only through trackSale's own log line, which names it: reported there
    expect(result.keys).toEqual(['track.ts:8 no-pii-logging']);
    const [finding] = result.byRule('no-pii-logging');
    expect(finding?.trace.map((step) => step.note)).toContain('destructured as customerEmail');
    expect(finding?.trace.map((step) => step.note)).not.toContain('destructured as clickId');
  });

  it('keeps nested object-literal arguments apart by their path', () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'app.ts': `
import { logger } from './log.js';
type Event = { actor: { ref: string }; target: { ref: string } };
function audit(event: Event): void {
  logger.info(event.actor.ref);
}
function notify(event: Event): void {
  logger.info(event.target.ref);
}
export function run(user: { id: string; email: string }): void {
  audit({ actor: { ref: user.id }, target: { ref: user.email } });
  notify({ actor: { ref: user.id }, target: { ref: user.email } });
}
`,
    });
    expect(result.keys).toEqual(['app.ts:12 no-pii-logging']);
  });

  it('analyses many layers of wrappers that pass object literals on without running out of memory', () => {
    // each layer destructures and passes an object on: summaries must stay per field, not per field combination
    const layers = Array.from({ length: 40 }, (_, level) => `
export function layer${level}({ id, email, name, plan }: Fields): void {
  ${level === 0 ? "logger.info({ id }, 'done');" : `layer${level - 1}({ id, email: plan, name, plan: email });`}
}`).join('\n');
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'layers.ts': `
import { logger } from './log.js';
interface Fields { id: string; email: string; name: string; plan: string }
${layers}
`,
      'entry.ts': `
import { layer39 } from './layers.js';
export function entry(user: { id: string; email: string; name: string; plan: string }): void {
  layer39({ id: user.id, email: user.email, name: user.name, plan: user.plan });
}
`,
    });
    // only `id` is logged, and `id` is never the email whatever the swaps above it
    expect(result.keys).toEqual([]);
  });
});

describe('names without data (type-gated inference)', () => {
  it('does not take enum members, literal types, columns or config objects named like PII for the data', () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'app.ts': `
import { logger } from './log.js';
export enum ChannelType { Email = 'email', Sms = 'sms' }
declare class Column<T> { readonly name: string; eq(value: T): unknown }
declare const users: { email: Column<string>; phone: Column<string> };
interface Overrides { email: { enabled: boolean; template: string }; phone: 'required' | 'optional' }
export function configure(overrides: Overrides, user: { email?: string; phone: string }): void {
  logger.info({ channel: ChannelType.Email });
  logger.info({ column: users.email });
  logger.info({ email: overrides.email, phone: overrides.phone });
  if (!user.email) logger.warn({ email: user.email }, 'user has no email');
  logger.info({ phone: user.phone });
  const { email } = user as { email?: unknown };
  if (!email || typeof email !== 'string') logger.warn({ email }, 'invalid email');
  if (!email || email.length > 3) logger.warn({ email }, 'too long');
  if (typeof email !== 'string') logger.warn({ email }, 'email is not text');
  if (typeof email !== 'number') logger.warn({ email }, 'email is not a number');
}
`,
    });
    // only the real phone number, and an e-mail that may be present (or is anything but a number), are data
    expect(result.keys).toEqual(['app.ts:12 no-pii-logging', 'app.ts:15 no-pii-logging', 'app.ts:17 no-pii-logging']);
  });

  it('still takes strings and arrays of strings named like PII for the data', () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'app.ts': `
import { logger } from './log.js';
export function invite(emails: string[], contact: { email: string | null }): void {
  logger.info({ emails });
  logger.info(contact.email);
}
`,
    });
    expect(result.keys).toEqual(['app.ts:4 no-pii-logging', 'app.ts:5 no-pii-logging']);
  });

  it("takes the key an inline object sits under for the owner of its fields: a chart event's displayName is a label", () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'app.ts': `
import { logger } from './log.js';
export function run(queryInput: { event: { name: string; displayName?: string } }, signup: { user: { displayName: string } }): void {
  logger.info({ queryInput }, 'chart query');
  logger.info({ signup }, 'signup');
}
export function fetchSeries(event: { id: string; displayName?: string }, folder: { id: string; displayName: string }): void {
  const series = { ...event };
  logger.info({ series }, 'series fetched');
  logger.info({ ...folder }, 'folder children failed');
}
`,
    });
    // a field of an inline type reached under no key (a spread, a copy) has no known owner: not a person's name
    expect(result.keys).toEqual(['app.ts:5 no-pii-logging']);
  });

  it('does not take a read of a constant table of literals for the data its keys name, and still follows what is stored in one', () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'channels.ts': `
export enum ChannelType { Email = 'Email', Sms = 'Sms' }
export const CHANNEL_IDENTIFIERS: Record<ChannelType, string> = { [ChannelType.Email]: 'email', [ChannelType.Sms]: 'phone' };
`,
      'app.ts': `
import { logger } from './log.js';
import { CHANNEL_IDENTIFIERS, ChannelType } from './channels.js';
const lastContact = { Email: '' };
export function send(user: { email: string }, identifierKey: string = CHANNEL_IDENTIFIERS[ChannelType.Email]): void {
  logger.debug({ identifierKey, key: CHANNEL_IDENTIFIERS[ChannelType.Sms] }, 'building headers');
  logger.debug({ table: CHANNEL_IDENTIFIERS }, 'identifiers');
  lastContact.Email = user.email;
  logger.debug({ lastContact }, 'last contact');
}
`,
    });
    expect(result.keys).toEqual(['app.ts:9 no-pii-logging']);
  });

  it("does not take the addresses of a template or definition, the product's settings, for a customer's", () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'broadcast.ts': `
import { logger } from './log.js';
interface EmailTemplate { subject: string; body: string; cc?: string; bcc?: string; replyTo?: string }
export function start(messageTemplateDefinition: EmailTemplate, journeyNode: { variant: { definition: EmailTemplate } }, sent: EmailTemplate): void {
  logger.info({ messageTemplateDefinition }, 'broadcast definitions');
  logger.info({ journeyNode }, 'journey node');
  logger.info({ sent }, 'message sent');
}
declare function loadTemplate(id: string): EmailTemplate;
interface SmsTemplate { body: string; to?: string }
declare function loadAnyTemplate(id: string): EmailTemplate | SmsTemplate | undefined;
export function broadcast(id: string): void {
  const messageTemplateDefinition = loadTemplate(id);
  logger.info({ messageTemplateDefinition }, 'broadcast definitions');
  const channelTemplateDefinition = loadAnyTemplate(id);
  logger.info({ channelTemplateDefinition }, 'broadcast definitions');
}
export function trashThread(options: { threadId: string; ownerEmail: string }): void {
  const { ownerEmail, threadId } = options;
  logger.warn({ email: ownerEmail, threadId }, 'failed to trash');
}
`,
    });
    // a parameter bag named options is not configuration
    expect(result.keys).toEqual(['broadcast.ts:7 no-pii-logging', 'broadcast.ts:20 no-pii-logging']);
  });

  it('judges text put together from parts by its parts, not by the name of the variable holding it', () => {
    const result = analyzeSnippets({
      'app.ts': `
const LABELS = { urgent: { displayName: 'To Respond' }, later: { displayName: 'Later' } };
export function createLabels(prefix: string, user: { firstName: string }): void {
  for (const label of Object.values(LABELS)) {
    const fullDisplayName = \`\${prefix}/\${label.displayName}\`;
    console.log(\`created \${fullDisplayName}\`);
  }
  const greetingName = 'Dear ' + user.firstName;
  console.log(greetingName);
}
`,
    });
    expect(result.keys).toEqual(['app.ts:9 no-pii-logging']);
  });

  it('does not take a constant list written in the code for the data, and still takes one the code fills', () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'app.ts': `
import { logger } from './log.js';
const TEST_EMAILS: string[] = [];
const OPS_EMAILS: string[] = ['ops@example.com'];
export function notify(user: { email: string }): void {
  const recipientEmails: string[] = [];
  recipientEmails.push(user.email);
  logger.info({ TEST_EMAILS, OPS_EMAILS });
  logger.info({ recipientEmails });
}
`,
    });
    expect(result.keys).toEqual(['app.ts:9 no-pii-logging']);
  });
});

describe('message recipients', () => {
  it('takes the `to` of a message (beside a subject or a body) for the recipient, and leaves the sender and lone `to`s alone', () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'mail.ts': `
import { Resend } from 'resend';
import { logger } from './log.js';
type MailData = Parameters<Resend['emails']['send']>[0];
interface SmsParams { to: string; from: string; body: string }
interface Route { to: string; from: string; label: string }
export async function sendMail(mailData: MailData, sms: SmsParams, route: Route): Promise<void> {
  const { error } = await new Resend('re_test').emails.send(mailData);
  if (error) logger.error({ to: mailData.to, from: mailData.from, subject: mailData.subject }, 'resend failed');
  logger.debug({ sms }, 'sending sms');
  logger.info({ from: sms.from }, 'sms sender');
  logger.info({ to: route.to, from: route.from }, 'redirect');
}
`,
    });
    expect(result.keys).toEqual(['mail.ts:9 no-pii-logging', 'mail.ts:10 no-pii-logging']);
    expect(result.byRule('no-pii-logging')[0]?.message).toContain('(Email)');
    expect(result.byRule('no-pii-logging')[1]?.message).toContain('(PhoneNumber)');
  });
});

describe('library call results and reductions', () => {
  it('does not take an SDK response, a validation error or a fetch Response for the data sent', () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'sdk.d.ts': `
declare module 'mail-sdk' {
  export interface SendResult { id: string; error?: { message: string } }
  export class MailClient { send(to: string, body: string): Promise<SendResult> }
}
declare module 'schema-lib' {
  export interface Issue { path: string[]; message: string }
  export type Parsed<T> = { success: true; data: T } | { success: false; error: { issues: Issue[] } };
  export interface Schema<T> { safeParse(input: unknown): Parsed<T>; parse(input: unknown): T }
  export const contact: Schema<{ email: string }>;
}
`,
      'app.ts': `
import { MailClient } from 'mail-sdk';
import { contact } from 'schema-lib';
import { logger } from './log.js';
const mail = new MailClient();
export async function notify(user: { email: string }, body: unknown): Promise<void> {
  const sent = await mail.send(user.email, 'hello');
  logger.info({ result: sent }, 'sent');
  const checked = contact.safeParse(body);
  if (!checked.success) logger.warn({ issues: checked.error }, 'invalid contact');
  else logger.info({ contact: checked.data }, 'valid contact');
  const response = await fetch('https://api.example.com/v1', { method: 'POST', body: user.email });
  logger.info({ status: response.status, response }, 'posted');
  logger.info({ domain: user.email.split('@')[1] }, 'domain');
  logger.info({ first: user.email.split('@')[0] }, 'local part');
  console.log(\`skipped domain \${user.email?.split('@').pop() ?? 'none'} and \${user.email.split('@').at(-1)}\`);
  console.log(user.email.split('@').at(0));
}
`,
    }, { inference: { mode: 'names', add: { body: 'confidential' } } });
    // the parsed contact is the body; the address posted to another company is shared; the local part of an address is the person
    expect(result.keys).toEqual(['app.ts:11 no-pii-logging', 'app.ts:12 no-third-party-sharing', 'app.ts:15 no-pii-logging', 'app.ts:17 no-pii-logging']);
  });
});

describe('generic library results', () => {
  it("takes a generic function's result for its input only where the type parameter stands for the value returned", () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'node_modules/auth-client/index.d.ts': `
export type Provider = 'credentials' | 'email';
export interface SignInResponse { ok: boolean; status: number; error: string | undefined; url: string | null }
export declare function signIn<P extends Provider | undefined = undefined>(provider?: P, options?: Record<string, unknown>): Promise<P extends Provider ? SignInResponse | undefined : undefined>;
export declare function cloneDeep<T>(value: T): T;
export interface GraphRequest { filter(query: string): GraphRequest; top(count: number): GraphRequest; get(): Promise<any> }
export declare function api(path: string): GraphRequest;
export interface List<T> { readonly [index: number]: T; readonly length: number }
export declare function sortBy<T>(collection: List<T> | null | undefined, key: string): T[];
export interface Schema<T> { readonly parse: (value: unknown) => T }
export declare function generateObject<RESULT>(options: { prompt: string; schema: Schema<RESULT> } & ({ mode: 'enum'; enum: RESULT[] } | { mode: 'object' })): Promise<{ object: RESULT; usage: number }>;
`,
      'mail.ts': `
export interface MailProvider { send(mail: { to: string; subject: string }): Promise<{ messageId: string }>; render(mail: { to: string }): string }
`,
      'login.ts': `
import { api, cloneDeep, generateObject, signIn, sortBy, type Schema } from 'auth-client';
import { logger } from './log.js';
import type { MailProvider } from './mail.js';
declare const verdictSchema: Schema<{ spam: boolean; reason: string }>;
export async function classify(sender: { email: string }, provider: MailProvider): Promise<void> {
  const answer = await generateObject({ prompt: \`Is \${sender.email} a spammer?\`, schema: verdictSchema, mode: 'object' });
  logger.info({ reason: answer.object.reason }, 'classified');
  const sent = await provider.send({ to: sender.email, subject: 'Welcome' });
  logger.info({ messageId: sent.messageId }, 'sent');
  logger.info({ preview: provider.render({ to: sender.email }) }, 'rendered');
  logger.info({ senders: sortBy([sender], 'email') }, 'sorted');
}
export async function login(values: { email: string; password: string }): Promise<void> {
  const result = await signIn('credentials', { email: values.email, password: values.password });
  logger.warn(\`sign-in failed: \${JSON.stringify(result)}\`);
  logger.warn(\`copied: \${JSON.stringify(cloneDeep(values))}\`);
  let request = api('/me/messages').top(10);
  request = request.filter(\`from/emailAddress/address eq '\${values.email}'\`);
  const page = await request.get();
  logger.warn({ messages: page.value }, 'messages fetched');
  const sent = [values.email].filter((address) => address !== '');
  logger.warn({ sent }, 'sent to');
}
`,
    }, {}, { roots: ['log.ts', 'mail.ts', 'login.ts'] });
    // a request builder's response is not the query it was built with; an array's filter() keeps its elements;
    // a model's structured answer and a mail provider's receipt are their own values, text rendered from the mail and a sorted copy are not
    expect(result.keys).toEqual(['login.ts:11 no-pii-logging', 'login.ts:12 no-pii-logging', 'login.ts:17 no-pii-logging', 'login.ts:23 no-pii-logging']);
  });
});

describe('collection keys', () => {
  it("takes a Map's keys for what its set() calls put in as keys, an array's indices for nothing, and a Set's keys for its values", () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'report.ts': `
import { logger } from './log.js';
export function report(events: { messageId: string; email: string }[]): void {
  const byMessageId = new Map<string, { messageId: string; email: string }>();
  for (const event of events) byMessageId.set(event.messageId, event);
  logger.info({ ids: Array.from(byMessageId.keys()), positions: [...events.keys()] }, 'delayed');
  logger.info({ events: Array.from(byMessageId.values()) }, 'delayed events');
  const recipients = new Set<string>();
  for (const event of events) recipients.add(event.email);
  logger.info({ recipients: [...recipients.keys()] }, 'recipients');
  const byEmail = new Map<string, string>();
  for (const event of events) byEmail.set(event.email, event.messageId);
  logger.info({ emails: [...byEmail.keys()] }, 'senders');
}
`,
    });
    expect(result.keys).toEqual(['report.ts:7 no-pii-logging', 'report.ts:10 no-pii-logging', 'report.ts:13 no-pii-logging']);
  });
});

describe('validators and SDK card fields', () => {
  it("does not take a validator's type parameters or a mapped copy of an SDK's card parameters for data", () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'app.ts': `
import type Stripe from 'stripe';
import { z } from 'zod';
import { logger } from './log.js';
const contactSchema = z.object({ to: z.string().email(), subject: z.string(), firstName: z.string() });
export function check(previous: Partial<Stripe.TokenCreateParams.Card>, contact: z.infer<typeof contactSchema>): void {
  logger.error({ schema: contactSchema }, 'invalid contact');
  logger.info({ previous }, 'card parameters changed');
  logger.info({ contact }, 'contact');
}
`,
    });
    expect(result.keys).toEqual(['app.ts:9 no-pii-logging']);
  });
});

describe('path readers of utility libraries', () => {
  it("reads the path a ramda or lodash accessor names, not the whole object's fields", () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'node_modules/ramda/index.d.ts': 'export declare function path<T>(segments: readonly (string | number)[], object: unknown): T | undefined;\n',
      'node_modules/@types/lodash/index.d.ts': 'export declare function get(object: unknown, path: string | readonly string[]): any;\n',
      'hook.ts': `
import { path } from 'ramda';
import { get } from 'lodash';
import { logger } from './log.js';
export function done(request: { url: string; query: { input?: string }; user: { email: string; plan: string } }): void {
  logger.info({ input: path<any>(['query', 'input'], request) }, 'request done');
  logger.info({ plan: get(request, 'user.plan') }, 'plan');
  logger.info({ contact: get(request, ['user', 'email']) }, 'contact');
}
`,
    }, {}, { roots: ['log.ts', 'hook.ts'] });
    expect(result.keys).toEqual(['hook.ts:8 no-pii-logging']);
  });
});

describe('status fields of results', () => {
  it('does not take the code or status of a helper result built from the data for the data, and keeps its data fields', () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'app.ts': `
import { logger } from './log.js';
interface Outcome { code: string; status: number; detail: string }
function describeFailure(email: string, reason: unknown): Outcome {
  const detail = String(reason) + ' for ' + email;
  return JSON.parse(JSON.stringify({ code: 'SEND_FAILED', status: 500, detail })) as Outcome;
}
export function report(account: { email: string }, reason: unknown): void {
  const outcome = describeFailure(account.email, reason);
  const failures = [{ errorCode: outcome.code, status: outcome.status }];
  logger.warn({ failures: failures.map((failure) => ({ errorCode: failure.errorCode })) }, 'failed');
  logger.warn({ detail: outcome.detail }, 'failed');
}
declare function createDraft(message: { to: string; body: string }): Promise<unknown>;
function getDraftId(result: unknown): string | null {
  return result !== null && typeof result === 'object' && 'draftId' in result && typeof result.draftId === 'string' ? result.draftId : null;
}
function getDraftBody(result: unknown): unknown {
  return result !== null && typeof result === 'object' && 'body' in result ? result.body : null;
}
export async function draft(account: { email: string }): Promise<void> {
  const created = await createDraft({ to: account.email, body: 'Hi' });
  logger.info({ draftId: getDraftId(created) }, 'drafted');
  logger.info({ body: getDraftBody(created) }, 'drafted');
}
`,
    });
    // a helper reading the result's own id reads no data; one reading another field may
    expect(result.keys).toEqual(['app.ts:12 no-pii-logging', 'app.ts:24 no-pii-logging']);
  });

  it("does not take a request's body for the request object's other fields", () => {
    const result = analyzeSnippets({
      'route.ts': `
export async function POST(request: Request & { auth: { email: string } }): Promise<void> {
  const body = (await request.json()) as { language: string };
  console.log('translating to', body.language);
  console.log('for', request.auth.email);
}
`,
    });
    expect(result.keys).toEqual(['route.ts:5 no-pii-logging']);
  });

  it('does not take the error of an untyped query result for the row that went in', () => {
    const result = analyzeSnippets({
      'app.ts': `
declare const db: any;
export async function record(user: { email: string }): Promise<void> {
  const row = { user_email: user.email, sent_at: new Date().toISOString() };
  const { error } = await db.from('notifications').insert(row).select('id').single();
  if (error) console.error('failed to record', error);
  const saved = await db.from('notifications').insert(row);
  console.log('saved', saved);
}
`,
    });
    // the whole result of an unmodelled call may still hold what went in
    expect(result.keys).toEqual(['app.ts:8 no-pii-logging']);
  });
});

describe('discriminated unions', () => {
  it('reads a union narrowed by its discriminant as the members it can be there', () => {
    const result = analyzeSnippets({
      'app.ts': `
import type { Email } from 'classified';
interface NotAuthenticated { type: 'NotAuthenticated'; message?: string }
interface Unauthorized { type: 'Unauthorized'; member: { email: Email } }
type Failure = NotAuthenticated | Unauthorized;
export function handle(failure: Failure): void {
  switch (failure.type) {
    case 'NotAuthenticated':
      console.warn('not authenticated', failure);
      break;
    case 'Unauthorized':
      console.warn('unauthorized', failure);
      break;
  }
  if (failure.type === 'NotAuthenticated') console.warn(failure);
  console.warn(failure);
}
`,
    });
    expect(result.keys).toEqual(['app.ts:12 no-pii-logging', 'app.ts:16 no-pii-logging']);
  });

  it("reads a constant taken from a narrowed union's member (a webhook event's object) as that member", () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'webhook.ts': `
import { logger } from './log.js';
type WebhookEvent =
  | { type: 'customer.updated'; data: { object: { id: string; email: string; name: string } } }
  | { type: 'subscription.created'; data: { object: { id: string; status: string; customer: string } } };
declare function constructEvent(body: string): WebhookEvent;
export function handle(body: string): void {
  const event = constructEvent(body);
  switch (event.type) {
    case 'subscription.created': {
      const subscription = event.data.object;
      logger.info({ payload: subscription }, 'subscription created');
      break;
    }
    case 'customer.updated': {
      const customer = event.data.object;
      logger.info({ payload: customer }, 'customer updated');
      break;
    }
  }
}
`,
    });
    expect(result.keys).toEqual(['webhook.ts:17 no-pii-logging']);
  });
});

describe('ORM relations', () => {
  it('does not take saving an entity for storing a related entity its relation does not cascade to', () => {
    const result = analyzeSnippets(
      {
        'entities.ts': `
import { Column, Entity, JoinColumn, OneToOne } from 'typeorm';
@Entity('cards') export class CreditCard { @Column() cardNumber!: string; @Column() cvv!: string }
@Entity('expenses') export class Expense {
  @Column() creditCardId!: number;
  @OneToOne(() => CreditCard, { eager: true }) @JoinColumn({ name: 'credit_card_id' }) creditCard!: CreditCard;
}
@Entity('orders') export class Order {
  @OneToOne(() => CreditCard, { cascade: true }) @JoinColumn() card!: CreditCard;
}
`,
        'dal.ts': `
import type { Repository } from 'typeorm';
import type { Expense, Order } from './entities.js';
export async function store(expenses: Repository<Expense>, orders: Repository<Order>, expense: Expense, order: Order): Promise<void> {
  await expenses.insert(expense);
  await orders.save(order);
}
`,
      },
      {},
      { roots: ['entities.ts', 'dal.ts'] },
    );
    // the card's columns are reported where they are declared; of the saves, only the cascading one stores the card
    expect(result.keys).toEqual(['dal.ts:6 no-pan-storage', 'entities.ts:3 no-pan-storage', 'entities.ts:3 no-pan-storage']);
  });

  it('does not take a data source listing the entity classes for holding their columns', () => {
    const result = analyzeSnippets(
      {
        'entities.ts': `
import { Column, Entity } from 'typeorm';
@Entity('cards') export class CardEntity { @Column() number_card!: string; @Column() cvv!: string }
@Entity('tokens') export class TokenEntity { @Column() token!: string; @Column() used!: boolean }
`,
        'tokens.ts': `
import { DataSource } from 'typeorm';
import { CardEntity, TokenEntity } from './entities.js';
const dataSource = new DataSource({ type: 'postgres', entities: [CardEntity, TokenEntity] });
export async function markUsed(token: string): Promise<void> {
  const found = await dataSource.getRepository(TokenEntity).findOneBy({ token });
  const updated = dataSource.getRepository(TokenEntity).merge(found as TokenEntity, { used: true });
  await dataSource.getRepository(TokenEntity).save(updated);
}
`,
      },
      {},
      { roots: ['entities.ts', 'tokens.ts'] },
    );
    expect(result.keys).toEqual(['entities.ts:3 no-pan-storage', 'entities.ts:3 no-pan-storage']);
  });
});

describe('logger redaction', () => {
  it('does not report object keys a pino logger redacts, and still reports what it cannot redact', () => {
    const result = analyzeSnippets({
      'log.ts': `
import pino from 'pino';
const REDACTED = ['email', 'user.phone', '*.firstName'];
export const logger = pino({ redact: { paths: REDACTED, censor: '[redacted]' } });
export const jobs = logger.child({ module: 'jobs' });
export const plain = pino();
`,
      'app.ts': `
import { jobs, logger, plain } from './log.js';
function audit(contact: { email: string }): void {
  logger.info({ email: contact.email }, 'audit');
}
export function run(user: { email: string; phone: string; firstName: string }): void {
  logger.info({ email: user.email }, 'signup');
  jobs.info({ user: { phone: user.phone, firstName: user.firstName } }, 'job');
  logger.info({ contact: user.email }, 'signup');
  logger.info(\`signup \${user.email}\`);
  plain.info({ email: user.email }, 'signup');
  audit(user);
}
`,
    });
    // a key the redaction does not list, a template string, and a logger built without redaction
    expect(result.keys).toEqual(['app.ts:9 no-pii-logging', 'app.ts:10 no-pii-logging', 'app.ts:11 no-pii-logging']);
  });
});

describe('logger formatter hooks and Fastify apps', () => {
  const REDACTING_LOGGER = `
import pino from 'pino';
const SENSITIVE_KEYS = ['token', 'email', 'firstname', 'ip'];
function redactSensitive(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const result: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    result[key] = SENSITIVE_KEYS.some((word) => key.toLowerCase().includes(word)) ? '[REDACTED]' : redactSensitive(inner);
  }
  return result;
}
export function createLogger(name: string) {
  return pino({ name, formatters: { log: (object) => redactSensitive(object) as Record<string, unknown> } });
}
export const logger = createLogger('api');
`;

  it('takes every key containing a word a formatter hook tests for masked, at any depth, and nothing else', () => {
    const result = analyzeSnippets({
      'log.ts': REDACTING_LOGGER,
      'app.ts': `
import { logger } from './log.js';
export function run(user: { email: string; firstName: string; clientIp: string }, profile: { first_name: string }): void {
  logger.info({ user }, 'signed in');
  logger.info({ contactEmail: user.email, ipAddress: user.clientIp }, 'contact');
  logger.info({ profile }, 'profile');
  logger.info(\`signed in \${user.email}\`);
}
`,
    });
    // snake_case first_name escapes the word 'firstname'; a template string is not an object key
    expect(result.keys).toEqual(['app.ts:6 no-pii-logging', 'app.ts:7 no-pii-logging']);
  });

  it("logs request.log lines with the redaction of the Fastify app's logger", () => {
    const result = analyzeSnippets({
      'log.ts': REDACTING_LOGGER,
      'app.ts': `
import Fastify from 'fastify';
import { logger } from './log.js';
const testing = process.env.NODE_ENV === 'test';
const app = Fastify({ bodyLimit: 1_048_576, ...(testing ? { logger: false } : { loggerInstance: logger }) });
app.post('/signup', async (request, reply) => {
  const body = request.body as { email: string; name: string };
  request.log.info({ email: body.email }, 'signup');
  reply.log.info(\`signup \${body.email}\`);
  return { ok: true };
});
`,
    });
    expect(result.keys).toEqual(['app.ts:9 no-pii-logging']);
  });
});

describe('winston meta arguments', () => {
  const app = `
import { logger } from './log.js';
export function signup(user: { email: string; name: string }): void {
  logger.warn('signup failed', user.email, user.name);
  logger.warn('signup failed', { email: user.email });
  logger.warn(\`signup failed \${user.email}\`);
  logger.warn('signup failed', { attempt: 1 }, user.email);
}
`;

  it('reports only what winston writes: the message and a first meta object, not extra strings without format.splat()', () => {
    const result = analyzeSnippets({
      'log.ts': "import winston from 'winston';\nexport const logger = winston.createLogger({ format: winston.format.json(), transports: [new winston.transports.Console()] });\n",
      'app.ts': app,
    });
    expect(result.keys).toEqual(['app.ts:5 no-pii-logging', 'app.ts:6 no-pii-logging']);
  });

  it('reports every argument when the project configures format.splat()', () => {
    const result = analyzeSnippets({
      'log.ts': "import winston from 'winston';\nexport const logger = winston.createLogger({ format: winston.format.combine(winston.format.splat(), winston.format.simple()), transports: [new winston.transports.Console()] });\n",
      'app.ts': app,
    });
    expect(result.keys).toEqual(['app.ts:4 no-pii-logging', 'app.ts:5 no-pii-logging', 'app.ts:6 no-pii-logging', 'app.ts:7 no-pii-logging']);
  });
});

describe('tuple positions', () => {
  it('keeps Promise.all elements and array destructuring apart', () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'app.ts': `
import { logger } from './log.js';
interface Connection { email: string; calendarId: string }
interface Schedule { timezone: string }
declare function loadConnections(): Promise<Connection[]>;
declare function loadSchedule(): Promise<Schedule | null>;
export async function plan(user: { id: string; email: string }): Promise<void> {
  const [connections, schedule] = await Promise.all([loadConnections(), loadSchedule()]);
  logger.info({ timezone: schedule?.timezone, count: connections.length });
  const [id, address] = [user.id, user.email];
  logger.info({ id });
  logger.info({ address });
  logger.info({ first: connections[0]?.email });
}
`,
    });
    expect(result.keys).toEqual(['app.ts:12 no-pii-logging', 'app.ts:13 no-pii-logging']);
  });
});

describe('parameters named like PII at entry points', () => {
  it('reports each call that passes the parameter on, also inside an object held in a local', () => {
    const result = analyzeSnippets({
      'app.ts': `
export function emitA(value: string): void { console.log(value); }
export function emitB(value: string): void { console.log(value); }
export function emitBox(box: { detail: string; channel: string }): void { console.log(box.detail); }
export function handle(contactEmail: string): void {
  emitA(contactEmail);
  emitB(contactEmail);
  const box = { detail: contactEmail, channel: 'web' };
  emitBox(box);
}
`,
    });
    expect(result.keys).toEqual(['app.ts:6 no-pii-logging', 'app.ts:7 no-pii-logging', 'app.ts:9 no-pii-logging']);
  });
});

describe('operator scripts', () => {
  it('takes log output of a script under scripts/ or a command-line package for the operator\'s terminal, whatever the logger, and still checks what it sends elsewhere', () => {
    const script = `
import pino from 'pino';
const logger = pino();
export async function run(user: { email: string }): Promise<void> {
  console.log('fixing', user.email);
  logger.info({ email: user.email }, 'fixing');
  await fetch('https://api.partner.example.org/sync', { method: 'POST', body: user.email });
}
`;
    const result = analyzeSnippets({ 'scripts/fix-billing.ts': script, 'packages/admin-cli/src/fix.ts': script, 'src/job.ts': script, 'src/client.ts': script });
    expect(result.keys).toEqual([
      'packages/admin-cli/src/fix.ts:7 no-third-party-sharing',
      'scripts/fix-billing.ts:7 no-third-party-sharing',
      'src/client.ts:5 no-pii-logging',
      'src/client.ts:6 no-pii-logging',
      'src/client.ts:7 no-third-party-sharing',
      'src/job.ts:5 no-pii-logging',
      'src/job.ts:6 no-pii-logging',
      'src/job.ts:7 no-third-party-sharing',
    ]);
  });

  it('takes a command-line package checked with its own tsconfig for an operator script', () => {
    const ruleIdsIn = (folder: string): string[] => {
      const directory = path.join(ROOT, '.tmp', 'operator-cli', String(process.pid), folder);
      fs.rmSync(directory, { recursive: true, force: true });
      fs.mkdirSync(path.join(directory, 'src'), { recursive: true });
      fs.writeFileSync(path.join(directory, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', target: 'es2022', skipLibCheck: true, noEmit: true }, include: ['src'] }));
      fs.writeFileSync(path.join(directory, 'src', 'onboard.ts'), `import { audit } from '../../shared/audit.js';\nexport function onboard(user: { email: string }): void {\n  console.log('onboarded', user.email);\n  audit(user.email);\n}\n`);
      // a helper of a shared package, which logs what it is handed
      fs.mkdirSync(path.join(directory, '..', 'shared'), { recursive: true });
      fs.writeFileSync(path.join(directory, '..', 'shared', 'audit.ts'), `export function audit(value: string): void {\n  console.log('audit', value);\n}\n`);
      return analyzeProgram(createProgramFromTsconfig(path.join(directory, 'tsconfig.json')), resolveConfig({}), rules).findings.map((finding) => finding.ruleId);
    };
    expect(ruleIdsIn('admin-cli')).toEqual([]);
    expect(ruleIdsIn('admin-api')).toEqual(['no-pii-logging', 'no-pii-logging']);
  });

  it("takes console output of a 'use client' component for the user's own browser console, and still checks its loggers and what it sends", () => {
    const component = `
import pino from 'pino';
const logger = pino();
export async function save(user: { email: string }): Promise<void> {
  console.log('saving', user.email);
  logger.info({ email: user.email }, 'saving');
  await fetch('https://api.partner.example.org/sync', { method: 'POST', body: user.email });
}
`;
    const result = analyzeSnippets({ 'app/profile-form.ts': `'use client';\n${component}`, 'app/profile-action.ts': component });
    expect(result.keys).toEqual([
      'app/profile-action.ts:5 no-pii-logging',
      'app/profile-action.ts:6 no-pii-logging',
      'app/profile-action.ts:7 no-third-party-sharing',
      'app/profile-form.ts:7 no-pii-logging',
      'app/profile-form.ts:8 no-third-party-sharing',
    ]);
  });
});

describe('nested arrays', () => {
  it('follows a field through Promise.all of mapped lists and flat()', () => {
    const result = analyzeSnippets({
      'app.ts': `
interface Member { id: string; user: { email: string } }
export async function prepare(teams: { users: Member[] }[]): Promise<void> {
  const jobs = (await Promise.all(teams.map(async (team) => Promise.all(team.users.map(async (member) => ({ mail: { to: member.user.email }, id: member.id })))))).flat();
  console.log('recipients', jobs.map((job) => job.mail.to));
  console.log('ids', jobs.map((job) => job.id));
}
`,
    });
    expect(result.keys).toEqual(['app.ts:5 no-pii-logging']);
  });
});

describe('logger wrappers', () => {
  it('decides an open log-context parameter at the call sites, through the interface its object literal implements', () => {
    const result = analyzeSnippets({
      'log.ts': `
import pino, { type Logger } from 'pino';
export interface LogContext { email?: string; requestId?: string; [key: string]: unknown }
export interface ServiceLogger { info(message: string, context?: LogContext): void; child(bindings: LogContext): ServiceLogger }
function wrap(base: Logger): ServiceLogger {
  return {
    info: (message: string, context?: LogContext) => {
      base.info(context || {}, message);
    },
    child: (bindings: LogContext): ServiceLogger => wrap(base.child(bindings)),
  };
}
export const logger = wrap(pino());
`,
      'signup.ts': `
import { logger } from './log.js';
export function signup(user: { id: string; email: string }): void {
  logger.child({ requestId: user.id }).info('start');
  logger.info('signed up', { email: user.email });
}
`,
    });
    expect(result.keys).toEqual(['signup.ts:5 no-pii-logging']);
  });

  it('still reports a parameter whose own type requires the data', () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'audit.ts': `
import { logger } from './log.js';
export function audit(member: { email: string; [key: string]: unknown }): void {
  logger.info(member, 'member changed');
}
`,
    });
    expect(result.keys).toEqual(['audit.ts:4 no-pii-logging']);
  });
});

describe("a project's own key masking", () => {
  it('takes keys a helper masks in the objects it rebuilds for masked, and still reports the others', () => {
    const result = analyzeSnippets({
      'redact-fields.ts': `
export const SENSITIVE_FIELD_NAMES = new Set(['from', 'sender', 'replyTo']);
export function normalizeFieldName(name: string): string {
  return name.toLowerCase().replace(/[_-]/g, '');
}
`,
      'logger.ts': `
import pino from 'pino';
import { normalizeFieldName, SENSITIVE_FIELD_NAMES } from './redact-fields.js';
const base = pino();
const NORMALIZED = new Set([...SENSITIVE_FIELD_NAMES].map(normalizeFieldName));
declare function hash(value: string): string;
function hashSensitiveFields<T>(object: T): T {
  if (object === null || typeof object !== 'object') return object;
  const processed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    if (NORMALIZED.has(normalizeFieldName(key)) && typeof value === 'string') processed[key] = hash(value);
    else processed[key] = value;
  }
  return processed as T;
}
export function createLogger() {
  return {
    info: (message: string, args?: Record<string, unknown>) => base.info(hashSensitiveFields({ ...args }), message),
    warn: (message: string, ...args: unknown[]) => base.warn(\`\${message} \${JSON.stringify(args.map(hashSensitiveFields))}\`),
  };
}
`,
      'app.ts': `
import { createLogger } from './logger.js';
const logger = createLogger();
export function received(message: { sender: { email: string } }, account: { email: string }): void {
  logger.info('received', { sender: message.sender.email, reply_to: message.sender.email });
  logger.info('account', { email: account.email });
  logger.warn('received', { from: message.sender.email });
  logger.warn('account', { email: account.email });
}
`,
    });
    expect(result.keys).toEqual(['app.ts:6 no-pii-logging', 'app.ts:8 no-pii-logging']);
  });
});

describe("staff members' own identity", () => {
  it("does not take an admin's own e-mail, read where a condition tests the admin flag, for a customer's", () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'access.ts': `
import { logger } from './log.js';
interface SessionUser { id: string; email: string; admin?: boolean }
export function openProject(user: SessionUser, projectId: string, isAdmin: boolean): void {
  if (user.admin === true) {
    logger.info({ email: user.email, projectId }, 'admin accessed a project');
  }
  if (isAdmin && projectId !== '') logger.info({ email: user.email, projectId }, 'admin opened');
  if (!user.admin) {
    logger.warn({ email: user.email }, 'not a member');
  }
  if (user.admin !== true) logger.warn({ email: user.email }, 'not an admin');
}
export function openTrace(ctx: { session?: { user: SessionUser } }, projectId: string): void {
  if (ctx.session?.user?.admin === true) {
    logger.info({ email: ctx.session.user.email, projectId }, 'admin opened a trace');
  }
}
`,
    });
    // the last two name a customer who is not an admin
    expect(result.keys).toEqual(['access.ts:10 no-pii-logging', 'access.ts:12 no-pii-logging']);
  });
});

describe('chat messages', () => {
  it('are data to the training rule alone: a prompt logged or sent to analytics is not reported for its content', () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'chat.ts': `
import OpenAI from 'openai';
import { PostHog } from 'posthog-node';
import { logger } from './log.js';
const openai = new OpenAI();
const posthog = new PostHog('phc_key');
export async function answer(input: any): Promise<void> {
  const messages = [{ role: 'user', content: input.text }];
  logger.info({ messages }, 'prompt');
  posthog.capture({ distinctId: 'server', event: 'prompt', properties: { messages } });
  await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: String(input.text) }] });
  await openai.files.create({ file: new File([JSON.stringify({ messages })], 'train.jsonl'), purpose: 'fine-tune' });
}
`,
    });
    expect(result.keys).toEqual(['chat.ts:12 no-identifiable-training-data']);
  });
});

describe('development-only code', () => {
  it('does not report sinks only development runs: a NODE_ENV branch, and the print-out standing in for an unconfigured mail provider', () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'mail.ts': `
import { logger } from './log.js';
declare const resend: { emails: { send(message: { to: string; subject: string }): Promise<void> } };
const isDev = process.env.NODE_ENV !== 'production';
export async function sendEmail(email: string, subject: string): Promise<void> {
  if (!process.env.RESEND_API_KEY) {
    console.log('No mail provider, here is the mail to', email);
    return;
  }
  if (process.env.NODE_ENV === 'development') logger.info({ email }, 'sending');
  if (isDev) console.log('to', email);
  process.env.NODE_ENV === 'production' ? undefined : console.log(email);
  await resend.emails.send({ to: email, subject });
  if (process.env.NODE_ENV === 'production') logger.info({ email }, 'sent');
}
export async function alert(email: string): Promise<void> {
  if (process.env.NODE_ENV === 'development' || !process.env.SLACK_WEBHOOK_URL) {
    console.log('signup', email);
    return;
  }
}
`,
    });
    // production's log after sending, and the print-out of a message a deployment without Slack would have posted
    expect(result.keys).toEqual(['mail.ts:14 no-pii-logging', 'mail.ts:18 no-pii-logging']);
  });

  it("does not take a call for reaching a log its literal argument rules out: a template table entry without the tested key", () => {
    const result = analyzeSnippets(
      {
        'log.ts': PINO_LOGGER,
        'emails.ts': `
import { logger } from './log.js';
export const templates = {
  invite: { subject: 'Join us' },
  'reset-password': { subject: 'Reset your password' },
  digest: { subject: 'Your week', category: 'digest' as const },
};
export function sendEmail(templateKey: keyof typeof templates, options: { to: string }): void {
  const template = templates[templateKey];
  if ('category' in template && template.category) {
    logger.info(\`Skipping email to \${options.to}: unsubscribed\`);
  }
}
export function preview(templateKey: keyof typeof templates, options: { to: string }): void {
  const template = templates[templateKey];
  if (template.toString) logger.info(\`Preview for \${options.to}\`);
}
`,
        'app.ts': `
import { preview, sendEmail } from './emails.js';
export function invite(email: string): void { sendEmail('invite', { to: email }); }
export function reset(email: string): void { sendEmail('reset-password', { to: email }); }
export function digest(email: string): void { sendEmail('digest', { to: email }); }
export function send(email: string, key: 'invite' | 'digest'): void { sendEmail(key, { to: email }); }
export function show(email: string): void { preview('invite', { to: email }); }
`,
      },
      {},
      // the helper's package is read for its summary, the app's calls are reported
      { roots: ['log.ts', 'app.ts'] },
    );
    // a member every object inherits is there, written or not
    expect(result.keys).toEqual(['app.ts:5 no-pii-logging', 'app.ts:6 no-pii-logging', 'app.ts:7 no-pii-logging']);
  });

  it('does not report what runs only with a debug switch on, also after an early return, nor after a return in production', () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'scoped.ts': `
import { logger } from './log.js';
declare const env: { ENABLE_DEBUG_LOGS: boolean; NODE_ENV: string };
export function createScopedLogger(scope: string) {
  return {
    info: (message: string, args?: Record<string, unknown>) => logger.info({ scope, ...args }, message),
    trace: (message: string, args?: Record<string, unknown>) => {
      if (!env.ENABLE_DEBUG_LOGS) return;
      logger.debug({ scope, ...args }, message);
    },
  };
}
export function dumpSession(user: { email: string }): void {
  if (env.NODE_ENV === 'production') {
    return;
  }
  console.log('session of', user.email);
}
`,
      'rules.ts': `
import { createScopedLogger } from './scoped.js';
const log = createScopedLogger('rules');
export function runRule(account: { email: string }): void {
  log.trace('running rule', { email: account.email });
  log.info('running rule', { userEmail: account.email });
}
`,
    });
    expect(result.keys).toEqual(['rules.ts:6 no-pii-logging']);
  });
});

describe('text put together from parts', () => {
  it('does not take a label name composed from a prefix and a constant table for the data its stored column names', () => {
    const result = analyzeSnippets({
      'labels.ts': `
declare const db: { upsert(row: object): Promise<void> };
const LABELS = { toRespond: { displayName: 'To Respond' }, fyi: { displayName: 'FYI' } };
export async function setUpLabels(userEmail: string, labelPrefix = 'app'): Promise<void> {
  for (const [labelName, labelConfig] of Object.entries(LABELS)) {
    const fullDisplayName = \`\${labelPrefix}/\${labelConfig.displayName}\`;
    console.log(\`created label \${fullDisplayName}\`);
    await db.upsert({ user_email: userEmail, label_name: labelName, display_name: fullDisplayName });
  }
}
`,
    });
    expect(result.keys).toEqual([]);
  });
});
