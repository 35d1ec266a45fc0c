/**
 * Branches a call's literal arguments rule out. `sendEmail('invite', { to })` picks
 * `templates['invite']`; a log under `if ('category' in template && template.category)` runs only
 * for templates that have a category, and the invite has none: that call hands its recipient to
 * no log. The conditions read here are tests of a constant table entry chosen by an argument
 * (`'key' in entry`, `entry.flag`, `!`, `&&`, `||`); anything else is not known, and the branch
 * may run.
 */
import ts from 'typescript';
import type { CheckerFacade } from './checker.js';
import { skipOuterExpressions } from './file-index.js';
import { getObjectProperty, getPropertyNameText, resolveConstInitializer } from './sinks.js';
import { SyntaxKind } from './typescript-api.js';

/** how many const, argument and member steps a value is followed */
const MAX_STEPS = 8;

/** Whether `node`, inside `fn`, can run when `fn` is called at `call`. */
export function canRunAtCall(node: ts.Node, fn: ts.SignatureDeclaration, call: ts.CallExpression | ts.NewExpression, facade: CheckerFacade): boolean {
  const branches: { statement: ts.IfStatement; then: boolean }[] = [];
  let child: ts.Node = node;
  for (let parent = node.parent; child !== fn; child = parent, parent = parent.parent) {
    // not inside `fn` (a flow reported where a helper `fn` calls keeps its own statement)
    if (parent === undefined || ts.isSourceFile(parent)) return true;
    if (ts.isIfStatement(parent) && child !== parent.expression) branches.push({ statement: parent, then: child === parent.thenStatement });
  }
  if (branches.length === 0) return true;
  const evaluator = new ArgumentEvaluator(fn, call, facade);
  return branches.every(({ statement, then }) => evaluator.evaluate(statement.expression) !== !then);
}

class ArgumentEvaluator {
  constructor(
    private readonly fn: ts.SignatureDeclaration,
    private readonly call: ts.CallExpression | ts.NewExpression,
    private readonly facade: CheckerFacade,
  ) {}

  /** The condition's truth, if the call's arguments and constants decide it. */
  evaluate(condition: ts.Expression): boolean | undefined {
    const expression = skipOuterExpressions(condition);
    if (ts.isPrefixUnaryExpression(expression) && expression.operator === SyntaxKind.ExclamationToken) {
      const operand = this.evaluate(expression.operand);
      return operand === undefined ? undefined : !operand;
    }
    if (ts.isBinaryExpression(expression)) {
      const operator = expression.operatorToken.kind;
      if (operator === SyntaxKind.AmpersandAmpersandToken || operator === SyntaxKind.BarBarToken) {
        const left = this.evaluate(expression.left);
        const right = this.evaluate(expression.right);
        const decisive = operator === SyntaxKind.BarBarToken;
        if (left === decisive || right === decisive) return decisive;
        return left === undefined || right === undefined ? undefined : !decisive;
      }
      if (operator === SyntaxKind.InKeyword && ts.isStringLiteralLike(expression.left)) {
        const object = this.resolveObject(expression.right, 0);
        return object === undefined ? undefined : findMember(object, expression.left.text) !== undefined;
      }
      return undefined;
    }
    if (ts.isPropertyAccessExpression(expression)) {
      const object = this.resolveObject(expression.expression, 0);
      if (object === undefined) return undefined;
      const member = findMember(object, expression.name.text);
      if (member === undefined) return false;
      if (member === INHERITED || !ts.isPropertyAssignment(member)) return member !== INHERITED && ts.isMethodDeclaration(member) ? true : undefined;
      return isTruthyLiteral(resolveConstInitializer(skipOuterExpressions(member.initializer), this.facade));
    }
    return undefined;
  }

  /** The object literal an expression is, through consts, members, and the call's arguments for `fn`'s parameters. */
  private resolveObject(expression: ts.Expression, steps: number): ts.ObjectLiteralExpression | undefined {
    if (steps > MAX_STEPS) return undefined;
    const value = this.resolveValue(expression, steps);
    if (value === undefined) return undefined;
    if (ts.isObjectLiteralExpression(value)) return value.properties.some((property) => ts.isSpreadAssignment(property)) ? undefined : value;
    if (ts.isElementAccessExpression(value) || ts.isPropertyAccessExpression(value)) {
      const owner = this.resolveObject(value.expression, steps + 1);
      const key = ts.isPropertyAccessExpression(value) ? value.name.text : this.resolveString(value.argumentExpression, steps + 1);
      const member = owner === undefined || key === undefined ? undefined : getObjectProperty(owner, key, this.facade);
      return member === undefined ? undefined : this.resolveObject(member, steps + 1);
    }
    return undefined;
  }

  private resolveString(expression: ts.Expression, steps: number): string | undefined {
    const value = this.resolveValue(expression, steps);
    return value !== undefined && ts.isStringLiteralLike(value) ? value.text : undefined;
  }

  /** A parameter of `fn` is the call's argument; a const is its initializer. */
  private resolveValue(expression: ts.Expression, steps: number): ts.Expression | undefined {
    const target = skipOuterExpressions(expression);
    if (ts.isIdentifier(target)) {
      const declaration = this.facade.getSymbol(target)?.valueDeclaration;
      if (declaration !== undefined && ts.isParameter(declaration) && declaration.parent === this.fn) {
        const index = this.fn.parameters.indexOf(declaration);
        const argument = declaration.dotDotDotToken === undefined ? this.call.arguments?.[index] : undefined;
        return argument === undefined ? undefined : this.resolveValue(argument, steps + 1);
      }
    }
    return resolveConstInitializer(target, this.facade);
  }
}

/** Members every object has from `Object.prototype`: a literal without them still has them. */
const INHERITED_MEMBERS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));
const INHERITED = Symbol('inherited member');

/** The member of an object literal written under `name` (undefined: it has none; INHERITED: its prototype's). */
function findMember(object: ts.ObjectLiteralExpression, name: string): ts.ObjectLiteralElementLike | typeof INHERITED | undefined {
  if (INHERITED_MEMBERS.has(name)) return INHERITED;
  return object.properties.find((property) => !ts.isSpreadAssignment(property) && property.name !== undefined && getPropertyNameText(property.name) === name);
}

/** A literal's truth (`'onboarding'`, `true`, `0`); undefined for anything not written as a literal. */
function isTruthyLiteral(value: ts.Expression): boolean | undefined {
  if (ts.isStringLiteralLike(value)) return value.text !== '';
  if (ts.isNumericLiteral(value)) return Number(value.text) !== 0;
  if (value.kind === SyntaxKind.TrueKeyword) return true;
  if (value.kind === SyntaxKind.FalseKeyword || value.kind === SyntaxKind.NullKeyword) return false;
  return undefined;
}
