/**
 * Front-end parity (DESIGN.md section 1): ESLint with `configs.recommended` and the CLI
 * (`classified check --format json`, run as a child process from the built package) report the
 * same findings — the same (rule, file, line, column) — over the labelled corpus and the example
 * app. Both are compared after suppressions (what each reports to a user), and the suppressed
 * findings are compared as well.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import classified from '../src/eslint/index.js';

const ROOT = path.resolve(__dirname, '..');
const PROJECTS = ['fixtures/corpus', 'fixtures/example-shop'];

interface CliFinding {
  readonly ruleId: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

interface Reported {
  /** `rule file:line:column`, unsuppressed */
  readonly active: ReadonlySet<string>;
  readonly suppressed: ReadonlySet<string>;
}

const toKey = (ruleId: string, file: string, line: number, column: number): string => `${ruleId} ${file}:${line}:${column}`;

async function runCli(project: string): Promise<Reported> {
  // exit code 1 means "findings at error severity": the report is still on stdout
  const { stdout } = await promisify(execFile)(process.execPath, ['bin/classified.js', 'check', '--project', project, '--format', 'json'], {
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024,
  }).catch((error: unknown) => {
    if (isExecFailure(error) && error.code === 1) return { stdout: error.stdout };
    throw error;
  });
  const report = parseCliReport(stdout);
  return {
    active: new Set(report.findings.map((finding) => toKey(finding.ruleId, finding.file, finding.line, finding.column))),
    suppressed: new Set(report.suppressed.map((finding) => toKey(finding.ruleId, finding.file, finding.line, finding.column))),
  };
}

async function runEslint(project: string): Promise<Reported> {
  const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: [...classified.configs.recommended] });
  const results = await eslint.lintFiles([project]);
  const active = new Set<string>();
  const suppressed = new Set<string>();
  for (const result of results) {
    const file = path.relative(ROOT, result.filePath).split(path.sep).join('/');
    for (const message of result.messages) {
      // anything that is not ours (a parse error, an unused directive) is a difference too
      active.add(toKey(message.ruleId?.replace(/^classified\//, '') ?? `eslint(${message.message})`, file, message.line, message.column));
    }
    for (const message of result.suppressedMessages) {
      suppressed.add(toKey(message.ruleId?.replace(/^classified\//, '') ?? 'eslint', file, message.line, message.column));
    }
  }
  return { active, suppressed };
}

function describeDifferences(cli: ReadonlySet<string>, eslint: ReadonlySet<string>): string[] {
  return [
    ...[...cli].filter((key) => !eslint.has(key)).map((key) => `CLI only:    ${key}`),
    ...[...eslint].filter((key) => !cli.has(key)).map((key) => `ESLint only: ${key}`),
  ].sort();
}

describe('ESLint and CLI parity', () => {
  for (const project of PROJECTS) {
    it(`reports the same findings over ${project}`, async () => {
      const [cli, eslint] = await Promise.all([runCli(project), runEslint(project)]);
      expect(cli.active.size).toBeGreaterThan(0);
      expect(describeDifferences(cli.active, eslint.active), 'findings after suppressions').toEqual([]);
      expect(describeDifferences(cli.suppressed, eslint.suppressed), 'suppressed findings').toEqual([]);
    }, 120_000);
  }
});

function isExecFailure(error: unknown): error is { code: number; stdout: string } {
  return typeof error === 'object' && error !== null && 'code' in error && 'stdout' in error && typeof error.stdout === 'string';
}

function parseCliReport(stdout: string): { findings: readonly CliFinding[]; suppressed: readonly CliFinding[] } {
  const parsed: unknown = JSON.parse(stdout);
  if (typeof parsed !== 'object' || parsed === null || !('findings' in parsed) || !('suppressed' in parsed)) {
    throw new Error(`unexpected CLI output: ${stdout.slice(0, 200)}`);
  }
  return { findings: toCliFindings(parsed.findings), suppressed: toCliFindings(parsed.suppressed) };
}

function toCliFindings(value: unknown): CliFinding[] {
  if (!Array.isArray(value)) throw new Error('expected an array of findings');
  return value.map((entry: unknown) => {
    if (
      typeof entry === 'object' && entry !== null &&
      'ruleId' in entry && typeof entry.ruleId === 'string' &&
      'file' in entry && typeof entry.file === 'string' &&
      'line' in entry && typeof entry.line === 'number' &&
      'column' in entry && typeof entry.column === 'number'
    ) {
      return { ruleId: entry.ruleId, file: entry.file, line: entry.line, column: entry.column };
    }
    throw new Error(`malformed finding ${JSON.stringify(entry)}`);
  });
}
