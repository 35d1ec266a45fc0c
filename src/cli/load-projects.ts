/**
 * What `--project` names, turned into analysed Programs: one tsconfig, or a solution tsconfig
 * (`"files": []` with `"references"`, the monorepo layout `tsc -b` builds) expanded into its
 * referenced projects — transitively, dependencies first, each once.
 *
 * Every project gets its own Program (`createProgramFromTsconfig`, so its own compiler options
 * and its own `classified.config.json`). A project with references is re-created so that its
 * imports of a referenced package resolve to that package's SOURCES instead of its (possibly
 * unbuilt) `.d.ts` outputs — what `tsserver`, and so typescript-eslint's `projectService`, do —
 * and imports of workspace packages symlinked into node_modules count as project code. Brands and
 * function summaries therefore flow across packages: a helper in package A that logs its
 * parameter makes package B's call passing an `Email` a finding in B. Each project reports the
 * findings in its own files only; findings in a referenced package are that package's to report.
 */
import path from 'node:path';
import ts from 'typescript';
import { analyzeProgram, createAnalysisCompilerHost, createProgramFromTsconfig, createSourceFileCache, mergeUnseen, ProjectError, type Finding, type RuleDefinition, type SourceFileCache, type Unseen } from '../engine/index.js';
import { findConfigFile, loadConfigFile, resolveConfig, type ResolvedConfig } from '../policy/config.js';
import { computeFingerprints } from './fingerprint.js';

export interface AnalyzeProjectsOptions {
  /** `--config`: one config file for every project (default: found next to each tsconfig or above) */
  readonly config?: string;
  readonly rules: readonly RuleDefinition[];
  /** compute a baseline fingerprint for every finding (costs one AST walk per finding) */
  readonly fingerprints?: boolean;
  /** `check --changed`: only findings in these files are wanted (see `AnalyzeOptions.focus`) */
  readonly focus?: (fileName: string) => boolean;
  /**
   * files parsed by other analyses, reused: a workspace check's packages, or the tests' runs
   * (default: declaration files shared by the projects of this call)
   */
  readonly sourceFiles?: SourceFileCache;
  /** see `ReferenceSourcesOptions.linkedPackagesAsSources` */
  readonly linkedPackagesAsSources?: boolean;
  /** `--explain-unresolved`: list the log-like and HTTP calls no sink matched */
  readonly explainUnresolved?: boolean;
}

export interface ProjectsAnalysis {
  /** findings of every project, deduplicated, projects in dependency order */
  readonly findings: readonly Finding[];
  /** files analysed and reported, each once */
  readonly files: readonly string[];
  /** files analysed for summaries that no project of the run reports (outside every tsconfig's `files`/`include`) */
  readonly filesReadNotReported: readonly string[];
  readonly diagnostics: readonly { readonly file: string; readonly message: string }[];
  /** imports that did not resolve and (when asked) calls no sink matched, in the projects' own files */
  readonly unseen: Unseen;
  /** the tsconfig files analysed, dependencies first */
  readonly projects: readonly string[];
  /** folder of the `--project` tsconfig: what fingerprints' file paths are relative to */
  readonly projectRoot: string;
  /** fingerprint of each finding, when asked for */
  readonly fingerprints: ReadonlyMap<Finding, string>;
}

/**
 * The tsconfig files to analyse for `tsconfigPath`: itself, or for a solution tsconfig every
 * referenced project with files, dependencies before their dependents.
 */
export function listProjects(tsconfigPath: string): string[] {
  const ordered: string[] = [];
  const done = new Set<string>();
  const inProgress = new Set<string>();
  const visit = (configPath: string, referencedFrom: string | undefined, isRoot: boolean): void => {
    const key = path.resolve(configPath);
    if (done.has(key) || inProgress.has(key)) return;
    inProgress.add(key);
    const parsed = readProjectFile(key, referencedFrom);
    const references = (parsed?.projectReferences ?? []).map((reference) => ts.resolveProjectReferencePath(reference));
    const isSolution = parsed !== undefined && parsed.fileNames.length === 0 && references.length > 0;
    if (isSolution || !isRoot) {
      for (const reference of references) visit(reference, key, false);
    }
    if (!isSolution) ordered.push(key);
    inProgress.delete(key);
    done.add(key);
  };
  visit(tsconfigPath, undefined, true);
  return ordered;
}

