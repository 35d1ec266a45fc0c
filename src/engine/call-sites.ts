/**
 * Where the project calls a function: every call and function reference of the project, indexed
 * by the declarations its callee resolves to. Built per name on first use, so asking for the
 * callers of every `findById` in a project with a hundred repositories resolves each `findById(...)`
 * callee once instead of once per repository.
 */
import ts from 'typescript';
import type { CheckerFacade } from './checker.js';
import { append, indexRenamedImports, skipOuterExpressions, type FileIndex } from './file-index.js';

type Call = ts.CallExpression | ts.NewExpression;

interface ByDeclaration<T> {
  readonly byDeclaration: Map<ts.Node, T[]>;
}

export class CallSiteIndex {
  private namedIndex: { calls: Map<string, Call[]>; references: Map<string, ts.Identifier[]> } | undefined;
  /** exported name (`default` for a default export) to the local names imports and re-exports give it */
  private importedNames: ReadonlyMap<string, ReadonlySet<string>> | undefined;
  private readonly callsByName = new Map<string, ByDeclaration<Call>>();
  private readonly referencesByName = new Map<string, ByDeclaration<ts.Identifier>>();

  constructor(
    private readonly facade: CheckerFacade,
    private readonly files: readonly ts.SourceFile[],
    private readonly getFileIndex: (file: ts.SourceFile) => FileIndex,
  ) {}

  /** Calls of `fn`: through its declaration, an overload, the variable holding it, or an interface member it implements. */
  callsTo(fn: ts.SignatureDeclaration): Call[] {
    const key = this.getLookupKey(fn);
    if (key === undefined) return [];
    return this.lookUp(this.callsByName, key, () => this.getCalledNames(fn).flatMap((name) => this.getNamedIndex().calls.get(name) ?? []), (call) => call.expression, fn);
  }

  /** Identifiers naming `fn` as an argument of another call (`list.forEach(notify)`). */
  referencesTo(fn: ts.SignatureDeclaration): ts.Identifier[] {
    const key = this.getLookupKey(fn);
    if (key === undefined) return [];
    return this.lookUp(this.referencesByName, key, () => this.getCalledNames(fn).flatMap((name) => this.getNamedIndex().references.get(name) ?? []), (reference) => reference, fn);
  }

  /** The cache key of `fn`'s candidates: its name, and whether a default import may name it too. */
  private getLookupKey(fn: ts.SignatureDeclaration): string | undefined {
    const name = getFunctionName(fn);
    return name === undefined ? undefined : isDefaultExport(fn) ? `${name}\0default` : name;
  }

  /**
   * The names calls of `fn` may use: its own, and those imports and re-exports give it
   * (`import { createContact as createLoopsContact }`, a default export's local name). Candidates
   * only: each call is then kept if its callee resolves to `fn`.
   */
  private getCalledNames(fn: ts.SignatureDeclaration): string[] {
    const own = getFunctionName(fn);
    if (own === undefined) return [];
    const importedNames = this.getImportedNames();
    const names = new Set([own]);
    const pending = isDefaultExport(fn) ? [own, 'default'] : [own];
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      for (const local of importedNames.get(next) ?? []) {
        if (names.has(local)) continue;
        names.add(local);
        pending.push(local);
      }
    }
    return [...names];
  }

  private getImportedNames(): ReadonlyMap<string, ReadonlySet<string>> {
    this.importedNames ??= indexRenamedImports(this.files);
    return this.importedNames;
  }


  private lookUp<T extends ts.Node>(cache: Map<string, ByDeclaration<T>>, name: string, candidates: () => readonly T[], calleeOf: (item: T) => ts.Expression, fn: ts.SignatureDeclaration): T[] {
    let entry = cache.get(name);
    if (entry === undefined) {
      entry = { byDeclaration: new Map() };
      for (const item of candidates()) {
        for (const declaration of this.getCalleeDeclarations(calleeOf(item))) append(entry.byDeclaration, declaration, item);
      }
      cache.set(name, entry);
    }
    const lists = getTargets(fn, this.facade).flatMap((declaration) => {
      const list = entry.byDeclaration.get(declaration);
      return list === undefined ? [] : [list];
    });
    if (lists.length <= 1) return [...(lists[0] ?? [])];
    // several targets (an interface member and the method): each call once, in source order
    const found = new Set(lists.flat());
    return candidates().filter((item) => found.has(item));
  }

  private getCalleeDeclarations(expression: ts.Expression): readonly ts.Declaration[] {
    const callee = skipOuterExpressions(expression);
    const nameNode = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
    const declarations = this.facade.getSymbol(nameNode)?.declarations ?? [];
    // `const { capture } = useAnalytics()` or `analytics.capture(...)` where the hook returns
    // `{ capture }`: the call reaches the function the returned property holds
    return declarations.flatMap((declaration) => [declaration, ...this.getHeldFunctionDeclarations(declaration)]);
  }

  /** `{ capture }` and `{ capture: track }` in an object literal: the declarations of the variable they read. */
  private getHeldFunctionDeclarations(declaration: ts.Declaration): readonly ts.Declaration[] {
    if (ts.isShorthandPropertyAssignment(declaration)) return this.facade.getShorthandValueSymbol(declaration)?.declarations ?? [];
    if (ts.isPropertyAssignment(declaration) && ts.isIdentifier(declaration.initializer)) return this.facade.getSymbol(declaration.initializer)?.declarations ?? [];
    if (ts.isBindingElement(declaration) && ts.isObjectBindingPattern(declaration.parent) && ts.isVariableDeclaration(declaration.parent.parent) && declaration.parent.parent.initializer !== undefined) {
      const key = declaration.propertyName ?? declaration.name;
      if (!ts.isIdentifier(key)) return [];
      const property = this.facade.getPropertyOfType(this.facade.getTypeOfNode(declaration.parent.parent.initializer), key.text);
      return (property?.declarations ?? []).flatMap((held) => [held, ...(ts.isBindingElement(held) ? [] : this.getHeldFunctionDeclarations(held))]);
    }
    return [];
  }

  private getNamedIndex(): { calls: Map<string, Call[]>; references: Map<string, ts.Identifier[]> } {
    if (this.namedIndex === undefined) {
      const calls = new Map<string, Call[]>();
      const references = new Map<string, ts.Identifier[]>();
      for (const file of this.files) {
        const fileIndex = this.getFileIndex(file);
        for (const [name, list] of fileIndex.callsByName) appendAll(calls, name, list);
        for (const [name, list] of fileIndex.functionReferences) appendAll(references, name, list);
      }
      this.namedIndex = { calls, references };
    }
    return this.namedIndex;
  }
}

