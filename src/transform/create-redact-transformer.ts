/**
 * The AST rewrite behind `redact` mode: wraps each target expression in
 * `<ns>.redact(<expression>)` and adds `import * as <ns> from 'classified'` once per file, after
 * the file's own leading imports. A namespace import is used on purpose: TypeScript's module
 * transforms keep a namespace import's local name in every output format (ES modules keep the
 * import; CommonJS becomes `const <ns> = require("classified")`, through `__importStar` under
 * `esModuleInterop`; AMD/UMD/System pass it as a parameter), so the synthesized references need no
 * rewriting and the module kind of each file — `.cts`/`.mts`, `package.json` `type`, `module` —
 * is TypeScript's call, not ours. `<ns>` is `__classified`, suffixed until the file's text does not
 * contain it. The wrapper call takes the wrapped value's text range, so source maps point at the
 * original expression; every other node is left as it is.
 */
import ts from 'typescript';
import type { RedactionTarget } from './get-redaction-targets.js';

const RUNTIME_MODULE = 'classified';
const NAMESPACE_BASE = '__classified';

/**
 * Creates a `before` transformer factory. `getTargets` returns the expressions to wrap in the
 * (original, parse-tree) file it is given, or an empty list to leave the file untouched.
 */
export function createRedactTransformer(getTargets: (file: ts.SourceFile) => readonly RedactionTarget[]): ts.TransformerFactory<ts.SourceFile> {
  return (context) => (sourceFile) => {
    const original = ts.getOriginalNode(sourceFile, ts.isSourceFile) ?? sourceFile;
    const targets = getTargets(original);
    if (targets.length === 0) return sourceFile;
    const { factory } = context;
    const namespace = getUnusedName(original.text, NAMESPACE_BASE);
    const wrapped = new Set<ts.Node>(targets.filter((target) => !target.shorthand).map((target) => target.expression));
    const shorthands = new Set<ts.Node>(targets.filter((target) => target.shorthand).map((target) => target.expression));

    const wrap = (expression: ts.Expression, range: ts.TextRange): ts.Expression =>
      ts.setTextRange(
        factory.createCallExpression(factory.createPropertyAccessExpression(factory.createIdentifier(namespace), 'redact'), undefined, [expression]),
        range,
      );

    const visit = (node: ts.Node): ts.Node => {
      if (ts.isShorthandPropertyAssignment(node) && shorthands.has(ts.getOriginalNode(node.name))) {
        // `{ email }` -> `{ email: ns.redact(email) }`; the value keeps the original identifier so
        // module transforms still resolve it (an imported binding becomes `mod_1.email`)
        const assignment = factory.createPropertyAssignment(factory.createIdentifier(ts.idText(node.name)), wrap(node.name, node.name));
        return ts.setOriginalNode(ts.setTextRange(assignment, node), node);
      }
      if (ts.isExpression(node) && wrapped.has(ts.getOriginalNode(node))) return wrap(ts.visitEachChild(node, visit, context), node);
      return ts.visitEachChild(node, visit, context);
    };

    const statements = ts.visitNodes(sourceFile.statements, visit, ts.isStatement);
    const importDeclaration = factory.createImportDeclaration(
      undefined,
      factory.createImportClause(undefined, undefined, factory.createNamespaceImport(factory.createIdentifier(namespace))),
      factory.createStringLiteral(RUNTIME_MODULE),
      undefined,
    );
    const at = getImportInsertionIndex(statements);
    return factory.updateSourceFile(sourceFile, [...statements.slice(0, at), importDeclaration, ...statements.slice(at)]);
  };
}

/** After prologue directives and the file's leading imports, so header comments stay where they are. */
function getImportInsertionIndex(statements: readonly ts.Statement[]): number {
  let index = 0;
  while (index < statements.length) {
    const statement = statements[index];
    if (statement === undefined || !(isPrologueDirective(statement) || ts.isImportDeclaration(statement) || ts.isImportEqualsDeclaration(statement))) break;
    index++;
  }
  return index;
}

/** `'use strict';` and friends: a string-literal expression statement (TypeScript's own predicate is internal). */
function isPrologueDirective(statement: ts.Statement): boolean {
  return ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression);
}

function getUnusedName(text: string, base: string): string {
  if (!text.includes(base)) return base;
  for (let suffix = 1; ; suffix++) {
    const candidate = `${base}_${suffix}`;
    if (!text.includes(candidate)) return candidate;
  }
}
