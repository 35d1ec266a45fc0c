/**
 * Turns the rules' claims on facts into findings, once for all front ends. Flows are merged: one
 * finding per (rule, statement that carries the data, sink), which lists every classified datum
 * that statement carries into that sink, strongest first (declared, literal, inferred; then the
 * higher class), and whose message names the first and counts the others — `logger.info({ email,
 * phone })` is one finding, not two. Then one finding per location and rule: classified data
 * beats a telemetry dimension name, and the best-evidenced source (then the shortest trace) wins.
 * Card numbers are masked in every text a finding carries.
 */
import path from 'node:path';
import ts from 'typescript';
import { levelRank } from '../policy/types.js';
import { maskCardNumbersInText } from './card-numbers.js';
import type { CheckerFacade } from './checker.js';
import { formatMessage, type RuleDefinition, type RuleReport } from './define-rule.js';
import type { EngineFact, FlowFact } from './facts.js';
import { getDistinctData, type CarriedData, type Confidence, type Finding, type Severity, type SourceInfo, type TraceStep } from './findings-types.js';
import { describeMoreData } from './rule-data.js';
import type { SourceFact, Step } from './taint.js';
import { TypeFlags } from './typescript-api.js';

/** A rule's verdict on one fact. */
export interface Claim {
  readonly rule: RuleDefinition;
  readonly severity: Severity;
  readonly fact: EngineFact;
  readonly report: RuleReport<string>;
}

export interface BuildFindingsContext {
  /** the project folder: sink modules in the project are named relative to it */
  readonly rootDir: string;
  readonly facade: CheckerFacade;
}

interface FlowClaim extends Claim {
  readonly fact: FlowFact;
}

interface Candidate {
  readonly finding: Finding;
  /** kept per message at its location, not per location */
  readonly onePerMessage: boolean;
}

const CONFIDENCE_ORDER: Readonly<Record<Confidence, number>> = { declared: 0, literal: 1, inferred: 2, possible: 3 };

/** Builds the findings of `claims`: merged per statement and sink, one per location and rule, in file order. */
export function buildFindings(claims: readonly Claim[], context: BuildFindingsContext): Finding[] {
  const flowGroups = new Map<string, FlowClaim[]>();
  // in the order of each finding's first claim: among equally good findings at one place, the first stays
  const ordered: (Claim | [FlowClaim, ...FlowClaim[]])[] = [];
  for (const claim of claims) {
    if (!isFlowClaim(claim)) {
      ordered.push(claim);
      continue;
    }
    const key = getFlowGroupKey(claim);
    const group = flowGroups.get(key);
    if (group !== undefined) {
      group.push(claim);
      continue;
    }
    const created: [FlowClaim, ...FlowClaim[]] = [claim];
    flowGroups.set(key, created);
    ordered.push(created);
  }
  const candidates = ordered.map((entry): Candidate => {
    if (Array.isArray(entry)) return { finding: mergeFlowClaims(entry, context), onePerMessage: false };
    // a support access read that misses several elements of the access clause: each is its own finding
    return { finding: toFinding(entry, context), onePerMessage: entry.fact.type === 'access-problem' };
  });
  return keepOnePerLocation(candidates).sort((a, b) => (a.file === b.file ? a.start - b.start || a.ruleId.localeCompare(b.ruleId) : a.file.localeCompare(b.file)));
}

/** The node a fact's finding points at. */
export function getFactNode(fact: EngineFact): ts.Node {
  switch (fact.type) {
    case 'flow':
    case 'dimension':
      return fact.carrier;
    case 'card-literal':
    case 'card-column':
      return fact.source.node;
    case 'access-path':
      return fact.read;
    default:
      return fact.node;
  }
}

function isFlowClaim(claim: Claim): claim is FlowClaim {
  return claim.fact.type === 'flow';
}

/** Rule, the statement around the carrier (the sink call's, or a helper call's for a helper's leak) and the sink call. */
function getFlowGroupKey(claim: FlowClaim): string {
  const { carrier, sinkNode } = claim.fact;
  const statement = getEnclosingStatement(carrier);
  return [claim.rule.id, carrier.getSourceFile().fileName, statement.pos, statement.end, sinkNode.getSourceFile().fileName, sinkNode.pos].join('\0');
}

function getEnclosingStatement(node: ts.Node): ts.Node {
  let current: ts.Node = node;
  while (!ts.isSourceFile(current)) {
    if ((ts.isStatement(current) && !ts.isBlock(current)) || ts.isClassElement(current)) return current;
    current = current.parent;
  }
  return current;
}

