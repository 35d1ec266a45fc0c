/**
 * Sinks and sanitizers: decides whether a call or an assignment sends data somewhere the policy
 * cares about. Catalog and config entries address library APIs by member chain; each is resolved
 * once per Program through the checker to the declarations it names, and a call matches when its
 * callee's symbol shares a declaration with an entry — so aliases, wrappers, subclasses and
 * inherited methods match, and look-alikes with the same name do not. Untyped modules fall back
 * to the syntactic chain from the import. `@sink` / `@declassify` JSDoc tags declare sinks and
 * sanitizers in the project's own code.
 */
import path from 'node:path';
import ts from 'typescript';
import type { ApiAddress, DimensionSpec, LiteralCondition, SanitizerEntry, SinkEntry, SinkKind } from '../policy/types.js';
import { SINK_KINDS } from '../policy/types.js';
import type { CheckerFacade } from './checker.js';
import { getCalleeName, indexRenamedImports, memoizePerFile, skipOuterExpressions } from './file-index.js';
import { getTargets, isAbstractMember } from './call-sites.js';
import { SyntaxKind, SymbolFlags, NodeFlags, SignatureKind, TypeFlags } from './typescript-api.js';

export interface SinkMatch {
  readonly kind: SinkKind;
  /** the callee as written: `logger.info`, `localStorage.setItem` */
  readonly callee: string;
  readonly module: string;
  readonly reason: string;
  /** the expressions that carry data into the sink */
  readonly dataArguments: readonly ts.Expression[];
  /** where dimension names and values are passed (telemetry); each spec applies where the arguments fit it */
  readonly dimensions?: readonly DimensionSpec[];
  /** `processor` sinks: the data kinds the vendor may receive */
  readonly allowedKinds?: readonly string[];
  /** recognised by its shape (a logger-like receiver), not by a catalog, config or JSDoc entry */
  readonly inferred?: boolean;
}

/** Methods a logger writes a line with. */
const LOG_METHOD_NAMES: ReadonlySet<string> = new Set(['trace', 'debug', 'info', 'log', 'warn', 'warning', 'error', 'fatal', 'critical', 'notice', 'verbose']);
/** `logger`, `log`, `this.logger`, `logger()`, `requestLogger`, `pino_logger` */
const LOGGER_NAME = /^_?(?:log|logger|[A-Za-z0-9_$]*Logger|[a-z0-9_$]*_logger)$/;
/** a receiver typed by a logger interface or class: `Logger`, `LoggerService`, `FastifyBaseLogger` */
const LOGGER_TYPE_NAME = /Logger(?:Service)?$/;

/** The name a receiver goes by: `logger`, `this.logger` → `logger`, `getLogger()` → `getLogger`. */
function getReceiverName(receiver: ts.Expression): string | undefined {
  const inner = skipOuterExpressions(receiver);
  if (ts.isIdentifier(inner)) return inner.text;
  if (ts.isPropertyAccessExpression(inner)) return inner.name.text;
  if (ts.isCallExpression(inner)) return getReceiverName(inner.expression);
  return undefined;
}

/**
 * `error: pinoLogger.error.bind(pinoLogger)`: a property holding a bound copy of another logger's
 * method, which the engine has no body to follow into. Other members of the project's own code
 * are analysed as code (a wrapper's body, an interface's implementations).
 */
function isBoundCopy(declaration: ts.Declaration): boolean {
  if (!ts.isPropertyAssignment(declaration) && !ts.isVariableDeclaration(declaration) && !ts.isPropertyDeclaration(declaration)) return false;
  const initializer = declaration.initializer === undefined ? undefined : skipOuterExpressions(declaration.initializer);
  return initializer !== undefined && ts.isCallExpression(initializer) && getCalleeName(initializer.expression) === 'bind';
}

/** A name the project does not declare itself (`console`, `fetch`): a global of the platform's or a library's typings. */
export function isDeclaredOnlyInTypings(name: ts.Node, facade: CheckerFacade): boolean {
  const declarations = facade.getSymbol(name)?.declarations ?? [];
  return declarations.length === 0 || declarations.every((declaration) => declaration.getSourceFile().isDeclarationFile);
}

/** `/x/node_modules/@scope/pkg/dist/index.d.ts` → `@scope/pkg` */
export function getPackageName(fileName: string): string | undefined {
  const match = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/](?!.*[\\/]node_modules[\\/])/.exec(fileName);
  return match?.[1]?.replace(/\\/g, '/');
}

type AddressedEntry = ApiAddress & { readonly access?: 'call' | 'assign' };

const GLOBAL_PREFIXES = ['window.', 'globalThis.', 'self.', 'global.'];

export class SinkResolver {
  private readonly sinksByMember = new Map<string, SinkEntry[]>();
  private readonly sanitizersByMember = new Map<string, SanitizerEntry[]>();
  private readonly assignSinks: SinkEntry[] = [];
  /** whether a file's text has a `@declassify` tag at all: reading a declaration's JSDoc is not free, and few files have one */
  private readonly mentionsDeclassify = memoizePerFile((file) => file.text.includes('@declassify'));
  private readonly resolvedDeclarations = new Map<AddressedEntry, ReadonlySet<ts.Node>>();
  private readonly importedModulesByFile = new Map<ts.SourceFile, ReadonlySet<string>>();
  /** a package can resolve to several module symbols (CommonJS and ESM declarations) */
  private readonly moduleSymbols = new Map<string, Set<ts.Symbol>>();
  private importSpecifiers: Map<string, ts.StringLiteral[]> | undefined;
  private packageImportSpecifiers: Map<string, ts.StringLiteral[]> | undefined;
  /** local names of renamed imports of sink members (`import { setUser as sentrySetUser }`) */
  private renamedSinkImports: Set<string> | undefined;
  /** see mayBeJsDocSink (built on first need) */
  private jsDocSinkNames: ReadonlySet<string> | undefined;
  private globalSymbols: Map<string, ts.Symbol> | undefined;