/**
 * The declarations a callee resolving to `fn` may name: `fn` itself, the variable or property
 * holding it, and the interface or abstract members its class implements (a call through the
 * interface reaches the implementing class).
 */
export function getTargets(fn: ts.SignatureDeclaration, facade: CheckerFacade): ts.Node[] {
  const holder = getFunctionSymbolDeclaration(fn);
  const targets: ts.Node[] = holder === fn ? [fn] : [fn, holder];
  if ((ts.isPropertyAssignment(holder) || ts.isMethodDeclaration(holder)) && ts.isObjectLiteralExpression(holder.parent)) {
    targets.push(...getContextualMembers(holder.parent, holder.name, facade));
    return targets;
  }
  if (!ts.isMethodDeclaration(holder) && !ts.isPropertyDeclaration(holder)) return targets;
  const implementer = holder.parent;
  if (!ts.isClassLike(implementer)) return targets;
  const name = holder.name.getText();
  for (const clause of implementer.heritageClauses ?? []) {
    for (const type of clause.types) {
      for (const owner of facade.getSymbol(type.expression)?.declarations ?? []) {
        if (!ts.isInterfaceDeclaration(owner) && !ts.isClassLike(owner)) continue;
        for (const member of owner.members as ts.NodeArray<ts.ClassElement | ts.TypeElement>) {
          if (isAbstractMember(member) && member.name?.getText() === name) targets.push(member);
        }
      }
    }
  }
  return targets;
}

/**
 * `return { info: (message, context) => ... }` from a function declared to return `ServiceLogger`:
 * calls through the interface's `info` reach this implementation.
 */
function getContextualMembers(literal: ts.ObjectLiteralExpression, name: ts.PropertyName, facade: CheckerFacade): ts.Node[] {
  if (!ts.isIdentifier(name)) return [];
  const expected = facade.getContextualType(literal);
  if (expected === undefined) return [];
  const members = (expected.isUnion() ? expected.types : [expected]).map((type) => facade.getPropertyOfType(type, name.text));
  return members.flatMap((member) => (member?.declarations ?? []).filter(isAbstractMember));
}

/** An interface member or abstract method: calls through it reach the classes implementing it. */
export function isAbstractMember(member: ts.Node): boolean {
  return ts.isMethodSignature(member) || ts.isPropertySignature(member) || (ts.isMethodDeclaration(member) && member.body === undefined);
}

/** `export default function track() {}`: imported under whatever name the importer picks. */
function isDefaultExport(fn: ts.SignatureDeclaration): boolean {
  return ts.isFunctionDeclaration(fn) && (ts.getCombinedModifierFlags(fn) & ts.ModifierFlags.ExportDefault) === ts.ModifierFlags.ExportDefault;
}

/** The name a function is called by: its own, or that of the variable or property holding it. */
export function getFunctionName(fn: ts.SignatureDeclaration): string | undefined {
  if (fn.name !== undefined && (ts.isIdentifier(fn.name) || ts.isPrivateIdentifier(fn.name) || ts.isStringLiteral(fn.name))) return fn.name.text;
  const parent = fn.parent;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && ts.isIdentifier(parent.name)) return parent.name.text;
  return undefined;
}

/** The declaration a callee's symbol points at for `fn`: the function itself or the variable holding it. */
function getFunctionSymbolDeclaration(fn: ts.SignatureDeclaration): ts.Node {
  const parent = fn.parent;
  if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))) return parent;
  return fn;
}

function appendAll<V>(map: Map<string, V[]>, key: string, values: readonly V[]): void {
  for (const value of values) append(map, key, value);
}
