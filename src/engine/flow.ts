/**
 * Flow: computes, on demand, which classified data an expression carries. It follows data
 * through the operations that erase brands (templates, `+`, string and array methods, `String()`,
 * `JSON.stringify`, spreads, destructuring), through local variables (def-use, including later
 * reassignment and `x.field = v` / `list.push(v)` stores), through callbacks of array methods,
 * and through calls into the project's own functions by way of return summaries whose parameter
 * taints are substituted at each call site. Results are memoized per node; cycles (recursion,
 * mutual assignment) are cut and terminate.
 */
import ts from 'typescript';
import { levelRank, type Level } from '../policy/types.js';
import type { CheckerFacade } from './checker.js';
import { isKnownEmptyAt } from './empty-guards.js';
import { getConstantWords } from './logger-redaction.js';
import { canCarryInferredValue, canHoldText, isConstantTableProperty, isClassifiedPackageFile, type TypeClassification, type TypeClassifier } from './classify.js';
import type { Confidence } from './findings-types.js';
import { findCardNumbers, isKnownTestCardNumber, maskCardDigits } from './card-numbers.js';
import { append, getCalleeName, skipOuterExpressions, type FileIndex } from './file-index.js';
import { FileHops } from './file-hops.js';
import { NodeMap } from './node-map.js';
import { CHAT_MESSAGE_KIND, UNTYPED_PAYLOAD_KIND, isChatRole, isSanitizingName, isSettingsName, type InferredName } from './names.js';
import type { SinkResolver } from './sinks.js';
import { getPackageName, getPropertyChain, getPropertyNameText, getStaticString } from './sinks.js';
import {
  ANY_FIELD,
  addStep,
  collapse,
  dedupeTaints,
  embedField,
  instantiate,
  maskKeys,
  normalizeMaskedKey,
  readField,
  startTrail,
  withPath,
  type SourceFact,
  type Step,
  type Taint,
} from './taint.js';
import { forEachChild, IndexKind, NodeFlags, SymbolFlags, SyntaxKind, TypeFlags } from './typescript-api.js';

/** Array and collection methods whose callback's first parameter is an element of the receiver. */
const ELEMENT_CALLBACK_METHODS: ReadonlySet<string> = new Set([
  'map', 'flatMap', 'forEach', 'filter', 'find', 'findLast', 'some', 'every', 'findIndex', 'findLastIndex', 'sort', 'toSorted',
]);
/** Methods whose result is (part of) the receiver's elements or the receiver itself. */
const RECEIVER_PRESERVING_METHODS: ReadonlySet<string> = new Set([
  'filter', 'slice', 'sort', 'toSorted', 'reverse', 'toReversed', 'concat', 'values', 'splice', 'with', 'toSpliced',
]);
/** Library functions whose result is their input, reshaped: schema parsing, cloning, merging, encoding. */
const PROPAGATING_LIBRARY_FUNCTIONS: ReadonlySet<string> = new Set([
  'parse', 'parseAsync', 'toFile', 'validate', 'validateSync', 'validateAsync', 'cast', 'decode', 'encode', 'from',
  'clone', 'cloneDeep', 'merge', 'mergeDeep', 'defaults', 'defaultsDeep', 'pick', 'omit', 'get', 'assign', 'toPlainObject', 'instanceToPlain', 'plainToInstance',
  'format', 'stringify', 'escape', 'serialize', 'compact', 'uniq', 'flatten', 'groupBy', 'keyBy', 'mapValues', 'values',
]);
/** Results that hold the bytes they were made from: an upload built with `toFile(Buffer.from(rows))` is the rows. */
const DATA_CONTAINER_TYPES: ReadonlySet<string> = new Set(['Buffer', 'Blob', 'File', 'FileLike', 'Uploadable', 'ReadStream', 'Readable', 'Uint8Array', 'ArrayBuffer', 'FormData', 'URLSearchParams']);
/** Schema methods whose result holds the parsed input under `data` and an error beside it (zod). */
const SAFE_PARSE_METHODS: ReadonlySet<string> = new Set(['safeParse', 'safeParseAsync', 'spa']);
const ELEMENT_READING_METHODS: ReadonlySet<string> = new Set(['find', 'findLast', 'at', 'pop', 'shift', 'get']);
/** Calls that store into their receiver: `list.push(v)`, `map.set(k, v)`, `set.add(v)`. */
export const STORING_METHODS: ReadonlySet<string> = new Set(['push', 'unshift', 'add', 'set', 'append']);
/** Platform collections whose `keys()` are not their values (a Set's keys are). */
const KEYED_COLLECTIONS: ReadonlySet<string> = new Set(['Map', 'Array', 'ReadonlyArray']);
/** Properties whose value never is the data itself. */
const DERIVED_PROPERTIES: ReadonlySet<string> = new Set(['length', 'size', 'byteLength']);
const MAX_DEPTH = 400;

const NO_TAINTS: readonly Taint[] = Object.freeze([]);
/** the memo's mark for an expression being computed: a cycle back to it reads as clean */
const IN_PROGRESS: readonly Taint[] = Object.freeze([]);

const CLASSIFIED_STOPS: ReadonlySet<string> = new Set(['declassify', 'redact', 'maskPan']);

export interface FlowOptions {
  readonly isProjectFile: (file: ts.SourceFile) => boolean;
  readonly isTestFile: (file: ts.SourceFile) => boolean;
  readonly getFileIndex: (file: ts.SourceFile) => FileIndex;
}

export class FlowAnalyzer {
  private readonly memo: NodeMap<readonly Taint[]>;
  private readonly fileHops: FileHops;
  private readonly returnSummaries = new Map<ts.Node, readonly Taint[]>();
  private readonly namedUses = new Map<ts.SignatureDeclaration, ReadonlyMap<ts.Symbol | string, NamedUse>>();
  /** per helper: the keys it masks (null: not a masking helper) */
  private readonly maskedKeys = new Map<ts.SignatureDeclaration, ReadonlySet<string> | null>();
  private readonly storesByFile = new Map<ts.SourceFile, FileStores>();
  private depth = 0;
  /** nodes whose analysis was cut short by the depth budget, reported as skipped */
  readonly truncated: ts.Node[] = [];

  constructor(
    private readonly facade: CheckerFacade,
    private readonly classifier: TypeClassifier,
    private readonly sinks: SinkResolver,
    private readonly options: FlowOptions,
  ) {
    this.memo = new NodeMap(facade.usesCheckerIds);
    this.fileHops = new FileHops(facade, () => facade.program.getSourceFiles().filter((file) => !file.isDeclarationFile && options.isProjectFile(file)), options.getFileIndex);
  }

  /** The classified data `expression` carries (concrete sources and, inside functions, parameters). */
  taintOf(expression: ts.Node): readonly Taint[] {
    const cached = this.memo.get(expression);
    if (cached !== undefined) return cached === IN_PROGRESS ? NO_TAINTS : cached;
    if (this.depth >= MAX_DEPTH) {
      this.truncated.push(expression);
      return NO_TAINTS;
    }
    this.memo.set(expression, IN_PROGRESS);
    this.depth++;
    let result: readonly Taint[];
    try {
      result = dedupeTaints(this.compute(expression));
    } catch (error) {
      this.memo.delete(expression);
      throw error;
    } finally {
      this.depth--;
    }
    // most expressions carry nothing: one shared empty list instead of one per node
    if (result.length === 0) result = NO_TAINTS;
    this.memo.set(expression, result);
    return result;
  }

  /** A literal card number's source fact, unless it is a known test number in a test file. */
  getCardLiteralSource(literal: ts.Node): SourceFact | undefined {
    if (!ts.isStringLiteralLike(literal) && !ts.isTemplateLiteralToken(literal) && !ts.isNumericLiteral(literal) && !ts.isBigIntLiteral(literal)) return undefined;
    // a number literal's text may carry `_` separators or an `n` suffix
    const text = ts.isNumericLiteral(literal) || ts.isBigIntLiteral(literal) ? literal.text.replace(/[_n]/g, '') : literal.text;
    const card = findCardNumbers(text)[0];
    if (card === undefined) return undefined;
    if (this.options.isTestFile(literal.getSourceFile()) && isKnownTestCardNumber(card.digits)) return undefined;
    return {
      label: `card number literal ${maskCardDigits(card.digits)}`,
      level: 'restricted',
      kind: 'PAN',
      confidence: 'literal',
      node: literal,
      reason: `${card.issuer} card number (length, Luhn checksum and issuer range)`,
      numeric: true,
    };
  }

  /** Whether `call` is one of classified's own runtime helpers (`declassify`, `redact`, ...). */
  isClassifiedHelperCall(call: ts.CallExpression, names: ReadonlySet<string> = CLASSIFIED_STOPS): boolean {
    const name = getCalleeName(call.expression);
    if (name === undefined || !names.has(name)) return false;
    const declaration = this.sinks.getCalleeDeclaration(call.expression);
    if (declaration === undefined) return false;
    return isClassifiedPackageFile(declaration.getSourceFile());
  }

  /**
   * Calls whose result is safe: classified's helpers, configured and `@declassify` sanitizers,
   * and functions named for what they do to data (`maskEmail`, `hashCustomerId`).
   */
  isSanitizingCall(call: ts.CallExpression): boolean {
    if (this.isClassifiedHelperCall(call) || this.sinks.isSanitizerCall(call)) return true;
    const name = getCalleeName(call.expression);
    if (name === undefined || !isSanitizingName(name)) return false;
    // `hashSensitiveFields(entry)` that masks a listed few keys: the others pass (`callTaints`)
    const declaration = this.facade.getCalledDeclaration(call);
    return declaration === undefined || !this.hasAnalyzableBody(declaration) || this.getMaskedKeys(declaration) === undefined;
  }

  /** A user function's return value in terms of its own sources and its parameters. */
  getReturnSummary(fn: ts.SignatureDeclaration): readonly Taint[] {
    const cached = this.returnSummaries.get(fn);
    if (cached !== undefined) return cached;
    this.returnSummaries.set(fn, []); // recursion sees an empty summary and terminates
    const body = (fn as ts.FunctionLikeDeclarationBase).body;
    let taints: Taint[] = [];
    if (body !== undefined) {
      const returned = ts.isBlock(body) ? collectReturnExpressions(body) : [body];
      taints = returned.flatMap((expression) => this.taintOf(expression).map((taint) => addStep(taint, expression, 'returned')));
    }
    const result = dedupeTaints(taints);
    this.returnSummaries.set(fn, result);
    return result;
  }

