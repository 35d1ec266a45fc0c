/**
 * `check --workspace`: analyses a monorepo package by package — one Program per package
 * tsconfig (a package's solution tsconfig is expanded as `check --project` does), never the
 * root's base config as one whole-repository Program. Parsed files (`lib.*.d.ts`, `@types`,
 * shared libraries, and a package's sources that its dependents compile too) are shared between
 * the Programs. Workspace packages linked into node_modules count as sources, not libraries, so
 * brands and function summaries flow from a package into its dependents without references or a
 * build. A package's Program may so include other packages' sources; each Program is focused on
 * the files its package owns (the deepest package folder containing a file), so every finding is
 * reported once, by that package, and other packages' files are analysed only as far as calls
 * reach into them. Function summaries themselves are per Program (they hang on its type checker).
 */
import path from 'node:path';
import { createSourceFileCache, mergeUnseen, type Finding, type RuleDefinition, type SourceFileCache, type Unseen } from '../engine/index.js';
import { analyzeProjects } from './load-projects.js';
import { getOwningPackage, type Workspace, type WorkspacePackage } from './workspace.js';

export interface AnalyzeWorkspaceOptions {
  /** `--config`: one config file for every package (default: the nearest to each tsconfig) */
  readonly config?: string;
  readonly rules: readonly RuleDefinition[];
  /** compute baseline fingerprints (relative to each package's folder) */
  readonly fingerprints?: boolean;
  /** per package, the files whose findings are wanted (`--changed`, paths; see `AnalyzeOptions.focus`), undefined for all */
  readonly getFocus?: (workspacePackage: WorkspacePackage) => ((fileName: string) => boolean) | undefined;
  /** the packages to analyse (default: every package with a tsconfig) */
  readonly isSelected?: (workspacePackage: WorkspacePackage) => boolean;
  /** declaration files parsed by earlier runs in this process, reused (the tests run many commands in one) */
  readonly sourceFiles?: SourceFileCache;
  /** `--explain-unresolved` (see `AnalyzeProjectsOptions.explainUnresolved`) */
  readonly explainUnresolved?: boolean;
}

export interface PackageAnalysis {
  readonly workspacePackage: WorkspacePackage;
  readonly tsconfig: string;
  /** the findings in this package's files, each reported by no other package */
  readonly findings: readonly Finding[];
  /** files analysed for this package that it owns */
  readonly filesAnalyzed: number;
  /** baseline fingerprint of each finding, relative to the package folder, when asked for */
  readonly fingerprints: ReadonlyMap<Finding, string>;
}

export interface WorkspaceAnalysis {
  readonly packages: readonly PackageAnalysis[];
  /** packages without a tsconfig.json: nothing to analyse */
  readonly withoutTsconfig: readonly WorkspacePackage[];
  /** packages with a tsconfig that `isSelected` left out */
  readonly notSelected: readonly WorkspacePackage[];
  /** files some package read for summaries that no package reports (outside every package tsconfig's `files`/`include`) */
  readonly filesReadNotReported: readonly string[];
  readonly diagnostics: readonly { readonly file: string; readonly message: string }[];
  /** what the packages could not see in their own files (see `ProjectsAnalysis.unseen`) */
  readonly unseen: Unseen;
}

/** Analyses every selected package of `workspace` and assigns each finding to the package owning its file. */
export function analyzeWorkspace(workspace: Workspace, options: AnalyzeWorkspaceOptions): WorkspaceAnalysis {
  // the packages' sources too, for this run only: a package's dependents compile them as well
  const sourceFiles = createSourceFileCache({ keepSources: true, parent: options.sourceFiles });
  const reported = new Set<string>();
  const analysedFiles = new Set<string>();
  const readFiles = new Set<string>();
  const packages: PackageAnalysis[] = [];
  const notSelected: WorkspacePackage[] = [];
  const diagnostics: { file: string; message: string }[] = [];
  const seenDiagnostics = new Set<string>();
  const unseen: Unseen[] = [];
  // a file outside every package (a root script some package includes) goes to the first package that analyses it
  const isOwnedBy = (file: string, workspacePackage: WorkspacePackage): boolean => {
    const owner = getOwningPackage(workspace.packages, path.resolve(file));
    return owner === undefined ? !analysedFiles.has(path.resolve(file)) : owner === workspacePackage;
  };
  for (const workspacePackage of workspace.packages) {
    const { tsconfig } = workspacePackage;
    if (tsconfig === undefined) continue;
    if (options.isSelected !== undefined && !options.isSelected(workspacePackage)) {
      notSelected.push(workspacePackage);
      continue;
    }
    // other packages' files are theirs to report: analysed here only as far as this package's files reach into them
    const isOwnFile = (file: string): boolean => isOwnedBy(file, workspacePackage);
    const focus = options.getFocus?.(workspacePackage);
    const result = analyzeProjects(tsconfig, {
      config: options.config,
      rules: options.rules,
      sourceFiles,
      linkedPackagesAsSources: true,
      ...(options.fingerprints === undefined ? {} : { fingerprints: options.fingerprints }),
      ...(options.explainUnresolved === true ? { explainUnresolved: true } : {}),
      focus: focus === undefined ? isOwnFile : (file) => isOwnFile(file) && focus(file),
    });
    const findings: Finding[] = [];
    for (const finding of result.findings) {
      const key = `${finding.ruleId}\0${finding.file}\0${finding.start}\0${finding.end}`;
      if (reported.has(key) || !isOwnedBy(finding.file, workspacePackage)) continue;
      reported.add(key);
      findings.push(finding);
    }
    const ownFiles = result.files.filter((file) => isOwnedBy(file, workspacePackage));
    unseen.push(result.unseen);
    for (const file of ownFiles) analysedFiles.add(path.resolve(file));
    for (const file of [...result.files, ...result.filesReadNotReported]) readFiles.add(path.resolve(file));
    for (const diagnostic of result.diagnostics) {
      const key = `${diagnostic.file}\0${diagnostic.message}`;
      if (seenDiagnostics.has(key)) continue;
      seenDiagnostics.add(key);
      diagnostics.push(diagnostic);
    }
    packages.push({ workspacePackage, tsconfig, findings, filesAnalyzed: ownFiles.length, fingerprints: result.fingerprints });
  }
  const withoutTsconfig = workspace.packages.filter((workspacePackage) => workspacePackage.tsconfig === undefined);
  const filesReadNotReported = [...readFiles].filter((file) => !analysedFiles.has(file));
  return { packages, withoutTsconfig, notSelected, filesReadNotReported, diagnostics, unseen: mergeUnseen(unseen) };
}
