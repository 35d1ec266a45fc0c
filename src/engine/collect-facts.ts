/**
 * Drives the analysis of one Program: finds every sink call and assignment in the project's
 * files, asks the flow analysis what each carrying expression holds, and turns the answers into
 * facts for the rules. Data that reaches a sink through a parameter becomes part of the
 * function's sink summary; a worklist then visits the callers of each such function (and of
 * functions that pass their own parameters on), so the finding lands at the call site that
 * passes classified data, with the helper's leak in the trace.
 */
import ts from 'typescript';
import { levelRank, type DimensionSpec } from '../policy/types.js';
import type { ResolvedConfig } from '../policy/config.js';
import { normalizeDimensionName } from '../policy/config.js';
import type { CheckerFacade } from './checker.js';
import type { TypeClassifier } from './classify.js';
import { canCarryInferredValue, canHoldText } from './classify.js';
import type { CardLiteralFact, DeclassificationFact, DimensionFact, EngineFact, FlowFact } from './facts.js';
import { getCalleeName, skipOuterExpressions, type FileIndex } from './file-index.js';
import { findAccessEntryPoints } from './access-entry-points.js';
import { isKnownEmptyAt } from './empty-guards.js';
import { AccessPathAnalyzer, getAccessGrantBits } from './access-paths.js';
import { canRunAtCall } from './call-guards.js';
import { CallSiteIndex, getFunctionName } from './call-sites.js';
import { DeadCode } from './dead-code.js';
import { isDevelopmentOnly } from './development-branches.js';
import { describeExpression, isStaffOwnField, sourceTaint, type FlowAnalyzer } from './flow.js';
import { ReachableFunctions } from './reachable-functions.js';
import { HTTP_CALLEE_NAMES, type HttpSinkResolver } from './http-sinks.js';
import { isConfigurationName, isCustomerRecordName, isNonPersonAttributeName, isPersonIdName, isTenantRecordName, isUrlLikeName, splitNameIntoWords, type InferredName } from './names.js';
import { getPackageName, getPropertyChain, getPropertyNameText, getPropertyValue, getStaticString, resolveConstInitializer, type SinkMatch, type SinkResolver } from './sinks.js';
import { isRedacted, LoggerRedaction, type RedactPath } from './logger-redaction.js';
import { NodeMap } from './node-map.js';
import { SchemaColumns } from './schema-columns.js';
import { ANY_FIELD, addStep, embedField, getSteps, instantiate, withPath, type SourceFact, type Step, type Taint } from './taint.js';
import { SyntaxKind, TypeFlags } from './typescript-api.js';

/** Data reaching a sink through a parameter of `fn`: recorded, then checked at `fn`'s callers. */
interface ParameterSinkFlow {
  readonly fn: ts.SignatureDeclaration;
  readonly taint: Taint;
  readonly sink: SinkMatch;
  readonly sinkNode: ts.Node;
  /** where the data enters the sink inside the function (used when nothing in the project calls it) */
  readonly carrier: Carrier;
  /** the logger's redaction and where in the logged object the data lands (kept through callers) */
  readonly redaction: Redaction | undefined;
  /**
   * the statement that carries the data names it (`logger.error('failed', { email })` with `email`
   * a parameter): callers' data is reported there, where a reader sees the leak, not at each call
   */
  readonly anchored?: boolean;
}

interface Redaction {
  readonly paths: readonly RedactPath[];
  /** the keys of the logged object the carrier sits at */
  readonly at: readonly string[];
}

interface Carrier {
  /** where a finding is reported */
  readonly node: ts.Node;
  /** the value carried */
  readonly value: ts.Expression;
  /** the object-literal key it is carried under, if any */
  readonly key: string | undefined;
  /** where the value sits inside the argument: `f({ user: { email } })` carries `email` at `user.email` */
  readonly path: readonly string[];
}

export interface CollectContext {
  readonly facade: CheckerFacade;
  readonly config: ResolvedConfig;
  readonly classifier: TypeClassifier;
  readonly flow: FlowAnalyzer;
  readonly sinks: SinkResolver;
  readonly http: HttpSinkResolver;
  readonly files: readonly ts.SourceFile[];
  readonly getFileIndex: (file: ts.SourceFile) => FileIndex;
  /** a test file: its sinks and calls are not production ones (only its card literals are reported) */
  readonly isTestFile: (file: ts.SourceFile) => boolean;
  /** a file under a `scripts/` folder: run by hand, its console output is the operator's terminal */
  readonly isOperatorScript: (file: ts.SourceFile) => boolean;
  /** a file whose findings are reported (the tsconfig's root files); the others are read for summaries */
  readonly isReportedFile: (file: ts.SourceFile) => boolean;
  /** a file of the project itself (not a library or the default lib) */
  readonly isProjectFile: (file: ts.SourceFile) => boolean;
  /** a file `access.entryPoints.files` marks as support access code */
  readonly isAccessEntryFile: (file: ts.SourceFile) => boolean;
  /** a file whose analysis threw: reported, skipped, and the rest of the project still analysed */
  readonly onFileError: (file: ts.SourceFile, error: unknown) => void;
  /** a file whose analysis was cut short by its time budget */
  readonly onFileBudgetExceeded: (file: ts.SourceFile, message: string) => void;
  /** only findings in these files are wanted (`check --changed`): other files are analysed as far as these reach into them */
  readonly focus?: ReadonlySet<ts.SourceFile>;
  /** asked for (`--explain-unresolved`): each call in a reported file that looks like logging or a request but is no sink */
  readonly onUnresolvedCall?: (call: ts.CallExpression | ts.NewExpression, kind: 'log' | 'http', reason: string) => void;
}

const MAX_PROPAGATION_ROUNDS = 1_000_000;
/** log sinks that write to the terminal the code runs in (the catalog's `console.*`, `process.stdout.write`) */
const TERMINAL_OUTPUT_MODULES: ReadonlySet<string> = new Set(['console', 'process']);
/** an entry point's own sinks reached by one parameter part, each reported (bounded for generated code) */
const MAX_SINKS_PER_FLOW_KEY = 64;
/** one file may not hold up a lint gate: past this, the rest of its calls are skipped and reported */
const FILE_BUDGET_MS = 30_000;

export function collectFacts(context: CollectContext): EngineFact[] {
  return new FactCollector(context).collect();
}

