/**
 * `npm run bench`: how much `classified` costs next to type-checking, on generated codebases of
 * several sizes (`scripts/generate-bench-project.ts`; reused when already generated with the same
 * seed and generator version).
 *
 * For each size, as child processes (interleaved, `--runs` times, median reported), with wall time
 * and peak RSS (`/usr/bin/time -v`, or an in-process wrapper reading `process.resourceUsage()`
 * when GNU time is missing):
 *   tsc                  node node_modules/typescript/bin/tsc -p <dir> --noEmit
 *   check                node bin/classified.js check --project <dir> --format json
 *   check --changed      the same with `--changed` after one file of the project was edited
 *                        (the generated project is a git repository for this; pre-commit speed)
 *   eslint               ESLint + typescript-eslint `recommendedTypeChecked` (projectService)
 *   eslint+classified    the same plus `classified/eslint` `configs.recommended`
 * `check` (and ESLint with classified) must find every known violation of the generated project
 * (recall 1.0, else the exit code is 1); precision is printed too. Prints a table, the ratios
 * check/tsc and (eslint+classified)/eslint and the growth exponent of `check` time against lines
 * (log-log slope between the smallest size of at least 10k lines and the largest), and writes
 * `docs/performance.md`.
 *
 * Options: --sizes 1000,10000,100000,300000 --runs 3 --seed N --no-docs --regenerate
 *          --tools tsc,check,check--changed,eslint,eslint+classified
 *          --eslint-max-lines 100000 (ESLint takes minutes on larger projects; sizes above are skipped)
 * Environment: BENCH_NO_GNU_TIME=1 forces the resourceUsage() wrapper; CLASSIFIED_REVISION labels
 * the measured code in docs/performance.md when the tree is not a git checkout.
 * Raw results of the last run: .tmp/bench/last-run.json.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GNU_TIME, HEAP_FLAG, hasGnuTime, measureNode, type Measurement } from './measure.js';
import {
  DEFAULT_SEED,
  EXPECTED_FILE,
  GENERATOR_VERSION,
  defaultOutDir,
  generateProject,
  readManifest,
  type BenchManifest,
  type ExpectedFinding,
} from './generate-bench-project.js';

const ROOT = path.resolve(__dirname, '..', '..');
const TOOLS = ['tsc', 'check', 'check--changed', 'eslint', 'eslint+classified'] as const;
const ESLINT_TOOLS: readonly Tool[] = ['eslint', 'eslint+classified'];
/** the line a `check --changed` run appends to one file (a comment: the findings stay the same) */
const CHANGED_MARKER = '\n// changed by the bench: pre-commit run\n';
const GIT_IDENTITY = ['-c', 'user.name=classified bench', '-c', 'user.email=bench@example.invalid', '-c', 'commit.gpgsign=false'];
type Tool = (typeof TOOLS)[number];

const ESLINT_CONFIG_TSESLINT = 'eslint.typescript-eslint.config.mjs';
const ESLINT_CONFIG_CLASSIFIED = 'eslint.classified.config.mjs';

export interface BenchOptions {
  readonly sizes: readonly number[];
  readonly runs: number;
  readonly seed: number;
  readonly tools: readonly Tool[];
  readonly writeDocs: boolean;
  readonly regenerate: boolean;
  /** ESLint runs only on sizes up to this many target lines */
  readonly eslintMaxLines: number;
}

interface Accuracy {
  readonly recall: number;
  readonly precision: number;
  readonly missed: readonly string[];
  readonly unexpected: readonly string[];
}

interface ToolResult {
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly peakMb: number;
  readonly runs: readonly Measurement[];
  readonly accuracy?: Accuracy;
}

interface SizeResult {
  readonly size: number;
  readonly manifest: BenchManifest;
  readonly tools: Partial<Record<Tool, ToolResult>>;
  /** the file `check --changed` runs edited, relative to the project */
  readonly changedFile?: string;
}

// ───────────────────────────────────────────── options ─────────────────────────────────────────────