  private compute(node: ts.Node): readonly Taint[] {
    // one switch on the kind rather than a chain of type guards: this runs for every expression followed
    switch (node.kind) {
      case SyntaxKind.Identifier:
        return isKnownEmptyAt(node as ts.Identifier, this.options.getFileIndex(node.getSourceFile())) ? [] : this.identifierTaints(node as ts.Identifier);
      case SyntaxKind.PropertyAccessExpression:
        return isKnownEmptyAt(node as ts.PropertyAccessExpression, this.options.getFileIndex(node.getSourceFile())) ? [] : this.propertyTaints(node as ts.PropertyAccessExpression, (node as ts.PropertyAccessExpression).name.text);
      case SyntaxKind.CallExpression:
        return this.callTaints(node as ts.CallExpression);
      case SyntaxKind.StringLiteral:
      case SyntaxKind.NoSubstitutionTemplateLiteral:
      case SyntaxKind.NumericLiteral:
      case SyntaxKind.BigIntLiteral:
        return this.literalTaints(node);
      case SyntaxKind.ParenthesizedExpression:
      case SyntaxKind.AsExpression:
      case SyntaxKind.TypeAssertionExpression:
      case SyntaxKind.NonNullExpression:
      case SyntaxKind.SatisfiesExpression:
      case SyntaxKind.AwaitExpression:
      case SyntaxKind.SpreadElement:
      case SyntaxKind.SpreadAssignment:
        return this.taintOf((node as ts.ParenthesizedExpression | ts.AsExpression | ts.TypeAssertion | ts.NonNullExpression | ts.SatisfiesExpression | ts.AwaitExpression | ts.SpreadElement | ts.SpreadAssignment).expression);
      case SyntaxKind.TemplateExpression: {
        const template = node as ts.TemplateExpression;
        const literalParts = [template.head, ...template.templateSpans.map((span) => span.literal)].flatMap((part) => this.literalTaints(part));
        return [...literalParts, ...template.templateSpans.flatMap((span) => this.taintOf(span.expression).map(collapse))];
      }
      case SyntaxKind.TaggedTemplateExpression: {
        const tagged = node as ts.TaggedTemplateExpression;
        return ts.isTemplateExpression(tagged.template) ? tagged.template.templateSpans.flatMap((span) => this.taintOf(span.expression).map(collapse)) : [];
      }
      case SyntaxKind.BinaryExpression:
        return this.binaryTaints(node as ts.BinaryExpression);
      case SyntaxKind.ConditionalExpression:
        return [...this.taintOf((node as ts.ConditionalExpression).whenTrue), ...this.taintOf((node as ts.ConditionalExpression).whenFalse)];
      case SyntaxKind.PrefixUnaryExpression: {
        const unary = node as ts.PrefixUnaryExpression;
        return unary.operator === SyntaxKind.ExclamationToken ? [] : this.taintOf(unary.operand).map(collapse);
      }
      case SyntaxKind.ObjectLiteralExpression:
        return this.objectTaints(node as ts.ObjectLiteralExpression);
      case SyntaxKind.ArrayLiteralExpression: {
        // `[clean, email]` keeps positions (a tuple for `Promise.all` or destructuring) up to the first spread
        const elements = (node as ts.ArrayLiteralExpression).elements;
        const firstSpread = elements.findIndex(ts.isSpreadElement);
        return elements.flatMap((element, index) =>
          ts.isSpreadElement(element) ? [...this.taintOf(element.expression)] : this.taintOf(element).map((taint) => embedField(taint, firstSpread === -1 || index < firstSpread ? String(index) : ANY_FIELD)),
        );
      }
      case SyntaxKind.ElementAccessExpression: {
        // `email.split('@')[1]`: the domain, shared by everyone at the company, is not the address
        if (isEmailDomainPart(node as ts.ElementAccessExpression)) return [];
        const key = (node as ts.ElementAccessExpression).argumentExpression;
        return this.propertyTaints(node as ts.ElementAccessExpression, ts.isStringLiteralLike(key) ? key.text : ANY_FIELD);
      }
      case SyntaxKind.NewExpression:
        return this.newTaints(node as ts.NewExpression);
      case SyntaxKind.ShorthandPropertyAssignment:
        return this.identifierTaints((node as ts.ShorthandPropertyAssignment).name);
      case SyntaxKind.PropertyAssignment:
        return this.taintOf((node as ts.PropertyAssignment).initializer);
      default:
        return [];
    }
  }


  private literalTaints(literal: ts.Node): Taint[] {
    const source = this.getCardLiteralSource(literal);
    return source === undefined ? [] : [sourceTaint(source)];
  }

  private binaryTaints(node: ts.BinaryExpression): readonly Taint[] {
    switch (node.operatorToken.kind) {
      case SyntaxKind.PlusToken:
        // long `a + b + c + ...` chains are left-deep trees: walk the spine instead of recursing
        return this.keepArithmetic(node, getConcatenatedOperands(node).flatMap((operand) => this.taintOf(operand)).map(collapse));
      case SyntaxKind.PlusEqualsToken:
      case SyntaxKind.MinusToken:
      case SyntaxKind.AsteriskToken:
      case SyntaxKind.SlashToken:
      case SyntaxKind.PercentToken:
        return this.keepArithmetic(node, [...this.taintOf(node.left), ...this.taintOf(node.right)].map(collapse));
      case SyntaxKind.BarBarToken:
      case SyntaxKind.QuestionQuestionToken:
        return [...this.taintOf(node.left), ...this.taintOf(node.right)];
      case SyntaxKind.AmpersandAmpersandToken:
      case SyntaxKind.CommaToken:
      case SyntaxKind.EqualsToken:
      case SyntaxKind.QuestionQuestionEqualsToken:
      case SyntaxKind.BarBarEqualsToken:
        return this.taintOf(node.right);
      default:
        return [];
    }
  }

  /**
   * Arithmetic on numbers aggregates: a total over order lines is the "aggregate billing total"
   * the policy allows. Restricted numbers stay what they are (`salary * 12` is compensation).
   */
  private keepArithmetic(node: ts.BinaryExpression, taints: Taint[]): Taint[] {
    if (taints.length === 0) return taints;
    const flags = this.facade.getTypeOfNode(node).flags;
    if ((flags & (TypeFlags.NumberLike | TypeFlags.BigIntLike)) === 0) return taints;
    return taints.filter((taint) => taint.origin.type === 'parameter' || taint.origin.source.level === 'restricted');
  }

