/**
 * The project functions a set of files can reach by calling: what `check --changed` has to
 * analyse besides the changed files themselves. A finding in a changed file comes from a sink
 * call in that file, or from a sink inside a function the file calls (directly or through other
 * functions, methods, interface members and function references), whose parameter carries the
 * file's data there. Sink calls anywhere else can only lead to findings elsewhere.
 */
import ts from 'typescript';
import { getTargets, isAbstractMember } from './call-sites.js';
import type { CheckerFacade } from './checker.js';
import { skipOuterExpressions, type FileIndex } from './file-index.js';

type FunctionNode = ts.SignatureDeclaration & { readonly body?: ts.Node };

export class ReachableFunctions {
  private readonly reached = new Set<ts.Node>();
  private readonly reachedFiles = new Set<ts.SourceFile>();

  constructor(
    private readonly facade: CheckerFacade,
    private readonly files: readonly ts.SourceFile[],
    private readonly getFileIndex: (file: ts.SourceFile) => FileIndex,
    private readonly isProjectFile: (file: ts.SourceFile) => boolean,
    focus: Iterable<ts.SourceFile>,
  ) {
    const pending: ts.Node[] = [...focus];
    for (let container = pending.pop(); container !== undefined; container = pending.pop()) {
      for (const callee of this.getCalleesIn(container)) {
        for (const fn of this.getFunctionsNamedBy(callee)) {
          if (this.reached.has(fn)) continue;
          this.reached.add(fn);
          this.reachedFiles.add(fn.getSourceFile());
          pending.push(fn);
        }
      }
    }
  }

  /** Whether `node` lies inside a reached function (at any depth of nesting). */
  contains(node: ts.Node): boolean {
    for (let current: ts.Node | undefined = node.parent; current !== undefined; current = current.parent) {
      if (this.reached.has(current)) return true;
    }
    return false;
  }

  /** Whether any function of `file` is reached. */
  touches(file: ts.SourceFile): boolean {
    return this.reachedFiles.has(file);
  }

  /** Callees of the calls, `new`s and function references inside `container` (a file or a function). */
  private getCalleesIn(container: ts.Node): ts.Expression[] {
    const file = container.getSourceFile();
    const index = this.getFileIndex(file);
    const inside = (node: ts.Node): boolean => ts.isSourceFile(container) || (node.pos >= container.pos && node.end <= container.end);
    const callees: ts.Expression[] = [];
    for (const call of index.calls) if (inside(call)) callees.push(call.expression);
    for (const references of index.functionReferences.values()) for (const reference of references) if (inside(reference)) callees.push(reference);
    return callees;
  }

  /** The project functions a callee can run: declarations of its symbol, or the classes implementing an interface member. */
  private getFunctionsNamedBy(callee: ts.Expression): FunctionNode[] {
    const target = skipOuterExpressions(callee);
    const nameNode = ts.isPropertyAccessExpression(target) ? target.name : target;
    const functions: FunctionNode[] = [];
    for (const declaration of this.facade.getSymbol(nameNode)?.declarations ?? []) {
      if (!this.isProjectFile(declaration.getSourceFile()) || declaration.getSourceFile().isDeclarationFile) continue;
      if (ts.isClassLike(declaration)) {
        // `new Service(...)`: its constructor
        for (const member of declaration.members) if (ts.isConstructorDeclaration(member) && member.body !== undefined) functions.push(member);
        continue;
      }
      const fn = getFunctionOf(declaration);
      if (fn !== undefined) functions.push(fn);
      else if (isAbstractMember(declaration)) functions.push(...this.getImplementations(declaration));
    }
    return functions;
  }

  private getImplementations(member: ts.Declaration): FunctionNode[] {
    const name = (member as ts.NamedDeclaration).name?.getText();
    if (name === undefined) return [];
    const implementations: FunctionNode[] = [];
    for (const candidate of this.files.flatMap((file) => this.getFileIndex(file).classMembersByName.get(name) ?? [])) {
      const fn = getFunctionOf(candidate);
      if (fn !== undefined && getTargets(fn, this.facade).includes(member)) implementations.push(fn);
    }
    return implementations;
  }
}

/** The function a declaration declares or holds (`const f = () => ...`, `handler = function () {}`). */
function getFunctionOf(declaration: ts.Node): FunctionNode | undefined {
  if (ts.isFunctionLike(declaration)) return (declaration as FunctionNode).body === undefined ? undefined : (declaration as FunctionNode);
  if ((ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration) || ts.isPropertyAssignment(declaration)) && declaration.initializer !== undefined) {
    const initializer = skipOuterExpressions(declaration.initializer);
    if (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)) return initializer;
  }
  return undefined;
}
