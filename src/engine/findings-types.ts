/**
 * The shape of what the engine reports, independent of any front end, and how to read it. The CLI
 * maps it to text/JSON/SARIF, the ESLint plugin to lint messages and the transform to `ts.Diagnostic`s.
 * Positions are 1-based lines and 1-based columns; files are absolute paths (front ends make
 * them relative).
 */
import type { Level, SinkKind } from '../policy/types.js';

/**
 * How the data was recognised: a brand in its type, its name, a card-number literal — or
 * `possible`: an untyped payload from the network (`await request.json()`, `req.body`) that may
 * hold customer data, reported at lower severity (config `possible`).
 */
export type Confidence = 'declared' | 'inferred' | 'literal' | 'possible';
export type Severity = 'error' | 'warn';

export interface Position {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface SourceInfo {
  readonly file: string;
  readonly line: number;
  /** how the data is named in code: `customer.card`, `user.email`, `card number literal ****4242` */
  readonly label: string;
  /** kind tag: `PAN`, `Email`, ... or the class name when no kind is known */
  readonly kind: string;
  readonly level: Level;
  /** why the source is classified: `declared as Email at src/types.ts:4` or `name matches /email/` */
  readonly reason: string;
}

export interface SinkInfo {
  readonly kind: SinkKind;
  /** the callee as written: `logger.info`, `localStorage.setItem`, `document.cookie` */
  readonly callee: string;
  /** the module the sink belongs to (`pino`), `global` for platform APIs, or the file for `@sink` */
  readonly module: string;
  /** why the callee is a sink: `catalog: pino default.info`, `@sink log at src/x.ts:3` */
  readonly reason: string;
}

export interface TraceStep {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly note: string;
}

/** Start and end offsets in a file. */
export interface OffsetRange {
  readonly start: number;
  readonly end: number;
}

/** One classified datum a finding's statement carries into its sink. */
export interface CarriedData {
  readonly source: SourceInfo;
  readonly confidence: Confidence;
  /** where it is carried into the sink: the argument, or the property of an object literal */
  readonly carrier: OffsetRange;
  /** the value expression inside the carrier (what a `redact(...)` fix would wrap) */
  readonly value: OffsetRange;
}

export interface Finding extends Position {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly messageId: string;
  readonly data: Readonly<Record<string, string>>;
  readonly confidence: Confidence;
  /** the strongest data (declared, literal, inferred; then the higher class): `carried[0].source` */
  readonly source?: SourceInfo;
  /**
   * every datum the finding's statement carries into its sink, strongest first, once per place it
   * is carried (`{ contact: user.email, ...user }` carries `user.email` twice): one finding stands
   * for all of them; the message names the first and counts the other distinct data
   */
  readonly carried?: readonly CarriedData[];
  readonly sink?: SinkInfo;
  readonly trace: readonly TraceStep[];
  /** present when a suppression comment with a reason covers the finding */
  readonly suppression?: { readonly reason: string; readonly line: number };
  /** start/end offsets in the file, for ESLint and the transform */
  readonly start: number;
  readonly end: number;
  /** the rule's suggested wrapper for the carried values, when every one of them can be wrapped */
  readonly suggestion?: 'redact' | 'maskPan';
}

/** A finding's data, each once (where it is carried first), strongest first: what messages, JSON and SARIF list. */
export function getDistinctData(carried: readonly CarriedData[]): CarriedData[] {
  const seen = new Set<string>();
  return carried.filter((data) => {
    const key = `${data.source.label}\0${data.source.kind}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
