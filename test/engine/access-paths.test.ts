/**
 * require-access-grant on small fixture projects: each element of the access clause missing on
 * some path through branches, early returns, try/finally, loops, callbacks, helpers in other files
 * and async code — and the correct handler clean.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSnippets } from '../helpers/analyze-snippets.js';

/** A regional Postgres client factory and the order rows a support console reads. */
const DB = `
import pg from 'pg';
import type { Compensation, Email, OrderLine } from 'classified';
export interface OrderRow { id: string; customer_email: Email; lines: OrderLine[] }
export interface PayRow { employee_id: string; gross: Compensation }
const pools = new Map<string, pg.Pool>();
/** The pool of one tenant region. */
export function poolFor(region: string): pg.Pool {
  let pool = pools.get(region);
  if (pool === undefined) {
    pool = new pg.Pool({ host: \`db.\${region}.internal\` });
    pools.set(region, pool);
  }
  return pool;
}
/** The default region's pool: not scoped to any grant. */
export const defaultPool = new pg.Pool();
`;

/** Support code preamble: imports used by every handler. */
const PREAMBLE = `
import { auditAccess, verifyAccessGrant, verifyTwoPersonGrant, type AccessRequest, type TwoPersonAccessRequest, type AccessGrant } from 'classified';
import { poolFor, defaultPool, type OrderRow, type PayRow } from './db.js';
`;

function analyzeSupport(code: string, extra: Readonly<Record<string, string>> = {}) {
  const result = analyzeSnippets({ 'db.ts': DB, 'support.ts': PREAMBLE + code, ...extra });
  return result.byRule('require-access-grant').map((finding) => `${finding.line} ${finding.messageId}`);
}

/** the line of `marker` in the support file (the preamble counted) */
function lineOf(code: string, marker: string): number {
  const lines = (PREAMBLE + code).split('\n');
  const index = lines.findIndex((line) => line.includes(marker));
  if (index === -1) throw new Error(`no ${marker}`);
  return index + 1;
}

