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
  const cache = ts.createModuleResolutionCache(host.getCurrentDirectory(), (fileName) => host.getCanonicalFileName(fileName), options);
  host.resolveModuleNameLiterals = (literals, containingFile, redirectedReference, compilerOptions, containingSourceFile) =>
    literals.map((literal) => {
      const mode = ts.getModeForUsageLocation(containingSourceFile, literal, compilerOptions);
      const resolved = ts.resolveModuleName(literal.text, containingFile, compilerOptions, host, cache, redirectedReference, mode);
      if (resolved.resolvedModule !== undefined) return resolved;
      const source = resolveWorkspaceSource(literal.text, containingFile);
      return source === undefined ? resolved : { resolvedModule: { resolvedFileName: source, extension: extensionOf(source), isExternalLibraryImport: false } };
    });
  return host;
}

/**
 * A workspace package whose build output is not there (`exports` pointing into an unbuilt
 * `dist/`): the import is read from the package's source, as CI would read the declarations it
 * builds first. Only for packages that live in the repository (a symlink out of node_modules).
 */
export function resolveWorkspaceSource(specifier: string, containingFile: string): string | undefined {
  if (specifier.startsWith('.') || path.isAbsolute(specifier)) return undefined;
  const parts = specifier.split('/');
  const nameLength = specifier.startsWith('@') ? 2 : 1;
  if (parts.length < nameLength) return undefined;
  const packageName = parts.slice(0, nameLength).join('/');
  const subpath = parts.length === nameLength ? '.' : `./${parts.slice(nameLength).join('/')}`;
  const packageDirectory = findWorkspacePackage(packageName, path.dirname(containingFile));
  if (packageDirectory === undefined) return undefined;
  const manifest = readJson(path.join(packageDirectory, 'package.json'));
  const target = getExportTarget(manifest, subpath);
  const candidates = target === undefined ? [subpath] : getSourceCandidates(target, packageDirectory);
  for (const candidate of candidates) {
    const found = findSourceFile(path.join(packageDirectory, candidate));
    if (found !== undefined) return found;
  }
  return undefined;
}

function findWorkspacePackage(packageName: string, from: string): string | undefined {
  for (let directory = from; ; directory = path.dirname(directory)) {
    const candidate = path.join(directory, 'node_modules', packageName);
    if (fs.existsSync(path.join(candidate, 'package.json'))) {
      const real = fs.realpathSync(candidate);
      return /[\\/]node_modules[\\/]/.test(real) ? undefined : real;
    }
    if (path.dirname(directory) === directory) return undefined;
  }
}

/** The file `exports` (or `types`/`main` for the root) names for a subpath, under the conditions a type-checker would pick. */
function getExportTarget(manifest: Record<string, unknown> | undefined, subpath: string): string | undefined {
  if (manifest === undefined) return undefined;
  const exports = manifest['exports'];
  const entry = typeof exports === 'string' && subpath === '.' ? exports : typeof exports === 'object' && exports !== null ? (exports as Record<string, unknown>)[subpath] : undefined;
  const target = pickCondition(entry);
  if (target !== undefined) return target;
  if (subpath !== '.') return undefined;
  const fallback = manifest['types'] ?? manifest['typings'] ?? manifest['main'];
  return typeof fallback === 'string' ? fallback : undefined;
}

function pickCondition(entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry;
  if (typeof entry !== 'object' || entry === null) return undefined;
  const conditions = entry as Record<string, unknown>;
  for (const condition of ['types', 'import', 'require', 'node', 'default']) {
    const found = pickCondition(conditions[condition]);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** `./dist/src/server/index.js` → `./src/server/index`, `./server/index`: the build output mapped back to sources. */
function getSourceCandidates(target: string, packageDirectory: string): string[] {
  const withoutExtension = target.replace(/\.d\.[cm]?ts$|\.[cm]?[jt]sx?$/, '');
  const segments = withoutExtension.replace(/^\.\//, '').split('/');
  const candidates = [withoutExtension];
  const tsconfig = ts.readConfigFile(path.join(packageDirectory, 'tsconfig.json'), (file) => ts.sys.readFile(file)).config as Record<string, unknown> | undefined;
  const compilerOptions = (tsconfig?.['compilerOptions'] ?? {}) as Record<string, unknown>;
  const outDir = typeof compilerOptions['outDir'] === 'string' ? path.normalize(compilerOptions['outDir']) : undefined;
  const rootDir = typeof compilerOptions['rootDir'] === 'string' ? compilerOptions['rootDir'] : '.';
  const relative = path.normalize(segments.join('/'));
  if (outDir !== undefined && relative.startsWith(`${outDir}${path.sep}`)) candidates.push(path.join(rootDir, relative.slice(outDir.length + 1)));
  if (segments.length > 1) {
    candidates.push(segments.slice(1).join('/'));
    candidates.push(['src', ...segments.slice(1)].join('/'));
  }
  return candidates;
}

function findSourceFile(base: string): string | undefined {
  for (const suffix of ['.ts', '.tsx', '.mts', '/index.ts', '/index.tsx']) {
    const file = `${base}${suffix}`;
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
  }
  return undefined;
}

function extensionOf(file: string): ts.Extension {
  if (file.endsWith('.tsx')) return ts.Extension.Tsx;
  if (file.endsWith('.mts')) return ts.Extension.Mts;
  return ts.Extension.Ts;
}

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
