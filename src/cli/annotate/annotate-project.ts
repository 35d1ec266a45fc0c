/**
 * `classified annotate`: finds the fields (interface and type-literal property signatures, class
 * properties), parameters and variables whose declared type is a plain `string` or `number` and
 * whose name the engine's name inference classifies, and rewrites just that type to the branded
 * type (`email: string` → `email: Email`, `phone?: string | null` → `phone?: PhoneNumber | null`),
 * adding one `import type { ... } from 'classified'` per file or merging into an existing import
 * from 'classified'. The edits are computed as text ranges on the original source and applied
 * from the end, so everything else in the file (formatting, comments, line endings) is kept.
 *
 * This module loads ts-morph; the CLI imports it lazily, so `check` and the ESLint plugin never do.
 */
import path from 'node:path';
import { Node, Project, SyntaxKind, type ImportDeclaration, type SourceFile, type TypeNode } from 'ts-morph';
import { ProjectError } from '../../engine/project.js';
import { inferFromName, normalizeName, type InferredName, type NameInferenceOptions } from '../../engine/names.js';
import type { ResolvedConfig } from '../../policy/config.js';
import type { Level } from '../../policy/types.js';
import { getBrandType, renderBrandType, type BaseType, type BrandTypeText } from './brand-types.js';

const PACKAGE = 'classified';

export interface AnnotateOptions {
  readonly tsconfigPath: string;
  readonly config: ResolvedConfig;
  /** only annotate files in these files or folders (absolute paths); all project files when empty */
  readonly paths?: readonly string[];
}

export interface Annotation {
  /** 1-based line and column of the rewritten type in the original file */
  readonly line: number;
  readonly column: number;
  readonly declaration: 'property' | 'parameter' | 'variable';
  /** `Customer.email`, `email` (a parameter or variable) */
  readonly label: string;
  readonly from: string;
  readonly to: string;
  readonly level: Level;
  readonly kind: string;
  /** the dictionary pattern (or config entry) that classified the name */
  readonly pattern: string;
}

export interface FileChange {
  /** absolute path */
  readonly file: string;
  readonly before: string;
  readonly after: string;
  readonly annotations: readonly Annotation[];
}

export interface AnnotateResult {
  readonly changes: readonly FileChange[];
  /** files looked at */
  readonly filesScanned: number;
}

interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

interface Candidate {
  readonly keyword: TypeNode;
  readonly base: BaseType;
  readonly declaration: Annotation['declaration'];
  readonly label: string;
  readonly inferred: InferredName;
}

