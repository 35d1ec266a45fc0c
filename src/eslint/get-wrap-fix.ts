/**
 * Builds the edit behind the `redact(...)` / `maskPan(...)` suggestions: wrap the values the engine
 * says carry the data (`Finding.carried`), and import the wrapper from `classified` once —
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

interface OffsetRange {
  readonly start: number;
  readonly end: number;
}

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
 * Returns a fix that wraps each of `ranges` in `wrapper(...)` and imports the wrapper when
 * needed, or undefined when no safe edit exists for one of them.
 */
export function getWrapFix(
  sourceCode: Readonly<TSESLint.SourceCode>,
  ranges: readonly OffsetRange[],
  wrapper: Wrapper,
): TSESLint.ReportFixFunction | undefined {
  // several data may be carried by one value (`{ card }` holds the number and the CVV): wrapped once
  const sorted = [...ranges]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .filter((range, index, all) => index === 0 || range.start !== all[index - 1]?.start || range.end !== all[index - 1]?.end);
  // ESLint rejects a suggestion whose edits overlap
  if (sorted.some((range, index) => index > 0 && range.start < (sorted[index - 1]?.end ?? 0))) return undefined;
  const wraps: { readonly range: OffsetRange; readonly target: Target; readonly callee: Callee }[] = [];
  for (const range of sorted) {
    const target = getTarget(sourceCode, range);
    const callee = target === undefined ? undefined : getCallee(sourceCode, target.node, wrapper);
    if (target === undefined || callee === undefined) return undefined;
    wraps.push({ range, target, callee });
  }
  const first = wraps[0];
  // one import serves every value only if the wrapper has the same name at each
  if (first === undefined || wraps.some(({ callee }) => callee.name !== first.callee.name)) return undefined;
  const { importFix } = first.callee;
  return (fixer) => {
    const edits = wraps.flatMap(({ range, target, callee }) => {
      const text = sourceCode.text.slice(range.start, range.end);
      return target.shorthand
        ? [fixer.replaceTextRange([range.start, range.end], `${text}: ${callee.name}(${text})`)]
        : [fixer.insertTextBeforeRange([range.start, range.start], `${callee.name}(`), fixer.insertTextAfterRange([range.end, range.end], ')')];
    });
    return importFix === undefined ? edits : [...edits, importFix(fixer)];
  };
}

function getTarget(sourceCode: Readonly<TSESLint.SourceCode>, range: OffsetRange): Target | undefined {
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
