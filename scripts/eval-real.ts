/**
 * `npm run eval:real`: accuracy on real products. Each repository of `eval/real/repos.json` is
 * checked out at its pinned commit, installed with its own lockfile and package manager (scripts
 * off) and prepared with the code generation its CI runs; then `tsc --noEmit` and `classified check`
 * run on each of its tsconfigs, and the findings are scored against the hand-checked labels of
 * `eval/real/cases/` (format and scoring: `eval/real/README.md`).
 *
 * Prints per repository and overall: strict recall (a finding of the expected rule inside the
 * labelled span), recall found elsewhere (at the helper's sink or at a write of a card column),
 * negatives hit, unique findings per rule, and check/tsc time and peak memory. The judged sample
 * (`eval/real/judged.json`) gives precision.
 *
 * Checkouts and installs are cached in `$CLASSIFIED_EVAL_REAL_CACHE` (default
 * `~/.cache/classified-eval-real`); a repository is prepared again only when its commit or recipe
 * changes. Needs the network for `git clone` and the installs; it is not part of `npm test`.
 *
 * Options:
 *   --repos owner/name,...   only these repositories
 *   --source-dir DIR         read commits from local git directories instead of cloning:
 *                            DIR/<owner>+<name>/repo, DIR/<owner>+<name> or DIR/<owner>/<name>
 *   --prepare-only           check out and install, do not analyse
 *   --score-only             score the findings of the last run without running anything
 *   --no-tsc                 skip the tsc baseline
 *   --check-timeout MIN      stop a `classified check` that runs longer (default 15 minutes)
 *   --sample N [--seed S]    print N random findings with ±5 lines of context for judging, and
 *                            write them to .tmp/eval-real/sample.json (judge, then add to judged.json);
 *                            drawn from the repositories in turn, so each weighs the same; `possible`
 *                            findings (untyped payloads, warnings) are left out of it and counted apart
 *   --sample-possible N      the same for N `possible` findings (.tmp/eval-real/sample-possible.json)
 *   --verbose                list every miss and every negative hit
 */
import { createHash } from 'node:crypto';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import YAML from 'yaml';
import { hasGnuTime, measureNode, type Measurement } from './measure.js';

// scripts/ when run from source (tests), dist/scripts/ when built
const ROOT = path.resolve(__dirname, fs.existsSync(path.join(__dirname, '..', 'package.json')) ? '..' : path.join('..', '..'));
const SUITE_DIR = path.join(ROOT, 'eval', 'real');
const RESULTS_DIR = path.join(ROOT, '.tmp', 'eval-real');
const CLASSIFIED_BIN = path.join(ROOT, 'bin', 'classified.js');
const TSC_BIN = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const CONTEXT_LINES = 5;

/** Install-time switches every recipe runs with: no browser, binary or telemetry downloads. */
const PREPARE_ENV: Readonly<Record<string, string>> = {
  CI: 'true',
  HUSKY: '0',
  COREPACK_ENABLE_DOWNLOAD_PROMPT: '0',
  // The registry mirror here serves package managers without npm's signatures.
  COREPACK_INTEGRITY_KEYS: '0',
  CHECKPOINT_DISABLE: '1',
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  NEXT_TELEMETRY_DISABLED: '1',
  TURBO_TELEMETRY_DISABLED: '1',
  PUPPETEER_SKIP_DOWNLOAD: '1',
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
  CYPRESS_INSTALL_BINARY: '0',
  ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
  SENTRYCLI_SKIP_DOWNLOAD: '1',
  // some repositories ask for a newer Node than the supported 20 through engine-strict in .npmrc
  npm_config_engine_strict: 'false',
};

export interface RepoEntry {
  readonly repo: string;
  readonly commit: string;
  readonly kind: string;
  readonly install: readonly string[];
  readonly generate: readonly string[];
  readonly projects: readonly string[];
  readonly recipe: string;
}

