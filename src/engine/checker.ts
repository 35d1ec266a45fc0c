/**
 * Every question the engine asks the TypeScript checker goes through this module: the type of an
 * expression, the symbol behind a name or callee, a symbol's declarations, a type's properties.
 * Keeping the checker surface this small is what makes a later move to TypeScript 7's API one
 * module's work. It also decides how each question is asked: the cheapest way that gives the
 * analysis the same answer (declared types, a call's only signature), since the checker's full
 * answers cost more than the rest of the analysis. One facade lives for one analysis, and caches
 * per node and per symbol for as long.
 */
import ts from 'typescript';
import { isBuiltByThisTypeScript, NodeMap, SymbolMap } from './node-map.js';
import { SyntaxKind, TypeFlags, SymbolFlags, ObjectFlags, IndexKind } from './typescript-api.js';

export class CheckerFacade {
  /** whether memos can be keyed by the checker's node and symbol ids (see node-map.ts) */
  readonly usesCheckerIds: boolean;
  // the engine asks about the same nodes from several places, and the checker does not cache these answers;
  // not WeakMaps: they die with the analysis, and weak tables with 100,000s of entries slow every GC
  private readonly typeCache: NodeMap<ts.Type>;
  /** the `this` type of each class's instance members */
  private readonly thisTypeByClass = new Map<ts.ClassLikeDeclaration, ts.Type>();
  private readonly symbolCache: NodeMap<ts.Symbol | null>;
  private readonly symbolTypeCache: SymbolMap<ts.Type>;
  // the checker recomputes these on every call (relation checks for `await`, a filtered union for non-null)
  private readonly nonNullableCache = new Map<ts.Type, ts.Type>();
  private readonly awaitedCache = new Map<ts.Type, ts.Type | null>();

  constructor(
    readonly program: ts.Program,
    private readonly checker: ts.TypeChecker,
  ) {
    this.usesCheckerIds = isBuiltByThisTypeScript(program);
    this.typeCache = new NodeMap(this.usesCheckerIds);
    this.symbolCache = new NodeMap(this.usesCheckerIds);
    this.symbolTypeCache = new SymbolMap(this.usesCheckerIds);
  }

  /**
   * The type of an expression or declaration. A name of a variable, parameter or property gets
   * its declared type, without the control-flow narrowing the checker does at each reference:
   * narrowing is the costly part and does not change whether a value is classified.
   */
  getTypeOfNode(node: ts.Node): ts.Type {
    let type = this.typeCache.get(node);
    if (type === undefined) {
      type = this.getTypeWithoutNarrowing(node) ?? this.checker.getTypeAtLocation(node);
      this.typeCache.set(node, type);
    }
    return type;
  }

  /** The type an expression is expected to have where it is written (an object literal returned as an interface). */
  getContextualType(node: ts.Expression): ts.Type | undefined {
    return this.checker.getContextualType(node);
  }

  /** The type the checker narrows an expression to where it is read (`if`, `switch`, `in` and discriminant tests). */
  getNarrowedTypeOfNode(node: ts.Node): ts.Type {
    return this.checker.getTypeAtLocation(node);
  }

  /** The one signature, generic or not, the callee's type has for this call or `new`. */
  private getOnlySignature(node: ts.Node): ts.Signature | undefined {
    const signatures = this.getSignaturesOfCallee(node);
    return signatures.length === 1 ? signatures[0] : undefined;
  }

  /**
   * The type a call or `new` has whichever of its signatures applies: all of them non-generic
   * with one return type, not `this` (`f(x)` with one signature, `new Date(...)`,
   * `JSON.stringify(...)`). Resolving the call instead would check every argument against the
   * parameters (inference, assignability), which the analysis does not need.
   */
  private getUniformReturnType(node: ts.Node): ts.Type | undefined {
    const signatures = this.getSignaturesOfCallee(node);
    const returned = signatures[0]?.getReturnType();
    if (returned === undefined || (returned.flags & TypeFlags.TypeParameter) !== 0) return undefined;
    return signatures.every((signature) => signature.getTypeParameters() === undefined && signature.getReturnType() === returned) ? returned : undefined;
  }

