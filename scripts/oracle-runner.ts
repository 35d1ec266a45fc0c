/**
 * Runs generated oracle cases through the real engine and compares its findings with the
 * generator's truth. Many cases share one TypeScript Program (each case in its own folder of one
 * project under `.tmp/oracle/`), because creating a Program costs far more than analysing a small
 * case; declaration files (lib, @types, libraries) are parsed once for all Programs.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { rules } from '../rules/index.js';
import { analyzeProgram, createSourceFileCache, type Finding } from '../src/engine/index.js';
import { createAnalysisCompilerHost } from '../src/engine/project.js';
import { resolveConfig, type ResolvedConfig } from '../src/policy/config.js';
import type { ExpectedFinding, OracleCase } from './oracle-generator.js';

export interface CaseOutcome {
  readonly case: OracleCase;
  /** `file:line ruleId` reported by the engine (unsuppressed), sorted */
  readonly actual: readonly string[];
  readonly missing: readonly string[];
  readonly unexpected: readonly string[];
  /** an exception or an "analysis failed" diagnostic for one of the case's files */
  readonly crash?: string;
  /** TypeScript errors in the generated code (a generator bug, not an engine disagreement) */
  readonly typeErrors?: readonly string[];
  readonly ok: boolean;
}

export interface RunOptions {
  /** also report TypeScript semantic errors in the generated files (slower) */
  readonly typecheck?: boolean;
  /** keep the generated project on disk (default: removed after the run) */
  readonly keep?: boolean;
}

const ROOT = findRepositoryRoot(__dirname);
/** Compiler options of generated snippet projects (the oracle's and the engine tests'). */
export const SNIPPET_COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  skipLibCheck: true,
  noEmit: true,
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
  types: ['node'],
};
const sourceFiles = createSourceFileCache();
let batchCounter = 0;

function findRepositoryRoot(start: string): string {
  for (let directory = start; ; directory = path.dirname(directory)) {
    const manifest = path.join(directory, 'package.json');
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'classified') return directory;
    if (path.dirname(directory) === directory) throw new Error('oracle: cannot find the classified repository root');
  }
}

