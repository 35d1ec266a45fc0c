/**
 * `if (!user.email) logger.warn({ email: user.email }, 'no email')`: inside a branch taken only
 * when a value is missing, reading it yields nothing, so it is not the customer's data. TypeScript
 * does not narrow `string` to `''` on a falsy check, so this is read off the syntax.
 */
import ts from 'typescript';
import { skipOuterExpressions } from './file-index.js';
import { SyntaxKind } from './typescript-api.js';

/** Whether `expression` is read where an enclosing condition says the same reference is empty. */
export function isKnownEmptyAt(expression: ts.Expression): boolean {
  const reference = skipOuterExpressions(expression);
  if (!ts.isIdentifier(reference) && !ts.isPropertyAccessExpression(reference)) return false;
  const text = referenceText(reference);
  if (text === undefined) return false;
  let child: ts.Node = expression;
  for (let parent = expression.parent; parent !== undefined && !ts.isFunctionLike(parent) && !ts.isSourceFile(parent); child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent) && parent.thenStatement === child && isEmptyTest(parent.expression, text)) return true;
    if (ts.isConditionalExpression(parent) && parent.whenTrue === child && isEmptyTest(parent.condition, text)) return true;
  }
  return false;
}

/** `!x`, `x == null`, `x === undefined`, `x === ''`, and any of them joined by `||` or `&&`. */
function isEmptyTest(condition: ts.Expression, text: string): boolean {
  const test = skipOuterExpressions(condition);
  if (ts.isPrefixUnaryExpression(test) && test.operator === SyntaxKind.ExclamationToken) return referenceText(skipOuterExpressions(test.operand)) === text;
  if (!ts.isBinaryExpression(test)) return false;
  const operator = test.operatorToken.kind;
  // `!a || !b`: either may be empty, so neither is known to be; `!a && x`: `a` is
  if (operator === SyntaxKind.AmpersandAmpersandToken) return isEmptyTest(test.left, text) || isEmptyTest(test.right, text);
  if (operator !== SyntaxKind.EqualsEqualsToken && operator !== SyntaxKind.EqualsEqualsEqualsToken) return false;
  const [reference, other] = referenceText(skipOuterExpressions(test.left)) === text ? [test.left, test.right] : [test.right, test.left];
  if (referenceText(skipOuterExpressions(reference)) !== text) return false;
  const value = skipOuterExpressions(other);
  return value.kind === SyntaxKind.NullKeyword || (ts.isIdentifier(value) && value.text === 'undefined') || (ts.isStringLiteralLike(value) && value.text === '');
}

/** `user.email` and `user?.email` read the same; anything else has no reference text. */
function referenceText(node: ts.Node): string | undefined {
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) {
    const owner = referenceText(skipOuterExpressions(node.expression));
    return owner === undefined ? undefined : `${owner}.${node.name.text}`;
  }
  if (node.kind === SyntaxKind.ThisKeyword) return 'this';
  return undefined;
}
