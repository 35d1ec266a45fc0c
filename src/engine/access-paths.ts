/**
 * Support access paths (`require-access-grant`, DESIGN.md section 10): inside each support access
 * entry point, follows every path through the body — branches, early returns, loops, `switch`,
 * `try`/`catch`/`finally`, short-circuits, `await` — and records, for each read of Confidential or
 * Restricted customer data from `storage`, whether a verified grant was obtained before it on
 * every path (a two-person grant for Restricted data), whether the read runs in the grant's
 * region, and whether `auditAccess` ran before the function returns or sends anything. Helpers in
 * other files count through summaries: a helper that reads from storage is a read where it is
 * called, one that calls `auditAccess` is an audit, one that returns a grant is a grant check.
 *
 * A grant is recognised by its type: `AccessGrant` has a required brand that only classified's
 * `verifyAccessGrant` attaches (a cast that forges one is a `no-unsafe-declassification` finding),
 * so a value of that type — a call's result, or a parameter — is a verified grant.
 */
import ts from 'typescript';
import { levelRank, type Level } from '../policy/types.js';
import { isTypeReference, type CheckerFacade } from './checker.js';
import { isClassifiedPackageFile, type TypeClassifier } from './classify.js';
import type { AccessPathFact, AccessProblem, AccessProblemFact } from './facts.js';
import type { AccessEntryPoint } from './access-entry-points.js';
import { getFunctionName } from './call-sites.js';
import { getCalleeName, skipOuterExpressions } from './file-index.js';
import { describeCallee, getPropertyNameText, type SinkResolver } from './sinks.js';
import { SyntaxKind } from './typescript-api.js';

/** Grant strength as bits: any verified grant, and a two-person grant. */
const GRANT = 1;
const TWO_PERSON = 2;

const GRANT_BRAND_PREFIX = '__@accessGrantBrand@';
const TWO_PERSON_BRAND_PREFIX = '__@twoPersonGrantBrand@';
/** methods that send a response: the data leaves the function there (express, fastify, koa, Nest) */
const RESPONSE_METHODS: ReadonlySet<string> = new Set(['send', 'json', 'jsonp', 'render', 'end', 'write', 'sendFile']);
const MAX_DERIVATION_DEPTH = 6;
const MAX_HELPER_DEPTH = 8;

/** A read of classified customer data: a storage call, or a helper that makes one. */
interface ReadEvent {
  readonly node: ts.CallExpression;
  readonly level: Level;
  readonly kind: string;
  /** read by a project helper, which may take the region from a grant passed to it */
  readonly viaHelper: boolean;
}

/** What may or must have happened on the paths reaching a point. */
interface PathState {
  readonly reachable: boolean;
  /** grant bits established on every path */
  readonly must: number;
  /** grant bits established on some path */
  readonly may: number;
  /** reads not yet followed by an audit on some path */
  readonly unaudited: ReadonlySet<ReadEvent>;
}

const UNREACHABLE: PathState = { reachable: false, must: 0, may: 0, unaudited: new Set() };

/** What a helper does, seen from its callers. */
interface HelperSummary {
  readonly read: { readonly level: Level; readonly kind: string } | undefined;
  readonly audits: boolean;
}

/** Where `break` and `continue` go, and which `finally` blocks a `return` runs first. */
interface WalkContext {
  readonly breakTargets: PathState[][];
  readonly continueTargets: PathState[][];
  readonly finallyBlocks: readonly ts.Block[];
  /** inside a callback defined in the entry point: its returns are not the entry point's */
  readonly nested: boolean;
}

export type AccessFact = AccessPathFact | AccessProblemFact;

export class AccessPathAnalyzer {
  private readonly summaries = new Map<ts.Node, HelperSummary>();

  constructor(
    private readonly facade: CheckerFacade,
    private readonly classifier: TypeClassifier,
    private readonly sinks: SinkResolver,
    private readonly isProjectFile: (file: ts.SourceFile) => boolean,
  ) {}