  private getSignaturesOfCallee(node: ts.Node): readonly ts.Signature[] {
    if (!ts.isCallExpression(node) && !ts.isNewExpression(node)) return [];
    const callee = node.expression;
    if (callee.kind === SyntaxKind.SuperKeyword || callee.kind === SyntaxKind.ImportKeyword) return [];
    const calleeType = this.getTypeOfNode(callee);
    return ts.isCallExpression(node) ? calleeType.getCallSignatures() : calleeType.getConstructSignatures();
  }

  /**
   * The return type a called function declares, its type parameters left as they are — for a
   * project function whose body the analysis follows anyway: what the arguments bind them to
   * reaches the result through the function's summary. Instantiating them would mean inferring
   * every argument's type. Falls back to the call's type for overloads, and where only
   * instantiation tells what the type is (`Confidential<T>` is a conditional type).
   */
  getDeclaredReturnType(call: ts.CallExpression): ts.Type {
    const returned = this.getOnlySignature(call)?.getReturnType();
    return returned === undefined || this.isDeferred(returned, 3) ? this.getTypeOfNode(call) : returned;
  }

  private isDeferred(type: ts.Type, depth: number): boolean {
    if ((type.flags & (TypeFlags.Conditional | TypeFlags.Substitution | TypeFlags.IndexedAccess | TypeFlags.Index)) !== 0) return true;
    if (depth === 0) return false;
    if (type.isUnionOrIntersection()) return type.types.some((part) => this.isDeferred(part, depth - 1));
    return isTypeReference(type) && this.checker.getTypeArguments(type).some((argument) => this.isDeferred(argument, depth - 1));
  }

  /**
   * The type of an expression read off declarations, where that is possible without the
   * checker's narrowing or call resolution: names and members, calls with one possible return
   * type, `x as T`, and `list[i]` / `record[key]` through the receiver's index signature.
   */
  private getTypeWithoutNarrowing(node: ts.Node): ts.Type | undefined {
    if (ts.isParenthesizedExpression(node)) return this.getTypeOfNode(node.expression);
    if (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) return ts.isConstTypeReference(node.type) ? undefined : this.checker.getTypeFromTypeNode(node.type);
    if (ts.isElementAccessExpression(node)) return this.getElementType(node);
    if (node.kind === SyntaxKind.ThisKeyword) return this.getTypeOfThis(node);
    return this.getDeclaredTypeOfReference(node) ?? this.getUniformReturnType(node);
  }

  /** `this` in a class's instance member: every such `this` of a class has the class's one `this` type. */
  private getTypeOfThis(node: ts.Node): ts.Type | undefined {
    const member = getInstanceMemberAroundThis(node);
    if (member === undefined) return undefined;
    let type = this.thisTypeByClass.get(member.parent);
    if (type === undefined) {
      type = this.checker.getTypeAtLocation(node);
      this.thisTypeByClass.set(member.parent, type);
    }
    return type;
  }

  /** `row['email']` as a member; `rows[0]`, `byId[key]` as the receiver's number or string index type. */
  private getElementType(access: ts.ElementAccessExpression): ts.Type | undefined {
    const receiver = this.getNonNullableType(this.getTypeOfNode(access.expression));
    if ((receiver.flags & (TypeFlags.Any | TypeFlags.Unknown | TypeFlags.Never)) !== 0) return undefined;
    const key = access.argumentExpression;
    if (ts.isStringLiteralLike(key) || ts.isNumericLiteral(key)) {
      const member = this.checker.getPropertyOfType(receiver, key.text);
      // a tuple element or a named member; otherwise the index signature below
      if (member !== undefined) return this.checker.getTypeOfSymbol(member);
    }
    const indexed = ts.isStringLiteralLike(key) ? this.getIndexTypeOfType(receiver, IndexKind.String) : (this.getIndexTypeOfType(receiver, IndexKind.Number) ?? this.getIndexTypeOfType(receiver, IndexKind.String));
    return indexed ?? this.getSharedPropertyType(receiver);
  }

