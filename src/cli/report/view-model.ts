/**
 * What both report formats show, computed once from the inventory: classified fields by class,
 * the sinks each source reaches, flows grouped by sink kind, third parties and other regions.
 */
import { CLASSIFICATION_LEVELS, SINK_KINDS, type Level, type SinkKind } from '../../policy/types.js';
import { normalizeKindName } from '../../engine/rule-data.js';
import type { AccessPathEntry, DeclassificationEntry, FieldEntry, FlowEntry, FlowStatus, Inventory, OtherSourceEntry, SinkRef, TypeEntry } from './collect-inventory.js';

export const LEVELS_DESCENDING: readonly Level[] = [...CLASSIFICATION_LEVELS].reverse();

export const LEVEL_TITLES: Readonly<Record<Level, string>> = {
  restricted: 'Restricted',
  confidential: 'Confidential',
  internal: 'Internal',
  public: 'Public',
};

/** The policy's highest class each sink kind may receive (DESIGN.md section 3). */
export const SINK_KIND_LIMITS: Readonly<Record<SinkKind, string>> = {
  log: 'Internal at most',
  storage: 'Confidential at most (regional); no PAN/CVV, Restricted only in the vault',
  vault: 'Restricted, never PAN/CVV',
  'browser-storage': 'Internal at most',
  'third-party': 'Internal at most',
  'cross-region': 'Internal at most',
  telemetry: 'Internal values under allow-listed dimension names',
  'ml-training': 'Anonymized or Internal',
  'payment-processor': 'Restricted (the only place a PAN may go)',
  processor: "the data kinds listed for that vendor, Confidential at most (never Restricted)",
};

/** What the processors section says about itself, in both formats. */
export const PROCESSORS_NOTE =
  "Vendors doing the product's own job under contract (message delivery, bot checks, payment customers): the data kinds each may receive, and the kinds of classified data it receives in this project (✗: outside what it may receive). Processors that receive no classified data are not listed.";

export interface ClassifiedField {
  readonly field: FieldEntry;
  readonly type: TypeEntry;
  readonly label: string;
}

/** One destination a source reaches, with the worst status over its flows. */
export interface Reach {
  readonly sink: SinkRef;
  readonly status: FlowStatus;
  readonly ruleIds: readonly string[];
  readonly locations: readonly string[];
}

export interface SinkGroup {
  readonly sink: SinkRef;
  readonly sources: readonly string[];
  readonly status: FlowStatus;
  readonly ruleIds: readonly string[];
}

/** One processor (a vendor with the kinds its entry allows) and what the project sends it. */
export interface ProcessorGroup {
  /** the vendor: its library or module, or its host */
  readonly vendor: string;
  /** the calls that reach it, as written */
  readonly callees: readonly string[];
  readonly allowedKinds: readonly string[];
  /** the kinds of classified data it receives in the project; `allowed` false for kinds outside its entry (and Restricted data) */
  readonly received: readonly { readonly kind: string; readonly allowed: boolean }[];
  readonly sources: readonly string[];
  readonly status: FlowStatus;
  readonly ruleIds: readonly string[];
}

export interface ReportModel {
  readonly inventory: Inventory;
  readonly fieldsByLevel: ReadonlyMap<Level, readonly ClassifiedField[]>;
  /** types with at least one classified field or a field holding classified data */
  readonly classifiedTypes: readonly TypeEntry[];
  readonly reachesBySource: ReadonlyMap<string, readonly Reach[]>;
  readonly flowsByKind: ReadonlyMap<SinkKind, readonly FlowEntry[]>;
  readonly otherSources: readonly OtherSourceEntry[];
  readonly thirdParties: readonly SinkGroup[];
  readonly processors: readonly ProcessorGroup[];
  readonly otherRegions: readonly SinkGroup[];
  /** display name of a flow's source: `Customer.email` for fields, the label otherwise */
  readonly sourceName: (flow: FlowEntry) => string;
  readonly counts: { readonly allowed: number; readonly violation: number; readonly suppressed: number };
}

