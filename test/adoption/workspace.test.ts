import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { getWorkspace } from '../../src/cli/workspace.js';
import { classified, expectOk, freshDir, git, writeFiles } from '../helpers/adoption.js';

const SLOW = { timeout: 180_000 };
const BASE_OPTIONS = { target: 'ES2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true, skipLibCheck: true, types: [] };

/**
 * A pnpm workspace as new users have them: a root base tsconfig without files, packages without
 * references importing each other through node_modules links to unbuilt sources. `@demo/a` logs
 * an Email itself and has a helper that logs its parameter; `@demo/b` passes an Email to that
 * helper; `packages/docs` has no tsconfig; `libs/*` matches nothing.
 */
function createWorkspace(dir: string): void {
  writeFiles(dir, {
    'pnpm-workspace.yaml': 'packages:\n  - packages/*\n  - libs/*\n',
    'package.json': JSON.stringify({ name: 'demo', private: true }),
    'tsconfig.json': JSON.stringify({ compilerOptions: BASE_OPTIONS }),
    'scripts/everything.ts': "import type { Email } from 'classified';\nexport const logRoot = (email: Email): void => console.log(email);\n",
    'packages/a/package.json': JSON.stringify({ name: '@demo/a', exports: { '.': './src/index.ts' } }),
    'packages/a/tsconfig.json': JSON.stringify({ extends: '../../tsconfig.json', include: ['src'] }),
    'packages/a/src/index.ts': [
      "import type { Email } from 'classified';",
      'export interface Customer { id: string; email: Email }',
      'export function audit(message: string): void {',
      '  console.log(`audit: ${message}`);',
      '}',
      'export function logCustomer(customer: Customer): void {',
      '  console.log(customer.email); // expect: no-pii-logging',
      '}',
      '',
    ].join('\n'),
    'packages/b/package.json': JSON.stringify({ name: '@demo/b', dependencies: { '@demo/a': 'workspace:*' } }),
    'packages/b/tsconfig.json': JSON.stringify({ extends: '../../tsconfig.json', include: ['src'] }),
    'packages/b/src/notify.ts': [
      "import { audit, type Customer } from '@demo/a';",
      'export function notify(customer: Customer): void {',
      '  audit(customer.id); // ok: not classified',
      '  audit(customer.email); // expect: no-pii-logging',
      '}',
      '',
    ].join('\n'),
    'packages/docs/package.json': JSON.stringify({ name: '@demo/docs' }),
    '.gitignore': 'node_modules\n',
  });
  fs.mkdirSync(path.join(dir, 'node_modules', '@demo'), { recursive: true });
  fs.symlinkSync(path.join('..', '..', 'packages', 'a'), path.join(dir, 'node_modules', '@demo', 'a'), 'dir');
}

interface JsonReport {
  findings: { ruleId: string; file: string; line: number }[];
  summary: { packages: { path: string; status: string; errors: number; filesAnalyzed: number }[] };
}

const locations = (report: JsonReport): string[] => report.findings.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`);

describe('workspace check', SLOW, () => {
  let dir: string;
  beforeAll(() => {
    dir = freshDir('workspace');
    createWorkspace(dir);
  });

  it('finds the pnpm packages, with and without a tsconfig, and the globs matching nothing', () => {
    const workspace = getWorkspace(dir);
    expect(workspace?.declaredBy).toEqual(['pnpm-workspace.yaml']);
    expect(workspace?.packages.map((entry) => [entry.relativeDir, entry.name, entry.tsconfig !== undefined])).toEqual([
      ['packages/a', '@demo/a', true],
      ['packages/b', '@demo/b', true],
      ['packages/docs', '@demo/docs', false],
    ]);
    expect(workspace?.unmatchedPatterns.map((entry) => entry.pattern)).toEqual(['libs/*']);
  });

  it('never checks the root base tsconfig as one program: it says so and checks each package, every finding once', async () => {
    const result = await classified(dir, ['check', '--format', 'json']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('tsconfig.json has no "files" or "include" (a base config, not a project): checking the 2 packages with a tsconfig.json declared by pnpm-workspace.yaml one by one (--workspace)');
    expect(result.stderr).toContain('pnpm-workspace.yaml: "libs/*" matches no package folder');
    const report = JSON.parse(result.stdout) as JsonReport;
    // the root script is in no package: a whole-repository program would report it
    expect(locations(report)).toEqual(['packages/a/src/index.ts:7 no-pii-logging', 'packages/b/src/notify.ts:4 no-pii-logging']);
    expect(report.summary.packages.map((entry) => `${entry.path} ${entry.status} ${entry.errors} ${entry.filesAnalyzed}`)).toEqual([
      'packages/a checked 1 1',
      'packages/b checked 1 1',
      'packages/docs no-tsconfig 0 0',
    ]);
    // the same with the flag, and the text output has a line per package
    const text = await classified(dir, ['check', '--workspace']);
    expect(text.stdout).toContain('packages/b (@demo/b): 1 error, 0 warnings, 1 file analyzed');
    expect(text.stdout).toContain('packages/docs (@demo/docs): no tsconfig.json, not checked');
  });

  it('writes one SARIF run per package, each with its own category, each finding once', async () => {
    const result = await classified(dir, ['check', '--workspace', '--format', 'sarif']);
    const log = JSON.parse(result.stdout) as { runs: { automationDetails?: { id: string }; results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(log.runs.map((run) => [run.automationDetails?.id, run.results.map((entry) => entry.locations[0]?.physicalLocation.artifactLocation.uri)])).toEqual([
      ['classified/packages/a/', ['packages/a/src/index.ts']],
      ['classified/packages/b/', ['packages/b/src/notify.ts']],
    ]);
  });

  it('baselines per package and honours each package baseline', async () => {
    expectOk(await classified(dir, ['baseline', 'classified.baseline.json', '--workspace']));
    const baselineA = JSON.parse(fs.readFileSync(path.join(dir, 'packages', 'a', 'classified.baseline.json'), 'utf8')) as { findings: { file: string }[] };
    expect(baselineA.findings.map((entry) => entry.file)).toEqual(['src/index.ts']);
    fs.rmSync(path.join(dir, 'packages', 'b', 'classified.baseline.json'));
    const result = await classified(dir, ['check', '--workspace', '--baseline', 'classified.baseline.json', '--format', 'json']);
    expect(result.status).toBe(1);
    expect(locations(JSON.parse(result.stdout) as JsonReport)).toEqual(['packages/b/src/notify.ts:4 no-pii-logging']);
    expect(result.stderr).toContain('--baseline: 1 baselined finding not reported (packages/a/classified.baseline.json)');
    expect(result.stderr).toContain('--baseline: no classified.baseline.json in package packages/b; all their findings are reported');
    fs.rmSync(path.join(dir, 'packages', 'a', 'classified.baseline.json'));
  });

  it('says so when a root tsconfig without files is analysed as one program outside a workspace', async () => {
    const single = freshDir('workspace-none');
    writeFiles(single, {
      'tsconfig.json': JSON.stringify({ compilerOptions: BASE_OPTIONS }),
      'src/index.ts': 'export const answer = 42;\n',
    });
    const result = expectOk(await classified(single, ['check']));
    expect(result.stderr).toContain('tsconfig.json has no "files" or "include": analysing every TypeScript file under . as one program');
    const flagged = await classified(single, ['check', '--workspace']);
    expect(flagged.status).toBe(2);
    expect(flagged.stderr).toMatch(/--workspace: \. declares no workspace/);
  });

  it('names the file when a workspace manifest is broken', async () => {
    const broken = freshDir('workspace-broken');
    writeFiles(broken, { 'pnpm-workspace.yaml': 'packages:\n  - apps/*\n - [oops\n', 'tsconfig.json': JSON.stringify({ compilerOptions: BASE_OPTIONS }) });
    const yamlError = await classified(broken, ['check']);
    expect(yamlError.status).toBe(2);
    expect(yamlError.stderr).toMatch(/classified: .*pnpm-workspace\.yaml:\d+: not valid YAML/);
    fs.rmSync(path.join(broken, 'pnpm-workspace.yaml'));
    writeFiles(broken, { 'package.json': JSON.stringify({ workspaces: 'packages/*' }) });
    const shapeError = await classified(broken, ['check', '--workspace']);
    expect(shapeError.status).toBe(2);
    expect(shapeError.stderr).toMatch(/package\.json: "workspaces" must be a list of globs/);
  });

  it('reads npm/yarn workspaces, Lerna and Nx projects', () => {
    const other = freshDir('workspace-kinds');
    writeFiles(other, {
      'package.json': JSON.stringify({ workspaces: { packages: ['apps/*', '!apps/legacy'] } }),
      'apps/web/package.json': '{}',
      'apps/legacy/package.json': '{}',
      'lerna.json': JSON.stringify({ packages: ['tools/*'] }),
      'tools/cli/package.json': JSON.stringify({ name: 'cli' }),
      'nx.json': '{}',
      'libs/deep/util/project.json': '{}',
      'libs/deep/util/tsconfig.json': '{}',
    });
    const workspace = getWorkspace(other);
    expect(workspace?.declaredBy).toEqual(['package.json workspaces', 'lerna.json', 'nx.json']);
    expect(workspace?.packages.map((entry) => [entry.relativeDir, entry.tsconfig !== undefined])).toEqual([
      ['apps/web', false],
      ['libs/deep/util', true],
      ['tools/cli', false],
    ]);
  });
});

describe('init and the pre-commit hook in a workspace', SLOW, () => {
  it('init --yes plans workspace commands; the hook blocks a staged violation in one package and analyses only that one', async () => {
    const dir = freshDir('workspace-init');
    createWorkspace(dir);
    // start clean: the fixture's findings are fixed, so only the staged change can block
    const fixedA = fs.readFileSync(path.join(dir, 'packages', 'a', 'src', 'index.ts'), 'utf8').replace('console.log(customer.email); // expect: no-pii-logging', 'console.log(customer.id);');
    writeFiles(dir, { 'packages/a/src/index.ts': fixedA, 'packages/b/src/notify.ts': "export const NAME = 'b';\n" });
    expectOk(git(dir, ['init', '-q', '-b', 'main']));
    expectOk(git(dir, ['add', '-A']));
    expectOk(git(dir, ['commit', '-q', '-m', 'workspace']));

    const init = expectOk(await classified(dir, ['init', '--yes', '--no-eslint']));
    expect(init.stdout).toMatch(/workspace\s+pnpm-workspace\.yaml: 3 packages, 2 with a tsconfig\.json checked one by one/);
    const hook = fs.readFileSync(path.join(dir, '.git', 'hooks', 'pre-commit'), 'utf8');
    expect(hook).toContain('check --workspace --changed --baseline classified.baseline.json');
    expect(hook).not.toContain('--project tsconfig.json');
    const workflow = parse(fs.readFileSync(path.join(dir, '.github', 'workflows', 'classified.yml'), 'utf8')) as { jobs: { classified: { steps: { run?: string; with?: Record<string, unknown> }[] } } };
    const steps = workflow.jobs.classified.steps;
    expect(steps.some((step) => step.run === 'npx classified check --workspace --baseline classified.baseline.json --format sarif --output classified.sarif')).toBe(true);
    // each SARIF run carries its package's category; an upload input would not apply to them
    expect(steps.find((step) => step.with?.sarif_file !== undefined)?.with).toEqual({ sarif_file: 'classified.sarif' });
    expectOk(git(dir, ['add', '-A']));
    expectOk(git(dir, ['commit', '-q', '-m', 'classified init']));

    writeFiles(dir, {
      'packages/b/src/notify.ts': "import { audit, type Customer } from '@demo/a';\nexport function notify(customer: Customer): void {\n  audit(customer.email);\n}\n",
    });
    expectOk(git(dir, ['add', '-A']));
    const blocked = git(dir, ['commit', '-q', '-m', 'log the email']);
    const output = `${blocked.stdout}${blocked.stderr}`;
    expect(blocked.status).toBe(1);
    expect(output).toMatch(/packages\/b\/src\/notify\.ts:3:\d+ {2}error .*\[no-pii-logging\]/);
    expect(output).toContain('packages/a (@demo/a): no changed or named file in it, not analysed');
    expect(git(dir, ['rev-list', '--count', 'HEAD']).stdout.trim()).toBe('2');
  });
});
