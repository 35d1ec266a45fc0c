/**
 * Reads, validates and resolves the project's policy configuration: `classified.config.json` for
 * the CLI and the transform, and ESLint `settings.classified` (same shape). Config is JSON only —
 * loading it never runs user code. Validation uses the JSON Schema that ships with the package
 * (`schema/classified.config.schema.json`, also used by editors), and every failure becomes a
 * `ConfigError` naming the file, the JSON path and what was expected, never a stack trace.
 * `resolveConfig` merges the built-in defaults into plain data; it holds no engine logic.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import picomatch from 'picomatch';
import { parseConfigText } from './parse-config-text.js';
import { getPackageRoot } from '../package-info.js';
import type {
  ClassifiedConfig,
  Level,
  ProcessorEntry,
  ProcessorHostEntry,
  RuleSeverity,
  SanitizerEntry,
  SinkEntry,
} from './types.js';

export const CONFIG_FILE_NAME = 'classified.config.json';

/** Bounds checked before schema validation, so a hostile or generated file cannot stall a run. */
export const MAX_CONFIG_DEPTH = 64;
export const MAX_CONFIG_VALUES = 100_000;

/**
 * Test-file globs that always apply; `testFiles` in the config adds to them. No rule reports a
 * finding in a test file, except `no-pan-literal` for card numbers other than published test ones.
 */
export const DEFAULT_TEST_FILE_GLOBS: readonly string[] = [
  '**/*.test.*',
  '**/*.spec.*',
  // `checkout.e2e.ts`, `app.e2e-spec.ts` (the Nest CLI's naming)
  '**/*.e2e*.*',
  '**/__tests__/**',
  '**/test/**',
  '**/tests/**',
  '**/e2e/**',
  '**/cypress/**',
  '**/playwright/**',
  '**/__mocks__/**',
];

/** Dimension names central telemetry may always carry (policy: route, status, method, tenant, host...). */
export const DEFAULT_ALLOWED_DIMENSIONS: readonly string[] = [
  'route',
  'status',
  'status_code',
  'code',
  'method',
  'tenant_id',
  'endpoint_host',
  'host',
  'service',
  'env',
  'environment',
  'region',
  'outcome',
  'result',
  'error_type',
  'operation',
  'http.route',
  'http.method',
  'http.status_code',
  'http.request.method',
  'http.response.status_code',
  'server.address',
  'rpc.method',
  'db.system',
  'db.operation',
  'messaging.system',
  // the same ideas under other common spellings and OpenTelemetry semantic conventions
  'tenant',
  'status_class',
  'error_code',
  'job',
  'queue',
  'topic',
  'zone',
  'version',
  'le',
  'quantile',
  'service.name',
  'service.version',
  'deployment.environment',
  'error.type',
  'exception.type',
  'url.scheme',
  'http.scheme',
  'network.protocol.version',
  'rpc.system',
  'rpc.service',
  'db.name',
  'messaging.operation',
  'messaging.destination.name',
  'server.port',
  // tenant-level identifiers and operational names: a workspace or project is the tenant, not a person
  'org_id',
  'organization_id',
  'project_id',
  'workspace_id',
  'team_id',
  'model',
  'provider',
  'reason',
  'type',
  'kind',
  'op',
  'trigger',
  'partition',
  'gen_ai.system',
  'gen_ai.provider.name',
  'gen_ai.request.model',
  'gen_ai.response.model',
  'gen_ai.operation.name',
];

export interface ConfigProblem {
  /** JSON path of the offending value: `$.sinks[0].kind` */
  readonly path: string;
  /** what was expected there, in words: `one of "log", "storage"`, `a string` */
  readonly expected: string;
}

