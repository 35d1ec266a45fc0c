/**
 * Builds the `ts.Program` the CLI and the transform tests analyse from a tsconfig, with errors
 * that say what is wrong and where instead of a stack trace.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import type { SourceFileCache } from './source-file-cache.js';

export class ProjectError extends Error {}

/** Finds the tsconfig for `--project` (a file, or a folder holding tsconfig.json). */
export function resolveTsconfigPath(projectPath: string): string {
  const resolved = path.resolve(projectPath);
  const stat = fs.statSync(resolved, { throwIfNoEntry: false });
  if (stat === undefined) throw new ProjectError(`${projectPath}: no such file or directory (expected a tsconfig.json or a folder containing one)`);
  if (stat.isDirectory()) {
    const candidate = path.join(resolved, 'tsconfig.json');
    if (!fs.existsSync(candidate)) throw new ProjectError(`${projectPath}: folder has no tsconfig.json`);
    return candidate;
  }
  return resolved;
}

/**
 * Parses a tsconfig and creates its Program. Never runs project code. With `sourceFiles`, files
 * another Program of the run already parsed with the same settings and text are reused.
 */
export function createProgramFromTsconfig(tsconfigPath: string, sourceFiles?: SourceFileCache): ts.Program {
  const host: ts.ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new ProjectError(`${tsconfigPath}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`);
    },
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfigPath, { noEmit: true }, host);
  if (parsed === undefined) throw new ProjectError(`${tsconfigPath}: could not be read as a tsconfig`);
  const fatal = parsed.errors.filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error && diagnostic.code !== 18003);
  if (fatal.length > 0) {
    throw new ProjectError(fatal.map((diagnostic) => `${tsconfigPath}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`).join('\n'));
  }
  if (parsed.fileNames.length === 0) throw new ProjectError(`${tsconfigPath}: the project includes no files`);
  return ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, projectReferences: parsed.projectReferences, host: createAnalysisCompilerHost(parsed.options, sourceFiles) });
}

/** The JSDoc tags the engine reads: a file mentioning neither needs no JSDoc parsed. */
const ENGINE_JSDOC_TAGS = /@(?:sink|declassify)\b/;

/**
 * A compiler host that parses JSDoc the way `tsc` does — only where it matters for types (in
 * JavaScript files, and `@see`/`@link` in TypeScript) — except in files that use the engine's own
 * tags. Skipping the comments of `lib.dom.d.ts`, `@types/node` and other libraries makes parsing
 * markedly cheaper, and types are the same either way. With `sourceFiles`, a file parsed for
 * another Program with the same settings and text is reused (see source-file-cache.ts).
 */
export function createAnalysisCompilerHost(options: ts.CompilerOptions, sourceFiles?: SourceFileCache): ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  host.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors;
  host.getSourceFile = (fileName, languageVersionOrOptions, onError) => {
    let text: string | undefined;
    try {
      text = host.readFile(fileName);
    } catch (error) {
      // as the default host: the error is reported and the file is empty
      onError?.(error instanceof Error ? error.message : String(error));
      text = '';
    }
    if (text === undefined) return undefined;
    const base = typeof languageVersionOrOptions === 'object' ? languageVersionOrOptions : { languageVersion: languageVersionOrOptions };
    const jsDocParsingMode = ENGINE_JSDOC_TAGS.test(text) ? ts.JSDocParsingMode.ParseAll : ts.JSDocParsingMode.ParseForTypeErrors;
    const sourceFileOptions = { ...base, jsDocParsingMode };
    const parse = (): ts.SourceFile => ts.createSourceFile(fileName, text, sourceFileOptions);
    return sourceFiles === undefined ? parse() : sourceFiles.getSourceFile(fileName, text, sourceFileOptions, options, parse);
  };
  return host;
}