  /** The access facts of one entry point: one path fact per read, one problem fact per missing element. */
  analyze(entry: AccessEntryPoint): AccessFact[] {
    const recorder = new EntryRecorder(entry);
    const walker = new PathWalker(this, recorder);
    const body = entry.fn.body;
    if (body === undefined) return [];
    const context: WalkContext = { breakTargets: [], continueTargets: [], finallyBlocks: [], nested: false };
    const granted = this.getParameterGrants(entry.fn);
    const start: PathState = { reachable: true, must: granted, may: granted, unaudited: new Set() };
    const end = ts.isBlock(body) ? walker.statement(body, start, context) : walker.expression(body, start, context);
    walker.leave(end, body, context);
    return recorder.toFacts();
  }

  /** Grant bits of the entry point's parameters: a grant passed in was verified by whoever made it. */
  private getParameterGrants(fn: ts.FunctionLikeDeclaration): number {
    return fn.parameters.reduce((bits, parameter) => bits | this.getGrantBitsOf(parameter), 0);
  }

  /** The grant bits of an expression's value. */
  getGrantBitsOf(node: ts.Node): number {
    return getAccessGrantBits(this.facade.getTypeOfNode(node), this.facade);
  }

  /** Whether `call` is classified's own `name` (`auditAccess`, `assertAccessGrant`). */
  isClassifiedCall(call: ts.CallExpression, name: string): boolean {
    if (getCalleeName(call.expression) !== name) return false;
    const declaration = this.sinks.getCalleeDeclaration(call.expression);
    return declaration !== undefined && isClassifiedPackageFile(declaration.getSourceFile());
  }

  /** A storage call whose result holds Confidential or Restricted data, or a project helper that makes one. */
  getRead(call: ts.CallExpression, depth = 0): ReadEvent | undefined {
    const direct = this.getStorageRead(call);
    if (direct !== undefined) return { node: call, ...direct, viaHelper: false };
    const read = this.getHelperSummary(call, depth)?.read;
    return read === undefined ? undefined : { node: call, ...read, viaHelper: true };
  }

  /** Whether calling this helper records an audit. */
  isAuditCall(call: ts.CallExpression): boolean {
    return this.isClassifiedCall(call, 'auditAccess') || this.getHelperSummary(call, 0)?.audits === true;
  }

  private getStorageRead(call: ts.CallExpression): { level: Level; kind: string } | undefined {
    if (this.sinks.getSinkForCall(call)?.kind !== 'storage') return undefined;
    return this.getStrongestClass(this.facade.getTypeOfNode(call));
  }

  /**
   * The strongest class of what a read returns. A library's result type (`QueryResult<OrderRow>`,
   * `Promise<[OrderRow[], FieldPacket[]]>`) is classified by its type arguments: the rows the
   * caller asked for.
   */
  private getStrongestClass(type: ts.Type, depth = 2): { level: Level; kind: string } | undefined {
    let strongest: { level: Level; kind: string } | undefined;
    const parts = this.classifier.classifyType(type);
    const inner = parts.length === 0 && depth > 0 && isTypeReference(type) ? this.facade.getTypeArguments(type) : [];
    for (const argument of inner) {
      const found = this.getStrongestClass(argument, depth - 1);
      if (found !== undefined && (strongest === undefined || levelRank(found.level) > levelRank(strongest.level))) strongest = found;
    }
    for (const part of parts) {
      if (levelRank(part.level) < levelRank('confidential')) continue;
      if (strongest === undefined || levelRank(part.level) > levelRank(strongest.level)) strongest = { level: part.level, kind: part.kind };
    }
    return strongest;
  }

