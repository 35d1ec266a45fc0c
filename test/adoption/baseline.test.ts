import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { classified, copyExample, expectOk, parseFindings } from '../helpers/adoption.js';

interface BaselineDocument {
  version: number;
  findings: { fingerprint: string; ruleId: string; file: string; message: string }[];
}

const NEW_VIOLATION = `
export function logCustomerEmail(customer: { email: import('classified').Email }): void {
  auditLog.info(customer.email); // new finding
}
`;

function listTsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts')).map((name) => path.join(dir, name));
}

function insertLinesAtTop(file: string): void {
  const lines = Array.from({ length: 10 }, (_, index) => (index % 2 === 0 ? `// inserted line ${index + 1}` : `const inserted${index} = ${index}; void inserted${index};`));
  fs.writeFileSync(file, `${lines.join('\n')}\n${fs.readFileSync(file, 'utf8')}`);
}

describe('classified baseline / check --baseline', { timeout: 180_000 }, () => {
  let dir: string;
  let total: number;
  beforeAll(async () => {
    dir = copyExample('baseline');
    total = parseFindings((await classified(dir, ['check', '--format', 'json'])).stdout).length;
  });

  it('writes the fingerprints of the unsuppressed findings, version 1, sorted', async () => {
    const result = expectOk(await classified(dir, ['baseline', 'classified.baseline.json']));
    expect(result.stdout).toContain(`wrote ${total} findings`);
    const document = JSON.parse(fs.readFileSync(path.join(dir, 'classified.baseline.json'), 'utf8')) as BaselineDocument;
    expect(document.version).toBe(1);
    expect(document.findings).toHaveLength(total);
    expect(total).toBeGreaterThan(10);
    for (const entry of document.findings) {
      expect(Object.keys(entry)).toEqual(['fingerprint', 'ruleId', 'file', 'message']);
      expect(entry.fingerprint).toMatch(/^[0-9a-f]{32}$/);
      expect(entry.file).toMatch(/^src\/.+\.ts$/);
    }
    const keys = document.findings.map((entry) => `${entry.file}\0${entry.ruleId}\0${entry.fingerprint}`);
    expect(keys).toEqual([...keys].sort());
    expect(new Set(document.findings.map((entry) => entry.fingerprint)).size).toBe(total);
  });

  it('is stable: a second run finds the file up to date and leaves its bytes alone', async () => {
    const before = fs.readFileSync(path.join(dir, 'classified.baseline.json'), 'utf8');
    const result = expectOk(await classified(dir, ['baseline', 'classified.baseline.json']));
    expect(result.stdout).toContain('is up to date');
    expect(fs.readFileSync(path.join(dir, 'classified.baseline.json'), 'utf8')).toBe(before);
  });

  it('reports nothing once every finding is baselined, and says how many were left out', async () => {
    const result = await classified(dir, ['check', '--baseline', 'classified.baseline.json', '--format', 'json']);
    expect(result.status).toBe(0);
    expect(parseFindings(result.stdout)).toEqual([]);
    expect(result.stderr).toContain(`--baseline: ${total} baselined findings not reported (classified.baseline.json)`);
  });

  it('survives 10 lines inserted at the top of every file, and reports exactly one new finding', async () => {
    for (const file of listTsFiles(path.join(dir, 'src'))) insertLinesAtTop(file);
    const moved = await classified(dir, ['check', '--baseline', 'classified.baseline.json', '--format', 'json']);
    expect(moved.stderr).not.toContain('no longer found');
    expect(parseFindings(moved.stdout)).toEqual([]);
    expect(moved.status).toBe(0);

    fs.appendFileSync(path.join(dir, 'src', 'lib', 'logger.ts'), NEW_VIOLATION);
    const added = await classified(dir, ['check', '--baseline', 'classified.baseline.json', '--format', 'json']);
    expect(added.status).toBe(1);
    const findings = parseFindings(added.stdout);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'no-pii-logging', file: 'src/lib/logger.ts' });
    // text output: the summary counts only the new finding
    const text = await classified(dir, ['check', '--baseline', 'classified.baseline.json']);
    expect(text.stdout).toMatch(/^1 error, 0 warnings in 1 file/m);
  });

  it('tells when baselined findings are fixed, and re-baselining shrinks the file', async () => {
    const support = path.join(dir, 'src', 'services', 'support.ts');
    const text = fs.readFileSync(support, 'utf8');
    const line = '  log.info(formatCustomer(customer)); // expect: no-pii-logging\n';
    expect(text).toContain(line);
    fs.writeFileSync(support, text.replace(line, ''));
    const result = await classified(dir, ['check', '--baseline', 'classified.baseline.json']);
    expect(result.stderr).toMatch(/1 baselined finding no longer found — run `classified baseline classified\.baseline\.json`/);
    const rebaselined = expectOk(await classified(dir, ['baseline', 'classified.baseline.json']));
    expect(rebaselined.stdout).toContain(`wrote ${total} findings`); // one fixed, one added
    expect(rebaselined.stdout).toContain('(1 added, 1 removed)');
  });

  it('fails with exit 2 on a missing or invalid baseline, and never overwrites other files', async () => {
    const missing = await classified(dir, ['check', '--baseline', 'nope.json']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/nope\.json: baseline file not found/);
    fs.writeFileSync(path.join(dir, 'bad.json'), '{"version": 2}');
    const invalid = await classified(dir, ['check', '--baseline', 'bad.json']);
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toContain('expected a baseline with "version": 1');
    const tsconfig = fs.readFileSync(path.join(dir, 'tsconfig.json'), 'utf8');
    const clobber = await classified(dir, ['baseline', 'tsconfig.json']);
    expect(clobber.status).toBe(2);
    expect(clobber.stderr).toContain('is not a classified baseline');
    expect(fs.readFileSync(path.join(dir, 'tsconfig.json'), 'utf8')).toBe(tsconfig);
  });
});