class FactCollector {
  private readonly facts: EngineFact[] = [];
  private readonly parameterFlows = new Map<ts.SignatureDeclaration, ParameterSinkFlow[]>();
  /** per function and flow key: the flow that is propagated first, then the other sinks with that key */
  private readonly seenParameterFlows = new Map<ts.SignatureDeclaration, Map<string, ParameterSinkFlow[]>>();
  private readonly carriers: NodeMap<readonly Carrier[]>;
  private readonly worklist: ts.SignatureDeclaration[] = [];
  private readonly queued = new Set<ts.SignatureDeclaration>();
  private readonly callSites: CallSiteIndex;
  private readonly redaction: LoggerRedaction;
  /** with a focus: the functions the focused files can reach */
  private readonly reachable: ReachableFunctions | undefined;
  /** made for the first file with support access code: most projects have none */
  private accessPaths: AccessPathAnalyzer | undefined;
  /** made for the first reported file: most files declare no schema */
  private schemaColumns: SchemaColumns | undefined;
  private readonly deadCode: DeadCode;
  /** whether the project configures winston's `format.splat()` anywhere */
  private winstonSplat: boolean | undefined;

  constructor(private readonly context: CollectContext) {
    this.carriers = new NodeMap(context.facade.usesCheckerIds);
    this.callSites = new CallSiteIndex(context.facade, context.files, context.getFileIndex);
    this.redaction = new LoggerRedaction(context.facade, context.files);
    this.deadCode = new DeadCode();
    if (context.focus !== undefined) {
      const projectFiles = new Set(context.files);
      this.reachable = new ReachableFunctions(context.facade, context.files, context.getFileIndex, (file) => projectFiles.has(file), context.focus);
    }
  }

  collect(): EngineFact[] {
    const { files, isTestFile, isReportedFile, focus } = this.context;
    for (const file of files) if (!isTestFile(file)) this.guard(file, () => this.collectSinkSites(file));
    this.propagateToCallers();
    for (const file of files) {
      if (!isReportedFile(file) || (focus !== undefined && !focus.has(file))) continue;
      this.guard(file, () => {
        this.collectCardLiterals(file);
        if (isTestFile(file)) return;
        this.collectCardColumns(file);
        this.collectDeclassifications(file);
        this.collectAccessPaths(file);
      });
    }
    return this.facts;
  }

  /** `{ ... } as AccessGrant`: a grant that `verifyAccessGrant` did not issue (the operand carries no grant brand). */
  private isForgedGrant(assertion: ts.AssertionExpression, operand: ts.Expression): boolean {
    const { facade } = this.context;
    const forged = getAccessGrantBits(facade.getTypeOfNode(assertion), facade);
    return forged !== 0 && (getAccessGrantBits(facade.getTypeOfNode(operand), facade) & forged) !== forged;
  }

  /** Support access code: each read of customer data and what guards it (access-paths.ts). */
  private collectAccessPaths(file: ts.SourceFile): void {
    const { config, facade, classifier, sinks, isProjectFile } = this.context;
    const index = this.context.getFileIndex(file);
    const entries = findAccessEntryPoints(file, index, config.access, this.context.isAccessEntryFile(file), facade);
    const audits = index.callsByName.get('auditAccess') ?? [];
    if (entries.length === 0 && audits.length === 0) return;
    this.accessPaths ??= new AccessPathAnalyzer(facade, classifier, sinks, isProjectFile);
    for (const entry of entries) this.facts.push(...this.accessPaths.analyze(entry));
    this.facts.push(...this.accessPaths.getAuditsWithoutWhy(audits));
  }

  private guard(file: ts.SourceFile, work: () => void): void {
    try {
      work();
    } catch (error) {
      this.context.onFileError(file, error);
    }
  }

  /** Whether what happens at `node` can lead to a finding in a focused file (always, without a focus). */
  private isInScope(node: ts.Node): boolean {
    const { focus } = this.context;
    return focus === undefined || this.reachable === undefined || focus.has(node.getSourceFile()) || this.reachable.contains(node);
  }

  private collectSinkSites(file: ts.SourceFile): void {
    const focused = this.context.focus === undefined || this.context.focus.has(file);
    if (!focused && this.reachable?.touches(file) !== true) return;
    const index = this.context.getFileIndex(file);
    const explainUnresolved = this.context.onUnresolvedCall !== undefined && this.context.isReportedFile(file);
    const started = Date.now();
    for (let position = 0; position < index.calls.length; position++) {
      const call = index.calls[position];
      if (call === undefined) break;
      if (position % 64 === 63 && Date.now() - started > FILE_BUDGET_MS) {
        this.context.onFileBudgetExceeded(file, `analysis stopped after ${FILE_BUDGET_MS / 1000} s; ${index.calls.length - position} of ${index.calls.length} calls not checked`);
        return;
      }
      if (!focused && !this.isInScope(call)) continue;
      const name = getCalleeName(call.expression);
      const sink = name === undefined ? this.context.sinks.getSinkForComputedConsoleCall(call) : this.getSink(call, name, index);
      if (sink === undefined) {
        if (name !== undefined && explainUnresolved) this.explainUnresolved(call, name);
      } else if (!isDevelopmentOnly(call) && !this.deadCode.isInDeadFunction(call)) {
        this.checkSink(sink, call);
      }
    }
    for (const assignment of index.assignments) {
      if (assignment.operatorToken.kind !== SyntaxKind.EqualsToken && assignment.operatorToken.kind !== SyntaxKind.PlusEqualsToken) continue;
      if (!focused && !this.isInScope(assignment)) continue;
      const sink = this.context.sinks.getSinkForAssignment(assignment);
      if (sink !== undefined && !isDevelopmentOnly(assignment) && !this.deadCode.isInDeadFunction(assignment)) this.checkSink(sink, assignment);
    }
  }

  /** A call that looks like logging or a request and that no sink matched: said why, for `--explain-unresolved`. */
  private explainUnresolved(call: ts.CallExpression | ts.NewExpression, name: string): void {
    const { sinks, http, files, getFileIndex } = this.context;
    const request = HTTP_CALLEE_NAMES.has(name) ? http.explainUnknownHost(call) : undefined;
    const reason = request ?? sinks.explainUnresolvedLogCall(call, (member) => files.flatMap((file) => getFileIndex(file).classMembersByName.get(member) ?? []));
    if (reason !== undefined) this.context.onUnresolvedCall?.(call, request === undefined ? 'log' : 'http', reason);
  }

  private getSink(call: ts.CallExpression | ts.NewExpression, name: string, index: FileIndex): SinkMatch | undefined {
    const { sinks, http } = this.context;
    if (index.returnedFunctionNames.has(name)) {
      const returned = sinks.getSinkForReturnedFunctionCall(call);
      if (returned !== undefined) return returned;
    }
    if (sinks.hasCandidates(name) || sinks.mayBeJsDocSink(name)) {
      const sink = sinks.getSinkForCall(call);
      if (sink !== undefined) return sink;
    }
    const request = HTTP_CALLEE_NAMES.has(name) ? http.getSinkForCall(call) : undefined;
    return request ?? sinks.getInferredLoggerSink(call);
  }

