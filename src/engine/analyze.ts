/**
 * The engine's entry point: analyses a `ts.Program` once per config (memoized in a WeakMap keyed
 * by the Program, so ESLint linting file by file pays for the whole-program facts once) and turns
 * the facts into findings by asking every enabled rule. What is reported, severity and
 * suppressions live here, once for all front ends: findings in the tsconfig's own root files only
 * (files the Program pulls in from elsewhere are read for summaries and reported by their own
 * project), none in test files but card-number literals, merged per statement and sink
 * (build-findings.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { BUILTIN_PROCESSOR_HOSTS, BUILTIN_SANITIZERS, BUILTIN_SINKS } from '../policy/catalog.js';
import type { ResolvedConfig } from '../policy/config.js';
import { buildFindings, getFactNode, type Claim } from './build-findings.js';
import { CheckerFacade } from './checker.js';
import { getNameInferenceOptions, TypeClassifier } from './classify.js';
import { collectFacts } from './collect-facts.js';
import type { RuleDefinition } from './define-rule.js';
import type { Finding, Severity } from './findings-types.js';
import { indexFile, memoizePerFile, type FileIndex } from './file-index.js';
import { FlowAnalyzer } from './flow.js';
import { HttpSinkResolver } from './http-sinks.js';
import { describeCallee, SinkResolver } from './sinks.js';
import { getSuppressions } from './suppressions.js';
import { findUnresolvedImports, mergeUnseen, type UnresolvedCall, type Unseen } from './unseen.js';

export interface AnalysisResult {
  readonly findings: readonly Finding[];
  /** files analysed and reported: the project's root files (its `files`/`include`), declaration files aside */
  readonly files: readonly string[];
  /**
   * files analysed for what they tell about the reported ones (function summaries, types) but not
   * reported: workspace packages mapped by `paths`, referenced projects' sources, imported files
   * outside `files`/`include`
   */
  readonly filesReadNotReported: readonly string[];
  /** problems that did not stop the run: syntax errors, analysis cut short */
  readonly diagnostics: readonly { readonly file: string; readonly message: string }[];
  /** imports in reported files that did not resolve; with `explainUnresolved`, also the log-like and HTTP calls no sink matched */
  readonly unseen: Unseen;
}

const resultsByProgram = new WeakMap<ts.Program, WeakMap<ResolvedConfig, WeakMap<readonly RuleDefinition[], AnalysisResult>>>();
const fileIndexes = new WeakMap<ts.SourceFile, FileIndex>();
/** `scripts/`, and a command-line package (`cli/`, `packages/admin-cli/`): run by hand, printing to the operator's terminal. */
const OPERATOR_SCRIPT_FOLDER = /(^|[\\/])(?:scripts|cli|[\w.-]+-cli)[\\/]/;

export interface AnalyzeOptions {
  /**
   * Only findings in these files are wanted (`check --changed`): the rest of the project is
   * analysed only as far as these files reach into it through calls, so the findings in these
   * files are exactly those of a whole analysis, and other files' findings may be missing.
   */
  readonly focus?: (fileName: string) => boolean;
  /** list the calls that look like logging or HTTP requests but resolved to no sink (`--explain-unresolved`; not memoized) */
  readonly explainUnresolved?: boolean;
}

/** Analyses a Program with the given config and rules; repeated calls with the same arguments are free (focused ones are not kept). */
export function analyzeProgram(program: ts.Program, config: ResolvedConfig, rules: readonly RuleDefinition[], options: AnalyzeOptions = {}): AnalysisResult {
  if (options.focus !== undefined || options.explainUnresolved === true) return runAnalysis(program, config, rules, options);
  let byConfig = resultsByProgram.get(program);
  if (byConfig === undefined) {
    byConfig = new WeakMap();
    resultsByProgram.set(program, byConfig);
  }
  let byRules = byConfig.get(config);
  if (byRules === undefined) {
    byRules = new WeakMap();
    byConfig.set(config, byRules);
  }
  const cached = byRules.get(rules);
  if (cached !== undefined) return cached;
  const result = runAnalysis(program, config, rules);
  byRules.set(rules, result);
  return result;
}

/** The per-file index, shared by everything that analyses the same SourceFile. */
export function getFileIndex(file: ts.SourceFile): FileIndex {
  let index = fileIndexes.get(file);
  if (index === undefined) {
    index = indexFile(file);
    fileIndexes.set(file, index);
  }
  return index;
}

