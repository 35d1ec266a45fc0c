/**
 * The data inventory behind `classified report`: every classified type and field of the project
 * (declared brands read with the engine's `TypeClassifier`, and fields classified by name
 * inference), every flow of classified data into a sink — allowed ones (regional storage, the
 * payment processor, the vault) as well as violations — the third parties and other regions
 * involved, suppressions with their reasons and declassifications.
 *
 * The engine returns findings only, so allowed flows are observed through the rule API: an
 * observer rule passed to `analyzeProgram` next to the real rules sees every engine fact, and
 * the real rules' own `check` decides for each flow whether it is allowed or which rule it
 * breaks. No classification, sink resolution or flow analysis is re-implemented here.
 */
import path from 'node:path';
import ts from 'typescript';
import { CheckerFacade } from '../../engine/checker.js';
import { canCarryInferredValue, getNameInferenceOptions, isClassifiedPackageFile, TypeClassifier } from '../../engine/classify.js';
import { analyzeProgram, getFileIndex, type Confidence, type EngineFact, type Finding, type RuleDefinition } from '../../engine/index.js';
import { getSuppressions } from '../../engine/suppressions.js';
import type { ResolvedConfig } from '../../policy/config.js';
import { levelRank, type Level, type SinkKind } from '../../policy/types.js';
import { toRelativePath } from '../to-relative-path.js';

export type FieldConfidence = 'declared' | 'inferred';
export type FlowStatus = 'allowed' | 'violation' | 'suppressed';

export interface FieldClassification {
  readonly level: Level;
  readonly kind: string;
  readonly confidence: FieldConfidence;
  /** `declared as Email`, `field name "contactEmail" matches "email"`, `declared Anonymized` */
  readonly reason: string;
  readonly anonymized: boolean;
}

export interface FieldEntry {
  readonly id: string;
  /** `Customer`, `CheckoutRequest.billing` (an anonymous type literal is named after what it types) */
  readonly owner: string;
  readonly name: string;
  readonly file: string;
  readonly line: number;
  /** the declared type as written */
  readonly typeText: string;
  readonly classification: FieldClassification | undefined;
  /** for object-typed fields: the classified parts inside (`email: Email`) */
  readonly contains: readonly string[];
}

export interface TypeEntry {
  readonly name: string;
  readonly declaration: 'interface' | 'class' | 'type' | 'type literal';
  readonly file: string;
  readonly line: number;
  readonly fields: readonly FieldEntry[];
}

export interface SinkRef {
  readonly kind: SinkKind;
  readonly callee: string;
  readonly module: string;
  /** why the callee is a sink: catalog entry, `@sink` tag, third-party host */
  readonly reason: string;
  /** `processor` sinks: the data kinds the vendor may receive */
  readonly allowedKinds?: readonly string[];
}

export interface FlowEntry {
  /** the data as named where it was classified: `customer.email` */
  readonly label: string;
  readonly kind: string;
  readonly level: Level;
  readonly confidence: Confidence;
  /** the `FieldEntry.id` the data was read from, or else the `OtherSourceEntry.id` */
  readonly sourceId: string;
  /** whether `sourceId` names a field */
  readonly fromField: boolean;
  readonly sourceFile: string;
  readonly sourceLine: number;
  readonly sink: SinkRef;
  /** where the data enters the sink */
  readonly file: string;
  readonly line: number;
  readonly status: FlowStatus;
  readonly ruleId: string | undefined;
  readonly suppressionReason: string | undefined;
}

/** Classified data that is not a field of a type: parameters, variables, literals, object keys. */
export interface OtherSourceEntry {
  readonly id: string;
  readonly label: string;
  readonly kind: string;
  readonly level: Level;
  readonly confidence: Confidence;
  readonly file: string;
  readonly line: number;
  readonly reason: string;
}

export interface DimensionEntry {
  readonly name: string;
  readonly problem: 'name-not-allowed' | 'url-value';
  readonly sink: SinkRef;
  readonly file: string;
  readonly line: number;
  readonly status: FlowStatus;
  readonly ruleId: string | undefined;
  readonly suppressionReason: string | undefined;
}