  private checkSink(sink: SinkMatch, sinkNode: ts.Node): void {
    // a script an operator runs by hand logs to that operator's terminal, whatever logger it uses,
    // not to central logs; and a client component's console is the user's own browser devtools
    if (sink.kind === 'log' && (this.context.isOperatorScript(sinkNode.getSourceFile()) || (TERMINAL_OUTPUT_MODULES.has(sink.module) && isClientComponent(sinkNode.getSourceFile())))) return;
    // pino redacts the keys of the object it is given first, not the message or its arguments
    const redacted = sink.kind === 'log' && ts.isCallExpression(sinkNode) ? this.redaction.pathsFor(sinkNode) : [];
    const logged = redacted.length > 0 && ts.isCallExpression(sinkNode) ? sinkNode.arguments[0] : undefined;
    for (const argument of this.getWrittenArguments(sink, sinkNode)) {
      for (const carrier of getCarriers(argument)) {
        this.checkCarrier(sink, sinkNode, carrier, argument === logged ? { paths: redacted, at: carrier.path } : undefined);
      }
    }
    if (sink.dimensions !== undefined && ts.isCallExpression(sinkNode)) this.checkDimensions(sink, sinkNode);
  }

  /**
   * The arguments a sink writes. winston's `logger.warn(message, ...meta)` merges the first meta
   * argument into the line when it is an object; any other argument only reaches the output
   * through `format.splat()`, which the project must configure somewhere for it to count.
   */
  private getWrittenArguments(sink: SinkMatch, sinkNode: ts.Node): readonly ts.Expression[] {
    if (sink.kind !== 'log' || sink.module !== 'winston' || !ts.isCallExpression(sinkNode) || sinkNode.arguments.length < 2) return sink.dataArguments;
    const [message, meta] = sinkNode.arguments;
    if (message === undefined || getCalleeName(sinkNode.expression) === 'log' || (this.context.facade.getTypeOfNode(message).flags & TypeFlags.StringLike) === 0 || this.usesWinstonSplat()) return sink.dataArguments;
    const metaIsObject = meta !== undefined && mayBeObject(this.context.facade.getTypeOfNode(meta));
    return sink.dataArguments.filter((argument) => argument === message || (metaIsObject && argument === meta));
  }

  private usesWinstonSplat(): boolean {
    this.winstonSplat ??= this.context.files.some((file) => file.text.includes('splat('));
    return this.winstonSplat;
  }

  private checkCarrier(sink: SinkMatch, sinkNode: ts.Node, carrier: Carrier, redaction: Redaction | undefined): void {
    const all = this.context.flow.taintOf(carrier.value);
    const taints = sink.kind === 'storage' ? all.filter((taint) => !this.isBehindUncascadedRelation(carrier.value, taint.path)) : all;
    let concrete = false;
    for (const taint of taints) {
      if (taint.origin.type === 'parameter') {
        const flow: ParameterSinkFlow = { fn: taint.origin.fn, taint, sink, sinkNode, carrier, redaction };
        this.recordParameterFlow(this.namesParameterPart(flow) === undefined ? flow : { ...flow, anchored: true });
      } else if (isRedactedBy(redaction, taint)) {
        concrete = true;
      } else if (levelRank(taint.origin.source.level) >= levelRank('confidential')) {
        // an untyped payload may hold data: a key naming data beside it still says more
        if (taint.origin.source.confidence !== 'possible') concrete = true;
        this.addFlow(sink, sinkNode, carrier, taint);
      }
    }
    // `trackAnalytics(args: AnalyticsEvents)` sending `args` to a vendor: its parameter's type names
    // the data, so the helper is reported; each call that hands it customer data is too
    if (concrete && sink.kind === 'third-party') {
      const part = this.context.flow.getParameterPart(carrier.value);
      if (part !== undefined && part.origin.type === 'parameter') this.recordParameterFlow({ fn: part.origin.fn, taint: part, sink, sinkNode, carrier, redaction, anchored: true });
    }
    // a key names the data only when nothing else does: a whole parameter (`{ email }` in a wrapper)
    // is decided at the call sites
    const wholeParameter = taints.some((taint) => taint.origin.type === 'parameter' && taint.read.length === 0);
    if (!concrete && !wholeParameter && carrier.key !== undefined && (redaction === undefined || !isRedacted(redaction.at, redaction.paths))) this.inferFromKey(sink, sinkNode, carrier, carrier.key);
  }

  /**
   * `repository.insert(expense)` where the data is in `expense.creditCard`, a TypeORM relation
   * declared without `cascade`: saving the entity writes the relation's foreign key, not the
   * related row, so the card's columns are not stored by this call.
   */
  private isBehindUncascadedRelation(value: ts.Expression, path: readonly string[]): boolean {
    const field = path[0];
    if (field === undefined || path.length < 2) return false;
    const { facade } = this.context;
    const property = facade.getPropertiesOfType(facade.getNonNullableType(facade.getTypeOfNode(value))).find((candidate) => candidate.getName() === field);
    const declaration = property?.valueDeclaration;
    if (declaration === undefined || !ts.isPropertyDeclaration(declaration)) return false;
    const relation = (ts.getDecorators(declaration) ?? []).map((decorator) => decorator.expression).find((expression): expression is ts.CallExpression => ts.isCallExpression(expression) && TYPEORM_RELATIONS.has(getCalleeName(expression.expression) ?? '') && this.isFromTypeorm(expression.expression));
    if (relation === undefined) return false;
    return !relation.arguments.some((argument) => {
      const options = skipOuterExpressions(argument);
      if (!ts.isObjectLiteralExpression(options)) return false;
      const cascade = getPropertyValue(options, 'cascade');
      return cascade !== undefined && cascade.kind !== SyntaxKind.FalseKeyword;
    });
  }

  private isFromTypeorm(callee: ts.Expression): boolean {
    const declarations = this.context.facade.getSymbol(callee)?.declarations ?? [];
    return declarations.some((declaration) => getPackageName(declaration.getSourceFile().fileName) === 'typeorm');
  }