  /** What a project function called here does (memoized; recursion sees an empty summary). */
  private getHelperSummary(call: ts.CallExpression, depth: number): HelperSummary | undefined {
    if (depth > MAX_HELPER_DEPTH) return undefined;
    const declaration = this.facade.getCalledDeclaration(call);
    const body = declaration === undefined ? undefined : (declaration as ts.FunctionLikeDeclarationBase).body;
    if (declaration === undefined || body === undefined || !this.isProjectFile(declaration.getSourceFile())) return undefined;
    const cached = this.summaries.get(declaration);
    if (cached !== undefined) return cached;
    this.summaries.set(declaration, { read: undefined, audits: false });
    let read: { level: Level; kind: string } | undefined;
    let audits = false;
    const stack: ts.Node[] = [body];
    for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
      if (ts.isCallExpression(node)) {
        const inner = this.getStorageRead(node) ?? this.getHelperSummary(node, depth + 1)?.read;
        if (inner !== undefined && (read === undefined || levelRank(inner.level) > levelRank(read.level))) read = inner;
        audits ||= this.isClassifiedCall(node, 'auditAccess') || this.getHelperSummary(node, depth + 1)?.audits === true;
      }
      ts.forEachChild(node, (child) => {
        stack.push(child);
      });
    }
    const summary = { read, audits };
    this.summaries.set(declaration, summary);
    return summary;
  }

  /**
   * Whether a read runs in the grant's region: its receiver or an argument is `grant.region`, a
   * client or connection obtained for it (`clientFor(grant.region)`, through local variables), or
   * — for a helper — the grant itself, from which the helper takes the region.
   */
  isRegionScoped(read: ts.CallExpression, isHelper: boolean): boolean {
    const callee = skipOuterExpressions(read.expression);
    const receiver = ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee) ? callee.expression : undefined;
    const operands = receiver === undefined ? [...read.arguments] : [receiver, ...read.arguments];
    return operands.some((operand) => this.derivesFromGrantRegion(operand, isHelper, MAX_DERIVATION_DEPTH));
  }

  private derivesFromGrantRegion(expression: ts.Expression, acceptGrant: boolean, depth: number): boolean {
    if (depth === 0) return false;
    const node = skipOuterExpressions(expression);
    if (acceptGrant && this.getGrantBitsOf(node) !== 0) return true;
    if (ts.isPropertyAccessExpression(node)) {
      if (node.name.text === 'region' && this.getGrantBitsOf(node.expression) !== 0) return true;
      return this.derivesFromGrantRegion(node.expression, false, depth - 1);
    }
    if (ts.isElementAccessExpression(node)) return this.derivesFromGrantRegion(node.expression, false, depth - 1) || this.derivesFromGrantRegion(node.argumentExpression, false, depth - 1);
    if (ts.isAwaitExpression(node)) return this.derivesFromGrantRegion(node.expression, acceptGrant, depth - 1);
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const callee = skipOuterExpressions(node.expression);
      // `regional(grant.region).orders.find(...)`: the client the chain starts from
      if (ts.isPropertyAccessExpression(callee) && this.derivesFromGrantRegion(callee.expression, false, depth - 1)) return true;
      return (node.arguments ?? []).some((argument) => this.derivesFromGrantRegion(argument, true, depth - 1));
    }
    if (ts.isObjectLiteralExpression(node)) {
      return node.properties.some((property) =>
        ts.isPropertyAssignment(property) ? this.derivesFromGrantRegion(property.initializer, true, depth - 1) : ts.isShorthandPropertyAssignment(property) && this.derivesFromGrantRegion(property.name, true, depth - 1),
      );
    }
    if (ts.isIdentifier(node)) {
      const symbol = this.facade.getSymbol(node);
      const declaration = symbol?.valueDeclaration;
      if (declaration === undefined) return false;
      if (ts.isVariableDeclaration(declaration) && declaration.initializer !== undefined) return this.derivesFromGrantRegion(declaration.initializer, acceptGrant, depth - 1);
      // `const { region } = grant`
      if (ts.isBindingElement(declaration) && getPropertyNameText(declaration.propertyName ?? declaration.name as ts.PropertyName) === 'region') {
        const variable = ts.findAncestor(declaration, ts.isVariableDeclaration);
        return variable?.initializer !== undefined && this.getGrantBitsOf(variable.initializer) !== 0;
      }
    }
    return false;
  }

  /**
   * `auditAccess` calls of one file whose record has no `why` (or a blank one), wherever they
   * are: in support access code or in the helpers it calls.
   */
  getAuditsWithoutWhy(calls: readonly (ts.CallExpression | ts.NewExpression)[]): AccessProblemFact[] {
    return calls.flatMap((call) => {
      if (!ts.isCallExpression(call) || !this.isClassifiedCall(call, 'auditAccess') || hasWhy(call)) return [];
      const enclosing = ts.findAncestor(call.parent, ts.isFunctionLike);
      const entryName = enclosing === undefined ? 'module' : (getFunctionName(enclosing) ?? 'function');
      return [{ type: 'access-problem', problem: 'audit-without-why', node: call, entryName, read: 'auditAccess', level: 'confidential', kind: 'Confidential' }];
    });
  }

  /** Whether the call sends something out: a response method or any sink. */
  isLeavingCall(call: ts.CallExpression): boolean {
    const callee = skipOuterExpressions(call.expression);
    if (ts.isPropertyAccessExpression(callee) && RESPONSE_METHODS.has(callee.name.text)) return true;
    const sink = this.sinks.getSinkForCall(call);
    return sink !== undefined && sink.kind !== 'storage';
  }
}