/** Analyses every project `tsconfigPath` stands for and merges the findings. */
export function analyzeProjects(tsconfigPath: string, options: AnalyzeProjectsOptions): ProjectsAnalysis {
  const projectRoot = path.dirname(path.resolve(tsconfigPath));
  const projects = listProjects(tsconfigPath);
  const sourceFiles = options.sourceFiles ?? createSourceFileCache();
  const configs = new Map<string, ResolvedConfig>();
  const getConfig = (project: string): ResolvedConfig => {
    const configPath = options.config === undefined ? findConfigFile(path.dirname(project)) : path.resolve(options.config);
    const key = configPath ?? '';
    let config = configs.get(key);
    if (config === undefined) {
      config = resolveConfig(configPath === undefined ? {} : loadConfigFile(configPath));
      configs.set(key, config);
    }
    return config;
  };
  const findings: Finding[] = [];
  const seenFindings = new Set<string>();
  const files = new Set<string>();
  const filesRead = new Set<string>();
  const diagnostics: { file: string; message: string }[] = [];
  const seenDiagnostics = new Set<string>();
  const fingerprints = new Map<Finding, string>();
  const unseen: Unseen[] = [];
  for (const project of projects) {
    const config = getConfig(project);
    const referenceOptions = { sourceFiles, ...(options.linkedPackagesAsSources === true ? { linkedPackagesAsSources: true } : {}) };
    const program = createProgramWithReferenceSources(createProgramFromTsconfig(project, sourceFiles), referenceOptions);
    const result = analyzeProgram(program, config, options.rules, { ...(options.focus === undefined ? {} : { focus: options.focus }), ...(options.explainUnresolved === true ? { explainUnresolved: true } : {}) });
    unseen.push(result.unseen);
    // the engine reports the project's own files only; the others' problems are their projects' to report
    const notOwn = new Set(result.filesReadNotReported);
    const projectFingerprints = options.fingerprints === true
      ? computeFingerprints(result.findings, { projectRoot, getSourceFile: (file) => program.getSourceFile(file) })
      : [];
    result.findings.forEach((finding, index) => {
      const key = `${finding.ruleId}\0${finding.file}\0${finding.start}\0${finding.end}`;
      if (seenFindings.has(key)) return;
      seenFindings.add(key);
      findings.push(finding);
      const fingerprint = projectFingerprints[index];
      if (fingerprint !== undefined) fingerprints.set(finding, fingerprint);
    });
    for (const file of result.files) files.add(file);
    for (const file of result.filesReadNotReported) filesRead.add(file);
    for (const diagnostic of result.diagnostics) {
      const key = `${diagnostic.file}\0${diagnostic.message}`;
      if (notOwn.has(diagnostic.file) || seenDiagnostics.has(key)) continue;
      seenDiagnostics.add(key);
      diagnostics.push(diagnostic);
    }
  }
  const filesReadNotReported = [...filesRead].filter((file) => !files.has(file));
  return { findings, files: [...files], filesReadNotReported, diagnostics, unseen: mergeUnseen(unseen), projects, projectRoot, fingerprints };
}

/** Parses a tsconfig only to read its files and references; problems are left to `createProgramFromTsconfig`. */
function readProjectFile(configPath: string, referencedFrom: string | undefined): ts.ParsedCommandLine | undefined {
  if (!ts.sys.fileExists(configPath)) {
    if (referencedFrom !== undefined) throw new ProjectError(`${referencedFrom}: referenced project ${configPath} does not exist`);
    return undefined;
  }
  let unrecoverable = false;
  const host: ts.ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: () => {
      unrecoverable = true;
    },
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, { noEmit: true }, host);
  return unrecoverable ? undefined : parsed;
}

type HostWithReferenceSources = ts.CompilerHost & { useSourceOfProjectReferenceRedirect?: () => boolean };

export interface ReferenceSourcesOptions {
  /** files parsed by other Programs of the run, reused */
  readonly sourceFiles?: SourceFileCache;
  /**
   * Re-create the Program even without references, so that workspace packages linked into
   * node_modules count as project code (`check --workspace`: packages rarely declare references).
   */
  readonly linkedPackagesAsSources?: boolean;
}

/**
 * For a Program with project references, the same Program with the references' sources in place
 * of their declaration outputs (parsed files are reused, nothing is read twice). Without
 * references the Program is returned as is, unless `linkedPackagesAsSources`.
 */
export function createProgramWithReferenceSources(program: ts.Program, referenceOptions: ReferenceSourcesOptions = {}): ts.Program {
  const projectReferences = program.getProjectReferences();
  const hasReferences = projectReferences !== undefined && projectReferences.length > 0;
  if (!hasReferences && referenceOptions.linkedPackagesAsSources !== true) return program;
  const options = program.getCompilerOptions();
  const host: HostWithReferenceSources = createAnalysisCompilerHost(options, referenceOptions.sourceFiles);
  const readSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) =>
    program.getSourceFile(fileName) ?? readSourceFile(fileName, languageVersion, onError, shouldCreate);
  // what tsserver does: the referenced projects' sources stand in for their .d.ts outputs
  host.useSourceOfProjectReferenceRedirect = () => true;
  const cache = ts.createModuleResolutionCache(host.getCurrentDirectory(), (name) => host.getCanonicalFileName(name), options);
  host.getModuleResolutionCache = () => cache;
  host.resolveModuleNameLiterals = (literals, containingFile, redirectedReference, compilerOptions, containingSourceFile) =>
    literals.map((literal) => {
      const resolved = ts.resolveModuleName(
        literal.text,
        containingFile,
        compilerOptions,
        host,
        cache,
        redirectedReference,
        ts.getModeForUsageLocation(containingSourceFile, literal, compilerOptions),
      );
      const module = resolved.resolvedModule;
      // a workspace package symlinked into node_modules is the monorepo's own code, not a library
      if (module?.isExternalLibraryImport === true && !/[\\/]node_modules[\\/]/.test(module.resolvedFileName)) {
        return { ...resolved, resolvedModule: { ...module, isExternalLibraryImport: false } };
      }
      return resolved;
    });
  return ts.createProgram({ rootNames: program.getRootFileNames(), options, projectReferences, host });
}