  constructor(
    private readonly facade: CheckerFacade,
    sinks: readonly SinkEntry[],
    sanitizers: readonly SanitizerEntry[],
    private readonly isProjectFile: (file: ts.SourceFile) => boolean,
    /** the folder of the project's tsconfig: relative config modules and `@sink` paths are relative to it */
    private readonly projectRoot: string = facade.program.getCurrentDirectory(),
  ) {
    for (const entry of sinks) {
      if (entry.access === 'assign') this.assignSinks.push(entry);
      else appendTo(this.sinksByMember, lastSegment(entry), entry);
    }
    for (const entry of sanitizers) appendTo(this.sanitizersByMember, lastSegment(entry), entry);
  }

  /** Whether some sink or sanitizer is called through this member name (a cheap pre-filter). */
  hasCandidates(memberName: string): boolean {
    return this.sinksByMember.has(memberName) || this.sanitizersByMember.has(memberName) || this.getRenamedSinkImports().has(memberName);
  }

  /** The catalog/config/JSDoc sink a call reaches, if any. */
  getSinkForCall(call: ts.CallExpression | ts.NewExpression): SinkMatch | undefined {
    const memberName = getCalleeName(call.expression);
    if (memberName === undefined) return undefined;
    const candidates = this.sinksByMember.get(memberName) ?? this.getCandidatesOfRenamedImport(call.expression);
    if (candidates !== undefined) {
      const entries = preferImportedModule(preferProcessors(this.findMatchingEntries(call.expression, candidates).filter((candidate) => conditionHolds(candidate.when, call, this.facade))), call.expression, this.facade);
      const entry = entries[0];
      if (entry !== undefined) {
        const dimensions = entries.flatMap((candidate) => (candidate.kind === entry.kind && candidate.dimensions !== undefined ? [candidate.dimensions] : []));
        return {
          kind: entry.kind,
          callee: describeCallee(call.expression),
          module: entry.library ?? ('module' in entry ? entry.module : 'global'),
          reason: 'module' in entry ? `catalog: ${entry.module} ${entry.path}` : `catalog: global ${entry.global}`,
          dataArguments: selectArguments(call, entry.args),
          ...(dimensions.length === 0 ? {} : { dimensions }),
          ...(entry.kind === 'processor' ? { allowedKinds: entry.kinds ?? [] } : {}),
        };
      }
    }
    return this.mayBeJsDocSink(memberName) ? this.getJsDocSink(call) : undefined;
  }

  /**
   * Whether a call by this name can reach a function tagged `@sink`: the names the project's
   * tagged declarations have, and the local names they are imported under.
   */
  mayBeJsDocSink(name: string): boolean {
    if (this.jsDocSinkNames === undefined) {
      const files = this.facade.program.getSourceFiles().filter((file) => this.isProjectFile(file) && !file.isDeclarationFile);
      const tagged = collectJsDocSinkNames(files);
      const names = new Set(tagged.names);
      for (const [exported, locals] of indexRenamedImports(files)) {
        if (tagged.names.has(exported) || (exported === 'default' && tagged.hasDefaultExport)) for (const local of locals) names.add(local);
      }
      this.jsDocSinkNames = names;
    }
    return this.jsDocSinkNames.has(name);
  }

  /**
   * `const end = histogram.startTimer(); end({ route })`: calling the function a telemetry sink
   * returned emits its argument's labels too.
   */
  getSinkForReturnedFunctionCall(call: ts.CallExpression | ts.NewExpression): SinkMatch | undefined {
    const callee = skipOuterExpressions(call.expression);
    if (!ts.isIdentifier(callee) || !ts.isCallExpression(call)) return undefined;
    const initializer = resolveConstInitializer(callee, this.facade);
    if (initializer === callee || !ts.isCallExpression(initializer)) return undefined;
    const producer = this.getSinkForCall(initializer);
    if (producer === undefined || producer.kind !== 'telemetry') return undefined;
    return {
      ...producer,
      callee: `${callee.text} (from ${producer.callee})`,
      dataArguments: [...call.arguments],
      dimensions: [{ shape: 'object', arg: 0 }],
    };
  }

  /** The sink an assignment writes to (`document.cookie = v`, `localStorage.key = v`), if any. */
  getSinkForAssignment(assignment: ts.BinaryExpression): SinkMatch | undefined {
    const target = skipOuterExpressions(assignment.left);
    if (!ts.isPropertyAccessExpression(target) && !ts.isElementAccessExpression(target)) return undefined;
    const entries = this.assignSinks.filter((entry) => this.assignmentMatches(target, entry));
    const entry = preferWrittenGlobal(entries, (global) => (global.endsWith('.*') ? this.matchesGlobalChain(target.expression, global.slice(0, -2)) : this.matchesGlobalChain(target, global)))[0];
    if (entry === undefined) return undefined;
    return {
      kind: entry.kind,
      callee: describeCallee(target),
      module: 'module' in entry ? entry.module : 'global',
      reason: 'module' in entry ? `catalog: ${entry.module} ${entry.path}` : `catalog: global ${entry.global}`,
      dataArguments: [assignment.right],
    };
  }

  /** Whether calling this callee returns declassified data (catalog, config or `@declassify`). */
  isSanitizerCall(call: ts.CallExpression): boolean {
    const memberName = getCalleeName(call.expression);
    if (memberName === undefined) return false;
    const candidates = this.sanitizersByMember.get(memberName);
    if (candidates !== undefined && this.findMatchingEntries(call.expression, candidates).length > 0) return true;
    const declaration = this.getCalleeDeclaration(call.expression);
    return declaration !== undefined && this.mentionsDeclassify(declaration.getSourceFile()) && ts.getJSDocTags(declaration).some((tag) => tag.tagName.text === 'declassify');
  }

