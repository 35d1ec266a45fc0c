/**
 * `classified baseline FILE`: records the project's current unsuppressed findings (their
 * fingerprints, see ../fingerprint.ts) so that `classified check --baseline FILE` reports only
 * findings added since. Run it once when adopting the tool, commit the file, and re-run it as
 * findings are fixed: the baseline only ever shrinks in review. Exit 0 when the file was written
 * (or was already up to date), 2 for usage, config or project errors.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { rules } from '../../../rules/index.js';
import { resolveTsconfigPath } from '../../engine/index.js';
import { BaselineError, formatBaseline, readBaseline, type BaselineEntry } from '../baseline-file.js';
import { toProjectPath } from '../fingerprint.js';
import { analyzeProjects } from '../load-projects.js';
import { toRelativePath } from '../to-relative-path.js';
import { CliUsageError, reportUsageError } from '../usage-error.js';
import type { MainEnvironment } from '../main.js';
import type { RegisterCommand } from './index.js';

interface BaselineOptions {
  readonly project: string;
  readonly config?: string;
}

export const registerBaseline: RegisterCommand = (program: Command, environment, setExitCode) => {
  program
    .command('baseline')
    .description('record the current findings so that `check --baseline FILE` reports only new ones')
    .argument('<file>', 'baseline file to write, e.g. classified.baseline.json')
    .option('-p, --project <tsconfig>', 'tsconfig.json (or a solution tsconfig), or a folder containing one', 'tsconfig.json')
    .option('-c, --config <file>', 'classified.config.json to use (default: found next to the tsconfig or above it)')
    .action((file: string, options: BaselineOptions) => {
      setExitCode(runBaseline(file, options, environment));
    });
};

function runBaseline(file: string, options: BaselineOptions, environment: MainEnvironment): number {
  const cwd = process.cwd();
  try {
    const tsconfigPath = resolveTsconfigPath(options.project);
    const target = path.resolve(file);
    const previous = readPrevious(target); // before the analysis: a file that is not a baseline fails fast
    const result = analyzeProjects(tsconfigPath, { config: options.config, rules, fingerprints: true, sourceFiles: environment.sourceFiles });
    for (const diagnostic of result.diagnostics) {
      process.stderr.write(`classified: ${toRelativePath(diagnostic.file, cwd)}: ${diagnostic.message}\n`);
    }
    const entries: BaselineEntry[] = [];
    for (const finding of result.findings) {
      const fingerprint = result.fingerprints.get(finding);
      if (finding.suppression !== undefined || fingerprint === undefined) continue;
      entries.push({ fingerprint, ruleId: finding.ruleId, file: toProjectPath(finding.file, result.projectRoot), message: finding.message });
    }
    const text = formatBaseline(entries);
    const files = new Set(entries.map((entry) => entry.file)).size;
    const name = toRelativePath(target, cwd);
    if (previous?.text === text) {
      process.stdout.write(`classified: ${name} is up to date (${count(entries.length, 'finding')} in ${count(files, 'file')})\n`);
      return 0;
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
    return 0;
  } catch (error) {
    const code = reportUsageError(error);
    if (code === undefined) throw error;
    return code;
  }
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