  /** `Record<keyof Patch, string>`: every member has one type, so any key reads that type. */
  private getSharedPropertyType(type: ts.Type): ts.Type | undefined {
    const properties = this.checker.getPropertiesOfType(type);
    if (properties.length === 0 || properties.length > 64) return undefined;
    const [first, ...rest] = properties.map((property) => this.checker.getTypeOfSymbol(property));
    return first !== undefined && rest.every((other) => other === first) ? first : undefined;
  }

  /** The declared type of what a name or `receiver.name` refers to, if it is a variable, parameter, property or function. */
  private getDeclaredTypeOfReference(node: ts.Node): ts.Type | undefined {
    let symbol: ts.Symbol | undefined;
    // `{ email }`: the variable read, not the property the literal creates (whose type needs the whole literal checked)
    if (ts.isIdentifier(node)) symbol = ts.isShorthandPropertyAssignment(node.parent) && node.parent.name === node ? this.resolveShorthandValueSymbol(node.parent) : this.getSymbol(node);
    else if (ts.isPropertyAccessExpression(node)) symbol = this.getSymbol(node.name);
    if (symbol === undefined || (symbol.flags & (SymbolFlags.Variable | SymbolFlags.Property | SymbolFlags.GetAccessor | SymbolFlags.Function | SymbolFlags.Method)) === 0) return undefined;
    let type = this.symbolTypeCache.get(symbol);
    if (type === undefined) {
      type = this.getTypeOfInitializedVariable(symbol.valueDeclaration) ?? this.checker.getTypeOfSymbol(symbol);
      this.symbolTypeCache.set(symbol, type);
    }
    return type;
  }

  /**
   * `const order = await repo.findById(id)`, `const log = new AuditLog(db)`: an unannotated
   * variable has the type of its initializer, which for a call with one possible signature is
   * that signature's (awaited) return type — read without checking the arguments.
   */
  private getTypeOfInitializedVariable(declaration: ts.Declaration | undefined): ts.Type | undefined {
    if (declaration !== undefined && ts.isVariableDeclaration(declaration) && declaration.type === undefined && ts.isForOfStatement(declaration.parent.parent)) {
      // `for (const item of items)` over an array: its element type
      const iterated = this.getNonNullableType(this.getTypeOfNode(declaration.parent.parent.expression));
      return ts.isIdentifier(declaration.name) && declaration.parent.parent.awaitModifier === undefined && this.checker.isArrayType(iterated) ? this.getIndexTypeOfType(iterated, IndexKind.Number) : undefined;
    }
    const initializer = getUnannotatedInitializer(declaration);
    if (initializer === undefined) return undefined;
    if (!ts.isConditionalExpression(initializer)) return this.getTypeOfInitializer(initializer);
    // `fresh ? await recount(id) : await stats(id)`, `cursor === undefined ? undefined : decode(cursor)`:
    // branches of one type are that type, read without checking the condition and the calls' arguments
    const whenTrue = skipParentheses(initializer.whenTrue);
    const whenFalse = skipParentheses(initializer.whenFalse);
    const nullishTrue = getNullishFlag(whenTrue);
    const nullishFalse = getNullishFlag(whenFalse);
    if (nullishTrue !== 0 && nullishFalse !== 0) return undefined;
    if (nullishTrue !== 0) return admitsNullish(this.getTypeOfInitializer(whenFalse), nullishTrue);
    if (nullishFalse !== 0) return admitsNullish(this.getTypeOfInitializer(whenTrue), nullishFalse);
    const type = this.getTypeOfInitializer(whenTrue);
    return type !== undefined && type === this.getTypeOfInitializer(whenFalse) ? type : undefined;
  }

  private getTypeOfInitializer(initializer: ts.Expression): ts.Type | undefined {
    if (!(ts.isAwaitExpression(initializer) || isCheaplyTyped(initializer))) return undefined;
    if (!ts.isAwaitExpression(initializer)) return this.getTypeWithoutNarrowing(initializer);
    const operand = skipParentheses(initializer.expression);
    const promised = isCheaplyTyped(operand) ? this.getTypeWithoutNarrowing(operand) : undefined;
    return promised === undefined ? undefined : this.getAwaitedType(promised);
  }