  /** `logger.info({ email: input })`: the key names the data when nothing else does. */
  private inferFromKey(sink: SinkMatch, sinkNode: ts.Node, carrier: Carrier, key: string): void {
    const value = skipOuterExpressions(carrier.value);
    if (ts.isLiteralExpression(value) || ts.isTemplateExpression(value) || ts.isObjectLiteralExpression(value) || ts.isArrayLiteralExpression(value) || isNullish(value)) return;
    if (ts.isCallExpression(value) && this.context.flow.isSanitizingCall(value)) return;
    if (isKnownEmptyAt(value, this.context.getFileIndex(value.getSourceFile()))) return;
    if ((ts.isPropertyAccessExpression(value) || ts.isElementAccessExpression(value)) && isStaffOwnField(value)) return;
    // `{ TEST_EMAILS }`: the key is the variable's own name, which the flow has judged already
    if (ts.isIdentifier(value) && value.text === key) return;
    // `{ email: process.env.SUPPORT_EMAIL }`, `{ email: config.smtp.from }`: configuration, not a customer's address
    const chain = getPropertyChain(value);
    if (chain !== undefined && chain.slice(0, -1).some(isConfigurationName)) return;
    const named = this.context.classifier.inferName(key, []);
    const byKey = named !== undefined && levelRank(named.level) >= levelRank('confidential');
    const inferred = byKey ? { name: named, reason: `key "${key}" matches "${named.pattern}"` } : this.context.flow.getNamedUse(value);
    if (inferred === undefined || !canCarryInferredValue(this.context.facade.getTypeOfNode(value), inferred.name)) return;
    const taint = sourceTaint({
      label: byKey ? key : describeExpression(value),
      level: inferred.name.level,
      kind: inferred.name.kind,
      confidence: 'inferred',
      node: carrier.node,
      reason: inferred.reason,
      numeric: inferred.name.numeric,
    });
    this.addFlow(sink, sinkNode, carrier, taint);
  }

  /** `leadingSteps`: the trace up to the sink, when it is not the taint's own */
  private addFlow(sink: SinkMatch, sinkNode: ts.Node, carrier: Carrier, taint: Taint, leadingSteps?: readonly Step[]): void {
    if (taint.origin.type !== 'source') return;
    const source = taint.origin.source;
    // an untyped payload validated into a type that names every field is no longer untyped
    if (source.confidence === 'possible' && !this.context.flow.mayHoldUnnamedData(carrier.value)) return;
    const flow: FlowFact = {
      type: 'flow',
      source,
      sink,
      sinkNode,
      carrier: carrier.node,
      value: carrier.value,
      steps: [...(leadingSteps ?? getSteps(taint.steps)), { node: sinkNode, note: `reaches ${sink.kind} sink ${sink.callee}` }],
    };
    this.facts.push(flow);
  }

  private recordParameterFlow(flow: ParameterSinkFlow): void {
    // One flow per function, parameter part and kind of sink (with its module): which of the
    // function's sinks of that kind it reaches changes nothing at a call site, and keying by the
    // sink node made flows grow with sinks × callers on large apps (a shared logger wrapper).
    let seen = this.seenParameterFlows.get(flow.fn);
    if (seen === undefined) {
      seen = new Map();
      this.seenParameterFlows.set(flow.fn, seen);
    }
    const key = getFlowKey(flow);
    const same = seen.get(key);
    if (same !== undefined) {
      // not propagated again; kept in case the function has no caller and each sink is a finding of its own
      if (same.length < MAX_SINKS_PER_FLOW_KEY && !same.some((other) => other.carrier.node === flow.carrier.node)) same.push(flow);
      return;
    }
    seen.set(key, [flow]);
    const list = this.parameterFlows.get(flow.fn);
    if (list === undefined) this.parameterFlows.set(flow.fn, [flow]);
    else list.push(flow);
    if (!this.queued.has(flow.fn)) {
      this.queued.add(flow.fn);
      this.worklist.push(flow.fn);
    }
  }

  /** Checks the callers of every function whose parameter reaches a sink, until nothing new is learned. */
  private propagateToCallers(): void {
    const visited = new Map<ts.SignatureDeclaration, number>();
    const entryPoints = new Set<ts.SignatureDeclaration>();
    // each round handles the flows a function gained since its last round; flows are finite and
    // deduplicated, so this ends — the cap is a guard against a bug, not a budget
    // a read position instead of `shift()`: the worklist can hold many thousands of functions
    for (let round = 0, next = 0; round < MAX_PROPAGATION_ROUNDS && next < this.worklist.length; round++) {
      const fn = this.worklist[next++];
      if (fn === undefined) break;
      this.queued.delete(fn);
      const flows = this.parameterFlows.get(fn) ?? [];
      const done = visited.get(fn) ?? 0;
      if (done >= flows.length) continue;
      visited.set(fn, flows.length);
      const pending = flows.slice(done);
      this.guard(fn.getSourceFile(), () => {
        const sites = this.findCallSites(fn);
        for (const site of sites) {
          const inScope = this.isInScope(site.kind === 'call' ? site.call : site.reference);
          for (const flow of pending) {
            // a flow anchored in a focused file is decided by its callers, wherever they are
            if (inScope || (flow.anchored === true && this.context.focus?.has(flow.carrier.node.getSourceFile()) === true)) this.checkCallSite(site, flow);
          }
        }
        // a module's private function nothing calls or passes on is dead code, not an entry point
        if (sites.length === 0 && !this.deadCode.isDead(fn)) entryPoints.add(fn);
      });
    }
    // an entry point (exported API, framework callback, or code only tests call): its parameters'
    // names are all we know; every sink and call its parameters reach is a finding of its own
    for (const fn of entryPoints) {
      this.guard(fn.getSourceFile(), () => {
        for (const flows of this.seenParameterFlows.get(fn)?.values() ?? []) for (const flow of flows) this.inferFromParameterName(flow);
      });
    }
  }

