/**
 * Oracle programs for `require-access-grant`: one support access handler per case (in
 * `support.ts`) built from independent choices — how the grant is obtained, where the query's
 * client comes from, how the rows are read, how the access is audited, and whether the rows are
 * Confidential or Restricted. The access clause (DESIGN.md section 10) gives each combination one
 * answer: a finding on the read's line when a grant, the grant's region or the audit before the
 * rows leave is missing on some path (a two-person grant for Restricted rows), and a finding on
 * the audit's line when its record has no why. Pure, like oracle-generator.ts.
 */
import fc from 'fast-check';
import type { ExpectedFinding } from './oracle-generator.js';

export const ACCESS_GRANTS = ['verified', 'two-person', 'helper', 'parameter', 'one-branch', 'none'] as const;
export const ACCESS_REGIONS = ['grant', 'variable', 'destructured', 'default'] as const;
export const ACCESS_READS = ['direct', 'helper', 'callback'] as const;
export const ACCESS_AUDITS = ['after', 'finally', 'helper', 'early-return', 'before-read', 'none', 'no-why'] as const;

export interface AccessSpec {
  readonly grant: (typeof ACCESS_GRANTS)[number];
  readonly region: (typeof ACCESS_REGIONS)[number];
  readonly read: (typeof ACCESS_READS)[number];
  readonly audit: (typeof ACCESS_AUDITS)[number];
  readonly restricted: boolean;
}

export function accessArb(): fc.Arbitrary<AccessSpec> {
  return fc.record({
    grant: fc.constantFrom(...ACCESS_GRANTS),
    region: fc.constantFrom(...ACCESS_REGIONS),
    read: fc.constantFrom(...ACCESS_READS),
    audit: fc.constantFrom(...ACCESS_AUDITS),
    restricted: fc.boolean(),
  });
}

export function describeAccess(spec: AccessSpec): string {
  return `support access: grant ${spec.grant}, region ${spec.region}, read ${spec.read}, audit ${spec.audit}${spec.restricted ? ', Restricted rows' : ''}`;
}

const AUDIT = "await auditAccess({ who: agent, when: new Date(), what: 'rows', why: 'ticket' });";

/** Renders `support.ts` for the spec, with the findings the access clause asks for. */
export function renderAccessCase(spec: AccessSpec): { readonly text: string; readonly expected: readonly ExpectedFinding[] } {
  const hasGrantVariable = spec.grant !== 'one-branch' && spec.grant !== 'none';
  const regionOf = hasGrantVariable ? 'grant.region' : 'request.region';
  const body: { text: string; mark?: 'read' | 'audit' }[] = [];
  const line = (text: string, mark?: 'read' | 'audit'): void => {
    body.push(mark === undefined ? { text } : { text, mark });
  };
  switch (spec.grant) {
    case 'verified':
      line('  const grant = verifyAccessGrant(request, new Date());');
      break;
    case 'two-person':
      line('  const grant = verifyTwoPersonGrant(twoPersonRequest, new Date());');
      break;
    case 'helper':
      line('  const grant = await obtainGrant(request);');
      break;
    case 'parameter':
      line('  const grant = grantIn;');
      break;
    case 'one-branch':
      line('  if (flag) verifyAccessGrant(request, new Date());');
      break;
    case 'none':
      break;
  }
  if (spec.region === 'grant') line(`  const db = poolFor(${regionOf});`);
  else if (spec.region === 'variable') {
    line(`  const region = ${regionOf};`);
    line('  const db = poolFor(region);');
  } else if (spec.region === 'destructured') {
    line(`  const { region } = ${hasGrantVariable ? 'grant' : 'request'};`);
    line('  const db = poolFor(region);');
  }
  else line('  const db = defaultPool;');
  if (spec.audit === 'before-read') line(`  ${AUDIT}`);
  const indent = spec.audit === 'finally' ? '    ' : '  ';
  if (spec.audit === 'finally') line('  try {');
  const read =
    spec.read === 'direct' ? "(await db.query<SupportRow>('SELECT 1')).rows" : spec.read === 'helper' ? 'await readRows(db)' : '(await Promise.all([0].map(async () => readRows(db)))).flat()';
  line(`${indent}const rows = ${read};`, 'read');
  if (spec.audit === 'early-return') line('  if (flag) return rows;');
  if (spec.audit === 'finally') {
    line('    return rows;');
    line('  } finally {');
    line(`    ${AUDIT}`);
    line('  }');
  } else {
    if (spec.audit === 'after' || spec.audit === 'early-return') line(`  ${AUDIT}`);
    if (spec.audit === 'helper') line('  await recordAccess(agent);');
    if (spec.audit === 'no-why') line("  await auditAccess({ who: agent, when: new Date(), what: 'rows', why: '' });", 'audit');
    line('  return rows;');
  }
  const row = spec.restricted ? 'gross: Compensation' : 'email: Email';
  const header = [
    "import pg from 'pg';",
    "import { auditAccess, verifyAccessGrant, verifyTwoPersonGrant, type AccessGrant, type AccessRequest, type Compensation, type Email, type TwoPersonAccessRequest } from 'classified';",
    '',
    `interface SupportRow { id: string; ${row} }`,
    'const pools = new Map<string, pg.Pool>();',
    'function poolFor(region: string): pg.Pool { return pools.get(region) ?? new pg.Pool(); }',
    'const defaultPool = new pg.Pool();',
    "async function readRows(db: pg.Pool): Promise<SupportRow[]> { return (await db.query<SupportRow>('SELECT 1')).rows; }",
    'async function obtainGrant(request: AccessRequest): Promise<AccessGrant> { return verifyAccessGrant(request, new Date()); }',
    `async function recordAccess(agent: string): Promise<void> { ${AUDIT} }`,
    '',
    '/** @access support */',
    'export async function supportRead(request: AccessRequest, twoPersonRequest: TwoPersonAccessRequest, grantIn: AccessGrant, agent: string, flag: boolean): Promise<SupportRow[]> {',
  ];
  const lines = [...header];
  const expected: ExpectedFinding[] = [];
  const grantMissing = !hasGrantVariable || (spec.restricted && spec.grant !== 'two-person');
  const regionMissing = spec.region === 'default' || !hasGrantVariable;
  const auditMissing = spec.audit === 'early-return' || spec.audit === 'before-read' || spec.audit === 'none';
  for (const entry of body) {
    lines.push(entry.text);
    if (entry.mark === 'read' && (grantMissing || regionMissing || auditMissing)) expected.push({ file: 'support.ts', line: lines.length, ruleId: 'require-access-grant' });
    if (entry.mark === 'audit') expected.push({ file: 'support.ts', line: lines.length, ruleId: 'require-access-grant' });
  }
  lines.push('}', '');
  return { text: lines.join('\n'), expected };
}
