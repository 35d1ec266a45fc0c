/**
 * Decides which findings `redact` mode neutralizes, and where: the engine's `carried` data name the
 * values carried into the sink; this module finds each expression in a source file and accepts it
 * only when wrapping it in `redact(...)` changes what the log receives and nothing else. That is
 * the case when the value sits directly in the log call's arguments (as an argument, an
 * object-literal property value — shorthand included — or an array element, possibly in
 * parentheses or a type assertion). Declined, and so still reported: findings in another rule's
 * sink kind, suppressed ones, values passed to a helper that logs them (wrapping at the call site
 * would change what the helper receives for its other uses), spread values (`...user` would spread
 * the mask's characters) and files that are not modules (a script has nowhere to import from). A
 * finding that lists several data is neutralized only when every one of them is wrapped.
 * Purely syntactic: whether a value is classified is the engine's decision.
 */
import ts from 'typescript';
import type { Finding } from '../engine/index.js';

export interface RedactionTarget {
  /** the expression to wrap, a node of the file passed to `getRedactionTargets` */
  readonly expression: ts.Expression;
  /** the expression is the name of a shorthand property `{ email }`, which becomes `{ email: redact(email) }` */
  readonly shorthand: boolean;
}

/**
 * Returns, for each datum `finding` carries into its sink, the expression `redact` mode wraps, or
 * undefined where the mode does not neutralize it; an empty list when it neutralizes none (another
 * sink kind, a suppressed finding, a script file). `file` must have the text the finding's
 * offsets refer to.
 */
export function getRedactionTargets(file: ts.SourceFile, finding: Finding): (RedactionTarget | undefined)[] {
  if (finding.sink?.kind !== 'log' || finding.suppression !== undefined || finding.carried === undefined) return [];
  if (file.isDeclarationFile || !ts.isExternalModule(file)) return [];
  return finding.carried.map((data) => getRedactionTarget(file, finding, data.value.start, data.value.end));
}

function getRedactionTarget(file: ts.SourceFile, finding: Finding, start: number, end: number): RedactionTarget | undefined {
  const expression = findExpressionByRange(file, start, end);
  if (expression === undefined || ts.isSpreadElement(expression) || ts.isOmittedExpression(expression)) return undefined;
  const call = getCallReceivingValue(expression);
  if (call === undefined || !isSinkCall(file, call, finding)) return undefined;
  return { expression, shorthand: ts.isShorthandPropertyAssignment(expression.parent) && expression.parent.name === expression };
}

/** The outermost expression spanning exactly `[start, end)` (offsets without leading trivia). */
function findExpressionByRange(file: ts.SourceFile, start: number, end: number): ts.Expression | undefined {
  let found: ts.Expression | undefined;
  const visit = (node: ts.Node): void => {
    if (found !== undefined || node.pos > start || node.end < end) return;
    if (ts.isExpression(node) && node.end === end && node.getStart(file) === start) {
      found = node;
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(file, visit);
  return found;
}

/** The call whose argument list holds the value, through the positions the engine reports values in. */
function getCallReceivingValue(expression: ts.Expression): ts.CallExpression | ts.NewExpression | undefined {
  let node: ts.Node = expression;
  for (;;) {
    const parent = node.parent;
    if (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isSatisfiesExpression(parent) || ts.isNonNullExpression(parent) || ts.isTypeAssertionExpression(parent) || ts.isArrayLiteralExpression(parent)) {
      node = parent;
    } else if ((ts.isPropertyAssignment(parent) && parent.initializer === node) || (ts.isShorthandPropertyAssignment(parent) && parent.name === node)) {
      node = parent.parent;
    } else if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.some((argument) => argument === node) === true) {
      return parent;
    } else {
      return undefined;
    }
  }
}

/** The call is the sink the finding's trace ends at (not a helper that passes the value on to it). */
function isSinkCall(file: ts.SourceFile, call: ts.CallExpression | ts.NewExpression, finding: Finding): boolean {
  const sinkStep = finding.trace[finding.trace.length - 1];
  if (sinkStep === undefined || sinkStep.file !== finding.file) return false;
  const position = file.getLineAndCharacterOfPosition(call.getStart(file));
  return position.line + 1 === sinkStep.line && position.character + 1 === sinkStep.column;
}