/** An invalid, unreadable or unparsable config. The message is meant for users as it is. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly file: string;
  readonly problems: readonly ConfigProblem[];

  constructor(file: string, problems: readonly ConfigProblem[]) {
    super(problems.map((problem) => `${file}: at ${problem.path} expected ${problem.expected}`).join('\n'));
    this.file = file;
    this.problems = problems;
  }
}

/** A decorator that marks support access: `Roles('support')` is `{ name: 'Roles', args: "'support'" }`. */
export interface DecoratorPattern {
  /** the decorator's name as written, `@` dropped: `Roles`, `Auth.Roles` */
  readonly name: string;
  /** the arguments normalised with `normalizeDecoratorArguments`; undefined matches any */
  readonly args: string | undefined;
}

/** Support and operator access entry points, from `access.entryPoints`. */
export interface ResolvedAccess {
  /** whether any file glob is configured (most projects have none: no file is tested then) */
  readonly hasEntryFiles: boolean;
  /** Tests a path relative to the project root against `access.entryPoints.files`. */
  readonly isEntryFile: (relativePath: string) => boolean;
  readonly decorators: readonly DecoratorPattern[];
  /** route prefixes without leading or trailing slashes: `support/admin` */
  readonly routePrefixes: readonly string[];
}

export type InferredLevel = Exclude<Level, 'public'>;

export interface ResolvedInference {
  readonly mode: 'names' | 'off';
  /** extra names to classify, as written in the config */
  readonly add: ReadonlyMap<string, InferredLevel>;
  /** names the built-in dictionary must not classify, as written in the config */
  readonly ignore: ReadonlySet<string>;
}

/** The config with defaults merged, as the engine and front ends consume it. */
export interface ResolvedConfig {
  /** user sinks, added to the built-in catalog by the engine */
  readonly sinks: readonly SinkEntry[];
  readonly sanitizers: readonly SanitizerEntry[];
  readonly inference: ResolvedInference;
  /** allowed telemetry dimension names, normalised with `normalizeDimensionName` */
  readonly allowedDimensions: ReadonlySet<string>;
  readonly firstPartyHosts: readonly string[];
  /** the project's own processors addressed by module and path, as `processor` sinks (they take precedence over the catalog) */
  readonly processorSinks: readonly SinkEntry[];
  /** the project's own processors addressed by host */
  readonly processorHosts: readonly ProcessorHostEntry[];
  /** default and user test-file globs */
  readonly testFiles: readonly string[];
  /** Tests a path relative to the project root (either slash style) against `testFiles`. */
  readonly isTestFile: (relativePath: string) => boolean;
  readonly access: ResolvedAccess;
  /** severities the user set; rules absent here keep their default */
  readonly rules: ReadonlyMap<string, RuleSeverity>;
  /** severity of `possible` findings (untyped network payloads): `warn` unless the config says otherwise */
  readonly possible: RuleSeverity;
}

/**
 * Validates `value` against the config schema and returns it typed. `file` names where the value
 * came from in error messages (a path, or `ESLint settings.classified`).
 * @throws ConfigError listing every problem found
 */
export function validateConfig(value: unknown, file: string): ClassifiedConfig {
  const sizeProblem = getSizeProblem(value);
  if (sizeProblem !== undefined) throw new ConfigError(file, [sizeProblem]);
  const validate = getValidator();
  if (validate(value)) return value;
  throw new ConfigError(file, describeSchemaErrors(validate.errors ?? [], value));
}

/**
 * Reads and validates a JSON config file. Never evaluates the file. As in tsconfig.json, comments
 * and trailing commas are allowed, and so is a UTF-8 BOM.
 * @throws ConfigError when the file is missing or unreadable, is not JSON (with line, column and
 *   JSON path) or does not match the schema
 */
export function loadConfigFile(file: string): ClassifiedConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(file, [{ path: '$', expected: describeReadFailure(error) }]);
  }
  // Editors on Windows like to write a BOM, which is not JSON.
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  const parsed = parseConfigText(text, MAX_CONFIG_DEPTH);
  if (parsed.problem !== undefined) {
    throw new ConfigError(file, [{ path: `$${parsed.problem.path.map(formatPathSegment).join('')}`, expected: parsed.problem.expected }]);
  }
  return withModulesRelativeTo(validateConfig(parsed.value, file), path.dirname(path.resolve(file)));
}

