/**
 * One iterative pass over a source file that collects the few node kinds the engine looks at:
 * calls and `new` expressions (sink and helper candidates, indexed by callee name), assignments
 * (def-use of reassigned variables and assignment sinks), type assertions and string literals.
 * Iterative so that a 10,000-deep expression cannot overflow the stack.
 */
import ts from 'typescript';
import { forEachChild, SyntaxKind } from './typescript-api.js';

export interface FileIndex {
  readonly calls: readonly (ts.CallExpression | ts.NewExpression)[];
  /** calls by the name they are called through: `info` for `logger.info(...)`, `f` for `f(...)` */
  readonly callsByName: ReadonlyMap<string, readonly (ts.CallExpression | ts.NewExpression)[]>;
  readonly assignments: readonly ts.BinaryExpression[];
  readonly assertions: readonly (ts.AsExpression | ts.TypeAssertion)[];
  /** string, template and numeric literals long enough to hold a card number */
  readonly stringLiterals: readonly ts.LiteralLikeNode[];
  /** identifiers passed as arguments, by name: function references handed to other calls */
  readonly functionReferences: ReadonlyMap<string, readonly ts.Identifier[]>;
  /** names of variables holding a function returned by a call (`const end = histogram.startTimer()`) */
  readonly returnedFunctionNames: ReadonlySet<string>;
  /** members of the file's classes by name: where a call through an interface member may land */
  readonly classMembersByName: ReadonlyMap<string, readonly ts.ClassElement[]>;
  /** references some condition tests for emptiness or for not being text (`!user.email`, `x === ''`, `typeof x !== 'string'`), and their last names: see empty-guards.ts */
  readonly emptyTested: { readonly references: ReadonlySet<string>; readonly names: ReadonlySet<string> };
}

/** Library calls that return a function which itself emits data (prom-client timers). */
const FUNCTION_RETURNING_CALLS: ReadonlySet<string> = new Set(['startTimer']);

const ASSIGNMENT_OPERATORS: ReadonlySet<ts.SyntaxKind> = new Set([
  SyntaxKind.EqualsToken,
  SyntaxKind.PlusEqualsToken,
  SyntaxKind.QuestionQuestionEqualsToken,
  SyntaxKind.BarBarEqualsToken,
]);

/** Collects the indexed node kinds of `file` in one pass. */
export function indexFile(file: ts.SourceFile): FileIndex {
  const calls: (ts.CallExpression | ts.NewExpression)[] = [];
  const callsByName = new Map<string, (ts.CallExpression | ts.NewExpression)[]>();
  const assignments: ts.BinaryExpression[] = [];
  const assertions: (ts.AsExpression | ts.TypeAssertion)[] = [];
  const stringLiterals: ts.LiteralLikeNode[] = [];
  const functionReferences = new Map<string, ts.Identifier[]>();
  const returnedFunctionNames = new Set<string>();
  const classMembersByName = new Map<string, ts.ClassElement[]>();
  const emptyTested = { references: new Set<string>(), names: new Set<string>() };
  const addTested = (expression: ts.Expression): void => {
    const reference = skipOuterExpressions(expression);
    const text = getReferenceText(reference);
    if (text === undefined) return;
    emptyTested.references.add(text);
    emptyTested.names.add(ts.isPropertyAccessExpression(reference) ? reference.name.text : text);
  };
  const stack: ts.Node[] = [file];
  const pushChild = (child: ts.Node): void => {
    stack.push(child);
  };
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) break;
    switch (node.kind) {
      case SyntaxKind.ClassDeclaration:
      case SyntaxKind.ClassExpression:
        for (const member of (node as ts.ClassLikeDeclaration).members) {
          const name = member.name?.getText(file);
          if (name !== undefined) append(classMembersByName, name, member);
        }
        break;
      case SyntaxKind.CallExpression:
      case SyntaxKind.NewExpression: {
        const call = node as ts.CallExpression | ts.NewExpression;
        calls.push(call);
        const name = getCalleeName(call.expression);
        if (name !== undefined) append(callsByName, name, call);
        for (const argument of call.arguments ?? []) {
          if (ts.isIdentifier(argument)) append(functionReferences, argument.text, argument);
        }
        break;
      }
      case SyntaxKind.VariableDeclaration: {
        const declaration = node as ts.VariableDeclaration;
        const initializer = declaration.initializer === undefined ? undefined : skipOuterExpressions(declaration.initializer);
        if (ts.isIdentifier(declaration.name) && initializer !== undefined && ts.isCallExpression(initializer)) {
          const called = getCalleeName(initializer.expression);
          if (called !== undefined && FUNCTION_RETURNING_CALLS.has(called)) returnedFunctionNames.add(declaration.name.text);
        }
        break;
      }
      case SyntaxKind.BinaryExpression: {
        const binary = node as ts.BinaryExpression;
        const operator = binary.operatorToken.kind;
        if (ASSIGNMENT_OPERATORS.has(operator)) assignments.push(binary);
        else if (operator === SyntaxKind.EqualsEqualsToken || operator === SyntaxKind.EqualsEqualsEqualsToken) {
          addTested(binary.left);
          addTested(binary.right);
        } else if (operator === SyntaxKind.ExclamationEqualsEqualsToken || operator === SyntaxKind.ExclamationEqualsToken) {
          // `typeof email !== 'string'`
          for (const side of [binary.left, binary.right]) {
            const operand = skipOuterExpressions(side);
            if (ts.isTypeOfExpression(operand)) addTested(operand.expression);
          }
        }
        break;
      }
      case SyntaxKind.PrefixUnaryExpression:
        if ((node as ts.PrefixUnaryExpression).operator === SyntaxKind.ExclamationToken) addTested((node as ts.PrefixUnaryExpression).operand);
        break;
      case SyntaxKind.AsExpression:
      case SyntaxKind.TypeAssertionExpression: {
        // `email as unknown as Public<string>` is one cast: keep only the outermost of a chain
        let parent = node.parent;
        while (ts.isParenthesizedExpression(parent)) parent = parent.parent;
        if (!ts.isAsExpression(parent) && !ts.isTypeAssertionExpression(parent)) assertions.push(node as ts.AsExpression | ts.TypeAssertion);
        break;
      }
      case SyntaxKind.NumericLiteral:
      case SyntaxKind.BigIntLiteral:
      case SyntaxKind.StringLiteral:
      case SyntaxKind.NoSubstitutionTemplateLiteral:
      case SyntaxKind.TemplateHead:
      case SyntaxKind.TemplateMiddle:
      case SyntaxKind.TemplateTail:
        if ((node as ts.LiteralLikeNode).text.length >= 12) stringLiterals.push(node as ts.LiteralLikeNode);
        break;
      default:
        break;
    }
    forEachChild(node, pushChild);
  }
  return { calls, callsByName, assignments, assertions, stringLiterals, functionReferences, returnedFunctionNames, classMembersByName, emptyTested };
}