export type CaseLabel = 'violation' | 'negative' | 'borderline';
export const CATEGORIES = ['card-storage', 'logging', 'third-party', 'telemetry', 'ml-training'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface Span {
  readonly file: string;
  readonly lines: readonly [number, number];
}

export interface LabelledCase extends Span {
  readonly id: string;
  readonly label: CaseLabel;
  readonly rule?: string;
  readonly category: Category;
  readonly shape?: string;
  readonly reason: string;
  readonly sinkAt?: Span;
  readonly alsoAt?: readonly Span[];
}

/** One finding of `classified check --format json`, as the suite keeps it. */
export interface RealFinding {
  readonly repo: string;
  readonly ruleId: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly confidence?: string;
  readonly suppressed: boolean;
}

export interface JudgedFinding {
  readonly repo: string;
  readonly ruleId: string;
  readonly file: string;
  readonly line: number;
  readonly message: string;
  readonly verdict: 'true' | 'false';
  readonly reason: string;
  /** for a false positive: the pattern it belongs to (test-code, name-without-data, ...) */
  readonly pattern?: string;
}

export interface CaseScore {
  readonly case: LabelledCase;
  readonly repo: string;
  readonly strict: boolean;
  readonly elsewhere: boolean;
  /** findings inside the span (for negatives: the hits) */
  readonly findingsInSpan: readonly RealFinding[];
}

// ─────────────────────────────────────────── labels ───────────────────────────────────────────

export function loadRepos(suiteDir = SUITE_DIR): RepoEntry[] {
  return JSON.parse(fs.readFileSync(path.join(suiteDir, 'repos.json'), 'utf8')) as RepoEntry[];
}

export function casesFileName(repo: string): string {
  return `${repo.replace('/', '__')}.json`;
}

/** The cases of one repository; checks the fields every case needs and says which case is wrong. */
export function loadCases(repo: string, suiteDir = SUITE_DIR): LabelledCase[] {
  const file = path.join(suiteDir, 'cases', casesFileName(repo));
  if (!fs.existsSync(file)) return [];
  const cases = JSON.parse(fs.readFileSync(file, 'utf8')) as LabelledCase[];
  for (const [index, labelled] of cases.entries()) {
    const where = `${path.relative(ROOT, file)}[${index}] (${labelled.id ?? 'no id'})`;
    const [first, last] = labelled.lines ?? [];
    if (typeof labelled.file !== 'string' || typeof first !== 'number' || typeof last !== 'number' || first > last) throw new Error(`${where}: needs file and lines [first, last]`);
    if (!['violation', 'negative', 'borderline'].includes(labelled.label)) throw new Error(`${where}: label must be violation, negative or borderline`);
    if (!(CATEGORIES as readonly string[]).includes(labelled.category)) throw new Error(`${where}: category must be one of ${CATEGORIES.join(', ')}`);
    if (labelled.label === 'violation' && typeof labelled.rule !== 'string') throw new Error(`${where}: a violation names its rule`);
  }
  return cases;
}

export function loadJudged(suiteDir = SUITE_DIR): JudgedFinding[] {
  const file = path.join(suiteDir, 'judged.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as JudgedFinding[]) : [];
}

// ─────────────────────────────────────────── scoring ───────────────────────────────────────────

function inSpan(finding: RealFinding, span: Span): boolean {
  return finding.file === span.file && finding.line >= span.lines[0] && finding.line <= span.lines[1];
}

/** Scores one repository's cases against its unsuppressed findings. */
export function scoreCases(repo: string, cases: readonly LabelledCase[], findings: readonly RealFinding[]): CaseScore[] {
  const reported = findings.filter((finding) => !finding.suppressed);
  return cases.map((labelled) => {
    const findingsInSpan = reported.filter((finding) => inSpan(finding, labelled));
    const ofRule = (span: Span): boolean => reported.some((finding) => finding.ruleId === labelled.rule && inSpan(finding, span));
    const strict = labelled.label === 'violation' && ofRule(labelled);
    const others = [...(labelled.sinkAt === undefined ? [] : [labelled.sinkAt]), ...(labelled.alsoAt ?? [])];
    const elsewhere = labelled.label === 'violation' && !strict && others.some(ofRule);
    return { case: labelled, repo, strict, elsewhere, findingsInSpan };
  });
}

export function judgedKey(finding: Pick<RealFinding, 'repo' | 'ruleId' | 'file' | 'line' | 'message'>): string {
  return `${finding.repo}|${finding.file}:${finding.line}|${finding.ruleId}|${finding.message}`;
}

/** A `possible` finding: an untyped payload, reported as a warning and judged apart. */
function isPossible(finding: Pick<RealFinding, 'confidence'>): boolean {
  return finding.confidence === 'possible';
}

/** One finding per (rule, file, line, message) across the projects of a repository. */
export function uniqueFindings(findings: readonly RealFinding[]): RealFinding[] {
  const seen = new Map<string, RealFinding>();
  for (const finding of findings) if (!seen.has(judgedKey(finding))) seen.set(judgedKey(finding), finding);
  return [...seen.values()];
}

/** A seeded shuffle (mulberry32), so a sample can be drawn again. */
export function seededSample<T>(items: readonly T[], count: number, seed: number): T[] {
  let state = seed >>> 0;
  const random = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const shuffled = [...items];
  for (let index = shuffled.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [shuffled[index], shuffled[other]] = [shuffled[other] as T, shuffled[index] as T];
  }
  return shuffled.slice(0, count);
}

/**
 * A seeded sample that takes from each pool (repository) in turn, each pool shuffled, until
 * `count` items or every pool is used up: one repository with hundreds of findings does not
 * decide the precision of the whole suite.
 */
export function stratifiedSample<T>(pools: readonly (readonly T[])[], count: number, seed: number): T[] {
  const shuffled = pools.map((pool, index) => seededSample(pool, pool.length, seed + index));
  const sample: T[] = [];
  for (let round = 0; sample.length < count && shuffled.some((pool) => round < pool.length); round += 1) {
    for (const pool of shuffled) {
      const item = pool[round];
      if (item !== undefined && sample.length < count) sample.push(item);
    }
  }
  return sample;
}

// ─────────────────────────────────────────── preparing ───────────────────────────────────────────

function cacheRoot(): string {
  return process.env.CLASSIFIED_EVAL_REAL_CACHE ?? path.join(os.homedir(), '.cache', 'classified-eval-real');
}

function slug(repo: string): string {
  return repo.replace('/', '+');
}

export function checkoutDir(repo: string): string {
  return path.join(cacheRoot(), slug(repo), 'checkout');
}

function gitDirFor(entry: RepoEntry, sourceDir: string | undefined): string {
  if (sourceDir !== undefined) {
    const [owner = '', name = ''] = entry.repo.split('/');
    const candidates = [path.join(sourceDir, slug(entry.repo), 'repo'), path.join(sourceDir, slug(entry.repo)), path.join(sourceDir, owner, name)];
    const found = candidates.find((candidate) => spawnSync('git', ['-C', candidate, 'cat-file', '-e', `${entry.commit}^{commit}`]).status === 0);
    if (found === undefined) throw new Error(`${entry.repo}: commit ${entry.commit} not found under ${sourceDir}`);
    return found;
  }
  const bare = path.join(cacheRoot(), slug(entry.repo), 'git');
  if (!fs.existsSync(bare)) execFileSync('git', ['clone', '--bare', '--filter=blob:none', `https://github.com/${entry.repo}.git`, bare], { stdio: 'inherit' });
  if (spawnSync('git', ['-C', bare, 'cat-file', '-e', `${entry.commit}^{commit}`]).status !== 0) execFileSync('git', ['-C', bare, 'fetch', 'origin', entry.commit], { stdio: 'inherit' });
  return bare;
}

/**
 * Writes the tree of `commit` into `target`, blob by blob through one `git cat-file --batch`
 * (`git archive` stops at the first blob a partial clone or snapshot lacks; those are listed).
 */
async function extractTree(gitDir: string, commit: string, target: string): Promise<string[]> {
  const listing = execFileSync('git', ['-C', gitDir, 'ls-tree', '-r', '-z', '--full-tree', commit], { maxBuffer: 1 << 30 }).toString();
  const blobs = listing.split('\0').filter(Boolean).flatMap((line) => {
    const [meta = '', file = ''] = line.split('\t');
    const [mode = '', type, oid = ''] = meta.split(' ');
    return type === 'blob' ? [{ mode, oid, file }] : [];
  });
  const missing: string[] = [];
  const child = spawn('git', ['-C', gitDir, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let pending = Buffer.alloc(0);
  let next = 0;
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => (next === blobs.length ? resolve() : reject(new Error(`git cat-file stopped (${code}) after ${next} of ${blobs.length} files`))));
  });
  child.stdout.on('data', (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    while (next < blobs.length) {
      const newline = pending.indexOf(10);
      if (newline < 0) return;
      const header = pending.subarray(0, newline).toString();
      const blob = blobs[next] as (typeof blobs)[number];
      if (header.endsWith(' missing')) {
        missing.push(blob.file);
        pending = pending.subarray(newline + 1);
        next += 1;
        continue;
      }
      const size = Number(header.split(' ')[2]);
      if (pending.length < newline + 1 + size + 1) return;
      const content = pending.subarray(newline + 1, newline + 1 + size);
      pending = pending.subarray(newline + 2 + size);
      const file = path.join(target, blob.file);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      if (blob.mode === '120000') fs.symlinkSync(content.toString(), file);
      else fs.writeFileSync(file, content, { mode: blob.mode === '100755' ? 0o755 : 0o644 });
      next += 1;
    }
    child.stdin.end();
  });
  for (const blob of blobs) child.stdin.write(`${blob.oid}\n`);
  if (blobs.length === 0) child.stdin.end();
  await done;
  return missing;
}

/**
 * Prisma's CLI downloads its engines from its own host even for `generate --no-engine`, which only
 * needs the schema. Pointing the engine paths at a placeholder file makes it skip the download; the
 * generated client types are the same.
 */
function prismaWithoutEngines(): Record<string, string> {
  const placeholder = path.join(cacheRoot(), 'prisma-engine-placeholder');
  if (!fs.existsSync(placeholder)) fs.writeFileSync(placeholder, '');
  // the schema engine was called the migration engine before Prisma 5
  return { PRISMA_QUERY_ENGINE_LIBRARY: placeholder, PRISMA_SCHEMA_ENGINE_BINARY: placeholder, PRISMA_MIGRATION_ENGINE_BINARY: placeholder };
}

function runLogged(command: string, cwd: string, logFile: string): number | string {
  fs.appendFileSync(logFile, `\n$ ${command}\n`);
  const output = fs.openSync(logFile, 'a');
  const result = spawnSync('bash', ['-c', command], { cwd, stdio: ['ignore', output, output], env: { ...process.env, ...PREPARE_ENV, ...prismaWithoutEngines() }, timeout: 45 * 60 * 1000 });
  fs.closeSync(output);
  return result.status ?? String(result.signal);
}

function compareVersions(a: string, b: string): number {
  const parts = (version: string): number[] => version.split(/[.+-]/).map((part) => (/^\d+$/.test(part) ? Number(part) : -1));
  const [left, right] = [parts(a), parts(b)];
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * After `pnpm install` stopped at a 404 for a locked version (the registry reached here may not
 * serve every version), overrides the package with the served version of the same major nearest to
 * the locked one (the next newer, else the last older; else the newest served), in the overrides
 * the repository already keeps. Returns what it pinned, or undefined when there is nothing to pin.
 */
function pinServedVersion(dir: string, logText: string): string | undefined {
  const matches = [
    ...logText.matchAll(/ERR_PNPM_FETCH_404\s+GET \S+?\/((?:@[^/]+\/)?[^/@]+)\/-\/\S+?-(\d+\.\d+\.\d+[^\s:]*?)\.tgz/g),
    // without a lockfile: an exact version in a manifest
    ...logText.matchAll(/ERR_PNPM_NO_MATCHING_VERSION\s+No matching version found for ((?:@[^/]+\/)?[^/@]+)@(\d+\.\d+\.\d+\S*?) while/g),
  ].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  const last = matches[matches.length - 1];
  if (last === undefined) return undefined;
  const [, name = '', version = ''] = last;
  const view = spawnSync('npm', ['view', name, 'versions', '--json'], { cwd: dir, encoding: 'utf8' });
  if (view.status !== 0) return undefined;
  const served = (JSON.parse(view.stdout) as string[] | string);
  const prerelease = version.includes('-');
  const sameMajor = (Array.isArray(served) ? served : [served]).filter((candidate) => candidate.split('.')[0] === version.split('.')[0] && (prerelease || !candidate.includes('-'))).sort(compareVersions);
  const all = (Array.isArray(served) ? served : [served]).filter((candidate) => prerelease || !candidate.includes('-')).sort(compareVersions);
  // no served version of that major: the newest served one, whose typings may differ (it is logged)
  const replacement = sameMajor.find((candidate) => compareVersions(candidate, version) > 0) ?? sameMajor.filter((candidate) => compareVersions(candidate, version) < 0).pop() ?? all.pop();
  if (replacement === undefined) return undefined;
  // pnpm matches an override's selector against the dependency's range, not the locked version,
  // so the override names the package: every dependent gets the served version.
  const selector = name;
  const workspaceFile = path.join(dir, 'pnpm-workspace.yaml');
  const workspace = fs.existsSync(workspaceFile) ? (YAML.parse(fs.readFileSync(workspaceFile, 'utf8')) as Record<string, unknown> | null) : null;
  if (workspace !== null && typeof workspace.overrides === 'object') {
    const document = YAML.parseDocument(fs.readFileSync(workspaceFile, 'utf8'));
    if (document.getIn(['overrides', selector]) !== undefined) return undefined;
    document.setIn(['overrides', selector], replacement);
    fs.writeFileSync(workspaceFile, document.toString());
  } else {
    const manifestFile = path.join(dir, 'package.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { pnpm?: { overrides?: Record<string, string> } };
    manifest.pnpm ??= {};
    manifest.pnpm.overrides ??= {};
    if (manifest.pnpm.overrides[selector] !== undefined) return undefined;
    manifest.pnpm.overrides[selector] = replacement;
    fs.writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  }
  return `the registry does not serve ${name}@${version}; pinned ${replacement}`;
}

function recipeHash(entry: RepoEntry): string {
  return createHash('sha256').update(JSON.stringify([entry.commit, entry.install, entry.generate])).digest('hex').slice(0, 16);
}

interface PrepareResult {
  readonly repo: string;
  readonly seconds: number;
  readonly failed: readonly string[];
  readonly missingFiles: readonly string[];
}

async function prepare(entry: RepoEntry, sourceDir: string | undefined): Promise<PrepareResult> {
  const dir = checkoutDir(entry.repo);
  const commitMarker = path.join(dir, '.classified-eval-commit');
  const preparedMarker = path.join(dir, '.classified-eval-prepared');
  const started = Date.now();
  let missingFiles: string[] = [];
  if (!fs.existsSync(commitMarker) || fs.readFileSync(commitMarker, 'utf8').trim() !== entry.commit) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    missingFiles = await extractTree(gitDirFor(entry, sourceDir), entry.commit, dir);
    fs.writeFileSync(commitMarker, `${entry.commit}\n`);
  }
  const hash = recipeHash(entry);
  if (fs.existsSync(preparedMarker) && fs.readFileSync(preparedMarker, 'utf8').trim() === hash) return { repo: entry.repo, seconds: 0, failed: [], missingFiles };
  const logFile = path.join(path.dirname(dir), 'prepare.log');
  fs.writeFileSync(logFile, '');
  const failed: string[] = [];
  for (const command of [...entry.install, ...entry.generate]) {
    log(`  ${entry.repo}: ${command}`);
    let attempt = command;
    let status = runLogged(attempt, dir, logFile);
    // A locked version the registry does not serve: pin the nearest one it does, once per package.
    for (let retries = 0; status !== 0 && retries < 20 && /\bpnpm\b.*\binstall\b/.test(attempt); retries += 1) {
      const pinned = pinServedVersion(dir, fs.readFileSync(logFile, 'utf8'));
      if (pinned === undefined) break;
      log(`  ${entry.repo}: ${pinned}`);
      fs.appendFileSync(logFile, `\n# ${pinned}\n`);
      attempt = attempt.replace('--frozen-lockfile', '--no-frozen-lockfile');
      status = runLogged(attempt, dir, logFile);
    }
    if (status !== 0) failed.push(`${command} (exit ${status}; see ${logFile})`);
  }
  if (failed.length === 0) fs.writeFileSync(preparedMarker, `${hash}\n`);
  return { repo: entry.repo, seconds: (Date.now() - started) / 1000, failed, missingFiles };
}

// ─────────────────────────────────────────── running ───────────────────────────────────────────

interface ProjectRun {
  readonly repo: string;
  readonly project: string;
  readonly tsc?: Measurement & { readonly errors: number };
  readonly check: Measurement & { readonly error?: string };
  readonly files: number;
}

function rootFiles(tsconfig: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  return parsed?.fileNames ?? [];
}

function isComposite(tsconfig: string): boolean {
  return ts.getParsedCommandLineOfConfigFile(tsconfig, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })?.options.composite === true;
}

function findingsFile(repo: string, project: string): string {
  return path.join(RESULTS_DIR, slug(repo), `${project.replace(/[/\\]/g, '__')}.json`);
}

function runProject(entry: RepoEntry, project: string, useGnuTime: boolean, withTsc: boolean, checkTimeoutMinutes: number): ProjectRun {
  const dir = checkoutDir(entry.repo);
  const outDir = path.dirname(findingsFile(entry.repo, project));
  fs.mkdirSync(outDir, { recursive: true });
  let tsc: ProjectRun['tsc'];
  if (withTsc) {
    const logFile = path.join(outDir, `${path.basename(findingsFile(entry.repo, project), '.json')}.tsc.log`);
    // a composite project cannot turn incremental off: its build info goes to a fresh scratch file
    const buildInfo = path.join(outDir, 'tsc.tsbuildinfo');
    fs.rmSync(buildInfo, { force: true });
    const incremental = isComposite(path.join(dir, project)) ? ['--tsBuildInfoFile', buildInfo] : ['--incremental', 'false'];
    const measured = measureNode(TSC_BIN, ['-p', project, '--noEmit', ...incremental, '--ignoreDeprecations', '6.0', '--pretty', 'false'], { cwd: dir, logFile, workDir: outDir, useGnuTime });
    const errors = (fs.readFileSync(logFile, 'utf8').match(/error TS\d+/g) ?? []).length;
    tsc = { ...measured, errors };
  }
  const output = findingsFile(entry.repo, project);
  fs.rmSync(output, { force: true });
  const logFile = output.replace(/\.json$/, '.check.log');
  const measured = measureNode(CLASSIFIED_BIN, ['check', '--project', project, '--format', 'json', '--output', output], { cwd: dir, logFile, workDir: outDir, useGnuTime, timeoutMs: checkTimeoutMinutes * 60_000 });
  const error = measured.timedOut
    ? `stopped after ${checkTimeoutMinutes} min`
    : measured.exitCode > 1 || !fs.existsSync(output)
      ? fs.readFileSync(logFile, 'utf8').trim().split('\n').slice(-3).join(' ')
      : undefined;
  return { repo: entry.repo, project, tsc, check: { ...measured, error }, files: rootFiles(path.join(dir, project)).length };
}

interface CheckJson {
  readonly findings: ReadonlyArray<{ ruleId: string; file: string; line: number; column: number; message: string; confidence?: string; suppression?: unknown }>;
}

function readFindings(entry: RepoEntry): RealFinding[] {
  const findings: RealFinding[] = [];
  for (const project of entry.projects) {
    const file = findingsFile(entry.repo, project);
    if (!fs.existsSync(file)) continue;
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as CheckJson;
    for (const finding of json.findings) {
      findings.push({
        repo: entry.repo,
        ruleId: finding.ruleId,
        file: finding.file.split(path.sep).join('/'),
        line: finding.line,
        column: finding.column,
        message: finding.message,
        confidence: finding.confidence,
        suppressed: finding.suppression !== undefined,
      });
    }
  }
  return uniqueFindings(findings);
}

// ─────────────────────────────────────────── printing ───────────────────────────────────────────

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

function ratio(numerator: number, denominator: number): string {
  return denominator === 0 || Number.isNaN(denominator) || Number.isNaN(numerator) ? '–' : (numerator / denominator).toFixed(2);
}

function context(entry: RepoEntry, finding: RealFinding): string {
  const file = path.join(checkoutDir(entry.repo), finding.file);
  if (!fs.existsSync(file)) return '    (file not in the checkout)';
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  const first = Math.max(1, finding.line - CONTEXT_LINES);
  const last = Math.min(lines.length, finding.line + CONTEXT_LINES);
  const out: string[] = [];
  for (let line = first; line <= last; line += 1) out.push(`${line === finding.line ? '>' : ' '} ${String(line).padStart(5)}  ${lines[line - 1] ?? ''}`);
  return out.join('\n');
}

function recallRow(name: string, scores: readonly CaseScore[]): string {
  const violations = scores.filter((score) => score.case.label === 'violation');
  const negatives = scores.filter((score) => score.case.label === 'negative');
  const strict = violations.filter((score) => score.strict).length;
  const elsewhere = violations.filter((score) => score.elsewhere).length;
  const hit = negatives.filter((score) => score.findingsInSpan.length > 0).length;
  return `| ${name} | ${violations.length} | ${strict} | ${ratio(strict, violations.length)} | ${elsewhere} | ${negatives.length} | ${hit} |`;
}

interface Options {
  readonly repos?: readonly string[];
  readonly sourceDir?: string;
  readonly prepareOnly: boolean;
  readonly scoreOnly: boolean;
  readonly withTsc: boolean;
  readonly sample: number;
  readonly samplePossible: number;
  readonly seed: number;
  readonly verbose: boolean;
  readonly checkTimeoutMinutes: number;
}

function parseOptions(argv: readonly string[]): Options {
  const value = (flag: string): string | undefined => {
    const index = argv.indexOf(flag);
    return index < 0 ? undefined : argv[index + 1];
  };
  const number = (flag: string, fallback: number): number => {
    const text = value(flag);
    if (text === undefined) return fallback;
    const parsed = Number(text);
    if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${flag} takes a whole number, got ${text}`);
    return parsed;
  };
  return {
    repos: value('--repos')?.split(',').map((repo) => repo.trim()),
    sourceDir: value('--source-dir'),
    prepareOnly: argv.includes('--prepare-only'),
    scoreOnly: argv.includes('--score-only'),
    withTsc: !argv.includes('--no-tsc'),
    sample: number('--sample', 0),
    samplePossible: number('--sample-possible', 0),
    seed: number('--seed', 20261207),
    verbose: argv.includes('--verbose'),
    checkTimeoutMinutes: number('--check-timeout', 15),
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const all = loadRepos();
  const unknown = (options.repos ?? []).filter((repo) => !all.some((entry) => entry.repo === repo));
  if (unknown.length > 0) throw new Error(`not in eval/real/repos.json: ${unknown.join(', ')}`);
  const entries = options.repos === undefined ? all : all.filter((entry) => options.repos?.includes(entry.repo));
  const useGnuTime = hasGnuTime('EVAL_REAL_NO_GNU_TIME');
  const runs: ProjectRun[] = [];
  const started = Date.now();
  for (const entry of entries) {
    if (!options.scoreOnly) {
      log(`${entry.repo}: preparing`);
      const prepared = await prepare(entry, options.sourceDir);
      if (prepared.missingFiles.length > 0) log(`  ${entry.repo}: ${prepared.missingFiles.length} file(s) missing from the source: ${prepared.missingFiles.join(', ')}`);
      for (const failure of prepared.failed) log(`  ${entry.repo}: FAILED ${failure}`);
      if (prepared.seconds > 0) log(`  ${entry.repo}: prepared in ${prepared.seconds.toFixed(0)} s`);
    }
    if (options.prepareOnly || options.scoreOnly) continue;
    for (const project of entry.projects) {
      log(`${entry.repo}: ${project}`);
      const run = runProject(entry, project, useGnuTime, options.withTsc, options.checkTimeoutMinutes);
      if (run.check.error !== undefined) log(`  check failed: ${run.check.error}`);
      runs.push(run);
    }
  }
  if (options.prepareOnly) return;

  const scores: CaseScore[] = [];
  const findingsByRepo = new Map<string, RealFinding[]>();
  const lines: string[] = [];
  for (const entry of entries) {
    const findings = readFindings(entry);
    findingsByRepo.set(entry.repo, findings);
    const cases = loadCases(entry.repo);
    scores.push(...scoreCases(entry.repo, cases, findings));
    const roots = new Set(entry.projects.flatMap((project) => rootFiles(path.join(checkoutDir(entry.repo), project))).map((file) => path.relative(checkoutDir(entry.repo), file).split(path.sep).join('/')));
    const uncovered = cases.filter((labelled) => labelled.label !== 'borderline' && !roots.has(labelled.file));
    if (uncovered.length > 0 && roots.size > 0) log(`${entry.repo}: ${uncovered.length} case(s) in files no checked tsconfig includes: ${uncovered.map((labelled) => labelled.id).join(', ')}`);
  }

  lines.push('## Recall and negatives', '', '| repository | violations | found (strict) | strict recall | found elsewhere | negatives | negatives hit |', '|---|---:|---:|---:|---:|---:|---:|');
  for (const entry of entries) lines.push(recallRow(entry.repo, scores.filter((score) => score.repo === entry.repo)));
  lines.push(recallRow('**all**', scores), '');
  lines.push('| category | violations | found (strict) | strict recall | found elsewhere | negatives | negatives hit |', '|---|---:|---:|---:|---:|---:|---:|');
  for (const category of CATEGORIES) lines.push(recallRow(category, scores.filter((score) => score.case.category === category)));
  lines.push('');

  const byShape = new Map<string, { violations: number; missed: number; negatives: number; hit: number }>();
  for (const score of scores) {
    const row = byShape.get(score.case.shape ?? '(none)') ?? { violations: 0, missed: 0, negatives: 0, hit: 0 };
    if (score.case.label === 'violation') {
      row.violations += 1;
      if (!score.strict) row.missed += 1;
    } else if (score.case.label === 'negative') {
      row.negatives += 1;
      if (score.findingsInSpan.length > 0) row.hit += 1;
    }
    byShape.set(score.case.shape ?? '(none)', row);
  }
  lines.push('## By shape (how the code does it)', '', '| shape | violations | missed | negatives | negatives hit |', '|---|---:|---:|---:|---:|');
  for (const [shape, row] of [...byShape].sort((a, b) => b[1].missed + b[1].hit - (a[1].missed + a[1].hit) || a[0].localeCompare(b[0]))) {
    if (row.violations + row.negatives > 0) lines.push(`| ${shape} | ${row.violations} | ${row.missed} | ${row.negatives} | ${row.hit} |`);
  }
  lines.push('');

  const rules = [...new Set([...findingsByRepo.values()].flat().map((finding) => finding.ruleId))].sort();
  lines.push('## Unique findings per rule', '', `| repository | ${rules.join(' | ')} | total |`, `|---|${rules.map(() => '---:').join('|')}|---:|`);
  for (const entry of entries) {
    const findings = (findingsByRepo.get(entry.repo) ?? []).filter((finding) => !finding.suppressed);
    lines.push(`| ${entry.repo} | ${rules.map((rule) => findings.filter((finding) => finding.ruleId === rule).length).join(' | ')} | ${findings.length} |`);
  }
  lines.push('');

  if (runs.length > 0) {
    lines.push('## Time and memory', '', '| repository | tsconfig | files | tsc s | tsc errors | check s | check/tsc | check/tsc (CPU) | tsc MB | check MB |', '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const run of runs) {
      const tscSeconds = run.tsc?.seconds ?? Number.NaN;
      lines.push(`| ${run.repo} | ${run.project} | ${run.files} | ${tscSeconds.toFixed(1)} | ${run.tsc?.errors ?? '–'} | ${run.check.error === undefined ? run.check.seconds.toFixed(1) : run.check.timedOut ? `>${run.check.seconds.toFixed(0)} (stopped)` : 'failed'} | ${run.check.timedOut ? `>${ratio(run.check.seconds, tscSeconds)}` : ratio(run.check.seconds, tscSeconds)} | ${ratio(run.check.cpuSeconds, run.tsc?.cpuSeconds ?? Number.NaN)} | ${(run.tsc?.peakMb ?? Number.NaN).toFixed(0)} | ${run.check.peakMb.toFixed(0)} |`);
    }
    // the totals compare what both finished
    const finished = runs.filter((run) => run.check.error === undefined);
    const total = (pick: (run: ProjectRun) => number): number => finished.reduce((sum, run) => sum + pick(run), 0);
    const tscTotal = total((run) => run.tsc?.seconds ?? 0);
    const checkTotal = total((run) => run.check.seconds);
    lines.push(`| **all that finished** | | ${total((run) => run.files)} | ${tscTotal.toFixed(1)} | | ${checkTotal.toFixed(1)} | ${ratio(checkTotal, tscTotal)} | ${ratio(total((run) => run.check.cpuSeconds), total((run) => run.tsc?.cpuSeconds ?? 0))} | | |`, '');
  }

  const judged = loadJudged();
  const reported = [...findingsByRepo.values()].flat().filter((finding) => !finding.suppressed);
  const possibleKeys = new Set(reported.filter(isPossible).map(judgedKey));
  const current = new Set(reported.map(judgedKey));
  const stillReported = judged.filter((entry) => current.has(judgedKey(entry)) && !possibleKeys.has(judgedKey(entry)));
  const judgedTrue = stillReported.filter((entry) => entry.verdict === 'true').length;
  const possibleJudged = judged.filter((entry) => possibleKeys.has(judgedKey(entry)));
  lines.push(
    '## Judged sample',
    '',
    `${judged.length} finding(s) judged; ${stillReported.length} still reported (possible findings aside), of which ${judgedTrue} true: precision ${ratio(judgedTrue, stillReported.length)}.`,
    '',
    `Possible findings (untyped payloads, reported as warnings): ${possibleKeys.size}; ${possibleJudged.length} judged, of which ${possibleJudged.filter((entry) => entry.verdict === 'true').length} true: precision ${ratio(possibleJudged.filter((entry) => entry.verdict === 'true').length, possibleJudged.length)}.`,
    '',
  );
  const patterns = new Map<string, number>();
  for (const entry of stillReported) if (entry.verdict === 'false') patterns.set(entry.pattern ?? '(none)', (patterns.get(entry.pattern ?? '(none)') ?? 0) + 1);
  if (patterns.size > 0) {
    lines.push('| false-positive pattern | findings |', '|---|---:|');
    for (const [pattern, count] of [...patterns].sort((a, b) => b[1] - a[1])) lines.push(`| ${pattern} | ${count} |`);
    lines.push('');
  }
  process.stdout.write(`${lines.join('\n')}\n`);

  if (options.verbose) {
    for (const score of scores) {
      if (score.case.label === 'violation' && !score.strict) process.stdout.write(`miss ${score.case.id} ${score.repo} ${score.case.file}:${score.case.lines.join('-')} ${score.case.rule}${score.elsewhere ? ' (found elsewhere)' : ''}: ${score.case.reason}\n`);
      if (score.case.label === 'negative' && score.findingsInSpan.length > 0) process.stdout.write(`negative hit ${score.case.id} ${score.repo} ${score.case.file}:${score.case.lines.join('-')}: ${score.findingsInSpan.map((finding) => finding.ruleId).join(', ')}\n`);
    }
  }

  for (const [count, possible, name] of [[options.sample, false, 'sample.json'], [options.samplePossible, true, 'sample-possible.json']] as const) {
    if (count === 0) continue;
    const pools = entries.map((entry) => (findingsByRepo.get(entry.repo) ?? []).filter((finding) => !finding.suppressed && isPossible(finding) === possible).sort((a, b) => judgedKey(a).localeCompare(judgedKey(b))));
    const sample = stratifiedSample(pools, count, options.seed);
    const verdicts = new Map(judged.map((entry) => [judgedKey(entry), entry]));
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    fs.writeFileSync(path.join(RESULTS_DIR, name), `${JSON.stringify(sample.map((finding) => ({ repo: finding.repo, ruleId: finding.ruleId, file: finding.file, line: finding.line, message: finding.message, verdict: verdicts.get(judgedKey(finding))?.verdict ?? null, reason: verdicts.get(judgedKey(finding))?.reason ?? '' })), null, 2)}\n`);
    for (const [index, finding] of sample.entries()) {
      const entry = entries.find((candidate) => candidate.repo === finding.repo) as RepoEntry;
      const verdict = verdicts.get(judgedKey(finding));
      process.stdout.write(`\n#${index + 1} ${finding.repo} ${finding.file}:${finding.line} [${finding.ruleId}]${verdict === undefined ? '' : ` judged ${verdict.verdict}: ${verdict.reason}`}\n  ${finding.message}\n${context(entry, finding)}\n`);
    }
  }
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(path.join(RESULTS_DIR, 'last-run.json'), `${JSON.stringify({ date: new Date().toISOString(), seconds: (Date.now() - started) / 1000, runs, scores: scores.map((score) => ({ id: score.case.id, repo: score.repo, label: score.case.label, category: score.case.category, shape: score.case.shape, strict: score.strict, elsewhere: score.elsewhere, hits: score.findingsInSpan.map((finding) => finding.ruleId) })) }, null, 2)}\n`);
  log(`eval:real: ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`eval:real: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  });
}