export interface SuppressionEntry {
  readonly file: string;
  /** line of the comment */
  readonly line: number;
  readonly ruleIds: readonly string[];
  /** empty when none was given (then the suppression is not honoured) */
  readonly reason: string;
  /** the findings it covers: `no-pii-logging: customer.name → auditLog.info` */
  readonly covers: readonly string[];
}

export interface DeclassificationEntry {
  readonly file: string;
  readonly line: number;
  readonly form: 'declassify' | 'cast' | 'missing-reason' | 'forged-grant';
  readonly label: string;
  /** the literal reason of a `declassify` call, or the type a cast goes to */
  readonly detail: string;
  readonly ruleId: string | undefined;
}

/** A read of customer data in support access code, and which elements of the access clause guard it. */
export interface AccessPathEntry {
  /** the function or method marked as support access: `SupportConsole.customerOrders` */
  readonly entryPoint: string;
  /** what marks it: `@access support`, `route /support/orders`, `decorator @Roles('support')`, `file glob` */
  readonly markedBy: string;
  /** the storage call or the helper that makes one: `findOrdersOfCustomer` */
  readonly read: string;
  readonly level: Level;
  readonly kind: string;
  readonly file: string;
  readonly line: number;
  readonly grant: 'every path' | 'some paths' | 'none';
  readonly twoPersonGrant: boolean;
  readonly regionScoped: boolean;
  readonly audited: boolean;
}

export interface Inventory {
  readonly projectName: string;
  readonly tsconfig: string;
  readonly configFile: string | undefined;
  readonly filesAnalyzed: number;
  readonly types: readonly TypeEntry[];
  readonly flows: readonly FlowEntry[];
  readonly otherSources: readonly OtherSourceEntry[];
  readonly dimensions: readonly DimensionEntry[];
  readonly suppressions: readonly SuppressionEntry[];
  readonly declassifications: readonly DeclassificationEntry[];
  readonly accessPaths: readonly AccessPathEntry[];
  readonly firstPartyHosts: readonly string[];
  readonly findings: { readonly errors: number; readonly warnings: number; readonly suppressed: number };
  readonly diagnostics: readonly string[];
}

/** One analysed project: a solution tsconfig stands for several. */
export interface InventoryProject {
  readonly program: ts.Program;
  readonly config: ResolvedConfig;
}

export interface InventoryOptions {
  readonly projects: readonly InventoryProject[];
  readonly rules: readonly RuleDefinition[];
  /** the tsconfig `--project` named (a solution tsconfig for several projects) */
  readonly tsconfigPath: string;
  readonly configPath: string | undefined;
  /** paths in the inventory are relative to this folder */
  readonly cwd: string;
}

const MAX_FOLLOW = 4;
const MAX_TYPE_TEXT = 80;

/**
 * Builds the inventory of one project, or of the projects a solution tsconfig references: each
 * is analysed on its own Program and the results are merged, a file shared by two projects
 * listed once.
 */