/** Collects what one entry point's walk found, each problem once per node. */
class EntryRecorder {
  private readonly paths = new Map<ts.CallExpression, { read: ReadEvent; grant: number; someGrant: number; regionScoped: boolean }>();
  private readonly problems = new Map<string, AccessProblemFact>();
  private readonly unaudited = new Set<ReadEvent>();

  constructor(private readonly entry: AccessEntryPoint) {}

  read(read: ReadEvent, state: PathState, regionScoped: boolean): void {
    const known = this.paths.get(read.node);
    // a read walked again (a `finally` block runs on several paths): keep the weakest guarantee
    this.paths.set(read.node, known === undefined ? { read, grant: state.must, someGrant: state.may, regionScoped } : { ...known, grant: known.grant & state.must, someGrant: known.someGrant | state.may });
    const needed = levelRank(read.level) >= levelRank('restricted') ? TWO_PERSON : GRANT;
    if ((state.must & needed) === 0) {
      const problem: AccessProblem = state.must & GRANT ? 'single-approver' : state.may & GRANT ? 'grant-on-some-paths' : 'no-grant';
      this.problem(problem, read.node, read);
    }
    if (!regionScoped) this.problem('outside-grant-region', read.node, read);
  }

  /** `leavesAt`: a return, a call that sends, or the body of a function that ends (its closing brace). */
  notAudited(read: ReadEvent, leavesAt: ts.Node): void {
    this.unaudited.add(read);
    const file = leavesAt.getSourceFile();
    const position = ts.isBlock(leavesAt) ? leavesAt.getEnd() - 1 : leavesAt.getStart(file);
    this.problem('no-audit', read.node, read, file.getLineAndCharacterOfPosition(position).line + 1);
  }

  private problem(problem: AccessProblem, node: ts.Node, read: ReadEvent, leavesAtLine?: number): void {
    const key = `${problem}|${node.pos}|${node.end}`;
    if (this.problems.has(key)) return;
    this.problems.set(key, {
      type: 'access-problem',
      problem,
      node,
      entryName: this.entry.name,
      read: describeCallee(read.node.expression),
      level: read.level,
      kind: read.kind,
      ...(leavesAtLine === undefined ? {} : { leavesAtLine }),
    });
  }

  toFacts(): AccessFact[] {
    const paths: AccessPathFact[] = [...this.paths.values()].map(({ read, grant, someGrant, regionScoped }) => ({
      type: 'access-path',
      entry: this.entry,
      read: read.node,
      readName: describeCallee(read.node.expression),
      level: read.level,
      kind: read.kind,
      grant: grant & GRANT ? 'every-path' : someGrant & GRANT ? 'some-paths' : 'none',
      twoPersonGrant: (grant & TWO_PERSON) !== 0,
      regionScoped,
      audited: !this.unaudited.has(read),
    }));
    return [...paths, ...this.problems.values()];
  }
}