  private checkCallSite(site: CallSite, flow: ParameterSinkFlow): void {
    if (flow.taint.origin.type !== 'parameter') return;
    // what an operator's script hands a helper that logs is logged in the script's own process: its terminal
    if (flow.sink.kind === 'log' && this.context.isOperatorScript((site.kind === 'call' ? site.call : site.reference).getSourceFile())) return;
    // `sendEmail('invite', ...)` where the log of the recipient runs only for templates with a category
    if (site.kind === 'call' && !canRunAtCall(flow.carrier.node, flow.fn, site.call, this.context.facade)) return;
    const index = flow.taint.origin.index;
    const calleeName = describeFunction(flow.fn);
    const carriers: readonly Carrier[] = site.kind === 'call' ? this.argumentCarriers(site.call, flow.fn, index) : [{ node: site.reference, value: site.reference, key: undefined, path: [] }];
    for (const carrier of carriers) {
      const argumentTaints = site.kind === 'call' ? this.context.flow.taintOf(carrier.value) : site.elementTaints;
      for (const argumentTaint of argumentTaints) {
        // the callee reads its parameter by path: a value at `user.email` in the argument is not `user.id`
        const placed = site.kind === 'call' ? placeAt(argumentTaint, carrier.path) : argumentTaint;
        const combined = instantiate(flow.taint, addStep(placed, carrier.node, `passed to ${calleeName}()`));
        if (combined === undefined) continue;
        // an anchored flow keeps its statement when this run reports its file (another package's
        // file is read only for summaries); otherwise this call is where the data leaves
        const anchored = flow.anchored === true && this.context.isReportedFile(flow.carrier.node.getSourceFile());
        const reportedAt = anchored ? flow.carrier : carrier;
        // a vendor helper (`identify(email)`, `createContact(email)`) sends what each call hands it:
        // the call decides what the vendor gets, so it is a finding beside the helper's statement; a
        // log helper's line is where its data is logged, once for all its callers
        const alsoAtCall = anchored && flow.sink.kind === 'third-party';
        if (combined.origin.type === 'parameter') {
          const outer: ParameterSinkFlow = { fn: combined.origin.fn, taint: combined, sink: flow.sink, sinkNode: flow.sinkNode, carrier: reportedAt, redaction: flow.redaction };
          this.recordParameterFlow(anchored || this.namesParameterPart(outer) !== undefined ? { ...outer, anchored: true } : outer);
          if (alsoAtCall) this.inferFromParameterName({ ...outer, carrier }, 'passed on to a helper that shares it');
        } else if (!isRedactedBy(flow.redaction, combined) && levelRank(combined.origin.source.level) >= levelRank('confidential')) {
          this.addFlow(flow.sink, flow.sinkNode, reportedAt, combined);
          if (alsoAtCall) this.addFlow(flow.sink, flow.sinkNode, carrier, combined);
        }
      }
    }
  }

  private inferFromParameterName(flow: ParameterSinkFlow, why = 'no caller in the project'): void {
    const named = this.namesParameterPart(flow);
    if (named === undefined || flow.taint.origin.type !== 'parameter' || isRedactedBy(flow.redaction, flow.taint)) return;
    const { parameter, label, name, inferred } = named;
    const source = sourceTaint({
      label,
      level: inferred.level,
      kind: inferred.kind,
      confidence: 'inferred',
      node: parameter,
      reason: `parameter name "${name}" matches "${inferred.pattern}" (${why})`,
      numeric: inferred.numeric,
    });
    this.addFlow(flow.sink, flow.sinkNode, flow.carrier, source, [...getSteps(source.steps), ...getSteps(flow.taint.steps).slice(1)]);
  }

  /** The customer data a flow's parameter part is named as (`email`, `user.email`), where its type can hold it. */
  private namesParameterPart(flow: ParameterSinkFlow): { parameter: ts.ParameterDeclaration; label: string; name: string; inferred: InferredName } | undefined {
    if (flow.taint.origin.type !== 'parameter') return undefined;
    const parameter = flow.fn.parameters[flow.taint.origin.index];
    if (parameter === undefined) return undefined;
    // `({ email }) => ...` has no parameter name, only the destructured field's
    const parameterName = ts.isIdentifier(parameter.name) ? parameter.name.text : '';
    const read = flow.taint.read.filter((segment) => segment !== ANY_FIELD);
    const name = read[read.length - 1] ?? parameterName;
    if (name === '') return undefined;
    const parameterType = this.context.facade.getTypeOfNode(parameter).getSymbol()?.getName();
    const typeOwners = parameterType === undefined || parameterType.startsWith('__') ? [] : [parameterType];
    const owners = read.length > 1 ? [read[read.length - 2] ?? ''] : read.length === 1 ? [...(parameterName === '' ? [] : [parameterName]), ...typeOwners] : [];
    const inferred = this.context.classifier.inferName(name, owners);
    if (inferred === undefined || levelRank(inferred.level) < levelRank('confidential')) return undefined;
    // the type of the part read decides (`overrides.email` may be a settings object), and where the
    // value reaches the sink as a plain read, its narrowed type there (`if (!user.email) log(user.email)`)
    const { facade } = this.context;
    const readType = facade.getTypeAtPath(facade.getTypeOfNode(parameter), flow.taint.read);
    if (readType !== undefined && !canCarryInferredValue(readType, inferred)) return undefined;
    const atSink = skipOuterExpressions(flow.carrier.value);
    // only where the carrier is the sink's own argument: at a call site it is the whole argument passed
    const carriedIntoSink = flow.carrier.node.getSourceFile() === flow.sinkNode.getSourceFile() && flow.carrier.node.pos >= flow.sinkNode.pos && flow.carrier.node.end <= flow.sinkNode.end;
    if (carriedIntoSink && flow.taint.path.length === 0 && isPlainRead(atSink) && (!canCarryInferredValue(facade.getTypeOfNode(atSink), inferred) || isKnownEmptyAt(atSink, this.context.getFileIndex(atSink.getSourceFile())))) return undefined;
    return { parameter, label: [parameterName, ...read].filter((part) => part !== '').join('.'), name, inferred };
  }

  private argumentCarriers(call: ts.CallExpression | ts.NewExpression, fn: ts.SignatureDeclaration, index: number): readonly Carrier[] {
    const argumentsList = call.arguments ?? [];
    const isRest = fn.parameters[index]?.dotDotDotToken !== undefined;
    if (!isRest) {
      const argument = argumentsList[index];
      return argument === undefined ? [] : this.getCarriersOf(argument);
    }
    const carriers: Carrier[] = [];
    for (let position = index; position < argumentsList.length; position++) carriers.push(...this.getCarriersOf(argumentsList[position] as ts.Expression));
    return carriers;
  }

  /** An argument's carriers, asked again at a call site for every flow of the function called. */
  private getCarriersOf(argument: ts.Expression): readonly Carrier[] {
    let carriers = this.carriers.get(argument);
    if (carriers === undefined) {
      carriers = getCarriers(argument);
      this.carriers.set(argument, carriers);
    }
    return carriers;
  }

  /** Where production code calls `fn`: a test calling it with test data is not a leak, nor does it make `fn` less of an entry point. */
  private findCallSites(fn: ts.SignatureDeclaration): CallSite[] {
    const { isTestFile } = this.context;
    // a call in dead code hands nothing on
    const sites: CallSite[] = this.callSites.callsTo(fn).filter((call) => !isTestFile(call.getSourceFile()) && !this.deadCode.isInDeadFunction(call)).map((call) => ({ kind: 'call', call }));
    for (const reference of this.callSites.referencesTo(fn)) {
      if (isTestFile(reference.getSourceFile()) || this.deadCode.isInDeadFunction(reference)) continue;
      const call = reference.parent;
      if (!ts.isCallExpression(call)) continue;
      const callee = skipOuterExpressions(call.expression);
      if (!ts.isPropertyAccessExpression(callee) || !['forEach', 'map', 'flatMap', 'filter', 'some', 'every', 'find'].includes(callee.name.text)) continue;
      const elementTaints = this.context.flow.taintOf(callee.expression).flatMap((taint): Taint[] => {
        const [first, ...rest] = taint.path;
        return first === undefined || first === ANY_FIELD ? [withPath(taint, rest)] : [];
      });
      sites.push({ kind: 'reference', reference, elementTaints });
    }
    return sites;
  }

