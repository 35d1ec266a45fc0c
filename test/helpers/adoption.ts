/**
 * Test helper for the adoption tests (init, baseline, --changed, monorepos): temp projects under
 * `.tmp/adoption/` inside the repository — so `classified` (self-reference) and the libraries the
 * example app uses resolve — the CLI run in this process (helpers/run-cli.ts) or, where a real
 * process matters, the built binary, and git with no global or system config.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { runCli } from './run-cli.js';

export const ROOT = path.resolve(__dirname, '../..');
export const BIN = path.join(ROOT, 'bin', 'classified.js');
export const EXAMPLE = path.join(ROOT, 'fixtures', 'example-shop');
export const TMP = path.join(ROOT, '.tmp', 'adoption');

/** git and the hooks it runs see no user configuration and never find the repository above TMP. */
const GIT_SETTINGS = {
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CEILING_DIRECTORIES: TMP,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  CLASSIFIED_BIN: '',
};
export const GIT_ENV: NodeJS.ProcessEnv = { ...process.env, ...GIT_SETTINGS };

export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function toResult(result: SpawnSyncReturns<string>): RunResult {
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs `classified ...args` in `cwd`, in this process, with git seeing the settings above. */
export function classified(cwd: string, args: readonly string[]): Promise<RunResult> {
  return runCli(args, { cwd, env: GIT_SETTINGS });
}

/** Runs `node bin/classified.js ...args` in `cwd` in a child process whose stdin is not a terminal. */
export function spawnClassified(cwd: string, args: readonly string[]): RunResult {
  return toResult(spawnSync(process.execPath, [BIN, ...args], { cwd, env: GIT_ENV, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] }));
}

export function git(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = GIT_ENV): RunResult {
  return toResult(spawnSync('git', [...args], { cwd, env, encoding: 'utf8' }));
}

/** A fresh, empty folder `.tmp/adoption/<name>`. */
export function freshDir(name: string): string {
  const dir = path.join(TMP, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** A copy of the example app in `.tmp/adoption/<name>`, optionally a git repository with one commit. */
export function copyExample(name: string, options: { git?: boolean } = {}): string {
  const dir = freshDir(name);
  fs.cpSync(EXAMPLE, dir, { recursive: true });
  if (options.git === true) {
    expectOk(git(dir, ['init', '-q', '-b', 'main']));
    expectOk(git(dir, ['add', '-A']));
    expectOk(git(dir, ['commit', '-q', '-m', 'example app']));
  }
  return dir;
}

export function writeFiles(dir: string, files: Readonly<Record<string, string>>): void {
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
}

/** Every file under `dir` (relative, sorted) with its content, `.git/objects` and logs left out. */
export function snapshot(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (current: string): void => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const file = path.join(current, entry.name);
      const relative = path.relative(dir, file).split(path.sep).join('/');
      if (/^\.git\/(objects|logs)(\/|$)/.test(relative)) continue;
      if (entry.isDirectory()) walk(file);
      else if (entry.isFile()) result[relative] = fs.readFileSync(file, 'utf8');
    }
  };
  walk(dir);
  return result;
}

export function expectOk(result: RunResult): RunResult {
  if (result.status !== 0) throw new Error(`exit ${result.status}\n${result.stdout}\n${result.stderr}`);
  return result;
}

export interface JsonReportFinding {
  readonly ruleId: string;
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export function parseFindings(stdout: string): JsonReportFinding[] {
  return (JSON.parse(stdout) as { findings: JsonReportFinding[] }).findings;
}