  private objectTaints(node: ts.ObjectLiteralExpression): Taint[] {
    const taints: Taint[] = [];
    for (const property of node.properties) {
      if (ts.isSpreadAssignment(property)) {
        taints.push(...this.taintOf(property.expression));
        continue;
      }
      if (!ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property)) continue;
      const name = getPropertyNameText(property.name) ?? ANY_FIELD;
      for (const taint of this.taintOf(property)) taints.push(embedField(taint, name));
    }
    // content that carries classified data already is reported as that data
    const message = getChatMessageContent(node, this.facade);
    if (message !== undefined && !this.taintOf(message).some(isConcrete)) {
      taints.push(embedField(sourceTaint({
        label: describeExpression(message),
        level: 'confidential',
        kind: CHAT_MESSAGE_KIND,
        confidence: 'inferred',
        node: message,
        reason: 'the content of a chat message (a "role" beside it): what a person wrote',
        numeric: false,
      }), 'content'));
    }
    return taints;
  }

  private identifierTaints(identifier: ts.Identifier): Taint[] {
    const own = this.identifierTaintsOf(identifier);
    const named = own.some(isConcrete) ? undefined : this.inferFromNamedUse(identifier);
    const taints = named === undefined ? own : [...own, named];
    // `const messageTemplateDefinition = await getTemplate(id)`: what the code names as the product's
    // settings holds no customer data by its fields' names (declared brands still count)
    if (taints.length === 0 || !isSettingsName(identifier.text) || !isObjectOrUnionOfObjects(this.facade.getTypeOfNode(identifier))) return taints;
    return taints.filter((taint) => taint.origin.type !== 'source' || taint.origin.source.confidence !== 'inferred');
  }

  private identifierTaintsOf(identifier: ts.Identifier): Taint[] {
    if (identifier.text === 'undefined') return [];
    // `const shown = declassify(member, 'reason')`: the field names of its type no longer count
    const initializer = getConstInitializer(this.facade.getSymbol(identifier)?.valueDeclaration);
    if (initializer !== undefined && ts.isCallExpression(initializer) && this.isSanitizingCall(initializer)) return [];
    // `const shown = { ...declassify(member, 'reason'), at: 1 }`: the copy's type still names the
    // fields' brands, so what it holds is read from the literal, part by part
    const copiesDeclassified = initializer !== undefined && ts.isObjectLiteralExpression(initializer) && initializer.properties.some((property) => {
      const spread = ts.isSpreadAssignment(property) ? skipOuterExpressions(property.expression) : undefined;
      return spread !== undefined && ts.isCallExpression(spread) && this.isSanitizingCall(spread);
    });
    // `const CHANNEL_IDENTIFIERS: Record<ChannelType, string> = { Email: 'email' }`: literals, whatever its type's keys say
    if (this.isConstantTable(identifier)) return [];
    const declared = copiesDeclassified ? undefined : this.typeTaints(identifier);
    if (declared !== undefined && !(declared.length > 0 && declared.every(isInferredSource) && this.isContextBagParameter(identifier))) return declared;
    const symbol = ts.isShorthandPropertyAssignment(identifier.parent) && identifier.parent.name === identifier
      ? this.facade.getShorthandValueSymbol(identifier.parent)
      : this.facade.getSymbol(identifier);
    const declaration = symbol?.valueDeclaration;
    if (symbol === undefined || declaration === undefined) return [];
    if (!this.options.isProjectFile(declaration.getSourceFile())) return [];
    if (ts.isVariableDeclaration(declaration)) return this.variableTaints(identifier, declaration, symbol);
    if (ts.isBindingElement(declaration)) return this.bindingTaints(identifier, declaration);
    if (ts.isParameter(declaration)) return this.parameterTaints(declaration);
    return [];
  }

  private variableTaints(identifier: ts.Identifier, declaration: ts.VariableDeclaration, symbol: ts.Symbol): Taint[] {
    const taints: Taint[] = [];
    const list = declaration.parent;
    const loop = list.parent;
    if ((ts.isForOfStatement(loop) || ts.isForInStatement(loop)) && loop.initializer === list) {
      if (ts.isForOfStatement(loop)) {
        taints.push(...this.readFrom(this.taintOf(loop.expression), [ANY_FIELD]).map((taint) => addStep(taint, declaration, `iterated as ${identifier.text}`)));
      }
    } else if (declaration.initializer !== undefined) {
      taints.push(...this.taintOf(declaration.initializer).map((taint) => addStep(taint, declaration, `assigned to ${identifier.text}`)));
    }
    const stores = this.getStores(declaration.getSourceFile(), symbol);
    for (const store of stores) {
      for (const taint of this.taintOf(store.value)) {
        const placed = store.path.reduceRight((inner, segment) => embedField(inner, segment), taint);
        taints.push(addStep(placed, store.value, `stored in ${identifier.text}${store.path.length > 0 && store.path[0] !== ANY_FIELD ? `.${store.path.join('.')}` : ''}`));
      }
    }
    // text put together here from parts (`${prefix}/${config.displayName}`) is what its parts are: each is judged itself;
    // `const TEST_EMAILS: string[] = []` that nothing adds to holds what the code was written with
    const { initializer } = declaration;
    const namesNothing = initializer !== undefined && (isComposedText(initializer) || (stores.length === 0 && (list.flags & NodeFlags.Const) !== 0 && isLiteralList(initializer)));
    const inferred = namesNothing ? undefined : this.inferSource(identifier, identifier.text, []);
    if (inferred !== undefined) taints.push(inferred);
    return taints;
  }

  private bindingTaints(identifier: ts.Identifier, element: ts.BindingElement): Taint[] {
    const path: string[] = [];
    let current: ts.Node = element;
    while (ts.isBindingElement(current)) {
      const pattern: ts.BindingPattern = current.parent;
      if (ts.isObjectBindingPattern(pattern)) {
        const name = current.propertyName === undefined ? (ts.isIdentifier(current.name) ? current.name.text : ANY_FIELD) : (getPropertyNameText(current.propertyName) ?? ANY_FIELD);
        path.unshift(name);
      } else {
        // `const [a, b] = ...`: the element's position, unless a hole-free reading is impossible
        const position = pattern.elements.indexOf(current);
        path.unshift(current.dotDotDotToken === undefined && position >= 0 ? String(position) : ANY_FIELD);
      }
      current = pattern.parent;
    }
    // `const [email, setEmail] = useState('')`: a position names nothing, the variable does
    const propertyName = ts.isArrayBindingPattern(element.parent) ? identifier.text : (path[path.length - 1] ?? identifier.text);
    let root: readonly Taint[] = [];
    let ownerNames: string[] = [];
    if (ts.isVariableDeclaration(current) && current.initializer !== undefined) {
      root = this.taintOf(current.initializer);
      ownerNames = getOwnerNames(current.initializer, this.facade);
    } else if (ts.isParameter(current)) {
      root = this.parameterTaints(current);
    }
    const taints = this.readFrom(root, path).map((taint) => addStep(taint, element, `destructured as ${identifier.text}`));
    if (taints.some(isConcrete) || (ts.isParameter(current) && path.length === 1)) return taints;
    const inferred = this.inferSource(identifier, propertyName, ownerNames);
    return inferred === undefined ? taints : [inferred];
  }

  /**
   * `info(message: string, context?: LogContext)` where `LogContext` is an open bag
   * (`{ email?: string; requestId?: string; [key: string]: unknown }`): its optional fields say
   * what a caller may put in, not what this function holds, so what it passes on is decided at
   * the call sites, like any parameter's.
   */
  private isContextBagParameter(identifier: ts.Identifier): boolean {
    const declaration = this.facade.getSymbol(identifier)?.valueDeclaration;
    if (declaration === undefined || !ts.isParameter(declaration)) return false;
    const type = this.facade.getNonNullableType(this.facade.getTypeOfNode(declaration));
    if (this.facade.getIndexTypeOfType(type, IndexKind.String) === undefined) return false;
    return this.classifier.classifyType(type).every((part) => {
      const field = part.path[0];
      const property = field === undefined ? undefined : this.facade.getPropertyOfType(type, field);
      return part.confidence === 'inferred' && property !== undefined && (property.flags & SymbolFlags.Optional) !== 0;
    });
  }

  private parameterTaints(parameter: ts.ParameterDeclaration): Taint[] {
    const fn = parameter.parent;
    const index = fn.parameters.indexOf(parameter);
    const bound = this.boundCallbackTaints(fn, index);
    if (bound !== undefined) return bound;
    return [{ origin: { type: 'parameter', fn, index }, read: [], path: [], steps: startTrail({ node: parameter, note: `parameter ${parameter.name.getText()}` }), masked: undefined }];
  }

  /**
   * The parameter part a value is read from as written (`args`, `args.user.email`, a field
   * destructured from a parameter, directly or from a local copy of it), whatever its type says:
   * where a typed helper's callers hand in what it sends. Undefined for a callback's parameter,
   * which its call binds.
   */
  getParameterPart(value: ts.Expression): Taint | undefined {
    const path: string[] = [];
    let current = skipOuterExpressions(value);
    while (ts.isPropertyAccessExpression(current)) {
      path.unshift(current.name.text);
      current = skipOuterExpressions(current.expression);
    }
    if (!ts.isIdentifier(current)) return undefined;
    let declaration: ts.Node | undefined = this.facade.getSymbol(current)?.valueDeclaration;
    // `const { userEmail } = context` and `({ userEmail }: Context) => ...`
    if (declaration !== undefined && ts.isBindingElement(declaration) && ts.isObjectBindingPattern(declaration.parent)) {
      const field = declaration.propertyName === undefined ? (ts.isIdentifier(declaration.name) ? declaration.name.text : undefined) : getPropertyNameText(declaration.propertyName);
      const holder = declaration.parent.parent;
      const copied = ts.isVariableDeclaration(holder) && holder.initializer !== undefined ? skipOuterExpressions(holder.initializer) : undefined;
      if (field === undefined) return undefined;
      path.unshift(field);
      declaration = ts.isParameter(holder) ? holder : copied !== undefined && ts.isIdentifier(copied) ? this.facade.getSymbol(copied)?.valueDeclaration : undefined;
    }
    if (declaration === undefined || !ts.isParameter(declaration) || declaration.dotDotDotToken !== undefined) return undefined;
    const [part] = this.readFrom(this.parameterTaints(declaration), path);
    return part?.origin.type === 'parameter' && part.origin.fn === declaration.parent ? part : undefined;
  }

  /** A callback's parameter bound by the call it is passed to: `list.map((item) => ...)`. */
  private boundCallbackTaints(fn: ts.SignatureDeclaration, index: number): Taint[] | undefined {
    if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return undefined;
    const call = fn.parent;
    if (!ts.isCallExpression(call) || !call.arguments.includes(fn as ts.Expression)) return undefined;
    const callee = skipOuterExpressions(call.expression);
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    const method = callee.name.text;
    const position = call.arguments.indexOf(fn as ts.Expression);
    // `then(onFulfilled, onRejected)`: only the first callback receives the value
    if (position !== 0) return method === 'then' || ELEMENT_CALLBACK_METHODS.has(method) ? [] : undefined;
    const receiver = this.taintOf(callee.expression);
    if (method === 'then') return index === 0 ? [...receiver] : [];
    if (method === 'reduce' || method === 'reduceRight') return index === 1 ? this.readFrom(receiver, [ANY_FIELD]) : [];
    if (ELEMENT_CALLBACK_METHODS.has(method)) return index === 0 ? this.readFrom(receiver, [ANY_FIELD]) : [];
    return undefined;
  }

  private propertyTaints(node: ts.PropertyAccessExpression | ts.ElementAccessExpression, name: string): Taint[] {
    if (DERIVED_PROPERTIES.has(name)) return [];
    if (isStaffOwnField(node)) return [];
    const declared = this.typeTaints(node);
    if (declared !== undefined) return declared;
    const payload = name === 'body' && ts.isPropertyAccessExpression(node) ? this.getUntypedRequestBody(node) : undefined;
    if (payload !== undefined) return [sourceTaint(payload)];
    const getter = this.getProjectGetter(node);
    if (getter !== undefined) return this.cutByType(node, this.callbackResultOfGetter(node, getter));
    const base = this.readFrom(this.taintOf(node.expression), [name]);
    if (base.some(isConcrete)) return this.cutByType(node, base);
    // a sensitive name read off a parameter is a source here, in the function that reads it
    const inferred = name === ANY_FIELD ? undefined : this.inferSource(node, name, getOwnerNames(node.expression, this.facade));
    return inferred === undefined ? this.cutByType(node, base) : [inferred];
  }

  /** `view.contactLine` where `contactLine` is a getter of a project class: a call in disguise. */
  private getProjectGetter(node: ts.PropertyAccessExpression | ts.ElementAccessExpression): ts.GetAccessorDeclaration | undefined {
    if (!ts.isPropertyAccessExpression(node)) return undefined;
    const declaration = this.facade.getSymbol(node.name)?.declarations?.find(ts.isGetAccessorDeclaration);
    return declaration !== undefined && this.hasAnalyzableBody(declaration) ? declaration : undefined;
  }

  private callbackResultOfGetter(node: ts.Node, getter: ts.GetAccessorDeclaration): Taint[] {
    return this.getReturnSummary(getter).filter(isConcrete).map((taint) => addStep(taint, node, `returned by getter ${getter.name.getText()}`));
  }

  private callTaints(call: ts.CallExpression): Taint[] {
    if (this.isSanitizingCall(call)) return [];
    const declaration = this.facade.getCalledDeclaration(call);
    const clientAddress = this.getClientAddressSource(call, declaration);
    if (clientAddress !== undefined) return [sourceTaint(clientAddress)];
    const payload = this.getUntypedBodyRead(call, declaration);
    if (payload !== undefined) return [sourceTaint(payload)];
    // `fs.createReadStream(file)`: what the project wrote to that file
    const written = this.fileHops.getWrittenValues(call, declaration);
    if (written !== undefined) return written.flatMap((value) => this.taintOf(value).map((taint) => addStep(collapse(taint), value, 'written to the file read here')));
    const followed = declaration !== undefined && this.hasAnalyzableBody(declaration) ? declaration : undefined;
    // a project function's result is followed through its body: its declared return type says what the body cannot (a brand)
    const type = followed === undefined ? this.facade.getTypeOfNode(call) : this.facade.getDeclaredReturnType(call);
    const declared = this.typeTaints(call, type);
    if (declared !== undefined) return declared;
    // what a sink returns is its response, not the data sent to it
    if (this.sinks.getSinkForCall(call) !== undefined) return [];
    const callee = skipOuterExpressions(call.expression);
    if (followed !== undefined) {
      const masked = this.getMaskedKeys(followed);
      // `hashSensitiveFields(entry)`: the entry comes back with the listed keys masked
      if (masked !== undefined && call.arguments[0] !== undefined) return this.cutByType(call, maskKeys(this.taintOf(call.arguments[0]), masked), type);
      return this.cutByType(call, this.applyReturnSummary(call, followed), type);
    }
    const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    const receiver = ts.isPropertyAccessExpression(callee) ? this.taintOf(callee.expression) : [];
    let taints: Taint[];
    let collection: string | undefined;
    const pathAccess = this.getPathAccess(call, declaration);
    if (method === 'map' || method === 'flatMap') {
      const callback = call.arguments[0];
      const named = callback === undefined || isInlineFunction(callback) ? undefined : this.getProjectFunction(callback);
      if (callback !== undefined && isInlineFunction(callback)) taints = this.callbackResult(callback).map((taint) => embedField(taint, ANY_FIELD));
      else if (named !== undefined) taints = this.applySummaryToElements(call, named, receiver).map((taint) => embedField(taint, ANY_FIELD));
      else taints = receiver.map(collapse);
    } else if (method === 'reduce' || method === 'reduceRight') {
      const callback = call.arguments[0];
      const initial = call.arguments[1];
      taints = [...(initial === undefined ? [] : this.taintOf(initial)), ...(callback !== undefined && isInlineFunction(callback) ? this.callbackResult(callback) : [])];
    } else if (method === 'flat') {
      // `[[a], [b]].flat()`: the elements of the elements become the elements
      taints = receiver.map(flattenOneLevel);
    } else if (method !== undefined && RECEIVER_PRESERVING_METHODS.has(method) && this.isCollection(callee)) {
      taints = [...receiver, ...call.arguments.flatMap((argument) => this.taintOf(argument))];
    } else if (method !== undefined && ELEMENT_READING_METHODS.has(method) && this.isCollection(callee)) {
      // `email.split('@').pop()`: the domain, as `[1]` below
      taints = isEmailDomainRead(call, method) ? [] : this.readFrom(receiver, [ANY_FIELD]);
    } else if (method === 'then' || method === 'catch' || method === 'finally') {
      const callback = call.arguments[0];
      taints = method === 'then' && callback !== undefined && isInlineFunction(callback) ? this.callbackResult(callback) : [...receiver];
    } else if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'Promise' && (method === 'all' || method === 'allSettled')) {
      // the awaited tuple holds each promise's value at its own position
      const list = call.arguments[0];
      taints = list === undefined ? [] : [...this.taintOf(list)];
    } else if (isObjectMethod(callee, 'keys')) {
      taints = []; // the field names, not the data
    } else if (method === 'keys' && ts.isPropertyAccessExpression(callee) && (collection = this.getKeyedCollectionName(callee.expression)) !== undefined) {
      // an array's indices; a Map's keys where every `set` of it is in sight, otherwise all it holds
      taints = collection === 'Map' ? (this.getMapKeys(callee.expression) ?? receiver.map(collapse)) : [];
    } else if (isObjectMethod(callee, 'assign')) {
      taints = call.arguments.flatMap((argument) => this.taintOf(argument));
    } else if (method !== undefined && HTTP_VERB_METHODS.has(method) && this.isLibraryRequest(call, declaration)) {
      // `await client.api(path).filter(query).get()`: a request builder's response, not the query it was built with
      taints = [];
    } else if (receiver.length === 0 && this.isRemoteCall(call, callee)) {
      // an API client's response (`await client.files.create(...)`, `await fetch(...)`) is not the request
      taints = [];
    } else if (pathAccess !== undefined) {
      taints = this.readFrom(this.taintOf(pathAccess.object), pathAccess.path);
    } else {
      const carried = this.getLibraryResultCarry(call, declaration, method ?? getCalleeName(callee));
      const dataArguments = call.arguments.filter((argument) => !isInlineFunction(argument));
      const inputs = carried === 'none' ? [] : [...receiver, ...dataArguments.flatMap((argument) => this.taintOf(argument))].map(collapse);
      // `schema.safeParse(body)`: the parsed value is under `data`; the `error` is not the body
      taints = carried === 'data' ? inputs.map((taint) => embedField(taint, 'data')) : inputs;
    }
    return this.cutByType(call, taints);
  }

  /**
   * Whether the result of a call the engine does not follow carries what was passed in (DESIGN
   * 4b). The standard library's functions and the modelled propagators do; so does a result that
   * can only be text derived from the inputs (`util.format`, `qs.stringify`) or whose type is the
   * input's own (`cloneDeep<T>(value: T): T`). Any other library result — an SDK response, a
   * `Response`, a validation error — is the library's own value, classified by its own type. A
   * method the project declares without a body (an interface's) is judged the same way:
   * `provider.sendEmail(mail)` typed `Promise<{ messageId: string }>` returns an id, not the mail.
   */
  private getLibraryResultCarry(call: ts.CallExpression, declaration: ts.SignatureDeclaration | undefined, name: string | undefined): 'all' | 'data' | 'none' {
    if (name !== undefined && SAFE_PARSE_METHODS.has(name)) return 'data';
    if (name !== undefined && PROPAGATING_LIBRARY_FUNCTIONS.has(name)) return 'all';
    // `await request.json()`: the payload sent, not the request object's other fields (`request.auth`)
    if (isBodyReader(declaration)) return 'none';
    // unresolved (an untyped module): nothing is known, so the result may be anything passed in
    if (declaration === undefined || this.facade.program.isSourceFileDefaultLibrary(declaration.getSourceFile())) return 'all';
    const result = this.facade.getAwaitedType(this.facade.getTypeOfNode(call)) ?? this.facade.getTypeOfNode(call);
    if (canHoldText(result) || returnsItsInputType(declaration) || DATA_CONTAINER_TYPES.has(result.getSymbol()?.getName() ?? '')) return 'all';
    return 'none';
  }

  /** `Map`, `Array` or `ReadonlyArray` for a platform collection whose keys are not its values (a Set's are). */
  private getKeyedCollectionName(collection: ts.Expression): string | undefined {
    const symbol = this.facade.getNonNullableType(this.facade.getTypeOfNode(collection)).getSymbol();
    const declaration = symbol?.declarations?.[0];
    const name = symbol?.getName();
    return declaration !== undefined && name !== undefined && KEYED_COLLECTIONS.has(name) && this.facade.program.isSourceFileDefaultLibrary(declaration.getSourceFile()) ? name : undefined;
  }

  /**
   * What `map.keys()` yields for a variable made with `new Map()`: the keys its `set` calls put in
   * (`byMessageId.set(event.messageId, event)`). Undefined when not every key is in sight (a field,
   * a Map built from entries).
   */
  private getMapKeys(map: ts.Expression): Taint[] | undefined {
    const reference = skipOuterExpressions(map);
    const symbol = ts.isIdentifier(reference) ? this.facade.getSymbol(reference) : undefined;
    const declaration = symbol?.valueDeclaration;
    if (symbol === undefined || declaration === undefined || !ts.isVariableDeclaration(declaration) || declaration.initializer === undefined) return undefined;
    const initializer = skipOuterExpressions(declaration.initializer);
    if (!ts.isNewExpression(initializer) || (initializer.arguments ?? []).length > 0) return undefined;
    return this.getMapKeyStores(declaration.getSourceFile(), symbol).flatMap((key) => this.taintOf(key).map((taint) => embedField(collapse(taint), ANY_FIELD)));
  }

  /** `list.map(toRow)`: the project function a callback argument names, if any. */
  private getProjectFunction(expression: ts.Expression): ts.SignatureDeclaration | undefined {
    const declaration = this.sinks.getCalleeDeclaration(expression);
    const fn = declaration !== undefined && ts.isVariableDeclaration(declaration) && declaration.initializer !== undefined ? skipOuterExpressions(declaration.initializer) : declaration;
    return fn !== undefined && ts.isFunctionLike(fn) && this.hasAnalyzableBody(fn) ? fn : undefined;
  }

  /** The return summary of `fn` with its first parameter bound to the elements of `receiver`. */
  private applySummaryToElements(call: ts.CallExpression, fn: ts.SignatureDeclaration, receiver: readonly Taint[]): Taint[] {
    const elements = this.readFrom(receiver, [ANY_FIELD]);
    const masked = this.getMaskedKeys(fn);
    if (masked !== undefined) return maskKeys(elements, masked).map((taint) => addStep(taint, call, 'returned by callback'));
    return this.getReturnSummary(fn).flatMap((taint): Taint[] => {
      if (taint.origin.type !== 'parameter' || taint.origin.fn !== fn) return [addStep(taint, call, 'returned by callback')];
      if (taint.origin.index !== 0) return [];
      return elements.flatMap((element) => {
        const combined = instantiate(taint, element);
        return combined === undefined ? [] : [addStep(combined, call, 'returned by callback')];
      });
    });
  }

  /**
   * A project helper that rebuilds an object with some keys masked: it writes a computed key
   * (`processed[key] = ...`) and tests keys against a constant list (`SENSITIVE.has(normalize(key))`,
   * `WORDS.includes(key)`). The listed keys, normalised (lower case, no `_`, `-` or spaces).
   */
  private getMaskedKeys(fn: ts.SignatureDeclaration): ReadonlySet<string> | undefined {
    let masked = this.maskedKeys.get(fn);
    if (masked === undefined) {
      masked = null;
      const body = (fn as ts.FunctionLikeDeclaration).body;
      if (body !== undefined && fn.parameters.length > 0 && writesComputedKey(body)) {
        const words = new Set<string>();
        const visit = (node: ts.Node): void => {
          if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && (node.expression.name.text === 'has' || node.expression.name.text === 'includes')) {
            for (const word of getConstantWords(node.expression.expression, this.facade)) words.add(normalizeMaskedKey(word));
          }
          ts.forEachChild(node, visit);
        };
        visit(body);
        if (words.size > 0) masked = words;
      }
      this.maskedKeys.set(fn, masked);
    }
    return masked ?? undefined;
  }

  /** What an inline callback returns: its own sources and the enclosing function's parameters (its own are bound by the call). */
  private callbackResult(callback: ts.ArrowFunction | ts.FunctionExpression): Taint[] {
    return this.getReturnSummary(callback).filter((taint) => taint.origin.type === 'source' || taint.origin.fn !== callback);
  }

  /**
   * Whether `list.filter(...)`, `map.get(key)` is called on a collection (or on text, or on a value
   * of unknown type), and not on a library's builder that shares the name (`request.filter(query)`).
   */
  private isCollection(callee: ts.Expression): boolean {
    if (!ts.isPropertyAccessExpression(callee)) return true;
    const type = this.facade.getNonNullableType(this.facade.getTypeOfNode(callee.expression));
    return (type.isUnion() ? type.types : [type]).every((part) => {
      if ((part.flags & (TypeFlags.Any | TypeFlags.Unknown | TypeFlags.StringLike | TypeFlags.TypeParameter | TypeFlags.Null | TypeFlags.Undefined)) !== 0) return true;
      const symbol = part.getSymbol();
      if (symbol === undefined) return true;
      const file = symbol.declarations?.[0]?.getSourceFile();
      // the platform's collections, and the project's own types (a wrapper may name its methods so)
      return file === undefined || this.facade.program.isSourceFileDefaultLibrary(file) || this.options.isProjectFile(file);
    });
  }

  /**
   * `path(['query', 'input'], request)` (ramda), `get(user, 'profile.email')` (lodash): a read of
   * that path, written as a call. Only with a path known statically.
   */
  private getPathAccess(call: ts.CallExpression, declaration: ts.SignatureDeclaration | undefined): PathAccess | undefined {
    const name = getCalleeName(call.expression);
    const shape = name === undefined ? undefined : PATH_ACCESSORS.get(name);
    if (shape === undefined || declaration === undefined) return undefined;
    const packageName = getPackageName(declaration.getSourceFile().fileName);
    if (packageName === undefined || !shape.packages.has(packageName)) return undefined;
    const object = call.arguments[shape.objectIndex];
    const pathArgument = call.arguments[shape.pathIndex];
    if (object === undefined || pathArgument === undefined) return undefined;
    const path = this.getStaticPath(pathArgument);
    return path === undefined ? undefined : { object, path };
  }

  /** `['query', 'input']`, `'profile.email'`, `'email'`. */
  private getStaticPath(expression: ts.Expression): string[] | undefined {
    const node = skipOuterExpressions(expression);
    if (ts.isArrayLiteralExpression(node)) {
      const segments = node.elements.map((element) => (ts.isStringLiteralLike(element) || ts.isNumericLiteral(element) ? element.text : undefined));
      return segments.every((segment): segment is string => segment !== undefined) ? segments : undefined;
    }
    return ts.isStringLiteralLike(node) ? node.text.split('.') : undefined;
  }

  /**
   * The client's IP address as request APIs hand it out: a proxy header read by name
   * (`headers.get('x-forwarded-for')`, Hono's `c.req.header('x-real-ip')`) or a platform helper
   * (`ipAddress(request)` of @vercel/functions, `getClientIp(req)` of request-ip).
   */
  private getClientAddressSource(call: ts.CallExpression, declaration: ts.SignatureDeclaration | undefined): SourceFact | undefined {
    const name = getCalleeName(call.expression);
    if (name === undefined) return undefined;
    let reason: string | undefined;
    const [first] = call.arguments;
    if (HEADER_READERS.has(name) && first !== undefined && ts.isStringLiteralLike(skipOuterExpressions(first))) {
      const header = (skipOuterExpressions(first) as ts.StringLiteralLike).text.toLowerCase();
      if (CLIENT_ADDRESS_HEADERS.has(header)) reason = `the ${header} header holds the client's IP address`;
    } else if (CLIENT_ADDRESS_FUNCTIONS.has(name)) {
      const packageName = declaration === undefined ? undefined : getPackageName(declaration.getSourceFile().fileName);
      if (packageName !== undefined && CLIENT_ADDRESS_FUNCTIONS.get(name) === packageName) reason = `${packageName} ${name}() returns the client's IP address`;
    }
    if (reason === undefined) return undefined;
    return { label: describeExpression(call), level: 'confidential', kind: 'IPAddress', confidence: 'inferred', node: call, reason, numeric: false };
  }

  /**
   * `await request.json()` on a fetch-API `Request` (a route handler's, Next's `NextRequest`): the
   * payload a client sent, untyped. It may hold customer data: a `possible` source.
   */
  private getUntypedBodyRead(call: ts.CallExpression, declaration: ts.SignatureDeclaration | undefined): SourceFact | undefined {
    const callee = skipOuterExpressions(call.expression);
    if (!ts.isPropertyAccessExpression(callee) || !BODY_READER_METHODS.has(callee.name.text) || !isBodyReader(declaration)) return undefined;
    if (!isRequestTypeName(this.facade.getTypeOfNode(callee.expression).getSymbol()?.getName())) return undefined;
    return untypedPayload(call, `the body a client sent, read by ${callee.name.text}() without a type`);
  }

  /** `req.body` of an Express, Next.js API or Fastify request, typed `any` or `unknown`: the payload a client sent. */
  private getUntypedRequestBody(node: ts.PropertyAccessExpression): SourceFact | undefined {
    if ((this.facade.getTypeOfNode(node).flags & (TypeFlags.Any | TypeFlags.Unknown)) === 0) return undefined;
    const receiver = this.facade.getNonNullableType(this.facade.getTypeOfNode(node.expression));
    if (!isRequestTypeName(receiver.getSymbol()?.getName() ?? receiver.aliasSymbol?.getName())) return undefined;
    return untypedPayload(node, 'the body a client sent, untyped');
  }

  /**
   * Whether a value's type leaves room for fields the code never names — `any`, `unknown`, text,
   * an object with an index signature or such a part — where an untyped payload's data can still
   * be. A payload validated into `{ plan: string; seats: number }` says by its type what it holds.
   */
  mayHoldUnnamedData(node: ts.Node): boolean {
    const type = this.facade.getTypeOfNode(node);
    // text made from the payload (`JSON.stringify(body)`) holds whatever it held
    return (type.flags & (TypeFlags.Any | TypeFlags.Unknown)) !== 0 || (this.facade.getNonNullableType(type).flags & (TypeFlags.String | TypeFlags.TemplateLiteral)) !== 0 || this.hasUntypedPart(type, 2);
  }

  private hasUntypedPart(type: ts.Type, depth: number): boolean {
    if ((type.flags & (TypeFlags.Any | TypeFlags.Unknown | TypeFlags.NonPrimitive)) !== 0) return true;
    if (type.isUnion()) return type.types.some((part) => this.hasUntypedPart(part, depth));
    if ((type.flags & TypeFlags.Object) === 0) return false;
    if (this.facade.getIndexTypeOfType(type, IndexKind.String) !== undefined) return true;
    if (depth === 0) return false;
    const element = this.facade.getIndexTypeOfType(type, IndexKind.Number);
    if (element !== undefined) return this.hasUntypedPart(element, depth - 1);
    return this.facade.getPropertiesOfType(type).some((property) => this.hasUntypedPart(this.facade.getTypeOfSymbol(property), depth - 1));
  }

  /** A library's promise-returning method (not the project's, not the platform's). */
  private isLibraryRequest(call: ts.CallExpression, declaration: ts.SignatureDeclaration | undefined): boolean {
    if (declaration === undefined) return false;
    const file = declaration.getSourceFile();
    if (this.options.isProjectFile(file) || this.facade.program.isSourceFileDefaultLibrary(file)) return false;
    return this.returnsThenable(call);
  }

  private returnsThenable(call: ts.CallExpression): boolean {
    return this.facade.getPropertyOfType(this.facade.getTypeOfNode(call), 'then') !== undefined;
  }

  /** A call to a client method or `fetch` that returns a promise: the result is a remote response. */
  private isRemoteCall(call: ts.CallExpression, callee: ts.Expression): boolean {
    const isMethod = ts.isPropertyAccessExpression(callee);
    // `Promise.resolve(x)`, `Promise.all([...])` wrap their arguments, they do not fetch anything
    if (isMethod && ts.isIdentifier(callee.expression) && callee.expression.text === 'Promise') return false;
    if (!isMethod && !(ts.isIdentifier(callee) && callee.text === 'fetch')) return false;
    return this.returnsThenable(call);
  }

  private newTaints(node: ts.NewExpression): Taint[] {
    const declaration = this.facade.getCalledDeclaration(node);
    if (declaration !== undefined && this.options.isProjectFile(declaration.getSourceFile())) return [];
    return (node.arguments ?? []).filter((argument) => !isInlineFunction(argument)).flatMap((argument) => this.taintOf(argument)).map(collapse);
  }

  private applyReturnSummary(call: ts.CallExpression, declaration: ts.SignatureDeclaration): Taint[] {
    const name = describeCallee(call);
    const result: Taint[] = [];
    for (const taint of this.getReturnSummary(declaration)) {
      if (taint.origin.type === 'parameter' && taint.origin.fn === declaration) {
        for (const argumentTaint of this.argumentTaints(call, declaration, taint.origin.index)) {
          const combined = instantiate(taint, addStep(argumentTaint, call, `passed to ${name}()`));
          if (combined !== undefined) result.push(addStep(combined, call, `returned by ${name}()`));
        }
      } else {
        result.push(addStep(taint, call, `returned by ${name}()`));
      }
    }
    return result;
  }

  /** The taints flowing into parameter `index` of `declaration` at `call` (rest parameters take the remaining arguments). */
  argumentTaints(call: ts.CallExpression | ts.NewExpression, declaration: ts.SignatureDeclaration, index: number): Taint[] {
    const parameter = declaration.parameters[index];
    const argumentsList = call.arguments ?? [];
    if (parameter?.dotDotDotToken !== undefined) {
      return argumentsList.slice(index).flatMap((argument, offset) => this.taintOf(argument).map((taint) => embedField(taint, offset === 0 ? ANY_FIELD : ANY_FIELD)));
    }
    const argument = argumentsList[index];
    if (argument === undefined) return parameter?.initializer === undefined ? [] : [...this.taintOf(parameter.initializer)];
    return [...this.taintOf(argument)];
  }

  /** Declared (brand) and field-name classifications read off the checker's type, if any. */
  private typeTaints(node: ts.Node, type = this.facade.getTypeOfNode(node)): Taint[] | undefined {
    // `messageTemplateDefinition`, `smtpConfig`: a value the code names as configuration holds the product's settings
    const name = ts.isIdentifier(node) ? node.text : ts.isPropertyAccessExpression(node) ? node.name.text : undefined;
    if (name !== undefined && isSettingsName(name) && isObjectOrUnionOfObjects(type)) return undefined;
    const parts = this.classifyNarrowed(node, type);
    if (parts === NARROWED_TO_NOTHING) return [];
    if (parts.length === 0) {
      return this.classifier.isDeclaredSafe(type) ? [] : undefined;
    }
    return parts.map((part) => sourceTaint(new TypedSource(node, part), part.path));
  }

  /**
   * `switch (result.error.type) { case 'NotAuthenticated': log(result.error) }`: at a reference
   * the checker narrows a discriminated union to the members it can be there, and data only the
   * other members hold is not in it. Narrowing is costly, so the checker is asked only for a
   * union of objects whose members are classified differently.
   */
  private classifyNarrowed(node: ts.Node, type: ts.Type): readonly TypeClassification[] {
    const parts = this.classifier.classifyType(type);
    if (parts.length === 0 || !type.isUnion() || !ts.isExpression(node)) return parts;
    const members = type.types.filter((member) => (member.flags & TypeFlags.Object) !== 0);
    if (members.length < 2) return parts;
    const describe = (member: ts.Type): string => this.classifier.classifyType(member).map((part) => part.path.join('.')).sort().join('|');
    const first = describe(members[0] as ts.Type);
    if (members.every((member) => describe(member) === first)) return parts;
    if (!this.isInBranchTestingRoot(node) && !this.isInitializedInBranchTestingRoot(node)) return parts;
    const narrowed = this.facade.getNarrowedTypeOfNode(node);
    if (narrowed === type || (narrowed.flags & (TypeFlags.Any | TypeFlags.Unknown)) !== 0) return parts;
    // the members that hold data are ruled out here: what the value was built from says no more than its type
    const narrowedParts = this.classifier.classifyType(narrowed);
    return narrowedParts.length === 0 ? NARROWED_TO_NOTHING : narrowedParts;
  }

  /**
   * `case 'customer.subscription.created': const subscription = event.data.object`: a constant
   * initialized where a condition narrows its initializer has the narrowed type.
   */
  private isInitializedInBranchTestingRoot(node: ts.Expression): boolean {
    if (!ts.isIdentifier(node)) return false;
    const declaration = this.facade.getSymbol(node)?.valueDeclaration;
    if (declaration === undefined || !ts.isVariableDeclaration(declaration) || declaration.initializer === undefined || declaration.type !== undefined) return false;
    if ((ts.getCombinedNodeFlags(declaration) & NodeFlags.Const) === 0) return false;
    const initializer = skipOuterExpressions(declaration.initializer);
    return (ts.isPropertyAccessExpression(initializer) || ts.isElementAccessExpression(initializer)) && this.isInBranchTestingRoot(initializer);
  }

  /**
   * Whether the reference sits in a branch a condition on its root name selects: a `case` of a
   * `switch` over it, the branches of an `if` or `?:`, the right of `&&`/`||`. Narrowing after an
   * early `return` is left out: it would need the checker at every later reference.
   */
  private isInBranchTestingRoot(node: ts.Expression): boolean {
    let root: ts.Expression = node;
    while (ts.isPropertyAccessExpression(root) || ts.isElementAccessExpression(root) || ts.isNonNullExpression(root) || ts.isParenthesizedExpression(root)) root = root.expression;
    if (!ts.isIdentifier(root)) return false;
    const name = root.text;
    for (let child: ts.Node = node, parent = node.parent; parent !== undefined && !ts.isSourceFile(parent); child = parent, parent = parent.parent) {
      if (ts.isCaseClause(parent) && mentionsName(parent.parent.parent.expression, name)) return true;
      if (ts.isIfStatement(parent) && child !== parent.expression && mentionsName(parent.expression, name)) return true;
      if (ts.isConditionalExpression(parent) && child !== parent.condition && mentionsName(parent.condition, name)) return true;
      if (ts.isBinaryExpression(parent) && child === parent.right && (parent.operatorToken.kind === SyntaxKind.AmpersandAmpersandToken || parent.operatorToken.kind === SyntaxKind.BarBarToken) && mentionsName(parent.left, name)) return true;
      if (ts.isFunctionLike(parent)) return false;
    }
    return false;
  }

  private inferSource(node: ts.Node, name: string, ownerNames: readonly string[]): Taint | undefined {
    const inferred = this.classifier.inferName(name, ownerNames) ?? this.inferRecipient(node, name);
    if (inferred === undefined || levelRank(inferred.level) < levelRank('confidential')) return undefined;
    if (!canCarryInferredValue(this.facade.getTypeOfNode(node), inferred)) return undefined;
    if (this.isReadOfConstantTable(node)) return undefined;
    return sourceTaint({
      label: describeExpression(node),
      level: inferred.level,
      kind: inferred.kind,
      confidence: 'inferred',
      node,
      reason: `name "${name}" matches "${inferred.pattern}"`,
      numeric: inferred.numeric,
    });
  }

  /**
   * What the code itself calls a value where its own name says nothing: `recipient` passed as
   * `sendMail({ to: recipient, subject })`, `payload.to` passed as `{ email: payload.to }`, in the
   * same function. A variable is looked up in the function that declares it, a property read in
   * the function around it.
   */
  getNamedUse(value: ts.Expression): { name: InferredName; reason: string } | undefined {
    let scope: ts.SignatureDeclaration | undefined;
    let use: NamedUse | undefined;
    if (ts.isIdentifier(value)) {
      const symbol = this.facade.getSymbol(value);
      const declaration = symbol?.valueDeclaration;
      if (symbol === undefined || declaration === undefined || !(ts.isVariableDeclaration(declaration) || ts.isBindingElement(declaration) || ts.isParameter(declaration))) return undefined;
      scope = getEnclosingFunction(declaration);
      use = scope === undefined ? undefined : this.getNamedUses(scope).get(symbol);
    } else if (ts.isPropertyAccessExpression(value)) {
      scope = getEnclosingFunction(value);
      use = scope === undefined ? undefined : this.getNamedUses(scope).get(value.getText());
    }
    if (use === undefined || use.node === value) return undefined;
    const file = use.node.getSourceFile();
    return { name: use.name, reason: `passed as "${use.key}" (line ${file.getLineAndCharacterOfPosition(use.node.getStart(file)).line + 1})` };
  }

  private inferFromNamedUse(identifier: ts.Identifier): Taint | undefined {
    // `const fullDisplayName = `${prefix}/${config.displayName}``: text put together here is what its parts are, whatever it is stored as
    const declaration = this.facade.getSymbol(identifier)?.valueDeclaration;
    if (declaration !== undefined && ts.isVariableDeclaration(declaration) && declaration.initializer !== undefined && isComposedText(declaration.initializer)) return undefined;
    const use = this.getNamedUse(identifier);
    if (use === undefined || !canCarryInferredValue(this.facade.getTypeOfNode(identifier), use.name)) return undefined;
    return sourceTaint({
      label: identifier.text,
      level: use.name.level,
      kind: use.name.kind,
      confidence: 'inferred',
      node: identifier,
      reason: use.reason,
      numeric: use.name.numeric,
    });
  }

  /** The values a function passes under a key that names customer data (`email: value`, `to: value` beside a subject): variables by symbol, property reads by their text. */
  private getNamedUses(fn: ts.SignatureDeclaration): ReadonlyMap<ts.Symbol | string, NamedUse> {
    const cached = this.namedUses.get(fn);
    if (cached !== undefined) return cached;
    const uses = new Map<ts.Symbol | string, NamedUse>();
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && ts.isObjectLiteralExpression(node.parent)) {
        const value = skipOuterExpressions(node.initializer);
        const key = node.name.text;
        const useKey = ts.isPropertyAccessExpression(value) ? value.getText() : ts.isIdentifier(value) && value.text !== key ? this.facade.getSymbol(value) : undefined;
        if (useKey !== undefined && !uses.has(useKey)) {
          const object = node.parent;
          const name = this.classifier.inferName(key, []) ?? this.classifier.inferRecipient(key, () => object.properties.flatMap((property) => {
            const sibling = property.name === undefined ? undefined : getPropertyNameText(property.name);
            return sibling === undefined ? [] : [sibling];
          }));
          if (name !== undefined && levelRank(name.level) >= levelRank('confidential')) uses.set(useKey, { key, name, node: value });
        }
      }
      forEachChild(node, visit);
    };
    if ('body' in fn && fn.body !== undefined) visit(fn.body);
    this.namedUses.set(fn, uses);
    return uses;
  }

  /** `mailData.to` where `mailData` also has a `subject` (an SDK's send parameters): the recipient. */
  private inferRecipient(node: ts.Node, name: string): InferredName | undefined {
    if (!ts.isPropertyAccessExpression(node)) return undefined;
    return this.classifier.inferRecipient(name, () => {
      const owner = this.facade.getTypeOfNode(node.expression);
      return (owner.isUnion() ? owner.types : [owner]).flatMap((part) => this.facade.getPropertiesOfType(part).map((property) => property.getName()));
    });
  }

  /**
   * `label.displayName` where every object that declares `displayName` is a literal in the program
   * (`{ displayName: 'To Respond' }`): a constant table the code was written with, not customer data.
   */
  private isReadOfConstantTable(node: ts.Node): boolean {
    if (!ts.isPropertyAccessExpression(node) && !ts.isElementAccessExpression(node)) return false;
    // `CHANNEL_IDENTIFIERS[ChannelType.Email]` of `const CHANNEL_IDENTIFIERS = { email: 'email', sms: 'phone' }`
    if (this.isConstantTable(node.expression)) return true;
    if (!ts.isPropertyAccessExpression(node)) return false;
    const property = this.facade.getSymbol(node.name);
    return property !== undefined && isConstantTableProperty(property);
  }

  /** A name of an object of literals written in the code and never added to (`const LABELS = { email: 'email' }`). */
  private isConstantTable(expression: ts.Expression): boolean {
    const symbol = this.facade.getSymbol(expression);
    const declaration = symbol?.valueDeclaration;
    return symbol !== undefined && declaration !== undefined && isConstantObjectDeclaration(declaration) && this.getStores(declaration.getSourceFile(), symbol).length === 0;
  }

  /** A boolean never carries the data; a number only when the data is numeric (not an email's length). */
  private cutByType(node: ts.Node, taints: readonly Taint[], type?: ts.Type): Taint[] {
    if (taints.length === 0) return [];
    type ??= this.facade.getTypeOfNode(node);
    // `T | undefined` can hold what `T` can: only the non-nullish members decide
    const nullish = TypeFlags.Void | TypeFlags.Undefined | TypeFlags.Null | TypeFlags.Never;
    const parts = (type.isUnion() ? type.types : [type]).filter((part) => (part.flags & nullish) === 0);
    if (parts.length === 0) return [];
    const flags = parts.reduce((all, part) => all | part.flags, 0);
    const carriesAnything = TypeFlags.Any | TypeFlags.Unknown | TypeFlags.StringLike | TypeFlags.Object | TypeFlags.NonPrimitive | TypeFlags.TypeParameter | TypeFlags.Intersection | TypeFlags.Index | TypeFlags.IndexedAccess | TypeFlags.Conditional | TypeFlags.Substitution;
    if (flags & carriesAnything) return [...taints];
    if ((flags & ~TypeFlags.BooleanLike) === 0) return [];
    if (flags & (TypeFlags.NumberLike | TypeFlags.BigIntLike)) {
      return taints.filter((taint) => taint.origin.type === 'parameter' || taint.origin.source.numeric);
    }
    return [...taints];
  }

  private readFrom(taints: readonly Taint[], path: readonly string[]): Taint[] {
    const result: Taint[] = [];
    for (const taint of taints) {
      let current: Taint | undefined = taint;
      for (const segment of path) current = current === undefined ? undefined : readField(current, segment);
      if (current !== undefined) result.push(current);
    }
    return result;
  }

  private hasAnalyzableBody(declaration: ts.SignatureDeclaration): boolean {
    return (declaration as ts.FunctionLikeDeclarationBase).body !== undefined && this.options.isProjectFile(declaration.getSourceFile()) && !declaration.getSourceFile().isDeclarationFile;
  }

  /** `x = v`, `x.f = v`, `x.push(v)`, `x.set(k, v)` for every variable `x` of a file. */
  private getStores(file: ts.SourceFile, symbol: ts.Symbol): readonly { path: readonly string[]; value: ts.Expression }[] {
    return this.getFileStores(file).values.get(symbol) ?? [];
  }

  /** The keys of `x.set(k, v)` for every variable `x` of a file (a Map's keys, apart from the values it holds). */
  private getMapKeyStores(file: ts.SourceFile, symbol: ts.Symbol): readonly ts.Expression[] {
    return this.getFileStores(file).mapKeys.get(symbol) ?? [];
  }

  private getFileStores(file: ts.SourceFile): FileStores {
    let stores = this.storesByFile.get(file);
    if (stores === undefined) {
      stores = { values: new Map(), mapKeys: new Map() };
      const index = this.options.getFileIndex(file);
      for (const assignment of index.assignments) {
        const target = skipOuterExpressions(assignment.left);
        const root = getStoreRoot(target);
        if (root === undefined) continue;
        const rootSymbol = this.facade.getSymbol(root.identifier);
        if (rootSymbol !== undefined) append(stores.values, rootSymbol, { path: root.path, value: assignment.right });
      }
      for (const call of index.calls) {
        const callee = skipOuterExpressions(call.expression);
        if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(callee) || !STORING_METHODS.has(callee.name.text)) continue;
        const root = getStoreRoot(skipOuterExpressions(callee.expression));
        if (root === undefined) continue;
        const rootSymbol = this.facade.getSymbol(root.identifier);
        if (rootSymbol === undefined) continue;
        const isMapSet = callee.name.text === 'set';
        const values = isMapSet ? call.arguments.slice(1) : call.arguments;
        for (const value of values) append(stores.values, rootSymbol, { path: [...root.path, ANY_FIELD], value });
        const key = call.arguments[0];
        if (isMapSet && root.path.length === 0 && key !== undefined) append(stores.mapKeys, rootSymbol, key);
      }
      this.storesByFile.set(file, stores);
    }
    return stores;
  }
}

