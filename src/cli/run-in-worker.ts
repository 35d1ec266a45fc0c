/**
 * Runs the CLI in a worker thread with a large stack. TypeScript's parser and checker recurse
 * once per nesting level, so a generated file with thousands of nested parentheses overflows the
 * main thread's ~1 MB stack; a worker's stack size can be raised safely, the main thread's cannot.
 */
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const STACK_SIZE_MB = 256;
const HEAP_SIZE_MB = 8192;

interface WorkerInput {
  readonly argv: readonly string[];
  readonly stdoutIsTTY: boolean;
}

/** Runs `classified` with `argv` in a worker and resolves to the exit code. */
export function runInWorker(argv: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const input: WorkerInput = { argv, stdoutIsTTY: process.stdout.isTTY === true };
    const worker = new Worker(path.join(__dirname, 'run-in-worker.js'), {
      workerData: input,
      resourceLimits: { stackSizeMb: STACK_SIZE_MB, maxOldGenerationSizeMb: HEAP_SIZE_MB },
    });
    let exitCode: number | undefined;
    worker.on('message', (code: number) => {
      exitCode = code;
    });
    worker.on('error', reject);
    worker.on('exit', (code) => resolve(exitCode ?? (code === 0 ? 0 : 2)));
  });
}

if (!isMainThread && parentPort !== null) {
  const input = workerData as WorkerInput;
  const port = parentPort;
  // loaded here, not at the top: the launching thread must not load TypeScript and the engine too
  const { main } = require('./main.js') as typeof import('./main.js');
  main(input.argv, { stdoutIsTTY: input.stdoutIsTTY }).then(
    (code) => port.postMessage(code),
    (error: unknown) => {
      process.stderr.write(`classified: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      port.postMessage(2);
    },
  );
}