  /** Dimension names and values of a telemetry call. */
  private checkDimensions(sink: SinkMatch, call: ts.CallExpression): void {
    for (const dimension of this.getDimensions(sink, call)) {
      // the value's own class is checked as data; the name matters where the value can single out a customer;
      // only a value that can hold any text is a URL (`writePath: 'direct' | 'legacy'` names a code path)
      if (dimension.name !== undefined && !isAllowedDimension(dimension.name, this.context.config.allowedDimensions) && this.isCustomerDimension(dimension)) {
        this.addDimension(sink, call, dimension.carrier, dimension.name, 'name-not-allowed');
      } else if (dimension.value !== undefined ? isUrlValue(dimension.value) && canHoldText(this.context.facade.getTypeOfNode(dimension.value)) : isComputedUrlTag(dimension)) {
        this.addDimension(sink, call, dimension.carrier, dimension.name ?? '?', 'url-value');
      }
    }
  }

  /**
   * Whether an unlisted dimension can single out a customer, which is what the list is there to
   * prevent: a name that says so (`user.id`, `url.full`, `customer_email`), or free text read off a
   * customer's record (`customer.plan`, `account.plan.name`). An internal buffer or queue name,
   * an entity's id, a flag, a count or a constant is an operational dimension, not a finding.
   */
  private isCustomerDimension(dimension: Dimension): boolean {
    const { facade, classifier } = this.context;
    const value = dimension.value ?? (ts.isExpression(dimension.carrier) ? dimension.carrier : undefined);
    if (value === undefined) return false;
    const { name } = dimension;
    if (isTenantRecordId(value, facade)) return false;
    if (name !== undefined && (isPersonalDimensionName(name) || isPersonIdName(name) || isSensitiveInference(classifier.inferName(name.split('.').pop() ?? name, name.split('.').slice(0, -1))))) return true;
    if (name !== undefined && isNonPersonAttributeName(name)) return false;
    const expression = skipOuterExpressions(value);
    // `plan:${customer.plan}` as a tag: the text after the name is whatever the template holds
    if (ts.isTemplateExpression(expression)) return expression.templateSpans.some((span) => this.isCustomerDimension({ name: undefined, value: span.expression, carrier: span.expression }));
    const chain = getPropertyChain(expression);
    if (chain === undefined || chain.slice(0, -1).some(isConfigurationName)) return false;
    // only a string is free text; a value of unknown type (`any`) says nothing either way
    const type = facade.getTypeOfNode(expression);
    if (!canHoldText(type) || (type.flags & (TypeFlags.Any | TypeFlags.Unknown)) !== 0) return false;
    const owners = chain.slice(0, -1);
    // an id is a person's only when its owner is one (`customer.id`, not a workspace `member.id`), as for names
    const field = chain[chain.length - 1] ?? '';
    if (field === 'id' || field === 'uuid') return owners.some((owner) => isPersonIdName(`${owner}Id`));
    return owners.some(isCustomerRecordName);
  }

  private addDimension(sink: SinkMatch, sinkNode: ts.Node, carrier: ts.Node, name: string, problem: DimensionFact['problem']): void {
    this.facts.push({ type: 'dimension', name, problem, sink, sinkNode, carrier });
  }

  private getDimensions(sink: SinkMatch, call: ts.CallExpression): Dimension[] {
    const specs = sink.dimensions ?? [];
    const facade = this.context.facade;
    // `inc({ labels: {...}, value })`: when the object has a spec's property, that spec wins over the plain object one
    const withProperty = specs.filter((spec) => spec.property !== undefined && getObjectArgument(call, spec.arg, facade) !== undefined && getPropertyValue(getObjectArgument(call, spec.arg, facade) as ts.ObjectLiteralExpression, spec.property) !== undefined);
    const applicable = withProperty.length > 0 ? withProperty : specs.filter((spec) => spec.property === undefined);
    const dimensions: Dimension[] = [];
    const seen = new Set<ts.Node>();
    for (const spec of applicable) {
      for (const dimension of getDimensionsForSpec(spec, call, facade)) {
        if (seen.has(dimension.carrier)) continue;
        seen.add(dimension.carrier);
        dimensions.push(dimension);
      }
    }
    return dimensions;
  }

  private collectCardLiterals(file: ts.SourceFile): void {
    const index = this.context.getFileIndex(file);
    for (const literal of index.stringLiterals) {
      const parent = literal.parent;
      // an import path or a type literal is not data
      if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isLiteralTypeNode(parent) || ts.isExternalModuleReference(parent)) continue;
      const source = this.context.flow.getCardLiteralSource(literal);
      if (source === undefined) continue;
      const fact: CardLiteralFact = { type: 'card-literal', source, inTestFile: this.context.isTestFile(file) };
      this.facts.push(fact);
    }
  }

  private collectCardColumns(file: ts.SourceFile): void {
    this.schemaColumns ??= new SchemaColumns(this.context.facade, this.context.classifier);
    for (const column of this.schemaColumns.findCardColumns(file)) {
      const { inferred } = column;
      const source: SourceFact = { label: column.label, level: inferred.level, kind: inferred.kind, confidence: 'inferred', node: column.node, reason: column.reason, numeric: inferred.numeric };
      this.facts.push({ type: 'card-column', source });
    }
  }

  private collectDeclassifications(file: ts.SourceFile): void {
    const index = this.context.getFileIndex(file);
    const { facade, classifier } = this.context;
    for (const assertion of index.assertions) {
      if (ts.isConstTypeReference(assertion.type)) continue;
      const operand = skipOuterExpressions(assertion.expression);
      if (this.isForgedGrant(assertion, operand)) {
        this.facts.push({ type: 'declassification', form: 'forged-grant', node: assertion, label: describeExpression(operand), level: 'restricted', kind: 'AccessGrant', target: assertion.type.getText() });
        continue;
      }
      const before = strongest(classifier.classifyType(facade.getTypeOfNode(operand)).filter((part) => part.confidence === 'declared'));
      if (before === undefined) continue;
      const afterType = facade.getTypeOfNode(assertion);
      const after = strongest(classifier.classifyType(afterType).filter((part) => part.confidence === 'declared'));
      const erased = (afterType.flags & (TypeFlags.Any | TypeFlags.Unknown)) !== 0;
      if (!erased && after !== undefined && levelRank(after.level) >= levelRank(before.level)) continue;
      const fact: DeclassificationFact = {
        type: 'declassification',
        form: 'cast',
        node: assertion,
        label: describeExpression(operand),
        level: before.level,
        kind: before.kind,
        target: assertion.type.getText(),
      };
      this.facts.push(fact);
    }
    for (const call of index.callsByName.get('declassify') ?? []) {
      if (!ts.isCallExpression(call) || !this.context.flow.isClassifiedHelperCall(call, new Set(['declassify']))) continue;
      const reason = call.arguments[1];
      const literal = reason === undefined ? undefined : skipOuterExpressions(reason);
      if (literal !== undefined && ts.isStringLiteralLike(literal) && literal.text.trim() !== '') continue;
      const value = call.arguments[0];
      const part = value === undefined ? undefined : strongest(classifier.classifyType(facade.getTypeOfNode(value)));
      this.facts.push({
        type: 'declassification',
        form: 'missing-reason',
        node: call,
        label: value === undefined ? 'value' : describeExpression(value),
        level: part?.level ?? 'confidential',
        kind: part?.kind ?? 'Confidential',
        target: 'declassify()',
      });
    }
  }
}

