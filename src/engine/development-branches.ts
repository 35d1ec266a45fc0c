/**
 * Code that runs only in development: a branch a `NODE_ENV` test (or an `isDev` flag) selects, and
 * the fallback that prints what it would have sent when a vendor's credentials are not configured
 * (`if (!process.env.RESEND_API_KEY) { console.log('To:', to); return; }`). Reviewers dismiss
 * findings there as development-only; production takes the other branch.
 */
import ts from 'typescript';
import { skipOuterExpressions } from './file-index.js';
import { getPropertyChain } from './sinks.js';
import { SyntaxKind } from './typescript-api.js';

type Mode = 'development' | 'production';

const DEVELOPMENT_FLAG = /^_*(?:is_?)?dev(?:elopment)?(?:_?(?:mode|env|environment))?_*$/i;
const PRODUCTION_FLAG = /^_*(?:is_?)?prod(?:uction)?(?:_?(?:mode|env|environment))?_*$/i;
const ENVIRONMENT_VARIABLES: ReadonlySet<string> = new Set(['NODE_ENV', 'APP_ENV', 'VERCEL_ENV', 'ENVIRONMENT', 'MODE']);
const DEVELOPMENT_VALUES: ReadonlySet<string> = new Set(['development', 'dev', 'local']);
/** A setting a vendor call needs: without it, the code has nowhere to send to. */
const CREDENTIAL_SETTING = /(?:API_?KEY|_KEY|TOKEN|SECRET|DSN|_HOST|_URL|PASSWORD|_PASS)$/;

/**
 * Whether `node` runs only in development; with `fallbacks`, also in the branch taken when a
 * vendor's credentials are missing (where a logger prints what would have been sent).
 */
export function isDevelopmentOnly(node: ts.Node, fallbacks: boolean): boolean {
  for (let child: ts.Node = node, parent = node.parent; parent !== undefined && !ts.isSourceFile(parent); child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent) || ts.isConditionalExpression(parent)) {
      const condition = ts.isIfStatement(parent) ? parent.expression : parent.condition;
      const taken = child === (ts.isIfStatement(parent) ? parent.thenStatement : parent.whenTrue) ? true : child === (ts.isIfStatement(parent) ? parent.elseStatement : parent.whenFalse) ? false : undefined;
      if (taken !== undefined && selectsDevelopment(condition, taken, fallbacks)) return true;
    } else if (ts.isBinaryExpression(parent) && parent.right === child) {
      const operator = parent.operatorToken.kind;
      if (operator === SyntaxKind.AmpersandAmpersandToken && selectsDevelopment(parent.left, true, fallbacks)) return true;
      if (operator === SyntaxKind.BarBarToken && selectsDevelopment(parent.left, false, fallbacks)) return true;
    }
  }
  return false;
}

/** Whether the condition having the value `taken` means the code runs in development only. */
function selectsDevelopment(condition: ts.Expression, taken: boolean, fallbacks: boolean): boolean {
  const mode = getMode(condition, fallbacks);
  return mode !== undefined && (mode === 'development') === taken;
}

/** The environment a condition being true says the code runs in, if it says one. */
function getMode(condition: ts.Expression, fallbacks: boolean): Mode | undefined {
  const expression = skipOuterExpressions(condition);
  if (ts.isPrefixUnaryExpression(expression) && expression.operator === SyntaxKind.ExclamationToken) {
    const operand = skipOuterExpressions(expression.operand);
    // `!process.env.RESEND_API_KEY`: the vendor is not configured, which no production deployment is
    if (fallbacks && isCredentialSetting(operand)) return 'development';
    return invert(getMode(operand, fallbacks));
  }
  if (ts.isBinaryExpression(expression)) {
    const operator = expression.operatorToken.kind;
    if (operator === SyntaxKind.AmpersandAmpersandToken || operator === SyntaxKind.BarBarToken) {
      const left = getMode(expression.left, fallbacks);
      const right = getMode(expression.right, fallbacks);
      // `a && b` true needs both, so one saying development is enough; `a || b` needs both to say it
      if (operator === SyntaxKind.AmpersandAmpersandToken) return left === 'development' || right === 'development' ? 'development' : left === 'production' && right === 'production' ? 'production' : undefined;
      return left === right ? left : undefined;
    }
    const equal = operator === SyntaxKind.EqualsEqualsEqualsToken || operator === SyntaxKind.EqualsEqualsToken;
    const notEqual = operator === SyntaxKind.ExclamationEqualsEqualsToken || operator === SyntaxKind.ExclamationEqualsToken;
    if (!equal && !notEqual) return undefined;
    const comparison = getEnvironmentComparison(expression.left, expression.right) ?? getEnvironmentComparison(expression.right, expression.left);
    if (comparison === undefined) return undefined;
    return equal ? comparison : invert(comparison);
  }
  const name = getFlagName(expression);
  if (name === undefined) return undefined;
  if (DEVELOPMENT_FLAG.test(name)) return 'development';
  if (PRODUCTION_FLAG.test(name)) return 'production';
  return undefined;
}

/** `process.env.NODE_ENV === 'development'` is development; `=== 'production'` is production. */
function getEnvironmentComparison(variable: ts.Expression, value: ts.Expression): Mode | undefined {
  const literal = skipOuterExpressions(value);
  if (!ts.isStringLiteralLike(literal)) return undefined;
  const chain = getPropertyChain(skipOuterExpressions(variable));
  const last = chain?.[chain.length - 1];
  if (last === undefined || !ENVIRONMENT_VARIABLES.has(last)) return undefined;
  if (DEVELOPMENT_VALUES.has(literal.text)) return 'development';
  return literal.text === 'production' ? 'production' : undefined;
}

/** `isDev`, `config.isDevelopment`, `import.meta.env.DEV`, `__DEV__`: the last name of the chain. */
function getFlagName(expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  if (ts.isCallExpression(expression) && expression.arguments.length === 0) return getFlagName(skipOuterExpressions(expression.expression));
  return undefined;
}

/** `process.env.SMTP_HOST`, `env.RESEND_API_KEY`: a vendor setting read from the environment. */
function isCredentialSetting(expression: ts.Expression): boolean {
  const chain = getPropertyChain(expression);
  if (chain === undefined || chain.length < 2) return false;
  const last = chain[chain.length - 1] ?? '';
  return /^[A-Z][A-Z0-9_]*$/.test(last) && CREDENTIAL_SETTING.test(last) && chain.slice(0, -1).some((segment) => /^(?:env|ENV|process)$/.test(segment));
}

function invert(mode: Mode | undefined): Mode | undefined {
  return mode === undefined ? undefined : mode === 'development' ? 'production' : 'development';
}
