/**
 * `classified check --workspace`: the adoption filters of `check` applied to a workspace.
 * `--changed` and path arguments first pick the packages that own a changed or named file — only
 * those are analysed, each focused on those files as `--changed` is for one project — so a
 * pre-commit check of one staged file costs one package's analysis, not the repository's.
 * `--baseline NAME` is per package: `<package>/NAME`, with paths relative to the package, as
 * `classified baseline NAME --workspace` writes it; a package without one has all its findings
 * reported.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Finding, RuleDefinition, SourceFileCache, Unseen } from '../engine/index.js';
import { analyzeWorkspace } from './analyze-workspace.js';
import { checkPathsInsideProject, combineFocus, filterByPaths, isUnderPaths } from './path-filters.js';
import { prepareSelection, type SelectOptions } from './select-findings.js';
import type { PackageReport } from './summarize-findings.js';
import { toRelativePath } from './to-relative-path.js';
import { getOwningPackage, type Workspace, type WorkspacePackage } from './workspace.js';

export interface WorkspaceCheckOptions extends SelectOptions {
  readonly config?: string;
  readonly rules: readonly RuleDefinition[];
  /** declaration files parsed by earlier runs in this process (see `AnalyzeWorkspaceOptions.sourceFiles`) */
  readonly sourceFiles?: SourceFileCache;
  readonly explainUnresolved?: boolean;
}

export interface WorkspaceCheck {
  /** the reported findings of every package, packages in folder order */
  readonly findings: readonly Finding[];
  /** every package, analysed or not, in folder order */
  readonly packages: readonly PackageReport[];
  readonly filesAnalyzed: number;
  /** files read for summaries that no package reports */
  readonly filesReadNotReported: number;
  /** what the filters left out and why, one line each */
  readonly notes: readonly string[];
  readonly diagnostics: readonly { readonly file: string; readonly message: string }[];
  readonly unseen: Unseen;
}

/** Checks the packages of `workspace` that `paths` and `--changed` select. */
export function checkWorkspace(workspace: Workspace, paths: readonly string[], options: WorkspaceCheckOptions, cwd: string): WorkspaceCheck {
  checkPathsInsideProject(paths, workspace.root, cwd);
  const { select: selectChanged, focus: changedFocus, changedFiles } = prepareSelection(omitBaseline(options), workspace.root);
  const notes: string[] = [];
  const packagesWithChanges = changedFiles === undefined ? undefined : getPackagesWithChanges(workspace, changedFiles, cwd, notes);
  const isSelected = (workspacePackage: WorkspacePackage): boolean =>
    (packagesWithChanges === undefined || packagesWithChanges.has(workspacePackage)) &&
    (paths.length === 0 || paths.some((entry) => overlaps(path.resolve(cwd, entry), workspacePackage.dir)));
  const focus = combineFocus(changedFocus, paths.length === 0 ? undefined : (file) => isUnderPaths(file, paths, cwd));
  const getBaselineFile = (workspacePackage: WorkspacePackage): string | undefined => {
    const file = options.baseline === undefined ? undefined : path.resolve(workspacePackage.dir, options.baseline);
    return file !== undefined && fs.existsSync(file) ? file : undefined;
  };
  const analysis = analyzeWorkspace(workspace, {
    config: options.config,
    rules: options.rules,
    fingerprints: options.baseline !== undefined,
    isSelected,
    sourceFiles: options.sourceFiles,
    explainUnresolved: options.explainUnresolved,
    // a package's baseline tells which baselined findings are fixed, so that package needs all its findings
    getFocus: (workspacePackage) => (getBaselineFile(workspacePackage) === undefined ? focus : undefined),
  });

  const all = analysis.packages.flatMap((result) => filterByPaths(result.findings, paths, cwd));
  const changedSelection = selectChanged(all, new Map());
  notes.push(...changedSelection.notes);
  const kept = new Set(changedSelection.findings);
  const withoutBaseline: string[] = [];
  const reports: PackageReport[] = [];
  for (const result of analysis.packages) {
    let findings = result.findings.filter((finding) => kept.has(finding));
    if (options.baseline !== undefined) {
      const baselineFile = getBaselineFile(result.workspacePackage);
      if (baselineFile !== undefined) {
        const baselineSelection = prepareSelection({ baseline: baselineFile }, result.workspacePackage.dir).select(findings, result.fingerprints);
        notes.push(...baselineSelection.notes);
        findings = [...baselineSelection.findings];
      } else {
        withoutBaseline.push(result.workspacePackage.relativeDir);
      }
    }
    reports.push(toReport(result.workspacePackage, 'checked', result.filesAnalyzed, findings));
  }
  if (withoutBaseline.length > 0) {
    notes.push(`--baseline: no ${options.baseline} in ${withoutBaseline.length === 1 ? 'package' : `${withoutBaseline.length} packages`} ${withoutBaseline.join(', ')}; all their findings are reported`);
  }
  for (const workspacePackage of analysis.notSelected) reports.push(toReport(workspacePackage, 'not-selected', 0, []));
  for (const workspacePackage of analysis.withoutTsconfig) reports.push(toReport(workspacePackage, 'no-tsconfig', 0, []));
  reports.sort((a, b) => a.path.localeCompare(b.path));
  return {
    findings: reports.flatMap((report) => report.findings),
    packages: reports,
    filesAnalyzed: analysis.packages.reduce((sum, result) => sum + result.filesAnalyzed, 0),
    filesReadNotReported: analysis.filesReadNotReported.length,
    notes,
    diagnostics: analysis.diagnostics,
    unseen: analysis.unseen,
  };
}

/** The packages owning a changed TypeScript file; changed TypeScript files outside every package are noted. */
function getPackagesWithChanges(workspace: Workspace, changedFiles: ReadonlySet<string>, cwd: string, notes: string[]): Set<WorkspacePackage> {
  const owners = new Set<WorkspacePackage>();
  const outside: string[] = [];
  for (const file of changedFiles) {
    const owner = getOwningPackage(workspace.packages, file);
    if (owner !== undefined) owners.add(owner);
    else if (/\.[cm]?tsx?$/.test(file)) outside.push(toRelativePath(file, cwd));
  }
  if (outside.length > 0) {
    notes.push(`--changed: ${outside.length === 1 ? '1 changed TypeScript file is' : `${outside.length} changed TypeScript files are`} in no workspace package and not checked: ${outside.slice(0, 5).join(', ')}${outside.length > 5 ? ', …' : ''}`);
  }
  return owners;
}

function omitBaseline(options: SelectOptions): SelectOptions {
  return { ...(options.changed === undefined ? {} : { changed: options.changed }), ...(options.base === undefined ? {} : { base: options.base }) };
}

/** Whether a path argument and a package folder overlap: one contains the other. */
function overlaps(entry: string, dir: string): boolean {
  const isInside = (child: string, parent: string): boolean => {
    const relative = path.relative(parent, child);
    return !relative.startsWith('..') && !path.isAbsolute(relative);
  };
  return isInside(entry, dir) || isInside(dir, entry);
}

function toReport(workspacePackage: WorkspacePackage, status: PackageReport['status'], filesAnalyzed: number, findings: readonly Finding[]): PackageReport {
  return { name: workspacePackage.name, path: workspacePackage.relativeDir, status, filesAnalyzed, findings };
}