type CallSite =
  | { readonly kind: 'call'; readonly call: ts.CallExpression | ts.NewExpression }
  | { readonly kind: 'reference'; readonly reference: ts.Identifier; readonly elementTaints: readonly Taint[] };

/** The expressions a finding may point at: object-literal properties (innermost), array elements, or the argument. */
function getCarriers(argument: ts.Expression, into: Carrier[] = [], path: readonly string[] = []): Carrier[] {
  const expression = skipOuterExpressions(argument);
  if (ts.isObjectLiteralExpression(expression)) {
    for (const property of expression.properties) {
      if (ts.isPropertyAssignment(property)) {
        const value = skipOuterExpressions(property.initializer);
        const key = getPropertyNameText(property.name);
        const propertyPath = [...path, key ?? ANY_FIELD];
        if (ts.isObjectLiteralExpression(value) || ts.isArrayLiteralExpression(value)) getCarriers(value, into, propertyPath);
        else into.push({ node: property, value: property.initializer, key, path: propertyPath });
      } else if (ts.isShorthandPropertyAssignment(property)) {
        into.push({ node: property, value: property.name, key: property.name.text, path: [...path, property.name.text] });
      } else if (ts.isSpreadAssignment(property)) {
        // a spread's fields land at the object's own level
        into.push({ node: property, value: property.expression, key: undefined, path });
      }
    }
  } else if (ts.isArrayLiteralExpression(expression)) {
    for (const element of expression.elements) {
      if (ts.isSpreadElement(element)) into.push({ node: element, value: element.expression, key: undefined, path });
      else getCarriers(element, into, [...path, ANY_FIELD]);
    }
  } else if (!ts.isArrowFunction(expression) && !ts.isFunctionExpression(expression)) {
    into.push({ node: argument, value: argument, key: undefined, path });
  }
  return into;
}

/** The taint of the whole argument, given the taint of a value placed at `path` inside it. */
function placeAt(taint: Taint, path: readonly string[]): Taint {
  let placed = taint;
  for (let index = path.length - 1; index >= 0; index--) placed = embedField(placed, path[index] as string);
  return placed;
}

interface Dimension {
  readonly name: string | undefined;
  readonly value: ts.Expression | undefined;
  readonly carrier: ts.Node;
}

function getObjectArgument(call: ts.CallExpression, index: number, facade: CheckerFacade): ts.ObjectLiteralExpression | undefined {
  const argument = call.arguments[index];
  const resolved = argument === undefined ? undefined : resolveConstInitializer(skipOuterExpressions(argument), facade);
  return resolved !== undefined && ts.isObjectLiteralExpression(resolved) ? resolved : undefined;
}

/** The dimensions one spec finds in a call; none when the arguments do not have the spec's shape. */
function getDimensionsForSpec(spec: DimensionSpec, call: ts.CallExpression, facade: CheckerFacade): Dimension[] {
  const argument = call.arguments[spec.arg];
  if (argument === undefined) return [];
  if (spec.shape === 'key-value') {
    const name = getStaticString(argument, facade);
    if (name === undefined && !ts.isStringLiteralLike(skipOuterExpressions(argument))) return [];
    // `setAttribute(name, value)`: reported at the value, where a classified-value finding lands too
    const value = call.arguments[spec.arg + 1];
    return [{ name, value, carrier: value ?? argument }];
  }
  if (spec.shape === 'positional-labels') {
    if (getObjectArgument(call, spec.arg, facade) !== undefined) return [];
    const names = getLabelNames(call, facade);
    return call.arguments.slice(spec.arg).map((value, offset) => ({ name: names?.[offset], value, carrier: value }));
  }
  let container: ts.Expression | undefined = argument;
  if (spec.property !== undefined) {
    const object = getObjectArgument(call, spec.arg, facade);
    container = object === undefined ? undefined : getPropertyValue(object, spec.property);
  }
  if (container === undefined) return [];
  const resolved = resolveConstInitializer(skipOuterExpressions(container), facade);
  // a literal object in place is reported per property; one built elsewhere at the argument
  const inPlace = resolved === skipOuterExpressions(container);
  if (ts.isObjectLiteralExpression(resolved)) {
    return resolved.properties.flatMap((property): Dimension[] => {
      if (ts.isPropertyAssignment(property)) return [{ name: getPropertyNameText(property.name), value: property.initializer, carrier: inPlace ? property : container }];
      if (ts.isShorthandPropertyAssignment(property)) return [{ name: property.name.text, value: property.name, carrier: inPlace ? property : container }];
      return [];
    });
  }
  if (spec.shape === 'tags' && ts.isArrayLiteralExpression(resolved)) {
    return resolved.elements.map((element) => ({ name: getTagName(element, facade), value: undefined, carrier: inPlace ? element : container }));
  }
  return [];
}

/** `'route:/checkout'` → `route`; `` `customer:${id}` `` → `customer`. */
function getTagName(element: ts.Expression, facade: CheckerFacade): string | undefined {
  const expression = skipOuterExpressions(element);
  const text = ts.isTemplateExpression(expression) ? expression.head.text : getStaticString(expression, facade);
  if (text === undefined) return undefined;
  const colon = text.indexOf(':');
  return colon === -1 ? (ts.isTemplateExpression(expression) ? undefined : text) : text.slice(0, colon);
}

