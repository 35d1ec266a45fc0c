/**
 * The engine reads types the cheap way where it can (declared types of names and members, the
 * one signature of a call, a project function's declared return type). These cases are where a
 * shortcut could lose what the checker's full answer has.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSnippets, PINO_LOGGER } from '../helpers/analyze-snippets.js';

describe('type shortcuts keep what the checker would say', () => {
  it('reads a brand through a generic helper whose return type is Confidential<T>', () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'app.ts': `
import type { Confidential } from 'classified';
import { logger } from './log.js';
function seal<T>(value: T): Confidential<T> {
  return value as Confidential<T>;
}
export function run(note: string): void {
  logger.info({ sealed: seal(note) });
  logger.info({ plain: note });
}
`,
    });
    expect(result.keys).toEqual(['app.ts:8 no-pii-logging']);
  });

  it('follows a generic project wrapper by its body, and a brand on its argument', () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'app.ts': `
import type { Email } from 'classified';
import { logger } from './log.js';
interface Envelope<T> { status: number; body: T }
function ok<T>(body: T, status = 200): Envelope<T> {
  return { status, body };
}
interface View { id: string; contact: Email }
export function respond(view: View, id: string): void {
  logger.info({ response: ok(view) });
  logger.info({ response: ok({ id }) });
  logger.info({ status: ok(view).status });
}
`,
    });
    expect(result.keys).toEqual(['app.ts:10 no-pii-logging']);
  });

  it('types a shorthand property, an awaited call and a new instance by their declarations', () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'app.ts': `
import type { Email, PAN } from 'classified';
import { logger } from './log.js';
class CardView {
  constructor(readonly last4: string, readonly pan: PAN) {}
}
interface Repo { load(id: string): Promise<{ id: string; email: Email }> }
export async function run(repo: Repo, id: string, email: Email, pan: PAN): Promise<void> {
  logger.info({ email });
  const account = await repo.load(id);
  logger.info({ who: account.email });
  logger.info({ id: account.id });
  const view = new CardView('4242', pan);
  logger.info({ card: view.pan });
  logger.info({ last4: view.last4 });
}
`,
    });
    expect(result.keys).toEqual(['app.ts:9 no-pii-logging', 'app.ts:11 no-pii-logging', 'app.ts:14 no-restricted-logging']);
  });

  it('finds a sink member on a receiver declared optional or as a union', () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'app.ts': `
import type { Logger } from 'pino';
import type { Email } from 'classified';
export class Service {
  constructor(private readonly log: Logger | undefined, private readonly fallback: Logger | Console) {}
  run(email: Email): void {
    if (this.log !== undefined) this.log.warn({ email });
    this.log?.error({ email });
    this.fallback.info({ email });
  }
}
`,
    });
    expect(result.keys).toEqual(['app.ts:7 no-pii-logging', 'app.ts:8 no-pii-logging', 'app.ts:9 no-pii-logging']);
  });

  it('resolves names by scope: shadowing, exported and imported values, shadowed globals', () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'support.ts': `
import type { Email } from 'classified';
export const SUPPORT_ADDRESS = 'help@example.com' as Email;
`,
      'app.ts': `
import type { Email } from 'classified';
import { logger } from './log.js';
import { SUPPORT_ADDRESS } from './support.js';
export const OWNER = 'owner@example.com' as Email;
export function run(value: Email, note: string): void {
  logger.info(value);
  {
    const value = note;
    logger.info(value);
  }
  logger.info(OWNER);
  logger.info(SUPPORT_ADDRESS);
  const console = { log: (line: unknown): string => String(line) };
  console.log(value);
}
`,
    });
    expect(result.keys).toEqual(['app.ts:7 no-pii-logging', 'app.ts:12 no-pii-logging', 'app.ts:13 no-pii-logging']);
  });

  it('still reads @sink and @declassify tags, whose files keep their JSDoc', () => {
    const result = analyzeSnippets({
      'audit.ts': `
/** @sink log */
export function audit(message: unknown): void {
  void message;
}
/** @declassify */
export function tokenize(value: string): string {
  return value.slice(-4);
}
`,
      'app.ts': `
import type { Email } from 'classified';
import { audit, tokenize } from './audit.js';
export function run(email: Email): void {
  audit({ email });
  audit({ token: tokenize(email) });
}
`,
    });
    expect(result.keys).toEqual(['app.ts:5 no-pii-logging']);
  });

  it('types a conditional by its branches, and `this` in instance members, arrow functions and static members', () => {
    const result = analyzeSnippets({
      'app.ts': `
import pino, { type Logger } from 'pino';
import type { Email } from 'classified';
interface Contact { id: string; email: Email }
interface Repo {
  load(id: string): Promise<Contact>;
  cached(id: string): Promise<Contact>;
  find(id: string): Promise<Contact | undefined>;
  count(id: string): Promise<number>;
}
export async function run(repo: Repo, log: Logger, id: string, fresh: boolean): Promise<void> {
  const contact = fresh ? await repo.load(id) : await repo.cached(id);
  log.info({ who: contact.email });
  const maybe = id === '' ? undefined : await repo.find(id);
  log.info({ who: maybe?.email });
  const either = fresh ? await repo.load(id) : await repo.count(id);
  log.info({ either });
  const seats = fresh ? await repo.count(id) : (null);
  log.info({ seats });
}
export class Mailer {
  private readonly log = pino();
  static readonly log = pino();
  constructor(private readonly contact: Contact) {}
  send(): void {
    this.log.info({ to: this.contact.email });
    [1].forEach(() => this.log.info({ to: this.contact.email }));
    this.log.info({ id: this.contact.id });
  }
  static send(contact: Contact): void {
    this.log.info({ to: contact.email });
  }
}
`,
    });
    expect(result.keys).toEqual(['app.ts:13 no-pii-logging', 'app.ts:15 no-pii-logging', 'app.ts:17 no-pii-logging', 'app.ts:26 no-pii-logging', 'app.ts:27 no-pii-logging', 'app.ts:31 no-pii-logging']);
  });
});
