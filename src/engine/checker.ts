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

export class CheckerFacade {
  // the engine asks about the same nodes from several places, and the checker does not cache these answers
  private readonly typeCache = new WeakMap<ts.Node, ts.Type>();
  private readonly symbolCache = new WeakMap<ts.Node, ts.Symbol | null>();
  private readonly symbolTypeCache = new WeakMap<ts.Symbol, ts.Type>();

  constructor(
    readonly program: ts.Program,
    private readonly checker: ts.TypeChecker,
  ) {}

  /**
   * The type of an expression or declaration. A name of a variable, parameter or property gets
   * its declared type, without the control-flow narrowing the checker does at each reference:
   * narrowing is the costly part and does not change whether a value is classified.
   */
  getTypeOfNode(node: ts.Node): ts.Type {
    let type = this.typeCache.get(node);
    if (type === undefined) {
      type = this.getDeclaredTypeOfReference(node) ?? this.getSoleSignature(node)?.getReturnType() ?? this.checker.getTypeAtLocation(node);
      this.typeCache.set(node, type);
    }
    return type;
  }

  /**
   * The signature a call or `new` can only mean: its callee's type has one signature, not
   * generic, not returning `this`. Resolving the call instead would check every argument against
   * the parameters (inference, assignability), which the analysis does not need.
   */
  private getSoleSignature(node: ts.Node): ts.Signature | undefined {
    const signature = this.getOnlySignature(node);
    if (signature === undefined || signature.getTypeParameters() !== undefined) return undefined;
    return (signature.getReturnType().flags & ts.TypeFlags.TypeParameter) === 0 ? signature : undefined;
  }

  /** The one signature, generic or not, the callee's type has for this call or `new`. */
  private getOnlySignature(node: ts.Node): ts.Signature | undefined {
    if (!ts.isCallExpression(node) && !ts.isNewExpression(node)) return undefined;
    const callee = node.expression;
    if (callee.kind === ts.SyntaxKind.SuperKeyword || callee.kind === ts.SyntaxKind.ImportKeyword) return undefined;
    const calleeType = this.getTypeOfNode(callee);
    const signatures = ts.isCallExpression(node) ? calleeType.getCallSignatures() : calleeType.getConstructSignatures();
    return signatures.length === 1 ? signatures[0] : undefined;
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
    if ((type.flags & (ts.TypeFlags.Conditional | ts.TypeFlags.Substitution | ts.TypeFlags.IndexedAccess | ts.TypeFlags.Index)) !== 0) return true;
    if (depth === 0) return false;
    if (type.isUnionOrIntersection()) return type.types.some((part) => this.isDeferred(part, depth - 1));
    const isReference = (type.flags & ts.TypeFlags.Object) !== 0 && ((type as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference) !== 0;
    return isReference && this.checker.getTypeArguments(type as ts.TypeReference).some((argument) => this.isDeferred(argument, depth - 1));
  }

  /** The declared type of what a name or `receiver.name` refers to, if it is a variable, parameter, property or function. */
  private getDeclaredTypeOfReference(node: ts.Node): ts.Type | undefined {
    let symbol: ts.Symbol | undefined;
    // `{ email }`: the variable read, not the property the literal creates (whose type needs the whole literal checked)
    if (ts.isIdentifier(node)) symbol = ts.isShorthandPropertyAssignment(node.parent) && node.parent.name === node ? this.resolveShorthandValueSymbol(node.parent) : this.getSymbol(node);
    else if (ts.isPropertyAccessExpression(node)) symbol = this.getSymbol(node.name);
    if (symbol === undefined || (symbol.flags & (ts.SymbolFlags.Variable | ts.SymbolFlags.Property | ts.SymbolFlags.GetAccessor | ts.SymbolFlags.Function | ts.SymbolFlags.Method)) === 0) return undefined;
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
    if (declaration === undefined || !ts.isVariableDeclaration(declaration) || declaration.type !== undefined || declaration.initializer === undefined || !ts.isIdentifier(declaration.name)) return undefined;
    const initializer = skipParentheses(declaration.initializer);
    const awaited = ts.isAwaitExpression(initializer);
    const returned = this.getSoleSignature(awaited ? skipParentheses(initializer.expression) : initializer)?.getReturnType();
    if (returned === undefined || !awaited) return returned;
    return this.checker.getAwaitedType(returned);
  }

  /** The symbol a name, property access or callee refers to, with import aliases resolved. */
  getSymbol(node: ts.Node): ts.Symbol | undefined {
    const cached = this.symbolCache.get(node);
    if (cached !== undefined) return cached ?? undefined;
    const member = ts.isIdentifier(node) && ts.isPropertyAccessExpression(node.parent) && node.parent.name === node ? this.getMemberOfDeclaredType(node.parent) : undefined;
    const written = member ?? this.checker.getSymbolAtLocation(node);
    const symbol = written === undefined ? undefined : this.resolveAlias(written);
    this.symbolCache.set(node, symbol ?? null);
    return symbol;
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
    if ((receiverType.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Never)) !== 0) return undefined;
    return this.checker.getPropertyOfType(receiverType, access.name.text);
  }

  /** The variable a shorthand property `{ email }` reads (not the property it creates). */
  getShorthandValueSymbol(property: ts.ShorthandPropertyAssignment): ts.Symbol | undefined {
    return this.checker.getShorthandAssignmentValueSymbol(property);
  }

  private resolveShorthandValueSymbol(property: ts.ShorthandPropertyAssignment): ts.Symbol | undefined {
    const symbol = this.checker.getShorthandAssignmentValueSymbol(property);
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
    if ((symbol.flags & ts.SymbolFlags.Alias) === 0) return symbol;
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
    return this.checker.getNonNullableType(type);
  }

  getTypeArguments(type: ts.TypeReference): readonly ts.Type[] {
    return this.checker.getTypeArguments(type);
  }

  getIndexTypeOfType(type: ts.Type, kind: ts.IndexKind): ts.Type | undefined {
    return this.checker.getIndexInfoOfType(type, kind)?.type;
  }

  getAwaitedType(type: ts.Type): ts.Type | undefined {
    return this.checker.getAwaitedType(type);
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
    return this.checker.getSymbolsInScope(location, ts.SymbolFlags.Value);
  }

  typeToString(type: ts.Type): string {
    return this.checker.typeToString(type);
  }
}

function skipParentheses(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (ts.isParenthesizedExpression(current)) current = current.expression;
  return current;
}