const TEXTUAL_KINDS: ReadonlySet<string> = new Set(['Email', 'PersonName', 'PostalAddress', 'IPAddress', 'CustomerId', 'PaymentToken', 'TenantId', 'RouteName', 'EndpointHost', 'DateOfBirth']);

export function sourceTaint(source: SourceFact, path: readonly string[] = []): Taint {
  return { origin: { type: 'source', source }, read: [], path, steps: startTrail(new SourceStep(source)), masked: undefined };
}

/**
 * A classified part of a typed expression (`customer` of type `Customer` has `customer.email`).
 * Most never reach a sink, so the label, which reads the source text, is made on first use.
 */
class TypedSource implements SourceFact {
  private text: string | undefined;

  constructor(
    readonly node: ts.Node,
    private readonly part: TypeClassification,
  ) {}

  get label(): string {
    this.text ??= [describeExpression(this.node), ...this.part.path.filter((segment) => segment !== ANY_FIELD)].join('.');
    return this.text;
  }

  get level(): Level {
    return this.part.level;
  }

  get kind(): string {
    return this.part.kind;
  }

  get confidence(): Confidence {
    return this.part.confidence;
  }

  get reason(): string {
    return this.part.reason;
  }

  get numeric(): boolean {
    return !TEXTUAL_KINDS.has(this.part.kind);
  }
}