export function buildReportModel(inventory: Inventory): ReportModel {
  const fieldsById = new Map<string, { field: FieldEntry; type: TypeEntry }>();
  const fieldsByLevel = new Map<Level, ClassifiedField[]>(LEVELS_DESCENDING.map((level) => [level, []]));
  for (const type of inventory.types) {
    for (const field of type.fields) {
      fieldsById.set(field.id, { field, type });
      if (field.classification !== undefined) fieldsByLevel.get(field.classification.level)?.push({ field, type, label: `${field.owner}.${field.name}` });
    }
  }
  for (const list of fieldsByLevel.values()) list.sort((a, b) => a.label.localeCompare(b.label));
  const classifiedTypes = inventory.types.filter((type) => type.fields.some((field) => field.classification !== undefined || field.contains.length > 0));
  const sourceName = (flow: FlowEntry): string => {
    const entry = flow.fromField ? fieldsById.get(flow.sourceId) : undefined;
    return entry === undefined ? flow.label : `${entry.field.owner}.${entry.field.name}`;
  };
  const reachesBySource = new Map<string, Reach[]>();
  const flowsBySource = groupBy(inventory.flows, (flow) => flow.sourceId);
  for (const [sourceId, flows] of flowsBySource) {
    const bySink = groupBy(flows, (flow) => sinkKey(flow.sink));
    reachesBySource.set(
      sourceId,
      [...bySink.values()].map((group) => ({
        sink: (group[0] as FlowEntry).sink,
        status: worstStatus(group),
        ruleIds: unique(group.flatMap((flow) => (flow.ruleId === undefined ? [] : [flow.ruleId]))),
        locations: unique(group.map((flow) => `${flow.file}:${flow.line}`)),
      })).sort((a, b) => statusOrder(b.status) - statusOrder(a.status) || a.sink.kind.localeCompare(b.sink.kind) || a.sink.callee.localeCompare(b.sink.callee)),
    );
  }
  const flowsByKind = new Map<SinkKind, FlowEntry[]>();
  const levelOrder = (level: Level): number => LEVELS_DESCENDING.indexOf(level);
  for (const kind of SINK_KINDS) {
    const flows = inventory.flows
      .filter((flow) => flow.sink.kind === kind)
      .sort((a, b) => levelOrder(a.level) - levelOrder(b.level) || sourceName(a).localeCompare(sourceName(b)) || a.sink.callee.localeCompare(b.sink.callee) || a.file.localeCompare(b.file) || a.line - b.line);
    if (flows.length > 0) flowsByKind.set(kind, flows);
  }
  const groupSinks = (kinds: readonly SinkKind[]): SinkGroup[] =>
    [...groupBy(inventory.flows.filter((flow) => kinds.includes(flow.sink.kind)), (flow) => sinkKey(flow.sink)).values()].map((group) => ({
      sink: (group[0] as FlowEntry).sink,
      sources: unique(group.map(sourceName)).sort(),
      status: worstStatus(group),
      ruleIds: unique(group.flatMap((flow) => (flow.ruleId === undefined ? [] : [flow.ruleId]))),
    }));
  const processorFlows = inventory.flows.filter((flow) => flow.sink.kind === 'processor');
  const processors = [...groupBy(processorFlows, (flow) => `${flow.sink.module}|${(flow.sink.allowedKinds ?? []).join(',')}`).values()].map((group): ProcessorGroup => {
    const first = group[0] as FlowEntry;
    const allowedKinds = first.sink.allowedKinds ?? [];
    const allowed = new Set(allowedKinds.map(normalizeKindName));
    const received = unique(group.map((flow) => `${flow.level === 'restricted' ? 'r' : 'c'}|${flow.kind}`)).sort((a, b) => a.localeCompare(b));
    return {
      vendor: first.sink.module,
      callees: unique(group.map((flow) => flow.sink.callee)).sort(),
      allowedKinds,
      received: received.map((key) => {
        const kind = key.slice(2);
        return { kind, allowed: key.startsWith('c|') && allowed.has(normalizeKindName(kind)) };
      }),
      sources: unique(group.map(sourceName)).sort(),
      status: worstStatus(group),
      ruleIds: unique(group.flatMap((flow) => (flow.ruleId === undefined ? [] : [flow.ruleId]))),
    };
  }).sort((a, b) => a.vendor.localeCompare(b.vendor));
  const counts = { allowed: 0, violation: 0, suppressed: 0 };
  for (const flow of inventory.flows) counts[flow.status]++;
  return {
    inventory,
    fieldsByLevel,
    classifiedTypes,
    reachesBySource,
    flowsByKind,
    otherSources: inventory.otherSources,
    thirdParties: groupSinks(['third-party']),
    processors,
    otherRegions: groupSinks(['cross-region', 'browser-storage']),
    sourceName,
    counts,
  };
}