/** Walks statements and expressions in evaluation order, carrying a `PathState`. */
class PathWalker {
  constructor(
    private readonly analyzer: AccessPathAnalyzer,
    private readonly recorder: EntryRecorder,
  ) {}

  statement(node: ts.Statement, state: PathState, context: WalkContext): PathState {
    if (!state.reachable) return state;
    switch (node.kind) {
      case SyntaxKind.Block:
        return this.statements((node as ts.Block).statements, state, context);
      case SyntaxKind.IfStatement: {
        const branch = node as ts.IfStatement;
        const tested = this.expression(branch.expression, state, context);
        const whenTrue = this.statement(branch.thenStatement, tested, context);
        const whenFalse = branch.elseStatement === undefined ? tested : this.statement(branch.elseStatement, tested, context);
        return join(whenTrue, whenFalse);
      }
      case SyntaxKind.ReturnStatement: {
        const returned = (node as ts.ReturnStatement).expression;
        const evaluated = returned === undefined ? state : this.expression(returned, state, context);
        this.leave(this.runFinallyBlocks(evaluated, context), node, context);
        return UNREACHABLE;
      }
      case SyntaxKind.ThrowStatement:
        this.expression((node as ts.ThrowStatement).expression, state, context);
        return UNREACHABLE;
      case SyntaxKind.BreakStatement:
        context.breakTargets[context.breakTargets.length - 1]?.push(state);
        return UNREACHABLE;
      case SyntaxKind.ContinueStatement:
        context.continueTargets[context.continueTargets.length - 1]?.push(state);
        return UNREACHABLE;
      case SyntaxKind.TryStatement:
        return this.tryStatement(node as ts.TryStatement, state, context);
      case SyntaxKind.SwitchStatement:
        return this.switchStatement(node as ts.SwitchStatement, state, context);
      case SyntaxKind.WhileStatement:
      case SyntaxKind.ForStatement:
      case SyntaxKind.ForOfStatement:
      case SyntaxKind.ForInStatement:
      case SyntaxKind.DoStatement:
        return this.loop(node as ts.IterationStatement, state, context);
      case SyntaxKind.LabeledStatement:
        return this.statement((node as ts.LabeledStatement).statement, state, context);
      case SyntaxKind.FunctionDeclaration:
      case SyntaxKind.ClassDeclaration:
        // declared, not run here
        return state;
      default:
        return this.children(node, state, context);
    }
  }

  private statements(statements: readonly ts.Statement[], state: PathState, context: WalkContext): PathState {
    let current = state;
    for (const statement of statements) {
      if (!current.reachable) break;
      current = this.statement(statement, current, context);
    }
    return current;
  }

  private tryStatement(node: ts.TryStatement, state: PathState, context: WalkContext): PathState {
    const inner: WalkContext = node.finallyBlock === undefined ? context : { ...context, finallyBlocks: [node.finallyBlock, ...context.finallyBlocks] };
    const tried = this.statement(node.tryBlock, state, inner);
    let after = tried;
    if (node.catchClause !== undefined) {
      // the exception may come before anything in the try block happened, or after any of it
      const caught: PathState = { reachable: state.reachable, must: state.must, may: state.may | tried.may, unaudited: union(state.unaudited, tried.unaudited) };
      after = join(tried, this.statement(node.catchClause.block, caught, inner));
    }
    return node.finallyBlock === undefined ? after : this.statement(node.finallyBlock, after, context);
  }

  private switchStatement(node: ts.SwitchStatement, state: PathState, context: WalkContext): PathState {
    const tested = this.expression(node.expression, state, context);
    const breaks: PathState[] = [];
    const inner: WalkContext = { ...context, breakTargets: [...context.breakTargets, breaks] };
    let fallthrough = UNREACHABLE;
    let hasDefault = false;
    for (const clause of node.caseBlock.clauses) {
      hasDefault ||= ts.isDefaultClause(clause);
      const entered = ts.isCaseClause(clause) ? this.expression(clause.expression, tested, inner) : tested;
      fallthrough = this.statements(clause.statements, join(entered, fallthrough), inner);
    }
    return [fallthrough, ...breaks, hasDefault ? UNREACHABLE : tested].reduce(join);
  }