  /** The symbol a name, property access or callee refers to, with import aliases resolved. */
  getSymbol(node: ts.Node): ts.Symbol | undefined {
    const cached = this.symbolCache.get(node);
    if (cached !== undefined) return cached ?? undefined;
    const member = ts.isIdentifier(node) && ts.isPropertyAccessExpression(node.parent) && node.parent.name === node ? this.getMemberOfDeclaredType(node.parent) : undefined;
    const written = member ?? (ts.isIdentifier(node) ? this.resolveValueReference(node) : undefined) ?? this.checker.getSymbolAtLocation(node);
    const symbol = written === undefined ? undefined : this.resolveAlias(written);
    this.symbolCache.set(node, symbol ?? null);
    return symbol;
  }

  /**
   * A name read as a value, resolved through the scopes the binder built (`locals` of each
   * enclosing block, function and file) — what the checker's name resolution does, without its
   * general machinery, which costs more than the rest of a flow step. Undefined (the checker
   * decides) for globals, and where scoping has special cases: enum members, the own name of a
   * function or class expression.
   */
  private resolveValueReference(identifier: ts.Identifier): ts.Symbol | undefined {
    if (!isValueReference(identifier)) return undefined;
    const name = identifier.escapedText;
    for (let scope: ts.Node | undefined = identifier.parent; scope !== undefined; scope = scope.parent) {
      if (ts.isEnumDeclaration(scope) || ((ts.isFunctionExpression(scope) || ts.isClassExpression(scope)) && scope.name?.escapedText === name)) return undefined;
      const symbol = (scope as { locals?: ts.SymbolTable }).locals?.get(name);
      if (symbol === undefined || (symbol.flags & (SymbolFlags.Value | SymbolFlags.Alias)) === 0) continue;
      // `export const x` is bound as a local pointing at the exported symbol, which the checker returns
      return (symbol as { exportSymbol?: ts.Symbol }).exportSymbol ?? symbol;
    }
    return undefined;
  }

  /**
   * The symbol a callee name refers to, for questions about its declarations only (is it a
   * catalog sink? does its JSDoc say `@sink`?). `metric.observe(...)` with
   * `const metric = new Histogram({ labelNames: [...] })` is looked up on `Histogram<T>` as
   * declared, without inferring `T` from the constructor's arguments: the member's declarations
   * are the same for every instantiation.
   */
  getCalleeSymbol(nameNode: ts.Node): ts.Symbol | undefined {
    const access = nameNode.parent;
    if (ts.isIdentifier(nameNode) && ts.isPropertyAccessExpression(access) && access.name === nameNode && ts.isIdentifier(access.expression) && this.symbolCache.get(nameNode) === undefined) {
      const construction = getUnannotatedInitializer(this.getSymbol(access.expression)?.valueDeclaration);
      if (construction !== undefined && ts.isNewExpression(construction)) {
        const instance = this.getSignaturesOfCallee(construction)[0]?.getReturnType();
        const member = instance === undefined ? undefined : this.checker.getPropertyOfType(instance, nameNode.text);
        if (member !== undefined) return this.resolveAlias(member);
      }
    }
    return this.getSymbol(nameNode);
  }

  /**
   * `receiver.name` looked up on the receiver's declared type. The checker would first narrow the
   * receiver at this reference (walking the function's control flow back to its declaration),
   * which costs more than the rest of the analysis of a call; the member found is the same unless
   * a type guard picked one member of a union, and then the union's member names it too.
   * Undefined when the declared type has no such member (the checker then decides).
   */
  private getMemberOfDeclaredType(access: ts.PropertyAccessExpression): ts.Symbol | undefined {
    if (!ts.isIdentifier(access.name)) return undefined;
    const receiverType = this.getNonNullableType(this.getTypeOfNode(access.expression));
    if ((receiverType.flags & (TypeFlags.Any | TypeFlags.Unknown | TypeFlags.Never)) !== 0) return undefined;
    return this.checker.getPropertyOfType(receiverType, access.name.text);
  }

  /** The variable a shorthand property `{ email }` reads (not the property it creates). */
  getShorthandValueSymbol(property: ts.ShorthandPropertyAssignment): ts.Symbol | undefined {
    return this.checker.getShorthandAssignmentValueSymbol(property);
  }

