/**
 * Functions nothing can run: a module's private function its module never mentions again
 * (`sendPlanReadyEmail` left behind after a refactor). Its parameters are no entry point and its
 * sinks no finding: reviewers read dead code as no leak. An exported function nothing in the
 * program calls stays live: a framework, another package or a person may run it (written examples
 * and libraries are full of them).
 */
import ts from 'typescript';

export class DeadCode {
  private readonly answers = new Map<ts.Node, boolean>();

  /** Whether nothing in the program can call `fn`. */
  isDead(fn: ts.SignatureDeclaration): boolean {
    let answer = this.answers.get(fn);
    if (answer === undefined) {
      answer = isUnusedPrivateFunction(fn);
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
