// The transform as users run it: the real `tspc` (ts-patch 3) loading `classified/transform` from
// the fixtures' `compilerOptions.plugins` entries. ts-patch resolves the entry from the tsconfig's
// folder with `require.resolve`, whose package self-reference is tried from ts-patch's own module,
// so the fixtures get a `node_modules/classified` link to this repository — what an install gives.
// Needs the build (`npx tsc -p tsconfig.build.json`): ts-patch loads `dist/src/transform/index.js`.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, makeTempDir, readTree, runBin, runNode } from '../helpers/transform-fixtures.js';

const LINK = path.join(FIXTURES, 'node_modules', 'classified');
const EMAIL = 'ada.lovelace@example.com';
const CARD = '4000056655665556';

beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'src', 'transform', 'index.js'))) {
    throw new Error('dist/src/transform/index.js is missing: run `npx tsc -p tsconfig.build.json` first');
  }
  fs.mkdirSync(path.dirname(LINK), { recursive: true });
  fs.rmSync(LINK, { force: true });
  fs.symlinkSync(ROOT, LINK, 'dir');
});

afterAll(() => {
  fs.rmSync(path.join(FIXTURES, 'node_modules'), { recursive: true, force: true });
});

function tspc(fixture: string, ...args: string[]): ReturnType<typeof runBin> {
  return runBin('tspc', ['-p', path.join(FIXTURES, fixture), ...args]);
}

let reportRun: ReturnType<typeof runBin> | undefined;
function compileReportFixture(): ReturnType<typeof runBin> {
  reportRun ??= tspc('report/tsconfig.json', '--outDir', makeTempDir('tspc-report'));
  return reportRun;
}

describe('classified/transform under tspc', () => {
  it('turns findings into [rule-id] diagnostics with the rule codes and fails the build (report mode)', () => {
    const result = compileReportFixture();
    const file = 'test/fixtures/transform/report/src/index.ts';
    expect(result.stdout).toContain(`${file}(13,29): error TS990004: [no-pii-logging] Confidential data customer.email (Email) reaches log sink console.log (console)`);
    expect(result.stdout).toContain(`${file}(14,14): error TS990004: [no-pii-logging]`);
    // the fixture's classified.config.json (the entry's "config") sets no-restricted-logging to warn
    expect(result.stdout).toContain(`${file}(15,32): warning TS990003: [no-restricted-logging] Restricted data customer.card (PAN)`);
    expect(result.stdout.trim().split('\n')).toHaveLength(3);
    expect(result.status).not.toBe(0);
  });

  it('honours a suppression comment with a reason', () => {
    const result = compileReportFixture();
    expect(result.stdout).toContain('index.ts(13,29)');
    // line 17 logs an email under `eslint-disable-next-line classified/no-pii-logging -- <reason>`
    expect(result.stdout).not.toMatch(/index\.ts\(17,/);
  });

  it('shows the trace as related information with --pretty', () => {
    const result = tspc('report/tsconfig.json', '--pretty', '--outDir', makeTempDir('tspc-pretty'));
    const text = result.stdout.replace(/\u001b\[[0-9;]*m/g, '');
    expect(text).toContain('customer.email is confidential (Email)');
    expect(text).toContain('reaches log sink console.log');
  });

  it('redacts log arguments in the emitted JavaScript and passes the build (redact mode)', () => {
    const outDir = makeTempDir('tspc-redact');
    const result = tspc('redact/tsconfig.json', '--outDir', outDir);
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
    const run = runNode(path.join(outDir, 'app.js'));
    expect(run.status).toBe(0);
    expect(run.stdout + run.stderr).not.toContain(EMAIL);
    expect(run.stdout + run.stderr).not.toContain(CARD);
    expect(run.stdout).toContain('checkout started for [REDACTED]');
  });

  it('compiles a project without violations byte-identically to plain tsc (report mode)', () => {
    const withTransform = makeTempDir('tspc-clean');
    const plain = makeTempDir('tsc-clean');
    const transformed = tspc('clean/tsconfig.json', '--outDir', withTransform);
    const untransformed = runBin('tsc', ['-p', path.join(FIXTURES, 'clean/tsconfig.json'), '--outDir', plain]);
    expect(transformed).toMatchObject({ status: 0, stdout: '' });
    expect(untransformed).toMatchObject({ status: 0, stdout: '' });
    const expected = readTree(plain);
    const actual = readTree(withTransform);
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    expect(expected.size).toBeGreaterThanOrEqual(6);
    for (const [file, bytes] of expected) expect(actual.get(file)?.equals(bytes), file).toBe(true);
  });

  it('fails with a message naming the tsconfig entry, the option and the expectation', () => {
    const badMode = tspc('report/tsconfig.bad-mode.json');
    expect(badMode.status).not.toBe(0);
    expect(badMode.stdout).toContain(
      'error TS990000: [classified] test/fixtures/transform/report/tsconfig.bad-mode.json: compilerOptions.plugins entry "classified/transform": option "mode" must be "report" or "redact", got "fix"',
    );
    const missing = tspc('report/tsconfig.missing-config.json');
    expect(missing.status).not.toBe(0);
    expect(missing.stdout).toContain('option "config" is "no-such.config.json", but test/fixtures/transform/report/no-such.config.json does not exist');
    expect(missing.stdout + missing.stderr).not.toMatch(/\n\s+at /);
  });
});
