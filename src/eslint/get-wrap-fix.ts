/**
 * Builds the edit behind the `redact(...)` / `maskPan(...)` suggestions: wrap the value the engine
 * says carries the data (`Finding.dataRange`), and import the wrapper from `classified` once —
 * reusing an existing import (aliased or namespace), extending an existing named import, or
 * adding one after the last import. Purely syntactic: which value to wrap and whether a safe
 * edit exists is the engine's decision; this only declines when the text cannot be wrapped
 * as-is or the wrapper's name is taken by something else.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

export type Wrapper = 'redact' | 'maskPan';

const PACKAGE_NAME = 'classified';

/** Node types with the value's range that are not expressions a call may wrap. */
const NOT_WRAPPABLE: ReadonlySet<AST_NODE_TYPES> = new Set([
  AST_NODE_TYPES.SpreadElement,
  AST_NODE_TYPES.Property,
  AST_NODE_TYPES.TemplateElement,
  AST_NODE_TYPES.RestElement,
  AST_NODE_TYPES.ObjectPattern,
  AST_NODE_TYPES.ArrayPattern,
  AST_NODE_TYPES.AssignmentPattern,
  AST_NODE_TYPES.JSXSpreadAttribute,
  AST_NODE_TYPES.JSXExpressionContainer,
]);

interface Target {
  /** a node inside the range, for scope lookups */
  readonly node: TSESTree.Node;
  /** the value is the shorthand `{ email }`, which must become `{ email: redact(email) }` */
  readonly shorthand: boolean;
}

interface Callee {
  /** how the wrapper is called at the value: `redact`, an alias, or `ns.redact` */
  readonly name: string;
  readonly importFix?: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix;
}

/**
 * Returns a fix that wraps `range` in `wrapper(...)` and imports the wrapper when needed, or
 * undefined when no safe edit exists.
 */
export function getWrapFix(
  sourceCode: Readonly<TSESLint.SourceCode>,
  range: { readonly start: number; readonly end: number },
  wrapper: Wrapper,
): TSESLint.ReportFixFunction | undefined {
  const target = getTarget(sourceCode, range);
  if (target === undefined) return undefined;
  const callee = getCallee(sourceCode, target.node, wrapper);
  if (callee === undefined) return undefined;
  return (fixer) => {
    const text = sourceCode.text.slice(range.start, range.end);
    const wrap = target.shorthand
      ? [fixer.replaceTextRange([range.start, range.end], `${text}: ${callee.name}(${text})`)]
      : [fixer.insertTextBeforeRange([range.start, range.start], `${callee.name}(`), fixer.insertTextAfterRange([range.end, range.end], ')')];
    return callee.importFix === undefined ? wrap : [...wrap, callee.importFix(fixer)];
  };
}

function getTarget(sourceCode: Readonly<TSESLint.SourceCode>, range: { readonly start: number; readonly end: number }): Target | undefined {
  const text = sourceCode.text;
  // a parenthesized expression has no node of its own in ESTree; it is wrappable as written
  if (text[range.start] === '(' && text[range.end - 1] === ')') {
    const inner = sourceCode.getNodeByRangeIndex(range.start + 1);
    return inner === null ? undefined : { node: inner, shorthand: false };
  }
  for (let node: TSESTree.Node | undefined = sourceCode.getNodeByRangeIndex(range.start) ?? undefined; node !== undefined; node = node.parent) {
    if (node.range[0] < range.start || node.range[1] > range.end) return undefined;
    if (node.range[0] === range.start && node.range[1] === range.end) {
      if (NOT_WRAPPABLE.has(node.type)) return undefined;
      const parent = node.parent;
      const shorthand = parent?.type === AST_NODE_TYPES.Property && parent.shorthand && parent.parent.type === AST_NODE_TYPES.ObjectExpression;
      return { node, shorthand };
    }
  }
  return undefined;
}

function getCallee(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node, wrapper: Wrapper): Callee | undefined {
  const scope = sourceCode.getScope(node);
  const imports = sourceCode.ast.body.filter(
    (statement): statement is TSESTree.ImportDeclaration =>
      statement.type === AST_NODE_TYPES.ImportDeclaration && statement.source.value === PACKAGE_NAME && statement.importKind !== 'type',
  );
  for (const declaration of imports) {
    for (const specifier of declaration.specifiers) {
      const local = specifier.local.name;
      const usable = ASTUtils.findVariable(scope, local)?.defs.some((definition) => definition.node === specifier) === true;
      if (!usable) continue;
      if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return { name: `${local}.${wrapper}` };
      if (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind !== 'type' && getImportedName(specifier) === wrapper) {
        return { name: local };
      }
    }
  }
  // the wrapper's name already means something else here
  if (ASTUtils.findVariable(scope, wrapper) !== null) return undefined;
  const extendable = imports.flatMap((declaration) => declaration.specifiers.filter((specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier));
  const lastSpecifier = extendable[extendable.length - 1];
  if (lastSpecifier !== undefined) return { name: wrapper, importFix: (fixer) => fixer.insertTextAfter(lastSpecifier, `, ${wrapper}`) };
  const statement = `import { ${wrapper} } from '${PACKAGE_NAME}';`;
  const allImports = sourceCode.ast.body.filter((entry) => entry.type === AST_NODE_TYPES.ImportDeclaration);
  const lastImport = allImports[allImports.length - 1];
  if (lastImport !== undefined) return { name: wrapper, importFix: (fixer) => fixer.insertTextAfter(lastImport, `\n${statement}`) };
  const firstStatement = sourceCode.ast.body.find((entry) => !(entry.type === AST_NODE_TYPES.ExpressionStatement && entry.directive !== undefined));
  if (firstStatement === undefined) return undefined;
  return { name: wrapper, importFix: (fixer) => fixer.insertTextBefore(firstStatement, `${statement}\n`) };
}

function getImportedName(specifier: TSESTree.ImportSpecifier): string {
  return specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
}