/** prom-client: the `labelNames` the receiver metric was constructed with. */
function getLabelNames(call: ts.CallExpression, facade: CheckerFacade): string[] | undefined {
  const callee = skipOuterExpressions(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const receiver = skipOuterExpressions(callee.expression);
  const declaration = facade.getSymbol(ts.isPropertyAccessExpression(receiver) ? receiver.name : receiver)?.valueDeclaration;
  const initializer = declaration !== undefined && (ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration)) ? declaration.initializer : undefined;
  if (initializer === undefined) return undefined;
  const construction = skipOuterExpressions(initializer);
  if (!ts.isNewExpression(construction)) return undefined;
  const options = construction.arguments?.[0];
  const object = options === undefined ? undefined : resolveConstInitializer(skipOuterExpressions(options), facade);
  if (object === undefined || !ts.isObjectLiteralExpression(object)) return undefined;
  const labelNames = getPropertyValue(object, 'labelNames');
  const list = labelNames === undefined ? undefined : resolveConstInitializer(skipOuterExpressions(labelNames), facade);
  if (list === undefined || !ts.isArrayLiteralExpression(list)) return undefined;
  return list.elements.map((element) => getStaticString(element, facade) ?? '');
}

/** A full URL or path as a dimension value: `webhook.url`, `req.path` (but `new URL(u).host` is fine). */
function isUrlValue(value: ts.Expression): boolean {
  const expression = skipOuterExpressions(value);
  if (ts.isPropertyAccessExpression(expression)) {
    // `req.route.path` is the route template, not the requested path
    const owner = skipOuterExpressions(expression.expression);
    if (ts.isPropertyAccessExpression(owner) ? owner.name.text === 'route' : ts.isIdentifier(owner) && owner.text === 'route') return false;
    return isUrlLikeName(expression.name.text) || expression.name.text === 'originalUrl';
  }
  if (ts.isIdentifier(expression)) return isUrlLikeName(expression.text);
  if (ts.isStringLiteralLike(expression)) return /^[a-z]+:\/\//i.test(expression.text);
  return false;
}

/** Flows with one key reach the callers alike: the same parameter part into the same kind of sink. */
function getFlowKey(flow: ParameterSinkFlow): string {
  const index = flow.taint.origin.type === 'parameter' ? flow.taint.origin.index : -1;
  const redaction = flow.redaction === undefined ? '' : `${flow.redaction.at.join('.')}:${flow.redaction.paths.map((path) => path.join('.')).join(',')}`;
  // an anchored flow is reported at its own statement: each statement is a finding of its own
  const anchor = flow.anchored === true ? `|@${flow.carrier.node.getSourceFile().fileName}:${flow.carrier.node.pos}` : '';
  return `${index}|${flow.taint.read.join('.')}|${flow.sink.kind}|${flow.sink.module}|${redaction}${anchor}`;
}

/** TypeORM's relation decorators: the property holds another entity, stored in its own table. */
const TYPEORM_RELATIONS: ReadonlySet<string> = new Set(['OneToOne', 'ManyToOne', 'OneToMany', 'ManyToMany']);

/** A file that starts with the `'use client'` directive (React Server Components): it runs in the browser. */
function isClientComponent(file: ts.SourceFile): boolean {
  for (const statement of file.statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) return false;
    if (statement.expression.text === 'use client') return true;
  }
  return false;
}

/** An object, or a value that may be one (unknown, a union with an object). */
function mayBeObject(type: ts.Type): boolean {
  if (type.isUnion()) return type.types.some(mayBeObject);
  return (type.flags & (TypeFlags.Object | TypeFlags.NonPrimitive | TypeFlags.Any | TypeFlags.Unknown | TypeFlags.TypeParameter)) !== 0;
}

/** Whether the logger's redaction masks the classified part of a logged value. */
function isRedactedBy(redaction: Redaction | undefined, taint: Taint): boolean {
  return redaction !== undefined && isRedacted([...redaction.at, ...taint.path], redaction.paths);
}

/** Whether a dimension is allow-listed, under its own name or a namespaced one (`langfuse.org.id` as `org.id`). */
function isAllowedDimension(name: string, allowed: ReadonlySet<string>): boolean {
  if (allowed.has(normalizeDimensionName(name))) return true;
  const segments = name.split('.');
  for (let start = 1; start < segments.length - 1; start++) if (allowed.has(normalizeDimensionName(segments.slice(start).join('.')))) return true;
  return false;
}

/**
 * `stripe.customer_id` set from `org.cloudConfig.stripe.customerId` (directly or through a
 * constant): an id read off the tenant's own record is the tenant's billing account, which
 * telemetry may carry, not a person's id.
 */
function isTenantRecordId(value: ts.Expression, facade: CheckerFacade): boolean {
  const chain = getPropertyChain(resolveConstInitializer(skipOuterExpressions(value), facade));
  if (chain === undefined || chain.length < 2) return false;
  const field = splitNameIntoWords(chain[chain.length - 1] ?? '');
  const head = field[field.length - 1];
  const owners = chain.slice(0, -1);
  // `team.members.userId` is still a person's
  return (head === 'id' || head === 'uuid') && owners.some(isTenantRecordName) && !owners.some((owner) => isCustomerRecordName(owner) || isCustomerRecordName(owner.replace(/s$/, '')));
}

/** `` `path:${new URL(endpoint.url).pathname}` `` as a StatsD tag: a URL or path computed per call. */
function isComputedUrlTag(dimension: Dimension): boolean {
  return dimension.name !== undefined && isUrlLikeName(dimension.name) && ts.isTemplateExpression(skipOuterExpressions(dimension.carrier as ts.Expression));
}

/** OpenTelemetry attribute names about the end user or the full URL they requested (`enduser.id`, `url.full`). */
function isPersonalDimensionName(name: string): boolean {
  const lower = name.toLowerCase();
  return /^(http\.url|http\.target|url\.(full|query|path))$/.test(lower) || /^(enduser|user|customer|client\.address)(\.|$)/.test(lower) || /\.(header|headers)\./.test(lower);
}

function isSensitiveInference(inferred: { readonly level: import('../policy/types.js').Level } | undefined): boolean {
  return inferred !== undefined && levelRank(inferred.level) >= levelRank('confidential');
}

function strongest<T extends { readonly level: import('../policy/types.js').Level }>(parts: readonly T[]): T | undefined {
  return [...parts].sort((a, b) => levelRank(b.level) - levelRank(a.level))[0];
}

/** `user.email`, `email`, `user['email']`: the value itself, not something computed from it. */
function isPlainRead(expression: ts.Expression): boolean {
  return ts.isIdentifier(expression) || ts.isPropertyAccessExpression(expression) || ts.isElementAccessExpression(expression);
}

function isNullish(expression: ts.Expression): boolean {
  return expression.kind === SyntaxKind.NullKeyword || (ts.isIdentifier(expression) && expression.text === 'undefined');
}

/** Names of functions and methods whose JSDoc declares them `@sink`, for the call pre-filter. */
function describeFunction(fn: ts.SignatureDeclaration): string {
  return getFunctionName(fn) ?? 'function';
}

