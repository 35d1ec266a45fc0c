/**
 * Finds support and operator access code (`require-access-grant`, DESIGN.md section 10): functions
 * and methods tagged `/** @access support *\/` (on themselves or their class), and those the
 * config's `access.entryPoints` marks by file glob, decorator (`@Roles('support')`) or route
 * prefix (`router.get('/support/orders', handler)`, `@Controller('support')`). Everything here is
 * syntax plus symbol lookups; what the functions do is access-paths.ts' concern.
 */
import ts from 'typescript';
import { normalizeDecoratorArguments, normalizeRoutePath, type ResolvedAccess } from '../policy/config.js';
import type { CheckerFacade } from './checker.js';
import { getCalleeName, skipOuterExpressions, type FileIndex } from './file-index.js';
import { getStaticString } from './sinks.js';

/** A function whose body is support access code. */
export interface AccessEntryPoint {
  readonly fn: ts.FunctionLikeDeclaration;
  /** `SupportConsole.ordersOf`, `ordersHandler`, `GET /support/orders handler` */
  readonly name: string;
  /** why it is an entry point: `@access support`, `file glob`, `decorator @Roles('support')`, `route /support/orders` */
  readonly markedBy: string;
}

const ACCESS_TAG = /@access\s+(?:support|operator)\b/;

/** Finds the entry points of one file; the cheap text tests first, since few files have any. */
export function findAccessEntryPoints(file: ts.SourceFile, index: FileIndex, access: ResolvedAccess, isEntryFile: boolean, facade: CheckerFacade): AccessEntryPoint[] {
  const found = new Map<ts.FunctionLikeDeclaration, AccessEntryPoint>();
  const add = (fn: ts.FunctionLikeDeclaration, name: string, markedBy: string): void => {
    if (fn.body !== undefined && !found.has(fn)) found.set(fn, { fn, name, markedBy });
  };
  const hasTag = file.text.includes('@access');
  const hasDecorators = (access.decorators.length > 0 || access.routePrefixes.length > 0) && file.text.includes('@');
  if (hasTag || hasDecorators || isEntryFile) {
    forEachDeclaration(file, (declaration, fn, name, owner) => {
      if (isEntryFile && isTopLevel(declaration, owner)) add(fn, name, 'file glob');
      if (hasTag && (hasAccessTag(declaration, file) || (owner !== undefined && hasAccessTag(owner, file)))) add(fn, name, '@access support');
      if (hasDecorators) {
        const marking = getMarkingDecorator(declaration, access) ?? (owner === undefined ? undefined : getMarkingDecorator(owner, access));
        if (marking !== undefined) add(fn, name, marking);
      }
    });
  }
  if (access.routePrefixes.length > 0) {
    for (const call of index.calls) {
      if (!ts.isCallExpression(call) || call.arguments.length < 2 || getCalleeName(call.expression) === undefined) continue;
      const first = call.arguments[0];
      const route = first === undefined ? undefined : getStaticString(first, facade);
      if (route === undefined || !matchesRoutePrefix(route, access.routePrefixes)) continue;
      for (const handler of call.arguments.slice(1)) {
        const fn = resolveHandler(handler, facade);
        if (fn !== undefined) add(fn, `${route} handler`, `route ${route}`);
      }
    }
  }
  return [...found.values()];
}

/** Visits every function-like declaration with a body: its name, and the class or object literal holding it. */
function forEachDeclaration(file: ts.SourceFile, visit: (declaration: ts.Node, fn: ts.FunctionLikeDeclaration, name: string, owner: ts.ClassLikeDeclaration | undefined) => void): void {
  const stack: ts.Node[] = [file];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (ts.isFunctionDeclaration(node) && node.body !== undefined) visit(node, node, node.name?.text ?? 'default export', undefined);
    else if (ts.isVariableStatement(node)) {
      for (const variable of node.declarationList.declarations) {
        const fn = getFunctionInitializer(variable.initializer);
        if (fn !== undefined && ts.isIdentifier(variable.name)) visit(node, fn, variable.name.text, undefined);
      }
    } else if (ts.isClassLike(node)) {
      const className = node.name?.text ?? 'class';
      for (const member of node.members) {
        const fn = ts.isMethodDeclaration(member) ? member : ts.isPropertyDeclaration(member) ? getFunctionInitializer(member.initializer) : undefined;
        const memberName = member.name === undefined ? undefined : getMemberName(member.name);
        if (fn !== undefined && memberName !== undefined) visit(member, fn, `${className}.${memberName}`, node);
      }
    }
    ts.forEachChild(node, (child) => {
      stack.push(child);
    });
  }
}