/** Writes `cases` into one project, analyses it once and compares each case's findings with its truth. */
export function runOracleBatch(cases: readonly OracleCase[], runOptions: RunOptions = {}): CaseOutcome[] {
  const projectDir = path.join(ROOT, '.tmp', 'oracle', `${process.pid}-${batchCounter++}`);
  fs.rmSync(projectDir, { recursive: true, force: true });
  const caseDirs = cases.map((_, index) => path.join(projectDir, `c${index}`));
  const rootNames: string[] = [];
  cases.forEach((oracleCase, index) => {
    for (const [name, text] of Object.entries(oracleCase.files)) {
      const file = path.join(caseDirs[index] as string, name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      if (file.endsWith('.ts')) rootNames.push(file);
    }
  });
  const tsconfigPath = path.join(projectDir, 'tsconfig.json');
  fs.writeFileSync(tsconfigPath, `${JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true, skipLibCheck: true, noEmit: true, lib: ['ES2023', 'DOM'], types: ['node'] }, include: ['**/*.ts'] }, null, 2)}\n`);
  const options = { ...SNIPPET_COMPILER_OPTIONS, configFilePath: tsconfigPath };
  try {
    let findings: readonly Finding[];
    let diagnostics: readonly { file: string; message: string }[];
    let program: ts.Program;
    try {
      program = ts.createProgram({ rootNames, options, host: createAnalysisCompilerHost(options, sourceFiles) });
      const result = analyzeProgram(program, batchConfig(cases), rules);
      findings = result.findings.filter((finding) => finding.suppression === undefined);
      diagnostics = result.diagnostics;
    } catch (error) {
      const message = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
      if (cases.length === 1) return [{ case: cases[0] as OracleCase, actual: [], missing: [], unexpected: [], crash: message, ok: false }];
      // find out which case crashes the engine
      return cases.flatMap((oracleCase) => runOracleBatch([oracleCase], runOptions));
    }
    return cases.map((oracleCase, index) => {
      const dir = (caseDirs[index] as string) + path.sep;
      const actual = findings
        .filter((finding) => finding.file.startsWith(dir) || path.resolve(finding.file).startsWith(dir))
        .map((finding) => `${path.relative(dir, path.resolve(finding.file)).split(path.sep).join('/')}:${finding.line} ${finding.ruleId}`)
        .sort(compareKeys)
        // one finding per location and rule: several data paths through one carrier are one finding
        .filter((key, position, all) => all.indexOf(key) === position);
      const crashes = diagnostics.filter((diagnostic) => path.resolve(diagnostic.file).startsWith(dir) && !diagnostic.message.startsWith('syntax error'));
      const typeErrors = runOptions.typecheck === true ? getTypeErrors(program, dir) : [];
      const { missing, unexpected } = compare(oracleCase.expected, actual);
      const crash = crashes.length > 0 ? crashes.map((diagnostic) => `${path.relative(dir, diagnostic.file)}: ${diagnostic.message}`).join('\n') : undefined;
      return {
        case: oracleCase,
        actual,
        missing,
        unexpected,
        ...(crash === undefined ? {} : { crash }),
        ...(typeErrors.length > 0 ? { typeErrors } : {}),
        ok: missing.length === 0 && unexpected.length === 0 && crash === undefined && typeErrors.length === 0,
      };
    });
  } finally {
    if (runOptions.keep !== true) fs.rmSync(projectDir, { recursive: true, force: true });
  }
}

/** One config for the batch: each case's sanitizer entries, their modules made relative to the project root. */
function batchConfig(cases: readonly OracleCase[]): ResolvedConfig {
  const sanitizers = cases.flatMap((oracleCase, index) =>
    oracleCase.config.sanitizers.map((entry) => ({ ...entry, module: `./c${index}/${entry.module.replace(/^\.\//, '')}` })),
  );
  return resolveConfig(sanitizers.length === 0 ? {} : { sanitizers });
}

function getTypeErrors(program: ts.Program, dir: string): string[] {
  return program
    .getSourceFiles()
    .filter((file) => path.resolve(file.fileName).startsWith(dir))
    .flatMap((file) =>
      [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)].map((diagnostic) => {
        const line = diagnostic.start === undefined ? 0 : file.getLineAndCharacterOfPosition(diagnostic.start).line + 1;
        return `${path.relative(dir, file.fileName)}:${line} TS${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
      }),
    );
}

export function keyOf(expected: ExpectedFinding): string {
  return `${expected.file}:${expected.line} ${expected.ruleId}`;
}

function compare(expected: readonly ExpectedFinding[], actual: readonly string[]): { missing: string[]; unexpected: string[] } {
  const remaining = [...actual];
  const missing: string[] = [];
  for (const entry of expected.filter((candidate) => candidate.optional !== true)) {
    const at = remaining.indexOf(keyOf(entry));
    if (at === -1) missing.push(keyOf(entry));
    else remaining.splice(at, 1);
  }
  const optional = new Set(expected.filter((candidate) => candidate.optional === true).map(keyOf));
  const unexpected: string[] = [];
  for (const key of remaining) {
    if (optional.has(key)) optional.delete(key);
    else unexpected.push(key);
  }
  return { missing, unexpected };
}

function compareKeys(a: string, b: string): number {
  return a.localeCompare(b, undefined, { numeric: true });
}

/** A readable report of one failing case: its flows, files with line numbers, and the difference. */
export function formatOutcome(outcome: CaseOutcome): string {
  const lines: string[] = [];
  lines.push('flows:');
  for (const flow of outcome.case.summary) lines.push(`  ${flow}`);
  for (const [name, text] of Object.entries(outcome.case.files)) {
    lines.push(`--- ${name}`);
    text.split('\n').forEach((line, index) => lines.push(`${String(index + 1).padStart(3)} | ${line}`));
  }
  lines.push(`expected: ${JSON.stringify(outcome.case.expected.map((entry) => `${keyOf(entry)}${entry.optional === true ? ' (optional)' : ''}`))}`);
  lines.push(`actual:   ${JSON.stringify(outcome.actual)}`);
  if (outcome.missing.length > 0) lines.push(`missing (engine did not report): ${outcome.missing.join(', ')}`);
  if (outcome.unexpected.length > 0) lines.push(`unexpected (engine reported): ${outcome.unexpected.join(', ')}`);
  if (outcome.crash !== undefined) lines.push(`crash: ${outcome.crash}`);
  if (outcome.typeErrors !== undefined) lines.push(`type errors in generated code: ${outcome.typeErrors.join(' | ')}`);
  return lines.join('\n');
}