export function collectInventory(options: InventoryOptions): Inventory {
  const { rules, cwd } = options;
  const relative = (file: string): string => toRelativePath(file, cwd);
  const lineOf = (node: ts.Node): number => node.getSourceFile().getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const types = new Map<string, TypeEntry>();
  const flows = new Map<string, FlowEntry>();
  const otherSources = new Map<string, OtherSourceEntry>();
  const dimensions = new Map<string, DimensionEntry>();
  const declassifications = new Map<string, DeclassificationEntry>();
  const accessPaths = new Map<string, AccessPathEntry>();
  const suppressions = new Map<string, SuppressionEntry>();
  const findings = new Map<string, Finding>();
  const analysedFiles = new Set<string>();
  const diagnostics = new Set<string>();
  const firstPartyHosts = new Set<string>();
  const fieldsById = new Map<string, FieldEntry>();
  /** for each source (by its other-source id), the id of the field it was read from, if any */
  const candidateFields = new Map<string, string | undefined>();

  for (const { program, config } of options.projects) {
    const facts: EngineFact[] = [];
    const observer = createObserverRule(facts);
    const result = analyzeProgram(program, config, [...rules, observer]);
    const files = new Set(result.files);
    for (const file of result.files) analysedFiles.add(file);
    for (const host of config.firstPartyHosts) firstPartyHosts.add(host);
    for (const diagnostic of result.diagnostics) diagnostics.add(`${relative(diagnostic.file)}: ${diagnostic.message}`);
    const sourceFiles = program.getSourceFiles().filter((file) => files.has(file.fileName));
    const facade = new CheckerFacade(program, program.getTypeChecker());
    const isProjectFile = (file: ts.SourceFile): boolean => files.has(file.fileName);
    const classifier = new TypeClassifier(facade, getNameInferenceOptions(config.inference), isProjectFile);

    // --- fields of the project's types
    for (const file of sourceFiles) {
      for (const container of findTypeContainers(file)) {
        const owner = getContainerName(container);
        if (owner === undefined) continue;
        const fields: FieldEntry[] = [];
        for (const member of getFieldDeclarations(container)) {
          const field = describeField(member, owner, facade, classifier, relative, lineOf);
          if (field === undefined) continue;
          fields.push(field);
          if (!fieldsById.has(field.id)) fieldsById.set(field.id, field);
        }
        const entry: TypeEntry = { name: owner, declaration: describeContainer(container), file: relative(file.fileName), line: lineOf(container), fields };
        const key = `${entry.file}:${entry.line}:${entry.name}`;
        if (fields.length > 0 && !types.has(key)) types.set(key, entry);
      }
    }

    // --- flows, from the engine's facts, judged by the real rules
    const enabledRules = rules.filter((rule) => config.rules.get(rule.id) !== 'off');
    const findingsByKey = new Map<string, Finding>();
    for (const finding of result.findings) {
      const key = findingKey(finding.file, finding.start, finding.end, finding.ruleId);
      findingsByKey.set(key, finding);
      // a finding that lists several data stands for the flow at each place one is carried
      for (const data of finding.carried ?? []) {
        const carriedKey = findingKey(finding.file, data.carrier.start, data.carrier.end, finding.ruleId);
        if (!findingsByKey.has(carriedKey)) findingsByKey.set(carriedKey, finding);
      }
      // one read in support code can miss several elements of the access clause: each is a finding
      const countedKey = `${key}|${finding.messageId}`;
      if (!findings.has(countedKey)) findings.set(countedKey, finding);
    }
    const judge = (fact: EngineFact, carrier: ts.Node): { status: FlowStatus; ruleId: string | undefined; suppressionReason: string | undefined } => {
      const rule = enabledRules.find((candidate) => candidate.check(fact) !== undefined);
      if (rule === undefined) return { status: 'allowed', ruleId: undefined, suppressionReason: undefined };
      const finding = findingsByKey.get(findingKey(carrier.getSourceFile().fileName, carrier.getStart(), carrier.getEnd(), rule.id));
      const reason = finding?.suppression?.reason;
      return { status: reason === undefined ? 'violation' : 'suppressed', ruleId: rule.id, suppressionReason: reason };
    };
    for (const fact of facts) {
      if (fact.type === 'flow') {
        const source = fact.source;
        const declaration = resolveFieldDeclaration(source.node, source.label, facade);
        const sourceFile = relative(source.node.getSourceFile().fileName);
        const sourceLine = lineOf(source.node);
        const otherId = `${sourceFile}:${sourceLine}:${source.label}:${source.kind}`;
        // the field may be declared in another project of a solution: matched by id once all are read
        candidateFields.set(otherId, declaration === undefined ? undefined : getFieldId(declaration, relative));
        if (!otherSources.has(otherId)) {
          otherSources.set(otherId, { id: otherId, label: source.label, kind: source.kind, level: source.level, confidence: source.confidence, file: sourceFile, line: sourceLine, reason: source.reason });
        }
        const entry: FlowEntry = {
          label: source.label,
          kind: source.kind,
          level: source.level,
          confidence: source.confidence,
          sourceId: otherId,
          fromField: false,
          sourceFile,
          sourceLine,
          sink: toSinkRef(fact.sink),
          file: relative(fact.carrier.getSourceFile().fileName),
          line: lineOf(fact.carrier),
          ...judge(fact, fact.carrier),
        };
        const key = `${entry.sourceId}|${entry.sink.kind}|${entry.sink.callee}|${entry.file}:${entry.line}`;
        const existing = flows.get(key);
        if (existing === undefined || statusRank(entry.status) > statusRank(existing.status)) flows.set(key, entry);
      } else if (fact.type === 'dimension') {
        const entry: DimensionEntry = { name: fact.name, problem: fact.problem, sink: toSinkRef(fact.sink), file: relative(fact.carrier.getSourceFile().fileName), line: lineOf(fact.carrier), ...judge(fact, fact.carrier) };
        dimensions.set(`${entry.file}:${entry.line}:${entry.name}:${entry.problem}`, entry);
      } else if (fact.type === 'declassification') {
        const rule = enabledRules.find((candidate) => candidate.check(fact) !== undefined);
        const entry: DeclassificationEntry = { file: relative(fact.node.getSourceFile().fileName), line: lineOf(fact.node), form: fact.form, label: fact.label, detail: fact.target, ruleId: rule?.id };
        declassifications.set(`${entry.file}:${entry.line}:${entry.form}:${entry.label}`, entry);
      } else if (fact.type === 'access-path') {
        const entry: AccessPathEntry = {
          entryPoint: fact.entry.name,
          markedBy: fact.entry.markedBy,
          read: fact.readName,
          level: fact.level,
          kind: fact.kind,
          file: relative(fact.read.getSourceFile().fileName),
          line: lineOf(fact.read),
          grant: fact.grant === 'every-path' ? 'every path' : fact.grant === 'some-paths' ? 'some paths' : 'none',
          twoPersonGrant: fact.twoPersonGrant,
          regionScoped: fact.regionScoped,
          audited: fact.audited,
        };
        accessPaths.set(`${entry.file}:${entry.line}:${entry.entryPoint}`, entry);
      }
    }
    for (const entry of findDeclassifyCalls(sourceFiles, facade, isProjectFile, relative, lineOf)) {
      declassifications.set(`${entry.file}:${entry.line}:${entry.form}:${entry.label}`, entry);
    }
    for (const entry of collectSuppressions(sourceFiles, result.findings, relative)) {
      const key = `${entry.file}:${entry.line}`;
      if (!suppressions.has(key)) suppressions.set(key, entry);
    }
  }

  // sources read from a field of the inventory are that field's flows, not "other" values
  const resolvedFlows = new Map<string, FlowEntry>();
  for (const flow of flows.values()) {
    const fieldId = candidateFields.get(flow.sourceId);
    const field = fieldId === undefined ? undefined : fieldsById.get(fieldId);
    const entry = field === undefined ? flow : { ...flow, sourceId: field.id, fromField: true };
    if (field !== undefined) otherSources.delete(flow.sourceId);
    const key = `${entry.sourceId}|${entry.sink.kind}|${entry.sink.callee}|${entry.file}:${entry.line}`;
    const existing = resolvedFlows.get(key);
    if (existing === undefined || statusRank(entry.status) > statusRank(existing.status)) resolvedFlows.set(key, entry);
  }
  const all = [...findings.values()];
  const byPosition = <T extends { file: string; line: number }>(a: T, b: T): number => a.file.localeCompare(b.file) || a.line - b.line;
  return {
    projectName: path.basename(path.dirname(options.tsconfigPath)),
    tsconfig: relative(options.tsconfigPath),
    configFile: options.configPath === undefined ? undefined : relative(options.configPath),
    filesAnalyzed: analysedFiles.size,
    types: [...types.values()].sort(byPosition),
    accessPaths: [...accessPaths.values()].sort(byPosition),
    flows: [...resolvedFlows.values()].sort(compareFlows),
    otherSources: [...otherSources.values()].sort((a, b) => levelRank(b.level) - levelRank(a.level) || byPosition(a, b)),
    dimensions: [...dimensions.values()].sort(byPosition),
    suppressions: [...suppressions.values()].sort(byPosition),
    declassifications: [...declassifications.values()].sort(byPosition),
    firstPartyHosts: [...firstPartyHosts],
    findings: {
      errors: all.filter((finding) => finding.suppression === undefined && finding.severity === 'error').length,
      warnings: all.filter((finding) => finding.suppression === undefined && finding.severity === 'warn').length,
      suppressed: all.filter((finding) => finding.suppression !== undefined).length,
    },
    diagnostics: [...diagnostics],
  };
}

