/**
 * What the analysis could not see (DESIGN 4b "nothing is silent"): imports that resolve to no
 * module — a sink behind one cannot be recognised — and calls that look like logging or an HTTP
 * request but resolved to no known sink (`--explain-unresolved` lists them). A team reading the
 * list learns which wrapper, SDK or URL to declare in config, instead of trusting a clean run.
 */
import ts from 'typescript';
import type { CheckerFacade } from './checker.js';
import type { FileIndex } from './file-index.js';
import { SyntaxKind } from './typescript-api.js';

/** An import in a reported file whose module did not resolve (no file, or a package without types). */
export interface UnresolvedImport {
  readonly file: string;
  readonly line: number;
  /** the package the specifier names (`@acme/logger` for `@acme/logger/pino`), or a relative specifier as written */
  readonly module: string;
}

/** A call that looks like logging or an HTTP request and that no sink matched. */
export interface UnresolvedCall {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** the callee as written (`this.log.info`, `fetch`) */
  readonly callee: string;
  readonly kind: 'log' | 'http';
  /** why it resolved to no sink */
  readonly reason: string;
}

export interface Unseen {
  readonly imports: readonly UnresolvedImport[];
  readonly calls: readonly UnresolvedCall[];
}

export const NOTHING_UNSEEN: Unseen = { imports: [], calls: [] };

/**
 * The imports of `file` that bring in values and resolve to no module. Type-only imports and
 * side-effect imports (`import './styles.css'`) bind no callable value, so no sink hides there.
 */
export function findUnresolvedImports(file: ts.SourceFile, index: FileIndex, facade: CheckerFacade): UnresolvedImport[] {
  const specifiers: ts.Expression[] = [];
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause !== undefined && !clause.isTypeOnly) specifiers.push(statement.moduleSpecifier);
    } else if (ts.isExportDeclaration(statement)) {
      if (statement.moduleSpecifier !== undefined && !statement.isTypeOnly) specifiers.push(statement.moduleSpecifier);
    } else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference) && !statement.isTypeOnly) {
      specifiers.push(statement.moduleReference.expression);
    }
  }
  // `await import('posthog-js')`, `require('analytics-node')`
  for (const call of index.calls) {
    if (!ts.isCallExpression(call)) continue;
    const isImport = call.expression.kind === SyntaxKind.ImportKeyword;
    const isRequire = ts.isIdentifier(call.expression) && call.expression.text === 'require' && facade.getSymbol(call.expression)?.declarations?.every((declaration) => declaration.getSourceFile().isDeclarationFile) !== false;
    const [first] = call.arguments;
    if ((isImport || isRequire) && first !== undefined) specifiers.push(first);
  }
  const unresolved: UnresolvedImport[] = [];
  for (const specifier of specifiers) {
    if (!ts.isStringLiteralLike(specifier) || specifier.text.startsWith('node:') || ASSET_EXTENSION.test(specifier.text)) continue;
    if (facade.getSymbolAsWritten(specifier) !== undefined) continue;
    unresolved.push({ file: file.fileName, line: file.getLineAndCharacterOfPosition(specifier.getStart(file)).line + 1, module: getModuleName(specifier.text) });
  }
  return unresolved;
}

/** files a bundler loads as assets (`import logo from './logo.svg'`): no code, so no sink behind them */
const ASSET_EXTENSION = /\.(?:svg|png|jpe?g|gif|webp|avif|ico|bmp|css|scss|sass|less|woff2?|ttf|otf|mp4|webm|mp3|wav|md|txt|html?|json|ya?ml|graphql|gql)$/i;

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`; relative and absolute specifiers as written. */
function getModuleName(specifier: string): string {
  const name = /^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*/i.exec(specifier)?.[0];
  // `@/lib/posthog`, `~/utils`, `#logger`: a path alias, named as written
  return name === undefined ? specifier : name;
}

/** Unresolved imports counted per module, most first (ties by name). */
export function countByModule(imports: readonly UnresolvedImport[]): { readonly module: string; readonly count: number }[] {
  const counts = new Map<string, number>();
  for (const entry of imports) counts.set(entry.module, (counts.get(entry.module) ?? 0) + 1);
  return [...counts].map(([module, count]) => ({ module, count })).sort((a, b) => b.count - a.count || a.module.localeCompare(b.module));
}

/** The same import or call reported by two projects of one run is listed once. */
export function mergeUnseen(parts: readonly Unseen[]): Unseen {
  const imports = new Map<string, UnresolvedImport>();
  const calls = new Map<string, UnresolvedCall>();
  for (const part of parts) {
    for (const entry of part.imports) imports.set(`${entry.file}\0${entry.line}\0${entry.module}`, entry);
    for (const entry of part.calls) calls.set(`${entry.file}\0${entry.line}\0${entry.column}`, entry);
  }
  const byPlace = (a: { file: string; line: number }, b: { file: string; line: number }): number => a.file.localeCompare(b.file) || a.line - b.line;
  return { imports: [...imports.values()].sort(byPlace), calls: [...calls.values()].sort((a, b) => byPlace(a, b) || a.column - b.column) };
}
