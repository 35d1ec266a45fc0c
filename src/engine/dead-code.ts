/**
 * Functions nothing can run: a module's private function its module never mentions again
 * (`sendPlanReadyEmail` left behind after a refactor), and an application's export that the
 * modules importing its module never use (`cacheWeeklySummary` nobody calls). Its parameters are
 * no entry point and its sinks and calls no finding: reviewers read dead code as no leak. Other
 * exports stay live: a framework, another package or a person may run them (a library's API,
 * a module nothing imports, written examples).
 */
import ts from 'typescript';
import type { ApplicationPackages } from './application-packages.js';
import type { CheckerFacade } from './checker.js';
import type { FileIndex } from './file-index.js';
import { SyntaxKind } from './typescript-api.js';

/** Names a framework calls an export by (route handlers, page data, Lambda handlers): used without a mention. */
const CONVENTIONAL_EXPORT_NAMES: ReadonlySet<string> = new Set([
  'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'handler', 'main', 'loader', 'action', 'middleware', 'config',
  'getServerSideProps', 'getStaticProps', 'getStaticPaths', 'getInitialProps', 'generateMetadata', 'generateStaticParams',
  'generateViewport', 'generateImageMetadata', 'generateSitemaps', 'register', 'onRequestError',
]);

export interface DeadCodeContext {
  /** the program's project files: where a use would be */
  readonly files: readonly ts.SourceFile[];
  readonly facade: CheckerFacade;
  readonly getFileIndex: (file: ts.SourceFile) => FileIndex;
  readonly applicationPackages: ApplicationPackages;
}

export class DeadCode {
  private readonly answers = new Map<ts.Node, boolean>();
  /** project files another project file imports (built on first need) */
  private importedFiles: ReadonlySet<ts.SourceFile> | undefined;

  constructor(private readonly context: DeadCodeContext) {}

  /** Whether nothing in the program can call `fn`. */
  isDead(fn: ts.SignatureDeclaration): boolean {
    let answer = this.answers.get(fn);
    if (answer === undefined) {
      answer = isUnusedPrivateFunction(fn) || this.isUnusedExport(fn);
      this.answers.set(fn, answer);
    }
    return answer;
  }

  /** Whether `node` sits in a dead function (a callback inside one included). */
  isInDeadFunction(node: ts.Node): boolean {
    for (let current = node.parent; current !== undefined && !ts.isSourceFile(current); current = current.parent) {
      if (ts.isFunctionLike(current) && this.isDead(current as ts.SignatureDeclaration)) return true;
    }
    return false;
  }

  /** An application's exported function, in a module other modules import, that no project file uses. */
  private isUnusedExport(fn: ts.SignatureDeclaration): boolean {
    const holder = getTopLevelHolder(fn);
    const declaredName = holder?.name;
    if (holder === undefined || declaredName === undefined || !ts.isIdentifier(declaredName) || CONVENTIONAL_EXPORT_NAMES.has(declaredName.text)) return false;
    const flags = ts.getCombinedModifierFlags(holder);
    if ((flags & ts.ModifierFlags.Export) === 0 || (flags & ts.ModifierFlags.Default) !== 0) return false;
    const file = fn.getSourceFile();
    if (!this.getImportedFiles().has(file) || !this.context.applicationPackages.isApplicationFile(file.fileName)) return false;
    return !this.context.files.some((other) => mayMention(other, declaredName.text) && hasUse(other, declaredName));
  }

  private getImportedFiles(): ReadonlySet<ts.SourceFile> {
    if (this.importedFiles !== undefined) return this.importedFiles;
    const imported = new Set<ts.SourceFile>();
    const add = (specifier: ts.Expression | undefined): void => {
      const declaration = specifier === undefined || !ts.isStringLiteralLike(specifier) ? undefined : this.context.facade.getSymbolAsWritten(specifier)?.valueDeclaration;
      if (declaration !== undefined && ts.isSourceFile(declaration)) imported.add(declaration);
    };
    for (const file of this.context.files) {
      for (const statement of file.statements) {
        if (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) add(statement.moduleSpecifier);
        else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) add(statement.moduleReference.expression);
      }
      // `await import('./jobs')`, `require('./jobs')`
      for (const call of this.context.getFileIndex(file).calls) {
        if (ts.isCallExpression(call) && (call.expression.kind === SyntaxKind.ImportKeyword || (ts.isIdentifier(call.expression) && call.expression.text === 'require'))) add(call.arguments[0]);
      }
    }
    this.importedFiles = imported;
    return imported;
  }
}

/** Whether `file` may mention `name` (the parser's set of the file's identifier texts; its text where that is not there). */
function mayMention(file: ts.SourceFile, name: string): boolean {
  const identifiers = (file as { identifiers?: ReadonlyMap<string, string> }).identifiers;
  return identifiers === undefined ? file.text.includes(name) : identifiers.has(name);
}

/** Whether `file` uses what `declaredName` names: any mention but the declaration itself and imports and exports of it. */
function hasUse(file: ts.SourceFile, declaredName: ts.Identifier): boolean {
  const name = declaredName.text;
  const visit = (node: ts.Node): boolean => {
    if (ts.isIdentifier(node)) return node.text === name && node !== declaredName && !isImportOrExportName(node);
    return ts.forEachChild(node, visit) === true;
  };
  return visit(file);
}

function isImportOrExportName(identifier: ts.Identifier): boolean {
  const { parent } = identifier;
  return ts.isImportSpecifier(parent) || ts.isImportClause(parent) || ts.isNamespaceImport(parent) || ts.isExportSpecifier(parent) || (ts.isImportEqualsDeclaration(parent) && parent.name === identifier);
}

/** The top-level declaration that names `fn`: `function f() {}`, `const f = () => {}`. */
function getTopLevelHolder(fn: ts.SignatureDeclaration): ts.FunctionDeclaration | ts.VariableDeclaration | undefined {
  const holder = ts.isFunctionDeclaration(fn) ? fn : (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isVariableDeclaration(fn.parent) ? fn.parent : undefined;
  const statement = holder === undefined ? undefined : ts.isVariableDeclaration(holder) ? holder.parent.parent : holder;
  return statement !== undefined && ts.isSourceFile(statement.parent) ? holder : undefined;
}

/**
 * A module's private function (or private method without decorators) whose name the module never
 * mentions again.
 */
function isUnusedPrivateFunction(fn: ts.SignatureDeclaration): boolean {
  let name: ts.Node | undefined;
  if (ts.isMethodDeclaration(fn)) {
    const isPrivate = ts.isPrivateIdentifier(fn.name) || (ts.getCombinedModifierFlags(fn) & ts.ModifierFlags.Private) !== 0;
    if (!isPrivate || (ts.getDecorators(fn) ?? []).length > 0) return false;
    name = fn.name;
  } else {
    const holder = getTopLevelHolder(fn);
    if (holder?.name === undefined || (ts.getCombinedModifierFlags(holder) & ts.ModifierFlags.Export) !== 0) return false;
    name = holder.name;
  }
  if (name === undefined || !(ts.isIdentifier(name) || ts.isPrivateIdentifier(name))) return false;
  // any other mention (JSX, an object literal, `export { name }`) may be a use
  return countMentions(fn.getSourceFile().text, name.text) <= 1;
}

function mentionPattern(name: string): RegExp {
  return new RegExp(`(?<![\\w$])${name.replace(/[$#]/g, '\\$&')}(?![\\w$])`, 'g');
}

function countMentions(text: string, name: string): number {
  return text.match(mentionPattern(name))?.length ?? 0;
}