export function parseOptions(argv: readonly string[]): BenchOptions {
  const value = (name: string): string | undefined => {
    const index = argv.indexOf(name);
    if (index === -1) return undefined;
    const next = argv[index + 1];
    if (next === undefined || next.startsWith('--')) throw new Error(`${name} needs a value`);
    return next;
  };
  const sizes = (value('--sizes') ?? '1000,10000,100000,300000').split(',').map((size) => Number(size.trim()));
  if (sizes.some((size) => !Number.isInteger(size) || size <= 0)) throw new Error('--sizes expects positive integers, e.g. 1000,10000,100000');
  const runs = Number(value('--runs') ?? 3);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs expects a positive integer');
  const seed = Number(value('--seed') ?? DEFAULT_SEED);
  if (!Number.isInteger(seed)) throw new Error('--seed expects an integer');
  const tools = (value('--tools') ?? TOOLS.join(',')).split(',').map((tool) => tool.trim());
  for (const tool of tools) if (!(TOOLS as readonly string[]).includes(tool)) throw new Error(`--tools: unknown tool ${tool} (expected ${TOOLS.join(', ')})`);
  const eslintMaxLines = Number(value('--eslint-max-lines') ?? 100_000);
  if (!Number.isInteger(eslintMaxLines) || eslintMaxLines < 0) throw new Error('--eslint-max-lines expects a whole number');
  return {
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    runs,
    seed,
    tools: TOOLS.filter((tool) => tools.includes(tool)),
    writeDocs: !argv.includes('--no-docs'),
    regenerate: argv.includes('--regenerate'),
    eslintMaxLines,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

// ─────────────────────────────────────────── accuracy ───────────────────────────────────────────

function findingKey(file: string, line: number, ruleId: string): string {
  return `${file}:${line} ${ruleId}`;
}

function compare(expected: readonly ExpectedFinding[], reported: ReadonlySet<string>): Accuracy {
  const wanted = new Set(expected.map((finding) => findingKey(finding.file, finding.line, finding.ruleId)));
  const hits = [...reported].filter((key) => wanted.has(key)).length;
  return {
    recall: wanted.size === 0 ? 1 : hits / wanted.size,
    precision: reported.size === 0 ? 1 : hits / reported.size,
    missed: expected.filter((finding) => !reported.has(findingKey(finding.file, finding.line, finding.ruleId))).map((finding) => `${findingKey(finding.file, finding.line, finding.ruleId)} (${finding.flow})`),
    unexpected: [...reported].filter((key) => !wanted.has(key)),
  };
}

function toProjectPath(projectDir: string, file: string): string {
  return path.relative(projectDir, path.resolve(ROOT, file)).split(path.sep).join('/');
}

/** Findings of `classified check --format json`, as keys relative to the project. */
function readCheckFindings(reportFile: string, projectDir: string): Set<string> {
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as { findings: { file: string; line: number; ruleId: string; suppression?: unknown }[] };
  return new Set(report.findings.filter((finding) => finding.suppression === undefined).map((finding) => findingKey(toProjectPath(projectDir, finding.file), finding.line, finding.ruleId)));
}

/** `classified/*` messages of an ESLint JSON report, as keys relative to the project. */
function readEslintFindings(reportFile: string, projectDir: string): Set<string> {
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as { filePath: string; messages: { ruleId: string | null; line: number }[] }[];
  const keys = new Set<string>();
  for (const file of report) {
    for (const message of file.messages) {
      if (message.ruleId?.startsWith('classified/') === true) keys.add(findingKey(toProjectPath(projectDir, file.filePath), message.line, message.ruleId.slice('classified/'.length)));
    }
  }
  return keys;
}

function countEslintMessages(reportFile: string): number {
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as { messages: unknown[] }[];
  return report.reduce((sum, file) => sum + file.messages.length, 0);
}

// ─────────────────────────────────────────── projects ───────────────────────────────────────────

function ensureProject(size: number, seed: number, regenerate: boolean): { dir: string; manifest: BenchManifest; expected: ExpectedFinding[] } {
  const dir = defaultOutDir(size, ROOT);
  const existing = readManifest(dir);
  const reusable = !regenerate && existing !== undefined && existing.generatorVersion === GENERATOR_VERSION && existing.seed === seed && existing.targetLines === size && fs.existsSync(path.join(dir, EXPECTED_FILE));
  let manifest: BenchManifest;
  if (reusable) {
    manifest = existing;
    log(`  reusing ${path.relative(ROOT, dir)} (${manifest.lines} lines, ${manifest.files} files, seed ${seed})`);
  } else {
    const started = Date.now();
    manifest = generateProject({ seed, lines: size, outDir: dir });
    log(`  generated ${path.relative(ROOT, dir)} in ${((Date.now() - started) / 1000).toFixed(1)} s (${manifest.lines} lines, ${manifest.files} files, ${manifest.domains} domains, call chains up to ${manifest.maxChainDepth} deep)`);
  }
  writeEslintConfigs(dir);
  const expected = JSON.parse(fs.readFileSync(path.join(dir, EXPECTED_FILE), 'utf8')) as ExpectedFinding[];
  return { dir, manifest, expected };
}

function writeEslintConfigs(dir: string): void {
  const base = [
    "import tseslint from 'typescript-eslint';",
    '',
    'const typeChecked = [',
    '  ...tseslint.configs.recommendedTypeChecked,',
    '  { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },',
    '];',
  ];
  fs.writeFileSync(path.join(dir, ESLINT_CONFIG_TSESLINT), [...base, '', 'export default typeChecked;', ''].join('\n'));
  fs.writeFileSync(
    path.join(dir, ESLINT_CONFIG_CLASSIFIED),
    [base[0], "import classified from 'classified/eslint';", ...base.slice(1), '', 'export default [...typeChecked, classified.configs.recommended];', ''].join('\n'),
  );
}

// ─────────────────────────────────────────── running ───────────────────────────────────────────

function log(message: string): void {
  process.stdout.write(`${message}\n`);
}

interface BenchCommand {
  readonly script: string;
  readonly args: (run: number) => string[];
  readonly report: (run: number) => string;
  /** set up before each run and undone after it (`check --changed` edits one file) */
  readonly around?: (run: () => Measurement) => Measurement;
}

function runSize(size: number, options: BenchOptions, useGnuTime: boolean): SizeResult {
  log(`\nsize ${size}`);
  const { dir, manifest, expected } = ensureProject(size, options.seed, options.regenerate);
  const logs = path.join(dir, '.bench-logs');
  fs.mkdirSync(logs, { recursive: true });
  const rel = path.relative(ROOT, dir);
  const tools = options.tools.filter((tool) => !ESLINT_TOOLS.includes(tool) || size <= options.eslintMaxLines);
  const changedFile = tools.includes('check--changed') ? prepareChangedRun(dir, expected) : undefined;
  const commands: Record<Tool, BenchCommand> = {
    tsc: {
      script: 'node_modules/typescript/bin/tsc',
      args: () => ['-p', rel, '--noEmit'],
      report: (run) => path.join(logs, `tsc-${run}.log`),
    },
    check: {
      script: 'bin/classified.js',
      args: (run) => ['check', '--project', rel, '--format', 'json', '--output', path.join(logs, `check-${run}.json`)],
      report: (run) => path.join(logs, `check-${run}.json`),
    },
    'check--changed': {
      script: 'bin/classified.js',
      args: (run) => ['check', '--project', rel, '--changed', '--format', 'json', '--output', path.join(logs, `check-changed-${run}.json`)],
      report: (run) => path.join(logs, `check-changed-${run}.json`),
      around: (run) => {
        const file = path.join(dir, changedFile ?? '');
        fs.appendFileSync(file, CHANGED_MARKER);
        try {
          return run();
        } finally {
          git(dir, ['checkout', '-q', '--', changedFile ?? '']);
        }
      },
    },
    eslint: {
      script: 'node_modules/eslint/bin/eslint.js',
      args: (run) => ['--config', path.join(rel, ESLINT_CONFIG_TSESLINT), '--format', 'json', '--output-file', path.join(logs, `eslint-${run}.json`), path.join(rel, 'src')],
      report: (run) => path.join(logs, `eslint-${run}.json`),
    },
    'eslint+classified': {
      script: 'node_modules/eslint/bin/eslint.js',
      args: (run) => ['--config', path.join(rel, ESLINT_CONFIG_CLASSIFIED), '--format', 'json', '--output-file', path.join(logs, `eslint-classified-${run}.json`), path.join(rel, 'src')],
      report: (run) => path.join(logs, `eslint-classified-${run}.json`),
    },
  };
  const measurements = new Map<Tool, Measurement[]>(tools.map((tool) => [tool, []]));
  const accuracy = new Map<Tool, Accuracy>();
  // runs are interleaved (tsc, check, check --changed, eslint, ...) so drift hits every tool alike
  for (let run = 1; run <= options.runs; run++) {
    for (const tool of tools) {
      const command = commands[tool];
      const logFile = path.join(logs, `${tool.replace(/\W+/g, '-')}-${run}.out`);
      const measureOnce = (): Measurement => measureNode(command.script, command.args(run), { cwd: ROOT, logFile, workDir: logs, useGnuTime });
      const result = command.around === undefined ? measureOnce() : command.around(measureOnce);
      measurements.get(tool)?.push(result);
      const failed = tool === 'tsc' ? result.exitCode !== 0 : result.exitCode > 1;
      log(`  run ${run}/${options.runs} ${toolLabel(tool).padEnd(17)} ${result.seconds.toFixed(2).padStart(8)} s wall ${result.cpuSeconds.toFixed(2).padStart(8)} s cpu ${result.peakMb.toFixed(0).padStart(6)} MB  exit ${result.exitCode}${failed ? `  FAILED, see ${path.relative(ROOT, logFile)}` : ''}`);
      if (failed) process.exitCode = 1;
      if (run === 1 && !failed) {
        if (tool === 'check') accuracy.set(tool, compare(expected, readCheckFindings(command.report(run), dir)));
        // with one file changed, exactly the known violations in that file
        if (tool === 'check--changed') accuracy.set(tool, compare(expected.filter((finding) => finding.file === changedFile), readCheckFindings(command.report(run), dir)));
        if (tool === 'eslint+classified') accuracy.set(tool, compare(expected, readEslintFindings(command.report(run), dir)));
        if (tool === 'eslint') {
          const messages = countEslintMessages(command.report(run));
          if (messages > 0) log(`    (typescript-eslint reports ${messages} messages on the generated code)`);
        }
      }
      (globalThis as { gc?: () => void }).gc?.();
    }
  }
  const results: Partial<Record<Tool, ToolResult>> = {};
  for (const [tool, runs] of measurements) {
    const toolAccuracy = accuracy.get(tool);
    results[tool] = {
      seconds: median(runs.map((run) => run.seconds)),
      cpuSeconds: median(runs.map((run) => run.cpuSeconds)),
      peakMb: median(runs.map((run) => run.peakMb)),
      runs,
      ...(toolAccuracy === undefined ? {} : { accuracy: toolAccuracy }),
    };
    if (toolAccuracy !== undefined) {
      const known = tool === 'check--changed' ? `${expected.filter((finding) => finding.file === changedFile).length} known violations in ${changedFile ?? '?'}` : `${expected.length} known violations`;
      log(`  ${toolLabel(tool)}: recall ${toolAccuracy.recall.toFixed(3)}, precision ${toolAccuracy.precision.toFixed(3)} (${known})`);
      for (const miss of toolAccuracy.missed.slice(0, 20)) log(`    missed      ${miss}`);
      for (const extra of toolAccuracy.unexpected.slice(0, 20)) log(`    unexpected  ${extra}`);
      if (toolAccuracy.recall < 1) process.exitCode = 1;
    }
  }
  return { size, manifest, tools: results, ...(changedFile === undefined ? {} : { changedFile }) };
}

function toolLabel(tool: Tool): string {
  return tool === 'check--changed' ? 'check --changed' : tool;
}

/**
 * Makes the generated project a git repository with everything committed (once per generation),
 * and picks the file `check --changed` runs edit: the one with the most known violations, so the
 * pre-commit run has findings to report.
 */
function prepareChangedRun(dir: string, expected: readonly ExpectedFinding[]): string {
  if (!fs.existsSync(path.join(dir, '.git'))) git(dir, ['init', '-q']);
  // the run logs are not part of the project: a pre-commit run must see one changed file only
  fs.writeFileSync(path.join(dir, '.gitignore'), '.bench-logs/\n');
  git(dir, ['add', '-A']);
  if (git(dir, ['status', '--porcelain']).trim() !== '') git(dir, [...GIT_IDENTITY, 'commit', '-q', '-m', 'generated project']);
  const counts = new Map<string, number>();
  for (const finding of expected) counts.set(finding.file, (counts.get(finding.file) ?? 0) + 1);
  const [file] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [];
  if (file === undefined) throw new Error(`${dir}: the generated project has no known violations to change a file for`);
  return file;
}

function git(cwd: string, args: readonly string[]): string {
  const result = spawnSync('git', [...args], { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed in ${cwd}: ${result.stderr.trim()}`);
  return result.stdout;
}

// ─────────────────────────────────────────── reporting ───────────────────────────────────────────

function seconds(result: ToolResult | undefined): string {
  return result === undefined ? '–' : result.seconds.toFixed(2);
}

function megabytes(result: ToolResult | undefined): string {
  return result === undefined || Number.isNaN(result.peakMb) ? '–' : result.peakMb.toFixed(0);
}

function ratio(numerator: ToolResult | undefined, denominator: ToolResult | undefined): string {
  return numerator === undefined || denominator === undefined ? '–' : (numerator.seconds / denominator.seconds).toFixed(2);
}

function memoryRatio(numerator: ToolResult | undefined, denominator: ToolResult | undefined): string {
  return numerator === undefined || denominator === undefined || Number.isNaN(numerator.peakMb) ? '–' : (numerator.peakMb / denominator.peakMb).toFixed(2);
}

function accuracyCell(result: ToolResult | undefined): string {
  const accuracy = result?.accuracy;
  return accuracy === undefined ? '–' : `${accuracy.recall.toFixed(2)} / ${accuracy.precision.toFixed(2)}`;
}

/** The slope of log(time) against log(lines) between the smallest size of ≥10k lines and the largest. */
export function growthExponent(points: readonly { lines: number; seconds: number }[]): { exponent: number; from: number; to: number } | undefined {
  const eligible = points.filter((point) => point.lines >= 10_000 && point.seconds > 0).sort((a, b) => a.lines - b.lines);
  const first = eligible[0];
  const last = eligible[eligible.length - 1];
  if (first === undefined || last === undefined || first === last || first.lines === last.lines) return undefined;
  return { exponent: Math.log(last.seconds / first.seconds) / Math.log(last.lines / first.lines), from: first.lines, to: last.lines };
}

function renderTable(results: readonly SizeResult[]): string[] {
  const header = [
    'size', 'lines', 'files', 'tsc s', 'check s', 'check/tsc', 'check --changed s', 'eslint s', 'eslint+classified s', '(eslint+classified)/eslint',
    'tsc MB', 'check MB', 'check/tsc MB', 'eslint MB', 'eslint+classified MB', 'check recall / precision', 'check --changed recall / precision', 'eslint+classified recall / precision',
  ];
  const rows = results.map((result) => [
    String(result.size),
    String(result.manifest.lines),
    String(result.manifest.files),
    seconds(result.tools.tsc),
    seconds(result.tools.check),
    ratio(result.tools.check, result.tools.tsc),
    seconds(result.tools['check--changed']),
    seconds(result.tools.eslint),
    seconds(result.tools['eslint+classified']),
    ratio(result.tools['eslint+classified'], result.tools.eslint),
    megabytes(result.tools.tsc),
    megabytes(result.tools.check),
    memoryRatio(result.tools.check, result.tools.tsc),
    megabytes(result.tools.eslint),
    megabytes(result.tools['eslint+classified']),
    accuracyCell(result.tools.check),
    accuracyCell(result.tools['check--changed']),
    accuracyCell(result.tools['eslint+classified']),
  ]);
  return [`| ${header.join(' | ')} |`, `|${header.map((_cell, index) => (index < 3 ? '---' : '---:')).join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)];
}

function cpu(result: ToolResult | undefined): string {
  return result === undefined || Number.isNaN(result.cpuSeconds) ? '–' : result.cpuSeconds.toFixed(2);
}

function cpuRatio(numerator: ToolResult | undefined, denominator: ToolResult | undefined): string {
  return numerator === undefined || denominator === undefined ? '–' : (numerator.cpuSeconds / denominator.cpuSeconds).toFixed(2);
}

/** The same comparison in CPU seconds (user + system), which other load on the machine distorts less. */
function renderCpuTable(results: readonly SizeResult[]): string[] {
  const header = ['size', 'lines', 'tsc cpu s', 'check cpu s', 'check/tsc', 'check --changed cpu s', 'eslint cpu s', 'eslint+classified cpu s', '(eslint+classified)/eslint'];
  const rows = results.map((result) => [
    String(result.size),
    String(result.manifest.lines),
    cpu(result.tools.tsc),
    cpu(result.tools.check),
    cpuRatio(result.tools.check, result.tools.tsc),
    cpu(result.tools['check--changed']),
    cpu(result.tools.eslint),
    cpu(result.tools['eslint+classified']),
    cpuRatio(result.tools['eslint+classified'], result.tools.eslint),
  ]);
  return [`| ${header.join(' | ')} |`, `|${header.map((_cell, index) => (index < 2 ? '---' : '---:')).join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)];
}

function exponentLine(results: readonly SizeResult[], tool: Tool): string {
  const slope = (measure: (result: ToolResult) => number): ReturnType<typeof growthExponent> =>
    growthExponent(
      results.flatMap((result) => {
        const measured = result.tools[tool];
        return measured === undefined || Number.isNaN(measure(measured)) ? [] : [{ lines: result.manifest.lines, seconds: measure(measured) }];
      }),
    );
  const wall = slope((result) => result.seconds);
  const cpuTime = slope((result) => result.cpuSeconds);
  if (wall === undefined) return `growth exponent of ${tool} time vs lines: n/a (needs two sizes of at least 10k lines)`;
  return `growth exponent of ${tool} time vs lines (log-log slope, ${wall.from} → ${wall.to} lines): ${wall.exponent.toFixed(2)} wall${cpuTime === undefined ? '' : `, ${cpuTime.exponent.toFixed(2)} CPU`}`;
}

interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly node: string;
  readonly os: string;
  readonly versions: string;
  readonly revision: string;
  /** 1-minute load average when the bench started and when it ended (other work on the machine skews wall times) */
  loadAverage: string;
}

/** The commit measured (read-only git queries), `+ uncommitted changes` when src/ or rules/ differ from it. */
function describeRevision(): string {
  const fromEnvironment = process.env.CLASSIFIED_REVISION;
  if (fromEnvironment !== undefined && fromEnvironment !== '') return fromEnvironment;
  const git = (args: string[]): string | undefined => {
    const result = spawnSync('git', ['-C', ROOT, ...args], { encoding: 'utf8' });
    return result.status === 0 ? result.stdout.trim() : undefined;
  };
  const commit = git(['rev-parse', '--short', 'HEAD']);
  if (commit === undefined) return 'unknown (not a git checkout)';
  const dirty = git(['status', '--porcelain', '--', 'src', 'rules']);
  return `${commit}${dirty === undefined || dirty === '' ? '' : ' + uncommitted changes in src/ or rules/'}`;
}

function describeMachine(): Machine {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    if (match?.[1] !== undefined) cpu = match[1].trim();
  } catch {
    // not Linux: os.cpus() it is
  }
  const version = (pkg: string): string => {
    try {
      return (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      return '?';
    }
  };
  return {
    cpu,
    cores: os.availableParallelism?.() ?? os.cpus().length,
    memoryGb: os.totalmem() / 1024 ** 3,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    versions: `typescript ${version('typescript')}, eslint ${version('eslint')}, typescript-eslint ${version('typescript-eslint')}`,
    revision: describeRevision(),
    loadAverage: os.loadavg()[0]?.toFixed(2) ?? '?',
  };
}

/**
 * The bars the project holds `classified` to, each with the measured value: wall-time ratios
 * (CPU in parentheses, three decimals so a value at the bar reads as over or under it), from the
 * sizes this run measured.
 */
export function renderTargets(results: readonly SizeResult[]): string[] {
  const lines: string[] = [];
  const verdict = (ok: boolean | undefined): string => (ok === undefined ? 'not measured' : ok ? 'met' : 'NOT MET');
  for (const result of results.filter((candidate) => candidate.size >= 100_000)) {
    const { check, tsc } = result.tools;
    const wall = check !== undefined && tsc !== undefined ? check.seconds / tsc.seconds : undefined;
    const cpuTime = check !== undefined && tsc !== undefined ? check.cpuSeconds / tsc.cpuSeconds : undefined;
    lines.push(`- check / tsc --noEmit at ${result.manifest.lines} lines ≤ 1.00: ${wall?.toFixed(3) ?? '–'} wall (${cpuTime?.toFixed(3) ?? '–'} CPU) — ${verdict(wall === undefined ? undefined : wall <= 1)}`);
  }
  for (const result of results.filter((candidate) => candidate.size === 100_000)) {
    const plugin = result.tools['eslint+classified'];
    const eslint = result.tools.eslint;
    const wall = plugin !== undefined && eslint !== undefined ? plugin.seconds / eslint.seconds : undefined;
    const cpuTime = plugin !== undefined && eslint !== undefined ? plugin.cpuSeconds / eslint.cpuSeconds : undefined;
    lines.push(`- (eslint + classified) / eslint at ${result.manifest.lines} lines ≤ 1.10: ${wall?.toFixed(3) ?? '–'} wall (${cpuTime?.toFixed(3) ?? '–'} CPU) — ${verdict(wall === undefined ? undefined : wall <= 1.1)}`);
  }
  const growth = growthExponent(results.flatMap((result) => (result.tools.check === undefined ? [] : [{ lines: result.manifest.lines, seconds: result.tools.check.seconds }])));
  lines.push(`- growth exponent of check${growth === undefined ? '' : ` (${growth.from} → ${growth.to} lines)`} ≤ 1.15: ${growth?.exponent.toFixed(2) ?? '–'} — ${verdict(growth === undefined ? undefined : growth.exponent <= 1.15)}`);
  const memory = results.flatMap((result) => (result.tools.check === undefined || result.tools.tsc === undefined ? [] : [result.tools.check.peakMb / result.tools.tsc.peakMb]));
  const worstMemory = memory.length === 0 || memory.some(Number.isNaN) ? undefined : Math.max(...memory);
  lines.push(`- peak memory of check / tsc ≤ 1.30 (largest ratio over the sizes): ${worstMemory?.toFixed(2) ?? '–'} — ${verdict(worstMemory === undefined ? undefined : worstMemory <= 1.3)}`);
  const recalls = results.flatMap((result) => (['check', 'check--changed', 'eslint+classified'] as const).flatMap((tool) => {
    const accuracy = result.tools[tool]?.accuracy;
    return accuracy === undefined ? [] : [accuracy.recall];
  }));
  lines.push(`- recall on the known violations = 1.00 (every size and tool): ${recalls.length === 0 ? '–' : Math.min(...recalls).toFixed(2)} — ${verdict(recalls.length === 0 ? undefined : recalls.every((recall) => recall === 1))}`);
  for (const result of results) {
    const changed = result.tools['check--changed'];
    const check = result.tools.check;
    if (changed === undefined || check === undefined) continue;
    lines.push(`- check --changed with one edited file (${result.changedFile ?? '?'}) at ${result.manifest.lines} lines: ${changed.seconds.toFixed(2)} s, ${(changed.seconds / check.seconds).toFixed(2)} × a full check`);
  }
  return lines;
}

/** What profiling `check` showed and what was done about it; kept by hand, rendered into the page. */
const WHERE_THE_TIME_GOES = [
  '## Where the time goes',
  '',
  'A `check` run is parsing and binding (the same work `tsc` does before checking, about half of',
  'the run at 100k lines), then the analysis, most of which is questions to the TypeScript checker.',
  'What made the analysis cheaper than the type-checking it replaces:',
  '',
  '- **Declared types instead of narrowed ones.** A name (`email`, `{ email }`) and a member',
  '  (`this.logger.info`) are typed by their declaration, not by the checker\'s control-flow',
  '  narrowing at each reference, which walks the function\'s flow graph back to the declaration.',
  '  Narrowing never decides whether a value is classified.',
  '- **No argument checking.** A call whose callee has one non-generic signature takes that',
  '  signature (its declaration and return type) without resolving the call, which would check',
  '  every argument. A call to a project function takes its declared return type, type parameters',
  '  unbound: the function\'s body summary binds them to the arguments anyway. An unannotated',
  '  `const x = await f()` takes `f`\'s return type the same way.',
  '- **Callers indexed by declaration.** The callers of a function are found through an index of',
  '  every call by the declarations its callee resolves to, built once per name: with a hundred',
  '  repositories each calling `findById`, each call is resolved once, not once per repository.',
  '- **JSDoc parsed as `tsc` parses it.** Only files that use `@sink`/`@declassify` keep their',
  '  JSDoc; `lib.dom.d.ts`, `@types/node` and other libraries are parsed without it, as `tsc` does.',
  '- **One engine load.** The launcher thread no longer loads TypeScript and the engine next to',
  '  the worker thread that runs them.',
  '- **`check --changed`** analyses the changed files and the functions they reach (through calls,',
  '  interface members and function references), not the whole project; its findings in the',
  '  changed files are the same (`test/engine/focus.test.ts` compares them file by file).',
  '- **Memos keyed by the checker\'s ids.** The per-node and per-symbol memos (taints, types,',
  '  symbols) hold a few hundred thousand entries at 100k lines; they are paged arrays indexed by',
  '  TypeScript\'s own node and symbol ids instead of `Map`s hashing object keys',
  '  (`src/engine/node-map.ts`), for Programs built by the same TypeScript.',
  '- **Less garbage.** A taint\'s steps are a shared trail, turned into a trace only for a finding;',
  '  a typed source builds its label (which reads the source text) only when a message needs it;',
  '  taints are deduplicated by comparing fields, not by building string keys; `await` of a',
  '  `Promise<T>` or of an object without `then` is answered without the checker, whose answer',
  '  runs assignability checks on every call. The analysis allocates about 40% less.',
  '- **TypeScript\'s enums read once.** The `typescript` module exports everything through getters',
  '  on an object too large for V8\'s fast properties, so `ts.SyntaxKind.X` in a switch over node',
  '  kinds cost a dictionary lookup and a call per case. The engine reads the enums once',
  '  (`src/engine/typescript-api.ts`); indexing the files got a third faster.',
  '- **One pass per file.** The references a condition tests for emptiness (`!user.email`,',
  '  `typeof x !== \'string\'`) are collected by the file index\'s own walk, and a read is rejected by',
  '  its last name before any reference text is built: what took 4% of the analysis takes 0.6%.',
  '',
  'In ESLint the analysis runs inside the first file\'s lint, on typescript-eslint\'s Program, so',
  'its checker questions meet a cold checker: of its 5 to 6 s at 100k lines, about 2 s are the',
  'checker typing the declarations and calls the flows reach (a pg `query` overload or a generic',
  '`new Histogram<T>` costs a millisecond each), about 2.5 s the engine\'s own work, and garbage',
  'collection runs beside it. typescript-eslint\'s rules later ask part of the same questions and',
  'find them answered, but the `(eslint+classified)/eslint` ratio pays the rest, and that ratio',
  'moves by several percent from run to run on a shared machine (ESLint alone can vary by a fifth).',
  '',
  'What would make it faster still: generic calls (`ok<T>(body)`) and `new` of generic library',
  'classes (prom-client\'s `Counter<T>`) still go through full call resolution; caching the',
  'per-file index and summaries across runs (watch mode, the ESLint server) would skip most of the',
  'analysis of unchanged files; parsing is now the largest single cost and is shared with `tsc`.',
];

function renderDoc(results: readonly SizeResult[], options: BenchOptions, machine: Machine, useGnuTime: boolean): string {
  const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  return [
    '# Performance',
    '',
    '<!-- written by `npm run bench` (scripts/bench.ts); edit the script, not this file -->',
    '',
    '`classified` is held to one bar (DESIGN.md §9): its cost is a small fraction of type-checking.',
    '`npm run bench` measures it on generated codebases (`scripts/generate-bench-project.ts`: seeded,',
    'deterministic service projects with pg repositories, pino logs, Segment analytics, prom-client',
    'metrics, branded and unbranded personal data, cross-file helper chains up to 5 files deep, and',
    'known violations listed in `expected-findings.json`).',
    '',
    '## Last run',
    '',
    `${date} — sizes ${options.sizes.join(', ')}, seed ${options.seed}, median of ${options.runs} run${options.runs === 1 ? '' : 's'} per tool.`,
    '',
    ...renderTable(results),
    '',
    'CPU time (user + system, median), which load from other processes on the machine distorts less than wall time:',
    '',
    ...renderCpuTable(results),
    '',
    `- ${exponentLine(results, 'check')}`,
    `- ${exponentLine(results, 'tsc')} (for comparison)`,
    `- ESLint runs only on sizes up to ${options.eslintMaxLines} lines (\`--eslint-max-lines\`): on larger projects it takes many minutes a run.`,
    '- recall / precision: against the generated project\'s known violations (`file:line ruleId`); recall must be 1.00.',
    '- every time includes start-up (Node, loading TypeScript: about 2 s here), which flattens the exponent at small sizes.',
    '',
    '### Against the targets',
    '',
    ...renderTargets(results),
    '',
    '### Machine',
    '',
    `- CPU: ${machine.cpu}, ${machine.cores} cores`,
    `- memory: ${machine.memoryGb.toFixed(1)} GiB`,
    `- Node.js ${machine.node}, ${machine.os}`,
    `- ${machine.versions}`,
    `- classified at ${machine.revision}`,
    `- 1-minute load average at start → end of the run: ${machine.loadAverage} (with ${machine.cores} cores; a load above that means wall times include waiting for a CPU)`,
    '',
    '## What is measured',
    '',
    'Each command runs as a child process of the bench, from the repository root, with',
    `\`node ${HEAP_FLAG}\`; the runs of the four commands are interleaved and the median is reported.`,
    `Wall time is measured around the child; peak memory is the child's maximum resident set size (${useGnuTime ? '`/usr/bin/time -v`' : '`process.resourceUsage().maxRSS` inside a wrapper'}).`,
    '',
    '| column | command |',
    '|---|---|',
    '| tsc | `node node_modules/typescript/bin/tsc -p <project> --noEmit` |',
    '| check | `node bin/classified.js check --project <project> --format json` (builds its own Program) |',
    '| check --changed | the same with `--changed`, after appending a comment to the file with the most known violations (the generated project is a git repository for this; the edit is undone after each run) — what a pre-commit hook runs |',
    `| eslint | ESLint with typescript-eslint \`recommendedTypeChecked\` (\`projectService\`) on \`<project>/src\` (\`${ESLINT_CONFIG_TSESLINT}\`) |`,
    `| eslint+classified | the same plus \`classified/eslint\` \`configs.recommended\` (\`${ESLINT_CONFIG_CLASSIFIED}\`) |`,
    '',
    'Sizes are target line counts; a project is generated in whole domains of six files, so the real',
    'line count (`lines`) is slightly above the target. The generated projects live in',
    '`.tmp/bench/<size>/` and are reused while the seed and the generator version are unchanged',
    '(`--regenerate` forces it). The ESLint configs and per-run logs are written next to them.',
    '',
    '## Running it',
    '',
    '```sh',
    'npm run bench                                          # sizes 1000,10000,100000,300000, 3 runs (ESLint up to 100k)',
    'npm run bench -- --sizes 1000,10000 --no-docs          # a quick look',
    'npm run bench -- --sizes 100000 --runs 5 --tools tsc,check,check--changed --no-docs',
    'node dist/scripts/generate-bench-project.js --lines 50000 --seed 7   # just generate',
    '```',
    '',
    'To see where `check` spends its time, profile one run and aggregate self time per function:',
    '',
    '```sh',
    'node --cpu-prof --cpu-prof-dir=.tmp/prof bin/classified.js check --project .tmp/bench/100000 --format json > /dev/null',
    'node dist/scripts/summarize-cpu-profile.js .tmp/prof/*.cpuprofile',
    '```',
    '',
    ...WHERE_THE_TIME_GOES,
    '',
  ].join('\n');
}

// ─────────────────────────────────────────────── main ───────────────────────────────────────────────

export function main(argv: readonly string[]): number {
  let options: BenchOptions;
  try {
    options = parseOptions(argv);
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n`);
    return 2;
  }
  if (!fs.existsSync(path.join(ROOT, 'dist', 'src', 'cli', 'main.js'))) {
    process.stderr.write('bench: dist/ is missing; run `npm run build` first (npm run bench does)\n');
    return 2;
  }
  if (options.tools.includes('eslint+classified')) {
    try {
      require.resolve('classified/eslint', { paths: [ROOT] });
    } catch {
      process.stderr.write('bench: classified/eslint is not built yet; skipping eslint+classified\n');
      options = { ...options, tools: options.tools.filter((tool) => tool !== 'eslint+classified') };
    }
  }
  const useGnuTime = hasGnuTime('BENCH_NO_GNU_TIME');
  const machine = describeMachine();
  log(`bench: sizes ${options.sizes.join(', ')}; ${options.runs} run(s); tools ${options.tools.join(', ')}; peak memory via ${useGnuTime ? GNU_TIME : 'process.resourceUsage() wrapper'}`);
  log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb.toFixed(1)} GiB, Node ${machine.node}; classified at ${machine.revision}; load average ${machine.loadAverage}`);

  const results = options.sizes.map((size) => runSize(size, options, useGnuTime));
  machine.loadAverage += ` → ${os.loadavg()[0]?.toFixed(2) ?? '?'}`;
  const rawFile = path.join(ROOT, '.tmp', 'bench', 'last-run.json');
  fs.writeFileSync(rawFile, `${JSON.stringify({ options, machine, results }, null, 2)}\n`);

  log('');
  for (const line of renderTable(results)) log(line);
  log('');
  for (const line of renderCpuTable(results)) log(line);
  log('');
  log(exponentLine(results, 'check'));
  log(`${exponentLine(results, 'tsc')} (for comparison)`);
  log('');
  for (const line of renderTargets(results)) log(line);
  if (options.writeDocs) {
    const docFile = path.join(ROOT, 'docs', 'performance.md');
    fs.writeFileSync(docFile, renderDoc(results, options, machine, useGnuTime));
    log(`wrote ${path.relative(ROOT, docFile)}`);
  }
  return typeof process.exitCode === 'number' ? process.exitCode : 0;
}

if (typeof module !== 'undefined' && require.main === module) process.exitCode = main(process.argv.slice(2));
