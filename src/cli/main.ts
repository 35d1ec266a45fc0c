/**
 * `classified check`: analyses a TypeScript project and prints its findings as text, JSON or
 * SARIF. Exit codes: 0 no error-severity findings, 1 findings at error severity (or more warnings
 * than `--max-warnings`), 2 usage, config or project errors — always with a message that says
 * what and where, never a stack trace.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { rules } from '../../rules/index.js';
import { getRuleDocsUrl, type Finding, type SourceFileCache, type Unseen } from '../engine/index.js';
import { resolveCheckTarget } from './check-target.js';
import { checkWorkspace } from './check-workspace.js';
import { formatJson } from './format-json.js';
import { formatSarif } from './format-sarif.js';
import { formatText } from './format-text.js';
import type { RuleDescriptor } from './rule-descriptor.js';
import { toRelativePath } from './to-relative-path.js';
import { COMMANDS } from './commands/index.js';
import { analyzeProjects } from './load-projects.js';
import { prepareSelection } from './select-findings.js';
import { checkPathsInsideProject, combineFocus, filterByPaths, isUnderPaths } from './path-filters.js';
import type { PackageReport } from './summarize-findings.js';
import { EXIT_USAGE, reportUsageError } from './usage-error.js';
import { getPackageVersion } from '../package-info.js';

const EXIT_CLEAN = 0;
const EXIT_FINDINGS = 1;


interface CheckOptions {
  readonly project: string;
  readonly format: 'text' | 'json' | 'sarif';
  readonly output?: string;
  readonly config?: string;
  readonly maxWarnings?: number;
  readonly explain: boolean;
  readonly color?: boolean;
  // adoption: report only new findings / findings in changed files (see select-findings.ts)
  readonly baseline?: string;
  readonly changed?: boolean;
  readonly base?: string;
  /** check each workspace package (see check-workspace.ts) */
  readonly workspace?: boolean;
  /** list the imports that did not resolve and the log-like or HTTP calls no sink matched */
  readonly explainUnresolved: boolean;
}

export interface MainEnvironment {
  /** whether stdout is a terminal (a worker thread cannot see it itself) */
  readonly stdoutIsTTY: boolean;
  /** parsed declaration files to reuse from earlier runs in this process (tests run many commands in one) */
  readonly sourceFiles?: SourceFileCache;
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], environment: MainEnvironment = { stdoutIsTTY: process.stdout.isTTY === true }): Promise<number> {
  let exitCode = EXIT_CLEAN;
  const program = new Command()
    .name('classified')
    .description('Checks that classified data in a TypeScript project only goes where the data-handling policy allows.')
    .version(getPackageVersion())
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  program
    .command('check')
    .description('analyse a project and report policy violations')
    .argument('[paths...]', 'only report findings in these files or folders')
    .option('-p, --project <tsconfig>', 'tsconfig.json, or a folder containing one', 'tsconfig.json')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('-c, --config <file>', 'classified.config.json to use (default: found next to the tsconfig or above it)')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', parseCount)
    .option('--explain', 'say why each source is classified and why each callee is a sink', false)
    .option('--explain-unresolved', 'list the imports that did not resolve and the calls that look like logging or an HTTP request but match no sink', false)
    .option('--no-color', 'never colour text output')
    .option('--baseline <file>', 'report only findings not recorded in this baseline (see `classified baseline`)')
    .option('--changed', 'report only findings in files changed since --base (default HEAD: staged, unstaged and untracked files)')
    .option('--base <ref>', 'git revision for --changed (implies --changed); compared from its merge base with HEAD')
    .option('--workspace', 'check each package of the pnpm/npm/yarn/Nx/Lerna workspace at --project (default: here) with its own tsconfig; automatic when the root tsconfig has no files or include')
    .action((paths: string[], options: CheckOptions, command: Command) => {
      exitCode = runCheck(paths, options, environment, command.getOptionValueSource('project') !== 'default');
    });
  for (const register of COMMANDS) register(program, environment, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT_CLEAN : EXIT_USAGE;
    }
    throw error;
  }
  return exitCode;
}