/** The first step of every trace: where the data is classified. Its note is made when a trace is. */
class SourceStep implements Step {
  constructor(private readonly source: SourceFact) {}

  get node(): ts.Node {
    return this.source.node;
  }

  get note(): string {
    return `${this.source.label} is ${this.source.level} (${this.source.kind})`;
  }
}

/** An object type, or a union of them (`EmailTemplate | SmsTemplate`), nullish members aside. */
function isObjectOrUnionOfObjects(type: ts.Type): boolean {
  if (!type.isUnion()) return (type.flags & TypeFlags.Object) !== 0;
  const parts = type.types.filter((part) => (part.flags & (TypeFlags.Undefined | TypeFlags.Null | TypeFlags.Void)) === 0);
  return parts.length > 0 && parts.every((part) => (part.flags & TypeFlags.Object) !== 0);
}

/** `Body` methods that read what a client sent as data (not `arrayBuffer()`/`blob()`, which are files). */
const BODY_READER_METHODS: ReadonlySet<string> = new Set(['json', 'text', 'formData']);

/** `Request`, `NextRequest`, `NextApiRequest`, `FastifyRequest`, `HonoRequest`: a server's view of an incoming request (not a `Response`). */
function isRequestTypeName(name: string | undefined): boolean {
  return name !== undefined && /Request$/.test(name) && !/^(?:Http|Axios|Got)?ClientRequest$/.test(name);
}