  /**
   * `console[level](body)`: whichever method a computed member names, the console writes it out
   * (the catalog lists `console.*` by name, which a computed member has none of).
   */
  getSinkForComputedConsoleCall(call: ts.CallExpression | ts.NewExpression): SinkMatch | undefined {
    if (!ts.isCallExpression(call)) return undefined;
    const callee = skipOuterExpressions(call.expression);
    if (!ts.isElementAccessExpression(callee) || ts.isStringLiteralLike(callee.argumentExpression)) return undefined;
    const receiver = skipOuterExpressions(callee.expression);
    if (!ts.isIdentifier(receiver) || receiver.text !== 'console' || !isDeclaredOnlyInTypings(receiver, this.facade)) return undefined;
    return {
      kind: 'log',
      callee: `console[${callee.argumentExpression.getText()}]`,
      module: 'console',
      reason: 'catalog: global console.* (a computed member: every console method writes its arguments out)',
      dataArguments: [...call.arguments],
    };
  }

  /**
   * Why a call that no sink matched still looks like logging, for `--explain-unresolved`: a
   * logger's method declared by an interface no class of the program implements, or a log-named
   * method on a value whose type did not resolve (`any` from an import that did not resolve).
   * Undefined for anything else, and for a project function the analysis follows into.
   */
  explainUnresolvedLogCall(call: ts.CallExpression | ts.NewExpression, getClassMembers: (name: string) => readonly ts.ClassElement[]): string | undefined {
    if (!ts.isCallExpression(call)) return undefined;
    const callee = skipOuterExpressions(call.expression);
    if (!ts.isPropertyAccessExpression(callee) || !LOG_METHOD_NAMES.has(callee.name.text)) return undefined;
    const receiverType = this.facade.getTypeOfNode(callee.expression);
    if ((receiverType.flags & TypeFlags.Any) !== 0) return `${describeCallee(callee.expression)} has type any (an import that did not resolve, or an untyped value): its ${callee.name.text} cannot be told from a logger's`;
    const receiver = getReceiverName(callee.expression);
    const typeName = receiverType.getSymbol()?.getName();
    if (!(receiver !== undefined && LOGGER_NAME.test(receiver)) && !(typeName !== undefined && LOGGER_TYPE_NAME.test(typeName))) return undefined;
    const declaration = this.getCalleeDeclaration(callee);
    if (declaration === undefined || declaration.getSourceFile().isDeclarationFile || !this.isProjectFile(declaration.getSourceFile())) return undefined;
    if (!isAbstractMember(declaration)) return undefined;
    const implemented = getClassMembers(callee.name.text).some((member) => ts.isFunctionLike(member) && getTargets(member, this.facade).includes(declaration));
    if (implemented) return undefined;
    const file = declaration.getSourceFile();
    const line = file.getLineAndCharacterOfPosition(declaration.getStart(file)).line + 1;
    return `${callee.name.text} is declared by an interface (${toProjectPath(this.projectRoot, file.fileName)}:${line}) that no class in the program implements; an object literal implementing it is followed only where it is typed by that interface`;
  }

  /**
   * `logger.info(...)` on a logger no catalog entry resolves: a framework's logger injected by its
   * interface, a workspace package's logger consumed built (`error: pino.error.bind(pino)` behind a
   * `.d.ts`), an SDK the catalog lacks. The receiver must be named or typed like a logger, and the
   * method must have no body the engine follows instead (a project wrapper is analysed as code).
   */
  getInferredLoggerSink(call: ts.CallExpression | ts.NewExpression): SinkMatch | undefined {
    if (!ts.isCallExpression(call)) return undefined;
    const callee = skipOuterExpressions(call.expression);
    if (!ts.isPropertyAccessExpression(callee) || !LOG_METHOD_NAMES.has(callee.name.text)) return undefined;
    const receiver = getReceiverName(callee.expression);
    const named = receiver !== undefined && LOGGER_NAME.test(receiver);
    // the name first: asking the checker for the receiver's type is the expensive part
    const typeName = named ? undefined : this.facade.getTypeOfNode(callee.expression).getSymbol()?.getName();
    if (!named && !(typeName !== undefined && LOGGER_TYPE_NAME.test(typeName))) return undefined;
    const declaration = this.getCalleeDeclaration(callee);
    if (declaration !== undefined && !declaration.getSourceFile().isDeclarationFile && !isBoundCopy(declaration)) return undefined;
    const file = declaration?.getSourceFile();
    return {
      kind: 'log',
      callee: describeCallee(callee),
      module: file === undefined ? 'unresolved' : getPackageName(file.fileName) ?? toProjectPath(this.projectRoot, file.fileName),
      reason: `inferred: ${receiver ?? typeName ?? 'the receiver'} is a logger no catalog entry resolves`,
      dataArguments: [...call.arguments],
      inferred: true,
    };
  }

  /** The declaration a callee refers to (function, method, or variable holding a function). */
  getCalleeDeclaration(callee: ts.Expression): ts.Declaration | undefined {
    const target = skipOuterExpressions(callee);
    const symbol = this.facade.getCalleeSymbol(getCalleeNameNode(target));
    return symbol?.valueDeclaration ?? symbol?.declarations?.[0];
  }

