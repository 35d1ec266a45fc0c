/**
 * The facts the engine hands to rules. A rule never walks the AST: it receives these, decides
 * whether one violates its clause of the policy, and names the message to report.
 */
import type ts from 'typescript';
import type { Level, SinkKind } from '../policy/types.js';
import type { AccessEntryPoint } from './access-entry-points.js';
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

/** An ORM column declared to hold card numbers or CVVs (schema-columns.ts): storage of card data, whichever code writes it. */
export interface CardColumnFact {
  readonly type: 'card-column';
  readonly source: SourceFact;
}

/** A cast that lowers a classification or forges an access grant, or a `declassify` call without a literal reason. */
export interface DeclassificationFact {
  readonly type: 'declassification';
  readonly form: 'cast' | 'missing-reason' | 'forged-grant';
  readonly node: ts.Node;
  readonly label: string;
  readonly level: Level;
  readonly kind: string;
  /** the type cast to, as written */
  readonly target: string;
}

/** One missing element of the access clause in support access code (DESIGN.md section 10). */
export type AccessProblem = 'no-grant' | 'grant-on-some-paths' | 'outside-grant-region' | 'no-audit' | 'audit-without-why' | 'single-approver';

/**
 * A read of Confidential or Restricted customer data from storage in support access code, and
 * what guards it. Every read gets one, problems or not (`classified report` lists them).
 */
export interface AccessPathFact {
  readonly type: 'access-path';
  readonly entry: AccessEntryPoint;
  /** the storage call, or the call of a helper that makes one */
  readonly read: ts.CallExpression;
  /** the callee as written: `db.query`, `ordersOf` */
  readonly readName: string;
  readonly level: Level;
  readonly kind: string;
  /** whether a verified grant was obtained before the read on every path, some paths, or none */
  readonly grant: 'every-path' | 'some-paths' | 'none';
  readonly twoPersonGrant: boolean;
  /** whether the read runs through a client for the grant's region (or takes the region from the grant) */
  readonly regionScoped: boolean;
  /** whether `auditAccess` ran on every path before the data left the function */
  readonly audited: boolean;
}

/** A missing element of the access clause, reported where it is missing. */
export interface AccessProblemFact {
  readonly type: 'access-problem';
  readonly problem: AccessProblem;
  /** the read, or the `auditAccess` call without a why */
  readonly node: ts.Node;
  readonly entryName: string;
  readonly read: string;
  readonly level: Level;
  readonly kind: string;
  /** `no-audit`: the line where the data leaves the function unaudited */
  readonly leavesAtLine?: number;
}

export type EngineFact = FlowFact | DimensionFact | CardLiteralFact | CardColumnFact | DeclassificationFact | AccessPathFact | AccessProblemFact;

export function isSinkOfKind(fact: FlowFact | DimensionFact, kinds: readonly SinkKind[]): boolean {
  return kinds.includes(fact.sink.kind);
}