  private resolveShorthandValueSymbol(property: ts.ShorthandPropertyAssignment): ts.Symbol | undefined {
    const symbol = this.getShorthandValueSymbol(property);
    return symbol === undefined ? undefined : this.resolveAlias(symbol);
  }

  /** The module symbol of a source file (for addressing a project module nothing imports). */
  getSourceFileModuleSymbol(file: ts.SourceFile): ts.Symbol | undefined {
    return this.checker.getSymbolAtLocation(file);
  }

  /** The symbol as written (an import specifier stays an alias). */
  getSymbolAsWritten(node: ts.Node): ts.Symbol | undefined {
    return this.checker.getSymbolAtLocation(node);
  }

  resolveAlias(symbol: ts.Symbol): ts.Symbol {
    if ((symbol.flags & SymbolFlags.Alias) === 0) return symbol;
    try {
      return this.checker.getAliasedSymbol(symbol);
    } catch {
      return symbol;
    }
  }

  getDeclarations(symbol: ts.Symbol): readonly ts.Declaration[] {
    return symbol.declarations ?? [];
  }

  /** The declaration of the function or method a call resolves to, overloads included. */
  getCalledDeclaration(call: ts.CallLikeExpression): ts.SignatureDeclaration | undefined {
    try {
      // with one signature there is nothing to resolve (a generic one's declaration is the same for every instantiation)
      const declaration = (this.getOnlySignature(call) ?? this.checker.getResolvedSignature(call))?.getDeclaration();
      return declaration && !ts.isJSDocSignature(declaration) ? declaration : undefined;
    } catch {
      return undefined;
    }
  }

  getPropertiesOfType(type: ts.Type): readonly ts.Symbol[] {
    return this.checker.getPropertiesOfType(type);
  }

  getPropertyOfType(type: ts.Type, name: string): ts.Symbol | undefined {
    return this.checker.getPropertyOfType(type, name);
  }

  getTypeOfSymbol(symbol: ts.Symbol): ts.Type {
    return this.checker.getTypeOfSymbol(symbol);
  }

  /** The instance type of a class or the type an interface or alias declares. */
  getDeclaredTypeOfSymbol(symbol: ts.Symbol): ts.Type {
    return this.checker.getDeclaredTypeOfSymbol(symbol);
  }

  getNonNullableType(type: ts.Type): ts.Type {
    if ((type.flags & NEVER_NULLISH) !== 0) return type;
    let nonNullable = this.nonNullableCache.get(type);
    if (nonNullable === undefined) {
      nonNullable = this.checker.getNonNullableType(type);
      this.nonNullableCache.set(type, nonNullable);
    }
    return nonNullable;
  }

  /**
   * The type of `value.a.b` given the type of `value` (`*` for an element or index value);
   * undefined where a segment is not a property the type declares.
   */
  getTypeAtPath(type: ts.Type, path: readonly string[]): ts.Type | undefined {
    let current: ts.Type | undefined = type;
    for (const segment of path) {
      if (current === undefined) return undefined;
      const receiver = this.getNonNullableType(current);
      if (segment === '*') {
        current = this.getIndexTypeOfType(receiver, IndexKind.Number) ?? this.getIndexTypeOfType(receiver, IndexKind.String);
      } else {
        const member = this.checker.getPropertyOfType(receiver, segment);
        current = member === undefined ? this.getIndexTypeOfType(receiver, IndexKind.String) : this.checker.getTypeOfSymbol(member);
      }
    }
    return current;
  }

  getTypeArguments(type: ts.TypeReference): readonly ts.Type[] {
    return this.checker.getTypeArguments(type);
  }

  getIndexTypeOfType(type: ts.Type, kind: ts.IndexKind): ts.Type | undefined {
    return this.checker.getIndexInfoOfType(type, kind)?.type;
  }

  getAwaitedType(type: ts.Type): ts.Type | undefined {
    let awaited = this.awaitedCache.get(type);
    if (awaited === undefined) {
      awaited = this.computeAwaitedType(type) ?? null;
      this.awaitedCache.set(type, awaited);
    }
    return awaited ?? undefined;
  }

