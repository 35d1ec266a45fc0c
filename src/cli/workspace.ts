/**
 * Finds the packages of a JavaScript monorepo from what its tools declare: `pnpm-workspace.yaml`,
 * the `workspaces` field of package.json (npm, yarn, bun — Turborepo reads the same), `lerna.json`
 * and Nx (`project.json` files next to `nx.json`). A workspace root's own tsconfig is usually a
 * base config without files, so `check` and `init` work per package instead (one Program each).
 * Globs are matched with picomatch against folders that hold a package manifest; folders are
 * walked only as deep as the globs reach, never into node_modules or hidden folders. A manifest
 * that cannot be read is an error naming the file; a glob matching nothing is only noted.
 */
import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { CliUsageError } from './usage-error.js';

export class WorkspaceError extends CliUsageError {}

export interface WorkspacePackage {
  /** the package.json `name`, else the folder relative to the workspace root */
  readonly name: string;
  /** absolute, real path of the package folder */
  readonly dir: string;
  /** folder relative to the workspace root, `/`-separated */
  readonly relativeDir: string;
  /** `<dir>/tsconfig.json` when it exists */
  readonly tsconfig?: string;
}

export interface Workspace {
  readonly root: string;
  /** what declared the packages: `pnpm-workspace.yaml`, `package.json workspaces`, `lerna.json`, `nx.json` */
  readonly declaredBy: readonly string[];
  /** task runners found next to the workspace (`turbo.json`, `nx.json`), for display */
  readonly taskRunners: readonly string[];
  /** every package, sorted by folder */
  readonly packages: readonly WorkspacePackage[];
  /** globs that matched no package folder, with the file that declares them */
  readonly unmatchedPatterns: readonly { readonly pattern: string; readonly declaredIn: string }[];
}

/** How deep `**` globs are followed: deeper packages are rare, and walking further is slow on large repositories. */
const MAX_GLOBSTAR_DEPTH = 6;
/** Nx finds projects anywhere; the same depth bound applies. */
const NX_PROJECT_PATTERN = '**';

/**
 * The workspace rooted at `root`, or undefined when nothing there declares packages.
 * @throws WorkspaceError when a workspace manifest cannot be parsed or has the wrong shape
 */
export function getWorkspace(root: string): Workspace | undefined {
  const declaredBy: string[] = [];
  const patterns: { pattern: string; declaredIn: string }[] = [];
  const addPatterns = (list: readonly string[], declaredIn: string): void => {
    for (const pattern of list) patterns.push({ pattern, declaredIn });
  };
  const pnpmFile = path.join(root, 'pnpm-workspace.yaml');
  if (fs.existsSync(pnpmFile)) {
    declaredBy.push('pnpm-workspace.yaml');
    addPatterns(readPnpmPatterns(pnpmFile), pnpmFile);
  }
  const packageJsonFile = path.join(root, 'package.json');
  const packageJson = fs.existsSync(packageJsonFile) ? readJsonObject(packageJsonFile) : undefined;
  const npmPatterns = getPackageJsonWorkspaces(packageJson, packageJsonFile);
  if (npmPatterns !== undefined) {
    declaredBy.push('package.json workspaces');
    addPatterns(npmPatterns, packageJsonFile);
  }
  const lernaFile = path.join(root, 'lerna.json');
  if (fs.existsSync(lernaFile)) {
    const lerna = readJsonObject(lernaFile);
    const lernaPatterns = lerna.packages === undefined ? (patterns.length === 0 ? ['packages/*'] : []) : toStringList(lerna.packages, lernaFile, 'packages');
    if (lernaPatterns.length > 0) {
      declaredBy.push('lerna.json');
      addPatterns(lernaPatterns, lernaFile);
    }
  }
  const hasNx = fs.existsSync(path.join(root, 'nx.json'));
  if (hasNx) declaredBy.push('nx.json');
  const taskRunners = ['turbo.json', 'nx.json'].filter((name) => fs.existsSync(path.join(root, name)));
  if (declaredBy.length === 0) return undefined;

  const realRoot = fs.realpathSync.native(root);
  const found = new Map<string, WorkspacePackage>();
  const unmatchedPatterns: { pattern: string; declaredIn: string }[] = [];
  const positive = patterns.filter(({ pattern }) => !pattern.startsWith('!')).map((entry) => ({ ...entry, pattern: normalizePattern(entry.pattern) }));
  const excluded = patterns.filter(({ pattern }) => pattern.startsWith('!')).map(({ pattern }) => normalizePattern(pattern.slice(1)));
  const isExcluded = excluded.length === 0 ? () => false : picomatch(excluded, { dot: false });
  const candidates = listFolders(realRoot, Math.max(0, ...positive.map(({ pattern }) => getPatternDepth(pattern)), hasNx ? MAX_GLOBSTAR_DEPTH : 0));
  const addMatches = (pattern: string, manifest: string): number => {
    const isMatch = picomatch(pattern, { dot: false });
    let matched = 0;
    for (const relativeDir of candidates) {
      if (!isMatch(relativeDir) || isExcluded(relativeDir) || !fs.existsSync(path.join(realRoot, relativeDir, manifest))) continue;
      matched++;
      if (!found.has(relativeDir)) found.set(relativeDir, toPackage(realRoot, relativeDir));
    }
    return matched;
  };
  for (const entry of positive) {
    if (addMatches(entry.pattern, 'package.json') === 0) unmatchedPatterns.push(entry);
  }
  if (hasNx) addMatches(NX_PROJECT_PATTERN, 'project.json');
  const packages = [...found.values()].sort((a, b) => a.relativeDir.localeCompare(b.relativeDir));
  return { root: realRoot, declaredBy, taskRunners, packages, unmatchedPatterns };
}