function getFunctionInitializer(initializer: ts.Expression | undefined): ts.FunctionLikeDeclaration | undefined {
  const value = initializer === undefined ? undefined : skipOuterExpressions(initializer);
  return value !== undefined && (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) ? value : undefined;
}

function getMemberName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isPrivateIdentifier(name) ? name.text : undefined;
}

/** A declaration directly in the file (a function, a variable, a method of a class declared in the file). */
function isTopLevel(declaration: ts.Node, owner: ts.ClassLikeDeclaration | undefined): boolean {
  return ts.isSourceFile((owner ?? declaration).parent);
}

/**
 * Whether the declaration's own JSDoc says `@access support` (or `operator`). Read from the
 * comment text, so it works whatever JSDoc the parser kept (the CLI parses JSDoc only in files
 * that use the engine's tags; an ESLint parser may parse none).
 */
function hasAccessTag(declaration: ts.Node, file: ts.SourceFile): boolean {
  const ranges = ts.getLeadingCommentRanges(file.text, declaration.getFullStart()) ?? [];
  return ranges.some((range) => {
    const text = file.text.slice(range.pos, range.end);
    return text.startsWith('/**') && ACCESS_TAG.test(text);
  });
}

/** The configured decorator or route-prefix decorator on a class or method, described, if any. */
function getMarkingDecorator(declaration: ts.Node, access: ResolvedAccess): string | undefined {
  if (!ts.canHaveDecorators(declaration)) return undefined;
  for (const decorator of ts.getDecorators(declaration) ?? []) {
    const expression = decorator.expression;
    const callee = ts.isCallExpression(expression) ? expression.expression : expression;
    const name = callee.getText().replace(/\s+/g, '');
    const written = ts.isCallExpression(expression) ? normalizeDecoratorArguments(expression.arguments.map((argument) => argument.getText()).join(',')) : undefined;
    if (access.decorators.some((pattern) => pattern.name === name && (pattern.args === undefined || pattern.args === written))) return `decorator ${decorator.getText()}`;
    const first = ts.isCallExpression(expression) ? expression.arguments[0] : undefined;
    if (first !== undefined && ts.isStringLiteralLike(first) && matchesRoutePrefix(first.text, access.routePrefixes)) return `route ${first.text}`;
  }
  return undefined;
}

function matchesRoutePrefix(route: string, prefixes: readonly string[]): boolean {
  const path = normalizeRoutePath(route);
  return prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** A route handler argument: an inline function, or a name of a project function. */
function resolveHandler(argument: ts.Expression, facade: CheckerFacade): ts.FunctionLikeDeclaration | undefined {
  const inline = getFunctionInitializer(argument);
  if (inline !== undefined) return inline;
  const target = skipOuterExpressions(argument);
  if (!ts.isIdentifier(target) && !ts.isPropertyAccessExpression(target)) return undefined;
  const symbol = facade.getSymbol(ts.isIdentifier(target) ? target : target.name);
  for (const declaration of symbol === undefined ? [] : facade.getDeclarations(symbol)) {
    if ((ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration)) && declaration.body !== undefined) return declaration;
    if (ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration) || ts.isPropertyAssignment(declaration)) {
      const fn = getFunctionInitializer(declaration.initializer);
      if (fn !== undefined) return fn;
    }
  }
  return undefined;
}
