/**
 * The values the flow analysis computes. A taint says "part of this value is classified": where
 * it came from (a source, or a parameter of the function being summarised), which part
 * (`path`), and the steps it took. Paths make the analysis field-sensitive: `{ id, email }`
 * carries a taint at `['email']`, so reading `.id` off it is clean.
 */
import type ts from 'typescript';
import type { Level } from '../policy/types.js';
import type { Confidence } from './findings-types.js';
import { isResultOwnFieldName } from './names.js';

export interface SourceFact {
  /** how the data reads in code: `customer.email` */
  readonly label: string;
  readonly level: Level;
  readonly kind: string;
  readonly confidence: Confidence;
  /** where the data was first seen as classified */
  readonly node: ts.Node;
  readonly reason: string;
  /** whether a number derived from it still is the data (a salary yes, an email's length no) */
  readonly numeric: boolean;
}

export type TaintOrigin =
  | { readonly type: 'source'; readonly source: SourceFact }
  | { readonly type: 'parameter'; readonly fn: ts.SignatureDeclaration; readonly index: number };

export interface Step {
  readonly node: ts.Node;
  readonly note: string;
}

/**
 * The steps a taint took, shared between the taints derived from it: a step is added without
 * copying the ones before it. Traces are read off it only for findings (`getSteps`).
 */
export type StepTrail =
  | { readonly kind: 'start'; readonly step: Step }
  | { readonly kind: 'step'; readonly before: StepTrail; readonly step: Step }
  | { readonly kind: 'joined'; readonly first: StepTrail; readonly then: StepTrail };

export interface Taint {
  readonly origin: TaintOrigin;
  /** for parameter origins: the part of the parameter this value was read from */
  readonly read: readonly string[];
  /** the part of this value that holds the classified data; empty for all of it */
  readonly path: readonly string[];
  readonly steps: StepTrail;
  /**
   * for parameter origins: keys a helper on the way masks (`hashSensitiveFields(args)`); a
   * caller's data placed under one of them (normalised) does not get through
   */
  readonly masked: ReadonlySet<string> | undefined;
}

const MAX_PATH = 6;
const MAX_STEPS = 16;
export const ANY_FIELD = '*';

/** The taint of `value.name`, given the taint of `value`; undefined when that field is clean. */
export function readField(taint: Taint, name: string): Taint | undefined {
  const [first, ...rest] = taint.path;
  if (first !== undefined) {
    return first === name || first === ANY_FIELD || name === ANY_FIELD ? withPath(taint, rest) : undefined;
  }
  if (taint.origin.type === 'parameter' && taint.read.length < MAX_PATH) {
    return { origin: taint.origin, read: [...taint.read, name], path: taint.path, steps: taint.steps, masked: taint.masked };
  }
  // data somewhere in a whole value (an SDK's or helper's result built from the input): the
  // result's own `draftId`, `errorCode`, `status` or `error` says something about the result, not the data
  if (taint.origin.type === 'source' && name !== ANY_FIELD && isResultOwnFieldName(name)) return undefined;
  // `body.event` of an untyped payload: what a named field holds is for its name to say (name inference)
  if (taint.origin.type === 'source' && taint.origin.source.confidence === 'possible' && name !== ANY_FIELD) return undefined;
  return taint;
}

/** The same taint at another part of the value (written out: every taint keeps one object shape). */
export function withPath(taint: Taint, path: readonly string[]): Taint {
  return { origin: taint.origin, read: taint.read, path, steps: taint.steps, masked: taint.masked };
}

/** The taint of `{ name: value }`, given the taint of `value`. */
export function embedField(taint: Taint, name: string): Taint {
  return taint.path.length >= MAX_PATH ? taint : withPath(taint, [name, ...taint.path]);
}

/** The value became a string or number derived from all of it: the classified part is everywhere. */
export function collapse(taint: Taint): Taint {
  return taint.path.length === 0 ? taint : withPath(taint, []);
}

export function startTrail(step: Step): StepTrail {
  return { kind: 'start', step };
}

export function addStep(taint: Taint, node: ts.Node, note: string): Taint {
  return { origin: taint.origin, read: taint.read, path: taint.path, steps: { kind: 'step', before: taint.steps, step: { node, note } }, masked: taint.masked };
}

const materializedTrails = new WeakMap<StepTrail, readonly Step[]>();

/**
 * The steps of a trail as a trace shows them: at most 16, the first two and the latest ones when
 * a long flow was cut. Built bottom-up without recursion (a trail can be thousands of steps
 * long) and memoized, since trails share their beginnings.
 */
