/**
 * `classified/transform`: the compiler front end. It runs the engine on the Program the compiler
 * is emitting (no second Program) and either reports violations as tsc diagnostics (`report`
 * mode) or, in `redact` mode, wraps values that carry Confidential/Restricted data into log sinks
 * in `redact(...)` in the emitted JavaScript and reports the violations wrapping does not fix.
 *
 * Three ways in:
 * - ts-patch (`tspc`): the default export is a ts-patch "program" plugin,
 *   `(program, pluginConfig, { addDiagnostic })`, for the tsconfig entry
 *   `{ "transform": "classified/transform", "mode": "report" | "redact", "config": "classified.config.json" }`.
 *   Diagnostics go through `addDiagnostic`, so `tspc` prints them and exits non-zero.
 * - any `customTransformers` host (ts-loader, `program.emit`, rollup plugins):
 *   `createClassifiedTransformer(program, options)`, plus `getClassifiedDiagnostics(program, options)`
 *   for hosts that print or fail on diagnostics themselves.
 * - ts-jest `astTransformers`: the `name`, `version` and `factory` exports.
 */
import ts from 'typescript';
import { rules } from '../../rules/index.js';
import { analyzeProgram, type Finding } from '../engine/index.js';
import { getPackageVersion } from '../package-info.js';
import { createRedactTransformer } from './create-redact-transformer.js';
import { getRedactionTargets, type RedactionTarget } from './get-redaction-targets.js';
import { engineProblemsToDiagnostics, findingToDiagnostic, transformErrorToDiagnostic } from './to-diagnostics.js';
import {
  ClassifiedTransformError,
  getTransformConfig,
  getTsconfigPath,
  parseTransformOptions,
  toDisplayPath,
  type ClassifiedTransformOptions,
  type ParsedTransformOptions,
} from './transform-options.js';

export { ClassifiedTransformError, type ClassifiedTransformOptions, type TransformMode } from './transform-options.js';
export { TRANSFORM_DIAGNOSTIC_CODE } from './to-diagnostics.js';

/** A Program, or a function returning the current one (ts-loader's `getProgram` in watch mode). */
export type ProgramSource = ts.Program | (() => ts.Program | undefined);

/** What ts-patch passes a "program" plugin as its third argument (the part we use). */
export interface TsPatchExtras {
  readonly addDiagnostic: (diagnostic: ts.Diagnostic) => number;
}

const PROGRAMMATIC_ORIGIN = 'classified/transform options';
const IDENTITY: ts.TransformerFactory<ts.SourceFile> = () => (sourceFile) => sourceFile;

/**
 * Creates a `before` transformer for `customTransformers`, e.g.
 * `program.emit(undefined, undefined, undefined, false, { before: [createClassifiedTransformer(program, { mode: 'redact' })] })`
 * or ts-loader's `getCustomTransformers: (program, getProgram) => ({ before: [createClassifiedTransformer(getProgram ?? program, { mode: 'redact' })] })`.
 *
 * In `report` mode the transformer leaves the output unchanged: hosts get the diagnostics from
 * `getClassifiedDiagnostics`. In `redact` mode it must run in `before` (it adds an ES import that
 * TypeScript's module transform then converts). The Program must be the one being emitted, or one
 * holding the same text for every transformed file; otherwise the transformer throws rather than
 * emit unredacted code.
 * @throws ClassifiedTransformError for invalid options, an unusable config, or (when the
 *   transformer runs) a file the Program does not hold as emitted
 */
export function createClassifiedTransformer(program: ProgramSource, options: ClassifiedTransformOptions = {}): ts.TransformerFactory<ts.SourceFile> {
  const parsed = parseTransformOptions(options, PROGRAMMATIC_ORIGIN);
  const getProgram = typeof program === 'function' ? program : () => program;
  const initial = getProgram();
  // validate the config up front, where the host can report it, rather than mid-emit
  if (initial !== undefined) getTransformConfig(initial, parsed, PROGRAMMATIC_ORIGIN);
  return parsed.mode === 'redact' ? createRedactFactory(getProgram, parsed, PROGRAMMATIC_ORIGIN) : IDENTITY;
}

/**
 * Returns the diagnostics the transform reports for `program` in the given mode (`report`: every
 * unsuppressed finding; `redact`: those that wrapping in `redact(...)` does not neutralize), plus
 * warnings for files the engine could not analyse. Suppressed findings are never reported.
 * @throws ClassifiedTransformError for invalid options or an unusable config
 */
export function getClassifiedDiagnostics(program: ts.Program, options: ClassifiedTransformOptions = {}): ts.Diagnostic[] {
  return collectDiagnostics(program, parseTransformOptions(options, PROGRAMMATIC_ORIGIN), PROGRAMMATIC_ORIGIN);
}

const reportedByProgram = new WeakMap<ts.Program, Set<string>>();

/**
 * The ts-patch entry point ("program" plugin type, ts-patch's default): validates the plugin
 * entry, adds the diagnostics to the Program once (ts-patch calls plugins on every emit, and
 * incremental builds emit file by file) and returns the transformer for `before`. Invalid options
 * or config become one error diagnostic naming the tsconfig entry, so `tspc` fails with a
 * message instead of a stack trace.
 */