/** One finding for the claims of one statement and sink: the strongest datum's, listing every datum where it is carried. */
function mergeFlowClaims(group: readonly [FlowClaim, ...FlowClaim[]], context: BuildFindingsContext): Finding {
  const ranked = group
    .map((claim) => ({ claim, traceLength: toTrace(claim.fact.steps).length }))
    // stable: among equals, the claim reported first stays first
    .sort((a, b) => compareStrength(a.claim.fact, a.traceLength, b.claim.fact, b.traceLength))
    .map((entry) => entry.claim);
  const [claim = group[0]] = ranked;
  const seen = new Set<string>();
  const carried = ranked.map((entry) => toCarriedData(entry.fact)).filter((data) => {
    const key = `${data.source.label}\0${data.source.kind}\0${data.carrier.start}\0${data.carrier.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const otherLabels = getDistinctData(carried).slice(1).map((data) => data.source.label);
  const report = 'more' in claim.report.data ? { ...claim.report, data: { ...claim.report.data, more: describeMoreData(otherLabels) } } : claim.report;
  const wrapper = claim.rule.meta.suggestion;
  const canWrapAll = wrapper !== undefined && group.every((entry) => canWrap(wrapper, entry.fact.value, context.facade));
  return {
    ...toFinding({ ...claim, report }, context),
    carried,
    ...(canWrapAll ? { suggestion: wrapper } : {}),
  };
}

/** Declared before literal before inferred, then the higher class, then the shorter trace, then the earlier place. */
function compareStrength(a: FlowFact, aTraceLength: number, b: FlowFact, bTraceLength: number): number {
  return (
    CONFIDENCE_ORDER[a.source.confidence] - CONFIDENCE_ORDER[b.source.confidence] ||
    levelRank(b.source.level) - levelRank(a.source.level) ||
    aTraceLength - bTraceLength ||
    a.carrier.getStart() - b.carrier.getStart()
  );
}

function toCarriedData(fact: FlowFact): CarriedData {
  return {
    source: toSourceInfo(fact.source),
    confidence: fact.source.confidence,
    carrier: { start: fact.carrier.getStart(), end: fact.carrier.getEnd() },
    value: { start: fact.value.getStart(), end: fact.value.getEnd() },
  };
}

function toFinding({ rule, severity, fact, report }: Claim, context: BuildFindingsContext): Finding {
  const node = getFactNode(fact);
  const file = node.getSourceFile();
  const start = node.getStart(file);
  const end = node.getEnd();
  const from = file.getLineAndCharacterOfPosition(start);
  const to = file.getLineAndCharacterOfPosition(end);
  const data = Object.fromEntries(Object.entries(report.data).map(([key, value]) => [key, maskCardNumbersInText(value)]));
  const template = (rule.meta.messages as Readonly<Record<string, string>>)[report.messageId] ?? report.messageId;
  const source = fact.type === 'flow' || fact.type === 'card-literal' || fact.type === 'card-column' ? toSourceInfo(fact.source) : undefined;
  // a sink known only by its shape makes the finding as uncertain as an inferred source
  const confidence: Confidence = fact.type === 'flow' && fact.sink.inferred === true ? 'inferred' : fact.type === 'flow' || fact.type === 'card-literal' || fact.type === 'card-column' ? fact.source.confidence : 'declared';
  return {
    ruleId: rule.id,
    severity,
    messageId: report.messageId,
    data,
    message: maskCardNumbersInText(formatMessage(template, data)),
    confidence,
    file: file.fileName,
    line: from.line + 1,
    column: from.character + 1,
    endLine: to.line + 1,
    endColumn: to.character + 1,
    start,
    end,
    ...(source === undefined ? {} : { source }),
    ...(fact.type === 'flow' || fact.type === 'dimension'
      ? {
          sink: {
            kind: fact.sink.kind,
            callee: fact.sink.callee,
            module: path.isAbsolute(fact.sink.module) ? path.relative(context.rootDir, fact.sink.module).split(path.sep).join('/') : fact.sink.module,
            reason: fact.sink.reason.replace(context.rootDir + path.sep, ''),
          },
        }
      : {}),
    trace: fact.type === 'flow' ? toTrace(fact.steps) : [],
  };
}

/**
 * One finding per location and rule, the best first: classified data before a finding about a
 * name alone (a telemetry dimension), then the best-evidenced source, then the shortest trace.
 * A merged flow finding holds the places of all the data it lists, so a dimension finding on one
 * of them is not reported apart.
 */
function keepOnePerLocation(candidates: readonly Candidate[]): Finding[] {
  const taken = new Set<string>();
  const kept: Finding[] = [];
  for (const { finding, onePerMessage } of [...candidates].sort((a, b) => compareEvidence(a.finding, b.finding))) {
    const locationKey = (start: number, end: number): string => `${finding.file}|${start}|${end}|${finding.ruleId}${onePerMessage ? `|${finding.messageId}` : ''}`;
    const key = locationKey(finding.start, finding.end);
    if (taken.has(key)) continue;
    kept.push(finding);
    taken.add(key);
    for (const data of finding.carried ?? []) taken.add(locationKey(data.carrier.start, data.carrier.end));
  }
  return kept;
}

function compareEvidence(a: Finding, b: Finding): number {
  if ((a.source === undefined) !== (b.source === undefined)) return a.source === undefined ? 1 : -1;
  return CONFIDENCE_ORDER[a.confidence] - CONFIDENCE_ORDER[b.confidence] || a.trace.length - b.trace.length;
}

/** `maskPan` takes a card number (string or number); `redact` takes anything. */
function canWrap(wrapper: 'redact' | 'maskPan', value: ts.Expression, facade: CheckerFacade): boolean {
  if (wrapper === 'redact') return true;
  const type = facade.getTypeOfNode(value);
  const flags = type.isUnion() ? type.types.reduce((all, part) => all | part.flags, 0) : type.flags;
  return (flags & (TypeFlags.Object | TypeFlags.BooleanLike)) === 0;
}

function toSourceInfo(source: SourceFact): SourceInfo {
  const file = source.node.getSourceFile();
  const line = file.getLineAndCharacterOfPosition(source.node.getStart(file)).line + 1;
  return {
    file: file.fileName,
    line,
    label: maskCardNumbersInText(source.label),
    kind: source.kind,
    level: source.level,
    reason: maskCardNumbersInText(source.reason),
  };
}

function toTrace(steps: readonly Step[]): TraceStep[] {
  const trace: TraceStep[] = [];
  for (const step of steps) {
    const file = step.node.getSourceFile();
    const position = file.getLineAndCharacterOfPosition(step.node.getStart(file));
    const last = trace[trace.length - 1];
    const note = maskCardNumbersInText(step.note);
    if (last !== undefined && last.file === file.fileName && last.line === position.line + 1 && last.note === note) continue;
    trace.push({ file: file.fileName, line: position.line + 1, column: position.character + 1, note });
  }
  return trace;
}
