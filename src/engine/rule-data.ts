/**
 * Message data shared by the rules: how a flow's source and sink are named in messages, and the
 * predicates several rules use to claim a flow (so "most specific rule wins" is decided in one
 * place of truth per predicate).
 */
import type { Level, SinkKind } from '../policy/types.js';
import { levelRank } from '../policy/types.js';
import type { DimensionFact, EngineFact, FlowFact } from './facts.js';
import { CHAT_MESSAGE_KIND } from './names.js';

const CARD_KINDS: ReadonlySet<string> = new Set(['PAN', 'CVV']);
/** where a `possible` datum (an untyped network payload) is reported */
export const POSSIBLE_SINK_KINDS: ReadonlySet<SinkKind> = new Set(['third-party', 'telemetry', 'ml-training']);

/** How many other data a message names before it only counts them. */
const MAX_LISTED_OTHERS = 5;

/**
 * `{{data}}`, `{{kind}}`, `{{more}}`, `{{class}}`, `{{sink}}`, `{{sinkKind}}`, `{{module}}` for a
 * flow message. `{{more}}` is empty here: when one statement carries several data into the sink,
 * the engine fills it with {@link describeMoreData} on the one finding it reports for them.
 */
export function getFlowMessageData(fact: FlowFact): Record<string, string> {
  return {
    data: fact.source.label,
    kind: fact.source.kind,
    more: '',
    class: capitalize(fact.source.level),
    sink: fact.sink.callee,
    sinkKind: fact.sink.kind,
    module: fact.sink.module,
  };
}

/** `{{more}}` for the labels of the data after the first: ` and 2 more (phone, name)`. */
export function describeMoreData(otherLabels: readonly string[]): string {
  if (otherLabels.length === 0) return '';
  const listed = otherLabels.slice(0, MAX_LISTED_OTHERS).join(', ');
  return ` and ${otherLabels.length} more (${otherLabels.length > MAX_LISTED_OTHERS ? `${listed}, …` : listed})`;
}

/** The fact as a flow of at least `minimum` class into one of `kinds`, or undefined. */
export function getFlowInto(fact: EngineFact, kinds: readonly SinkKind[], minimum: Level): FlowFact | undefined {
  if (fact.type !== 'flow' || !kinds.includes(fact.sink.kind)) return undefined;
  // an inferred chat message is data to the training rule alone (see CHAT_MESSAGE_KIND)
  if (fact.source.kind === CHAT_MESSAGE_KIND && fact.source.confidence === 'inferred' && fact.sink.kind !== 'ml-training') return undefined;
  // an untyped payload that may hold customer data counts where data leaves the company (not logs, stores or processors)
  if (fact.source.confidence === 'possible' && !POSSIBLE_SINK_KINDS.has(fact.sink.kind)) return undefined;
  return levelRank(fact.source.level) >= levelRank(minimum) ? fact : undefined;
}

export function getDimensionFact(fact: EngineFact, kinds: readonly SinkKind[]): DimensionFact | undefined {
  return fact.type === 'dimension' && kinds.includes(fact.sink.kind) ? fact : undefined;
}

/**
 * Whether a processor sink may receive data of this kind: one of the kinds its catalog or config
 * entry lists, compared without case or separators (`IpAddress` = `IPAddress`), and never
 * Restricted data, whatever the entry says.
 */
export function isAllowedAtProcessor(fact: FlowFact): boolean {
  if (fact.source.level === 'restricted') return false;
  const kind = normalizeKindName(fact.source.kind);
  return (fact.sink.allowedKinds ?? []).some((allowed) => normalizeKindName(allowed) === kind);
}

/** `IP address`, `ip_address`, `IPAddress` compare equal. */
export function normalizeKindName(kind: string): string {
  return kind.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** A full card number or card verification code. */
export function isCardData(fact: FlowFact): boolean {
  return CARD_KINDS.has(fact.source.kind);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