/** A rule that reports nothing and records every fact the engine hands to rules. */
function createObserverRule(facts: EngineFact[]): RuleDefinition {
  return {
    id: 'classified-report/observer',
    meta: {
      type: 'suggestion',
      docs: { description: 'Record every engine fact for the data inventory', policy: 'none', recommended: false },
      messages: {},
      schema: [],
      sinkKinds: [],
      maxClass: 'restricted',
      diagnosticCode: 0,
    },
    defaultOptions: [],
    check(fact) {
      facts.push(fact);
      return undefined;
    },
  };
}

function findingKey(file: string, start: number, end: number, ruleId: string): string {
  return `${file}|${start}|${end}|${ruleId}`;
}

function statusRank(status: FlowStatus): number {
  return status === 'violation' ? 2 : status === 'suppressed' ? 1 : 0;
}

function compareFlows(a: FlowEntry, b: FlowEntry): number {
  return a.sink.kind.localeCompare(b.sink.kind) || a.label.localeCompare(b.label) || a.file.localeCompare(b.file) || a.line - b.line;
}

function toSinkRef(sink: { kind: SinkKind; callee: string; module: string; reason: string; allowedKinds?: readonly string[] }): SinkRef {
  return { kind: sink.kind, callee: sink.callee, module: sink.module, reason: sink.reason, ...(sink.allowedKinds === undefined ? {} : { allowedKinds: sink.allowedKinds }) };
}

