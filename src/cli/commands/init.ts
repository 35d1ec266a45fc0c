/**
 * `classified init`: sets a project up for the tool in one step. It looks at what the project
 * already has — tsconfig, package manager (lock files), ESLint flat config, husky and
 * lint-staged, git, GitHub workflows — shows what it will write, asks, and writes:
 *
 * - `classified.config.json` with `$schema` for editor completion;
 * - an ESLint flat config using `classified.configs.recommended` when there is none; when there
 *   is one, the two lines to add are printed — user code is never rewritten;
 * - a pre-commit hook: husky + lint-staged (`.husky/pre-commit`, `.lintstagedrc.mjs`) when the
 *   project uses husky, otherwise a plain `.git/hooks/pre-commit` running
 *   `classified check --changed`;
 * - `.github/workflows/classified.yml`: the gate on pull requests, with SARIF uploaded to code
 *   scanning.
 *
 * At the root of a workspace whose root tsconfig has no files (or which has none), every command
 * it writes is `classified check --workspace` (../check-target.ts decides, as `check` does), so
 * the packages are checked one by one and never as one whole-repository program.
 *
 * Existing files are kept unless `--force`; a file whose content is already what init would
 * write is left alone, so a second run writes nothing and says so. `--dry-run` prints the plan
 * only. Without `--yes`, init asks on a terminal and, when stdin is not one, prints the plan and
 * exits 0 asking to re-run with `--yes`. The hook and the workflow pass
 * `--baseline classified.baseline.json` when that file exists, so baselining later
 * (`classified baseline classified.baseline.json`) needs no re-run of init.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import tty from 'node:tty';
import type { Command } from 'commander';
import { resolveCheckTarget, type CheckTargetOptions } from '../check-target.js';
import { CONFIG_FILE_NAME } from '../../policy/config.js';
import { listProjects } from '../load-projects.js';
import { toRelativePath } from '../to-relative-path.js';
import { reportUsageError } from '../usage-error.js';
import type { Workspace } from '../workspace.js';
import type { RegisterCommand } from './index.js';

/** The baseline file the generated hook and workflow use when it exists. */
export const BASELINE_FILE = 'classified.baseline.json';
const SCHEMA_REF = './node_modules/classified/schema/classified.config.schema.json';
const HOOK_MARKER = 'written by `classified init`';
const ESLINT_CONFIG_NAMES = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts'];
const LEGACY_ESLINT_NAMES = ['.eslintrc', '.eslintrc.js', '.eslintrc.cjs', '.eslintrc.json', '.eslintrc.yaml', '.eslintrc.yml'];
const LINT_STAGED_CONFIG_NAMES = [
  '.lintstagedrc', '.lintstagedrc.json', '.lintstagedrc.yaml', '.lintstagedrc.yml', '.lintstagedrc.mjs', '.lintstagedrc.cjs', '.lintstagedrc.js',
  'lint-staged.config.js', 'lint-staged.config.mjs', 'lint-staged.config.cjs', 'lint-staged.config.ts',
];

interface InitOptions {
  readonly project: string;
  readonly force: boolean;
  readonly dryRun: boolean;
  readonly yes: boolean;
  readonly eslint: boolean;
  readonly hook: boolean;
  readonly workflow: boolean;
  readonly workspace?: boolean;
}

type PackageManager = 'npm' | 'pnpm' | 'yarn' | 'bun';

interface PackageJson {
  readonly type?: string;
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
  readonly 'lint-staged'?: unknown;
}

interface Detection {
  readonly root: string;
  /** the tsconfig, relative to root with `/`; undefined for a workspace without a root tsconfig */
  readonly tsconfig?: string;
  readonly projects: number;
  readonly solution: boolean;
  /** set when the packages are checked one by one (`check --workspace`) */
  readonly workspace?: Workspace;
  /** what the generated commands pass to `classified check`: `--project <tsconfig>` or `--workspace` */
  readonly checkTarget: string;
  readonly packageManager: PackageManager;
  readonly lockFile?: string;
  readonly yarnBerry: boolean;
  readonly packageJson?: PackageJson;
  readonly gitRoot?: string;
  readonly hooksDir?: string;
  readonly hooksPath?: string;
  readonly defaultBranch: string;
  readonly eslintConfig?: string;
  readonly legacyEslintConfig?: string;
  readonly huskyDir?: string;
  readonly lintStagedConfig?: string;
  readonly workflowsDir: string;
  readonly existingWorkflows: readonly string[];
}

