/**
 * Summarises V8 `.cpuprofile` files (from `node --cpu-prof`): self time and total (inclusive) time
 * per function, keyed by function name + file + line, sorted by self time. Used to see which
 * engine functions dominate `classified check` (see docs/performance.md).
 *
 *   node dist/scripts/summarize-cpu-profile.js [--top 30] [--by file] <profile.cpuprofile>...
 *
 * `--by file` aggregates self time per script instead. `--by caller` charges every sample to the
 * innermost function of this repository (`dist/`) on its stack, so TypeScript checker work shows up
 * under the engine function that asked for it (its "self" column is then self + callees outside
 * dist/).
 */
import fs from 'node:fs';
import path from 'node:path';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
  readonly columnNumber: number;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples?: readonly number[];
  readonly timeDeltas?: readonly number[];
}

export interface FunctionTime {
  readonly key: string;
  readonly name: string;
  readonly location: string;
  selfMs: number;
  totalMs: number;
}

function shortUrl(url: string): string {
  if (url === '') return '(native)';
  const file = url.startsWith('file://') ? decodeURIComponent(new URL(url).pathname) : url;
  const root = process.cwd() + path.sep;
  return file.startsWith(root) ? file.slice(root.length) : file;
}

/** Self and inclusive time per function of one profile (inclusive time counts recursion once). */
export function summarizeProfile(profile: CpuProfile, by: 'function' | 'file' | 'caller' = 'function'): { functions: FunctionTime[]; totalMs: number } {
  const byFile = by === 'file';
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // the delta of sample i+1 is the time spent in sample i
  for (let i = 0; i < samples.length; i++) {
    const id = samples[i] as number;
    const delta = deltas[i + 1] ?? 0;
    selfUs.set(id, (selfUs.get(id) ?? 0) + Math.max(0, delta));
  }
  const keyOf = (node: ProfileNode): { key: string; name: string; location: string } => {
    const frame = node.callFrame;
    const file = shortUrl(frame.url);
    if (byFile) return { key: file, name: file, location: file };
    const name = frame.functionName === '' ? '(anonymous)' : frame.functionName;
    const location = frame.url === '' ? file : `${file}:${frame.lineNumber + 1}`;
    return { key: `${name} ${location}`, name, location };
  };
  const table = new Map<string, FunctionTime>();
  let totalUs = 0;
  for (const [id, us] of selfUs) {
    totalUs += us;
    let node = nodes.get(id);
    if (node === undefined) continue;
    if (by === 'caller') {
      for (let current: number | undefined = id; current !== undefined; current = parents.get(current)) {
        const candidate = nodes.get(current);
        if (candidate !== undefined && /\/dist\/(src|rules)\//.test(candidate.callFrame.url)) {
          node = candidate;
          break;
        }
      }
    }
    const own = keyOf(node);
    const entry = table.get(own.key) ?? { ...own, selfMs: 0, totalMs: 0 };
    entry.selfMs += us / 1000;
    table.set(own.key, entry);
    // inclusive time: every distinct function on the stack of this sample
    const seen = new Set<string>();
    for (let current: number | undefined = id; current !== undefined; current = parents.get(current)) {
      const frameNode = nodes.get(current);
      if (frameNode === undefined) break;
      const frame = keyOf(frameNode);
      if (seen.has(frame.key)) continue;
      seen.add(frame.key);
      const inclusive = table.get(frame.key) ?? { ...frame, selfMs: 0, totalMs: 0 };
      inclusive.totalMs += us / 1000;
      table.set(frame.key, inclusive);
    }
  }
  return { functions: [...table.values()].sort((a, b) => b.selfMs - a.selfMs), totalMs: totalUs / 1000 };
}

function main(argv: readonly string[]): number {
  const topIndex = argv.indexOf('--top');
  const top = topIndex === -1 ? 30 : Number(argv[topIndex + 1]);
  const byIndex = argv.indexOf('--by');
  const byArgument = byIndex === -1 ? 'function' : argv[byIndex + 1];
  if (byArgument !== 'function' && byArgument !== 'file' && byArgument !== 'caller') {
    process.stderr.write('--by expects function, file or caller\n');
    return 2;
  }
  const by = byArgument;
  const byFile = by === 'file';
  const files = argv.filter((arg, index) => !arg.startsWith('--') && index !== topIndex + 1 && index !== byIndex + 1);
  if (files.length === 0 || !Number.isInteger(top)) {
    process.stderr.write('usage: node dist/scripts/summarize-cpu-profile.js [--top N] [--by function|file|caller] <profile.cpuprofile>...\n');
    return 2;
  }
  for (const file of files) {
    const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
    const { functions, totalMs } = summarizeProfile(profile, by);
    process.stdout.write(`${file}: ${(totalMs / 1000).toFixed(2)} s sampled\n`);
    process.stdout.write(`${'self ms'.padStart(9)} ${'self %'.padStart(7)} ${'total ms'.padStart(9)} ${'total %'.padStart(7)}  function  location\n`);
    for (const entry of functions.slice(0, top)) {
      const percent = (ms: number): string => `${((100 * ms) / totalMs).toFixed(1)}%`;
      process.stdout.write(
        `${entry.selfMs.toFixed(0).padStart(9)} ${percent(entry.selfMs).padStart(7)} ${entry.totalMs.toFixed(0).padStart(9)} ${percent(entry.totalMs).padStart(7)}  ${byFile ? entry.location : `${entry.name}  ${entry.location}`}\n`,
      );
    }
    if (by === 'function') {
      const repository = functions.filter((entry) => !entry.location.includes('node_modules') && entry.location.startsWith('dist/'));
      const engineSelf = repository.reduce((sum, entry) => sum + entry.selfMs, 0);
      const typescriptSelf = functions.filter((entry) => entry.location.includes('node_modules/typescript/')).reduce((sum, entry) => sum + entry.selfMs, 0);
      process.stdout.write(`self time in dist/ (classified): ${engineSelf.toFixed(0)} ms (${((100 * engineSelf) / totalMs).toFixed(1)}%); in typescript: ${typescriptSelf.toFixed(0)} ms (${((100 * typescriptSelf) / totalMs).toFixed(1)}%)\n`);
    }
  }
  return 0;
}

if (typeof module !== 'undefined' && require.main === module) process.exitCode = main(process.argv.slice(2));