/** The source of an untyped request payload: `possible` customer data (DESIGN 4b, issue "untyped payloads"). */
function untypedPayload(node: ts.Node, reason: string): SourceFact {
  return { label: describeExpression(node), level: 'confidential', kind: UNTYPED_PAYLOAD_KIND, confidence: 'possible', node, reason, numeric: false };
}

/** `json()`, `text()`, `formData()` of the fetch API's `Body` (a `Request` or `Response`, lib.dom or undici). */
function isBodyReader(declaration: ts.SignatureDeclaration | undefined): boolean {
  const owner = declaration?.parent;
  return owner !== undefined && (ts.isInterfaceDeclaration(owner) || ts.isClassDeclaration(owner)) && owner.name !== undefined && /^Body(?:Mixin)?$/.test(owner.name.text);
}

/**
 * `if (ctx.session.user.admin === true) audit({ email: ctx.session.user.email })`: a field of the
 * person a condition around it tests to be staff (an admin) is that staff member's own, which an
 * access audit must record; it is not a customer's.
 */
export function isStaffOwnField(node: ts.PropertyAccessExpression | ts.ElementAccessExpression): boolean {
  // `ctx.session?.user` and `ctx.session.user` are one owner, however their reads guard against null
  const owner = getPropertyChain(node.expression)?.join('.');
  for (let child: ts.Node = node, parent = node.parent; parent !== undefined && !ts.isSourceFile(parent); child = parent, parent = parent.parent) {
    if (ts.isFunctionLike(parent)) return false;
    if (!ts.isIfStatement(parent) || child !== parent.thenStatement) continue;
    if (testsStaffRole(parent.expression, owner)) return true;
  }
  return false;
}

