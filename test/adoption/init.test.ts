import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { classified, copyExample, expectOk, git, GIT_ENV, snapshot, spawnClassified, writeFiles } from '../helpers/adoption.js';

const SLOW = { timeout: 180_000 };

interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { 'runs-on': string; permissions: Record<string, string>; steps: { name?: string; uses?: string; run?: string; if?: string; with?: Record<string, unknown> }[] }>;
}

const VIOLATION = `
export function logCustomerEmail(customer: { email: import('classified').Email }): void {
  auditLog.info(customer.email);
}
`;

describe('classified init (plain git hook)', SLOW, () => {
  let dir: string;
  beforeAll(async () => {
    dir = copyExample('init-git', { git: true });
    // the example's own classified.config.json would be kept; start without one
    fs.rmSync(path.join(dir, 'classified.config.json'));
    expectOk(git(dir, ['commit', '-q', '-am', 'no config yet']));
  });

  it('--dry-run prints the plan with the contents and writes nothing', async () => {
    const before = snapshot(dir);
    const result = expectOk(await classified(dir, ['init', '--dry-run']));
    expect(result.stdout).toMatch(/tsconfig\s+tsconfig\.json/);
    expect(result.stdout).toMatch(/package manager\s+npm/);
    expect(result.stdout).toMatch(/create\s+classified\.config\.json/);
    expect(result.stdout).toMatch(/create\s+eslint\.config\.mjs/);
    expect(result.stdout).toMatch(/create\s+\.git\/hooks\/pre-commit/);
    expect(result.stdout).toMatch(/create\s+\.github\/workflows\/classified\.yml/);
    expect(result.stdout).toContain('--- .github/workflows/classified.yml (create)');
    expect(result.stdout).toContain('Dry run: 4 files would be written; nothing was written.');
    // the support access rule needs code marked as such: init says how
    expect(result.stdout).toMatch(/`\/\*\* @access support \*\/`.*access\.entryPoints.*require-access-grant/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('without --yes and without a terminal, prints the plan, writes nothing and exits 0', async () => {
    const before = snapshot(dir);
    // a child process: whether stdin is a terminal is a property of the process
    const result = spawnClassified(dir, ['init']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Re-run with --yes to write 4 files');
    expect(snapshot(dir)).toEqual(before);
  });

  it('--yes writes the config, the ESLint config, the hook and the workflow', async () => {
    const result = expectOk(await classified(dir, ['init', '--yes']));
    expect(result.stdout).toContain('Wrote 4 files.');
    const config = JSON.parse(fs.readFileSync(path.join(dir, 'classified.config.json'), 'utf8')) as Record<string, unknown>;
    expect(config.$schema).toBe('./node_modules/classified/schema/classified.config.schema.json');
    expect(fs.readFileSync(path.join(dir, 'eslint.config.mjs'), 'utf8')).toContain('...classified.configs.recommended');
    const hook = path.join(dir, '.git', 'hooks', 'pre-commit');
    expect(fs.statSync(hook).mode & 0o111).not.toBe(0);
    expect(fs.readFileSync(hook, 'utf8')).toContain('check --project tsconfig.json --changed');
    // the written config is valid: check still runs (exit 1: the example app has findings)
    expect((await classified(dir, ['check'])).status).toBe(1);
  });

  it('writes a workflow that parses and gates pull requests with SARIF upload', async () => {
    const workflow = parse(fs.readFileSync(path.join(dir, '.github', 'workflows', 'classified.yml'), 'utf8')) as Workflow;
    expect(Object.keys(workflow.on)).toContain('pull_request');
    expect(workflow.permissions).toEqual({ contents: 'read' });
    const job = workflow.jobs.classified;
    expect(job?.['runs-on']).toBe('ubuntu-latest');
    expect(job?.permissions['security-events']).toBe('write');
    const steps = job?.steps ?? [];
    expect(steps.map((step) => step.uses ?? step.name)).toEqual([
      'actions/checkout@v4',
      'actions/setup-node@v4',
      'Install dependencies',
      'classified check',
      'github/codeql-action/upload-sarif@v3',
    ]);
    const check = steps[3];
    expect(check?.run).toContain('npx classified check --project tsconfig.json --format sarif --output classified.sarif');
    expect(check?.run).toContain('--baseline classified.baseline.json');
    const upload = steps[4];
    expect(upload?.with).toMatchObject({ sarif_file: 'classified.sarif', category: 'classified' });
    expect(upload?.if).toContain("hashFiles('classified.sarif')");
  });

  it('a second run writes nothing and says so', async () => {
    const before = snapshot(dir);
    const result = expectOk(await classified(dir, ['init', '--yes']));
    expect(result.stdout).toMatch(/unchanged\s+classified\.config\.json/);
    expect(result.stdout).toContain('Nothing to write: 4 files up to date.');
    expect(snapshot(dir)).toEqual(before);
  });

  it('keeps files that exist with other content unless --force', async () => {
    const workflow = path.join(dir, '.github', 'workflows', 'classified.yml');
    const written = fs.readFileSync(workflow, 'utf8');
    fs.writeFileSync(workflow, `${written}# edited by the team\n`);
    const kept = expectOk(await classified(dir, ['init', '--yes']));
    expect(kept.stdout).toMatch(/keep\s+\.github\/workflows\/classified\.yml\s+exists with other content; kept \(--force overwrites\)/);
    expect(kept.stdout).toContain('1 kept');
    expect(fs.readFileSync(workflow, 'utf8')).toContain('# edited by the team');
    const forced = expectOk(await classified(dir, ['init', '--yes', '--force']));
    expect(forced.stdout).toContain('overwrote .github/workflows/classified.yml');
    expect(fs.readFileSync(workflow, 'utf8')).toBe(written);
  });

  it('the hook blocks a commit that adds a finding and lets a clean one through', async () => {
    expectOk(git(dir, ['add', '-A']));
    expectOk(git(dir, ['commit', '-q', '-m', 'classified init'])); // only non-TypeScript files changed
    const commits = git(dir, ['rev-list', '--count', 'HEAD']).stdout.trim();

    fs.appendFileSync(path.join(dir, 'src', 'lib', 'logger.ts'), VIOLATION);
    expectOk(git(dir, ['add', '-A']));
    const blocked = git(dir, ['commit', '-q', '-m', 'log the email']);
    expect(blocked.status).toBe(1);
    expect(`${blocked.stdout}${blocked.stderr}`).toMatch(/src\/lib\/logger\.ts:\d+:\d+ {2}error .*\[no-pii-logging\]/);
    expect(git(dir, ['rev-list', '--count', 'HEAD']).stdout.trim()).toBe(commits);

    // CLASSIFIED_BIN chooses the classified the hook runs
    const fake = path.join(dir, '..', 'fake-classified.js');
    fs.writeFileSync(fake, "require('node:fs').writeFileSync(process.env.MARKER, process.argv.slice(2).join(' '));\n");
    const marker = path.join(dir, '..', 'fake-classified.args');
    const overridden = git(dir, ['commit', '-q', '-m', 'with an override'], { ...GIT_ENV, CLASSIFIED_BIN: fake, MARKER: marker });
    expect(overridden.status).toBe(0);
    expect(fs.readFileSync(marker, 'utf8')).toBe('check --project tsconfig.json --changed');
    expectOk(git(dir, ['reset', '-q', '--soft', 'HEAD~1']));

    fs.writeFileSync(path.join(dir, 'src', 'lib', 'logger.ts'), fs.readFileSync(path.join(dir, 'src', 'lib', 'logger.ts'), 'utf8').replace(VIOLATION, '\nexport const LOG_NAME = "example-shop";\n'));
    expectOk(git(dir, ['add', '-A']));
    expectOk(git(dir, ['commit', '-q', '-m', 'clean change']));
  });
});

describe('classified init (existing ESLint config, husky + lint-staged)', SLOW, () => {
  it('prints the ESLint lines instead of editing, and wires lint-staged into husky', async () => {
    const dir = copyExample('init-husky', { git: true });
    const eslintConfig = "export default [{ rules: {} }];\n";
    writeFiles(dir, {
      'eslint.config.mjs': eslintConfig,
      'package.json': JSON.stringify({ name: 'shop', private: true, devDependencies: { husky: '9.1.7', 'lint-staged': '16.0.0' } }),
      'pnpm-lock.yaml': "lockfileVersion: '9.0'\n",
      '.husky/.gitkeep': '',
    });
    const result = expectOk(await classified(dir, ['init', '--yes', '--no-workflow']));
    expect(result.stdout).toMatch(/package manager\s+pnpm \(pnpm-lock\.yaml\)/);
    expect(result.stdout).toMatch(/keep\s+classified\.config\.json/);
    expect(result.stdout).toMatch(/manual\s+eslint\.config\.mjs/);
    expect(result.stdout).toContain("    import classified from 'classified/eslint';");
    expect(result.stdout).toContain('    ...classified.configs.recommended,');
    expect(fs.readFileSync(path.join(dir, 'eslint.config.mjs'), 'utf8')).toBe(eslintConfig);
    expect(fs.readFileSync(path.join(dir, '.husky', 'pre-commit'), 'utf8')).toBe('pnpm exec lint-staged\n');
    expect(fs.existsSync(path.join(dir, '.git', 'hooks', 'pre-commit'))).toBe(false);

    // what lint-staged would run for a staged file, with and without a baseline
    const load = async (): Promise<(files: string[]) => string> => {
      const module = (await import(`${path.join(dir, '.lintstagedrc.mjs')}?t=${Date.now()}`)) as { default: Record<string, (files: string[]) => string> };
      const task = module.default['*.{ts,tsx,mts,cts}'];
      if (task === undefined) throw new Error('no TypeScript task');
      return task;
    };
    const staged = path.join(dir, 'src', 'lib', 'logger.ts');
    expect((await load())([staged])).toBe(`classified check --project "${path.join(dir, 'tsconfig.json')}" "${staged}"`);
    fs.writeFileSync(path.join(dir, 'classified.baseline.json'), '{"version":1,"findings":[]}\n');
    expect((await load())([staged])).toContain(`--baseline "${path.join(dir, 'classified.baseline.json')}"`);

    const again = expectOk(await classified(dir, ['init', '--yes', '--no-workflow']));
    expect(again.stdout).toMatch(/Nothing to write/);
  });

  it('exits 2 with a message when there is no tsconfig', async () => {
    const dir = copyExample('init-no-tsconfig');
    fs.rmSync(path.join(dir, 'tsconfig.json'));
    const result = await classified(dir, ['init', '--yes']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/tsconfig\.json: no such file or directory/);
  });
});