  private getJsDocSink(call: ts.CallExpression | ts.NewExpression): SinkMatch | undefined {
    const declaration = this.getCalleeDeclaration(call.expression);
    if (declaration === undefined) return undefined;
    const tag = ts.getJSDocTags(declaration).find((candidate) => candidate.tagName.text === 'sink');
    if (tag === undefined) return undefined;
    const words = (ts.getTextOfJSDocComment(tag.comment) ?? '').trim().split(/\s+/);
    // a processor is declared with the kinds it may receive, which a tag has no place for (config `processors`)
    const kind = SINK_KINDS.find((candidate) => candidate === words[0] && candidate !== 'processor');
    if (kind === undefined) return undefined;
    const parameterNames = words.slice(1);
    const parameters = getParameters(declaration);
    const indexes = parameterNames.length === 0 ? undefined : parameters.flatMap((parameter, index) => (ts.isIdentifier(parameter.name) && parameterNames.includes(parameter.name.text) ? [index] : []));
    const file = declaration.getSourceFile();
    const line = file.getLineAndCharacterOfPosition(declaration.getStart(file)).line + 1;
    return {
      kind,
      callee: describeCallee(call.expression),
      module: toProjectPath(this.projectRoot, file.fileName),
      reason: `@sink ${kind} at ${toProjectPath(this.projectRoot, file.fileName)}:${line}`,
      dataArguments: selectArguments(call, indexes),
    };
  }

  private findMatchingEntries<E extends AddressedEntry>(callee: ts.Expression, allCandidates: readonly E[]): E[] {
    // resolving the callee is the cost; `x.get()` and `repo.create()` whose only candidates are
    // packages the program does not contain cannot match, whatever `x` is
    const candidates = allCandidates.filter((entry) => this.isReachable(entry, callee.getSourceFile()));
    if (candidates.length === 0) return [];
    const target = skipOuterExpressions(callee);
    const symbol = this.facade.getCalleeSymbol(getCalleeNameNode(target));
    const declarations = symbol?.declarations ?? [];
    const fromProject = declarations.some((declaration) => this.isProjectFile(declaration.getSourceFile()));
    const matches = candidates.filter((entry) => {
      if ('global' in entry) {
        if (this.matchesGlobalChain(target, entry.global)) return true;
        if (fromProject || !sharesDeclaration(declarations, this.resolveEntry(entry))) return false;
        // a default-lib member belongs to the global's own type (Storage#setItem); a member of a
        // shared class (net.Socket#write behind process.stdout.write) counts on that global only
        return this.isDefaultLibEntry(entry) || this.hasGlobalReceiver(target, entry.global);
      }
      // exact declarations: a config entry may address the project's own modules too
      if (declarations.length > 0) return sharesDeclaration(declarations, this.resolveEntry(entry));
      return this.matchesImportChain(target, entry);
    });
    return preferWrittenGlobal(matches, (global) => this.matchesGlobalChain(target, global));
  }

  /**
   * Whether an entry can match a call in `file` at all: a global's by its written chain; a
   * module's through its declarations in the program, or (a module without types) through an
   * import of it in `file` itself, the only place its import chain can start.
   */
  private isReachable(entry: AddressedEntry, file: ts.SourceFile): boolean {
    return 'global' in entry || this.resolveEntry(entry).size > 0 || this.getImportedModules(file).has(normalizeModuleName(entry.module));
  }

  private getImportedModules(file: ts.SourceFile): ReadonlySet<string> {
    let modules = this.importedModulesByFile.get(file);
    if (modules === undefined) {
      modules = new Set(getModuleSpecifiers(file).map((specifier) => normalizeModuleName(specifier.text)));
      this.importedModulesByFile.set(file, modules);
    }
    return modules;
  }

  private assignmentMatches(target: ts.PropertyAccessExpression | ts.ElementAccessExpression, entry: SinkEntry): boolean {
    if (!('global' in entry)) {
      return ts.isPropertyAccessExpression(target) && sharesDeclaration(this.facade.getSymbol(target.name)?.declarations ?? [], this.resolveEntry(entry));
    }
    if (entry.global.endsWith('.*')) {
      const objectPath = entry.global.slice(0, -2);
      if (this.matchesGlobalChain(target.expression, objectPath)) return true;
      const objectDeclarations = this.facade.getTypeOfNode(target.expression).getSymbol()?.declarations ?? [];
      const globalType = this.resolveGlobalType(objectPath);
      return globalType !== undefined && sharesDeclaration(objectDeclarations, new Set(globalType.getSymbol()?.declarations ?? []));
    }
    if (this.matchesGlobalChain(target, entry.global)) return true;
    return ts.isPropertyAccessExpression(target) && this.isDefaultLibEntry(entry) && sharesDeclaration(this.facade.getSymbol(target.name)?.declarations ?? [], this.resolveEntry(entry));
  }

  /** `console.log`, `window.localStorage.setItem`: written as the global chain, not shadowed. */
  private matchesGlobalChain(expression: ts.Expression, globalPath: string): boolean {
    const chain = getPropertyChain(expression);
    if (chain === undefined) return false;
    let text = chain.join('.');
    for (const prefix of GLOBAL_PREFIXES) if (text.startsWith(prefix)) text = text.slice(prefix.length);
    if (text !== globalPath) return false;
    const root = getChainRoot(expression);
    const rootDeclarations = root === undefined ? [] : (this.facade.getSymbol(root)?.declarations ?? []);
    return rootDeclarations.length === 0 || rootDeclarations.every((declaration) => !this.isProjectFile(declaration.getSourceFile()) || declaration.getSourceFile().isDeclarationFile);
  }

  /** `const out = process.stdout; out.write(...)`: the receiver has the global object's own type. */
  private hasGlobalReceiver(callee: ts.Expression, globalPath: string): boolean {
    if (!ts.isPropertyAccessExpression(callee) && !ts.isElementAccessExpression(callee)) return false;
    const objectPath = globalPath.split('.').slice(0, -1).join('.');
    const globalType = objectPath === '' ? undefined : this.resolveGlobalType(objectPath);
    return globalType !== undefined && this.facade.getNonNullableType(this.facade.getTypeOfNode(callee.expression)) === globalType;
  }

  /** Untyped modules: the chain from the import (`import { PostHog } from 'posthog-node'`). */
  private matchesImportChain(callee: ts.Expression, entry: { readonly module: string; readonly path: string }): boolean {
    const chain = getImportChain(callee, this.facade, 0);
    return chain !== undefined && chain.module === entry.module && chain.path === entry.path;
  }

