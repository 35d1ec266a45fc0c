/**
 * Redaction a logger is built with: `pino({ redact: ['email', 'user.phone'] })` (or
 * `redact: { paths }`) masks those keys of every object it logs, and its `child()` loggers
 * inherit it. A log call through such a logger does not leak a field its redaction covers; a
 * template string or a positional message is not redacted, so those still leak.
 */
import ts from 'typescript';
import type { CheckerFacade } from './checker.js';
import { skipOuterExpressions } from './file-index.js';
import { getPropertyNameText, resolveConstInitializer } from './sinks.js';

/** A redact path split into keys: `user.email` → `['user', 'email']`, `*.email`, `headers["x-email"]`. */
export type RedactPath = readonly string[];

const MAX_CONSTRUCTION_HOPS = 8;

export class LoggerRedaction {
  private readonly byLogger = new Map<ts.Node, readonly RedactPath[]>();

  constructor(private readonly facade: CheckerFacade) {}

  /** The paths redacted by the logger `call` logs through (`logger.info(...)`); empty when none are known. */
  pathsFor(call: ts.CallExpression): readonly RedactPath[] {
    const callee = skipOuterExpressions(call.expression);
    if (!ts.isPropertyAccessExpression(callee)) return [];
    return this.pathsOfLogger(callee.expression, MAX_CONSTRUCTION_HOPS);
  }

  private pathsOfLogger(expression: ts.Expression, hops: number): readonly RedactPath[] {
    const construction = this.findConstruction(skipOuterExpressions(expression));
    if (construction === undefined || hops === 0) return [];
    const cached = this.byLogger.get(construction);
    if (cached !== undefined) return cached;
    this.byLogger.set(construction, []);
    const paths = this.readConstruction(construction, hops);
    this.byLogger.set(construction, paths);
    return paths;
  }

  /** The call a logger value was made by: its variable's or field's initializer. */
  private findConstruction(expression: ts.Expression): ts.CallExpression | undefined {
    if (ts.isCallExpression(expression)) return expression;
    const symbol = ts.isIdentifier(expression) || ts.isPropertyAccessExpression(expression) ? this.facade.getSymbol(expression) : undefined;
    const declaration = symbol?.valueDeclaration;
    const initializer = declaration !== undefined && (ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration)) ? declaration.initializer : undefined;
    if (initializer === undefined) return undefined;
    const value = skipOuterExpressions(initializer);
    return ts.isCallExpression(value) ? value : undefined;
  }

  private readConstruction(construction: ts.CallExpression, hops: number): readonly RedactPath[] {
    const callee = skipOuterExpressions(construction.expression);
    // `base.child({ module })`: the child logs with its parent's redaction
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'child') return this.pathsOfLogger(callee.expression, hops - 1);
    if (!this.isPinoFactory(callee)) return [];
    const options = construction.arguments[0];
    const object = options === undefined ? undefined : resolveConstInitializer(skipOuterExpressions(options), this.facade);
    if (object === undefined || !ts.isObjectLiteralExpression(object)) return [];
    const redact = getProperty(object, 'redact');
    if (redact === undefined) return [];
    const resolved = resolveConstInitializer(skipOuterExpressions(redact), this.facade);
    const list = ts.isObjectLiteralExpression(resolved) ? getProperty(resolved, 'paths') : resolved;
    const array = list === undefined ? undefined : resolveConstInitializer(skipOuterExpressions(list), this.facade);
    if (array === undefined || !ts.isArrayLiteralExpression(array)) return [];
    return array.elements.flatMap((element) => {
      const path = skipOuterExpressions(element);
      return ts.isStringLiteralLike(path) ? [parseRedactPath(path.text)] : [];
    });
  }

  /** `pino(...)`, `pino.default(...)`, `pino.pino(...)`: the function the `pino` package exports. */
  private isPinoFactory(callee: ts.Expression): boolean {
    const declaration = this.facade.getSymbol(callee)?.declarations?.[0];
    return declaration !== undefined && /[\\/]node_modules[\\/]pino[\\/]/.test(declaration.getSourceFile().fileName);
  }
}

/** Whether a redact path covers the value at `keys` of a logged object (a covered object's fields are masked with it). */
export function isRedacted(keys: readonly string[], paths: readonly RedactPath[]): boolean {
  return paths.some((path) => path.length <= keys.length && path.every((key, index) => key === '*' || key === keys[index]));
}

/** `a.b`, `a[*].b`, `a["x-y"]`, `*.email` → keys; array indexes and wildcards become `*`. */
function parseRedactPath(text: string): RedactPath {
  const keys: string[] = [];
  for (const match of text.matchAll(/([^.[\]]+)|\[(?:"([^"]*)"|'([^']*)'|([^\]]*))\]/g)) {
    const key = match[1] ?? match[2] ?? match[3] ?? match[4] ?? '';
    keys.push(key === '*' || /^\d+$/.test(key) ? '*' : key);
  }
  return keys;
}

function getProperty(object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && getPropertyNameText(property.name) === name) return property.initializer;
    if (ts.isShorthandPropertyAssignment(property) && property.name.text === name) return property.name;
  }
  return undefined;
}