/** Computes the annotations for a project; writes nothing. */
export function annotateProject(options: AnnotateOptions): AnnotateResult {
  if (options.config.inference.mode === 'off') return { changes: [], filesScanned: 0 };
  const inference: NameInferenceOptions = {
    add: new Map([...options.config.inference.add].map(([name, level]) => [normalizeName(name), level])),
    ignore: new Set([...options.config.inference.ignore].map(normalizeName)),
  };
  let project: Project;
  try {
    project = new Project({ tsConfigFilePath: options.tsconfigPath, skipFileDependencyResolution: true });
  } catch (error) {
    throw new ProjectError(`${options.tsconfigPath}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const roots = options.paths ?? [];
  const files = project.getSourceFiles().filter((file) => {
    const fileName = path.resolve(file.getFilePath());
    if (file.isDeclarationFile() || /[\\/]node_modules[\\/]/.test(fileName) || !/\.(?:[cm]?ts|tsx)$/.test(fileName)) return false;
    return roots.length === 0 || roots.some((root) => fileName === root || fileName.startsWith(root + path.sep));
  });
  const changes: FileChange[] = [];
  for (const file of files) {
    const change = annotateFile(file, inference);
    if (change !== undefined) changes.push(change);
  }
  return { changes, filesScanned: files.length };
}

function annotateFile(file: SourceFile, inference: NameInferenceOptions): FileChange | undefined {
  const candidates = findCandidates(file, inference);
  if (candidates.length === 0) return undefined;
  const before = file.getFullText();
  const types = candidates.map((candidate) => getBrandType(candidate.base, candidate.inferred.level, kindOf(candidate.inferred)));
  const needed = [...new Set(types.flatMap((type) => type.imports))].sort();
  const imports = planImports(file, needed);
  const edits: TextEdit[] = [...imports.edits];
  const annotations: Annotation[] = [];
  candidates.forEach((candidate, index) => {
    const type = types[index] as BrandTypeText;
    const text = renderBrandType(type, imports.localNames);
    const start = candidate.keyword.getStart();
    const position = file.getLineAndColumnAtPos(start);
    edits.push({ start, end: candidate.keyword.getEnd(), text });
    annotations.push({
      line: position.line,
      column: position.column,
      declaration: candidate.declaration,
      label: candidate.label,
      from: candidate.base,
      to: text,
      level: candidate.inferred.level,
      kind: kindOf(candidate.inferred) ?? capitalize(candidate.inferred.level),
      pattern: candidate.inferred.pattern,
    });
  });
  const after = applyEdits(before, edits);
  return { file: path.resolve(file.getFilePath()), before, after, annotations };
}

/** The kind tag to write; names added in the config carry a class but no kind. */
function kindOf(inferred: InferredName): string | undefined {
  return inferred.pattern.startsWith('config:') ? undefined : inferred.kind;
}

function findCandidates(file: SourceFile, inference: NameInferenceOptions): Candidate[] {
  const candidates: Candidate[] = [];
  file.forEachDescendant((node) => {
    let declaration: Annotation['declaration'];
    if (Node.isPropertySignature(node) || Node.isPropertyDeclaration(node)) declaration = 'property';
    else if (Node.isParameterDeclaration(node)) declaration = 'parameter';
    else if (Node.isVariableDeclaration(node)) declaration = 'variable';
    else return;
    const name = getDeclaredName(node);
    const typeNode = node.getTypeNode();
    if (name === undefined || typeNode === undefined) return;
    const keyword = findReplaceableKeyword(typeNode);
    if (keyword === undefined) return;
    const owners = getOwnerNames(node);
    const inferred = inferFromName(name, owners, inference);
    if (inferred === undefined) return;
    const base: BaseType = keyword.getKind() === SyntaxKind.NumberKeyword ? 'number' : 'string';
    // a number can hold a salary or a card number, not an email
    if (base === 'number' && !inferred.numeric) return;
    const owner = declaration === 'property' ? owners[0] : undefined;
    candidates.push({ keyword, base, declaration, label: owner === undefined ? name : `${owner}.${name}`, inferred });
  });
  return candidates;
}

/** The declared name, or undefined for computed names, numeric keys and destructuring patterns. */
function getDeclaredName(node: Node): string | undefined {
  const nameNode = (node as Node & { getNameNode?: () => Node }).getNameNode?.();
  if (nameNode === undefined) return undefined;
  if (Node.isIdentifier(nameNode)) return nameNode.getText() === 'this' ? undefined : nameNode.getText();
  if (Node.isStringLiteral(nameNode)) return nameNode.getLiteralValue();
  if (Node.isPrivateIdentifier(nameNode)) return nameNode.getText().slice(1);
  return undefined;
}

/**
 * The `string` or `number` keyword to replace: the type itself, the one non-nullish member of a
 * union with `null`/`undefined`, or the element of an array (`string[]`, `readonly string[]`,
 * `Array<string>`). Anything else — literals, other unions, references (already branded or
 * not), objects — is left alone.
 */
function findReplaceableKeyword(type: TypeNode): TypeNode | undefined {
  if (type.getKind() === SyntaxKind.StringKeyword || type.getKind() === SyntaxKind.NumberKeyword) return type;
  if (Node.isParenthesizedTypeNode(type)) return findReplaceableKeyword(type.getTypeNode());
  if (Node.isUnionTypeNode(type)) {
    const members = type.getTypeNodes().filter((member) => !isNullish(member));
    const only = members.length === 1 ? members[0] : undefined;
    return only === undefined ? undefined : findReplaceableKeyword(only);
  }
  if (Node.isArrayTypeNode(type)) return findKeywordOnly(type.getElementTypeNode());
  if (Node.isTypeOperatorTypeNode(type) && type.getOperator() === SyntaxKind.ReadonlyKeyword) return findReplaceableKeyword(type.getTypeNode());
  if (Node.isTypeReference(type)) {
    const name = type.getTypeName().getText();
    const args = type.getTypeArguments();
    const only = args.length === 1 ? args[0] : undefined;
    if ((name === 'Array' || name === 'ReadonlyArray') && only !== undefined) return findKeywordOnly(only);
  }
  return undefined;
}

/** Array elements: only a bare keyword (`(string | null)[]` stays as it is). */
function findKeywordOnly(type: TypeNode): TypeNode | undefined {
  const inner = Node.isParenthesizedTypeNode(type) ? type.getTypeNode() : type;
  return inner.getKind() === SyntaxKind.StringKeyword || inner.getKind() === SyntaxKind.NumberKeyword ? inner : undefined;
}

function isNullish(type: TypeNode): boolean {
  if (type.getKind() === SyntaxKind.UndefinedKeyword) return true;
  return Node.isLiteralTypeNode(type) && type.getLiteral().getKind() === SyntaxKind.NullKeyword;
}

/**
 * What the data is read from, for weak names (`name`, `address`, `number`): the interface,
 * class or type alias a field belongs to, or for an anonymous type literal the property,
 * parameter or variable it types (`billing: { address: string }`). Parameters are owned by
 * nothing — except constructor parameter properties, which are fields of their class — as the
 * engine infers them from their name alone.
 */
function getOwnerNames(node: Node): string[] {
  if (Node.isParameterDeclaration(node)) {
    const constructor = node.getParent();
    if (node.isParameterProperty() && Node.isConstructorDeclaration(constructor)) return namesOf(constructor.getParent());
    return [];
  }
  if (Node.isVariableDeclaration(node)) return [];
  return namesOf(node.getParent());
}

function namesOf(container: Node | undefined): string[] {
  if (container === undefined) return [];
  if (Node.isInterfaceDeclaration(container) || Node.isClassDeclaration(container) || Node.isTypeAliasDeclaration(container)) {
    const name = container.getName();
    return name === undefined ? [] : [name];
  }
  if (Node.isClassExpression(container)) {
    const name = container.getName();
    if (name !== undefined) return [name];
    const parent = container.getParent();
    return Node.isVariableDeclaration(parent) ? namesOf(parent) : [];
  }
  if (Node.isTypeLiteral(container)) {
    // climb through wrappers (`{ ... }[]`, `{ ... } | null`, `Array<{ ... }>`) to what the literal types
    for (let current: Node | undefined = container.getParent(); current !== undefined; current = current.getParent()) {
      if (Node.isTypeAliasDeclaration(current)) return [current.getName()];
      if (Node.isPropertySignature(current) || Node.isPropertyDeclaration(current) || Node.isParameterDeclaration(current) || Node.isVariableDeclaration(current)) {
        const name = getDeclaredName(current);
        return name === undefined ? [] : [name];
      }
      if (!Node.isTypeNode(current)) return [];
    }
  }
  if (Node.isVariableDeclaration(container)) {
    const name = getDeclaredName(container);
    return name === undefined ? [] : [name];
  }
  return [];
}

interface ImportPlan {
  readonly edits: readonly TextEdit[];
  /** the local name of each name imported from `classified` */
  readonly localNames: ReadonlyMap<string, string>;
}

/**
 * Imports `names` from `classified` into the file: reuses names it already imports, merges new
 * ones into an existing named import from 'classified' (inline `type` modifiers in a value
 * import), or adds one `import type { ... } from 'classified'` after the last import. A name
 * that clashes with an identifier already used in the file is imported under an alias
 * (`Email as ClassifiedEmail`).
 */
function planImports(file: SourceFile, names: readonly string[]): ImportPlan {
  const text = file.getFullText();
  const declarations = file.getImportDeclarations();
  const fromPackage = declarations.filter((declaration) => declaration.getModuleSpecifierValue() === PACKAGE);
  const localNames = new Map<string, string>();
  for (const declaration of fromPackage) {
    for (const specifier of declaration.getNamedImports()) {
      const imported = specifier.getName();
      if (!localNames.has(imported)) localNames.set(imported, specifier.getAliasNode()?.getText() ?? imported);
    }
  }
  const missing = names.filter((name) => !localNames.has(name));
  if (missing.length === 0) return { edits: [], localNames };
  const used = getUsedIdentifiers(file, fromPackage);
  const specifiers = missing.map((name) => {
    let local = name;
    for (let attempt = 1; used.has(local); attempt++) local = attempt === 1 ? `Classified${name}` : `Classified${name}${attempt}`;
    used.add(local);
    localNames.set(name, local);
    return local === name ? name : `${name} as ${local}`;
  });
  const target =
    fromPackage.find((declaration) => declaration.isTypeOnly() && declaration.getNamedImports().length > 0) ??
    fromPackage.find((declaration) => !declaration.isTypeOnly() && declaration.getImportClause()?.getNamedBindings()?.getKind() === SyntaxKind.NamedImports);
  if (target !== undefined) {
    const prefix = target.isTypeOnly() ? '' : 'type ';
    return { edits: [mergeIntoImport(text, target, specifiers.map((specifier) => `${prefix}${specifier}`))], localNames };
  }
  return { edits: [addImportDeclaration(file, text, declarations, specifiers)], localNames };
}

/** Every identifier in the file outside the imports from 'classified': a new local name must not clash. */
function getUsedIdentifiers(file: SourceFile, fromPackage: readonly ImportDeclaration[]): Set<string> {
  const used = new Set<string>();
  for (const identifier of file.getDescendantsOfKind(SyntaxKind.Identifier)) {
    if (fromPackage.some((declaration) => declaration.containsRange(identifier.getPos(), identifier.getEnd()))) continue;
    used.add(identifier.getText());
  }
  return used;
}

function mergeIntoImport(text: string, declaration: ImportDeclaration, specifiers: readonly string[]): TextEdit {
  const bindings = declaration.getImportClause()?.getNamedBindings();
  const elements = declaration.getNamedImports();
  const last = elements[elements.length - 1];
  if (bindings === undefined || last === undefined) {
    const start = bindings?.getStart() ?? declaration.getStart();
    return { start, end: bindings?.getEnd() ?? start, text: `{ ${specifiers.join(', ')} }` };
  }
  let afterLast = last.getEnd();
  let scan = afterLast;
  while (scan < text.length && /\s/.test(text.charAt(scan))) scan++;
  const trailingComma = text.charAt(scan) === ',';
  if (trailingComma) afterLast = scan + 1;
  const multiline = bindings.getStartLineNumber() !== last.getStartLineNumber();
  if (multiline) {
    const lineStart = text.lastIndexOf('\n', last.getStart() - 1) + 1;
    const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
    const newline = text.includes('\r\n') ? '\r\n' : '\n';
    const lines = specifiers.map((specifier) => `${newline}${indent}${specifier}`);
    return { start: afterLast, end: afterLast, text: trailingComma ? lines.map((line) => `${line},`).join('') : `,${lines.join(',')}` };
  }
  return { start: afterLast, end: afterLast, text: trailingComma ? specifiers.map((specifier) => ` ${specifier},`).join('') : `, ${specifiers.join(', ')}` };
}

function addImportDeclaration(file: SourceFile, text: string, declarations: readonly ImportDeclaration[], specifiers: readonly string[]): TextEdit {
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const lastImport = declarations[declarations.length - 1];
  const quote = lastImport === undefined ? detectQuote(file) : lastImport.getModuleSpecifier().getText().charAt(0);
  const semicolon = (lastImport === undefined ? usesSemicolons(file) : lastImport.getText().trimEnd().endsWith(';')) ? ';' : '';
  const statement = `import type { ${specifiers.join(', ')} } from ${quote}${PACKAGE}${quote}${semicolon}`;
  if (lastImport !== undefined) return { start: lastImport.getEnd(), end: lastImport.getEnd(), text: `${newline}${statement}` };
  // no imports: after a shebang and a header comment separated by a blank line, else at the top
  let position = text.startsWith('#!') ? text.indexOf('\n') + 1 : 0;
  const first = file.getStatements()[0];
  if (first !== undefined) {
    const header = first.getLeadingCommentRanges().filter((range) => /^\r?\n[ \t]*\r?\n/.test(text.slice(range.getEnd())));
    const lastHeader = header[header.length - 1];
    if (lastHeader !== undefined) return { start: lastHeader.getEnd(), end: lastHeader.getEnd(), text: `${newline}${newline}${statement}` };
  }
  if (position === 0 || position > text.length) position = 0;
  return { start: position, end: position, text: `${statement}${newline}${newline}` };
}

function detectQuote(file: SourceFile): string {
  const literal = file.getFirstDescendantByKind(SyntaxKind.StringLiteral);
  return literal?.getText().startsWith('"') === true ? '"' : "'";
}

/** Whether the file ends statements with semicolons; yes when it has no statement that could tell. */
function usesSemicolons(file: SourceFile): boolean {
  const telling = file.getStatements().filter((statement) =>
    Node.isVariableStatement(statement) || Node.isExpressionStatement(statement) || Node.isTypeAliasDeclaration(statement) ||
    Node.isExportDeclaration(statement) || Node.isExportAssignment(statement));
  if (telling.length === 0) return true;
  return telling.filter((statement) => statement.getText().trimEnd().endsWith(';')).length * 2 >= telling.length;
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return result;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
