/**
 * Code that runs only in development: a branch a `NODE_ENV` test (or an `isDev` flag, or a debug
 * switch such as `ENABLE_DEBUG_LOGS`, off unless someone turns it on to diagnose) selects — also
 * the code after `if (!env.ENABLE_DEBUG_LOGS) return;` — and
 * the print-out that stands in for message delivery when no mail or SMS provider is configured
 * (`if (!process.env.RESEND_API_KEY) { console.log('To:', to); return; }`): production delivers.
 * Other missing settings are not development: `if (!process.env.SLACK_WEBHOOK_URL)
 * console.log(message)` logs the message a deployment without Slack would have posted.
 */
import ts from 'typescript';
import { skipOuterExpressions } from './file-index.js';
import { getPropertyChain } from './sinks.js';
import { SyntaxKind } from './typescript-api.js';

type Mode = 'development' | 'production';

const DEVELOPMENT_FLAG = /^_*(?:is_?)?dev(?:elopment)?(?:_?(?:mode|env|environment))?_*$/i;
/** `DEBUG`, `isDebug`, `debugMode`, `ENABLE_DEBUG_LOGS`, `DEBUG_LOGGING` */
const DEBUG_FLAG = /^_*(?:is_?|enable_?)?debug(?:_?(?:mode|logs?|logging|enabled))?_*$/i;
const PRODUCTION_FLAG = /^_*(?:is_?)?prod(?:uction)?(?:_?(?:mode|env|environment))?_*$/i;
const ENVIRONMENT_VARIABLES: ReadonlySet<string> = new Set(['NODE_ENV', 'APP_ENV', 'VERCEL_ENV', 'ENVIRONMENT', 'MODE']);
const DEVELOPMENT_VALUES: ReadonlySet<string> = new Set(['development', 'dev', 'local']);
/** The setting a mail or SMS provider needs (`RESEND_API_KEY`, `SMTP_HOST`, `TWILIO_AUTH_TOKEN`). */
const DELIVERY_PROVIDER_SETTING = /^(?:[A-Z0-9]+_)*(?:RESEND|SENDGRID|POSTMARK|MAILGUN|MAILERSEND|MAILJET|SMTP|SES|BREVO|SENDINBLUE|PLUNK|TWILIO|VONAGE|MESSAGEBIRD)_(?:[A-Z0-9]+_)*(?:API_?KEY|KEY|TOKEN|AUTH_TOKEN|SECRET|HOST|SERVER|URL|PASSWORD|PASS|USER)$/;

/** Whether `node` runs only in development. */
export function isDevelopmentOnly(node: ts.Node): boolean {
  for (let child: ts.Node = node, parent = node.parent; parent !== undefined && !ts.isSourceFile(parent); child = parent, parent = parent.parent) {
    if (ts.isBlock(parent) && isAfterProductionReturn(parent, child)) return true;
    if (ts.isIfStatement(parent) || ts.isConditionalExpression(parent)) {
      const condition = ts.isIfStatement(parent) ? parent.expression : parent.condition;
      const taken = child === (ts.isIfStatement(parent) ? parent.thenStatement : parent.whenTrue) ? true : child === (ts.isIfStatement(parent) ? parent.elseStatement : parent.whenFalse) ? false : undefined;
      if (taken !== undefined && selectsDevelopment(condition, taken)) return true;
    } else if (ts.isBinaryExpression(parent) && parent.right === child) {
      const operator = parent.operatorToken.kind;
      if (operator === SyntaxKind.AmpersandAmpersandToken && selectsDevelopment(parent.left, true)) return true;
      if (operator === SyntaxKind.BarBarToken && selectsDevelopment(parent.left, false)) return true;
    }
  }
  return false;
}

/** `if (!env.ENABLE_DEBUG_LOGS) return;` before `child` in `block`: what follows runs only where the condition is false. */
function isAfterProductionReturn(block: ts.Block, child: ts.Node): boolean {
  for (const statement of block.statements) {
    if (statement === child) return false;
    if (ts.isIfStatement(statement) && statement.elseStatement === undefined && leaves(statement.thenStatement) && selectsDevelopment(statement.expression, false)) return true;
  }
  return false;
}

/** `return;`, `throw ...`, or a block that ends with one. */
function leaves(statement: ts.Statement): boolean {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement)) return true;
  const last = ts.isBlock(statement) ? statement.statements[statement.statements.length - 1] : undefined;
  return last !== undefined && (ts.isReturnStatement(last) || ts.isThrowStatement(last));
}

/** Whether the condition having the value `taken` means the code runs in development only. */
function selectsDevelopment(condition: ts.Expression, taken: boolean): boolean {
  const mode = getMode(condition);
  return mode !== undefined && (mode === 'development') === taken;
}

/** The environment a condition being true says the code runs in, if it says one. */
function getMode(condition: ts.Expression): Mode | undefined {
  const expression = skipOuterExpressions(condition);
  if (ts.isPrefixUnaryExpression(expression) && expression.operator === SyntaxKind.ExclamationToken) {
    const operand = skipOuterExpressions(expression.operand);
    return isDeliveryProviderSetting(operand) ? 'development' : invert(getMode(operand));
  }
  if (ts.isBinaryExpression(expression)) {
    const operator = expression.operatorToken.kind;
    if (operator === SyntaxKind.AmpersandAmpersandToken || operator === SyntaxKind.BarBarToken) {
      const left = getMode(expression.left);
      const right = getMode(expression.right);
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
  if (DEVELOPMENT_FLAG.test(name) || DEBUG_FLAG.test(name)) return 'development';
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

/** `process.env.RESEND_API_KEY`, `env.SMTP_HOST`: a mail or SMS provider's setting read from the environment. */
function isDeliveryProviderSetting(expression: ts.Expression): boolean {
  const chain = getPropertyChain(expression);
  const last = chain?.[chain.length - 1];
  return chain !== undefined && last !== undefined && chain.slice(0, -1).some((segment) => segment === 'env') && DELIVERY_PROVIDER_SETTING.test(last);
}

function invert(mode: Mode | undefined): Mode | undefined {
  return mode === undefined ? undefined : mode === 'development' ? 'production' : 'development';
}