  private loop(node: ts.IterationStatement, state: PathState, context: WalkContext): PathState {
    const breaks: PathState[] = [];
    const continues: PathState[] = [];
    const inner: WalkContext = { ...context, breakTargets: [...context.breakTargets, breaks], continueTargets: [...context.continueTargets, continues] };
    let before = state;
    if (ts.isForStatement(node)) {
      if (node.initializer !== undefined) before = ts.isVariableDeclarationList(node.initializer) ? this.children(node.initializer, before, context) : this.expression(node.initializer, before, context);
      if (node.condition !== undefined) before = this.expression(node.condition, before, context);
    } else if (ts.isWhileStatement(node)) before = this.expression(node.expression, before, context);
    else if (ts.isForOfStatement(node) || ts.isForInStatement(node)) before = this.expression(node.expression, before, context);
    const body = this.statement(node.statement, before, inner);
    let end = [body, ...continues].reduce(join);
    if (ts.isForStatement(node) && node.incrementor !== undefined) end = this.expression(node.incrementor, end, context);
    if (ts.isDoStatement(node)) return [this.expression(node.expression, end, context), ...breaks].reduce(join);
    // the body may run no times at all
    return [before, end, ...breaks].reduce(join);
  }

  expression(node: ts.Expression, state: PathState, context: WalkContext): PathState {
    if (!state.reachable) return state;
    if (ts.isBinaryExpression(node) && isShortCircuit(node.operatorToken.kind)) {
      const left = this.expression(node.left, state, context);
      return join(left, this.expression(node.right, left, context));
    }
    if (ts.isConditionalExpression(node)) {
      const tested = this.expression(node.condition, state, context);
      return join(this.expression(node.whenTrue, tested, context), this.expression(node.whenFalse, tested, context));
    }
    if (ts.isFunctionLike(node)) return this.callback(node as ts.FunctionLikeDeclaration, state, context);
    const evaluated = this.children(node, state, context);
    return ts.isCallExpression(node) ? this.call(node, evaluated) : evaluated;
  }

  /** Evaluates a node's children in source order (which is evaluation order for what remains). */
  private children(node: ts.Node, state: PathState, context: WalkContext): PathState {
    let current = state;
    ts.forEachChild(node, (child) => {
      if (!current.reachable) return;
      if (ts.isExpression(child)) current = this.expression(child, current, context);
      else if (isStatement(child)) current = this.statement(child, current, context);
      else current = this.children(child, current, context);
    });
    return current;
  }

  /**
   * A callback defined here (`ids.map(async (id) => ...)`, `.then(...)`) runs after this point
   * with what was established so far; what it reads is treated as read here.
   */
  private callback(fn: ts.FunctionLikeDeclaration, state: PathState, context: WalkContext): PathState {
    if (fn.body === undefined) return state;
    const inner: WalkContext = { ...context, breakTargets: [], continueTargets: [], finallyBlocks: [], nested: true };
    const end = ts.isBlock(fn.body) ? this.statement(fn.body, state, inner) : this.expression(fn.body, state, inner);
    return end.reachable ? { ...state, unaudited: union(state.unaudited, end.unaudited) } : state;
  }

  /** The effects of a call after its callee and arguments were evaluated. */
  private call(call: ts.CallExpression, state: PathState): PathState {
    const { analyzer, recorder } = this;
    let current = state;
    const read = analyzer.getRead(call);
    if (read !== undefined) {
      recorder.read(read, current, analyzer.isRegionScoped(call, read.viaHelper));
      current = { ...current, unaudited: union(current.unaudited, [read]) };
    }
    if (analyzer.isAuditCall(call)) current = { ...current, unaudited: new Set() };
    const asserted = call.arguments[0] !== undefined && analyzer.isClassifiedCall(call, 'assertAccessGrant') ? analyzer.getGrantBitsOf(call.arguments[0]) : 0;
    const grant = asserted | analyzer.getGrantBitsOf(call);
    if (grant !== 0) current = { ...current, must: current.must | grant, may: current.may | grant };
    if (read === undefined && current.unaudited.size > 0 && analyzer.isLeavingCall(call)) this.reportUnaudited(current, call);
    return current;
  }