  /**
   * `Promise<T>` awaits to what `T` awaits to; a primitive or an object without `then` to itself.
   * Only other types go to the checker, whose answer runs assignability checks to every primitive
   * even when it is cached.
   */
  private computeAwaitedType(type: ts.Type): ts.Type | undefined {
    if (isPrimitive(type)) return type;
    if (isTypeReference(type) && type.getSymbol()?.getName() === 'Promise' && this.isDefaultLibraryType(type)) {
      const [promised] = this.checker.getTypeArguments(type);
      return promised === undefined ? undefined : this.getAwaitedType(promised);
    }
    // an object without `then` is not a promise-like
    if ((type.flags & TypeFlags.Object) !== 0 && this.checker.getPropertyOfType(type, 'then') === undefined) return type;
    return this.checker.getAwaitedType(type);
  }

  private isDefaultLibraryType(type: ts.Type): boolean {
    const declaration = type.getSymbol()?.declarations?.[0];
    return declaration !== undefined && this.program.isSourceFileDefaultLibrary(declaration.getSourceFile());
  }

  getSignatures(type: ts.Type, kind: ts.SignatureKind): readonly ts.Signature[] {
    return this.checker.getSignaturesOfType(type, kind);
  }

  getReturnTypeOfSignature(signature: ts.Signature): ts.Type {
    return this.checker.getReturnTypeOfSignature(signature);
  }

  getExportsOfModule(moduleSymbol: ts.Symbol): readonly ts.Symbol[] {
    return this.checker.getExportsOfModule(moduleSymbol);
  }

  /** The module symbol an import specifier string refers to (`'pino'` in `import pino from 'pino'`). */
  getModuleSymbol(moduleSpecifier: ts.Expression): ts.Symbol | undefined {
    return this.checker.getSymbolAtLocation(moduleSpecifier);
  }

  /** For `export =` modules, the exported value's symbol. */
  getExportEqualsSymbol(moduleSymbol: ts.Symbol): ts.Symbol | undefined {
    const exportEquals = moduleSymbol.exports?.get(ts.InternalSymbolName.ExportEquals);
    return exportEquals === undefined ? undefined : this.resolveAlias(exportEquals);
  }

  /** Global value symbols (lib.dom, @types/node), visible from `location`. */
  getGlobalValueSymbols(location: ts.Node): readonly ts.Symbol[] {
    return this.checker.getSymbolsInScope(location, SymbolFlags.Value);
  }

  typeToString(type: ts.Type): string {
    return this.checker.typeToString(type);
  }
}

/** `Array<T>`, `Promise<T>`, a tuple: an instantiation of a generic class or interface. */
export function isTypeReference(type: ts.Type): type is ts.TypeReference {
  return (type.flags & TypeFlags.Object) !== 0 && ((type as ts.ObjectType).objectFlags & ObjectFlags.Reference) !== 0;
}

/** Types the checker's non-null adjustment returns unchanged (not unions, type parameters, `unknown`). */
const NEVER_NULLISH = TypeFlags.Object | TypeFlags.StringLike | TypeFlags.NumberLike | TypeFlags.BooleanLike | TypeFlags.BigIntLike | TypeFlags.ESSymbolLike;

/** `string`, `boolean`, `'a' | 'b' | null` and the like: nothing to await, no members to look up. */
function isPrimitive(type: ts.Type): boolean {
  if (type.isUnion()) return type.types.every(isPrimitive);
  return (type.flags & (NEVER_NULLISH & ~TypeFlags.Object | TypeFlags.Null | TypeFlags.Undefined | TypeFlags.Void)) !== 0;
}