  private isDefaultLibEntry(entry: AddressedEntry): boolean {
    for (const declaration of this.resolveEntry(entry)) {
      if (this.facade.program.isSourceFileDefaultLibrary(declaration.getSourceFile())) return true;
    }
    return false;
  }

  private resolveEntry(entry: AddressedEntry): ReadonlySet<ts.Node> {
    const cached = this.resolvedDeclarations.get(entry);
    if (cached !== undefined) return cached;
    const declarations = new Set<ts.Node>();
    const segments = ('module' in entry ? entry.path : entry.global).split('.').filter((segment) => segment !== '*' && segment !== '');
    let current: ts.Symbol[] = [];
    if ('module' in entry) {
      current = [...this.getModuleSymbols(entry.module)];
    } else {
      const root = segments.shift();
      const global = root === undefined ? undefined : this.getGlobalSymbol(root);
      if (global !== undefined) current = [global];
    }
    for (const segment of segments) {
      current = dedupeSymbols(current.flatMap((symbol) => this.lookUpSegment(symbol, segment)));
      if (current.length === 0) break;
    }
    for (const symbol of current) for (const declaration of symbol.declarations ?? []) declarations.add(declaration);
    this.resolvedDeclarations.set(entry, declarations);
    return declarations;
  }

  private resolveGlobalType(path: string): ts.Type | undefined {
    const [root, ...rest] = path.split('.');
    let symbol = root === undefined ? undefined : this.getGlobalSymbol(root);
    for (const segment of rest) {
      if (symbol === undefined) return undefined;
      symbol = this.lookUpSegment(symbol, segment)[0];
    }
    return symbol === undefined ? undefined : this.facade.getNonNullableType(this.facade.getTypeOfSymbol(symbol));
  }

  /** One step of an entry's member chain, following the addressing rules of the catalog. */
  private lookUpSegment(symbol: ts.Symbol, segment: string): ts.Symbol[] {
    const found: ts.Symbol[] = [];
    const isModule = (symbol.flags & (SymbolFlags.ValueModule | SymbolFlags.NamespaceModule)) !== 0;
    if (segment === 'default' && isModule) {
      const exportEquals = this.facade.getExportEqualsSymbol(symbol);
      if (exportEquals !== undefined) found.push(exportEquals);
    }
    if (isModule) {
      const exported = safe(() => this.facade.getExportsOfModule(symbol), []).find((candidate) => candidate.getName() === segment);
      if (exported !== undefined) found.push(this.facade.resolveAlias(exported));
    }
    const types: ts.Type[] = [];
    if ((symbol.flags & SymbolFlags.Value) !== 0) types.push(this.facade.getNonNullableType(this.facade.getTypeOfSymbol(symbol)));
    if ((symbol.flags & (SymbolFlags.Class | SymbolFlags.Interface | SymbolFlags.TypeAlias)) !== 0) types.push(this.facade.getDeclaredTypeOfSymbol(symbol));
    for (const type of types) {
      const property = this.facade.getPropertyOfType(type, segment);
      if (property !== undefined) found.push(property);
    }
    if (found.length === 0) {
      for (const type of types) {
        for (const kind of [SignatureKind.Call, SignatureKind.Construct]) {
          for (const signature of this.facade.getSignatures(type, kind)) {
            const returned = this.facade.getNonNullableType(this.facade.getReturnTypeOfSignature(signature));
            const property = this.facade.getPropertyOfType(returned, segment);
            if (property !== undefined) found.push(property);
          }
        }
      }
    }
    return found;
  }

  private getModuleSymbols(moduleName: string): ReadonlySet<ts.Symbol> {
    const normalized = normalizeModuleName(moduleName);
    // `./src/privacy` in a config (relative to the config file, made absolute when it was read; from
    // ESLint settings, to the tsconfig's folder) or a `paths` alias (`@/lib/privacy`): the project
    // module at that path, however each file imports it
    const file = normalized.startsWith('.') || path.isAbsolute(normalized) ? path.resolve(this.projectRoot, normalized) : this.resolveProjectAlias(normalized);
    if (file === undefined) return this.resolveImportsOf(normalized);
    const target = file.replace(/(\.d)?\.[cm]?[jt]sx?$/, '');
    const matches = new Set<ts.Symbol>();
    // a project module nothing imports is still addressable through its source file
    for (const extension of ['.ts', '.tsx', '.mts', '.cts', '/index.ts']) {
      const file = this.facade.program.getSourceFile(target + extension);
      const symbol = file === undefined ? undefined : this.facade.getSourceFileModuleSymbol(file);
      if (symbol !== undefined) matches.add(symbol);
    }
    for (const name of this.getImportSpecifiers().keys()) {
      for (const symbol of this.resolveImportsOf(name)) {
        const fileName = symbol.valueDeclaration?.getSourceFile().fileName.replace(/(\.d)?\.[cm]?[jt]sx?$/, '');
        if (fileName === target || fileName === path.join(target, 'index')) matches.add(symbol);
      }
    }
    return matches;
  }

  /** The project file a `paths` alias names (`@/lib/logger` → `<root>/src/lib/logger.ts`); undefined for a package. */
  private resolveProjectAlias(name: string): string | undefined {
    const options = this.facade.program.getCompilerOptions();
    if (options.paths === undefined && options.baseUrl === undefined) return undefined;
    const resolved = ts.resolveModuleName(name, path.join(this.projectRoot, '__classified_config__.ts'), options, ts.sys).resolvedModule;
    return resolved === undefined || resolved.isExternalLibraryImport === true ? undefined : resolved.resolvedFileName;
  }