  /** The function returns or ends here: every read not audited on some path reaching it is a finding. */
  leave(state: PathState, at: ts.Node, context: WalkContext): void {
    if (!state.reachable || context.nested) return;
    this.reportUnaudited(state, at);
  }

  private reportUnaudited(state: PathState, at: ts.Node): void {
    for (const read of state.unaudited) this.recorder.notAudited(read, at);
  }

  /** A `return` inside `try { } finally { }` runs the finally blocks before it leaves. */
  private runFinallyBlocks(state: PathState, context: WalkContext): PathState {
    let current = state;
    context.finallyBlocks.forEach((block, index) => {
      current = this.statement(block, current, { ...context, finallyBlocks: context.finallyBlocks.slice(index + 1) });
    });
    return current;
  }
}

/** `auditAccess({ who, when, what, why })` with a `why` that is present and not a blank literal. */
function hasWhy(call: ts.CallExpression): boolean {
  const record = call.arguments[0] === undefined ? undefined : skipOuterExpressions(call.arguments[0]);
  // a record built elsewhere is typed to have a why; only a literal shows an empty one
  if (record === undefined || !ts.isObjectLiteralExpression(record)) return true;
  if (record.properties.some((property) => ts.isSpreadAssignment(property))) return true;
  const why = record.properties.find((property) => property.name !== undefined && getPropertyNameText(property.name) === 'why');
  if (why === undefined) return false;
  if (!ts.isPropertyAssignment(why)) return true;
  const value = skipOuterExpressions(why.initializer);
  if (ts.isStringLiteralLike(value)) return value.text.trim() !== '';
  return !(ts.isIdentifier(value) && value.text === 'undefined') && value.kind !== SyntaxKind.NullKeyword;
}

/**
 * `GRANT`, `GRANT | TWO_PERSON` or 0 for a type (awaited), read off the brands only classified's
 * verify functions attach; a union with `undefined` is no grant.
 */
export function getAccessGrantBits(type: ts.Type, facade: CheckerFacade): number {
  const awaited = facade.getAwaitedType(type) ?? type;
  if (awaited.isUnion()) return 0;
  let bits = 0;
  for (const property of facade.getPropertiesOfType(awaited)) {
    const name = property.escapedName as string;
    if (name.startsWith(TWO_PERSON_BRAND_PREFIX)) bits |= TWO_PERSON;
    else if (name.startsWith(GRANT_BRAND_PREFIX)) bits |= GRANT;
  }
  return bits & GRANT ? bits : 0;
}

function isShortCircuit(operator: ts.SyntaxKind): boolean {
  return (
    operator === SyntaxKind.AmpersandAmpersandToken ||
    operator === SyntaxKind.BarBarToken ||
    operator === SyntaxKind.QuestionQuestionToken ||
    operator === SyntaxKind.AmpersandAmpersandEqualsToken ||
    operator === SyntaxKind.BarBarEqualsToken ||
    operator === SyntaxKind.QuestionQuestionEqualsToken
  );
}

function isStatement(node: ts.Node): node is ts.Statement {
  return ts.isStatement(node) || ts.isBlock(node) || ts.isVariableStatement(node);
}

function join(a: PathState, b: PathState): PathState {
  if (!a.reachable) return b;
  if (!b.reachable) return a;
  return { reachable: true, must: a.must & b.must, may: a.may | b.may, unaudited: union(a.unaudited, b.unaudited) };
}

function union<T>(a: ReadonlySet<T>, b: Iterable<T>): ReadonlySet<T> {
  const merged = new Set(a);
  for (const item of b) merged.add(item);
  return merged.size === a.size ? a : merged;
}
