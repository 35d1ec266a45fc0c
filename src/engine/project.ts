/**
 * Builds the `ts.Program` the CLI and the transform tests analyse from a tsconfig, with errors
 * that say what is wrong and where instead of a stack trace.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

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
 * Parsed files shared by the Programs of one run (a workspace check creates one Program per
 * package, and most of them parse the same `lib.*.d.ts`, `@types/*` and library declarations).
 * Created by the caller per run, never module state; see `createAnalysisCompilerHost`.
 */
export type SourceFileCache = Map<string, ts.SourceFile>;

/**
 * Parses a tsconfig and creates its Program. Never runs project code. With `sourceFiles`, files
 * another Program of the run already parsed with the same parse settings are reused.
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
 * markedly cheaper, and types are the same either way.
 *
 * With `sourceFiles`, a parsed file is shared with other Programs of the run, as tsserver's
 * document registry shares them between projects: the key holds every setting that changes the
 * parse (language version, module format and the options that decide module detection), and the engine's per-file
 * caches are syntactic, so sharing never mixes up two Programs' types.
 */
export function createAnalysisCompilerHost(options: ts.CompilerOptions, sourceFiles?: SourceFileCache): ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  host.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors;
  const parseSettings = `${options.moduleDetection ?? ''}\0${options.module ?? ''}\0${options.jsx ?? ''}`;
  host.getSourceFile = (fileName, languageVersionOrOptions, onError) => {
    const base = typeof languageVersionOrOptions === 'object' ? languageVersionOrOptions : { languageVersion: languageVersionOrOptions };
    const key = `${fileName}\0${base.languageVersion}\0${base.impliedNodeFormat ?? ''}\0${parseSettings}`;
    const shared = sourceFiles?.get(key);
    if (shared !== undefined) return shared;
    let text: string | undefined;
    try {
      text = host.readFile(fileName);
    } catch (error) {
      // as the default host: the error is reported and the file is empty
      onError?.(error instanceof Error ? error.message : String(error));
      text = '';
    }
    if (text === undefined) return undefined;
    const jsDocParsingMode = ENGINE_JSDOC_TAGS.test(text) ? ts.JSDocParsingMode.ParseAll : ts.JSDocParsingMode.ParseForTypeErrors;
    const sourceFile = ts.createSourceFile(fileName, text, { ...base, jsDocParsingMode });
    sourceFiles?.set(key, sourceFile);
    return sourceFile;
  };
  return host;
}