  /** The module symbols the project's imports of `name` resolve to (resolved on first use: most imports are not of catalog modules). */
  private resolveImportsOf(name: string): ReadonlySet<ts.Symbol> {
    let symbols = this.moduleSymbols.get(name);
    if (symbols === undefined) {
      symbols = new Set();
      // a types package the project never imports is still what its SDK hands out (`@posthog/types`'
      // `PostHog` in posthog-js's `loaded` callback): reached through the packages' own imports
      const specifiers = this.getImportSpecifiers().get(name) ?? this.getPackageImportSpecifiers().get(name) ?? [];
      for (const specifier of specifiers) {
        const moduleSymbol = this.facade.getModuleSymbol(specifier);
        if (moduleSymbol !== undefined) symbols.add(moduleSymbol);
      }
      this.moduleSymbols.set(name, symbols);
    }
    return symbols;
  }

  /** The module specifiers of the installed packages' declaration files, by module name. */
  private getPackageImportSpecifiers(): ReadonlyMap<string, readonly ts.StringLiteral[]> {
    const { program } = this.facade;
    this.packageImportSpecifiers ??= groupModuleSpecifiers(program.getSourceFiles().filter((file) => file.isDeclarationFile && !this.isProjectFile(file) && !program.isSourceFileDefaultLibrary(file)));
    return this.packageImportSpecifiers;
  }

  /** `sentrySetUser(...)` after `import { setUser as sentrySetUser }`: the entries named by the imported name. */
  private getCandidatesOfRenamedImport(callee: ts.Expression): SinkEntry[] | undefined {
    const target = skipOuterExpressions(callee);
    if (!ts.isIdentifier(target) || !this.getRenamedSinkImports().has(target.text)) return undefined;
    const declaration = this.facade.getSymbolAsWritten(target)?.declarations?.[0];
    if (declaration === undefined || !ts.isImportSpecifier(declaration) || declaration.propertyName === undefined) return undefined;
    return this.sinksByMember.get(declaration.propertyName.text);
  }

  /** The local names the project's files give sink members they import renamed (a cheap pre-filter). */
  private getRenamedSinkImports(): ReadonlySet<string> {
    if (this.renamedSinkImports === undefined) {
      const names = new Set<string>();
      for (const [exported, locals] of indexRenamedImports(this.facade.program.getSourceFiles().filter((file) => this.isProjectFile(file)))) {
        if (this.sinksByMember.has(exported)) for (const local of locals) names.add(local);
      }
      this.renamedSinkImports = names;
    }
    return this.renamedSinkImports;
  }

  /** The module specifiers of the project's imports, by module name. */
  private getImportSpecifiers(): ReadonlyMap<string, readonly ts.StringLiteral[]> {
    this.importSpecifiers ??= groupModuleSpecifiers(this.facade.program.getSourceFiles().filter((file) => this.isProjectFile(file)));
    return this.importSpecifiers;
  }

  private getGlobalSymbol(name: string): ts.Symbol | undefined {
    if (this.globalSymbols === undefined) {
      this.globalSymbols = new Map();
      const anchor = this.facade.program.getSourceFiles().find((file) => this.isProjectFile(file));
      if (anchor !== undefined) {
        for (const symbol of this.facade.getGlobalValueSymbols(anchor)) {
          const declarations = symbol.declarations ?? [];
          if (declarations.length > 0 && declarations.every((declaration) => declaration.getSourceFile().isDeclarationFile)) {
            this.globalSymbols.set(symbol.getName(), symbol);
          }
        }
      }
    }
    return this.globalSymbols.get(name);
  }
}

/** `logger.info`, `this.analytics.track`, `localStorage.setItem` — how a callee reads in messages. */
export function describeCallee(expression: ts.Expression): string {
  const chain = getPropertyChain(skipOuterExpressions(expression));
  if (chain !== undefined) return chain.join('.');
  const text = expression.getText();
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** `['window', 'localStorage', 'setItem']` for `window.localStorage.setItem`; undefined when not a plain chain. */
export function getPropertyChain(expression: ts.Expression): string[] | undefined {
  const parts: string[] = [];
  let current = skipOuterExpressions(expression);
  for (let depth = 0; depth < 32; depth++) {
    if (ts.isIdentifier(current)) {
      parts.unshift(current.text);
      return parts;
    }
    if (current.kind === SyntaxKind.ThisKeyword) {
      parts.unshift('this');
      return parts;
    }
    if (ts.isPropertyAccessExpression(current)) {
      parts.unshift(current.name.text);
      current = skipOuterExpressions(current.expression);
    } else if (ts.isElementAccessExpression(current) && ts.isStringLiteralLike(current.argumentExpression)) {
      parts.unshift(current.argumentExpression.text);
      current = skipOuterExpressions(current.expression);
    } else if (ts.isCallExpression(current)) {
      current = skipOuterExpressions(current.expression);
    } else {
      return undefined;
    }
  }
  return undefined;
}

/** The node naming the called member: `info` in `logger.info`, `'info'` in `logger['info']`. */
function getCalleeNameNode(callee: ts.Expression): ts.Node {
  if (ts.isPropertyAccessExpression(callee)) return callee.name;
  if (ts.isElementAccessExpression(callee) && ts.isStringLiteralLike(callee.argumentExpression)) return callee.argumentExpression;
  return callee;
}

function getChainRoot(expression: ts.Expression): ts.Identifier | undefined {
  let current = skipOuterExpressions(expression);
  while (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current) || ts.isCallExpression(current)) {
    current = skipOuterExpressions(current.expression);
  }
  return ts.isIdentifier(current) ? current : undefined;
}

/**
 * The import a callee chain starts from, as an entry path: `new PostHog(k).capture` in a file that
 * imports `{ PostHog }` from 'posthog-node' gives `{ module: 'posthog-node', path: 'PostHog.capture' }`.
 * Follows `const x = <chain>` initializers a few steps.
 */