export function getSteps(trail: StepTrail): readonly Step[] {
  const pending: StepTrail[] = [trail];
  while (pending.length > 0) {
    const current = pending[pending.length - 1] as StepTrail;
    if (materializedTrails.has(current)) {
      pending.pop();
      continue;
    }
    let steps: readonly Step[];
    if (current.kind === 'start') {
      steps = [current.step];
    } else if (current.kind === 'step') {
      const before = materializedTrails.get(current.before);
      if (before === undefined) {
        pending.push(current.before);
        continue;
      }
      const kept = before.length >= MAX_STEPS ? [...before.slice(0, 2), ...before.slice(-(MAX_STEPS - 3))] : before;
      steps = [...kept, current.step];
    } else {
      const first = materializedTrails.get(current.first);
      const then = materializedTrails.get(current.then);
      if (first === undefined || then === undefined) {
        if (first === undefined) pending.push(current.first);
        if (then === undefined) pending.push(current.then);
        continue;
      }
      steps = [...first, ...then].slice(-MAX_STEPS);
    }
    materializedTrails.set(current, steps);
    pending.pop();
  }
  return materializedTrails.get(trail) ?? [];
}

/**
 * Substitutes a caller's argument taint for a parameter taint from a callee's summary: the
 * callee's value is `param.<read>` placed at `<path>`; the argument says which part of `param`
 * is classified.
 */
export function instantiate(summaryTaint: Taint, argumentTaint: Taint): Taint | undefined {
  let current: Taint | undefined = argumentTaint;
  for (const segment of summaryTaint.read) {
    current = current === undefined ? undefined : readField(current, segment);
  }
  if (current === undefined) return undefined;
  const { masked } = summaryTaint;
  // the argument's own path too: a rest parameter's element read (`args[*]`) stands for the argument itself
  if (masked !== undefined && [...argumentTaint.path, ...current.path].some((segment) => masked.has(normalizeMaskedKey(segment)))) return undefined;
  const path = [...summaryTaint.path, ...current.path].slice(0, MAX_PATH);
  const bothMasked = masked === undefined ? current.masked : current.masked === undefined ? masked : new Set([...masked, ...current.masked]);
  return { origin: current.origin, read: current.read, path, steps: { kind: 'joined', first: current.steps, then: summaryTaint.steps }, masked: bothMasked };
}

/** How masked keys compare: `replyTo`, `reply_to` and `Reply-To` are one key. */
export function normalizeMaskedKey(key: string): string {
  return key.toLowerCase().replace(/[\s_-]/g, '');
}

/**
 * The taints that get past a helper masking `masked` keys: data under a masked key is dropped,
 * a parameter's data is marked so its callers' data under those keys is dropped in turn.
 */
export function maskKeys(taints: readonly Taint[], masked: ReadonlySet<string>): Taint[] {
  const result: Taint[] = [];
  for (const taint of taints) {
    if (taint.path.some((segment) => masked.has(normalizeMaskedKey(segment)))) continue;
    const merged = taint.masked === undefined ? masked : new Set([...taint.masked, ...masked]);
    result.push(taint.origin.type === 'parameter' ? { origin: taint.origin, read: taint.read, path: taint.path, steps: taint.steps, masked: merged } : taint);
  }
  return result;
}

/** Drops duplicates (same origin, read and path) and caps how many taints one value carries. */
export function dedupeTaints(taints: readonly Taint[], limit = 24): readonly Taint[] {
  if (taints.length <= 1) return taints;
  // compared field by field: the result is at most `limit` long, and this runs for most values
  const result: Taint[] = [];
  for (const taint of taints) {
    if (result.some((kept) => isSameTaint(kept, taint))) continue;
    result.push(taint);
    if (result.length >= limit) break;
  }
  return result;
}

function isSameTaint(a: Taint, b: Taint): boolean {
  return isSamePath(a.path, b.path) && isSamePath(a.read, b.read) && isSameOrigin(a.origin, b.origin);
}

function isSameOrigin(a: TaintOrigin, b: TaintOrigin): boolean {
  if (a.type === 'parameter') return b.type === 'parameter' && a.index === b.index && isSamePlace(a.fn, b.fn);
  // the place first: a typed source's label is made on first use
  return b.type === 'source' && isSamePlace(a.source.node, b.source.node) && a.source.label === b.source.label;
}

/** The same node, or one with the same span in the same file. */
function isSamePlace(a: ts.Node, b: ts.Node): boolean {
  return a === b || (a.pos === b.pos && a.end === b.end && a.getSourceFile() === b.getSourceFile());
}

function isSamePath(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}
