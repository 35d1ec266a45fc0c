/**
 * Redaction a logger is built with: `pino({ redact: ['email', 'user.phone'] })` (or
 * `redact: { paths }`) masks those keys of every object it logs, and its `child()` loggers
 * inherit it. A log call through such a logger does not leak a field its redaction covers; a
 * template string or a positional message is not redacted, so those still leak.
 *
 * Two more shapes products use: a `formatters.log` hook that blanks every key containing one of a
 * list of words (`['email', 'firstname', 'ip']`), read as key patterns; and a Fastify app built
 * with pino options (`fastify({ logger: { redact } })`) or a logger (`loggerInstance: logger`),
 * whose `request.log` and `reply.log` log with that redaction.
 */
import ts from 'typescript';
import type { CheckerFacade } from './checker.js';
import { skipOuterExpressions } from './file-index.js';
import { getPropertyNameText, resolveConstInitializer } from './sinks.js';

/**
 * A redact path split into keys: `user.email` → `['user', 'email']`, `*.email`, `headers["x-email"]`.
 * A key pattern of a formatter (any key, at any depth, containing a word) is `['**', word]`.
 */
export type RedactPath = readonly string[];

const ANY_KEY_CONTAINING = '**';
/** How deep a formatter hook's helpers are followed to find its word list. */
const MAX_FORMATTER_DEPTH = 2;

const MAX_CONSTRUCTION_HOPS = 8;

export class LoggerRedaction {
  private readonly byLogger = new Map<ts.Node, readonly RedactPath[]>();

  private fastifyPaths: readonly RedactPath[] | undefined;

  constructor(
    private readonly facade: CheckerFacade,
    /** the project's files, searched for the Fastify app a `request.log` belongs to */
    private readonly files: readonly ts.SourceFile[] = [],
  ) {}

  /** The paths redacted by the logger `call` logs through (`logger.info(...)`); empty when none are known. */
  pathsFor(call: ts.CallExpression): readonly RedactPath[] {
    const callee = skipOuterExpressions(call.expression);
    if (!ts.isPropertyAccessExpression(callee)) return [];
    if (this.isFastifyRequestLogger(callee.expression)) return this.getFastifyPaths();
    return this.pathsOfLogger(callee.expression, MAX_CONSTRUCTION_HOPS);
  }

  /** `request.log`, `reply.log`, `app.log`: the logger of the Fastify app. */
  private isFastifyRequestLogger(expression: ts.Expression): boolean {
    const inner = skipOuterExpressions(expression);
    if (!ts.isPropertyAccessExpression(inner) || inner.name.text !== 'log') return false;
    const declaration = this.facade.getSymbol(inner.name)?.declarations?.[0];
    return declaration !== undefined && /[\\/]node_modules[\\/]fastify[\\/]/.test(declaration.getSourceFile().fileName);
  }

  /** The redaction of the program's Fastify apps: what every app's logger masks (none when they differ). */
  private getFastifyPaths(): readonly RedactPath[] {
    if (this.fastifyPaths !== undefined) return this.fastifyPaths;
    this.fastifyPaths = [];
    const perApp: (readonly RedactPath[])[] = [];
    for (const file of this.files) {
      if (!file.text.includes('fastify') && !file.text.includes('Fastify')) continue;
      const visit = (node: ts.Node): void => {
        if (ts.isCallExpression(node) && this.isFastifyFactory(node.expression)) perApp.push(this.readFastifyOptions(node));
        ts.forEachChild(node, visit);
      };
      visit(file);
    }
    const [first, ...others] = perApp;
    if (first === undefined) return this.fastifyPaths;
    const key = (paths: readonly RedactPath[]): string => paths.map((path) => path.join('\u0000')).sort().join('\u0001');
    this.fastifyPaths = others.every((paths) => key(paths) === key(first)) ? first : [];
    return this.fastifyPaths;
  }

  private isFastifyFactory(callee: ts.Expression): boolean {
    const inner = skipOuterExpressions(callee);
    if (!ts.isIdentifier(inner) && !ts.isPropertyAccessExpression(inner)) return false;
    // `export = fastify`: a function merged with a namespace re-exporting it (`fastify.default`, `{ fastify }`)
    const symbol = this.facade.getSymbol(inner);
    return symbol?.getName() === 'fastify' && (symbol.declarations ?? []).some((declaration) => (ts.isFunctionDeclaration(declaration) || ts.isVariableDeclaration(declaration)) && /[\\/]node_modules[\\/]fastify[\\/]fastify\.d\.ts$/.test(declaration.getSourceFile().fileName));
  }