type TypeContainer = ts.InterfaceDeclaration | ts.ClassLikeDeclaration | ts.TypeLiteralNode;

/** Interfaces, classes and type literals of a file, iteratively (deep expressions cannot overflow the stack). */
function findTypeContainers(file: ts.SourceFile): TypeContainer[] {
  const containers: TypeContainer[] = [];
  const stack: ts.Node[] = [file];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) break;
    if (ts.isInterfaceDeclaration(node) || ts.isClassDeclaration(node) || ts.isClassExpression(node) || ts.isTypeLiteralNode(node)) containers.push(node);
    const children: ts.Node[] = [];
    ts.forEachChild(node, (child) => {
      children.push(child);
    });
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index] as ts.Node);
  }
  return containers;
}

function describeContainer(container: TypeContainer): TypeEntry['declaration'] {
  if (ts.isInterfaceDeclaration(container)) return 'interface';
  if (ts.isTypeLiteralNode(container)) return ts.isTypeAliasDeclaration(container.parent) ? 'type' : 'type literal';
  return 'class';
}

/**
 * How a container is named in the report: its own name, the alias a type literal is declared
 * as, or for a nested anonymous literal the field, parameter or variable it types
 * (`CheckoutRequest.billing`, `exportSupportReplyDataset(resolved)`).
 */
function getContainerName(container: TypeContainer): string | undefined {
  if (!ts.isTypeLiteralNode(container)) {
    if (container.name !== undefined) return container.name.text;
    const parent = container.parent;
    return ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name) ? parent.name.text : undefined;
  }
  for (let current: ts.Node = container.parent; ; current = current.parent) {
    if (ts.isTypeAliasDeclaration(current)) return current.name.text;
    if (ts.isPropertySignature(current) || ts.isPropertyDeclaration(current)) {
      const owner = ts.isInterfaceDeclaration(current.parent) || ts.isClassLike(current.parent) || ts.isTypeLiteralNode(current.parent) ? getContainerName(current.parent) : undefined;
      const name = getPropertyName(current.name);
      return owner === undefined || name === undefined ? name : `${owner}.${name}`;
    }
    if (ts.isParameter(current)) {
      const fn = current.parent;
      const fnName = fn.name !== undefined && (ts.isIdentifier(fn.name) || ts.isPrivateIdentifier(fn.name)) ? fn.name.text : undefined;
      const parameter = ts.isIdentifier(current.name) ? current.name.text : 'parameter';
      return fnName === undefined ? parameter : `${fnName}(${parameter})`;
    }
    if (ts.isVariableDeclaration(current)) return ts.isIdentifier(current.name) ? current.name.text : undefined;
    if (!ts.isTypeNode(current)) return undefined;
  }
}

function getFieldDeclarations(container: TypeContainer): ts.Declaration[] {
  const members: ts.Declaration[] = [];
  for (const member of container.members) {
    if (ts.isPropertySignature(member) || ts.isPropertyDeclaration(member)) members.push(member);
    if (ts.isConstructorDeclaration(member)) {
      for (const parameter of member.parameters) {
        if (ts.isParameterPropertyDeclaration(parameter, member)) members.push(parameter);
      }
    }
  }
  return members;
}

