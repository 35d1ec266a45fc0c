/**
 * The policy model shared by the built-in catalog, the user's config and the engine: sink kinds,
 * classes, how a library API is addressed, and the shape of `classified.config.json`.
 */

export const SINK_KINDS = [
  'log',
  'storage',
  'vault',
  'browser-storage',
  'third-party',
  'cross-region',
  'telemetry',
  'ml-training',
  'payment-processor',
  'processor',
] as const;
export type SinkKind = (typeof SINK_KINDS)[number];

export const CLASSIFICATION_LEVELS = ['public', 'internal', 'confidential', 'restricted'] as const;
export type Level = (typeof CLASSIFICATION_LEVELS)[number];

/** Numeric order of the classes, for comparisons. */
export function levelRank(level: Level): number {
  return CLASSIFICATION_LEVELS.indexOf(level);
}

/**
 * How a telemetry API carries dimension names (the keys) and values. Dimension names are checked
 * against the allow-list; values are checked for classified data.
 * - `object`: an object of `{ name: value }` at `arg` (optionally at `property` inside it).
 * - `key-value`: the name is argument `arg`, the value argument `arg + 1`.
 * - `tags`: `{ name: value }` object or `['name:value']` array at `arg`.
 * - `positional-labels`: values passed positionally; names come from the `labelNames` the
 *   receiver was constructed with (prom-client `labels('GET', '200')`).
 */
export interface DimensionSpec {
  readonly shape: 'object' | 'key-value' | 'tags' | 'positional-labels';
  readonly arg: number;
  readonly property?: string;
}

/**
 * A condition on an argument: the entry applies only when it holds — the argument (or a property
 * inside an object-literal argument) is one of the `equals` literals (`purpose: 'fine-tune'`), or,
 * without `equals`, is written at all (SNS `PhoneNumber`: a text message, not a topic).
 */
export interface LiteralCondition {
  readonly arg: number;
  /** dot path inside an object-literal argument; omitted for the argument itself */
  readonly property?: string;
  readonly equals?: readonly string[];
}

/** Where a library API lives: a member chain from a module's exports, or from a global. */
export type ApiAddress =
  | { readonly module: string; readonly path: string }
  | { readonly global: string };

interface SinkEntryFields {
  readonly kind: SinkKind;
  /** indexes of the arguments that carry data into the sink; all arguments when omitted */
  readonly args?: readonly number[];
  readonly when?: LiteralCondition;
  readonly dimensions?: DimensionSpec;
  /** library name shown in messages (`pino`); the module name when omitted */
  readonly library?: string;
  /**
   * `call` (default): calling the member is the sink. `assign`: assigning to the member is
   * (`document.cookie = ...`, `localStorage.key = ...`).
   */
  readonly access?: 'call' | 'assign';
  /**
   * `processor` sinks: the data kinds (`PhoneNumber`, `Email`, ...) that vendor may receive for
   * the job it does under contract; any other Confidential kind, and anything Restricted, is a finding
   */
  readonly kinds?: readonly string[];
}

export type SinkEntry = ApiAddress & SinkEntryFields;

/**
 * A processor reached over plain HTTP (`fetch`, axios): calls to `host` (or a subdomain) whose
 * URL path, as far as it is known statically, starts with `pathPrefix`.
 */
export interface ProcessorHostEntry {
  readonly host: string;
  readonly pathPrefix?: string;
  readonly kinds: readonly string[];
  /** vendor name shown in messages (`Cloudflare Turnstile`); the host when omitted */
  readonly library?: string;
}

/** `processors` in the config: a contracted vendor, addressed like a sink or by its host, and what it may receive. */
export type ProcessorEntry =
  | (Extract<ApiAddress, { readonly module: string }> & { readonly kinds: readonly string[]; readonly args?: readonly number[]; readonly library?: string })
  | ProcessorHostEntry;

export type SanitizerTarget = 'public' | 'internal';
export type SanitizerEntry = ApiAddress & { readonly to: SanitizerTarget };

export type InferenceConfig =
  | 'names'
  | 'off'
  | {
      readonly mode: 'names' | 'off';
      readonly add?: Readonly<Record<string, 'internal' | 'confidential' | 'restricted'>>;
      readonly ignore?: readonly string[];
    };

export type RuleSeverity = 'error' | 'warn' | 'off';

/** What marks code as support or operator access (`require-access-grant`), besides `@access support`. */
export interface AccessConfig {
  readonly entryPoints?: {
    readonly files?: readonly string[];
    readonly decorators?: readonly string[];
    readonly routePrefixes?: readonly string[];
  };
}

/** `classified.config.json` and ESLint `settings.classified`: one schema, two homes. */
export interface ClassifiedConfig {
  readonly $schema?: string;
  readonly sinks?: readonly SinkEntry[];
  readonly sanitizers?: readonly SanitizerEntry[];
  readonly inference?: InferenceConfig;
  readonly telemetry?: { readonly allowedDimensions?: readonly string[] };
  readonly firstPartyHosts?: readonly string[];
  readonly processors?: readonly ProcessorEntry[];
  readonly testFiles?: readonly string[];
  readonly access?: AccessConfig;
  readonly rules?: Readonly<Record<string, RuleSeverity>>;
  /** severity of `possible` findings (untyped network payloads), at most the rule's own; default `warn` */
  readonly possible?: RuleSeverity;
}