function getImportChain(expression: ts.Expression, facade: CheckerFacade, depth: number): { module: string; path: string } | undefined {
  if (depth > 4) return undefined;
  const members: string[] = [];
  let current = skipOuterExpressions(expression);
  for (let steps = 0; steps < 16; steps++) {
    if (ts.isPropertyAccessExpression(current)) {
      members.unshift(current.name.text);
      current = skipOuterExpressions(current.expression);
    } else if (ts.isCallExpression(current) || ts.isNewExpression(current)) {
      current = skipOuterExpressions(current.expression);
    } else {
      break;
    }
  }
  if (!ts.isIdentifier(current)) return undefined;
  const symbol = facade.getSymbolAsWritten(current);
  const declaration = symbol?.declarations?.[0];
  if (declaration === undefined) return undefined;
  if (ts.isVariableDeclaration(declaration) && declaration.initializer !== undefined) {
    const inner = getImportChain(declaration.initializer, facade, depth + 1);
    return inner === undefined ? undefined : { module: inner.module, path: [inner.path, ...members].join('.') };
  }
  const imported = getImportedName(declaration);
  if (imported === undefined) return undefined;
  const path = [...(imported.name === undefined ? [] : [imported.name]), ...members].join('.');
  return { module: normalizeModuleName(imported.module), path };
}

function getImportedName(declaration: ts.Declaration): { module: string; name: string | undefined } | undefined {
  if (ts.isImportClause(declaration) && ts.isStringLiteral(declaration.parent.moduleSpecifier)) {
    return { module: declaration.parent.moduleSpecifier.text, name: 'default' };
  }
  if (ts.isNamespaceImport(declaration) && ts.isStringLiteral(declaration.parent.parent.moduleSpecifier)) {
    return { module: declaration.parent.parent.moduleSpecifier.text, name: undefined };
  }
  if (ts.isImportSpecifier(declaration) && ts.isStringLiteral(declaration.parent.parent.parent.moduleSpecifier)) {
    return { module: declaration.parent.parent.parent.moduleSpecifier.text, name: (declaration.propertyName ?? declaration.name).text };
  }
  if (ts.isImportEqualsDeclaration(declaration) && ts.isExternalModuleReference(declaration.moduleReference) && ts.isStringLiteral(declaration.moduleReference.expression)) {
    return { module: declaration.moduleReference.expression.text, name: 'default' };
  }
  return undefined;
}

/** The module specifiers of `files`, by module name (`node:fs` is `fs`). */
function groupModuleSpecifiers(files: readonly ts.SourceFile[]): Map<string, ts.StringLiteral[]> {
  const byName = new Map<string, ts.StringLiteral[]>();
  for (const file of files) {
    for (const specifier of getModuleSpecifiers(file)) {
      const name = normalizeModuleName(specifier.text);
      const list = byName.get(name);
      if (list === undefined) byName.set(name, [specifier]);
      else list.push(specifier);
    }
  }
  return byName;
}

function getModuleSpecifiers(file: ts.SourceFile): ts.StringLiteral[] {
  const specifiers: ts.StringLiteral[] = [];
  for (const statement of file.statements) {
    if ((ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier !== undefined && ts.isStringLiteral(statement.moduleSpecifier)) {
      specifiers.push(statement.moduleSpecifier);
    } else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference) && ts.isStringLiteral(statement.moduleReference.expression)) {
      specifiers.push(statement.moduleReference.expression);
    }
  }
  return specifiers;
}

function normalizeModuleName(name: string): string {
  return name.startsWith('node:') ? name.slice('node:'.length) : name;
}

function conditionHolds(condition: LiteralCondition | undefined, call: ts.CallExpression | ts.NewExpression, facade: CheckerFacade): boolean {
  if (condition === undefined) return true;
  let value: ts.Expression | undefined = call.arguments?.[condition.arg];
  for (const property of condition.property?.split('.') ?? []) {
    value = value === undefined ? undefined : getObjectProperty(value, property, facade);
  }
  if (condition.equals === undefined) return value !== undefined;
  const text = value === undefined ? undefined : getStaticString(value, facade);
  return text !== undefined && condition.equals.includes(text);
}

/** The initializer of `name` in an object literal (or a const bound to one). */
export function getObjectProperty(expression: ts.Expression, name: string, facade: CheckerFacade): ts.Expression | undefined {
  const object = resolveConstInitializer(skipOuterExpressions(expression), facade);
  if (!ts.isObjectLiteralExpression(object)) return undefined;
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && getPropertyNameText(property.name) === name) return property.initializer;
    if (ts.isShorthandPropertyAssignment(property) && property.name.text === name) return property.name;
  }
  return undefined;
}

/** The value of a string expression when it is known statically (literal, const, `as const`). */
export function getStaticString(expression: ts.Expression, facade: CheckerFacade): string | undefined {
  const resolved = resolveConstInitializer(skipOuterExpressions(expression), facade);
  if (ts.isStringLiteralLike(resolved)) return resolved.text;
  const type = facade.getTypeOfNode(resolved);
  return type.isStringLiteral() ? type.value : undefined;
}

/** The initializer of an object literal's property `name` (`{ cascade: true }` → `true`). */
export function getPropertyValue(object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && getPropertyNameText(property.name) === name) return property.initializer;
  }
  return undefined;
}

/** Follows an identifier to its `const` initializer (and `this.field` to the one value its class writes), a few steps at most. */
export function resolveConstInitializer(expression: ts.Expression, facade: CheckerFacade): ts.Expression {
  let current = expression;
  for (let steps = 0; steps < 4; steps++) {
    if (ts.isPropertyAccessExpression(current) && current.expression.kind === SyntaxKind.ThisKeyword) {
      const field = facade.getSymbol(current.name)?.valueDeclaration;
      const value = field !== undefined && ts.isPropertyDeclaration(field) ? getSingleFieldValue(field) : undefined;
      if (value === undefined) break;
      current = value;
      continue;
    }
    if (!ts.isIdentifier(current)) break;
    const declaration = facade.getSymbol(current)?.valueDeclaration;
    if (declaration === undefined || !ts.isVariableDeclaration(declaration) || declaration.initializer === undefined) break;
    if ((ts.getCombinedNodeFlags(declaration) & NodeFlags.Const) === 0) break;
    current = skipOuterExpressions(declaration.initializer);
  }
  return current;
}