const STAFF_FLAG = /^(?:is)?(?:super)?(?:admin|staff)$/i;

/** `user.admin === true`, `user.isAdmin && ...`, `isAdmin` (a flag of its own): a positive test only. */
function testsStaffRole(condition: ts.Expression, owner: string | undefined): boolean {
  const expression = skipOuterExpressions(condition);
  if (ts.isBinaryExpression(expression)) {
    const operator = expression.operatorToken.kind;
    if (operator === SyntaxKind.AmpersandAmpersandToken) return testsStaffRole(expression.left, owner) || testsStaffRole(expression.right, owner);
    if (operator === SyntaxKind.EqualsEqualsEqualsToken || operator === SyntaxKind.EqualsEqualsToken) {
      return expression.right.kind === SyntaxKind.TrueKeyword && isStaffFlag(skipOuterExpressions(expression.left), owner);
    }
    return false;
  }
  return isStaffFlag(expression, owner);
}

function isStaffFlag(expression: ts.Expression, owner: string | undefined): boolean {
  if (ts.isIdentifier(expression)) return STAFF_FLAG.test(expression.text) && /^is/i.test(expression.text);
  return owner !== undefined && ts.isPropertyAccessExpression(expression) && STAFF_FLAG.test(expression.name.text) && getPropertyChain(expression.expression)?.join('.') === owner;
}

/** `const LABELS = { email: 'email', sms: 'phone' }`: an object of literals the code was written with, never reassigned. */
function isConstantObjectDeclaration(declaration: ts.Declaration): boolean {
  if (!ts.isVariableDeclaration(declaration) || declaration.initializer === undefined) return false;
  if ((ts.getCombinedNodeFlags(declaration) & NodeFlags.Const) === 0) return false;
  const value = skipOuterExpressions(declaration.initializer);
  if (!ts.isObjectLiteralExpression(value) || value.properties.length === 0) return false;
  return value.properties.every((property) => {
    if (!ts.isPropertyAssignment(property)) return false;
    const initializer = skipOuterExpressions(property.initializer);
    return ts.isStringLiteralLike(initializer) || ts.isNumericLiteral(initializer);
  });
}

/** Whether an expression reads the identifier `name`. */
function mentionsName(expression: ts.Node, name: string): boolean {
  if (ts.isIdentifier(expression)) return expression.text === name;
  return ts.forEachChild(expression, (child) => (mentionsName(child, name) ? true : undefined)) === true;
}

/** A union narrowed, where it is read, to members without classified fields. */
const NARROWED_TO_NOTHING: readonly TypeClassification[] = [];

/** Headers proxies and CDNs put the client's address in. */
const CLIENT_ADDRESS_HEADERS: ReadonlySet<string> = new Set([
  'x-forwarded-for', 'x-real-ip', 'cf-connecting-ip', 'x-vercel-forwarded-for', 'true-client-ip', 'x-client-ip', 'fastly-client-ip', 'x-cluster-client-ip', 'x-original-forwarded-for',
]);
/** `headers.get(name)` (Fetch), `req.header(name)` (Hono, Express), `req.get(name)` (Express), `getHeader(event, name)` (h3) */
const HEADER_READERS: ReadonlySet<string> = new Set(['get', 'header', 'getHeader']);
/** Functions that return the client's address, by the package that declares them. */
const CLIENT_ADDRESS_FUNCTIONS: ReadonlyMap<string, string> = new Map([
  ['ipAddress', '@vercel/functions'],
  ['getClientIp', 'request-ip'],
]);

interface PathAccess {
  readonly object: ts.Expression;
  readonly path: readonly string[];
}

/** Path readers of utility libraries: where the object and the path sit in their arguments. */
const RAMDA = new Set(['ramda', 'rambda', 'types-ramda', '@types/ramda']);
const LODASH = new Set(['lodash', 'lodash-es', 'lodash.get', '@types/lodash', '@types/lodash-es', '@types/lodash.get']);
const PATH_ACCESSORS: ReadonlyMap<string, { readonly packages: ReadonlySet<string>; readonly pathIndex: number; readonly objectIndex: number }> = new Map([
  ['path', { packages: RAMDA, pathIndex: 0, objectIndex: 1 }],
  ['prop', { packages: RAMDA, pathIndex: 0, objectIndex: 1 }],
  ['pathOr', { packages: RAMDA, pathIndex: 1, objectIndex: 2 }],
  ['propOr', { packages: RAMDA, pathIndex: 1, objectIndex: 2 }],
  ['get', { packages: LODASH, pathIndex: 1, objectIndex: 0 }],
]);

/** The methods a request builder sends itself with (Microsoft Graph's `.get()`, superagent's `.post()`). */
const HTTP_VERB_METHODS: ReadonlySet<string> = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** `processed[key] = ...`: an assignment to a key computed at run time. */
function writesComputedKey(body: ts.Node): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === SyntaxKind.EqualsToken && ts.isElementAccessExpression(node.left) && !ts.isLiteralExpression(skipOuterExpressions(node.left.argumentExpression))) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(body);
  return found;
}

function isInferredSource(taint: Taint): boolean {
  return taint.origin.type === 'source' && taint.origin.source.confidence === 'inferred';
}

/** `[]`, `['ops@example.com']`: a list written out in the code. */
function isLiteralList(expression: ts.Expression): boolean {
  const inner = skipOuterExpressions(expression);
  return ts.isArrayLiteralExpression(inner) && inner.elements.every((element) => ts.isStringLiteralLike(element) || ts.isNumericLiteral(element));
}

/** A template with substitutions or a concatenation with a string literal: text built from parts. */
function isComposedText(expression: ts.Expression): boolean {
  const inner = skipOuterExpressions(expression);
  if (ts.isTemplateExpression(inner)) return true;
  if (!ts.isBinaryExpression(inner) || inner.operatorToken.kind !== SyntaxKind.PlusToken) return false;
  return getConcatenatedOperands(inner).some((operand) => {
    const part = skipOuterExpressions(operand);
    return ts.isStringLiteralLike(part) || ts.isTemplateExpression(part);
  });
}