function runAnalysis(program: ts.Program, config: ResolvedConfig, rules: readonly RuleDefinition[], options: AnalyzeOptions = {}): AnalysisResult {
  const isFocused = options.focus;
  const facade = new CheckerFacade(program, program.getTypeChecker());
  const rootDir = getProjectRoot(program);
  // asked for every declaration the flow reaches: answered once per file
  // a workspace package's source imported by package name counts as an external library to
  // TypeScript, but its real path is the repository's own code: only `.d.ts` files it reached
  // that way are the library's
  const isProjectFile = memoizePerFile(
    (file) =>
      !program.isSourceFileDefaultLibrary(file) &&
      !/[\\/]node_modules[\\/]/.test(file.fileName) &&
      !(file.isDeclarationFile && program.isSourceFileFromExternalLibrary(file)),
  );
  const isTestFile = memoizePerFile((file) => config.isTestFile(path.relative(rootDir, file.fileName)));
  // from the project folder's own name: a command-line package checked with its own tsconfig is one
  const isOperatorScript = memoizePerFile((file) => OPERATOR_SCRIPT_FOLDER.test(path.join(path.basename(rootDir), path.relative(rootDir, file.fileName))));
  const isAccessEntryFile = (file: ts.SourceFile): boolean => config.access.hasEntryFiles && config.access.isEntryFile(path.relative(rootDir, file.fileName));
  const diagnostics: { file: string; message: string }[] = [];
  const realRootDir = safeRealpath(rootDir);
  const files = program.getSourceFiles().filter((file) => !file.isDeclarationFile && isProjectFile(file) && !isLinkedFromOutside(file.fileName, rootDir, realRootDir, diagnostics));
  const rootFiles = new Set(program.getRootFileNames().map((name) => program.getSourceFile(name)));
  const reportedFiles = files.filter((file) => rootFiles.has(file));
  const isReportedFile = (file: ts.SourceFile): boolean => rootFiles.has(file);
  const classifier = new TypeClassifier(facade, getNameInferenceOptions(config.inference), isProjectFile);
  // the project's own processors first: a team's contract for a call decides it over the catalog's entry
  const sinks = new SinkResolver(facade, [...config.processorSinks, ...BUILTIN_SINKS, ...config.sinks], [...BUILTIN_SANITIZERS, ...config.sanitizers], isProjectFile, rootDir);
  const http = new HttpSinkResolver(facade, config.firstPartyHosts, [...config.processorHosts, ...BUILTIN_PROCESSOR_HOSTS]);
  const flow = new FlowAnalyzer(facade, classifier, sinks, { isProjectFile, isTestFile, getFileIndex });
  for (const file of files) {
    const syntaxErrors = program.getSyntacticDiagnostics(file);
    if (syntaxErrors.length > 0) {
      const first = syntaxErrors[0];
      const position = first?.start === undefined ? '' : `:${file.getLineAndCharacterOfPosition(first.start).line + 1}`;
      diagnostics.push({ file: file.fileName, message: `syntax error${position}: ${ts.flattenDiagnosticMessageText(first?.messageText ?? '', ' ')} (analysed as far as it parses)` });
    }
  }
  const focus = isFocused === undefined ? undefined : new Set(files.filter((file) => isFocused(file.fileName)));
  const unresolvedCalls: UnresolvedCall[] = [];
  const onUnresolvedCall = options.explainUnresolved !== true ? undefined : (call: ts.Node, kind: UnresolvedCall['kind'], reason: string): void => {
    const file = call.getSourceFile();
    if (focus !== undefined && !focus.has(file)) return;
    const start = file.getLineAndCharacterOfPosition(call.getStart(file));
    unresolvedCalls.push({ file: file.fileName, line: start.line + 1, column: start.character + 1, callee: describeCallee((call as ts.CallExpression).expression), kind, reason });
  };
  const unresolvedImports = reportedFiles.filter((file) => !isTestFile(file) && (focus === undefined || focus.has(file))).flatMap((file) => findUnresolvedImports(file, getFileIndex(file), facade));
  const facts = collectFacts({ ...(onUnresolvedCall === undefined ? {} : { onUnresolvedCall }), facade, config, classifier, flow, sinks, http, files, getFileIndex, isTestFile, isOperatorScript, isReportedFile, isProjectFile, isAccessEntryFile, ...(focus === undefined ? {} : { focus }), onFileError: (file, error) => {
    diagnostics.push({ file: file.fileName, message: `analysis failed: ${error instanceof Error ? error.message : String(error)}; the file was skipped` });
  }, onFileBudgetExceeded: (file, message) => {
    diagnostics.push({ file: file.fileName, message });
  } });
  for (const node of flow.truncated.slice(0, 20)) {
    const file = node.getSourceFile();
    diagnostics.push({ file: file.fileName, message: `expression at line ${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1} is nested too deeply; analysis of it was cut short` });
  }
  const claims: Claim[] = [];
  for (const fact of facts) {
    const file = getFactNode(fact).getSourceFile();
    // test code is not production data; only a card number that is no published test number counts there
    if (!isReportedFile(file) || (fact.type !== 'card-literal' && isTestFile(file))) continue;
    for (const rule of rules) {
      const severity = fact.type === 'flow' && fact.source.confidence === 'possible' ? getPossibleSeverity(rule, config) : getSeverity(rule, config);
      if (severity === 'off') continue;
      const report = rule.check(fact);
      if (report !== undefined) claims.push({ rule, severity, fact, report });
    }
  }
  // a card literal that is itself reported flowing into a sink gets the flow's finding only
  const literalsInFlows = new Set(claims.flatMap(({ fact }) => (fact.type === 'flow' && fact.source.confidence === 'literal' ? [fact.source.node] : [])));
  const findings = buildFindings(claims.filter(({ fact }) => fact.type !== 'card-literal' || !literalsInFlows.has(fact.source.node)), { rootDir, facade });
  return {
    findings: applySuppressions(findings, reportedFiles),
    files: reportedFiles.map((file) => file.fileName),
    filesReadNotReported: files.filter((file) => !isReportedFile(file)).map((file) => file.fileName),
    diagnostics,
    unseen: mergeUnseen([{ imports: unresolvedImports, calls: unresolvedCalls }]),
  };
}

