/**
 * Test helper: writes a small fixture project (file name → source) under `.tmp/` inside the
 * repository — so `classified`, pino, ioredis and friends resolve through its node_modules —
 * and analyses it with the real engine and rules.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { rules } from '../../rules/index.js';
import { SNIPPET_COMPILER_OPTIONS } from '../../scripts/oracle-runner.js';
import { analyzeProgram, createSourceFileCache, type AnalysisResult, type Finding } from '../../src/engine/index.js';
import { createAnalysisCompilerHost } from '../../src/engine/project.js';
import { resolveConfig } from '../../src/policy/config.js';
import type { ClassifiedConfig } from '../../src/policy/types.js';

const ROOT = path.resolve(__dirname, '../..');
let counter = 0;
/** declaration files (lib, @types, libraries) parsed once for all the snippets of a test file */
const sourceFiles = createSourceFileCache();

/** A `log.ts` most snippets log through: a pino logger, the common case of a log sink. */
export const PINO_LOGGER = "import pino from 'pino';\nexport const logger = pino();\n";

export interface SnippetResult extends AnalysisResult {
  /** `file:line rule` for each unsuppressed finding, file relative to the snippet project */
  readonly keys: readonly string[];
  readonly byRule: (ruleId: string) => readonly Finding[];
}

export interface SnippetOptions {
  /** the files the project lists, as a tsconfig's `files`/`include` would (default: every file); the others are only imported */
  readonly roots?: readonly string[];
  /** also list the log-like and HTTP calls no sink matched (`--explain-unresolved`) */
  readonly explainUnresolved?: boolean;
}

export function analyzeSnippets(files: Readonly<Record<string, string>>, config: ClassifiedConfig = {}, options: SnippetOptions = {}): SnippetResult {
  const directory = path.join(ROOT, '.tmp', 'engine-tests', `${process.pid}-${counter++}`);
  fs.rmSync(directory, { recursive: true, force: true });
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(directory, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  const compilerOptions: ts.CompilerOptions = {
    ...SNIPPET_COMPILER_OPTIONS,
    // as if a tsconfig.json sat in the snippet folder: relative config modules and test globs start there
    configFilePath: path.join(directory, 'tsconfig.json'),
  };
  const rootNames = (options.roots ?? Object.keys(files)).map((name) => path.join(directory, name));
  // the host the CLI uses, so snippets are parsed as projects are (JSDoc only where the engine's tags are)
  const program = ts.createProgram({ rootNames, options: compilerOptions, host: createAnalysisCompilerHost(compilerOptions, sourceFiles) });
  const result = analyzeProgram(program, resolveConfig(config), rules, options.explainUnresolved === true ? { explainUnresolved: true } : {});
  const active = result.findings.filter((finding) => finding.suppression === undefined);
  return {
    ...result,
    keys: active.map((finding) => `${path.relative(directory, finding.file)}:${finding.line} ${finding.ruleId}`).sort((a, b) => a.localeCompare(b, undefined, { numeric: true })),
    byRule: (ruleId) => active.filter((finding) => finding.ruleId === ruleId),
  };
}
