/**
 * The facts the engine hands to rules. A rule never walks the AST: it receives these, decides
 * whether one violates its clause of the policy, and names the message to report.
 */
import type ts from 'typescript';
import type { Level, SinkKind } from '../policy/types.js';
import type { SinkMatch } from './sinks.js';
import type { SourceFact, Step } from './taint.js';

/** Classified data reaching a sink. */
export interface FlowFact {
  readonly type: 'flow';
  readonly source: SourceFact;
  readonly sink: SinkMatch;
  /** the sink call or assignment */
  readonly sinkNode: ts.Node;
  /** the expression carrying the data into the sink: where the finding is reported */
  readonly carrier: ts.Node;
  /** the value expression inside the carrier (the initializer of an object-literal property) */
  readonly value: ts.Expression;
  readonly steps: readonly Step[];
}

/** A telemetry dimension whose name is not allow-listed, or whose value is a full URL or path. */
export interface DimensionFact {
  readonly type: 'dimension';
  readonly name: string;
  readonly problem: 'name-not-allowed' | 'url-value';
  readonly sink: SinkMatch;
  readonly sinkNode: ts.Node;
  readonly carrier: ts.Node;
}

/** A card number literal in source. */
export interface CardLiteralFact {
  readonly type: 'card-literal';
  readonly source: SourceFact;
  readonly inTestFile: boolean;
}

/** A cast that lowers a classification, or a `declassify` call without a literal reason. */
export interface DeclassificationFact {
  readonly type: 'declassification';
  readonly form: 'cast' | 'missing-reason';
  readonly node: ts.Node;
  readonly label: string;
  readonly level: Level;
  readonly kind: string;
  /** the type cast to, as written */
  readonly target: string;
}

export type EngineFact = FlowFact | DimensionFact | CardLiteralFact | DeclassificationFact;

export function isSinkOfKind(fact: FlowFact | DimensionFact, kinds: readonly SinkKind[]): boolean {
  return kinds.includes(fact.sink.kind);
}