  /** `fastify({ logger: { redact } })` (pino options) or `fastify({ loggerInstance: logger })`. */
  private readFastifyOptions(call: ts.CallExpression): readonly RedactPath[] {
    const options = call.arguments[0];
    const object = options === undefined ? undefined : resolveConstInitializer(skipOuterExpressions(options), this.facade);
    if (object === undefined || !ts.isObjectLiteralExpression(object)) return [];
    // `...(testing ? { logger: false } : { loggerInstance: logger })`: the branch that builds a logger
    for (const options of getOptionObjects(object)) {
      const instance = getProperty(options, 'loggerInstance') ?? getProperty(options, 'logger');
      if (instance === undefined) continue;
      const value = resolveConstInitializer(skipOuterExpressions(instance), this.facade);
      const paths = ts.isObjectLiteralExpression(value) ? this.readPinoOptions(value) : this.pathsOfLogger(instance, MAX_CONSTRUCTION_HOPS);
      if (paths.length > 0) return paths;
    }
    return [];
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
    if (!this.isPinoFactory(callee)) return this.readFactoryFunction(callee, hops - 1);
    const options = construction.arguments[0];
    const object = options === undefined ? undefined : resolveConstInitializer(skipOuterExpressions(options), this.facade);
    if (object === undefined || !ts.isObjectLiteralExpression(object)) return [];
    return this.readPinoOptions(object);
  }

  /** `createLogger({ name })`: a project function that returns the logger it builds. */
  private readFactoryFunction(callee: ts.Expression, hops: number): readonly RedactPath[] {
    if (hops <= 0) return [];
    const declaration = this.facade.getSymbol(ts.isPropertyAccessExpression(callee) ? callee.name : callee)?.valueDeclaration;
    const initializer = declaration !== undefined && ts.isVariableDeclaration(declaration) && declaration.initializer !== undefined ? skipOuterExpressions(declaration.initializer) : undefined;
    const fn = declaration !== undefined && ts.isFunctionDeclaration(declaration) ? declaration : initializer !== undefined && (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)) ? initializer : undefined;
    if (fn?.body === undefined || fn.getSourceFile().isDeclarationFile) return [];
    for (const returned of getReturnedExpressions(fn)) {
      const value = skipOuterExpressions(returned);
      const paths = ts.isCallExpression(value) ? this.readConstruction(value, hops) : this.pathsOfLogger(value, hops);
      if (paths.length > 0) return paths;
    }
    return [];
  }

  /** `redact` paths and the key words of a `formatters.log` hook. */
  private readPinoOptions(object: ts.ObjectLiteralExpression): readonly RedactPath[] {
    return [...this.readRedactOption(object), ...this.readFormatterHook(object)];
  }

  private readRedactOption(object: ts.ObjectLiteralExpression): readonly RedactPath[] {
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

  /**
   * `formatters: { log: (object) => redactSensitive(object) }` where the hook (or a helper it
   * calls) tests keys against a constant list of words (`SENSITIVE_KEYS.some((word) => key.includes(word))`):
   * every key containing one of the words is taken as masked, at any depth. Matching by
   * containment may take a key for masked that an exact-match list leaves alone: a miss, never
   * a false report.
   */
  private readFormatterHook(object: ts.ObjectLiteralExpression): readonly RedactPath[] {
    const formatters = getProperty(object, 'formatters');
    const resolved = formatters === undefined ? undefined : resolveConstInitializer(skipOuterExpressions(formatters), this.facade);
    if (resolved === undefined || !ts.isObjectLiteralExpression(resolved)) return [];
    const hook = resolved.properties.find((property) => property.name !== undefined && getPropertyNameText(property.name) === 'log');
    if (hook === undefined) return [];
    const words = new Set<string>();
    this.collectTestedWords(hook, MAX_FORMATTER_DEPTH, words, new Set());
    return [...words].map((word) => [ANY_KEY_CONTAINING, word]);
  }

  private collectTestedWords(node: ts.Node, depth: number, words: Set<string>, visited: Set<ts.Node>): void {
    if (visited.has(node)) return;
    visited.add(node);
    const visit = (child: ts.Node): void => {
      // `WORDS.some(...)`, `WORDS.includes(key)`, `WORDS.has(key)`: a membership test on a constant list
      if (ts.isCallExpression(child) && ts.isPropertyAccessExpression(child.expression) && MEMBERSHIP_TESTS.has(child.expression.name.text)) {
        for (const word of this.getConstantWords(child.expression.expression)) words.add(word.toLowerCase());
      }
      if (ts.isCallExpression(child) && depth > 0) {
        const declaration = this.facade.getSymbol(ts.isPropertyAccessExpression(child.expression) ? child.expression.name : child.expression)?.valueDeclaration;
        const body = declaration !== undefined && (ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration)) ? declaration.body : undefined;
        if (body !== undefined && !body.getSourceFile().isDeclarationFile) this.collectTestedWords(body, depth - 1, words, visited);
      }
      ts.forEachChild(child, visit);
    };
    visit(node);
  }

  private getConstantWords(expression: ts.Expression): readonly string[] {
    return getConstantWords(expression, this.facade);
  }

  /** `pino(...)`, `pino.default(...)`, `pino.pino(...)`: the function the `pino` package exports. */
  private isPinoFactory(callee: ts.Expression): boolean {
    const declaration = this.facade.getSymbol(callee)?.declarations?.[0];
    return declaration !== undefined && /[\\/]node_modules[\\/]pino[\\/]/.test(declaration.getSourceFile().fileName);
  }
}