function getConcatenatedOperands(node: ts.BinaryExpression): ts.Expression[] {
  const operands: ts.Expression[] = [node.right];
  let left = node.left;
  while (ts.isBinaryExpression(left) && left.operatorToken.kind === SyntaxKind.PlusToken) {
    operands.push(left.right);
    left = left.left;
  }
  operands.push(left);
  return operands.reverse();
}

function getConstInitializer(declaration: ts.Declaration | undefined): ts.Expression | undefined {
  if (declaration === undefined || !ts.isVariableDeclaration(declaration) || declaration.initializer === undefined) return undefined;
  if ((ts.getCombinedNodeFlags(declaration) & NodeFlags.Const) === 0) return undefined;
  let initializer = skipOuterExpressions(declaration.initializer);
  while (ts.isAwaitExpression(initializer)) initializer = skipOuterExpressions(initializer.expression);
  return initializer;
}

function isConcrete(taint: Taint): boolean {
  return taint.origin.type === 'source';
}

/**
 * `{ role: 'user', content: row.prompt }`: the content of a chat-completion message, unless the
 * code wrote it (a literal, or a constant initialised with one: a system prompt).
 */
function getChatMessageContent(node: ts.ObjectLiteralExpression, facade: CheckerFacade): ts.Expression | undefined {
  let role: ts.Expression | undefined;
  let content: ts.Expression | undefined;
  for (const property of node.properties) {
    if (!ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property)) continue;
    const name = getPropertyNameText(property.name);
    const value = ts.isPropertyAssignment(property) ? property.initializer : property.name;
    if (name === 'role') role = skipOuterExpressions(value);
    else if (name === 'content') content = value;
  }
  if (role === undefined || content === undefined) return undefined;
  if (ts.isStringLiteralLike(role) && !isChatRole(role.text)) return undefined;
  return isWrittenText(skipOuterExpressions(content), facade) ? undefined : content;
}

/** Text the code wrote: a string known statically (a literal, a constant), or a template of such parts. */
function isWrittenText(expression: ts.Expression, facade: CheckerFacade): boolean {
  if (expression.kind === SyntaxKind.NullKeyword || (ts.isIdentifier(expression) && expression.text === 'undefined')) return true;
  if (ts.isTemplateExpression(expression)) return expression.templateSpans.every((span) => isWrittenText(skipOuterExpressions(span.expression), facade));
  return getStaticString(expression, facade) !== undefined;
}

interface NamedUse {
  readonly key: string;
  readonly name: InferredName;
  readonly node: ts.Node;
}

/** The innermost function around a node. */
function getEnclosingFunction(node: ts.Node): ts.SignatureDeclaration | undefined {
  for (let current = node.parent; current !== undefined && !ts.isSourceFile(current); current = current.parent) {
    if (ts.isFunctionLike(current)) return current;
  }
  return undefined;
}

function isInlineFunction(node: ts.Node): node is ts.ArrowFunction | ts.FunctionExpression {
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node);
}

function isObjectMethod(callee: ts.Expression, name: string): boolean {
  return ts.isPropertyAccessExpression(callee) && callee.name.text === name && ts.isIdentifier(callee.expression) && callee.expression.text === 'Object';
}

/** The return expressions of a function body, not those of functions nested in it. */
export function collectReturnExpressions(body: ts.Block): ts.Expression[] {
  const found: ts.Expression[] = [];
  const stack: ts.Node[] = [body];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) break;
    if (ts.isReturnStatement(node)) {
      if (node.expression !== undefined) found.push(node.expression);
      continue;
    }
    // a return statement sits only in statements that hold statements, never inside an expression
    // (the functions in expressions have their own returns)
    if (!holdsStatements(node)) continue;
    forEachChild(node, (child) => {
      stack.push(child);
    });
  }
  return found;
}

function holdsStatements(node: ts.Node): boolean {
  switch (node.kind) {
    case SyntaxKind.Block:
    case SyntaxKind.IfStatement:
    case SyntaxKind.ForStatement:
    case SyntaxKind.ForInStatement:
    case SyntaxKind.ForOfStatement:
    case SyntaxKind.WhileStatement:
    case SyntaxKind.DoStatement:
    case SyntaxKind.TryStatement:
    case SyntaxKind.CatchClause:
    case SyntaxKind.SwitchStatement:
    case SyntaxKind.CaseBlock:
    case SyntaxKind.CaseClause:
    case SyntaxKind.DefaultClause:
    case SyntaxKind.LabeledStatement:
    case SyntaxKind.WithStatement:
      return true;
    default:
      return false;
  }
}

/** Names that give a weak name its context: the object's own name and its type's name. */
function getOwnerNames(expression: ts.Expression, facade: CheckerFacade): string[] {
  const names: string[] = [];
  const target = skipOuterExpressions(expression);
  if (ts.isIdentifier(target)) names.push(target.text);
  else if (ts.isPropertyAccessExpression(target)) names.push(target.name.text);
  else if (ts.isElementAccessExpression(target)) {
    const inner = skipOuterExpressions(target.expression);
    if (ts.isIdentifier(inner)) names.push(inner.text);
    else if (ts.isPropertyAccessExpression(inner)) names.push(inner.name.text);
  } else if (target.kind === SyntaxKind.ThisKeyword) {
    const cls = ts.findAncestor(target, ts.isClassLike);
    if (cls?.name !== undefined) names.push(cls.name.text);
  }
  const typeName = facade.getNonNullableType(facade.getTypeOfNode(target)).getSymbol()?.getName();
  if (typeName !== undefined && !typeName.startsWith('__')) names.push(typeName);
  return names;
}

function getStoreRoot(target: ts.Expression): { identifier: ts.Identifier; path: string[] } | undefined {
  const path: string[] = [];
  let current = target;
  for (let depth = 0; depth < 6; depth++) {
    if (ts.isIdentifier(current)) return { identifier: current, path };
    if (ts.isPropertyAccessExpression(current)) path.unshift(current.name.text);
    else if (ts.isElementAccessExpression(current)) path.unshift(ts.isStringLiteralLike(current.argumentExpression) ? current.argumentExpression.text : ANY_FIELD);
    else return undefined;
    current = skipOuterExpressions(current.expression);
  }
  return undefined;
}

/** What a file stores into its variables: values by path, and the keys of `map.set(key, value)`. */
interface FileStores {
  readonly values: Map<ts.Symbol, { path: readonly string[]; value: ts.Expression }[]>;
  readonly mapKeys: Map<ts.Symbol, ts.Expression[]>;
}


/** Short source text of an expression for messages: `customer.card.number`. */
export function describeExpression(node: ts.Node): string {
  const text = node.getText().replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function describeCallee(call: ts.CallExpression): string {
  const callee = skipOuterExpressions(call.expression);
  return ts.isPropertyAccessExpression(callee) ? callee.name.text : describeExpression(callee);
}

/**
 * `<T>(value: T, ...) => T`-like signatures: a type parameter that a parameter's value is (or holds
 * as elements or members, `T[]`, `List<T>`, `T | null`) is in the return type. A type parameter
 * met only inside an option's object type, a callback or a conditional (the AI SDK's
 * `generateObject<RESULT>({ schema, enum?: RESULT[] })`) types the library's own answer, not the input.
 */
function returnsItsInputType(declaration: ts.SignatureDeclaration): boolean {
  const typeParameters = declaration.typeParameters;
  if (typeParameters === undefined || declaration.type === undefined) return false;
  const returnType = declaration.type;
  return typeParameters.some((parameter) => {
    const name = parameter.name.text;
    return mentionsTypeName(returnType, name, true) && declaration.parameters.some((input) => input.type !== undefined && isValueOfTypeName(input.type, name));
  });
}

/** Whether a value of type `node` is a `name`, or holds `name`s as its elements or type arguments. */
function isValueOfTypeName(node: ts.TypeNode, name: string): boolean {
  if (ts.isTypeReferenceNode(node)) {
    if (ts.isIdentifier(node.typeName) && node.typeName.text === name) return true;
    return (node.typeArguments ?? []).some((argument) => isValueOfTypeName(argument, name));
  }
  if (ts.isUnionTypeNode(node) || ts.isIntersectionTypeNode(node)) return node.types.some((part) => isValueOfTypeName(part, name));
  if (ts.isArrayTypeNode(node)) return isValueOfTypeName(node.elementType, name);
  if (ts.isTupleTypeNode(node)) return node.elements.some((element) => isValueOfTypeName(element, name));
  if (ts.isNamedTupleMember(node)) return isValueOfTypeName(node.type, name);
  if (ts.isParenthesizedTypeNode(node) || ts.isRestTypeNode(node) || ts.isOptionalTypeNode(node)) return isValueOfTypeName(node.type, name);
  if (ts.isTypeOperatorNode(node)) return node.operator !== SyntaxKind.KeyOfKeyword && isValueOfTypeName(node.type, name);
  return false;
}

/** `asValue`: only where the type stands for a value, not where a conditional tests it (`P extends X ? Response : undefined`) */
function mentionsTypeName(node: ts.Node, name: string, asValue = false): boolean {
  if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) && node.typeName.text === name) return true;
  if (asValue && ts.isConditionalTypeNode(node)) return mentionsTypeName(node.trueType, name, true) || mentionsTypeName(node.falseType, name, true);
  return ts.forEachChild(node, (child) => (mentionsTypeName(child, name, asValue) ? true : undefined)) === true;
}

/** `x.split('@')[1]`: the part after the `@`. */
function isEmailDomainPart(access: ts.ElementAccessExpression): boolean {
  const index = skipOuterExpressions(access.argumentExpression);
  return ts.isNumericLiteral(index) && index.text === '1' && isSplitAtSign(access.expression);
}

/** `x.split('@').pop()`, `x.split('@').at(-1)`, `x.split('@').at(1)`: the part after the `@`. */
function isEmailDomainRead(call: ts.CallExpression, method: string): boolean {
  const callee = skipOuterExpressions(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || !isSplitAtSign(callee.expression)) return false;
  if (method === 'pop') return call.arguments.length === 0;
  const index = call.arguments[0] === undefined ? undefined : skipOuterExpressions(call.arguments[0]);
  if (method !== 'at' || index === undefined) return false;
  if (ts.isNumericLiteral(index)) return index.text === '1';
  return ts.isPrefixUnaryExpression(index) && index.operator === SyntaxKind.MinusToken && ts.isNumericLiteral(index.operand) && index.operand.text === '1';
}

function isSplitAtSign(expression: ts.Expression): boolean {
  const split = skipOuterExpressions(expression);
  if (!ts.isCallExpression(split)) return false;
  const callee = skipOuterExpressions(split.expression);
  const separator = split.arguments[0];
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 'split' && separator !== undefined && ts.isStringLiteralLike(separator) && separator.text === '@';
}

/** The taint of `list.flat()`: an element of an element is an element. */
function flattenOneLevel(taint: Taint): Taint {
  const [outer, inner, ...rest] = taint.path;
  const isElement = (segment: string | undefined): boolean => segment === ANY_FIELD || (segment !== undefined && /^\d+$/.test(segment));
  return isElement(outer) && isElement(inner) ? withPath(taint, [ANY_FIELD, ...rest]) : taint;
}