function getPropertyName(name: ts.PropertyName | ts.BindingName): string | undefined {
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}

/** How a field is identified across the Programs of a solution: its file and start offset. */
function getFieldId(declaration: ts.Node, relative: (file: string) => string): string {
  const file = declaration.getSourceFile();
  return `${relative(file.fileName)}:${declaration.getStart(file)}`;
}

function describeField(
  member: ts.Declaration,
  owner: string,
  facade: CheckerFacade,
  classifier: TypeClassifier,
  relative: (file: string) => string,
  lineOf: (node: ts.Node) => number,
): FieldEntry | undefined {
  const declaration = member as ts.PropertySignature | ts.PropertyDeclaration | ts.ParameterDeclaration;
  const name = getPropertyName(declaration.name);
  if (name === undefined) return undefined;
  const symbol = (declaration as { symbol?: ts.Symbol }).symbol ?? facade.getSymbol(declaration.name);
  if (symbol === undefined) return undefined;
  const type = facade.getTypeOfSymbol(symbol);
  const file = declaration.getSourceFile();
  const typeText = truncate(declaration.type?.getText(file).replace(/\s+/g, ' ') ?? facade.typeToString(type), MAX_TYPE_TEXT);
  let classification: FieldClassification | undefined;
  let contains: string[] = [];
  const brand = getBrandThroughContainers(type, classifier, facade);
  if (brand === 'anonymized') {
    classification = { level: 'public', kind: 'Anonymized', confidence: 'declared', reason: 'declared Anonymized (de-identified)', anonymized: true };
  } else if (brand !== undefined) {
    classification = { level: brand.level, kind: brand.kind ?? capitalize(brand.level), confidence: 'declared', reason: `declared as ${declaration.type === undefined ? truncate(brand.typeText, MAX_TYPE_TEXT) : typeText}`, anonymized: false };
  } else {
    const parts = classifier.classifyType(type);
    if (parts.length > 0) {
      contains = parts.map((part) => `${part.path.filter((segment) => segment !== '*').join('.') || name}: ${part.kind}`);
    } else {
      const inferred = classifier.inferName(name, [owner.split('.').pop() ?? owner]);
      if (inferred !== undefined && canCarryInferredValue(type, inferred)) {
        classification = { level: inferred.level, kind: inferred.kind, confidence: 'inferred', reason: `field name "${name}" matches "${inferred.pattern}"`, anonymized: false };
      }
    }
  }
  return {
    id: getFieldId(declaration, relative),
    owner,
    name,
    file: relative(file.fileName),
    line: lineOf(declaration),
    typeText,
    classification,
    contains: [...new Set(contains)],
  };
}

/** The brand of a field's type, looking through `| undefined`, arrays and Promise. */
function getBrandThroughContainers(type: ts.Type, classifier: TypeClassifier, facade: CheckerFacade): ReturnType<TypeClassifier['getOwnBrand']> {
  let current: ts.Type | undefined = type;
  for (let depth = 0; current !== undefined && depth < 3; depth++) {
    const brand = classifier.getOwnBrand(current);
    if (brand !== undefined) return brand;
    const nonNullable: ts.Type = facade.getNonNullableType(current);
    if (nonNullable !== current) {
      current = nonNullable;
      continue;
    }
    const symbolName = current.getSymbol()?.getName();
    if (symbolName === 'Array' || symbolName === 'ReadonlyArray') current = facade.getIndexTypeOfType(current, ts.IndexKind.Number);
    else if (symbolName === 'Promise') current = facade.getAwaitedType(current);
    else current = undefined;
  }
  return undefined;
}

/**
 * The field a source was read from: `customer.email` → `Customer.email`; for a whole object
 * flowing with a path (`pending.card.number`), the path walked through the types; for an
 * object-literal property (`{ email: order.customerEmail }`) the field its value was read from.
 */
