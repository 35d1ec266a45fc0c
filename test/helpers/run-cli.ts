/**
 * Test helper: runs `classified <args>` in this process — the built CLI's `main`, the code
 * bin/classified.js runs (dist/ must be built, as `npm test` does; paths such as the package root
 * are then those of a real run), in `cwd`, with stdout and stderr captured and the exit code
 * returned, as the binary would print and exit in a child process. Runs share their parsed declaration files (lib.d.ts, @types,
 * library typings: most of a run's cost), so a test file pays for them once instead of once per
 * command. Only for behaviour that does not depend on a fresh process: the launcher, the worker's
 * large stack, time limits and crashes are tested by spawning bin/classified.js.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

const DIST = path.resolve(__dirname, '..', '..', 'dist', 'src');
const load = createRequire(__filename);
const { main } = load(path.join(DIST, 'cli', 'main.js')) as typeof import('../../src/cli/main.js');
const { createSourceFileCache } = load(path.join(DIST, 'engine', 'index.js')) as typeof import('../../src/engine/index.js');

export interface CliResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunCliOptions {
  /** working directory of the run (default: the current one) */
  readonly cwd?: string;
  /** environment variables set for the run (git reads them for `check --changed` and `init`) */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

const sourceFiles = createSourceFileCache();

// TypeScript's `sys` remembers the working directory it first sees, which is right for a CLI
// process; commands run here change it, and so must every TypeScript user in this process after
// them (a relative tsconfig path resolves against it)
const ts = load('typescript') as typeof import('typescript');
ts.sys.getCurrentDirectory = () => process.cwd();
/** Runs take turns: each changes the process's directory, environment and output streams. */
let queue: Promise<unknown> = Promise.resolve();

/** Runs the CLI with `args` and resolves to what it printed and its exit code. */
export function runCli(args: readonly string[], options: RunCliOptions = {}): Promise<CliResult> {
  const run = queue.then(() => runNow(args, options));
  queue = run.catch(() => undefined);
  return run;
}

async function runNow(args: readonly string[], options: RunCliOptions): Promise<CliResult> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const writeStdout = process.stdout.write;
  const writeStderr = process.stderr.write;
  const cwd = process.cwd();
  const savedEnv = Object.fromEntries(Object.keys(options.env ?? {}).map((key) => [key, process.env[key]]));
  const capture = (chunks: string[]) => ((chunk: string | Uint8Array): boolean => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stdout.write;
  let status: number;
  try {
    setEnvironment(options.env ?? {});
    if (options.cwd !== undefined) process.chdir(options.cwd);
    process.stdout.write = capture(stdout);
    process.stderr.write = capture(stderr);
    status = await main(args, { stdoutIsTTY: false, sourceFiles });
  } catch (error) {
    // what bin/classified.js prints for an error main() does not handle
    stderr.push(`classified: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    status = 2;
  } finally {
    process.stdout.write = writeStdout;
    process.stderr.write = writeStderr;
    process.chdir(cwd);
    setEnvironment(savedEnv);
  }
  return { status, stdout: stdout.join(''), stderr: stderr.join('') };
}

function setEnvironment(env: Readonly<Record<string, string | undefined>>): void {
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
}
