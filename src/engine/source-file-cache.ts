/**
 * Parsed files shared between Programs. Every Program reads the same `lib.*.d.ts`, `@types` and
 * library typings — most of what parsing and binding a project costs — and a run over a solution
 * tsconfig or a workspace creates one Program per project or package; an editor's language
 * service shares them the same way. A file is reused when its text is the same and so is
 * everything that shapes its parse and bind: the compiler options that affect source files
 * (keyed as TypeScript's DocumentRegistry keys them), the language version, the module format and
 * the JSDoc parsing mode. The engine's own per-file memos depend on the syntax only, so they stay
 * valid for every Program that shares a file, and sharing never mixes up two Programs' types.
 *
 * By default only declaration files are kept: project sources are small, they change between
 * runs, and keeping them would hold every project's files for as long as the cache lives (the
 * tests keep one for the whole process). A workspace check keeps its sources too, for that run
 * only (`keepSources`): a package's dependents compile its sources as well. Created by the caller,
 * never module state.
 */
import ts from 'typescript';

export interface SourceFileCache {
  /** The cached parse of `fileName` with this text and these options, or a new one from `parse` (kept or not, see `SourceFileCacheOptions`). */
  getSourceFile(fileName: string, text: string, options: ts.CreateSourceFileOptions, compilerOptions: ts.CompilerOptions, parse: () => ts.SourceFile): ts.SourceFile;
}

export interface SourceFileCacheOptions {
  /** keep project sources as well as declaration files (the Programs of one workspace check) */
  readonly keepSources?: boolean;
  /** a longer-lived cache that keeps the declaration files instead of this one (a workspace check run by a test that shares them across runs) */
  readonly parent?: SourceFileCache;
}

interface Entry {
  readonly text: string;
  readonly sourceFile: ts.SourceFile;
}

/** A cache for the Programs of one run (or of many runs in one process, as the tests do). */
export function createSourceFileCache(cacheOptions: SourceFileCacheOptions = {}): SourceFileCache {
  const { keepSources = false, parent } = cacheOptions;
  // used only for its key function: which compiler options change a parsed or bound file
  const registry = ts.createDocumentRegistry();
  const entries = new Map<string, Entry>();
  return {
    getSourceFile(fileName, text, options, compilerOptions, parse) {
      const key = [registry.getKeyForCompilationSettings(compilerOptions), options.languageVersion, options.impliedNodeFormat, options.jsDocParsingMode, fileName].join('|');
      const entry = entries.get(key);
      if (entry?.text === text) return entry.sourceFile;
      const sourceFile = parent === undefined ? parse() : parent.getSourceFile(fileName, text, options, compilerOptions, parse);
      const keep = sourceFile.isDeclarationFile ? parent === undefined : keepSources;
      if (keep) entries.set(key, { text, sourceFile });
      return sourceFile;
    },
  };
}