describe('require-access-grant', () => {
  it('accepts the handler that verifies, queries the grant region and audits before returning', () => {
    const code = `
/** @access support */
export async function ordersOf(request: AccessRequest, agent: string, customerId: string): Promise<OrderRow[]> {
  const grant = verifyAccessGrant(request, new Date());
  const db = poolFor(grant.region);
  const { rows } = await db.query<OrderRow>('SELECT * FROM orders WHERE customer_id = $1', [customerId]);
  await auditAccess({ who: agent, when: new Date(), what: \`orders of \${customerId}\`, why: grant.purpose });
  return rows;
}
`;
    expect(analyzeSupport(code)).toEqual([]);
  });

  it('ignores code that is not marked as support access', () => {
    const code = `
export async function ordersOf(customerId: string): Promise<OrderRow[]> {
  const { rows } = await defaultPool.query<OrderRow>('SELECT * FROM orders WHERE customer_id = $1', [customerId]);
  return rows;
}
`;
    expect(analyzeSupport(code)).toEqual([]);
  });

  it('reports each missing element as its own message', () => {
    const code = `
/** @access support */
export async function ordersOf(customerId: string): Promise<OrderRow[]> {
  const { rows } = await defaultPool.query<OrderRow>('SELECT 1', [customerId]); // read
  return rows;
}
`;
    const read = lineOf(code, '// read');
    expect(analyzeSupport(code)).toEqual([`${read} noGrant`, `${read} outsideGrantRegion`, `${read} noAudit`]);
  });

  it('reports a grant verified on one branch only', () => {
    const code = `
/** @access support */
export async function ordersOf(request: AccessRequest, urgent: boolean, agent: string): Promise<OrderRow[]> {
  let region = 'eu-west-1';
  if (!urgent) {
    const grant = verifyAccessGrant(request, new Date());
    region = grant.region;
  }
  const { rows } = await poolFor(region).query<OrderRow>('SELECT 1'); // read
  await auditAccess({ who: agent, when: new Date(), what: 'orders', why: 'ticket' });
  return rows;
}
`;
    const read = lineOf(code, '// read');
    expect(analyzeSupport(code)).toEqual([`${read} grantOnSomePaths`, `${read} outsideGrantRegion`]);
  });

  it('follows early returns, try/catch and finally', () => {
    const code = `
/** @access support */
export async function ordersOf(request: AccessRequest, agent: string): Promise<OrderRow[] | undefined> {
  let grant: AccessGrant;
  try {
    grant = verifyAccessGrant(request, new Date());
  } catch {
    return undefined;
  }
  try {
    const { rows } = await poolFor(grant.region).query<OrderRow>('SELECT 1');
    return rows;
  } finally {
    await auditAccess({ who: agent, when: new Date(), what: 'orders', why: grant.purpose });
  }
}
`;
    expect(analyzeSupport(code)).toEqual([]);
  });

  it('reports an audit that an early return skips', () => {
    const code = `
/** @access support */
export async function ordersOf(request: AccessRequest, agent: string, preview: boolean): Promise<OrderRow[]> {
  const grant = verifyAccessGrant(request, new Date());
  const { rows } = await poolFor(grant.region).query<OrderRow>('SELECT 1'); // read
  if (preview) return rows.slice(0, 1); // leaves
  await auditAccess({ who: agent, when: new Date(), what: 'orders', why: grant.purpose });
  return rows;
}
`;
    const findings = analyzeSnippets({ 'db.ts': DB, 'support.ts': PREAMBLE + code }).byRule('require-access-grant');
    expect(findings.map((finding) => `${finding.line} ${finding.messageId}`)).toEqual([`${lineOf(code, '// read')} noAudit`]);
    expect(findings[0]?.message).toContain(`leaves the function at line ${lineOf(code, '// leaves')}`);
  });

  it('reports an audit without a why, wherever it is', () => {
    const code = `
export function recordAccess(agent: string): void {
  auditAccess({ who: agent, when: new Date(), what: 'orders', why: ' ' }); // no why
}
`;
    expect(analyzeSupport(code)).toEqual([`${lineOf(code, '// no why')} auditWithoutWhy`]);
  });

  it('needs a two-person grant for Restricted data', () => {
    const single = `
/** @access support */
export async function payOf(request: AccessRequest, agent: string): Promise<PayRow[]> {
  const grant = verifyAccessGrant(request, new Date());
  const { rows } = await poolFor(grant.region).query<PayRow>('SELECT 1'); // read
  await auditAccess({ who: agent, when: new Date(), what: 'pay', why: grant.purpose });
  return rows;
}
`;
    expect(analyzeSupport(single)).toEqual([`${lineOf(single, '// read')} singleApprover`]);
    const two = single.replace('verifyAccessGrant(request,', 'verifyTwoPersonGrant(request as TwoPersonAccessRequest,');
    expect(analyzeSupport(two)).toEqual([]);
  });

  it('counts helpers in other files: a grant returned, a read made, an audit recorded', () => {
    const helpers = `
import { auditAccess, verifyAccessGrant, type AccessGrant, type AccessRequest } from 'classified';
import type pg from 'pg';
import type { OrderRow } from './db.js';
export async function requireGrant(request: AccessRequest): Promise<AccessGrant> {
  return verifyAccessGrant(request, new Date());
}
export async function loadOrders(db: pg.Pool, customerId: string): Promise<OrderRow[]> {
  const { rows } = await db.query<OrderRow>('SELECT 1', [customerId]);
  return rows;
}
export async function recordOrdersAccess(agent: string, grant: AccessGrant): Promise<void> {
  await auditAccess({ who: agent, when: new Date(), what: 'orders', why: grant.purpose });
}
`;
    const good = `
import { loadOrders, recordOrdersAccess, requireGrant } from './helpers.js';
/** @access support */
export async function ordersOf(request: AccessRequest, agent: string, customerId: string): Promise<OrderRow[]> {
  const grant = await requireGrant(request);
  const orders = await loadOrders(poolFor(grant.region), customerId);
  await recordOrdersAccess(agent, grant);
  return orders;
}
`;
    expect(analyzeSupport(good, { 'helpers.ts': helpers })).toEqual([]);
    const bad = good.replace('poolFor(grant.region)', 'defaultPool').replace('  await recordOrdersAccess(agent, grant);\n', '');
    const read = lineOf(bad, 'loadOrders(defaultPool');
    expect(analyzeSupport(bad, { 'helpers.ts': helpers })).toEqual([`${read} outsideGrantRegion`, `${read} noAudit`]);
  });

  it('checks reads inside callbacks against the grant checked before them', () => {
    const code = `
/** @access support */
export async function ordersOfMany(request: AccessRequest, agent: string, ids: string[]): Promise<OrderRow[][]> {
  const early = await Promise.all(ids.map(async (id) => (await defaultPool.query<OrderRow>('SELECT 1', [id])).rows)); // read
  const grant = verifyAccessGrant(request, new Date());
  const db = poolFor(grant.region);
  const all = await Promise.all(ids.map(async (id) => (await db.query<OrderRow>('SELECT 1', [id])).rows));
  await auditAccess({ who: agent, when: new Date(), what: 'orders', why: grant.purpose });
  return [...early, ...all];
}
`;
    const read = lineOf(code, '// read');
    expect(analyzeSupport(code)).toEqual([`${read} noGrant`, `${read} outsideGrantRegion`]);
  });

  it('finds entry points by decorator, route prefix and file glob from the config', () => {
    const controller = `
function Roles(..._roles: string[]): MethodDecorator { return () => undefined; }
export class SupportController {
  @Roles('support')
  async orders(customerId: string): Promise<OrderRow[]> {
    return (await defaultPool.query<OrderRow>('SELECT 1', [customerId])).rows; // decorated
  }
}
interface Router { get(path: string, handler: (id: string) => Promise<unknown>): void }
export function routes(router: Router): void {
  router.get('/support/orders/:id', async (id) => (await defaultPool.query<OrderRow>('SELECT 1', [id])).rows); // routed
  router.get('/shop/orders/:id', async (id) => (await defaultPool.query<OrderRow>('SELECT 1', [id])).rows);
}
`;
    const files = { 'db.ts': DB, 'support.ts': PREAMBLE + controller, 'ops/export.ts': `import { defaultPool, type OrderRow } from '../db.js';\nexport async function dump(): Promise<OrderRow[]> {\n  return (await defaultPool.query<OrderRow>('SELECT 1')).rows;\n}\n` };
    const config = { access: { entryPoints: { decorators: ["Roles('support')"], routePrefixes: ['/support'], files: ['ops/**'] } } };
    const lines = analyzeSnippets(files, config).byRule('require-access-grant').filter((finding) => finding.messageId === 'noGrant').map((finding) => `${finding.file.split('/').pop()}:${finding.line}`);
    expect(lines).toEqual(['export.ts:3', `support.ts:${lineOf(controller, '// decorated')}`, `support.ts:${lineOf(controller, '// routed')}`]);
    expect(analyzeSnippets(files).byRule('require-access-grant')).toEqual([]);
  });

  it('reports a grant forged by a cast as no-unsafe-declassification, and not a verified one re-typed', () => {
    const code = `
export function forge(tenantId: string): AccessGrant {
  return { tenantId, region: 'eu-west-1' } as unknown as AccessGrant; // forged
}
export function retype(request: AccessRequest): AccessGrant {
  return verifyAccessGrant(request, new Date()) as AccessGrant;
}
`;
    const findings = analyzeSnippets({ 'db.ts': DB, 'support.ts': PREAMBLE + code }).byRule('no-unsafe-declassification');
    expect(findings.map((finding) => `${finding.line} ${finding.messageId}`)).toEqual([`${lineOf(code, '// forged')} forgedGrant`]);
  });

  it('does not crash on odd code', () => {
    const code = `
/** @access support */
export async function odd(request: AccessRequest, n: number): Promise<unknown> {
  label: for (;;) { if (n-- > 0) continue label; break; }
  switch (n) { case 1: return undefined; default: }
  do { n++; } while (n < 3);
  const grant = n > 2 ? verifyAccessGrant(request, new Date()) : undefined;
  return grant ?? (await (null as any).query('x'));
}
`;
    expect(analyzeSupport(code)).toEqual([]);
  });
});
