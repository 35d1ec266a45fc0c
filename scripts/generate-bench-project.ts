/**
 * Generates the codebase `npm run bench` measures: a deterministic (seeded), realistic TypeScript
 * service project of roughly the requested number of lines, with known violations.
 *
 * Layout of a generated project (`.tmp/bench/<lines>/` by default — inside the repository, so
 * `classified`, pino, ioredis, @segment/analytics-node, prom-client and pg resolve through the
 * repository's node_modules and the package self-reference):
 *
 *   tsconfig.json, classified.config.json, bench-project.json (manifest), expected-findings.json
 *   src/platform/{logger,db,analytics,http,notify,ids}.ts      shared infrastructure
 *   src/<domain>-<N>/{types,repository,service,handler,format,metrics}.ts
 *
 * Each domain has an entity interface with branded fields (`email: Email`, `fullName:
 * PersonName`, `ownerId: CustomerId`, sometimes `card: PAN`), unbranded sensitive names
 * (`phoneNumber: string`, `salary: number`, `billingAddress: string`) and plenty of plain fields;
 * a pg repository with a Redis cache, a service that logs (pino), tracks (Segment), counts
 * (prom-client) and calls helpers of other domains, HTTP-style handlers, formatting helpers and
 * metrics. The `trail<Entity>` helpers form cross-domain call chains: a domain's trail helper
 * forwards to the trail helper of an earlier domain, up to 5 files deep, and the first one logs.
 *
 * Known violations are emitted only for flows whose answer is unambiguous under DESIGN.md, each on
 * its own line, and listed in `expected-findings.json` as `{ file, line, ruleId, flow }` (file
 * relative to the project directory). Everything else is meant to be correct code: ids, counts,
 * TenantId labels, `redact()`ed contacts, Confidential data in the regional database and cache,
 * e-mails to the first-party notification service, the PAN masked before it is stored.
 *
 * The output depends only on the seed and the requested size: domain `i` is generated from its
 * own sub-seed, so a larger project shares its first domains' shapes with a smaller one.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Bumped whenever the generated code changes, so `npm run bench` regenerates stale projects. */
export const GENERATOR_VERSION = 1;
export const DEFAULT_SEED = 20240917;
export const MANIFEST_FILE = 'bench-project.json';
export const EXPECTED_FILE = 'expected-findings.json';

export interface GenerateOptions {
  readonly seed: number;
  /** target number of source lines (the result is at least this, within one domain) */
  readonly lines: number;
  /** default: `.tmp/bench/<lines>/` under the current directory */
  readonly outDir?: string;
}

export interface ExpectedFinding {
  /** relative to the project directory, forward slashes */
  readonly file: string;
  readonly line: number;
  readonly ruleId: string;
  /** which kind of flow this is, for per-flow recall */
  readonly flow: ViolationKind;
}

export interface BenchManifest {
  readonly generatorVersion: number;
  readonly seed: number;
  readonly targetLines: number;
  readonly lines: number;
  readonly files: number;
  readonly domains: number;
  readonly maxChainDepth: number;
  readonly expectedFindings: number;
}

export interface GeneratedProject extends BenchManifest {
  readonly outDir: string;
  readonly expected: readonly ExpectedFinding[];
}

// ─────────────────────────────────────────── randomness ───────────────────────────────────────────

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG. Same seed, same sequence. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** `count` distinct items, in a random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
    }
    return pool.slice(0, Math.min(count, pool.length));
  }
}