/**
 * The strings of a constant list: `const WORDS = ['email', 'ip']`, a `new Set([...])` of them,
 * also imported, spread (`[...WORDS]`), mapped or passed through a one-argument normalising
 * helper (`normalizeFieldNames(SENSITIVE_FIELD_NAMES)`); none when any part is not constant.
 */
export function getConstantWords(expression: ts.Expression, facade: CheckerFacade, depth = 8): readonly string[] {
  const value = resolveConstInitializer(skipOuterExpressions(expression), facade);
  if (depth === 0) return [];
  if ((ts.isNewExpression(value) || ts.isCallExpression(value)) && value.arguments?.length === 1) {
    const callee = skipOuterExpressions(value.expression);
    // `[...WORDS].map(normalize)`: the receiver's words
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'map') return getConstantWords(callee.expression, facade, depth - 1);
    return getConstantWords(value.arguments[0] as ts.Expression, facade, depth - 1);
  }
  if (!ts.isArrayLiteralExpression(value)) return [];
  const words: string[] = [];
  for (const element of value.elements) {
    const inner = skipOuterExpressions(ts.isSpreadElement(element) ? element.expression : element);
    if (ts.isSpreadElement(element)) {
      const spread = getConstantWords(inner, facade, depth - 1);
      if (spread.length === 0) return [];
      words.push(...spread);
    } else if (ts.isStringLiteralLike(inner)) words.push(inner.text);
    else return [];
  }
  return words;
}

/** Whether a redact path covers the value at `keys` of a logged object (a covered object's fields are masked with it). */
export function isRedacted(keys: readonly string[], paths: readonly RedactPath[]): boolean {
  return paths.some((path) => {
    if (path[0] === ANY_KEY_CONTAINING) {
      const word = path[1] ?? '';
      return word !== '' && keys.some((key) => key.toLowerCase().includes(word));
    }
    return path.length <= keys.length && path.every((key, index) => key === '*' || key === keys[index]);
  });
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

/** An options object and the objects spread into it, both branches of a conditional spread included. */
function getOptionObjects(object: ts.ObjectLiteralExpression): ts.ObjectLiteralExpression[] {
  const objects = [object];
  for (const property of object.properties) {
    if (!ts.isSpreadAssignment(property)) continue;
    const spread = skipOuterExpressions(property.expression);
    const branches = ts.isConditionalExpression(spread) ? [spread.whenTrue, spread.whenFalse] : [spread];
    for (const branch of branches) {
      const inner = skipOuterExpressions(branch);
      if (ts.isObjectLiteralExpression(inner)) objects.push(inner);
    }
  }
  return objects;
}

/** What a function returns: its expression body, or the expressions of its own `return` statements. */
function getReturnedExpressions(fn: ts.FunctionLikeDeclaration): ts.Expression[] {
  if (fn.body === undefined) return [];
  if (!ts.isBlock(fn.body)) return [fn.body];
  const returned: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node)) return;
    if (ts.isReturnStatement(node) && node.expression !== undefined) returned.push(node.expression);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(fn.body, visit);
  return returned;
}

const MEMBERSHIP_TESTS: ReadonlySet<string> = new Set(['some', 'includes', 'has', 'find', 'indexOf']);

function getProperty(object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && getPropertyNameText(property.name) === name) return property.initializer;
    if (ts.isShorthandPropertyAssignment(property) && property.name.text === name) return property.name;
  }
  return undefined;
}
