/**
 * What `check` and `baseline` analyse: the tsconfig `--project` names, or — with `--workspace`,
 * or when the tsconfig at a workspace root is a base config without files (or there is none) —
 * the workspace's packages one by one. A root tsconfig without `files`/`include` makes TypeScript
 * take every file under it, which in a monorepo is every app and library compiled as one program
 * under the base options; that is never done silently: the run says which way it goes.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { ProjectError, resolveTsconfigPath } from '../engine/index.js';
import { toRelativePath } from './to-relative-path.js';
import { CliUsageError } from './usage-error.js';
import { getWorkspace, type Workspace } from './workspace.js';

export type CheckTarget =
  | { readonly kind: 'project'; readonly tsconfigPath: string; readonly notes: readonly string[] }
  | { readonly kind: 'workspace'; readonly workspace: Workspace; readonly notes: readonly string[] };

export interface CheckTargetOptions {
  /** `--project` */
  readonly project: string;
  /** whether `--project` was given (not its default `tsconfig.json`) */
  readonly projectGiven: boolean;
  /** `--workspace` */
  readonly workspace?: boolean;
}

/**
 * Decides between one project and a workspace check; `notes` say what was decided and why.
 * @throws ProjectError, WorkspaceError or CliUsageError with a message that names the file
 */
export function resolveCheckTarget(options: CheckTargetOptions, cwd: string): CheckTarget {
  if (options.workspace === true) {
    const root = getProjectFolder(options.project, options.projectGiven);
    const workspace = getWorkspace(root);
    if (workspace === undefined) {
      throw new CliUsageError(`--workspace: ${toFolderName(root, cwd)} declares no workspace (no pnpm-workspace.yaml, package.json "workspaces", lerna.json or nx.json)`);
    }
    return { kind: 'workspace', workspace, notes: describeWorkspace(workspace, cwd) };
  }
  let tsconfigPath: string;
  try {
    tsconfigPath = resolveTsconfigPath(options.project);
  } catch (error) {
    const workspace = error instanceof ProjectError && !options.projectGiven ? getWorkspace(cwd) : undefined;
    if (workspace === undefined) throw error;
    return {
      kind: 'workspace',
      workspace,
      notes: [`no tsconfig.json here: ${describeWorkspaceRun(workspace)}`, ...describeWorkspace(workspace, cwd)],
    };
  }
  if (!hasNoFilesOrInclude(tsconfigPath)) return { kind: 'project', tsconfigPath, notes: [] };
  const name = toRelativePath(tsconfigPath, cwd);
  const workspace = getWorkspace(path.dirname(tsconfigPath));
  if (workspace === undefined) {
    return {
      kind: 'project',
      tsconfigPath,
      notes: [`${name} has no "files" or "include": analysing every TypeScript file under ${toFolderName(path.dirname(tsconfigPath), cwd)} as one program; name a package's tsconfig with --project, or list the packages in a solution tsconfig (docs/monorepo.md)`],
    };
  }
  return {
    kind: 'workspace',
    workspace,
    notes: [`${name} has no "files" or "include" (a base config, not a project): ${describeWorkspaceRun(workspace)}`, ...describeWorkspace(workspace, cwd)],
  };
}

/**
 * Whether a tsconfig's own JSON lists no `files`, `include` or `references`: TypeScript then
 * compiles every file under its folder. (An `include` inherited through `extends` is rare at a
 * workspace root and not looked for.) Unreadable files answer false: loading them reports why.
 */
function hasNoFilesOrInclude(tsconfigPath: string): boolean {
  const { config } = ts.readConfigFile(tsconfigPath, (file) => ts.sys.readFile(file));
  if (typeof config !== 'object' || config === null) return false;
  return !('files' in config) && !('include' in config) && !('references' in config);
}

function describeWorkspaceRun(workspace: Workspace): string {
  const checked = workspace.packages.filter((workspacePackage) => workspacePackage.tsconfig !== undefined).length;
  return `checking the ${checked} packages with a tsconfig.json declared by ${workspace.declaredBy.join(' and ')} one by one (--workspace)`;
}

/** What is odd about the workspace: globs that match nothing. */
function describeWorkspace(workspace: Workspace, cwd: string): string[] {
  const notes = workspace.unmatchedPatterns.map(({ pattern, declaredIn }) => `${toRelativePath(declaredIn, cwd)}: "${pattern}" matches no package folder`);
  if (!workspace.packages.some((workspacePackage) => workspacePackage.tsconfig !== undefined)) {
    notes.push(`${workspace.declaredBy.join(', ')}: no workspace package has a tsconfig.json; nothing to check`);
  }
  return notes;
}

/** The folder `--project` names: itself, the tsconfig's folder, or the working directory for a default that does not exist. */
function getProjectFolder(project: string, projectGiven: boolean): string {
  const resolved = path.resolve(project);
  const stat = fs.statSync(resolved, { throwIfNoEntry: false });
  if (stat === undefined) {
    if (projectGiven) throw new ProjectError(`${project}: no such file or directory (expected a workspace root, or a tsconfig.json in one)`);
    return process.cwd();
  }
  return stat.isDirectory() ? resolved : path.dirname(resolved);
}

/** A folder as the messages name it: relative to the working directory, `.` for the directory itself. */
function toFolderName(dir: string, cwd: string): string {
  return path.relative(cwd, dir) === '' ? '.' : toRelativePath(dir, cwd);
}