export default function classifiedTransformPlugin(program: ts.Program, pluginConfig: unknown, extras: TsPatchExtras): { readonly before: ts.TransformerFactory<ts.SourceFile> } {
  const tsconfig = getTsconfigPath(program);
  const origin = `${tsconfig === undefined ? 'tsconfig.json' : toDisplayPath(program, tsconfig)}: compilerOptions.plugins entry "classified/transform"`;
  if (typeof program.getTypeChecker !== 'function' || typeof extras?.addDiagnostic !== 'function') {
    throw new ClassifiedTransformError(`${origin}: must be loaded as a ts-patch "program" plugin (the default); remove "type" from the entry`);
  }
  const report = (key: string, getDiagnostics: () => readonly ts.Diagnostic[]): void => {
    let reported = reportedByProgram.get(program);
    if (reported === undefined) {
      reported = new Set();
      reportedByProgram.set(program, reported);
    }
    if (reported.has(key)) return;
    for (const diagnostic of getDiagnostics()) extras.addDiagnostic(diagnostic);
    reported.add(key);
  };
  let parsed: ParsedTransformOptions;
  try {
    const options = parseTransformOptions(pluginConfig, origin);
    parsed = options;
    report(JSON.stringify(options), () => collectDiagnostics(program, options, origin));
  } catch (error) {
    if (!(error instanceof ClassifiedTransformError)) throw error;
    report(`error:${error.message}`, () => [transformErrorToDiagnostic(error.message)]);
    return { before: IDENTITY };
  }
  return { before: parsed.mode === 'redact' ? createRedactFactory(() => program, parsed, origin) : IDENTITY };
}

/** ts-jest `astTransformers` contract: a name and version for its cache key, and `factory`. */
export const name = 'classified/transform';
export const version = getPackageVersion();

/** What ts-jest passes `factory` (the part we use): its compiler, whose `program` is unset in isolated-modules mode. */
export interface TsJestCompiler {
  readonly program?: ts.Program | undefined;
}

/**
 * ts-jest `astTransformers.before` entry point: `{ path: 'classified/transform', options: { mode: 'redact' } }`.
 * Needs ts-jest's language-service mode (`isolatedModules: false`); in `report` mode a file with
 * error-severity findings fails to transform with an error listing them.
 * @throws ClassifiedTransformError when ts-jest has no Program (isolated modules) or options are invalid
 */
export function factory(tsCompiler: TsJestCompiler, options?: ClassifiedTransformOptions): ts.TransformerFactory<ts.SourceFile> {
  const origin = 'ts-jest astTransformers entry "classified/transform"';
  const parsed = parseTransformOptions(options, origin);
  const getProgram = (): ts.Program => {
    const program = tsCompiler.program;
    if (program === undefined) throw new ClassifiedTransformError(`${origin}: ts-jest has no Program in isolated-modules mode; the transform needs type information (set isolatedModules: false)`);
    return program;
  };
  if (parsed.mode === 'redact') return createRedactFactory(getProgram, parsed, origin);
  return () => (sourceFile) => {
    const program = getProgram();
    const file = getProgramFileOrThrow(program, sourceFile, origin);
    const errors = collectDiagnostics(program, parsed, origin).filter(
      (diagnostic) => diagnostic.file === file && diagnostic.category === ts.DiagnosticCategory.Error,
    );
    if (errors.length > 0) {
      throw new ClassifiedTransformError(ts.formatDiagnostics(errors, { getCanonicalFileName: (fileName) => fileName, getCurrentDirectory: () => program.getCurrentDirectory(), getNewLine: () => '\n' }));
    }
    return sourceFile;
  };
}

function collectDiagnostics(program: ts.Program, options: ParsedTransformOptions, origin: string): ts.Diagnostic[] {
  const config = getTransformConfig(program, options, origin);
  const result = analyzeProgram(program, config, rules);
  const active = result.findings.filter((finding) => finding.suppression === undefined);
  const reported = options.mode === 'redact' ? active.filter((finding) => !isNeutralizedByRedaction(program, finding)) : active;
  return [...reported.map((finding) => findingToDiagnostic(program, finding, rules)), ...engineProblemsToDiagnostics(program, result.diagnostics)];
}

function isNeutralizedByRedaction(program: ts.Program, finding: Finding): boolean {
  const file = program.getSourceFile(finding.file);
  const targets = file === undefined ? [] : getRedactionTargets(file, finding);
  return targets.length > 0 && targets.every((target) => target !== undefined);
}

function createRedactFactory(getProgram: () => ts.Program | undefined, options: ParsedTransformOptions, origin: string): ts.TransformerFactory<ts.SourceFile> {
  return createRedactTransformer((sourceFile): readonly RedactionTarget[] => {
    if (sourceFile.isDeclarationFile) return [];
    const program = getProgram();
    if (program === undefined) throw new ClassifiedTransformError(`${origin}: redact mode needs a ts.Program with type information, and the host provided none (transpile-only mode?)`);
    const analysed = getProgramFileOrThrow(program, sourceFile, origin);
    const result = analyzeProgram(program, getTransformConfig(program, options, origin), rules);
    // offsets from the Program's copy of the file are valid in `sourceFile`: the texts are equal
    return result.findings
      .filter((finding) => finding.file === analysed.fileName)
      // every value that can be wrapped is, even where another value of the same finding cannot be
      .flatMap((finding) => getRedactionTargets(sourceFile, finding).filter((target) => target !== undefined));
  });
}

/** The Program's copy of the file being transformed; it must hold the same text, or the findings' offsets would lie. */
function getProgramFileOrThrow(program: ts.Program, sourceFile: ts.SourceFile, origin: string): ts.SourceFile {
  const analysed = program.getSourceFile(sourceFile.fileName);
  if (analysed === undefined || analysed.text !== sourceFile.text) {
    throw new ClassifiedTransformError(
      `${origin}: ${sourceFile.fileName} is ${analysed === undefined ? 'not part of' : 'different in'} the Program the transform analyses; pass the Program being emitted (or a function returning it, e.g. ts-loader's getProgram)`,
    );
  }
  return analysed;
}