/**
 * Exported name (`default` for a default export) → the local names the files' imports and
 * re-exports give it: `import { createContact as createLoopsContact }`, `import track from`,
 * `export { a as b }`. Names imported as they are exported are left out.
 */
export function indexRenamedImports(files: readonly ts.SourceFile[]): ReadonlyMap<string, ReadonlySet<string>> {
  const renamed = new Map<string, Set<string>>();
  const add = (exported: string, local: string): void => {
    if (exported === local) return;
    let locals = renamed.get(exported);
    if (locals === undefined) renamed.set(exported, (locals = new Set()));
    locals.add(local);
  };
  for (const file of files) {
    for (const statement of file.statements) {
      if (ts.isImportDeclaration(statement) && statement.importClause !== undefined) {
        const { name, namedBindings } = statement.importClause;
        if (name !== undefined) add('default', name.text);
        if (namedBindings !== undefined && ts.isNamedImports(namedBindings)) {
          for (const element of namedBindings.elements) if (element.propertyName !== undefined) add(element.propertyName.text, element.name.text);
        }
      } else if (ts.isExportDeclaration(statement) && statement.exportClause !== undefined && ts.isNamedExports(statement.exportClause)) {
        for (const element of statement.exportClause.elements) if (element.propertyName !== undefined) add(element.propertyName.text, element.name.text);
      }
    }
  }
  return renamed;
}

/** `user.email` and `user?.email` read the same; `this` is `this`; anything else has no reference text. */
export function getReferenceText(node: ts.Node): string | undefined {
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) {
    const owner = getReferenceText(skipOuterExpressions(node.expression));
    return owner === undefined ? undefined : `${owner}.${node.name.text}`;
  }
  if (node.kind === SyntaxKind.ThisKeyword) return 'this';
  return undefined;
}

/** The name a callee is called through: `info` for `logger.info`, `track` for `a?.track`. */
export function getCalleeName(callee: ts.Expression): string | undefined {
  const target = skipOuterExpressions(callee);
  if (ts.isIdentifier(target)) return target.text;
  if (ts.isPropertyAccessExpression(target)) return target.name.text;
  if (ts.isElementAccessExpression(target) && ts.isStringLiteralLike(target.argumentExpression)) return target.argumentExpression.text;
  return undefined;
}

/** Strips parentheses, type assertions, `!` and `satisfies`, which do not change the value. */
export function skipOuterExpressions(node: ts.Expression): ts.Expression {
  let current = node;
  for (;;) {
    switch (current.kind) {
      case SyntaxKind.ParenthesizedExpression:
      case SyntaxKind.AsExpression:
      case SyntaxKind.TypeAssertionExpression:
      case SyntaxKind.NonNullExpression:
      case SyntaxKind.SatisfiesExpression:
        current = (current as ts.ParenthesizedExpression | ts.AsExpression | ts.TypeAssertion | ts.NonNullExpression | ts.SatisfiesExpression).expression;
        break;
      default:
        return current;
    }
  }
}

/** Adds `value` to the list under `key`. */
export function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** `answer` asked once per file: for questions the analysis repeats for every node it reaches. */
export function memoizePerFile(answer: (file: ts.SourceFile) => boolean): (file: ts.SourceFile) => boolean {
  const answers = new Map<ts.SourceFile, boolean>();
  return (file) => {
    let known = answers.get(file);
    if (known === undefined) {
      known = answer(file);
      answers.set(file, known);
    }
    return known;
  };
}