type FileState = 'create' | 'overwrite' | 'unchanged' | 'keep';

interface FileAction {
  readonly kind: 'file';
  readonly file: string;
  readonly content: string;
  readonly state: FileState;
  readonly what: string;
  readonly executable?: boolean;
  /** append `content` instead of replacing the file (an existing husky hook with --force) */
  readonly append?: boolean;
}

interface ManualAction {
  readonly kind: 'manual';
  readonly file: string;
  readonly what: string;
  readonly lines: readonly string[];
}

type Action = FileAction | ManualAction;

export const registerInit: RegisterCommand = (program: Command, _environment, setExitCode) => {
  program
    .command('init')
    .description('set the project up: classified.config.json, ESLint config, pre-commit hook and CI workflow')
    .option('-p, --project <tsconfig>', 'the tsconfig to check (a solution tsconfig works too)', 'tsconfig.json')
    .option('--force', 'overwrite files that exist with different content', false)
    .option('--dry-run', 'print what would be written and write nothing', false)
    .option('-y, --yes', 'write without asking', false)
    .option('--no-eslint', 'leave the ESLint config alone')
    .option('--no-hook', 'write no pre-commit hook')
    .option('--no-workflow', 'write no GitHub Actions workflow')
    .option('--workspace', 'check the workspace packages one by one (automatic when the root tsconfig has no files or include, or there is none)')
    .action((options: InitOptions, command: Command) => {
      setExitCode(runInit(options, command.getOptionValueSource('project') !== 'default'));
    });
};

