/**
 * Application packages: a package that offers nothing to other code — its package.json names no
 * entry (`main`, `exports`, `bin`, ...) and no package of its workspace depends on it — runs only
 * what its own code calls and what its framework calls by convention. A library's export may be
 * another package's API; an application's export that nothing in it uses is left-behind code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readJson } from './project.js';

/** package.json fields through which a package offers code to others */
const ENTRY_FIELDS: readonly string[] = ['main', 'exports', 'module', 'types', 'typings', 'bin', 'browser'];
const DEPENDENCY_FIELDS: readonly string[] = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];
/** folders no workspace package lives in */
const NON_PACKAGE_FOLDERS: ReadonlySet<string> = new Set(['node_modules', 'dist', 'build', 'out', 'coverage']);
/** workspace packages sit a few folders below the root (`packages/*`, `apps/web`, `packages/group/name`) */
const MAX_WORKSPACE_DEPTH = 4;

export class ApplicationPackages {
  /** folder → the package.json that governs it (null: none up to the filesystem root) */
  private readonly manifestByFolder = new Map<string, string | null>();
  private readonly answerByManifest = new Map<string, boolean>();
  private readonly dependencyNamesByWorkspace = new Map<string, ReadonlySet<string>>();

  /** Whether `fileName` belongs to an application package. */
  isApplicationFile(fileName: string): boolean {
    const manifest = this.findManifest(path.dirname(fileName));
    if (manifest === undefined) return false;
    let answer = this.answerByManifest.get(manifest);
    if (answer === undefined) {
      answer = this.isApplication(manifest);
      this.answerByManifest.set(manifest, answer);
    }
    return answer;
  }

  private isApplication(manifestPath: string): boolean {
    const manifest = readJson(manifestPath);
    if (manifest === undefined || ENTRY_FIELDS.some((field) => field in manifest)) return false;
    const name = manifest['name'];
    if (typeof name !== 'string') return true;
    const root = findWorkspaceRoot(path.dirname(manifestPath));
    return root === undefined || !this.getWorkspaceDependencyNames(root).has(name);
  }

  private findManifest(folder: string): string | undefined {
    const cached = this.manifestByFolder.get(folder);
    if (cached !== undefined) return cached ?? undefined;
    const candidate = path.join(folder, 'package.json');
    const parent = path.dirname(folder);
    const found = fs.existsSync(candidate) ? candidate : parent === folder ? undefined : this.findManifest(parent);
    this.manifestByFolder.set(folder, found ?? null);
    return found;
  }

  /** Every package name a package.json of the workspace depends on. */
  private getWorkspaceDependencyNames(root: string): ReadonlySet<string> {
    let names = this.dependencyNamesByWorkspace.get(root);
    if (names === undefined) {
      const found = new Set<string>();
      collectDependencyNames(root, 0, found);
      names = found;
      this.dependencyNamesByWorkspace.set(root, names);
    }
    return names;
  }
}

/** The nearest folder at or above `folder` that declares a workspace (pnpm-workspace.yaml, or `workspaces` in package.json). */
function findWorkspaceRoot(folder: string): string | undefined {
  for (let current = folder; ; current = path.dirname(current)) {
    if (fs.existsSync(path.join(current, 'pnpm-workspace.yaml'))) return current;
    const manifest = readJson(path.join(current, 'package.json'));
    if (manifest !== undefined && 'workspaces' in manifest) return current;
    if (path.dirname(current) === current) return undefined;
  }
}

function collectDependencyNames(folder: string, depth: number, into: Set<string>): void {
  const manifest = readJson(path.join(folder, 'package.json'));
  for (const field of DEPENDENCY_FIELDS) {
    const dependencies = manifest?.[field];
    if (typeof dependencies === 'object' && dependencies !== null) for (const name of Object.keys(dependencies)) into.add(name);
  }
  if (depth >= MAX_WORKSPACE_DEPTH) return;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.isDirectory() && !entry.name.startsWith('.') && !NON_PACKAGE_FOLDERS.has(entry.name)) collectDependencyNames(path.join(folder, entry.name), depth + 1, into);
  }
}