/** A name in a position where it reads a variable, parameter, function or import (not a key, label or type). */
function isValueReference(identifier: ts.Identifier): boolean {
  const parent = identifier.parent;
  switch (parent.kind) {
    case SyntaxKind.CallExpression:
    case SyntaxKind.NewExpression:
    case SyntaxKind.ElementAccessExpression:
    case SyntaxKind.BinaryExpression:
    case SyntaxKind.TemplateSpan:
    case SyntaxKind.ReturnStatement:
    case SyntaxKind.ArrayLiteralExpression:
    case SyntaxKind.SpreadElement:
    case SyntaxKind.SpreadAssignment:
    case SyntaxKind.ConditionalExpression:
    case SyntaxKind.ParenthesizedExpression:
    case SyntaxKind.AsExpression:
    case SyntaxKind.SatisfiesExpression:
    case SyntaxKind.NonNullExpression:
    case SyntaxKind.AwaitExpression:
    case SyntaxKind.PrefixUnaryExpression:
    case SyntaxKind.PostfixUnaryExpression:
    case SyntaxKind.ExpressionStatement:
    case SyntaxKind.TypeOfExpression:
    case SyntaxKind.ForOfStatement:
    case SyntaxKind.ForInStatement:
      return true;
    case SyntaxKind.PropertyAccessExpression:
      return (parent as ts.PropertyAccessExpression).expression === identifier;
    case SyntaxKind.PropertyAssignment:
      return (parent as ts.PropertyAssignment).initializer === identifier;
    case SyntaxKind.VariableDeclaration:
      return (parent as ts.VariableDeclaration).initializer === identifier;
    default:
      return false;
  }
}

/**
 * The instance member of a class in whose body or initializer a `this` is read (arrow functions
 * see their surroundings' `this`); none in a function, a static member or outside classes.
 */
function getInstanceMemberAroundThis(node: ts.Node): (ts.ClassElement & { parent: ts.ClassLikeDeclaration }) | undefined {
  let child: ts.Node = node;
  for (let current = node.parent; current !== undefined; child = current, current = current.parent) {
    if (ts.isArrowFunction(current)) continue;
    if (ts.isMethodDeclaration(current) || ts.isConstructorDeclaration(current) || ts.isAccessor(current) || ts.isPropertyDeclaration(current)) {
      const inBody = ts.isPropertyDeclaration(current) ? child === current.initializer : child === current.body;
      const isInstanceMember = ts.isClassLike(current.parent) && (ts.getCombinedModifierFlags(current) & ts.ModifierFlags.Static) === 0;
      return inBody && isInstanceMember ? (current as ts.ClassElement & { parent: ts.ClassLikeDeclaration }) : undefined;
    }
    if (ts.isFunctionLike(current) || ts.isClassStaticBlockDeclaration(current) || ts.isClassLike(current) || ts.isSourceFile(current) || ts.isModuleBlock(current)) return undefined;
  }
  return undefined;
}

/** `TypeFlags.Null` for `null`, `TypeFlags.Undefined` for `undefined`, otherwise 0. */
function getNullishFlag(expression: ts.Expression): number {
  if (expression.kind === SyntaxKind.NullKeyword) return TypeFlags.Null;
  return ts.isIdentifier(expression) && expression.text === 'undefined' ? TypeFlags.Undefined : 0;
}

/** `type`, if it already admits the other branch's `null` or `undefined` (then both together are `type`). */
function admitsNullish(type: ts.Type | undefined, nullish: number): ts.Type | undefined {
  return type !== undefined && type.isUnion() && type.types.some((member) => (member.flags & nullish) !== 0) ? type : undefined;
}

/** Initializers whose type `getTypeWithoutNarrowing` may read (a literal's is the checker's: it widens). */
function isCheaplyTyped(expression: ts.Expression): boolean {
  return ts.isCallExpression(expression) || ts.isNewExpression(expression) || ts.isElementAccessExpression(expression) || ts.isAsExpression(expression) || ts.isPropertyAccessExpression(expression);
}

/** `x` in `const x = <initializer>` without a type annotation: the initializer, parentheses skipped. */
function getUnannotatedInitializer(declaration: ts.Declaration | undefined): ts.Expression | undefined {
  if (declaration === undefined || !ts.isVariableDeclaration(declaration) || declaration.type !== undefined || declaration.initializer === undefined || !ts.isIdentifier(declaration.name)) return undefined;
  return skipParentheses(declaration.initializer);
}

function skipParentheses(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (ts.isParenthesizedExpression(current)) current = current.expression;
  return current;
}