function resolveFieldDeclaration(node: ts.Node, label: string, facade: CheckerFacade): ts.Node | undefined {
  let symbol: ts.Symbol | undefined;
  if (ts.isPropertyAccessExpression(node)) {
    symbol = facade.getSymbol(node.name);
  } else if (ts.isElementAccessExpression(node)) {
    symbol = facade.getSymbol(node.argumentExpression);
  } else {
    const segments = label.split('.');
    const root = segments[0];
    const rest = segments.slice(1).filter((segment) => segment !== '*');
    const rootText = ts.isParameter(node) ? (ts.isIdentifier(node.name) ? node.name.text : undefined) : ts.isIdentifier(node) ? node.text : undefined;
    if (rest.length === 0 || root !== rootText) return undefined;
    let type: ts.Type | undefined = facade.getTypeOfNode(ts.isParameter(node) ? node.name : node);
    for (const segment of rest) {
      symbol = type === undefined ? undefined : findProperty(type, segment, facade);
      if (symbol === undefined) return undefined;
      type = facade.getTypeOfSymbol(symbol);
    }
  }
  return followToField(symbol, facade, 0);
}

function findProperty(type: ts.Type, name: string, facade: CheckerFacade): ts.Symbol | undefined {
  let current: ts.Type | undefined = facade.getNonNullableType(type);
  for (let depth = 0; current !== undefined && depth < 3; depth++) {
    const property = facade.getPropertyOfType(current, name);
    if (property !== undefined) return property;
    current = facade.getIndexTypeOfType(current, ts.IndexKind.Number) ?? facade.getAwaitedType(current);
    if (current !== undefined) current = facade.getNonNullableType(current);
  }
  return undefined;
}

function followToField(symbol: ts.Symbol | undefined, facade: CheckerFacade, depth: number): ts.Node | undefined {
  if (symbol === undefined || depth > MAX_FOLLOW) return undefined;
  const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
  if (declaration === undefined) return undefined;
  if (ts.isPropertySignature(declaration) || ts.isPropertyDeclaration(declaration) || ts.isParameter(declaration)) return declaration;
  if (ts.isPropertyAssignment(declaration)) {
    let value = declaration.initializer;
    while (ts.isParenthesizedExpression(value) || ts.isAsExpression(value) || ts.isNonNullExpression(value)) value = value.expression;
    if (ts.isPropertyAccessExpression(value)) return followToField(facade.getSymbol(value.name), facade, depth + 1);
  }
  return undefined;
}

/** `declassify(value, 'reason')` calls of the `classified` package, with their reasons. */
function findDeclassifyCalls(
  files: readonly ts.SourceFile[],
  facade: CheckerFacade,
  isProjectFile: (file: ts.SourceFile) => boolean,
  relative: (file: string) => string,
  lineOf: (node: ts.Node) => number,
): DeclassificationEntry[] {
  const entries: DeclassificationEntry[] = [];
  for (const file of files) {
    for (const call of getFileIndex(file).callsByName.get('declassify') ?? []) {
      if (!ts.isCallExpression(call)) continue;
      const declaration = facade.getSymbol(call.expression)?.declarations?.[0];
      if (declaration === undefined || isProjectFile(declaration.getSourceFile()) || !isClassifiedPackageFile(declaration.getSourceFile())) continue;
      const [value, reason] = call.arguments;
      // calls without a literal reason are `no-unsafe-declassification` facts, listed from the engine
      if (reason === undefined || !ts.isStringLiteralLike(reason) || reason.text.trim() === '') continue;
      entries.push({ file: relative(file.fileName), line: lineOf(call), form: 'declassify', label: value === undefined ? '' : value.getText(file), detail: reason.text, ruleId: undefined });
    }
  }
  return entries;
}

function collectSuppressions(files: readonly ts.SourceFile[], findings: readonly Finding[], relative: (file: string) => string): SuppressionEntry[] {
  const entries: SuppressionEntry[] = [];
  for (const file of files) {
    for (const [target, suppression] of getSuppressions(file)) {
      const covered = findings.filter((finding) => finding.file === file.fileName && finding.line === target && suppression.ruleIds.has(finding.ruleId));
      entries.push({
        file: relative(file.fileName),
        line: suppression.line,
        ruleIds: [...suppression.ruleIds].sort(),
        reason: suppression.reason,
        covers: covered.map((finding) => `${finding.ruleId}: ${finding.source?.label ?? finding.data.data ?? 'data'}${finding.sink === undefined ? '' : ` → ${finding.sink.callee}`}`),
      });
    }
  }
  return entries.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
