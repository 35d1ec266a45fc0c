import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listProjects } from '../../src/cli/load-projects.js';
import { classified, expectOk, freshDir, writeFiles } from '../helpers/adoption.js';

const BASE_OPTIONS = { target: 'ES2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true, skipLibCheck: true, composite: true, types: [] };

/**
 * A solution tsconfig with two packages, built never (no dist/): `@demo/a` has a type with a
 * branded field and a helper that logs its parameter; `@demo/b` imports both through the
 * workspace symlink `node_modules/@demo/a` (whose package.json points at the unbuilt dist/), and
 * `@demo/c` through a relative path.
 */
function createMonorepo(dir: string): void {
  writeFiles(dir, {
    'tsconfig.json': JSON.stringify({ files: [], references: [{ path: 'packages/b' }, { path: 'packages/c' }, { path: 'packages/a' }] }),
    'tsconfig.base.json': JSON.stringify({ compilerOptions: BASE_OPTIONS }),
    'packages/a/package.json': JSON.stringify({ name: '@demo/a', version: '1.0.0', exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } } }),
    'packages/a/tsconfig.json': JSON.stringify({ extends: '../../tsconfig.base.json', compilerOptions: { rootDir: 'src', outDir: 'dist' }, include: ['src'] }),
    'packages/a/src/index.ts': [
      "import type { Email } from 'classified';",
      'export interface Customer { id: string; email: Email }',
      '/** Writes an audit line; fine with public data, the callers decide what they pass. */',
      'export function audit(message: string): void {',
      '  console.log(`audit: ${message}`);',
      '}',
      '',
    ].join('\n'),
    'packages/b/tsconfig.json': JSON.stringify({ extends: '../../tsconfig.base.json', compilerOptions: { rootDir: 'src', outDir: 'dist' }, include: ['src'], references: [{ path: '../a' }] }),
    'packages/b/src/notify.ts': [
      "import { audit, type Customer } from '@demo/a';",
      'export function notify(customer: Customer): void {',
      '  audit(customer.id); // ok: not classified',
      '  audit(customer.email); // expect: no-pii-logging',
      '}',
      '',
    ].join('\n'),
    'packages/c/tsconfig.json': JSON.stringify({ extends: '../../tsconfig.base.json', compilerOptions: { rootDir: 'src', outDir: 'dist' }, include: ['src'], references: [{ path: '../a' }] }),
    'packages/c/src/report.ts': [
      "import type { Email } from 'classified';",
      "import { audit } from '../../a/src/index.js';",
      'export function report(contact: Email): void {',
      '  audit(contact); // expect: no-pii-logging',
      '}',
      '',
    ].join('\n'),
  });
  fs.mkdirSync(path.join(dir, 'node_modules', '@demo'), { recursive: true });
  fs.symlinkSync(path.join('..', '..', 'packages', 'a'), path.join(dir, 'node_modules', '@demo', 'a'), 'dir');
}

interface Finding {
  ruleId: string;
  file: string;
  line: number;
  trace: { file: string; line: number; note: string }[];
}