/**
 * A file under the project folder that is really a symbolic link to somewhere outside it: not
 * the project's code, so not analysed (and said so) — a link must not pull outside files in.
 */
function isLinkedFromOutside(fileName: string, rootDir: string, realRootDir: string, diagnostics: { file: string; message: string }[]): boolean {
  if (isOutside(rootDir, fileName)) return false;
  let real: string;
  try {
    // the native call resolves the whole path in one system call; the JS one lstats every segment
    real = fs.realpathSync.native(fileName);
  } catch {
    return false;
  }
  if (real === fileName || !isOutside(realRootDir, real)) return false;
  diagnostics.push({ file: fileName, message: 'is a symbolic link to a file outside the project root; not analysed' });
  return true;
}

function isOutside(directory: string, file: string): boolean {
  const relative = path.relative(directory, file);
  return relative.startsWith('..') || path.isAbsolute(relative);
}

function safeRealpath(directory: string): string {
  try {
    return fs.realpathSync.native(directory);
  } catch {
    return directory;
  }
}

/** The folder of the project's tsconfig (what `testFiles` globs and relative config modules are relative to). */
function getProjectRoot(program: ts.Program): string {
  const configFile = program.getCompilerOptions().configFilePath;
  return typeof configFile === 'string' ? path.dirname(configFile) : program.getCurrentDirectory();
}

function getSeverity(rule: RuleDefinition, config: ResolvedConfig): Severity | 'off' {
  return config.rules.get(rule.id) ?? 'error';
}

/** A `possible` finding's severity: config `possible` (default `warn`), never above the rule's own. */
function getPossibleSeverity(rule: RuleDefinition, config: ResolvedConfig): Severity | 'off' {
  const own = getSeverity(rule, config);
  if (own === 'off' || config.possible === 'off') return 'off';
  return own === 'warn' || config.possible === 'warn' ? 'warn' : 'error';
}

function applySuppressions(findings: readonly Finding[], files: readonly ts.SourceFile[]): Finding[] {
  const byFile = new Map(files.map((file) => [file.fileName, file]));
  return findings.map((finding) => {
    const file = byFile.get(finding.file);
    const suppression = file === undefined ? undefined : getSuppressions(file).get(finding.line);
    if (suppression === undefined || !suppression.ruleIds.has(finding.ruleId)) return finding;
    if (suppression.reason === '') {
      return { ...finding, message: `${finding.message} (suppression at line ${suppression.line} ignored: give a reason after "--")` };
    }
    return { ...finding, suppression: { reason: suppression.reason, line: suppression.line } };
  });
}