/**
 * `"module": "./src/lib/logger"` in a config file names that file relative to the config file,
 * wherever the tsconfig is (a repository-wide config used by a package's project): made absolute
 * here, once, for every front end.
 */
function withModulesRelativeTo(config: ClassifiedConfig, directory: string): ClassifiedConfig {
  const absolute = <T extends object>(entry: T): T => ('module' in entry && typeof entry.module === 'string' && entry.module.startsWith('.') ? { ...entry, module: path.resolve(directory, entry.module) } : entry);
  return {
    ...config,
    ...(config.sinks === undefined ? {} : { sinks: config.sinks.map(absolute) }),
    ...(config.sanitizers === undefined ? {} : { sanitizers: config.sanitizers.map(absolute) }),
    ...(config.processors === undefined ? {} : { processors: config.processors.map(absolute) }),
  };
}

/**
 * Finds `classified.config.json` in `startDir` or its parents. The search stops at the
 * filesystem root or after a directory containing `.git` (the repository root), so a config
 * outside the repository never applies by accident.
 */
export function findConfigFile(startDir: string): string | undefined {
  let directory = path.resolve(startDir);
  for (;;) {
    const candidate = path.join(directory, CONFIG_FILE_NAME);
    if (fs.statSync(candidate, { throwIfNoEntry: false })?.isFile() === true) return candidate;
    if (fs.existsSync(path.join(directory, '.git'))) return undefined;
    const parent = path.dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

/** Merges the built-in defaults into a validated config. */
export function resolveConfig(config: ClassifiedConfig): ResolvedConfig {
  const testFiles = [...DEFAULT_TEST_FILE_GLOBS, ...(config.testFiles ?? [])];
  // dot: test folders under dot-directories (`.storybook/tests`) are still test folders.
  const matchesTestGlob = picomatch(testFiles, { dot: true });
  const allowedDimensions = new Set(
    [...DEFAULT_ALLOWED_DIMENSIONS, ...(config.telemetry?.allowedDimensions ?? [])].map(normalizeDimensionName),
  );
  return {
    sinks: config.sinks ?? [],
    sanitizers: config.sanitizers ?? [],
    inference: resolveInference(config.inference),
    allowedDimensions,
    firstPartyHosts: config.firstPartyHosts ?? [],
    processorSinks: (config.processors ?? []).flatMap(toProcessorSink),
    processorHosts: (config.processors ?? []).flatMap((entry) => ('host' in entry ? [entry] : [])),
    testFiles,
    isTestFile: (relativePath) => matchesTestGlob(relativePath.replace(/\\/g, '/').replace(/^(\.\/)+/, '')),
    access: resolveAccess(config.access),
    rules: new Map(Object.entries(config.rules ?? {})),
    possible: config.possible ?? 'warn',
  };
}

function toProcessorSink(entry: ProcessorEntry): SinkEntry[] {
  if ('host' in entry) return [];
  return [{ kind: 'processor', module: entry.module, path: entry.path, kinds: entry.kinds, ...(entry.args === undefined ? {} : { args: entry.args }), ...(entry.library === undefined ? {} : { library: entry.library }) }];
}

function resolveAccess(access: ClassifiedConfig['access']): ResolvedAccess {
  const files = access?.entryPoints?.files ?? [];
  const matchesEntryGlob = files.length === 0 ? () => false : picomatch([...files], { dot: true });
  return {
    hasEntryFiles: files.length > 0,
    isEntryFile: (relativePath) => matchesEntryGlob(relativePath.replace(/\\/g, '/').replace(/^(\.\/)+/, '')),
    decorators: (access?.entryPoints?.decorators ?? []).map(parseDecoratorPattern),
    routePrefixes: (access?.entryPoints?.routePrefixes ?? []).map(normalizeRoutePath),
  };
}

/** `Roles('support')` → name and normalised arguments; `@SupportOnly` → the name alone. */
function parseDecoratorPattern(written: string): DecoratorPattern {
  const text = written.trim().replace(/^@/, '');
  const open = text.indexOf('(');
  if (open === -1) return { name: text, args: undefined };
  return { name: text.slice(0, open).trim(), args: normalizeDecoratorArguments(text.slice(open + 1, text.lastIndexOf(')'))) };
}

/** Decorator arguments compared as written, except for spaces and the quote style: `'a', "b"` = `'a','b'`. */
export function normalizeDecoratorArguments(text: string): string {
  return text.replace(/\s+/g, '').replace(/["`]/g, "'");
}

/** A route path compared without leading and trailing slashes: `/support/` = `support`. */
export function normalizeRoutePath(route: string): string {
  return route.trim().replace(/^\/+|\/+$/g, '');
}

/**
 * Returns the form of a telemetry dimension name used for allow-list comparisons: lowercase,
 * without `_`, `-`, `.` and spaces, so `tenant_id`, `tenantId`, `tenant-id` and `tenant.id` agree.
 */
export function normalizeDimensionName(name: string): string {
  return name.toLowerCase().replace(/[_\-. ]/g, '');
}

function resolveInference(inference: ClassifiedConfig['inference']): ResolvedInference {
  if (inference === undefined || typeof inference === 'string') {
    return { mode: inference ?? 'names', add: new Map(), ignore: new Set() };
  }
  return {
    mode: inference.mode,
    add: new Map(Object.entries(inference.add ?? {})),
    ignore: new Set(inference.ignore ?? []),
  };
}

// ---------------------------------------------------------------------------------------------
// Schema loading

let cachedValidator: ValidateFunction<ClassifiedConfig> | undefined;

function getValidator(): ValidateFunction<ClassifiedConfig> {
  if (cachedValidator === undefined) {
    const ajv = new Ajv({ allErrors: true, verbose: true });
    cachedValidator = ajv.compile<ClassifiedConfig>(readConfigSchema());
  }
  return cachedValidator;
}

/** Returns the path of the JSON Schema shipped with the package. */
export function getConfigSchemaPath(): string {
  return path.join(getPackageRoot(), 'schema', 'classified.config.schema.json');
}

function readConfigSchema(): Record<string, unknown> {
  const schemaPath = getConfigSchemaPath();
  const schema: unknown = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
  if (!isRecord(schema)) throw new Error(`classified: ${schemaPath} is not a JSON Schema object`);
  return schema;
}

// ---------------------------------------------------------------------------------------------
// Problems

function describeReadFailure(error: unknown): string {
  const code = isRecord(error) && typeof error['code'] === 'string' ? error['code'] : undefined;
  switch (code) {
    case 'ENOENT':
      return 'an existing file (file not found)';
    case 'EISDIR':
      return 'a file (found a directory)';
    case 'EACCES':
    case 'EPERM':
      return 'a readable file (permission denied)';
    default:
      return `a readable file (${code ?? (error instanceof Error ? error.message : String(error))})`;
  }
}

interface PendingValue {
  readonly value: unknown;
  readonly depth: number;
  readonly parent?: PendingValue;
  readonly key?: string | number;
}

/**
 * Checks nesting depth and value count without recursion. Runs before ajv, whose generated
 * validators and our error translation are not meant for adversarial shapes; it also stops on
 * cyclic objects coming from ESLint settings.
 */
function getSizeProblem(root: unknown): ConfigProblem | undefined {
  const pending: PendingValue[] = [{ value: root, depth: 0 }];
  // Counted when discovered, so one huge array is rejected before its elements are walked.
  let valueCount = 1;
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    const container = item.value;
    if (typeof container !== 'object' || container === null) continue;
    const depth = item.depth + 1;
    if (depth > MAX_CONFIG_DEPTH) {
      return { path: formatPendingPath(item), expected: `nesting at most ${MAX_CONFIG_DEPTH} levels deep` };
    }
    const children: readonly (readonly [string | number, unknown])[] = Array.isArray(container)
      ? container.map((element: unknown, index) => [index, element] as const)
      : Object.entries(container);
    valueCount += children.length;
    if (valueCount > MAX_CONFIG_VALUES) {
      return { path: '$', expected: `at most ${MAX_CONFIG_VALUES} JSON values in total (the config has more)` };
    }
    for (const [key, value] of children) pending.push({ value, depth, parent: item, key });
  }
  return undefined;
}

function formatPendingPath(item: PendingValue): string {
  const keys: (string | number)[] = [];
  for (let current: PendingValue | undefined = item; current?.key !== undefined; current = current.parent) {
    keys.unshift(current.key);
  }
  return `$${keys.map(formatPathSegment).join('')}`;
}

function formatPathSegment(key: string | number): string {
  if (typeof key === 'number') return `[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

/** Converts ajv's JSON pointer to `$.a[0].b`, telling array indexes from keys by the data. */
function formatInstancePath(pointer: string, root: unknown): string {
  if (pointer === '') return '$';
  let current = root;
  let formatted = '$';
  for (const encoded of pointer.slice(1).split('/')) {
    const segment = encoded.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current) && /^\d+$/.test(segment)) {
      const elements: readonly unknown[] = current;
      formatted += formatPathSegment(Number(segment));
      current = elements[Number(segment)];
    } else {
      formatted += formatPathSegment(segment);
      current = isRecord(current) ? current[segment] : undefined;
    }
  }
  return formatted;
}

/** Turns ajv errors into one problem per path and mistake, in words. */
function describeSchemaErrors(errors: readonly ErrorObject[], root: unknown): ConfigProblem[] {
  // Errors inside `propertyNames` repeat what the `propertyNames` error itself says.
  const collapsed = collapseAlternatives(errors.filter((error) => error.propertyName === undefined));
  const kept = collapsed.filter((error) => !isRedundant(error, collapsed));
  const problems: ConfigProblem[] = [];
  const seen = new Set<string>();
  for (const error of kept) {
    const problem = { path: formatInstancePath(error.instancePath, root), expected: describeExpectation(error) };
    const identity = `${problem.path}\u0000${problem.expected}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    problems.push(problem);
  }
  return problems;
}

function isRedundant(error: ErrorObject, errors: readonly ErrorObject[]): boolean {
  const atSamePath = errors.filter((other) => other !== error && other.instancePath === error.instancePath);
  // `one of "error", "warn", "off"` already says it must be a string.
  if (error.keyword === 'type') return atSamePath.some((other) => other.keyword === 'enum' || other.keyword === 'const');
  // An unknown rule id fails both `propertyNames` and `additionalProperties`; report it once.
  if (error.keyword === 'additionalProperties') {
    const property = getStringParam(error, 'additionalProperty');
    return atSamePath.some(
      (other) => other.keyword === 'propertyNames' && getStringParam(other, 'propertyName') === property,
    );
  }
  return false;
}

function isAlternative(error: ErrorObject): boolean {
  return error.keyword === 'anyOf' || error.keyword === 'oneOf';
}

function isInsideBranchOf(error: ErrorObject, alternative: ErrorObject): boolean {
  return (
    error !== alternative &&
    error.schemaPath.startsWith(`${alternative.schemaPath}/`) &&
    (error.instancePath === alternative.instancePath || error.instancePath.startsWith(`${alternative.instancePath}/`))
  );
}

/**
 * Replaces each failed `anyOf`/`oneOf` and the errors of all its branches with what the user
 * meant: when the value's JSON type fits exactly one branch (an object where a string or an
 * object is allowed) or it has properties of exactly one branch (`module` without `path`), that
 * branch's errors; otherwise the alternative itself, described whole.
 */
function collapseAlternatives(errors: readonly ErrorObject[]): ErrorObject[] {
  const alternatives = errors.filter(isAlternative);
  const outermost = alternatives.filter((alternative) =>
    alternatives.every((other) => !isInsideBranchOf(alternative, other)),
  );
  const result: ErrorObject[] = [];
  for (const error of errors) {
    if (outermost.includes(error)) result.push(...resolveAlternative(error, errors));
    else if (!outermost.some((alternative) => isInsideBranchOf(error, alternative))) result.push(error);
  }
  return result;
}

function resolveAlternative(alternative: ErrorObject, errors: readonly ErrorObject[]): ErrorObject[] {
  const branches: readonly unknown[] = Array.isArray(alternative.schema) ? alternative.schema : [];
  const data: unknown = alternative.data;
  const fittingType = branches.flatMap((branch, index) => (hasFittingType(branch, data) ? [index] : []));
  // Same type (module+path vs global, both objects): the branch whose properties the user began to write.
  const fitting =
    fittingType.length > 1
      ? fittingType.filter((index) => sharesRequiredProperty(branches[index], data))
      : fittingType;
  const onlyFitting = fitting.length === 1 ? fitting[0] : undefined;
  if (onlyFitting !== undefined) {
    const branchPrefix = `${alternative.schemaPath}/${onlyFitting}/`;
    const branchErrors = errors.filter(
      (error) => isInsideBranchOf(error, alternative) && error.schemaPath.startsWith(branchPrefix),
    );
    if (branchErrors.length > 0) return collapseAlternatives(branchErrors);
  }
  return [alternative];
}

/** True when `branch` declares no type or a type that `value` has. */
function hasFittingType(branch: unknown, value: unknown): boolean {
  if (!isRecord(branch)) return true;
  const declared = branch['type'];
  const types = typeof declared === 'string' ? [declared] : Array.isArray(declared) ? declared : undefined;
  if (types === undefined) return true;
  const actual = getJsonType(value);
  return types.some((type) => type === actual || (type === 'number' && actual === 'integer'));
}

function sharesRequiredProperty(branch: unknown, value: unknown): boolean {
  const required = isRecord(branch) ? branch['required'] : undefined;
  return Array.isArray(required) && isRecord(value) && required.some((name) => typeof name === 'string' && Object.hasOwn(value, name));
}

function getJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function describeExpectation(error: ErrorObject): string {
  const schema: unknown = error.schema;
  switch (error.keyword) {
    case 'type':
      return describeTypes(schema);
    case 'enum':
      return describeValues(Array.isArray(schema) ? schema : []);
    case 'const':
      return describeValues([schema]);
    case 'required':
      return `a property ${JSON.stringify(getStringParam(error, 'missingProperty') ?? '')}`;
    case 'additionalProperties':
      return describeUnknownKey(getStringParam(error, 'additionalProperty') ?? '', Object.keys(getProperties(error)));
    case 'propertyNames': {
      const allowed = isRecord(schema) && Array.isArray(schema['enum']) ? schema['enum'].map(String) : [];
      return describeUnknownKey(getStringParam(error, 'propertyName') ?? '', allowed);
    }
    case 'minimum':
    case 'exclusiveMinimum': {
      const operator = error.keyword === 'minimum' ? '>=' : '>';
      return `${describeTypes(error.parentSchema?.['type'])} ${operator} ${String(schema)}`;
    }
    case 'pattern':
      return `a string matching ${String(schema)}`;
    case 'minLength':
      return schema === 1 ? 'a non-empty string' : `a string of at least ${String(schema)} characters`;
    case 'minItems':
      return schema === 1 ? 'a non-empty array' : `an array of at least ${String(schema)} items`;
    case 'uniqueItems':
      return `no duplicate items (items ${String(error.params['j'])} and ${String(error.params['i'])} are equal)`;
    case 'anyOf':
    case 'oneOf':
      return describeAlternatives(Array.isArray(schema) ? schema : [], error.keyword);
    default:
      return error.message ?? 'a valid value';
  }
}

function describeUnknownKey(key: string, knownKeys: readonly string[]): string {
  const unknown = `no property ${JSON.stringify(key)} (unknown key)`;
  // a key that differs only in case or separators (`pathprefix`) before a mere prefix of it (`path`)
  const suggestion = knownKeys.find((known) => simplifyKey(known) === simplifyKey(key)) ?? knownKeys.find((known) => isLikelyTypo(key, known));
  if (suggestion !== undefined) return `${unknown}, did you mean ${JSON.stringify(suggestion)}?`;
  if (knownKeys.length === 0) return unknown;
  return `${unknown}; known keys: ${knownKeys.map((known) => JSON.stringify(known)).join(', ')}`;
}

function simplifyKey(word: string): string {
  return word.toLowerCase().replace(/[_\-. ]/g, '');
}

/** Same letters ignoring case and separators, one end trimmed (`sink`/`sinks`), or one edit apart. */
function isLikelyTypo(typed: string, known: string): boolean {
  const [a, b] = [simplifyKey(typed), simplifyKey(known)];
  if (a === b || (a.length >= 4 && (b.startsWith(a) || a.startsWith(b)))) return true;
  return a.length >= 4 && hasAtMostOneEdit(a, b);
}

function hasAtMostOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return endA - start <= 1 && endB - start <= 1;
}

function describeAlternatives(branches: readonly unknown[], keyword: string): string {
  const parts = branches.flatMap(describeBranch);
  const joined = parts.length <= 1 ? (parts[0] ?? 'a valid value') : `either ${joinWithOr(parts)}`;
  // Branches that differ only in which properties are present (module+path vs global) exclude each other.
  const exclusive = keyword === 'oneOf' && branches.every((branch) => isRecord(branch) && branch['type'] === undefined);
  return exclusive ? `${joined} (not both)` : joined;
}

function describeBranch(branch: unknown): string[] {
  if (!isRecord(branch)) return [];
  const values = branch['enum'];
  if (Array.isArray(values)) return values.map((value) => JSON.stringify(value));
  if ('const' in branch) return [JSON.stringify(branch['const'])];
  if (branch['type'] !== undefined) return [describeTypes(branch['type'])];
  const required = branch['required'];
  if (Array.isArray(required) && required.length > 0) {
    const names = required.map((name) => JSON.stringify(name));
    return [`${names.length === 1 ? 'property' : 'properties'} ${joinWithAnd(names)}`];
  }
  return [];
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

function describeTypes(types: unknown): string {
  const list = typeof types === 'string' ? [types] : Array.isArray(types) ? types.map(String) : [];
  if (list.length === 0) return 'a value';
  return joinWithOr(list.map((type) => TYPE_WORDS[type] ?? type));
}

function describeValues(values: readonly unknown[]): string {
  const quoted = values.map((value) => JSON.stringify(value));
  return quoted.length === 1 ? (quoted[0] ?? '') : `one of ${quoted.join(', ')}`;
}

function joinWithOr(parts: readonly string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} or ${parts.slice(-1).join('')}`;
}

function joinWithAnd(parts: readonly string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.slice(-1).join('')}`;
}

function getProperties(error: ErrorObject): Record<string, unknown> {
  const properties: unknown = error.parentSchema?.['properties'];
  return isRecord(properties) ? properties : {};
}

function getStringParam(error: ErrorObject, name: string): string | undefined {
  const value: unknown = error.params[name];
  return typeof value === 'string' ? value : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