/** Derives the sub-seed of stream `index` from `seed` (splitmix-style integer hash). */
export function deriveSeed(seed: number, index: number): number {
  let x = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

// ───────────────────────────────────────────── model ─────────────────────────────────────────────

export type ViolationKind =
  | 'log-email-direct'
  | 'log-email-template'
  | 'log-email-helper-chain'
  | 'log-email-through-return'
  | 'pan-to-redis'
  | 'telemetry-email-as-route'
  | 'segment-email'
  | 'log-inferred-phone'
  | 'log-inferred-salary';

const RULE_OF: Readonly<Record<ViolationKind, string>> = {
  'log-email-direct': 'no-pii-logging',
  'log-email-template': 'no-pii-logging',
  'log-email-helper-chain': 'no-pii-logging',
  'log-email-through-return': 'no-pii-logging',
  'pan-to-redis': 'no-pan-storage',
  'telemetry-email-as-route': 'telemetry-deidentified',
  'segment-email': 'no-third-party-sharing',
  'log-inferred-phone': 'no-pii-logging',
  'log-inferred-salary': 'no-restricted-logging',
};

const VIOLATION_ROTATION: readonly ViolationKind[] = [
  'log-email-direct',
  'log-email-helper-chain',
  'pan-to-redis',
  'telemetry-email-as-route',
  'segment-email',
  'log-inferred-phone',
  'log-email-template',
  'log-inferred-salary',
  'log-email-through-return',
];

interface ExtraField {
  readonly name: string;
  readonly type: string;
  readonly initial: string;
  readonly patchable: boolean;
}

const EXTRA_FIELDS: readonly ExtraField[] = [
  { name: 'region', type: 'string', initial: "'eu-west-1'", patchable: true },
  { name: 'locale', type: 'string', initial: "'en-GB'", patchable: true },
  { name: 'timezone', type: 'string', initial: "'Europe/Berlin'", patchable: true },
  { name: 'priority', type: "'low' | 'normal' | 'high'", initial: "'normal'", patchable: true },
  { name: 'channel', type: "'web' | 'mobile' | 'api'", initial: "'web'", patchable: false },
  { name: 'tags', type: 'string[]', initial: '[]', patchable: true },
  { name: 'externalRef', type: 'string | null', initial: 'null', patchable: false },
  { name: 'score', type: 'number', initial: '0', patchable: true },
  { name: 'retries', type: 'number', initial: '0', patchable: false },
  { name: 'revision', type: 'number', initial: '1', patchable: false },
  { name: 'category', type: 'string', initial: "'general'", patchable: true },
  { name: 'lastSyncedAt', type: 'Date | null', initial: 'null', patchable: false },
  { name: 'featureFlags', type: 'string[]', initial: '[]', patchable: true },
  { name: 'archivedAt', type: 'Date | null', initial: 'null', patchable: false },
  { name: 'sourceSystem', type: 'string', initial: "'api'", patchable: false },
  { name: 'discountPercent', type: 'number', initial: '0', patchable: true },
  { name: 'renewalDay', type: 'number', initial: '1', patchable: true },
  { name: 'costCenter', type: 'string', initial: "'cc-000'", patchable: true },
];

/** plural folder noun, singular entity noun; `staff` domains carry salaries, `card` domains a PAN */
const NOUNS: readonly { readonly plural: string; readonly singular: string; readonly trait?: 'staff' | 'card' }[] = [
  { plural: 'accounts', singular: 'account' },
  { plural: 'orders', singular: 'order', trait: 'card' },
  { plural: 'invoices', singular: 'invoice' },
  { plural: 'subscriptions', singular: 'subscription', trait: 'card' },
  { plural: 'employees', singular: 'employee', trait: 'staff' },
  { plural: 'shipments', singular: 'shipment' },
  { plural: 'payments', singular: 'payment', trait: 'card' },
  { plural: 'tickets', singular: 'ticket' },
  { plural: 'contractors', singular: 'contractor', trait: 'staff' },
  { plural: 'reviews', singular: 'review' },
  { plural: 'referrals', singular: 'referral' },
  { plural: 'wallets', singular: 'wallet', trait: 'card' },
  { plural: 'returns', singular: 'return' },
  { plural: 'memberships', singular: 'membership' },
  { plural: 'payouts', singular: 'payout', trait: 'staff' },
  { plural: 'leads', singular: 'lead' },
  { plural: 'bookings', singular: 'booking', trait: 'card' },
  { plural: 'quotes', singular: 'quote' },
  { plural: 'claims', singular: 'claim' },
  { plural: 'loyalty', singular: 'reward' },
  { plural: 'onboarding', singular: 'applicant', trait: 'staff' },
  { plural: 'deliveries', singular: 'delivery' },
  { plural: 'carts', singular: 'cart', trait: 'card' },
  { plural: 'contracts', singular: 'contract' },
];

const OPERATIONS: readonly string[] = [
  'renew', 'suspend', 'reactivate', 'transfer', 'reprice', 'escalate', 'reconcile', 'expire',
  'verify', 'approve', 'reject', 'reassign', 'snapshot', 'recount', 'freeze', 'release',
];

interface Domain {
  readonly index: number;
  readonly dir: string;
  readonly entity: string;
  readonly variable: string;
  readonly upper: string;
  readonly human: string;
  readonly hasCard: boolean;
  readonly hasSalary: boolean;
  readonly hasPhone: boolean;
  readonly hasBillingAddress: boolean;
  readonly extras: readonly ExtraField[];
  readonly operations: readonly string[];
  readonly chainDepth: number;
  readonly chainParent: Domain | undefined;
  /** earlier domains whose helpers this domain's service calls */
  readonly helperDomains: readonly Domain[];
  /** the earlier domain whose trail helper the chain violation goes through */
  readonly chainTarget: Domain | undefined;
  readonly violations: readonly ViolationKind[];
  readonly random: Random;
}

// ───────────────────────────────────────────── output ─────────────────────────────────────────────

class SourceFile {
  readonly lines: string[] = [];
  private readonly marks: { line: number; flow: ViolationKind }[] = [];

  constructor(readonly relativePath: string) {}

  add(...lines: string[]): this {
    for (const line of lines) this.lines.push(...line.split('\n'));
    return this;
  }

  /** Adds one line that carries a known violation, recorded at this line. */
  violation(flow: ViolationKind, line: string): this {
    if (line.includes('\n')) throw new Error('a violation must be one line');
    this.lines.push(line);
    this.marks.push({ line: this.lines.length, flow });
    return this;
  }

  /** Inserts `lines` at the top (imports decided after the body), shifting the recorded violations. */
  prepend(...lines: string[]): this {
    const split = lines.flatMap((line) => line.split('\n'));
    this.lines.unshift(...split);
    for (const mark of this.marks) mark.line += split.length;
    return this;
  }

  findings(): ExpectedFinding[] {
    return this.marks.map((mark) => ({ file: this.relativePath, line: mark.line, ruleId: RULE_OF[mark.flow], flow: mark.flow }));
  }

  text(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

function pascal(text: string): string {
  return text.replace(/(^|[-_ ])([a-z])/g, (_match, _sep: string, letter: string) => letter.toUpperCase());
}

function snake(text: string): string {
  return text.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

// ───────────────────────────────────────────── domains ─────────────────────────────────────────────

function createDomain(seed: number, index: number, earlier: readonly Domain[], compact: boolean, usage: Map<ViolationKind, number>): Domain {
  const random = new Random(deriveSeed(seed, index));
  const noun = NOUNS[index % NOUNS.length] ?? NOUNS[0]!;
  const entity = `${pascal(noun.singular)}${index}`;
  const variable = `${noun.singular}${index}`;
  const hasCard = noun.trait === 'card' || (noun.trait === undefined && random.chance(0.1));
  const hasSalary = noun.trait === 'staff';
  const hasPhone = random.chance(0.7);
  const hasBillingAddress = random.chance(0.4);
  const extras = random.sample(EXTRA_FIELDS, compact ? random.int(3, 5) : random.int(5, 10));
  const operations = random.sample(OPERATIONS, compact ? 1 : random.int(3, 7));

  // chains: a domain's trail helper forwards to an earlier domain's (depth + 1), at most 5 deep
  let chainParent: Domain | undefined;
  if (earlier.length > 0 && !random.chance(0.15)) {
    const candidates = earlier.filter((domain) => domain.chainDepth <= 4);
    const deepest = candidates.filter((domain) => domain.chainDepth === Math.max(...candidates.map((c) => c.chainDepth)));
    if (candidates.length > 0) chainParent = random.chance(0.6) ? random.pick(deepest) : random.pick(candidates);
  }
  const chainDepth = chainParent === undefined ? 1 : chainParent.chainDepth + 1;
  const helperDomains = random.sample(earlier.slice(-12), random.int(1, 3));
  const chainCandidates = earlier.filter((domain) => domain.chainDepth >= 2);
  const maxDepth = Math.max(0, ...chainCandidates.map((domain) => domain.chainDepth));
  const chainTarget = chainCandidates.length === 0 ? undefined : random.pick(chainCandidates.filter((domain) => domain.chainDepth >= Math.min(3, maxDepth)));

  const eligible = (kind: ViolationKind): boolean =>
    (kind !== 'pan-to-redis' || hasCard) &&
    (kind !== 'log-inferred-salary' || hasSalary) &&
    (kind !== 'log-inferred-phone' || hasPhone) &&
    (kind !== 'log-email-helper-chain' || chainTarget !== undefined);
  // balanced over the project: the eligible kinds used least so far, in rotation order
  const wanted = compact ? 4 : random.int(1, 3);
  const violations = VIOLATION_ROTATION.filter(eligible)
    .map((kind, order) => ({ kind, order }))
    .sort((x, y) => (usage.get(x.kind) ?? 0) - (usage.get(y.kind) ?? 0) || x.order - y.order)
    .slice(0, wanted)
    .map(({ kind }) => kind);
  for (const kind of violations) usage.set(kind, (usage.get(kind) ?? 0) + 1);

  return {
    index,
    dir: `${noun.plural}-${index}`,
    entity,
    variable,
    upper: snake(variable).toUpperCase(),
    human: `${noun.singular} ${index}`,
    hasCard,
    hasSalary,
    hasPhone,
    hasBillingAddress,
    extras,
    operations,
    chainDepth,
    chainParent,
    helperDomains,
    chainTarget,
    violations,
    random,
  };
}

function importPath(from: Domain, to: Domain, file: string): string {
  return from === to ? `./${file}.js` : `../${to.dir}/${file}.js`;
}

// ─────────────────────────────────────────── platform ───────────────────────────────────────────

function platformFiles(): SourceFile[] {
  const logger = new SourceFile('src/platform/logger.ts').add(
    "import pino from 'pino';",
    '',
    '/** The application log, shipped to the central log cluster. */',
    'export const logger = pino({',
    "  name: 'bench-app',",
    "  level: process.env.LOG_LEVEL ?? 'info',",
    "  redact: ['req.headers.authorization', 'req.headers.cookie'],",
    '});',
    '',
    'export type Logger = typeof logger;',
    '',
    '/** A child logger tagged with the module name. */',
    'export function moduleLogger(module: string): Logger {',
    '  return logger.child({ module });',
    '}',
  );
  const db = new SourceFile('src/platform/db.ts').add(
    "import pg from 'pg';",
    "import { Redis } from 'ioredis';",
    '',
    "/** The tenant region's Postgres. */",
    'export const pool = new pg.Pool({',
    '  connectionString: process.env.DATABASE_URL,',
    '  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),',
    '  idleTimeoutMillis: 30_000,',
    '});',
    '',
    "/** The tenant region's Redis: caches, idempotency keys, short-lived workflow state. */",
    "export const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379', {",
    "  keyPrefix: 'app:',",
    '  maxRetriesPerRequest: 2,',
    '});',
    '',
    '/** Runs `work` in a transaction on one pooled connection. */',
    'export async function withTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {',
    '  const client = await pool.connect();',
    '  try {',
    "    await client.query('BEGIN');",
    '    const result = await work(client);',
    "    await client.query('COMMIT');",
    '    return result;',
    '  } catch (error) {',
    "    await client.query('ROLLBACK');",
    '    throw error;',
    '  } finally {',
    '    client.release();',
    '  }',
    '}',
  );
  const analytics = new SourceFile('src/platform/analytics.ts').add(
    "import { Analytics } from '@segment/analytics-node';",
    '',
    '/** Product analytics (Segment). Events carry ids, plans and counts — never customer data. */',
    "export const analytics = new Analytics({ writeKey: process.env.SEGMENT_WRITE_KEY ?? 'development' });",
    '',
    'export async function flushAnalytics(): Promise<void> {',
    '  await analytics.closeAndFlush({ timeout: 5_000 });',
    '}',
  );
  const http = new SourceFile('src/platform/http.ts').add(
    "import type { TenantId } from 'classified';",
    '',
    'export interface HttpRequest {',
    '  readonly route: string;',
    "  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';",
    '  readonly tenantId: TenantId;',
    '  readonly actorId: string;',
    '  readonly params: Readonly<Record<string, string | undefined>>;',
    '  readonly query: Readonly<Record<string, string | undefined>>;',
    '  readonly body: unknown;',
    '  readonly startedAt: number;',
    '}',
    '',
    'export interface HttpError {',
    '  readonly error: string;',
    '}',
    '',
    'export interface HttpResponse<T> {',
    '  readonly status: number;',
    '  readonly body: T | HttpError;',
    '}',
    '',
    'export function ok<T>(body: T, status = 200): HttpResponse<T> {',
    '  return { status, body };',
    '}',
    '',
    'export function badRequest<T>(error: string): HttpResponse<T> {',
    '  return { status: 400, body: { error } };',
    '}',
    '',
    'export function notFound<T>(what: string): HttpResponse<T> {',
    '  return { status: 404, body: { error: `${what} not found` } };',
    '}',
    '',
    'export function conflict<T>(error: string): HttpResponse<T> {',
    '  return { status: 409, body: { error } };',
    '}',
    '',
    'export function serverError<T>(): HttpResponse<T> {',
    "  return { status: 500, body: { error: 'internal error' } };",
    '}',
    '',
    'export function isRecord(value: unknown): value is Record<string, unknown> {',
    "  return typeof value === 'object' && value !== null && !Array.isArray(value);",
    '}',
    '',
    'export function readString(body: Record<string, unknown>, key: string): string | undefined {',
    '  const value = body[key];',
    "  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;",
    '}',
    '',
    'export function readNumber(body: Record<string, unknown>, key: string): number | undefined {',
    '  const value = body[key];',
    "  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;",
    '}',
    '',
    'export function requireParam(req: HttpRequest, key: string): string | undefined {',
    '  const value = req.params[key];',
    '  return value !== undefined && /^[A-Za-z0-9_-]{1,64}$/.test(value) ? value : undefined;',
    '}',
  );
  const notify = new SourceFile('src/platform/notify.ts').add(
    "import type { Email } from 'classified';",
    '',
    "/** The first-party notification service (in the tenant's region). */",
    "const NOTIFY_URL = 'https://notify.internal.example/v1/messages';",
    '',
    'export interface NotificationData {',
    '  readonly [key: string]: string | number | boolean;',
    '}',
    '',
    '/** Queues a templated e-mail. The address goes to our own regional service only. */',
    'export async function sendNotification(to: Email, template: string, data: NotificationData): Promise<boolean> {',
    '  const response = await fetch(NOTIFY_URL, {',
    "    method: 'POST',",
    "    headers: { 'content-type': 'application/json' },",
    '    body: JSON.stringify({ to, template, data }),',
    '  });',
    '  return response.ok;',
    '}',
  );
  const ids = new SourceFile('src/platform/ids.ts').add(
    "import { randomUUID } from 'node:crypto';",
    '',
    '/** `ord_3f2a...`: a prefixed random id. */',
    'export function newId(prefix: string): string {',
    "  return `${prefix}_${randomUUID().replace(/-/g, '')}`;",
    '}',
    '',
    'export function isId(value: string, prefix: string): boolean {',
    '  return value.startsWith(`${prefix}_`) && value.length === prefix.length + 33;',
    '}',
    '',
    '/** Opaque pagination cursor over (createdAt, id). */',
    'export function encodeCursor(createdAt: Date, id: string): string {',
    "  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString('base64url');",
    '}',
    '',
    'export function decodeCursor(cursor: string): { createdAt: Date; id: string } | undefined {',
    "  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');",
    '  if (iso === undefined || id === undefined) return undefined;',
    '  const createdAt = new Date(iso);',
    '  return Number.isNaN(createdAt.getTime()) ? undefined : { createdAt, id };',
    '}',
  );
  return [logger, db, analytics, http, notify, ids];
}

// ───────────────────────────────────────────── types.ts ─────────────────────────────────────────────

function typesFile(d: Domain): SourceFile {
  const f = new SourceFile(`src/${d.dir}/types.ts`);
  const E = d.entity;
  const brands = ['CustomerId', 'Email', 'PersonName', 'TenantId', ...(d.hasCard ? ['PAN'] : [])].sort();
  f.add(`import type { ${brands.join(', ')} } from 'classified';`, '');
  f.add(`/** Lifecycle of a ${d.human} record. */`);
  f.add(`export type ${E}Status = 'pending' | 'active' | 'suspended' | 'archived';`);
  f.add(`export type ${E}Plan = 'free' | 'team' | 'business' | 'enterprise';`, '');
  f.add(`export const ${d.upper}_STATUSES: readonly ${E}Status[] = ['pending', 'active', 'suspended', 'archived'];`);
  f.add(`export const ${d.upper}_PLANS: readonly ${E}Plan[] = ['free', 'team', 'business', 'enterprise'];`, '');
  f.add(`/** A ${d.human} as the service works with it. Personal fields carry their classification. */`);
  f.add(`export interface ${E} {`, '  id: string;', '  tenantId: TenantId;', '  ownerId: CustomerId;', '  email: Email;', '  fullName: PersonName;');
  if (d.hasPhone) f.add('  /** Imported from the legacy CRM; not annotated yet. */', '  phoneNumber: string;');
  if (d.hasBillingAddress) f.add('  billingAddress: string;');
  if (d.hasSalary) f.add('  /** Yearly, in cents. Loaded from the payroll system. */', '  salary: number;');
  if (d.hasCard) f.add('  /** Held in memory during checkout only; never stored. */', '  card: PAN;');
  f.add(`  status: ${E}Status;`, `  plan: ${E}Plan;`, '  seats: number;', '  amountCents: number;', "  currency: 'eur' | 'usd' | 'gbp';");
  for (const extra of d.extras) f.add(`  ${extra.name}: ${extra.type};`);
  f.add('  createdAt: Date;', '  updatedAt: Date;', '}', '');
  f.add(`export interface ${E}CreateInput {`, '  email: Email;', '  fullName: PersonName;');
  if (d.hasPhone) f.add('  phoneNumber: string;');
  if (d.hasBillingAddress) f.add('  billingAddress: string;');
  if (d.hasSalary) f.add('  salary: number;');
  if (d.hasCard) f.add('  card: PAN;');
  f.add(`  plan: ${E}Plan;`, '  seats: number;', '  amountCents: number;', "  currency: 'eur' | 'usd' | 'gbp';", '}', '');
  const patchable = ['status', 'plan', 'seats', 'amountCents', ...d.extras.filter((extra) => extra.patchable).map((extra) => extra.name)];
  f.add(`export type ${E}Patch = Partial<Pick<${E}, ${patchable.map((name) => `'${name}'`).join(' | ')}>>;`, '');
  f.add(`/** What the API returns: no personal data. */`);
  f.add(`export interface ${E}View {`, '  id: string;', `  status: ${E}Status;`, `  plan: ${E}Plan;`, '  seats: number;', '  amountCents: number;', '  currency: string;', '  createdAt: string;', '}', '');
  f.add(`export interface ${E}Page {`, `  items: ${E}View[];`, '  total: number;', '  nextCursor: string | null;', '}', '');
  f.add(`export interface ${E}Stats {`, '  total: number;', `  byStatus: Record<${E}Status, number>;`, '  seats: number;', '  revenueCents: number;', '}', '');
  f.add(`export class ${E}NotFoundError extends Error {`, '  constructor(readonly id: string) {', `    super(\`${d.human} \${id} not found\`);`, `    this.name = '${E}NotFoundError';`, '  }', '}', '');
  f.add(`export class ${E}TransitionError extends Error {`, `  constructor(readonly from: ${E}Status, readonly to: ${E}Status) {`, `    super(\`cannot move a ${d.human} from \${from} to \${to}\`);`, `    this.name = '${E}TransitionError';`, '  }', '}', '');
  f.add(`/** Allowed status transitions. */`);
  f.add(`export const ${d.upper}_TRANSITIONS: Readonly<Record<${E}Status, readonly ${E}Status[]>> = {`);
  f.add("  pending: ['active', 'archived'],", "  active: ['suspended', 'archived'],", "  suspended: ['active', 'archived'],", '  archived: [],', '};');
  for (const operation of d.operations) {
    f.add('', `/** Result of the ${operation} operation on a ${d.human}. */`);
    f.add(`export interface ${E}${pascal(operation)}Result {`, '  id: string;', `  previous: ${E}Status;`, `  next: ${E}Status;`, '  changedAt: Date;', '  affectedSeats: number;', '}');
  }
  return f;
}

// ─────────────────────────────────────────── repository.ts ───────────────────────────────────────────

function repositoryFile(d: Domain): SourceFile {
  const f = new SourceFile(`src/${d.dir}/repository.ts`);
  const E = d.entity;
  const table = `${snake(d.variable)}_records`;
  if (d.hasCard) f.add("import { maskPan } from 'classified';");
  f.add("import type { TenantId } from 'classified';");
  f.add("import { pool, redis } from '../platform/db.js';");
  f.add(`import { ${d.upper}_STATUSES } from './types.js';`);
  f.add(`import type { ${E}, ${E}Patch, ${E}Stats, ${E}Status } from './types.js';`, '');
  f.add(`const TABLE = '${table}';`, `const CACHE_PREFIX = '${d.dir}';`, 'const CACHE_TTL_SECONDS = 300;', '');
  f.add(`interface ${E}Row {`, '  id: string;', '  tenant_id: string;', '  owner_id: string;', '  email: string;', '  full_name: string;');
  if (d.hasPhone) f.add('  phone_number: string;');
  if (d.hasBillingAddress) f.add('  billing_address: string;');
  if (d.hasSalary) f.add('  salary: number;');
  if (d.hasCard) f.add('  card_last4: string;');
  f.add(`  status: ${E}Status;`, `  plan: ${E}['plan'];`, '  seats: number;', '  amount_cents: number;', `  currency: ${E}['currency'];`);
  for (const extra of d.extras) f.add(`  ${snake(extra.name)}: ${extra.type};`);
  f.add('  created_at: Date;', '  updated_at: Date;', '}', '');
  f.add(`export interface ${E}Summary {`, '  id: string;', `  status: ${E}Status;`, `  plan: ${E}['plan'];`, '  seats: number;', '}', '');
  f.add(`function to${E}(row: ${E}Row): ${E} {`, '  return {', '    id: row.id,', '    tenantId: row.tenant_id,', '    ownerId: row.owner_id,', '    email: row.email,', '    fullName: row.full_name,');
  if (d.hasPhone) f.add('    phoneNumber: row.phone_number,');
  if (d.hasBillingAddress) f.add('    billingAddress: row.billing_address,');
  if (d.hasSalary) f.add('    salary: row.salary,');
  if (d.hasCard) f.add("    card: '', // the full number is never read back: only its last four digits are stored");
  f.add('    status: row.status,', '    plan: row.plan,', '    seats: row.seats,', '    amountCents: row.amount_cents,', '    currency: row.currency,');
  for (const extra of d.extras) f.add(`    ${extra.name}: row.${snake(extra.name)},`);
  f.add('    createdAt: row.created_at,', '    updatedAt: row.updated_at,', '  };', '}', '');
  const patchable = ['status', 'plan', 'seats', 'amountCents', ...d.extras.filter((extra) => extra.patchable).map((extra) => extra.name)];
  f.add(`const PATCH_COLUMNS: Readonly<Record<keyof ${E}Patch, string>> = {`);
  for (const name of patchable) f.add(`  ${name}: '${snake(name)}',`);
  f.add('};', '');

  const columns = ['id', 'tenant_id', 'owner_id', 'email', 'full_name'];
  const values = ['entity.id', 'entity.tenantId', 'entity.ownerId', 'entity.email', 'entity.fullName'];
  if (d.hasPhone) columns.push('phone_number'), values.push('entity.phoneNumber');
  if (d.hasBillingAddress) columns.push('billing_address'), values.push('entity.billingAddress');
  if (d.hasCard) columns.push('card_last4'), values.push('maskPan(entity.card).slice(-4)');
  columns.push('status', 'plan', 'seats', 'amount_cents', 'currency');
  values.push('entity.status', 'entity.plan', 'entity.seats', 'entity.amountCents', 'entity.currency');
  for (const extra of d.extras) columns.push(snake(extra.name)), values.push(`entity.${extra.name}`);
  columns.push('created_at', 'updated_at');
  values.push('entity.createdAt', 'entity.updatedAt');

  f.add(`/** Postgres persistence for ${d.human} records, with a short-lived Redis cache of summaries. */`);
  f.add(`export class ${E}Repository {`);
  f.add(`  async findById(tenantId: TenantId, id: string): Promise<${E} | undefined> {`);
  f.add(`    const { rows } = await pool.query<${E}Row>(\`SELECT * FROM \${TABLE} WHERE tenant_id = $1 AND id = $2\`, [tenantId, id]);`);
  f.add('    const row = rows[0];', `    return row === undefined ? undefined : to${E}(row);`, '  }', '');
  f.add(`  async list(tenantId: TenantId, limit: number, after?: { createdAt: Date; id: string }): Promise<${E}[]> {`);
  f.add('    const { rows } = after === undefined');
  f.add(`      ? await pool.query<${E}Row>(\`SELECT * FROM \${TABLE} WHERE tenant_id = $1 ORDER BY created_at, id LIMIT $2\`, [tenantId, limit])`);
  f.add(`      : await pool.query<${E}Row>(`);
  f.add('          `SELECT * FROM ${TABLE} WHERE tenant_id = $1 AND (created_at, id) > ($2, $3) ORDER BY created_at, id LIMIT $4`,');
  f.add('          [tenantId, after.createdAt, after.id, limit],', '        );');
  f.add(`    return rows.map(to${E});`, '  }', '');
  f.add(`  async insert(entity: ${E}): Promise<void> {`);
  f.add('    await pool.query(');
  f.add(`      \`INSERT INTO \${TABLE} (${columns.join(', ')})`);
  f.add(`       VALUES (${columns.map((_column, index) => `$${index + 1}`).join(', ')})\`,`);
  f.add('      [');
  for (const value of values) f.add(`        ${value},`);
  f.add('      ],', '    );', '  }', '');
  f.add(`  async update(tenantId: TenantId, id: string, patch: ${E}Patch): Promise<number> {`);
  f.add('    const sets: string[] = [];', '    const values: unknown[] = [tenantId, id];');
  f.add(`    for (const key of Object.keys(patch) as (keyof ${E}Patch)[]) {`);
  f.add('      const value = patch[key];', '      if (value === undefined) continue;', '      values.push(value);', '      sets.push(`${PATCH_COLUMNS[key]} = $${values.length}`);', '    }');
  f.add('    if (sets.length === 0) return 0;', "    sets.push('updated_at = now()');");
  f.add("    const result = await pool.query(`UPDATE ${TABLE} SET ${sets.join(', ')} WHERE tenant_id = $1 AND id = $2`, values);");
  f.add('    await this.evict(id);', '    return result.rowCount ?? 0;', '  }', '');
  f.add(`  async countByStatus(tenantId: TenantId): Promise<Record<${E}Status, number>> {`);
  f.add('    const { rows } = await pool.query<{ status: string; count: string }>(');
  f.add('      `SELECT status, count(*) AS count FROM ${TABLE} WHERE tenant_id = $1 GROUP BY status`,', '      [tenantId],', '    );');
  f.add(`    const counts: Record<${E}Status, number> = { pending: 0, active: 0, suspended: 0, archived: 0 };`);
  f.add('    for (const row of rows) {');
  f.add(`      const status = ${d.upper}_STATUSES.find((candidate) => candidate === row.status);`);
  f.add('      if (status !== undefined) counts[status] = Number(row.count);', '    }', '    return counts;', '  }', '');
  f.add(`  async stats(tenantId: TenantId): Promise<${E}Stats> {`);
  f.add('    const byStatus = await this.countByStatus(tenantId);');
  f.add('    const { rows } = await pool.query<{ seats: string | null; revenue: string | null }>(');
  f.add("      `SELECT sum(seats) AS seats, sum(amount_cents) AS revenue FROM ${TABLE} WHERE tenant_id = $1 AND status <> 'archived'`,", '      [tenantId],', '    );');
  f.add('    const totals = rows[0];', '    return {', '      total: Object.values(byStatus).reduce((sum, count) => sum + count, 0),', '      byStatus,');
  f.add("      seats: Number(totals?.seats ?? 0),", "      revenueCents: Number(totals?.revenue ?? 0),", '    };', '  }', '');
  f.add(`  async cacheSummary(entity: ${E}): Promise<void> {`);
  f.add(`    const summary: ${E}Summary = { id: entity.id, status: entity.status, plan: entity.plan, seats: entity.seats };`);
  f.add('    await redis.set(`${CACHE_PREFIX}:summary:${entity.id}`, JSON.stringify(summary), \'EX\', CACHE_TTL_SECONDS);', '  }', '');
  f.add(`  async readSummary(id: string): Promise<${E}Summary | undefined> {`);
  f.add('    const raw = await redis.get(`${CACHE_PREFIX}:summary:${id}`);', `    return raw === null ? undefined : (JSON.parse(raw) as ${E}Summary);`, '  }', '');
  f.add('  async evict(id: string): Promise<void> {', '    await redis.del(`${CACHE_PREFIX}:summary:${id}`);', '  }', '');
  f.add('  /** Remembers where to send the confirmation link (Confidential data in the regional cache). */');
  f.add(`  async rememberContact(entity: ${E}, token: string): Promise<void> {`);
  f.add('    await redis.set(`${CACHE_PREFIX}:confirm:${token}`, entity.email, \'EX\', 900);', '  }');
  if (d.hasCard) {
    f.add('', '  /** Keeps what a declined payment needs to be retried. */');
    f.add(`  async holdForRetry(entity: ${E}, attempt: number): Promise<void> {`);
    f.add('    await redis.set(`${CACHE_PREFIX}:retry:${entity.id}:attempt`, String(attempt), \'EX\', 600);');
    if (d.violations.includes('pan-to-redis')) {
      f.violation('pan-to-redis', '    await redis.set(`${CACHE_PREFIX}:retry:${entity.id}:card`, entity.card, \'EX\', 600);');
    } else {
      f.add('    await redis.set(`${CACHE_PREFIX}:retry:${entity.id}:last4`, maskPan(entity.card), \'EX\', 600);');
    }
    f.add('  }');
  }
  for (const operation of d.operations) {
    const status = operationStatus(operation);
    f.add('', `  async mark${pascal(operation)}(tenantId: TenantId, id: string, changedAt: Date): Promise<boolean> {`);
    f.add('    const result = await pool.query(');
    f.add(`      \`UPDATE \${TABLE} SET status = $3, updated_at = $4 WHERE tenant_id = $1 AND id = $2 AND status <> 'archived'\`,`);
    f.add(`      [tenantId, id, '${status}', changedAt],`, '    );', '    await this.evict(id);', '    return (result.rowCount ?? 0) > 0;', '  }');
  }
  f.add('}', '', `export const ${d.variable}Repository = new ${E}Repository();`);
  return f;
}

function operationStatus(operation: string): 'active' | 'suspended' | 'archived' {
  if (['suspend', 'freeze', 'escalate', 'reject'].includes(operation)) return 'suspended';
  if (['expire', 'transfer'].includes(operation)) return 'archived';
  return 'active';
}

// ───────────────────────────────────────────── format.ts ─────────────────────────────────────────────

function formatFile(d: Domain): SourceFile {
  const f = new SourceFile(`src/${d.dir}/format.ts`);
  const E = d.entity;
  const parent = d.chainParent;
  f.add("import { redact } from 'classified';");
  if (parent === undefined) f.add("import { moduleLogger } from '../platform/logger.js';");
  else f.add(`import { trail${parent.entity} } from '${importPath(d, parent, 'format')}';`);
  f.add(`import type { ${E}, ${E}Stats, ${E}Status, ${E}View } from './types.js';`, '');
  if (parent === undefined) f.add(`const trailLog = moduleLogger('${d.dir}.trail');`, '');
  f.add(`const AMOUNT_FORMATS = new Map<string, Intl.NumberFormat>();`, '');
  f.add(`/**`, ` * Records a step of a ${d.human} workflow in the audit trail. Callers pass references (ids,`, ' * step names), not personal data.', ' */');
  f.add(`export function trail${E}(step: string, detail: string): void {`);
  f.add(`  const scoped = \`${d.dir}/\${step}\`;`);
  if (parent === undefined) {
    f.add('  trailLog.info(`trail ${scoped}: ${detail.trim()}`);');
  } else {
    f.add(`  trail${parent.entity}(scoped, detail.trim());`);
  }
  f.add('}', '');
  f.add('/** A short reference for logs and support tickets: `kind:ref`. */');
  f.add(`export function label${E}(kind: string, ref: string): string {`, '  return `${kind}:${ref.slice(0, 40)}`;', '}', '');
  f.add(`export function format${E}Amount(cents: number, currency: string): string {`);
  f.add('  let format = AMOUNT_FORMATS.get(currency);', '  if (format === undefined) {');
  f.add("    format = new Intl.NumberFormat('en-GB', { style: 'currency', currency: currency.toUpperCase() });", '    AMOUNT_FORMATS.set(currency, format);', '  }');
  f.add('  return format.format(cents / 100);', '}', '');
  f.add(`/** Plan, seats and a redacted contact: safe to print anywhere. */`);
  f.add(`export function describe${E}(entity: ${E}): string {`);
  f.add(`  return \`${d.human} on \${entity.plan} (\${entity.seats} seats, \${entity.status}), contact \${redact(entity.email)}\`;`, '}', '');
  f.add(`export function to${E}View(entity: ${E}): ${E}View {`, '  return {', '    id: entity.id,', '    status: entity.status,', '    plan: entity.plan,', '    seats: entity.seats,');
  f.add('    amountCents: entity.amountCents,', '    currency: entity.currency,', '    createdAt: entity.createdAt.toISOString(),', '  };', '}', '');
  f.add(`export function compare${E}(a: ${E}, b: ${E}): number {`, '  return a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);', '}', '');
  f.add(`export function group${E}ByStatus(items: readonly ${E}[]): Map<${E}Status, ${E}[]> {`);
  f.add(`  const groups = new Map<${E}Status, ${E}[]>();`, '  for (const item of items) {', '    const group = groups.get(item.status);');
  f.add('    if (group === undefined) groups.set(item.status, [item]);', '    else group.push(item);', '  }', '  return groups;', '}', '');
  f.add(`export function summarize${E}(items: readonly ${E}[]): ${E}Stats {`);
  f.add(`  const byStatus: Record<${E}Status, number> = { pending: 0, active: 0, suspended: 0, archived: 0 };`);
  f.add('  let seats = 0;', '  let revenueCents = 0;', '  for (const item of items) {', '    byStatus[item.status] += 1;');
  f.add("    if (item.status !== 'archived') {", '      seats += item.seats;', '      revenueCents += item.amountCents;', '    }', '  }');
  f.add('  return { total: items.length, byStatus, seats, revenueCents };', '}');
  for (const operation of d.operations) {
    f.add('', `export function explain${pascal(operation)}(previous: ${E}Status, next: ${E}Status, affectedSeats: number): string {`);
    f.add('  if (previous === next) return `${previous} (unchanged)`;');
    f.add(`  return \`${operation}: \${previous} -> \${next}, \${affectedSeats} seat\${affectedSeats === 1 ? '' : 's'}\`;`, '}');
  }
  return f;
}

// ───────────────────────────────────────────── metrics.ts ─────────────────────────────────────────────

function metricsFile(d: Domain): SourceFile {
  const f = new SourceFile(`src/${d.dir}/metrics.ts`);
  const E = d.entity;
  const prefix = snake(d.variable);
  f.add("import { Counter, Gauge, Histogram } from 'prom-client';", "import type { TenantId } from 'classified';", '');
  f.add(`export const ${d.variable}Requests = new Counter({`, `  name: '${prefix}_http_requests_total',`, `  help: 'HTTP requests to the ${d.human} API',`);
  f.add("  labelNames: ['route', 'method', 'status', 'tenant_id'] as const,", '});', '');
  f.add(`export const ${d.variable}Latency = new Histogram({`, `  name: '${prefix}_http_request_duration_seconds',`, `  help: 'Latency of the ${d.human} API',`);
  f.add("  labelNames: ['route', 'status'] as const,", '  buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5],', '});', '');
  f.add(`export const ${d.variable}Events = new Counter({`, `  name: '${prefix}_events_total',`, `  help: 'Domain events of ${d.human}',`);
  f.add("  labelNames: ['operation', 'outcome', 'tenant_id', 'plan'] as const,", '});', '');
  f.add(`export const ${d.variable}Active = new Gauge({`, `  name: '${prefix}_active',`, `  help: 'Active ${d.human} records per tenant',`);
  f.add("  labelNames: ['tenant_id'] as const,", '});', '');
  f.add(`export function record${E}Request(route: string, method: string, status: number, tenantId: TenantId): void {`);
  f.add(`  ${d.variable}Requests.inc({ route, method, status: String(status), tenant_id: tenantId });`, '}', '');
  f.add(`export function observe${E}Latency(route: string, status: number, seconds: number): void {`);
  f.add(`  ${d.variable}Latency.labels(route, String(status)).observe(seconds);`, '}', '');
  f.add(`export function record${E}Event(operation: string, outcome: 'ok' | 'rejected' | 'failed', tenantId: TenantId, plan: string): void {`);
  f.add(`  ${d.variable}Events.inc({ operation, outcome, tenant_id: tenantId, plan });`, '}', '');
  f.add(`export function set${E}Active(tenantId: TenantId, count: number): void {`, `  ${d.variable}Active.set({ tenant_id: tenantId }, count);`, '}');
  for (const operation of d.operations) {
    f.add('', `export const ${d.variable}${pascal(operation)}Duration = new Histogram({`, `  name: '${prefix}_${operation}_duration_seconds',`);
    f.add(`  help: 'Time to ${operation} a ${d.human}',`, "  labelNames: ['outcome'] as const,", '  buckets: [0.01, 0.1, 0.5, 1, 5],', '});');
  }
  return f;
}

// ───────────────────────────────────────────── service.ts ─────────────────────────────────────────────

/** The violation lines (and their correct twins) a service method may carry, with `entity` in scope. */
function violationLine(d: Domain, kind: ViolationKind): string {
  const v = d.variable;
  switch (kind) {
    case 'log-email-direct':
      return `    log.info({ ${v}Id: entity.id, email: entity.email }, 'contact confirmed');`;
    case 'log-email-template':
      return `    log.warn(\`confirmation bounced for \${entity.email} (${d.human})\`);`;
    case 'log-email-helper-chain': {
      const target = d.chainTarget!;
      return `    trail${target.entity}('${d.dir}.contact', entity.email);`;
    }
    case 'log-email-through-return':
      return `    log.info({ ref: label${d.entity}('contact', entity.email) }, 'contact reference issued');`;
    case 'telemetry-email-as-route':
      return `    ${v}Requests.inc({ route: entity.email, method: 'POST', status: '202', tenant_id: entity.tenantId });`;
    case 'segment-email':
      return `    analytics.track({ anonymousId: entity.id, event: '${d.entity} Contact Confirmed', properties: { email: entity.email, plan: entity.plan } });`;
    case 'log-inferred-phone':
      return `    log.info({ ${v}Id: entity.id, phoneNumber: entity.phoneNumber }, 'sms confirmation queued');`;
    case 'log-inferred-salary':
      return `    log.debug(\`compensation review for \${entity.id}: \${entity.salary}\`);`;
    case 'pan-to-redis':
      return ''; // emitted by the repository
  }
}

function serviceFile(d: Domain): SourceFile {
  const f = new SourceFile(`src/${d.dir}/service.ts`);
  const E = d.entity;
  const v = d.variable;
  const r = d.random;
  const helpers = d.helperDomains;
  // names used from other domains' format.ts, imported once the body is written
  const imported = new Map<Domain, Set<string>>();
  const use = (other: Domain, name: string): string => {
    imported.set(other, (imported.get(other) ?? new Set<string>()).add(name));
    return name;
  };
  const header = (): string[] => {
    const lines = [
      "import { randomUUID } from 'node:crypto';",
      "import { redact } from 'classified';",
      "import type { TenantId } from 'classified';",
      "import { analytics } from '../platform/analytics.js';",
      "import { decodeCursor, encodeCursor } from '../platform/ids.js';",
      "import { moduleLogger } from '../platform/logger.js';",
      "import { sendNotification } from '../platform/notify.js';",
    ];
    for (const [other, names] of [...imported].sort(([x], [y]) => x.index - y.index)) {
      lines.push(`import { ${[...names].sort().join(', ')} } from '${importPath(d, other, 'format')}';`);
    }
    lines.push(
      `import { describe${E}, ${d.operations.map((operation) => `explain${pascal(operation)}`).join(', ')}, label${E}, summarize${E}, to${E}View, trail${E} } from './format.js';`,
      `import { ${v}Requests, record${E}Event, set${E}Active, ${d.operations.map((operation) => `${v}${pascal(operation)}Duration`).join(', ')} } from './metrics.js';`,
      `import type { ${E}Repository } from './repository.js';`,
      `import { ${d.upper}_TRANSITIONS, ${E}NotFoundError, ${E}TransitionError } from './types.js';`,
      `import type { ${E}, ${E}CreateInput, ${E}Page, ${E}Patch, ${E}Stats, ${E}Status, ${d.operations.map((operation) => `${E}${pascal(operation)}Result`).join(', ')} } from './types.js';`,
      '',
      `const log = moduleLogger('${d.dir}.service');`,
      'const PAGE_LIMIT = 50;',
      '',
    );
    return lines;
  };

  // distribute the service-level violations over the methods that have `entity` in scope
  const hosts = ['confirmContact', 'update', ...d.operations];
  const placed = new Map<string, ViolationKind[]>();
  for (const kind of d.violations) {
    if (kind === 'pan-to-redis') continue;
    const host = r.pick(hosts);
    placed.set(host, [...(placed.get(host) ?? []), kind]);
  }
  const emitViolations = (host: string, indent = ''): void => {
    for (const kind of placed.get(host) ?? []) {
      if (kind === 'log-email-helper-chain') use(d.chainTarget!, `trail${d.chainTarget!.entity}`);
      f.violation(kind, `${indent}${violationLine(d, kind)}`);
    }
  };
  const helperCall = (indent: string, step: string, ref: string): void => {
    if (helpers.length === 0) {
      f.add(`${indent}trail${E}('${step}', ${ref});`);
      return;
    }
    const other = r.pick(helpers);
    f.add(`${indent}${use(other, `trail${other.entity}`)}('${d.dir}.${step}', ${ref});`);
  };

  f.add(`export class ${E}Service {`, `  constructor(private readonly repository: ${E}Repository) {}`, '');
  f.add(`  private async require(tenantId: TenantId, id: string): Promise<${E}> {`);
  f.add('    const entity = await this.repository.findById(tenantId, id);', `    if (entity === undefined) throw new ${E}NotFoundError(id);`, '    return entity;', '  }', '');
  f.add(`  private assertTransition(entity: ${E}, next: ${E}Status): void {`);
  f.add(`    if (!${d.upper}_TRANSITIONS[entity.status].includes(next)) throw new ${E}TransitionError(entity.status, next);`, '  }', '');

  // create
  f.add(`  async create(tenantId: TenantId, input: ${E}CreateInput): Promise<${E}> {`);
  f.add('    const now = new Date();', `    const entity: ${E} = {`, '      id: randomUUID(),', '      tenantId,', '      ownerId: randomUUID(),', '      ...input,', "      status: 'pending',");
  for (const extra of d.extras) f.add(`      ${extra.name}: ${extra.initial},`);
  f.add('      createdAt: now,', '      updatedAt: now,', '    };', '    await this.repository.insert(entity);', '    await this.repository.cacheSummary(entity);');
  f.add(`    log.info({ ${v}Id: entity.id, tenantId, plan: entity.plan, seats: entity.seats }, '${d.human} created');`);
  f.add(`    analytics.track({ anonymousId: entity.id, event: '${E} Created', properties: { tenantId, plan: entity.plan, seats: entity.seats } });`);
  f.add(`    record${E}Event('create', 'ok', tenantId, entity.plan);`);
  helperCall('    ', 'created', 'entity.id');
  f.add('    const token = randomUUID();', '    await this.repository.rememberContact(entity, token);');
  f.add(`    await sendNotification(entity.email, '${d.dir}-confirm', { token, plan: entity.plan });`);
  f.add('    return entity;', '  }', '');

  // get
  f.add(`  async get(tenantId: TenantId, id: string): Promise<${E}> {`, '    const cached = await this.repository.readSummary(id);');
  f.add("    if (cached !== undefined && cached.status === 'archived') {", `      log.debug({ ${v}Id: id, status: cached.status }, 'archived record requested');`, '    }');
  f.add('    const entity = await this.require(tenantId, id);', `    log.debug({ summary: describe${E}(entity) }, 'loaded');`, '    return entity;', '  }', '');

  // confirmContact
  f.add('  /** Re-validates the contact details after a bounce or a support request. */');
  f.add('  async confirmContact(tenantId: TenantId, id: string): Promise<boolean> {', '    const entity = await this.require(tenantId, id);');
  f.add(`    log.info({ ${v}Id: entity.id, contact: redact(entity.email) }, 'contact review started');`);
  emitViolations('confirmContact');
  f.add(`    const delivered = await sendNotification(entity.email, '${d.dir}-contact-review', { plan: entity.plan });`);
  f.add(`    trail${E}('contact-review', entity.id);`);
  f.add(`    record${E}Event('confirm_contact', delivered ? 'ok' : 'failed', entity.tenantId, entity.plan);`);
  f.add(`    log.info({ ref: label${E}('contact', entity.id), delivered }, 'contact review finished');`);
  f.add('    return delivered;', '  }', '');

  // update
  f.add(`  async update(tenantId: TenantId, id: string, patch: ${E}Patch): Promise<${E}> {`, '    const entity = await this.require(tenantId, id);');
  f.add('    if (patch.status !== undefined && patch.status !== entity.status) this.assertTransition(entity, patch.status);');
  emitViolations('update');
  f.add('    const changed = await this.repository.update(tenantId, id, patch);');
  f.add(`    log.info({ ${v}Id: id, fields: Object.keys(patch), changed }, '${d.human} updated');`);
  f.add(`    ${v}Requests.inc({ route: '/${d.dir}/:id', method: 'PATCH', status: '200', tenant_id: tenantId });`);
  f.add('    const updated = { ...entity, ...patch, updatedAt: new Date() };', '    await this.repository.cacheSummary(updated);', '    return updated;', '  }', '');

  // list
  f.add(`  async list(tenantId: TenantId, cursor?: string): Promise<${E}Page> {`);
  f.add('    const after = cursor === undefined ? undefined : decodeCursor(cursor);', '    const items = await this.repository.list(tenantId, PAGE_LIMIT, after);');
  f.add('    const last = items[items.length - 1];', `    log.debug({ tenantId, count: items.length, hasMore: items.length === PAGE_LIMIT }, '${d.human} page listed');`);
  f.add('    return {', `      items: items.map(to${E}View),`, '      total: items.length,', '      nextCursor: last !== undefined && items.length === PAGE_LIMIT ? encodeCursor(last.createdAt, last.id) : null,', '    };', '  }', '');

  // stats
  f.add(`  async stats(tenantId: TenantId): Promise<${E}Stats> {`, '    const stats = await this.repository.stats(tenantId);');
  f.add(`    set${E}Active(tenantId, stats.byStatus.active);`);
  const amountDomain = helpers.length > 0 ? r.pick(helpers) : undefined;
  const formatter = amountDomain === undefined ? undefined : use(amountDomain, `format${amountDomain.entity}Amount`);
  f.add(`    log.info({ tenantId, total: stats.total, seats: stats.seats${formatter === undefined ? '' : `, revenue: ${formatter}(stats.revenueCents, 'eur')`} }, '${d.human} stats');`);
  f.add('    return stats;', '  }', '');

  // recount from a page in memory
  f.add(`  async recountPage(tenantId: TenantId): Promise<${E}Stats> {`, '    const items = await this.repository.list(tenantId, PAGE_LIMIT);');
  f.add(`    const stats = summarize${E}(items);`);
  f.add('    for (const [status, count] of Object.entries(stats.byStatus)) {', `      if (count > 0) log.debug({ tenantId, status, count }, '${d.human} status count');`, '    }');
  if (helpers.length > 0) {
    const other = r.pick(helpers);
    f.add(`    log.debug({ ref: ${use(other, `label${other.entity}`)}('recount', tenantId) }, 'recount reference');`);
  }
  f.add('    return stats;', '  }');

  // operations
  for (const operation of d.operations) {
    const Op = pascal(operation);
    const next = operationStatus(operation);
    f.add('', `  async ${operation}(tenantId: TenantId, id: string, actorId: string): Promise<${E}${Op}Result> {`);
    f.add(`    const stop = ${v}${Op}Duration.startTimer();`, '    const entity = await this.require(tenantId, id);', `    const previous: ${E}Status = entity.status;`);
    f.add('    try {');
    if (next !== 'active' || r.chance(0.5)) f.add(`      if (previous !== '${next}') this.assertTransition(entity, '${next}');`);
    else f.add(`      if (previous === 'archived') throw new ${E}TransitionError(previous, '${next}');`);
    const shape = r.int(0, 2);
    if (shape === 0) {
      f.add('      let affectedSeats = 0;', '      for (let seat = 0; seat < entity.seats; seat++) {', '        if (seat % 10 === 0) affectedSeats += 1;', '      }');
    } else if (shape === 1) {
      f.add(`      const affectedSeats = entity.plan === 'enterprise' ? entity.seats : Math.min(entity.seats, 25);`);
      f.add(`      const priceCents = Math.round(entity.amountCents / Math.max(entity.seats, 1));`);
      f.add(`      log.debug({ ${v}Id: entity.id, priceCents, currency: entity.currency }, '${operation} pricing');`);
    } else {
      f.add('      const affectedSeats = Math.max(0, entity.seats - 1);');
      f.add(`      const ageDays = Math.floor((Date.now() - entity.createdAt.getTime()) / 86_400_000);`);
      f.add(`      if (ageDays > 365) log.info({ ${v}Id: entity.id, ageDays }, 'long-lived ${d.human}');`);
    }
    f.add('      const changedAt = new Date();');
    f.add(`      const changed = await this.repository.mark${Op}(tenantId, id, changedAt);`);
    f.add(`      if (!changed) throw new ${E}NotFoundError(id);`);
    // violations hosted here, still inside try with `entity` in scope
    emitViolations(operation, '  ');
    if (d.hasCard && operation === d.operations[0]) f.add('      await this.repository.holdForRetry(entity, 1);');
    f.add(`      log.info({ ${v}Id: id, actorId, transition: explain${Op}(previous, '${next}', affectedSeats) }, '${d.human} ${operation}');`);
    helperCall('      ', operation, 'id');
    f.add(`      record${E}Event('${operation}', 'ok', tenantId, entity.plan);`);
    f.add(`      stop({ outcome: 'ok' });`);
    f.add(`      return { id, previous, next: '${next}', changedAt, affectedSeats };`);
    f.add('    } catch (error) {');
    f.add(`      stop({ outcome: error instanceof ${E}TransitionError ? 'rejected' : 'failed' });`);
    f.add(`      log.warn({ err: error, ${v}Id: id, operation: '${operation}' }, '${d.human} ${operation} failed');`);
    f.add('      throw error;', '    }', '  }');
  }
  f.add('}');
  return f.prepend(...header());
}

// ───────────────────────────────────────────── handler.ts ─────────────────────────────────────────────

function handlerFile(d: Domain): SourceFile {
  const f = new SourceFile(`src/${d.dir}/handler.ts`);
  const E = d.entity;
  const v = d.variable;
  f.add("import { badRequest, conflict, isRecord, notFound, ok, readNumber, readString, requireParam, serverError } from '../platform/http.js';");
  f.add("import type { HttpRequest, HttpResponse } from '../platform/http.js';", "import { moduleLogger } from '../platform/logger.js';");
  f.add(`import { to${E}View } from './format.js';`, `import { observe${E}Latency, record${E}Request } from './metrics.js';`);
  f.add(`import { ${v}Repository } from './repository.js';`, `import { ${E}Service } from './service.js';`);
  f.add(`import { ${d.upper}_PLANS, ${d.upper}_STATUSES, ${E}NotFoundError, ${E}TransitionError } from './types.js';`);
  f.add(`import type { ${E}CreateInput, ${E}Page, ${E}Patch, ${E}Stats, ${E}View, ${d.operations.map((operation) => `${E}${pascal(operation)}Result`).join(', ')} } from './types.js';`, '');
  f.add(`const log = moduleLogger('${d.dir}.http');`, `const service = new ${E}Service(${v}Repository);`, '');
  f.add('type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };', '');
  f.add(`function parseCreate(body: unknown): Parsed<${E}CreateInput> {`);
  f.add("  if (!isRecord(body)) return { ok: false, error: 'expected a JSON object' };");
  f.add("  const contact = readString(body, 'email');", "  if (contact === undefined || !contact.includes('@')) return { ok: false, error: 'a valid e-mail is required' };");
  f.add("  const fullName = readString(body, 'fullName');", "  if (fullName === undefined) return { ok: false, error: 'fullName is required' };");
  if (d.hasPhone) f.add("  const phoneNumber = readString(body, 'phoneNumber') ?? '';");
  if (d.hasBillingAddress) f.add("  const billingAddress = readString(body, 'billingAddress') ?? '';");
  if (d.hasSalary) f.add("  const salary = readNumber(body, 'salary') ?? 0;");
  if (d.hasCard) f.add("  const card = readString(body, 'card');", "  if (card === undefined) return { ok: false, error: 'card is required' };");
  f.add(`  const plan = ${d.upper}_PLANS.find((candidate) => candidate === readString(body, 'plan')) ?? 'free';`);
  f.add("  const seats = readNumber(body, 'seats') ?? 1;", "  if (!Number.isInteger(seats) || seats < 1 || seats > 10_000) return { ok: false, error: 'seats must be 1..10000' };");
  f.add("  const amountCents = readNumber(body, 'amountCents') ?? 0;", "  const currency = readString(body, 'currency') === 'usd' ? 'usd' : readString(body, 'currency') === 'gbp' ? 'gbp' : 'eur';");
  const fields = ['email: contact', 'fullName', ...(d.hasPhone ? ['phoneNumber'] : []), ...(d.hasBillingAddress ? ['billingAddress'] : []), ...(d.hasSalary ? ['salary'] : []), ...(d.hasCard ? ['card'] : []), 'plan', 'seats', 'amountCents', 'currency'];
  f.add(`  return { ok: true, value: { ${fields.join(', ')} } };`, '}', '');
  f.add(`function parsePatch(body: unknown): Parsed<${E}Patch> {`, "  if (!isRecord(body)) return { ok: false, error: 'expected a JSON object' };");
  f.add(`  const patch: ${E}Patch = {};`);
  f.add(`  const status = ${d.upper}_STATUSES.find((candidate) => candidate === readString(body, 'status'));`, '  if (status !== undefined) patch.status = status;');
  f.add(`  const plan = ${d.upper}_PLANS.find((candidate) => candidate === readString(body, 'plan'));`, '  if (plan !== undefined) patch.plan = plan;');
  f.add("  const seats = readNumber(body, 'seats');", '  if (seats !== undefined) {', "    if (!Number.isInteger(seats) || seats < 1) return { ok: false, error: 'seats must be a positive integer' };", '    patch.seats = seats;', '  }');
  f.add("  if (Object.keys(patch).length === 0) return { ok: false, error: 'nothing to update' };", '  return { ok: true, value: patch };', '}', '');
  f.add('function finish<T>(req: HttpRequest, response: HttpResponse<T>): HttpResponse<T> {');
  f.add(`  record${E}Request(req.route, req.method, response.status, req.tenantId);`);
  f.add(`  observe${E}Latency(req.route, response.status, (performance.now() - req.startedAt) / 1000);`, '  return response;', '}', '');
  f.add('function fail<T>(req: HttpRequest, error: unknown): HttpResponse<T> {');
  f.add(`  if (error instanceof ${E}NotFoundError) return finish(req, notFound('${d.human}'));`);
  f.add(`  if (error instanceof ${E}TransitionError) return finish(req, conflict(error.message));`);
  f.add("  log.error({ err: error, route: req.route, method: req.method }, 'request failed');", '  return finish(req, serverError());', '}', '');

  const handler = (name: string, result: string, body: string[]): void => {
    f.add(`export async function ${name}(req: HttpRequest): Promise<HttpResponse<${result}>> {`);
    f.add(...body);
    f.add('}', '');
  };
  handler(`create${E}Handler`, `${E}View`, [
    '  const parsed = parseCreate(req.body);',
    '  if (!parsed.ok) {',
    "    log.warn({ route: req.route, status: 400 }, 'invalid create request');",
    '    return finish(req, badRequest(parsed.error));',
    '  }',
    '  try {',
    '    const created = await service.create(req.tenantId, parsed.value);',
    `    return finish(req, ok(to${E}View(created), 201));`,
    '  } catch (error) {',
    '    return fail(req, error);',
    '  }',
  ]);
  const withId = (name: string, result: string, call: string, map: string): void =>
    handler(name, result, [
      "  const id = requireParam(req, 'id');",
      `  if (id === undefined) return finish(req, badRequest('invalid ${d.human} id'));`,
      '  try {',
      `    const result = await ${call};`,
      `    return finish(req, ok(${map}));`,
      '  } catch (error) {',
      '    return fail(req, error);',
      '  }',
    ]);
  withId(`get${E}Handler`, `${E}View`, 'service.get(req.tenantId, id)', `to${E}View(result)`);
  withId(`confirm${E}ContactHandler`, '{ delivered: boolean }', 'service.confirmContact(req.tenantId, id)', '{ delivered: result }');
  handler(`update${E}Handler`, `${E}View`, [
    "  const id = requireParam(req, 'id');",
    `  if (id === undefined) return finish(req, badRequest('invalid ${d.human} id'));`,
    '  const parsed = parsePatch(req.body);',
    '  if (!parsed.ok) return finish(req, badRequest(parsed.error));',
    '  try {',
    '    const updated = await service.update(req.tenantId, id, parsed.value);',
    `    return finish(req, ok(to${E}View(updated)));`,
    '  } catch (error) {',
    '    return fail(req, error);',
    '  }',
  ]);
  handler(`list${E}Handler`, `${E}Page`, [
    '  try {',
    '    const page = await service.list(req.tenantId, req.query.cursor);',
    '    return finish(req, ok(page));',
    '  } catch (error) {',
    '    return fail(req, error);',
    '  }',
  ]);
  handler(`${v}StatsHandler`, `${E}Stats`, [
    "  const fresh = req.query.fresh === 'true';",
    '  try {',
    '    const stats = fresh ? await service.recountPage(req.tenantId) : await service.stats(req.tenantId);',
    '    return finish(req, ok(stats));',
    '  } catch (error) {',
    '    return fail(req, error);',
    '  }',
  ]);
  for (const operation of d.operations) {
    withId(`${operation}${E}Handler`, `${E}${pascal(operation)}Result`, `service.${operation}(req.tenantId, id, req.actorId)`, 'result');
  }
  f.add(`export const ${v}Routes = {`);
  f.add(`  'POST /${d.dir}': create${E}Handler,`, `  'GET /${d.dir}': list${E}Handler,`, `  'GET /${d.dir}/stats': ${v}StatsHandler,`);
  f.add(`  'GET /${d.dir}/:id': get${E}Handler,`, `  'PATCH /${d.dir}/:id': update${E}Handler,`, `  'POST /${d.dir}/:id/confirm-contact': confirm${E}ContactHandler,`);
  for (const operation of d.operations) f.add(`  'POST /${d.dir}/:id/${operation}': ${operation}${E}Handler,`);
  f.add('} as const;');
  return f;
}

// ───────────────────────────────────────────── project ─────────────────────────────────────────────

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'nodenext',
    moduleResolution: 'nodenext',
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    lib: ['ES2023', 'DOM'],
    types: ['node'],
  },
  include: ['src'],
};

const CLASSIFIED_CONFIG = {
  firstPartyHosts: ['notify.internal.example'],
  telemetry: { allowedDimensions: ['plan'] },
};

/** The project generated for `lines` without writing it (pure; for tests and the writer). */
export function buildProject(seed: number, lines: number): { files: Map<string, string>; expected: ExpectedFinding[]; domains: Domain[] } {
  const sources: SourceFile[] = platformFiles();
  let total = sources.reduce((sum, file) => sum + file.lines.length, 0);
  const compact = lines < 5_000;
  const domains: Domain[] = [];
  const usage = new Map<ViolationKind, number>();
  while (total < lines) {
    const domain = createDomain(seed, domains.length, domains, compact, usage);
    domains.push(domain);
    const files = [typesFile(domain), repositoryFile(domain), formatFile(domain), metricsFile(domain), serviceFile(domain), handlerFile(domain)];
    sources.push(...files);
    total += files.reduce((sum, file) => sum + file.lines.length, 0);
  }
  const indexFile = new SourceFile('src/routes.ts');
  for (const domain of domains) indexFile.add(`import { ${domain.variable}Routes } from './${domain.dir}/handler.js';`);
  indexFile.add('', '/** Every route of the application. */', 'export const routes = {');
  for (const domain of domains) indexFile.add(`  ...${domain.variable}Routes,`);
  indexFile.add('};');
  sources.push(indexFile);
  const files = new Map<string, string>();
  for (const source of sources) files.set(source.relativePath, source.text());
  files.set('tsconfig.json', `${JSON.stringify(TSCONFIG, null, 2)}\n`);
  files.set('classified.config.json', `${JSON.stringify(CLASSIFIED_CONFIG, null, 2)}\n`);
  const expected = sources.flatMap((source) => source.findings());
  expected.sort((x, y) => x.file.localeCompare(y.file) || x.line - y.line);
  return { files, expected, domains };
}

/** Counts newline-terminated lines of the `src/` files. */
function countSourceLines(files: ReadonlyMap<string, string>): { lines: number; files: number } {
  let lines = 0;
  let count = 0;
  for (const [name, text] of files) {
    if (!name.startsWith('src/')) continue;
    count++;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
  }
  return { lines, files: count };
}

/** `<base>/.tmp/bench/<lines>/`; `base` is the repository root (default: the current directory). */
export function defaultOutDir(lines: number, base: string = process.cwd()): string {
  return path.resolve(base, '.tmp', 'bench', String(lines));
}

/** Reads the manifest of a generated project, or undefined when there is none. */
export function readManifest(outDir: string): BenchManifest | undefined {
  const file = path.join(outDir, MANIFEST_FILE);
  if (!fs.existsSync(file)) return undefined;
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as BenchManifest;
  } catch {
    return undefined;
  }
}

/** Writes the project under `outDir` (its `src/` is replaced) and returns what it wrote. */
export function generateProject(options: GenerateOptions): GeneratedProject {
  const outDir = path.resolve(options.outDir ?? defaultOutDir(options.lines));
  const { files, expected, domains } = buildProject(options.seed, options.lines);
  fs.rmSync(path.join(outDir, 'src'), { recursive: true, force: true });
  for (const [name, text] of files) {
    const target = path.join(outDir, name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
  }
  const counted = countSourceLines(files);
  const manifest: BenchManifest = {
    generatorVersion: GENERATOR_VERSION,
    seed: options.seed,
    targetLines: options.lines,
    lines: counted.lines,
    files: counted.files,
    domains: domains.length,
    maxChainDepth: Math.max(0, ...domains.map((domain) => domain.chainDepth)),
    expectedFindings: expected.length,
  };
  fs.writeFileSync(path.join(outDir, EXPECTED_FILE), `${JSON.stringify(expected, null, 2)}\n`);
  fs.writeFileSync(path.join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return { ...manifest, outDir, expected };
}

function main(argv: readonly string[]): void {
  const option = (name: string): string | undefined => {
    const index = argv.indexOf(name);
    return index === -1 ? undefined : argv[index + 1];
  };
  const lines = Number(option('--lines') ?? 1000);
  const seed = Number(option('--seed') ?? DEFAULT_SEED);
  const outDir = option('--out');
  if (!Number.isInteger(lines) || lines <= 0 || !Number.isInteger(seed)) {
    process.stderr.write('usage: node dist/scripts/generate-bench-project.js [--lines N] [--seed N] [--out DIR]\n');
    process.exitCode = 2;
    return;
  }
  const project = generateProject({ seed, lines, ...(outDir === undefined ? {} : { outDir }) });
  process.stdout.write(`${project.outDir}: ${project.lines} lines in ${project.files} files, ${project.domains} domains, chains up to ${project.maxChainDepth} deep, ${project.expectedFindings} known violations\n`);
}

if (typeof module !== 'undefined' && require.main === module) main(process.argv.slice(2));
