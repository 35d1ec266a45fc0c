/**
 * Parsed declaration files shared between the Programs of one process. Every Program reads the
 * same `lib.*.d.ts`, `@types` and library typings — most of what parsing and binding a project
 * costs — and a run over a solution tsconfig creates one Program per project; an editor's
 * language service shares them the same way. A declaration file is reused when its text is the
 * same and so is everything that shapes its parse and bind: the compiler options that affect
 * source files (keyed as TypeScript's DocumentRegistry keys them), the language version, the
 * module format and the JSDoc parsing mode. The engine's own per-file memos depend on the syntax
 * only, so they stay valid for every Program that shares a file. Project sources are not kept:
 * they are small, they change between runs, and keeping them would hold every project's files
 * for the whole run.
 */
import ts from 'typescript';

export interface SourceFileCache {
  /** The cached parse of `fileName` with this text and these options, or a new one (kept when it is a declaration file). */
  getSourceFile(fileName: string, text: string, options: ts.CreateSourceFileOptions, compilerOptions: ts.CompilerOptions, parse: () => ts.SourceFile): ts.SourceFile;
}

interface Entry {
  readonly text: string;
  readonly sourceFile: ts.SourceFile;
}

/** A cache for the Programs of one run (or of many runs in one process, as the tests do). */
export function createSourceFileCache(): SourceFileCache {
  // used only for its key function: which compiler options change a parsed or bound file
  const registry = ts.createDocumentRegistry();
  const entries = new Map<string, Entry>();
  return {
    getSourceFile(fileName, text, options, compilerOptions, parse) {
      const key = [registry.getKeyForCompilationSettings(compilerOptions), options.languageVersion, options.impliedNodeFormat, options.jsDocParsingMode, fileName].join('|');
      const entry = entries.get(key);
      if (entry?.text === text) return entry.sourceFile;
      const sourceFile = parse();
      if (sourceFile.isDeclarationFile) entries.set(key, { text, sourceFile });
      return sourceFile;
    },
  };
}