/**
 * The package that owns `file` (an absolute, real path): the deepest package folder containing
 * it, so a package nested in another owns its own files. Undefined for files outside every package.
 */
export function getOwningPackage<P extends WorkspacePackage>(packages: readonly P[], file: string): P | undefined {
  let owner: P | undefined;
  for (const candidate of packages) {
    const relative = path.relative(candidate.dir, file);
    const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
    if (inside && (owner === undefined || candidate.dir.length > owner.dir.length)) owner = candidate;
  }
  return owner;
}

function readPnpmPatterns(file: string): string[] {
  let document: unknown;
  try {
    document = parseYaml(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos !== undefined ? `:${error.linePos[0].line}` : '';
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new WorkspaceError(`${file}${where}: not valid YAML (${reason})`);
  }
  if (document === null || document === undefined) return [];
  if (typeof document !== 'object' || Array.isArray(document)) throw new WorkspaceError(`${file}: expected a mapping with a "packages" list`);
  const packages = (document as Record<string, unknown>).packages;
  return packages === undefined ? [] : toStringList(packages, file, 'packages');
}

/** npm and bun: `"workspaces": [...]`; yarn classic also `"workspaces": { "packages": [...] }`. */
function getPackageJsonWorkspaces(packageJson: Record<string, unknown> | undefined, file: string): string[] | undefined {
  const workspaces = packageJson?.workspaces;
  if (workspaces === undefined) return undefined;
  if (Array.isArray(workspaces)) return toStringList(workspaces, file, 'workspaces');
  if (typeof workspaces === 'object' && workspaces !== null && 'packages' in workspaces) {
    return toStringList((workspaces as { packages: unknown }).packages, file, 'workspaces.packages');
  }
  throw new WorkspaceError(`${file}: "workspaces" must be a list of globs or { "packages": [...] }`);
}

function readJsonObject(file: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new WorkspaceError(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new WorkspaceError(`${file}: expected a JSON object`);
  return value as Record<string, unknown>;
}

function toStringList(value: unknown, file: string, key: string): string[] {
  if (!Array.isArray(value) || value.some((entry) => typeof entry !== 'string')) {
    throw new WorkspaceError(`${file}: "${key}" must be a list of folder globs (strings)`);
  }
  return value as string[];
}

function normalizePattern(pattern: string): string {
  return pattern.trim().replace(/^\.\//, '').replace(/\/+$/, '');
}

function getPatternDepth(pattern: string): number {
  return pattern.includes('**') ? MAX_GLOBSTAR_DEPTH : pattern.split('/').length;
}

/** Folders under `root` (relative, `/`-separated) down to `maxDepth`, without node_modules and hidden folders. */
function listFolders(root: string, maxDepth: number): string[] {
  const folders: string[] = [];
  const walk = (relative: string, depth: number): void => {
    if (depth >= maxDepth) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(root, relative), { withFileTypes: true });
    } catch {
      return; // unreadable folder: not a package
    }
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      folders.push(child);
      walk(child, depth + 1);
    }
  };
  walk('', 0);
  return folders;
}

function toPackage(root: string, relativeDir: string): WorkspacePackage {
  const dir = path.join(root, ...relativeDir.split('/'));
  let name = relativeDir;
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown };
    if (typeof manifest.name === 'string' && manifest.name !== '') name = manifest.name;
  } catch {
    // no or unreadable package.json (an Nx project.json folder): named by its folder
  }
  const tsconfig = path.join(dir, 'tsconfig.json');
  return { name, dir, relativeDir, ...(fs.existsSync(tsconfig) ? { tsconfig } : {}) };
}
