/**
 * `classified baseline FILE`: records the project's current unsuppressed findings (their
 * fingerprints, see ../fingerprint.ts) so that `classified check --baseline FILE` reports only
 * findings added since. Run it once when adopting the tool, commit the file, and re-run it as
 * findings are fixed: the baseline only ever shrinks in review. Exit 0 when the file was written
 * (or was already up to date), 2 for usage, config or project errors. In a workspace (see
 * ../check-target.ts) it writes one baseline per package, in the package folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { rules } from '../../../rules/index.js';
import type { Finding } from '../../engine/index.js';
import { analyzeWorkspace } from '../analyze-workspace.js';
import { BaselineError, formatBaseline, readBaseline, type BaselineEntry } from '../baseline-file.js';
import { toProjectPath } from '../fingerprint.js';
import { resolveCheckTarget } from '../check-target.js';
import { analyzeProjects } from '../load-projects.js';
import { toRelativePath } from '../to-relative-path.js';
import { CliUsageError, reportUsageError } from '../usage-error.js';
import type { MainEnvironment } from '../main.js';
import type { RegisterCommand } from './index.js';

interface BaselineOptions {
  readonly project: string;
  readonly config?: string;
  readonly workspace?: boolean;
}

export const registerBaseline: RegisterCommand = (program: Command, environment, setExitCode) => {
  program
    .command('baseline')
    .description('record the current findings so that `check --baseline FILE` reports only new ones')
    .argument('<file>', 'baseline file to write, e.g. classified.baseline.json')
    .option('-p, --project <tsconfig>', 'tsconfig.json (or a solution tsconfig), or a folder containing one', 'tsconfig.json')
    .option('-c, --config <file>', 'classified.config.json to use (default: found next to the tsconfig or above it)')
    .option('--workspace', 'write FILE in each workspace package (paths relative to the package), as `check --workspace --baseline FILE` reads it')
    .action((file: string, options: BaselineOptions, command: Command) => {
      setExitCode(runBaseline(file, options, command.getOptionValueSource('project') !== 'default', environment));
    });
};

function runBaseline(file: string, options: BaselineOptions, projectGiven: boolean, environment: MainEnvironment): number {
  const cwd = process.cwd();
  try {
    const target = resolveCheckTarget({ project: options.project, projectGiven, workspace: options.workspace }, cwd);
    for (const note of target.notes) process.stderr.write(`classified: ${note}\n`);
    if (target.kind === 'workspace') {
      // one baseline per package, next to its tsconfig, as `check --workspace --baseline FILE` reads them
      if (path.isAbsolute(file)) throw new CliUsageError(`${file}: with a workspace, the baseline is a file name written in each package folder, not an absolute path`);
      const analysis = analyzeWorkspace(target.workspace, { config: options.config, rules, fingerprints: true, sourceFiles: environment.sourceFiles });
      printDiagnostics(analysis.diagnostics, cwd);
      for (const result of analysis.packages) {
        writeBaseline(path.resolve(result.workspacePackage.dir, file), result.findings, result.fingerprints, result.workspacePackage.dir, cwd);
      }
      return 0;
    }
    const baselineFile = path.resolve(file);
    readPrevious(baselineFile); // before the analysis: a file that is not a baseline fails fast
    const result = analyzeProjects(target.tsconfigPath, { config: options.config, rules, fingerprints: true, sourceFiles: environment.sourceFiles });
    printDiagnostics(result.diagnostics, cwd);
    writeBaseline(baselineFile, result.findings, result.fingerprints, result.projectRoot, cwd);
    return 0;
  } catch (error) {
    const code = reportUsageError(error);
    if (code === undefined) throw error;
    return code;
  }
}

function printDiagnostics(diagnostics: readonly { readonly file: string; readonly message: string }[], cwd: string): void {
  for (const diagnostic of diagnostics) {
    process.stderr.write(`classified: ${toRelativePath(diagnostic.file, cwd)}: ${diagnostic.message}\n`);
  }
}

/** Writes the unsuppressed findings to `target` (paths relative to `projectRoot`) and says what changed. */
function writeBaseline(target: string, findings: readonly Finding[], fingerprints: ReadonlyMap<Finding, string>, projectRoot: string, cwd: string): void {
  const previous = readPrevious(target);
  const entries: BaselineEntry[] = [];
  for (const finding of findings) {
    const fingerprint = fingerprints.get(finding);
    if (finding.suppression !== undefined || fingerprint === undefined) continue;
    entries.push({ fingerprint, ruleId: finding.ruleId, file: toProjectPath(finding.file, projectRoot), message: finding.message });
  }
  const text = formatBaseline(entries);
  const files = new Set(entries.map((entry) => entry.file)).size;
  const name = toRelativePath(target, cwd);
  if (previous?.text === text) {
    process.stdout.write(`classified: ${name} is up to date (${count(entries.length, 'finding')} in ${count(files, 'file')})\n`);
    return;
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
  let change = '';
  if (previous !== undefined) {
    const now = new Set(entries.map((entry) => entry.fingerprint));
    const added = [...now].filter((fingerprint) => !previous.fingerprints.has(fingerprint)).length;
    const removed = [...previous.fingerprints].filter((fingerprint) => !now.has(fingerprint)).length;
    change = ` (${added} added, ${removed} removed)`;
  }
  process.stdout.write(`classified: wrote ${count(entries.length, 'finding')} in ${count(files, 'file')} to ${name}${change}\n`);
}

function readPrevious(file: string): { text: string; fingerprints: Set<string> } | undefined {
  if (!fs.existsSync(file)) return undefined;
  try {
    const baseline = readBaseline(file);
    return { text: fs.readFileSync(file, 'utf8'), fingerprints: new Set(baseline.findings.map((entry) => entry.fingerprint)) };
  } catch (error) {
    // never clobber a file that is not a baseline (a mistyped `classified baseline tsconfig.json`)
    if (error instanceof BaselineError) throw new CliUsageError(`${file} exists and is not a classified baseline (${error.message}); refusing to overwrite it`);
    throw error;
  }
}

function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? '' : 's'}`;
}