/** Why something is classified: `declared as Email`, `inferred: field name "email" matches "email"`. */
export function evidence(source: { readonly confidence: string; readonly reason: string }): string {
  const reason = prettifyBrands(source.reason);
  return reason.startsWith(source.confidence) ? reason : `${source.confidence}: ${reason}`;
}

/** `string & Brand<"confidential", "Email">` (how the checker prints a brand) → `Email`. */
export function prettifyBrands(text: string): string {
  return text.replace(/\(?(?:string|number|bigint|boolean) & Brand<"(\w+)", "(\w+)">\)?/g, (_match, _level: string, kind: string) => kind);
}

export function sinkKey(sink: SinkRef): string {
  return `${sink.kind}|${sink.callee}|${sink.module}`;
}

export function worstStatus(flows: readonly { status: FlowStatus }[]): FlowStatus {
  return flows.reduce<FlowStatus>((worst, flow) => (statusOrder(flow.status) > statusOrder(worst) ? flow.status : worst), 'allowed');
}

function statusOrder(status: FlowStatus): number {
  return status === 'violation' ? 2 : status === 'suppressed' ? 1 : 0;
}

export function describeStatus(status: FlowStatus, ruleIds: readonly string[]): string {
  if (status === 'allowed') return 'allowed';
  return `${status === 'violation' ? 'violation' : 'suppressed'}${ruleIds.length > 0 ? `: ${ruleIds.join(', ')}` : ''}`;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list === undefined) groups.set(k, [item]);
    else list.push(item);
  }
  return groups;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** How a declassification was written, in words. */
export function describeDeclassificationForm(form: DeclassificationEntry['form']): string {
  switch (form) {
    case 'declassify':
      return 'declassify() with a reason';
    case 'cast':
      return 'cast';
    case 'forged-grant':
      return 'cast forging an access grant';
    case 'missing-reason':
      return 'declassify() without a literal reason';
  }
}

/** The access clause's elements for one support access read, in words: ✓ present, ✗ missing. */
export function describeAccessPath(entry: AccessPathEntry): { readonly grant: string; readonly region: string; readonly audit: string } {
  const restricted = entry.level === 'restricted';
  const grantOk = entry.grant === 'every path' && (!restricted || entry.twoPersonGrant);
  const grant = grantOk
    ? `✓ every path${entry.twoPersonGrant ? ' (two-person)' : ''}`
    : entry.grant === 'every path'
      ? '✗ single approver for Restricted data'
      : entry.grant === 'some paths'
        ? '✗ some paths only'
        : '✗ none';
  const region = entry.regionScoped ? "✓ grant's region" : "✗ not the grant's region";
  const audit = entry.audited ? '✓ before the data leaves' : '✗ missing on some path';
  return { grant, region, audit };
}
