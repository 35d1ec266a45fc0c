/**
 * `if (!user.email) logger.warn({ email: user.email }, 'no email')`: inside a branch taken only
 * when a value is missing, reading it yields nothing, so it is not the customer's data. TypeScript
 * does not narrow `string` to `''` on a falsy check, so this is read off the syntax.
 */
import ts from 'typescript';
import { skipOuterExpressions } from './file-index.js';
import { forEachChild, SyntaxKind } from './typescript-api.js';

/** per file: the references some condition tests for emptiness (most reads are none of them) */
const testedReferences = new WeakMap<ts.SourceFile, ReadonlySet<string>>();

/** Whether `expression` is read where an enclosing condition says the same reference is empty. */
export function isKnownEmptyAt(expression: ts.Expression): boolean {
  const reference = skipOuterExpressions(expression);
  if (!ts.isIdentifier(reference) && !ts.isPropertyAccessExpression(reference)) return false;
  const text = referenceText(reference);
  if (text === undefined || !getTestedReferences(reference.getSourceFile()).has(text)) return false;
  let child: ts.Node = expression;
  for (let parent = expression.parent; parent !== undefined && !ts.isFunctionLike(parent) && !ts.isSourceFile(parent); child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent) && parent.thenStatement === child && isEmptyTest(parent.expression, text)) return true;
    if (ts.isConditionalExpression(parent) && parent.whenTrue === child && isEmptyTest(parent.condition, text)) return true;
  }
  return false;
}

function getTestedReferences(file: ts.SourceFile): ReadonlySet<string> {
  let tested = testedReferences.get(file);
  if (tested === undefined) {
    const found = new Set<string>();
    // an explicit stack: generated files nest deeper than the call stack allows
    const pending: ts.Node[] = [file];
    for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
      if (ts.isPrefixUnaryExpression(node) && node.operator === SyntaxKind.ExclamationToken) addReference(found, node.operand);
      else if (ts.isBinaryExpression(node) && (node.operatorToken.kind === SyntaxKind.EqualsEqualsToken || node.operatorToken.kind === SyntaxKind.EqualsEqualsEqualsToken)) {
        addReference(found, node.left);
        addReference(found, node.right);
      }
      forEachChild(node, (child) => {
        pending.push(child);
      });
    }
    tested = found;
    testedReferences.set(file, tested);
  }
  return tested;
}

function addReference(found: Set<string>, expression: ts.Expression): void {
  const text = referenceText(skipOuterExpressions(expression));
  if (text !== undefined) found.add(text);
}

/**
 * `!x`, `x == null`, `x === undefined`, `x === ''`, any of them joined by `&&`, and tests of the
 * same reference joined by `||` (`!x || typeof x !== 'string'`: missing or not text at all).
 */
function isEmptyTest(condition: ts.Expression, text: string): boolean {
  const test = skipOuterExpressions(condition);
  if (ts.isPrefixUnaryExpression(test) && test.operator === SyntaxKind.ExclamationToken) return referenceText(skipOuterExpressions(test.operand)) === text;
  if (!ts.isBinaryExpression(test)) return false;
  const operator = test.operatorToken.kind;
  // `!a || !b`: either may be empty, so neither is known to be; `!a && x`: `a` is
  if (operator === SyntaxKind.AmpersandAmpersandToken) return isEmptyTest(test.left, text) || isEmptyTest(test.right, text);
  if (operator === SyntaxKind.BarBarToken) return isEmptyOrNotTextTest(test.left, text) && isEmptyOrNotTextTest(test.right, text) && (isEmptyTest(test.left, text) || isEmptyTest(test.right, text));
  if (operator !== SyntaxKind.EqualsEqualsToken && operator !== SyntaxKind.EqualsEqualsEqualsToken) return false;
  const [reference, other] = referenceText(skipOuterExpressions(test.left)) === text ? [test.left, test.right] : [test.right, test.left];
  if (referenceText(skipOuterExpressions(reference)) !== text) return false;
  const value = skipOuterExpressions(other);
  return value.kind === SyntaxKind.NullKeyword || (ts.isIdentifier(value) && value.text === 'undefined') || (ts.isStringLiteralLike(value) && value.text === '');
}

/** An empty test of the reference, or `typeof x !== 'string'`. */
function isEmptyOrNotTextTest(condition: ts.Expression, text: string): boolean {
  if (isEmptyTest(condition, text)) return true;
  const test = skipOuterExpressions(condition);
  if (!ts.isBinaryExpression(test) || (test.operatorToken.kind !== SyntaxKind.ExclamationEqualsEqualsToken && test.operatorToken.kind !== SyntaxKind.ExclamationEqualsToken)) return false;
  const [left, right] = [skipOuterExpressions(test.left), skipOuterExpressions(test.right)];
  const [typeOf, literal] = ts.isTypeOfExpression(left) ? [left, right] : [right, left];
  return ts.isTypeOfExpression(typeOf) && referenceText(skipOuterExpressions(typeOf.expression)) === text && ts.isStringLiteralLike(literal) && literal.text === 'string';
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