describe('solution tsconfig (monorepo)', { timeout: 180_000 }, () => {
  let dir: string;
  beforeAll(async () => {
    dir = freshDir('monorepo');
    createMonorepo(dir);
  });

  it('lists the referenced projects, dependencies first, each once', async () => {
    expect(listProjects(path.join(dir, 'tsconfig.json')).map((file) => path.relative(dir, file).split(path.sep).join('/'))).toEqual([
      'packages/a/tsconfig.json',
      'packages/b/tsconfig.json',
      'packages/c/tsconfig.json',
    ]);
    // a project tsconfig with references is one project
    expect(listProjects(path.join(dir, 'packages', 'b', 'tsconfig.json'))).toHaveLength(1);
  });

  it('follows brands and summaries across packages: the finding is in the package that passes the Email', async () => {
    const result = await classified(dir, ['check', '--project', 'tsconfig.json', '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { findings: Finding[]; summary: { filesAnalyzed: number } };
    expect(report.findings.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`)).toEqual([
      'packages/b/src/notify.ts:4 no-pii-logging',
      'packages/c/src/report.ts:4 no-pii-logging',
    ]);
    expect(report.findings[0]?.trace.map((step) => step.file)).toContain('packages/a/src/index.ts');
    expect(report.summary.filesAnalyzed).toBe(3);
  });

  it('checks one package on its own (per-package runs) with the same facts', async () => {
    const b = await classified(dir, ['check', '--project', 'packages/b', '--format', 'json']);
    expect(b.status).toBe(1);
    expect((JSON.parse(b.stdout) as { findings: Finding[] }).findings.map((finding) => finding.file)).toEqual(['packages/b/src/notify.ts']);
    const a = await classified(dir, ['check', '--project', 'packages/a', '--format', 'json']);
    expect(a.status).toBe(0);
  });

  it('baselines a solution with paths relative to the solution folder', async () => {
    expectOk(await classified(dir, ['baseline', 'classified.baseline.json', '--project', 'tsconfig.json']));
    const baseline = JSON.parse(fs.readFileSync(path.join(dir, 'classified.baseline.json'), 'utf8')) as { findings: { file: string }[] };
    expect(baseline.findings.map((entry) => entry.file)).toEqual(['packages/b/src/notify.ts', 'packages/c/src/report.ts']);
    const checked = await classified(dir, ['check', '--project', 'tsconfig.json', '--baseline', 'classified.baseline.json']);
    expect(checked.status).toBe(0);
  });

  it('names a missing referenced project', async () => {
    writeFiles(dir, { 'broken.tsconfig.json': JSON.stringify({ files: [], references: [{ path: 'packages/missing' }] }) });
    const result = await classified(dir, ['check', '--project', 'broken.tsconfig.json']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/broken\.tsconfig\.json: referenced project .*packages\/missing\/tsconfig\.json does not exist/);
  });
});

/**
 * Two apps that map a shared library folder with `paths` (no references, no package): the
 * library logs an Email itself and has a helper that logs its parameter; each app passes an Email
 * to the helper. The library has a tsconfig of its own, which the solution lists.
 */
function createPathsMappedApps(dir: string): void {
  const appTsconfig = JSON.stringify({ extends: '../../tsconfig.base.json', compilerOptions: { paths: { '@shared/*': ['../../libs/shared/src/*'] } }, include: ['src'] });
  const app = (name: string): string => [
    "import type { Email } from 'classified';",
    "import { audit } from '@shared/audit.js';",
    `export function ${name}(contact: Email): void {`,
    '  audit(contact); // expect: no-pii-logging',
    '}',
    '',
  ].join('\n');
  writeFiles(dir, {
    'tsconfig.base.json': JSON.stringify({ compilerOptions: { ...BASE_OPTIONS, composite: false } }),
    'tsconfig.json': JSON.stringify({ files: [], references: [{ path: 'apps/web' }, { path: 'apps/admin' }, { path: 'libs/shared' }] }),
    'libs/shared/tsconfig.json': JSON.stringify({ extends: '../../tsconfig.base.json', include: ['src'] }),
    'libs/shared/src/audit.ts': [
      "import type { Email } from 'classified';",
      'export function audit(message: string): void {',
      '  console.log(`audit: ${message}`);',
      '}',
      'export function greet(email: Email): void {',
      '  console.log(email); // expect: no-pii-logging',
      '}',
      '',
    ].join('\n'),
    'apps/web/tsconfig.json': appTsconfig,
    'apps/web/src/signup.ts': app('signup'),
    'apps/admin/tsconfig.json': appTsconfig,
    'apps/admin/src/invite.ts': app('invite'),
  });
}

describe('a library mapped by `paths` into several apps', { timeout: 180_000 }, () => {
  let dir: string;
  beforeAll(() => {
    dir = freshDir('paths-mapped');
    createPathsMappedApps(dir);
  });

  it("reports the library's findings once, by its own project, and each app's call with the library's helper in the trace", async () => {
    const result = await classified(dir, ['check', '--project', 'tsconfig.json', '--format', 'json']);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { findings: Finding[]; summary: { filesAnalyzed: number; filesReadNotReported: number } };
    expect(report.findings.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`).sort()).toEqual([
      'apps/admin/src/invite.ts:4 no-pii-logging',
      'apps/web/src/signup.ts:4 no-pii-logging',
      'libs/shared/src/audit.ts:6 no-pii-logging',
    ]);
    expect(report.findings.find((finding) => finding.file === 'apps/web/src/signup.ts')?.trace.map((step) => step.file)).toContain('libs/shared/src/audit.ts');
    expect(report.summary).toMatchObject({ filesAnalyzed: 3, filesReadNotReported: 0 });
  });

  it('reads the library for an app checked alone without reporting it, and says so', async () => {
    const json = await classified(dir, ['check', '--project', 'apps/web', '--format', 'json']);
    const report = JSON.parse(json.stdout) as { findings: Finding[]; summary: { filesAnalyzed: number; filesReadNotReported: number } };
    expect(report.findings.map((finding) => `${finding.file}:${finding.line}`)).toEqual(['apps/web/src/signup.ts:4']);
    expect(report.summary).toMatchObject({ filesAnalyzed: 1, filesReadNotReported: 1 });
    const text = await classified(dir, ['check', '--project', 'apps/web']);
    expect(text.stdout).toContain("1 file analyzed; 1 other file read but not reported (outside the tsconfig's files/include)\n");
  });
});
