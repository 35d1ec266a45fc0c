/**
 * `if (!user.email) logger.warn({ email: user.email }, 'no email')`: inside a branch taken only
 * when a value is missing, reading it yields nothing, so it is not the customer's data. TypeScript
 * does not narrow `string` to `''` on a falsy check, so this is read off the syntax.
 */
import ts from 'typescript';
import { getReferenceText, skipOuterExpressions, type FileIndex } from './file-index.js';
import { SyntaxKind } from './typescript-api.js';

/**
 * Whether `expression` is read where an enclosing condition says the same reference is empty.
 * `index` is the expression's file's: which references some condition tests (most reads are none).
 */
export function isKnownEmptyAt(expression: ts.Expression, index: FileIndex): boolean {
  const reference = skipOuterExpressions(expression);
  // the last name first: building the reference's text is the costly part, and most names are never tested
  if (ts.isIdentifier(reference)) {
    if (!index.emptyTested.names.has(reference.text)) return false;
  } else if (!ts.isPropertyAccessExpression(reference) || !index.emptyTested.names.has(reference.name.text)) {
    return false;
  }
  const text = getReferenceText(reference);
  if (text === undefined || !index.emptyTested.references.has(text)) return false;
  let child: ts.Node = expression;
  for (let parent = expression.parent; parent !== undefined && !ts.isFunctionLike(parent) && !ts.isSourceFile(parent); child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent) && parent.thenStatement === child && isEmptyTest(parent.expression, text)) return true;
    if (ts.isConditionalExpression(parent) && parent.whenTrue === child && isEmptyTest(parent.condition, text)) return true;
  }
  return false;
}

/**
 * `!x`, `x == null`, `x === undefined`, `x === ''`, `typeof x !== 'string'` (missing, or not text at
 * all: not an address or a name), any of them joined by `&&`, and such tests of the same reference
 * joined by `||` (`!x || typeof x !== 'string'`).
 */
function isEmptyTest(condition: ts.Expression, text: string): boolean {
  const test = skipOuterExpressions(condition);
  if (ts.isPrefixUnaryExpression(test) && test.operator === SyntaxKind.ExclamationToken) return getReferenceText(skipOuterExpressions(test.operand)) === text;
  if (!ts.isBinaryExpression(test)) return false;
  const operator = test.operatorToken.kind;
  // `!a || !b`: either may be empty, so neither is known to be; `!a && x`: `a` is
  if (operator === SyntaxKind.AmpersandAmpersandToken) return isEmptyTest(test.left, text) || isEmptyTest(test.right, text);
  if (operator === SyntaxKind.BarBarToken) return isEmptyTest(test.left, text) && isEmptyTest(test.right, text);
  if (operator === SyntaxKind.ExclamationEqualsEqualsToken || operator === SyntaxKind.ExclamationEqualsToken) return isNotTextTest(test, text);
  if (operator !== SyntaxKind.EqualsEqualsToken && operator !== SyntaxKind.EqualsEqualsEqualsToken) return false;
  const [reference, other] = getReferenceText(skipOuterExpressions(test.left)) === text ? [test.left, test.right] : [test.right, test.left];
  if (getReferenceText(skipOuterExpressions(reference)) !== text) return false;
  const value = skipOuterExpressions(other);
  return value.kind === SyntaxKind.NullKeyword || (ts.isIdentifier(value) && value.text === 'undefined') || (ts.isStringLiteralLike(value) && value.text === '');
}

/** `typeof x !== 'string'`. */
function isNotTextTest(test: ts.BinaryExpression, text: string): boolean {
  const [left, right] = [skipOuterExpressions(test.left), skipOuterExpressions(test.right)];
  const [typeOf, literal] = ts.isTypeOfExpression(left) ? [left, right] : [right, left];
  return ts.isTypeOfExpression(typeOf) && getReferenceText(skipOuterExpressions(typeOf.expression)) === text && ts.isStringLiteralLike(literal) && literal.text === 'string';
}