function runInit(options: InitOptions, projectGiven: boolean): number {
  const out = (text = ''): void => {
    process.stdout.write(`${text}\n`);
  };
  let detection: Detection;
  try {
    detection = detect(process.cwd(), { project: options.project, projectGiven, workspace: options.workspace });
  } catch (error) {
    const code = reportUsageError(error);
    if (code === undefined) throw error;
    return code;
  }
  const actions = plan(detection, options);
  printDetection(detection, out);
  printPlan(actions, detection.root, out);
  const writes = actions.filter((action): action is FileAction => action.kind === 'file' && (action.state === 'create' || action.state === 'overwrite'));
  printNextSteps(detection, actions, out);
  if (writes.length === 0) {
    const upToDate = actions.filter((action) => action.kind === 'file' && action.state === 'unchanged').length;
    const kept = actions.filter((action) => action.kind === 'file' && action.state === 'keep').length;
    out(`Nothing to write: ${count(upToDate, 'file')} up to date${kept === 0 ? '' : `, ${kept} kept (exist with other content; --force overwrites)`}.`);
    return 0;
  }
  if (options.dryRun) {
    out(`Dry run: ${count(writes.length, 'file')} would be written; nothing was written.`);
    return 0;
  }
  if (!options.yes) {
    if (!tty.isatty(0)) {
      out(`Nothing written: stdin is not a terminal, so init cannot ask. Re-run with --yes to write ${count(writes.length, 'file')}.`);
      return 0;
    }
    if (!askYesNo(`Write ${count(writes.length, 'file')}? [y/N] `)) {
      out('Nothing written.');
      return 0;
    }
  }
  try {
    for (const action of writes) {
      fs.mkdirSync(path.dirname(action.file), { recursive: true });
      if (action.append === true) fs.appendFileSync(action.file, action.content);
      else fs.writeFileSync(action.file, action.content, { flag: action.state === 'create' ? 'wx' : 'w' });
      if (action.executable === true) fs.chmodSync(action.file, 0o755);
      out(`${action.state === 'create' ? 'created' : action.append === true ? 'appended to' : 'overwrote'} ${toRelativePath(action.file, detection.root)}`);
    }
  } catch (error) {
    process.stderr.write(`classified: init could not write: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  out(`Wrote ${count(writes.length, 'file')}.`);
  return 0;
}

// ---------------------------------------------------------------------------------------------
// detection

function detect(root: string, targetOptions: CheckTargetOptions): Detection {
  // the same decision `check` makes: the working directory is root
  const target = resolveCheckTarget(targetOptions, root);
  for (const note of target.notes) process.stderr.write(`classified: ${note}\n`);
  const tsconfigPath = target.kind === 'project' ? target.tsconfigPath : getRootTsconfig(root);
  const projects = target.kind === 'project' ? listProjects(target.tsconfigPath) : target.workspace.packages.filter((workspacePackage) => workspacePackage.tsconfig !== undefined).map((workspacePackage) => workspacePackage.tsconfig ?? '');
  const packageJson = readJson<PackageJson>(path.join(root, 'package.json'));
  const gitRoot = git(root, ['rev-parse', '--show-toplevel']);
  const hooksDir = gitRoot === undefined ? undefined : git(root, ['rev-parse', '--git-path', 'hooks']);
  const searchDirs = ancestors(root, gitRoot);
  const lock = findLockFile(searchDirs);
  const huskyDir = [root, gitRoot].flatMap((dir) => (dir !== undefined && isDirectory(path.join(dir, '.husky')) ? [path.join(dir, '.husky')] : []))[0]
    ?? (hasDependency(packageJson, 'husky') ? path.join(gitRoot ?? root, '.husky') : undefined);
  const workflowsDir = path.join(gitRoot ?? root, '.github', 'workflows');
  return {
    root,
    ...(tsconfigPath === undefined ? {} : { tsconfig: toRelativePath(tsconfigPath, root) }),
    projects: projects.length,
    solution: target.kind === 'project' && (projects.length !== 1 || projects[0] !== tsconfigPath),
    ...(target.kind === 'workspace' ? { workspace: target.workspace, checkTarget: '--workspace' } : { checkTarget: `--project ${shQuote(toRelativePath(target.tsconfigPath, root))}` }),
    packageManager: lock?.manager ?? 'npm',
    ...(lock === undefined ? {} : { lockFile: lock.file }),
    yarnBerry: searchDirs.some((dir) => fs.existsSync(path.join(dir, '.yarnrc.yml'))),
    ...(packageJson === undefined ? {} : { packageJson }),
    ...(gitRoot === undefined ? {} : { gitRoot: path.resolve(gitRoot) }),
    ...(hooksDir === undefined ? {} : { hooksDir: path.resolve(root, hooksDir) }),
    ...optional('hooksPath', gitRoot === undefined ? undefined : git(root, ['config', '--get', 'core.hooksPath'])),
    defaultBranch: detectDefaultBranch(root, gitRoot),
    ...optional('eslintConfig', ESLINT_CONFIG_NAMES.find((name) => fs.existsSync(path.join(root, name)))),
    ...optional('legacyEslintConfig', LEGACY_ESLINT_NAMES.find((name) => fs.existsSync(path.join(root, name)))),
    ...optional('huskyDir', huskyDir),
    ...optional('lintStagedConfig', LINT_STAGED_CONFIG_NAMES.find((name) => fs.existsSync(path.join(root, name)))
      ?? (packageJson?.['lint-staged'] === undefined ? undefined : 'package.json')),
    workflowsDir,
    existingWorkflows: isDirectory(workflowsDir) ? fs.readdirSync(workflowsDir).filter((name) => /\.ya?ml$/.test(name)).sort() : [],
  };
}

function getRootTsconfig(root: string): string | undefined {
  const file = path.join(root, 'tsconfig.json');
  return fs.existsSync(file) ? file : undefined;
}

function findLockFile(dirs: readonly string[]): { manager: PackageManager; file: string } | undefined {
  const locks: readonly [string, PackageManager][] = [
    ['pnpm-lock.yaml', 'pnpm'], ['yarn.lock', 'yarn'], ['bun.lock', 'bun'], ['bun.lockb', 'bun'], ['package-lock.json', 'npm'], ['npm-shrinkwrap.json', 'npm'],
  ];
  for (const dir of dirs) {
    for (const [name, manager] of locks) {
      const file = path.join(dir, name);
      if (fs.existsSync(file)) return { manager, file };
    }
  }
  return undefined;
}

/** `root` and its parents up to `stop` (the git root), or just `root` outside git. */
function ancestors(root: string, stop: string | undefined): string[] {
  const dirs = [root];
  if (stop === undefined) return dirs;
  const top = path.resolve(stop);
  for (let dir = root; dir !== top && path.dirname(dir) !== dir && isInside(dir, top); ) {
    dir = path.dirname(dir);
    dirs.push(dir);
  }
  return dirs;
}

function detectDefaultBranch(root: string, gitRoot: string | undefined): string {
  if (gitRoot === undefined) return 'main';
  const remoteHead = git(root, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']);
  if (remoteHead !== undefined && remoteHead.startsWith('origin/')) return remoteHead.slice('origin/'.length);
  const current = git(root, ['symbolic-ref', '--quiet', '--short', 'HEAD']);
  return current !== undefined && ['main', 'master', 'trunk', 'develop'].includes(current) ? current : 'main';
}

// ---------------------------------------------------------------------------------------------
// plan

function plan(detection: Detection, options: InitOptions): Action[] {
  const actions: Action[] = [planFile(path.join(detection.root, CONFIG_FILE_NAME), configContent(), 'policy config, with $schema for editor completion', options.force)];
  if (options.eslint) actions.push(planEslint(detection, options.force));
  if (options.hook) actions.push(...planHook(detection, options.force));
  if (options.workflow) {
    actions.push(planFile(path.join(detection.workflowsDir, 'classified.yml'), workflowContent(detection), 'GitHub Actions: gate on pull requests, SARIF to code scanning', options.force));
  }
  return actions;
}

function planFile(file: string, content: string, what: string, force: boolean, executable = false): FileAction {
  const existing = readText(file);
  const state: FileState = existing === undefined ? 'create' : existing === content ? 'unchanged' : force ? 'overwrite' : 'keep';
  return { kind: 'file', file, content, state, what, ...(executable ? { executable } : {}) };
}

function planEslint(detection: Detection, force: boolean): Action {
  const { root, eslintConfig, legacyEslintConfig } = detection;
  if (eslintConfig !== undefined) {
    const file = path.join(root, eslintConfig);
    if ((readText(file) ?? '').includes('classified/eslint')) {
      return { kind: 'file', file, content: '', state: 'unchanged', what: 'ESLint flat config already uses classified/eslint' };
    }
    const commonJs = eslintConfig.endsWith('.cjs') || eslintConfig.endsWith('.cts') || (eslintConfig.endsWith('.js') && detection.packageJson?.type !== 'module');
    return {
      kind: 'manual',
      file,
      what: 'existing ESLint flat config: add these two lines (init does not rewrite your code)',
      lines: [
        commonJs ? "const classified = require('classified/eslint');" : "import classified from 'classified/eslint';",
        '...classified.configs.recommended, // inside the exported config array',
      ],
    };
  }
  if (legacyEslintConfig !== undefined) {
    return {
      kind: 'manual',
      file: path.join(root, legacyEslintConfig),
      what: 'legacy ESLint config: classified/eslint needs a flat config (ESLint 9+); after migrating, add',
      lines: ["import classified from 'classified/eslint';", '...classified.configs.recommended,'],
    };
  }
  return planFile(path.join(root, 'eslint.config.mjs'), eslintContent(), 'ESLint flat config with classified.configs.recommended', force);
}

function planHook(detection: Detection, force: boolean): Action[] {
  if (detection.huskyDir !== undefined) return planHuskyHook(detection, detection.huskyDir, force);
  if (detection.hooksDir === undefined) {
    return [{ kind: 'manual', file: path.join(detection.root, '.git'), what: 'not a git repository: no pre-commit hook written; after `git init`, re-run init or run before each commit', lines: [`npx classified check ${detection.checkTarget}`] }];
  }
  return [planFile(path.join(detection.hooksDir, 'pre-commit'), gitHookContent(detection), 'git pre-commit hook: classified check --changed', force, true)];
}

function planHuskyHook(detection: Detection, huskyDir: string, force: boolean): Action[] {
  const actions: Action[] = [];
  const hookFile = path.join(huskyDir, 'pre-commit');
  const runLintStaged = `${execCommand(detection.packageManager)} lint-staged`;
  const existingHook = readText(hookFile);
  if (existingHook === undefined) {
    actions.push({ kind: 'file', file: hookFile, content: `${runLintStaged}\n`, state: 'create', what: 'husky pre-commit hook: runs lint-staged', executable: true });
  } else if (existingHook.includes('lint-staged')) {
    actions.push({ kind: 'file', file: hookFile, content: existingHook, state: 'unchanged', what: 'husky pre-commit hook already runs lint-staged' });
  } else if (force) {
    const separator = existingHook.endsWith('\n') || existingHook === '' ? '' : '\n';
    actions.push({ kind: 'file', file: hookFile, content: `${separator}${runLintStaged}\n`, state: 'overwrite', append: true, what: 'husky pre-commit hook: append a lint-staged run' });
  } else {
    actions.push({ kind: 'manual', file: hookFile, what: 'existing husky hook: add this line (or re-run with --force to append it)', lines: [runLintStaged] });
  }
  const { lintStagedConfig } = detection;
  if (lintStagedConfig === undefined) {
    actions.push(planFile(path.join(detection.root, '.lintstagedrc.mjs'), lintStagedContent(detection), 'lint-staged: classified check on staged TypeScript', force));
  } else {
    const file = path.join(detection.root, lintStagedConfig);
    const text = readText(file) ?? '';
    if (text.includes('classified')) {
      actions.push({ kind: 'file', file, content: text, state: 'unchanged', what: 'lint-staged config already runs classified' });
    } else {
      actions.push({
        kind: 'manual',
        file,
        what: 'existing lint-staged config: add this task (lint-staged appends the staged files)',
        lines: [`"*.{ts,tsx,mts,cts}": "classified check ${detection.checkTarget}"`],
      });
    }
  }
  return actions;
}

// ---------------------------------------------------------------------------------------------
// file contents

function configContent(): string {
  return `${JSON.stringify({ $schema: SCHEMA_REF, firstPartyHosts: [] }, null, 2)}\n`;
}

function eslintContent(): string {
  return [
    '// eslint.config.mjs — written by `classified init`. The classified data-handling rules,',
    '// type-aware, on every TypeScript file (classified.config.json is read as the policy config).',
    "import classified from 'classified/eslint';",
    '',
    'export default [',
    "  { ignores: ['dist/**', 'build/**', 'coverage/**'] },",
    '  ...classified.configs.recommended,',
    '];',
    '',
  ].join('\n');
}

/**
 * The plain git hook. Which `classified` runs: `$CLASSIFIED_BIN` (a path to bin/classified.js)
 * when set; else the project's (or the repository root's) `node_modules/.bin/classified`; else
 * the classified that wrote the hook, when it is still there (a global or linked install); else
 * `npx --no-install classified`, which fails rather than downloading anything.
 */
function gitHookContent(detection: Detection): string {
  const relativeProjectDir = projectDirInRepository(detection) || '.';
  const ownBin = path.resolve(__dirname, '..', '..', '..', '..', 'bin', 'classified.js');
  return [
    '#!/bin/sh',
    `# classified pre-commit hook — ${HOOK_MARKER}.`,
    '# Blocks a commit when files changed since HEAD (staged, unstaged, untracked) have',
    ...(detection.workspace !== undefined
      ? [
          '# data-handling findings; only the workspace packages owning a changed file are analysed.',
          `# Findings recorded in a package's ${BASELINE_FILE} do not block. Skip once: git commit --no-verify.`,
        ]
      : [
          '# data-handling findings; the whole project is analysed. Findings recorded in',
          `# ${BASELINE_FILE} (if it exists) do not block. Skip once: git commit --no-verify.`,
        ]),
    '# Set CLASSIFIED_BIN=/path/to/classified/bin/classified.js to choose the classified to run.',
    relativeProjectDir === '.' ? 'cd "$(git rev-parse --show-toplevel)" || exit 2' : `cd "$(git rev-parse --show-toplevel)"/${shQuote(relativeProjectDir)} || exit 2`,
    'top=$(git rev-parse --show-toplevel)',
    'if [ -n "$CLASSIFIED_BIN" ]; then',
    '  set -- node "$CLASSIFIED_BIN"',
    'elif [ -x node_modules/.bin/classified ]; then',
    '  set -- node_modules/.bin/classified',
    'elif [ -x "$top/node_modules/.bin/classified" ]; then',
    '  set -- "$top/node_modules/.bin/classified"',
    ...(fs.existsSync(ownBin) ? [`elif [ -f ${shQuote(ownBin)} ]; then`, `  set -- node ${shQuote(ownBin)}`] : []),
    'else',
    '  set -- npx --no-install classified',
    'fi',
    // a workspace reads one baseline per package (those without one are checked in full)
    ...(detection.workspace !== undefined
      ? [`set -- "$@" check --workspace --changed --baseline ${BASELINE_FILE}`]
      : [
          `if [ -f ${BASELINE_FILE} ]; then`,
          `  set -- "$@" check ${detection.checkTarget} --changed --baseline ${BASELINE_FILE}`,
          'else',
          `  set -- "$@" check ${detection.checkTarget} --changed`,
          'fi',
        ]),
    'exec "$@"',
    '',
  ].join('\n');
}

function lintStagedContent(detection: Detection): string {
  if (detection.workspace !== undefined) {
    return [
      `// .lintstagedrc.mjs — ${HOOK_MARKER}. On commit, lint-staged passes the staged TypeScript`,
      '// files; classified analyses only the workspace packages that own them, focused on them, and',
      `// leaves out the findings recorded in each package's ${BASELINE_FILE}.`,
      "import { fileURLToPath } from 'node:url';",
      '',
      "const root = fileURLToPath(new URL('.', import.meta.url));",
      'const quote = (file) => `"${file}"`;',
      '',
      'export default {',
      "  '*.{ts,tsx,mts,cts}': (files) =>",
      `    ['classified check --workspace --project', quote(root), '--baseline ${BASELINE_FILE}', ...files.map(quote)].join(' '),`,
      '};',
      '',
    ].join('\n');
  }
  return [
    `// .lintstagedrc.mjs — ${HOOK_MARKER}. On commit, lint-staged passes the staged TypeScript`,
    '// files; classified analyses the whole project and reports findings in those files only,',
    `// leaving out the ones recorded in ${BASELINE_FILE} when that file exists.`,
    "import { existsSync } from 'node:fs';",
    "import { fileURLToPath } from 'node:url';",
    '',
    `const project = fileURLToPath(new URL(${JSON.stringify(`./${detection.tsconfig ?? 'tsconfig.json'}`)}, import.meta.url));`,
    `const baseline = fileURLToPath(new URL(${JSON.stringify(`./${BASELINE_FILE}`)}, import.meta.url));`,
    'const quote = (file) => `"${file}"`;',
    '',
    'export default {',
    "  '*.{ts,tsx,mts,cts}': (files) =>",
    "    ['classified check --project', quote(project), ...(existsSync(baseline) ? ['--baseline', quote(baseline)] : []), ...files.map(quote)].join(' '),",
    '};',
    '',
  ].join('\n');
}

function workflowContent(detection: Detection): string {
  const manager = detection.packageManager;
  const workingDirectory = projectDirInRepository(detection);
  const inDir = (file: string): string => (workingDirectory === '' ? file : `${workingDirectory}/${file}`);
  const lockFile = detection.lockFile === undefined ? undefined : path.relative(detection.gitRoot ?? detection.root, detection.lockFile).split(path.sep).join('/');
  const run = execCommand(manager);
  const lines = [
    `# ${HOOK_MARKER}: the data-handling policy gate. On every pull request, classified`,
    '# analyses the project; the job fails on error-severity findings (new ones only, when',
    `# ${BASELINE_FILE} exists) and the findings, with their data-flow traces, are uploaded`,
    '# to GitHub code scanning as SARIF.',
    'name: classified',
    '',
    'on:',
    '  pull_request:',
    '  push:',
    `    branches: [${detection.defaultBranch}]`,
    '',
    'permissions:',
    '  contents: read',
    '',
    'jobs:',
    '  classified:',
    '    name: classified check',
    '    runs-on: ubuntu-latest',
    '    permissions:',
    '      contents: read',
    '      security-events: write',
    ...(workingDirectory === '' ? [] : ['    defaults:', '      run:', `        working-directory: ${workingDirectory}`]),
    '    steps:',
    '      - uses: actions/checkout@v4',
    ...(manager === 'pnpm' ? ['      - uses: pnpm/action-setup@v4'] : []),
    ...(manager === 'bun' ? ['      - uses: oven-sh/setup-bun@v2'] : []),
    '      - uses: actions/setup-node@v4',
    '        with:',
    '          node-version: 20',
    // setup-node's dependency cache needs a lock file
    ...(manager === 'bun' || lockFile === undefined ? [] : [`          cache: ${manager}`]),
    ...(manager !== 'bun' && lockFile !== undefined && lockFile.includes('/') ? [`          cache-dependency-path: ${lockFile}`] : []),
    '      - name: Install dependencies',
    `        run: ${installCommand(detection)}`,
    ...(detection.workspace === undefined
      ? [
          '      - name: classified check',
          '        run: |',
          `          if [ -f ${BASELINE_FILE} ]; then set -- --baseline ${BASELINE_FILE}; fi`,
          `          ${run} classified check ${detection.checkTarget} --format sarif --output classified.sarif "$@"`,
        ]
      : [
          // every package once, one Program each; each package's own baseline; one SARIF run (and category) per package
          '      - name: classified check (every workspace package)',
          `        run: ${run} classified check --workspace --baseline ${BASELINE_FILE} --format sarif --output classified.sarif`,
        ]),
    '      - name: Upload SARIF to code scanning',
    `        if: \${{ !cancelled() && hashFiles('${inDir('classified.sarif')}') != '' }}`,
    '        uses: github/codeql-action/upload-sarif@v3',
    '        with:',
    `          sarif_file: ${inDir('classified.sarif')}`,
    // in a workspace each run names its category (classified/<package folder>/); an input here would not apply to them
    ...(detection.workspace === undefined ? ['          category: classified'] : []),
    '',
  ];
  return lines.join('\n');
}

/** The project folder relative to the repository root, `/`-separated; '' at the root or outside git. */
function projectDirInRepository(detection: Detection): string {
  return detection.gitRoot === undefined ? '' : path.relative(detection.gitRoot, detection.root).split(path.sep).join('/');
}

function execCommand(manager: PackageManager): string {
  switch (manager) {
    case 'pnpm':
      return 'pnpm exec';
    case 'yarn':
      return 'yarn';
    case 'bun':
      return 'bunx';
    default:
      return 'npx';
  }
}

function installCommand(detection: Detection): string {
  switch (detection.packageManager) {
    case 'pnpm':
      return 'pnpm install --frozen-lockfile';
    case 'yarn':
      return detection.yarnBerry ? 'yarn install --immutable' : 'yarn install --frozen-lockfile';
    case 'bun':
      return 'bun install --frozen-lockfile';
    default:
      return detection.lockFile === undefined ? 'npm install' : 'npm ci';
  }
}

function addDevCommand(manager: PackageManager, name: string): string {
  switch (manager) {
    case 'pnpm':
      return `pnpm add -D ${name}`;
    case 'yarn':
      return `yarn add -D ${name}`;
    case 'bun':
      return `bun add -d ${name}`;
    default:
      return `npm install --save-dev ${name}`;
  }
}

// ---------------------------------------------------------------------------------------------
// output

function printDetection(detection: Detection, out: (text?: string) => void): void {
  const rel = (file: string): string => toRelativePath(file, detection.root);
  out(`classified init in ${detection.root}`);
  out('');
  out('Detected');
  const rows: [string, string][] = [
    ['tsconfig', describeTsconfig(detection)],
    ...(detection.workspace === undefined ? [] : [['workspace', describeWorkspaceDetection(detection.workspace, detection.projects)] as [string, string]]),
    ['package manager', detection.lockFile === undefined ? `${detection.packageManager} (no lock file)` : `${detection.packageManager} (${rel(detection.lockFile)})`],
    ['ESLint', detection.eslintConfig ?? (detection.legacyEslintConfig === undefined ? 'no flat config' : `legacy ${detection.legacyEslintConfig} (no flat config)`)],
    ['git', detection.gitRoot === undefined ? 'not a git repository' : `repository at ${detection.gitRoot === detection.root ? '.' : rel(detection.gitRoot)}${detection.hooksPath === undefined ? '' : ` (core.hooksPath ${detection.hooksPath})`}`],
    ['pre-commit', detection.huskyDir === undefined ? 'no husky: plain git hook' : `husky (${rel(detection.huskyDir)}) + lint-staged${detection.lintStagedConfig === undefined ? '' : ` (${detection.lintStagedConfig})`}`],
    ['CI', detection.existingWorkflows.length === 0 ? 'no GitHub workflows' : `${rel(detection.workflowsDir)}: ${detection.existingWorkflows.join(', ')}`],
  ];
  for (const [label, value] of rows) out(`  ${label.padEnd(16)} ${value}`);
  out('');
}

function describeTsconfig(detection: Detection): string {
  if (detection.workspace !== undefined) {
    return detection.tsconfig === undefined ? 'none at the root: each workspace package has its own' : `${detection.tsconfig} (a base config without files: each workspace package is checked with its own tsconfig)`;
  }
  return detection.solution ? `${detection.tsconfig ?? ''} (solution: ${count(detection.projects, 'referenced project')})` : detection.tsconfig ?? '';
}

function describeWorkspaceDetection(workspace: Workspace, checked: number): string {
  const runners = workspace.taskRunners.length === 0 ? '' : `, ${workspace.taskRunners.join(', ')}`;
  const skipped = workspace.packages.filter((workspacePackage) => workspacePackage.tsconfig === undefined).map((workspacePackage) => workspacePackage.relativeDir);
  return `${workspace.declaredBy.join(' + ')}${runners}: ${count(workspace.packages.length, 'package')}, ${checked} with a tsconfig.json checked one by one (classified check --workspace)${skipped.length === 0 ? '' : `; without one: ${skipped.join(', ')}`}`;
}

function printPlan(actions: readonly Action[], root: string, out: (text?: string) => void): void {
  out('Plan');
  const label = (action: Action): string => (action.kind === 'manual' ? 'manual' : action.state === 'keep' ? 'keep' : action.append === true ? 'append' : action.state);
  for (const action of actions) {
    const note = action.kind === 'file' && action.state === 'keep' ? 'exists with other content; kept (--force overwrites)' : action.what;
    out(`  ${label(action).padEnd(10)} ${toRelativePath(action.file, root).padEnd(34)} ${note}`);
  }
  for (const action of actions) {
    if (action.kind === 'manual') {
      out('');
      out(`${toRelativePath(action.file, root)}: ${action.what}:`);
      for (const line of action.lines) out(`    ${line}`);
    } else if (action.state === 'create' || action.state === 'overwrite') {
      out('');
      out(`--- ${toRelativePath(action.file, root)} (${action.append === true ? 'append' : action.state})`);
      for (const line of action.content.replace(/\n$/, '').split('\n')) out(`  | ${line}`);
    }
  }
  out('');
}

function printNextSteps(detection: Detection, actions: readonly Action[], out: (text?: string) => void): void {
  const steps: string[] = [];
  const manager = detection.packageManager;
  if (!hasDependency(detection.packageJson, 'classified')) steps.push(`${addDevCommand(manager, 'classified')}   # the CLI, the ESLint plugin and the config schema`);
  const writesEslint = actions.some((action) => action.kind === 'file' && action.file.endsWith('eslint.config.mjs') && action.state === 'create');
  if (writesEslint && !hasDependency(detection.packageJson, 'eslint')) steps.push(`${addDevCommand(manager, 'eslint')}`);
  if (detection.huskyDir !== undefined && !hasDependency(detection.packageJson, 'lint-staged')) steps.push(addDevCommand(manager, 'lint-staged'));
  if (detection.huskyDir !== undefined && detection.hooksPath === undefined) steps.push(`${execCommand(manager)} husky   # activates .husky/ hooks (husky's "prepare" script does it on install)`);
  steps.push(`${execCommand(manager)} classified baseline ${BASELINE_FILE}   # record today's findings; commit the file`);
  steps.push('from then on the hook and the workflow fail only on new findings; fix baselined ones and re-run `classified baseline` to burn the list down');
  steps.push(
    'support tooling: tag code that reads customer data for support engineers `/** @access support */` (or list it under `access.entryPoints` in ' +
      `${CONFIG_FILE_NAME}) so require-access-grant checks it for a verified grant, the grant's region and an audit record; \`classified report\` lists those access paths`,
  );
  out('Next');
  steps.forEach((step, index) => out(`  ${index + 1}. ${step}`));
  out('');
}

// ---------------------------------------------------------------------------------------------
// helpers

function askYesNo(question: string): boolean {
  process.stdout.write(question);
  const buffer = Buffer.alloc(256);
  let answer = '';
  for (;;) {
    let read: number;
    try {
      read = fs.readSync(0, buffer, 0, buffer.length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') continue;
      return false;
    }
    if (read === 0) break;
    answer += buffer.toString('utf8', 0, read);
    if (answer.includes('\n')) break;
  }
  return /^\s*y(es)?\s*$/i.test(answer.split('\n')[0] ?? '');
}

function git(cwd: string, args: readonly string[]): string | undefined {
  try {
    const output = execFileSync('git', [...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return output === '' ? undefined : output;
  } catch {
    return undefined;
  }
}

function hasDependency(packageJson: PackageJson | undefined, name: string): boolean {
  return packageJson?.dependencies?.[name] !== undefined || packageJson?.devDependencies?.[name] !== undefined;
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function readJson<T>(file: string): T | undefined {
  const text = readText(file);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

function isDirectory(dir: string): boolean {
  return fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory() === true;
}

function isInside(dir: string, parent: string): boolean {
  const relative = path.relative(parent, dir);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function shQuote(text: string): string {
  return /^[\w./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? '' : 's'}`;
}
