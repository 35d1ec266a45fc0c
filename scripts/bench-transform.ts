/**
 * `npm run bench:transform`: what the compiler transform costs a `tsc` build, on
 * `fixtures/example-shop`. Three child processes, interleaved `--runs` times, medians of wall time
 * and of CPU time (user + system, read by a preloaded exit hook; steadier than wall time on a
 * busy machine) reported, all over the same generated tsconfig (under `.tmp/bench-transform/`, extending the
 * fixture's and adding the plugin entry; plain `tsc` ignores transform entries):
 *   tsc                 node node_modules/typescript/bin/tsc -p <tsconfig>
 *   tspc                ts-patch's tspc over a copy without the plugin entry (ts-patch's own cost)
 *   tspc+transform      tspc with `classified/transform` in report mode
 * The fixture type-checks only (`noEmit`), as a CI gate would; tsc still calls emit, which is where
 * ts-patch runs the plugin. The transform run must report the fixture's known violations
 * (`TS9900xx` diagnostics), else the exit code is 1. Prints the medians and the ratios.
 *
 * Options: --runs 5 --project fixtures/example-shop
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = path.resolve(__dirname, '..', '..');
const TRANSFORM_ENTRY = path.join(ROOT, 'dist', 'src', 'transform', 'index.js');
const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const TSPC = path.join(ROOT, 'node_modules', 'ts-patch', 'bin', 'tspc.js');
const WORK_DIR = path.join(ROOT, '.tmp', 'bench-transform');
const CPU_MARKER = '@@classified-bench-cpu-ms ';
/** Preloaded into each child: prints its CPU time when the compiler exits. */
const CPU_HOOK = `process.on('exit', () => { const usage = process.cpuUsage(); process.stderr.write('\\n${CPU_MARKER}' + (usage.user + usage.system) / 1000 + '\\n'); });\n`;
const VARIANTS = ['tsc', 'tspc', 'tspc+transform'] as const;
type Variant = (typeof VARIANTS)[number];

interface Options {
  readonly runs: number;
  readonly project: string;
}

interface Run {
  readonly ms: number;
  readonly cpuMs: number;
  readonly stdout: string;
}

function main(argv: readonly string[]): number {
  const options = parseArgs(argv);
  if (!fs.existsSync(TRANSFORM_ENTRY)) {
    process.stderr.write(`bench-transform: ${path.relative(ROOT, TRANSFORM_ENTRY)} is missing; run \`npx tsc -p tsconfig.build.json\` first\n`);
    return 2;
  }
  const projectTsconfig = path.join(options.project, 'tsconfig.json');
  const configFile = path.join(options.project, 'classified.config.json');
  fs.mkdirSync(WORK_DIR, { recursive: true });
  const hook = path.join(WORK_DIR, 'cpu-hook.cjs');
  fs.writeFileSync(hook, CPU_HOOK);
  const plain = writeTsconfig('tsconfig.plain.json', projectTsconfig, []);
  const withPlugin = writeTsconfig('tsconfig.transform.json', projectTsconfig, [
    { transform: TRANSFORM_ENTRY, mode: 'report', ...(fs.existsSync(configFile) ? { config: configFile } : {}) },
  ]);
  const commands: Readonly<Record<Variant, readonly string[]>> = {
    tsc: ['--require', hook, TSC, '-p', withPlugin],
    tspc: ['--require', hook, TSPC, '-p', plain],
    'tspc+transform': ['--require', hook, TSPC, '-p', withPlugin],
  };
  // one warm-up round (file cache, ts-patch's patched-compiler cache), not measured
  for (const variant of VARIANTS) runOnce(commands[variant]);
  const runs = new Map<Variant, Run[]>(VARIANTS.map((variant) => [variant, []]));
  let transformOutput = '';
  for (let round = 0; round < options.runs; round++) {
    for (const variant of VARIANTS) {
      const run = runOnce(commands[variant]);
      runs.get(variant)?.push(run);
      if (variant === 'tspc+transform') transformOutput = run.stdout;
    }
  }
  const diagnostics = transformOutput.split('\n').filter((line) => / TS9900\d\d: /.test(line)).length;
  const wall = (variant: Variant): number => getMedian((runs.get(variant) ?? []).map((run) => run.ms));
  const cpu = (variant: Variant): number => getMedian((runs.get(variant) ?? []).map((run) => run.cpuMs));
  const row = (label: string, variant: Variant, note: string): string => `  ${label.padEnd(16)}${formatMs(wall(variant))}${formatMs(cpu(variant))}   ${note}`.trimEnd();
  const lines = [
    `${path.relative(ROOT, options.project) || '.'}: medians of ${options.runs} interleaved runs (node ${process.version})`,
    `  ${''.padEnd(16)}${'wall'.padStart(9)}${'cpu'.padStart(9)}`,
    row('tsc', 'tsc', ''),
    row('tspc', 'tspc', '(ts-patch, no plugin)'),
    row('tspc+transform', 'tspc+transform', `(${diagnostics} classified diagnostics)`),
    `  ratio tspc+transform / tsc: wall ${formatRatio(wall('tspc+transform') / wall('tsc'))}, cpu ${formatRatio(cpu('tspc+transform') / cpu('tsc'))}`,
    `  ratio tspc+transform / tspc (the transform alone): wall ${formatRatio(wall('tspc+transform') / wall('tspc'))}, cpu ${formatRatio(cpu('tspc+transform') / cpu('tspc'))}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (diagnostics === 0) {
    process.stderr.write('bench-transform: the transform reported nothing; was the plugin loaded?\n');
    return 1;
  }
  return 0;
}

function writeTsconfig(name: string, extendsPath: string, plugins: readonly Readonly<Record<string, string>>[]): string {
  const file = path.join(WORK_DIR, name);
  fs.writeFileSync(file, `${JSON.stringify({ extends: extendsPath, compilerOptions: { plugins } }, null, 2)}\n`);
  return file;
}

function runOnce(args: readonly string[]): Run {
  const started = performance.now();
  const result = spawnSync(process.execPath, [...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (result.error !== undefined) throw result.error;
  // tsc exits 1 or 2 when it prints diagnostics; anything else (a crash) is fatal
  if (result.status !== 0 && result.status !== 1 && result.status !== 2) {
    throw new Error(`${args.join(' ')} exited ${String(result.status)}\n${result.stderr}`);
  }
  const marker = result.stderr.lastIndexOf(CPU_MARKER);
  const cpuMs = marker < 0 ? Number.NaN : Number.parseFloat(result.stderr.slice(marker + CPU_MARKER.length));
  return { ms, cpuMs, stdout: result.stdout };
}

function getMedian(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? upper) + upper) / 2;
}

function formatMs(ms: number): string {
  return `${Math.round(ms).toString().padStart(6)} ms`;
}

function formatRatio(ratio: number): string {
  return `${ratio.toFixed(2)}×`;
}

function parseArgs(argv: readonly string[]): Options {
  let runs = 5;
  let project = path.join(ROOT, 'fixtures', 'example-shop');
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    const value = argv[index + 1];
    if (arg === '--runs' && value !== undefined) {
      runs = Number(value);
      index++;
    } else if (arg === '--project' && value !== undefined) {
      project = path.resolve(value);
      index++;
    } else {
      throw new Error(`bench-transform: unknown argument ${String(arg)} (expected --runs N, --project DIR)`);
    }
  }
  if (!Number.isInteger(runs) || runs < 1) throw new Error('bench-transform: --runs expects a whole number of 1 or more');
  return { runs, project };
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
