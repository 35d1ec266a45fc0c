/**
 * Runs the real CLI (`node bin/classified.js`, built) as a child process with a time limit, so a
 * hang fails a test instead of blocking the suite — or, for checks of what it prints, in this
 * process (helpers/run-cli.ts) — and writes throwaway fixture projects under `.tmp/hostile/`
 * (inside the repository, so `classified`, pino and friends resolve) or, for
 * cases that must not see the repository's node_modules, under the OS temp folder.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli as runCliHere } from '../helpers/run-cli.js';

export const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'classified.js');
let counter = 0;

export interface CliRun {
  /** exit code; null when the process was killed (time limit) */
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
  readonly ms: number;
}

export interface CliJsonReport {
  readonly version: number;
  readonly findings: readonly { ruleId: string; file: string; line: number; message: string }[];
}

/** Runs `classified <args>` in `cwd` (default: the repository) and returns what it printed. */
export function runCli(args: readonly string[], options: { cwd?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const started = Date.now();
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
    killSignal: 'SIGKILL',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
  });
  const timedOut = result.error !== undefined && (result.error as NodeJS.ErrnoException).code === 'ETIMEDOUT';
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '', timedOut, ms: Date.now() - started };
}

/**
 * Runs `classified <args>` in this process: for what the CLI prints, not for crashes, hangs or
 * deep nesting (the child process has the time limit and the worker's large stack).
 */
export async function runCliInProcess(args: readonly string[], options: { cwd?: string } = {}): Promise<CliRun> {
  const started = Date.now();
  const result = await runCliHere(args, { cwd: options.cwd ?? ROOT });
  return { ...result, timedOut: false, ms: Date.now() - started };
}

/** Parses `--format json` output; throws with the output when it is not the report. */
export function parseReport(run: CliRun): CliJsonReport {
  try {
    const report = JSON.parse(run.stdout) as CliJsonReport;
    if (!Array.isArray(report.findings)) throw new Error('no findings array');
    return report;
  } catch (error) {
    throw new Error(`stdout is not a JSON report (${String(error)}):\n${run.stdout.slice(0, 2000)}\nstderr:\n${run.stderr.slice(0, 2000)}`);
  }
}

/** A stack trace line (`    at fn (file.js:1:2)`) or the CLI's last-resort message. */
const CRASH = /internal error|^\s+at .+:\d+:\d+\)?$|RangeError|Maximum call stack|TypeError:|ReferenceError:|FATAL ERROR|heap out of memory/m;

/** Describes why a run counts as a crash or hang, or undefined when it ended normally. */
export function describeCrash(run: CliRun): string | undefined {
  if (run.timedOut) return `timed out after ${run.ms} ms`;
  if (run.status === null) return 'killed by a signal';
  if (run.status !== 0 && run.status !== 1 && run.status !== 2) return `exit code ${run.status}`;
  const match = CRASH.exec(run.stderr) ?? CRASH.exec(run.stdout.slice(0, 10_000));
  if (match !== null) return `printed "${match[0].trim()}"\nstderr:\n${run.stderr.slice(0, 3000)}`;
  return undefined;
}

/** Writes `files` (name → text or bytes) into a fresh folder and returns its path. */
export function writeProject(files: Readonly<Record<string, string | Buffer>>, options: { outsideRepository?: boolean; name?: string } = {}): string {
  const base = options.outsideRepository === true ? path.join(os.tmpdir(), 'classified-hostile') : path.join(ROOT, '.tmp', 'hostile');
  const directory = path.join(base, `${process.pid}-${counter++}${options.name === undefined ? '' : `-${options.name}`}`);
  fs.rmSync(directory, { recursive: true, force: true });
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(directory, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return directory;
}

export const TSCONFIG = `${JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true, skipLibCheck: true, noEmit: true, lib: ['ES2023', 'DOM'], types: ['node'] }, include: ['**/*.ts'] }, null, 2)}\n`;

/** The path of `file` as the CLI prints it when run from the repository root. */
export function relativeToRoot(file: string): string {
  return path.relative(ROOT, file).split(path.sep).join('/');
}