/**
 * `private baseUrl = 'https://api.hubapi.com'`, or a field the constructor sets once: the value a
 * class field always holds, when the class writes it in exactly one place.
 */
function getSingleFieldValue(field: ts.PropertyDeclaration): ts.Expression | undefined {
  const name = getPropertyNameText(field.name);
  const owner = field.parent;
  if (name === undefined || !ts.isClassLike(owner)) return undefined;
  const writes: ts.Expression[] = field.initializer === undefined ? [] : [field.initializer];
  const visit = (node: ts.Node): void => {
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left) &&
      node.left.expression.kind === SyntaxKind.ThisKeyword &&
      node.left.name.text === name
    ) {
      writes.push(node.right);
    }
    ts.forEachChild(node, visit);
  };
  for (const member of owner.members) if (member !== field) visit(member);
  const only = writes.length === 1 ? skipOuterExpressions(writes[0] as ts.Expression) : undefined;
  return only !== undefined && (ts.isStringLiteralLike(only) || ts.isTemplateExpression(only) || ts.isIdentifier(only) || ts.isBinaryExpression(only)) ? only : undefined;
}

export function getPropertyNameText(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isComputedPropertyName(name) && ts.isStringLiteralLike(name.expression)) return name.expression.text;
  return undefined;
}

function getParameters(declaration: ts.Declaration): readonly ts.ParameterDeclaration[] {
  if (ts.isFunctionLike(declaration)) return declaration.parameters;
  if (ts.isVariableDeclaration(declaration) && declaration.initializer !== undefined) {
    const initializer = skipOuterExpressions(declaration.initializer);
    if (ts.isFunctionLike(initializer)) return initializer.parameters;
  }
  return [];
}

function selectArguments(call: ts.CallExpression | ts.NewExpression, indexes: readonly number[] | undefined): ts.Expression[] {
  const argumentsList = call.arguments ?? [];
  if (indexes === undefined) return [...argumentsList];
  return indexes.flatMap((index) => {
    const argument = argumentsList[index];
    return argument === undefined ? [] : [argument];
  });
}

/**
 * Entries written as the expression's own global chain first: `sessionStorage.setItem` shares
 * Storage#setItem with the `localStorage.setItem` entry, but is named by its own.
 */
function preferWrittenGlobal<E extends AddressedEntry>(entries: readonly E[], isWritten: (global: string) => boolean): E[] {
  const written = entries.filter((entry) => 'global' in entry && isWritten(entry.global));
  return [...written, ...entries.filter((entry) => !written.includes(entry))];
}

/**
 * A processor entry is a vendor's contracted use of a call that may also be listed under another
 * kind (a config processor for a catalog third party): it decides the call, so one call is never
 * both a processor and a third-party sink.
 */
function preferProcessors(entries: readonly SinkEntry[]): SinkEntry[] {
  return [...entries.filter((entry) => entry.kind === 'processor'), ...entries.filter((entry) => entry.kind !== 'processor')];
}

/**
 * `setUser` imported from `@sentry/nextjs` is `@sentry/node`'s declaration re-exported, so both
 * entries match: the one of the module the code imports names the sink (`entries` stay in order
 * otherwise, processors first).
 */
function preferImportedModule(entries: SinkEntry[], callee: ts.Expression, facade: CheckerFacade): SinkEntry[] {
  if (entries.length < 2) return entries;
  const imported = getImportChain(callee, facade, 0)?.module;
  const first = entries[0];
  const match = imported === undefined || first === undefined ? undefined : entries.find((entry) => 'module' in entry && entry.module === imported && entry.kind === first.kind);
  return match === undefined ? entries : [match, ...entries.filter((entry) => entry !== match)];
}

function sharesDeclaration(declarations: readonly ts.Node[], targets: ReadonlySet<ts.Node>): boolean {
  return declarations.some((declaration) => targets.has(declaration));
}

function lastSegment(entry: ApiAddress): string {
  const path = 'module' in entry ? entry.path : entry.global;
  const segments = path.split('.');
  return segments[segments.length - 1] ?? path;
}

function dedupeSymbols(symbols: readonly ts.Symbol[]): ts.Symbol[] {
  return [...new Set(symbols)];
}

function appendTo<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function safe<T>(compute: () => T, fallback: T): T {
  try {
    return compute();
  } catch {
    return fallback;
  }
}

function toProjectPath(projectRoot: string, fileName: string): string {
  return path.relative(projectRoot, fileName).split(path.sep).join('/');
}

/** The names of the declarations tagged `@sink` in `files`, and whether one of them is a default export. */
function collectJsDocSinkNames(files: readonly ts.SourceFile[]): { names: ReadonlySet<string>; hasDefaultExport: boolean } {
  const names = new Set<string>();
  let hasDefaultExport = false;
  for (const file of files) {
    if (!file.text.includes('@sink')) continue;
    const stack: ts.Node[] = [file];
    while (stack.length > 0) {
      const node = stack.pop();
      if (node === undefined) break;
      if (ts.getJSDocTags(node).some((tag) => tag.tagName.text === 'sink')) {
        const name = (node as ts.NamedDeclaration).name;
        if (name !== undefined && (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name))) names.add(name.text);
        if (ts.isVariableStatement(node)) for (const declaration of node.declarationList.declarations) if (ts.isIdentifier(declaration.name)) names.add(declaration.name.text);
        if (ts.canHaveModifiers(node) && (ts.getCombinedModifierFlags(node as ts.Declaration) & ts.ModifierFlags.Default) !== 0) hasDefaultExport = true;
      }
      ts.forEachChild(node, (child) => {
        stack.push(child);
      });
    }
  }
  return { names, hasDefaultExport };
}
