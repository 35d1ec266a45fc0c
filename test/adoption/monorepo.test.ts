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