function runCheck(paths: readonly string[], options: CheckOptions, environment: MainEnvironment, projectGiven: boolean): number {
  const cwd = process.cwd();
  try {
    const target = resolveCheckTarget({ project: options.project, projectGiven, workspace: options.workspace }, cwd);
    for (const note of target.notes) process.stderr.write(`classified: ${note}\n`);
    const started = Date.now();
    const run = target.kind === 'workspace'
      ? checkWorkspace(target.workspace, paths, { ...options, rules, sourceFiles: environment.sourceFiles, explainUnresolved: options.explainUnresolved }, cwd)
      : checkProject(target.tsconfigPath, paths, options, cwd, environment);
    for (const note of run.notes) process.stderr.write(`classified: ${note}\n`);
    for (const diagnostic of run.diagnostics) {
      process.stderr.write(`classified: ${toRelativePath(diagnostic.file, cwd)}: ${diagnostic.message}\n`);
    }
    const report = render(run, options, environment, cwd, Date.now() - started);
    if (options.output === undefined) process.stdout.write(report);
    else fs.writeFileSync(options.output, report);
    return decideExitCode(run.findings, options.maxWarnings);
  } catch (error) {
    const code = reportUsageError(error);
    if (code === undefined) throw error;
    return code;
  }
}

/** One tsconfig, or each project a solution tsconfig references (load-projects.ts). */
function checkProject(tsconfigPath: string, paths: readonly string[], options: CheckOptions, cwd: string, environment: MainEnvironment): CheckRun {
  checkPathsInsideProject(paths, path.dirname(tsconfigPath), cwd);
  const { select, focus: changedFocus } = prepareSelection(options, path.dirname(tsconfigPath)); // --changed, --baseline
  const focus = combineFocus(changedFocus, paths.length === 0 || options.baseline !== undefined ? undefined : (file) => isUnderPaths(file, paths, cwd));
  const result = analyzeProjects(tsconfigPath, { config: options.config, rules, fingerprints: options.baseline !== undefined, ...(focus === undefined ? {} : { focus }), sourceFiles: environment.sourceFiles, explainUnresolved: options.explainUnresolved });
  const selection = select(filterByPaths(result.findings, paths, cwd), result.fingerprints);
  return {
    findings: selection.findings,
    notes: selection.notes,
    diagnostics: result.diagnostics,
    filesAnalyzed: result.files.length,
    filesReadNotReported: result.filesReadNotReported.length,
    unseen: result.unseen,
  };
}

/** What a check found, before it is rendered: a project's or a workspace's (which adds `packages`). */
interface CheckRun {
  readonly findings: readonly Finding[];
  readonly notes: readonly string[];
  readonly diagnostics: readonly { readonly file: string; readonly message: string }[];
  readonly filesAnalyzed: number;
  readonly filesReadNotReported: number;
  readonly packages?: readonly PackageReport[];
  readonly unseen: Unseen;
}

function render(run: CheckRun, options: CheckOptions, environment: MainEnvironment, cwd: string, durationMs: number): string {
  const { findings, filesAnalyzed, filesReadNotReported, unseen } = run;
  const { explainUnresolved } = options;
  const packages = run.packages === undefined ? {} : { packages: run.packages };
  switch (options.format) {
    case 'json':
      return formatJson(findings, { cwd, filesAnalyzed, filesReadNotReported, durationMs, unseen, explainUnresolved, ...packages });
    case 'sarif':
      return formatSarif(findings, { cwd, rules: getRuleDescriptors(), toolVersion: getPackageVersion(), ...packages });
    default: {
      const color = options.color !== false && options.output === undefined && environment.stdoutIsTTY;
      return formatText(findings, { cwd, color, explain: options.explain, filesAnalyzed, filesReadNotReported, unseen, explainUnresolved, ...packages });
    }
  }
}

function decideExitCode(findings: readonly Finding[], maxWarnings: number | undefined): number {
  const active = findings.filter((finding) => finding.suppression === undefined);
  if (active.some((finding) => finding.severity === 'error')) return EXIT_FINDINGS;
  const warnings = active.filter((finding) => finding.severity === 'warn').length;
  return maxWarnings !== undefined && warnings > maxWarnings ? EXIT_FINDINGS : EXIT_CLEAN;
}

function getRuleDescriptors(): RuleDescriptor[] {
  return rules.map((rule) => ({
    id: rule.id,
    description: rule.meta.docs.description,
    docsUrl: getRuleDocsUrl(rule.id),
    defaultSeverity: 'error',
  }));
}

function parseCount(value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0) throw new InvalidArgumentError('expected a whole number of 0 or more');
  return count;
}

