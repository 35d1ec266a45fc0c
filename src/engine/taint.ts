/**
 * The values the flow analysis computes. A taint says "part of this value is classified": where
 * it came from (a source, or a parameter of the function being summarised), which part
 * (`path`), and the steps it took. Paths make the analysis field-sensitive: `{ id, email }`
 * carries a taint at `['email']`, so reading `.id` off it is clean.
 */
import type ts from 'typescript';
import type { Level } from '../policy/types.js';
import type { Confidence } from './findings-types.js';

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

export interface Taint {
  readonly origin: TaintOrigin;
  /** for parameter origins: the part of the parameter this value was read from */
  readonly read: readonly string[];
  /** the part of this value that holds the classified data; empty for all of it */
  readonly path: readonly string[];
  readonly steps: readonly Step[];
}

const MAX_PATH = 6;
const MAX_STEPS = 16;
export const ANY_FIELD = '*';

/** The taint of `value.name`, given the taint of `value`; undefined when that field is clean. */
export function readField(taint: Taint, name: string): Taint | undefined {
  const [first, ...rest] = taint.path;
  if (first !== undefined) {
    return first === name || first === ANY_FIELD || name === ANY_FIELD ? { ...taint, path: rest } : undefined;
  }
  if (taint.origin.type === 'parameter' && taint.read.length < MAX_PATH) {
    return { ...taint, read: [...taint.read, name] };
  }
  return taint;
}

/** The taint of `{ name: value }`, given the taint of `value`. */
export function embedField(taint: Taint, name: string): Taint {
  return taint.path.length >= MAX_PATH ? taint : { ...taint, path: [name, ...taint.path] };
}

/** The value became a string or number derived from all of it: the classified part is everywhere. */
export function collapse(taint: Taint): Taint {
  return taint.path.length === 0 ? taint : { ...taint, path: [] };
}

export function addStep(taint: Taint, node: ts.Node, note: string): Taint {
  const steps = taint.steps.length >= MAX_STEPS ? [...taint.steps.slice(0, 2), ...taint.steps.slice(-(MAX_STEPS - 3))] : taint.steps;
  return { ...taint, steps: [...steps, { node, note }] };
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
  const path = [...summaryTaint.path, ...current.path].slice(0, MAX_PATH);
  return { ...current, path, steps: [...current.steps, ...summaryTaint.steps].slice(-MAX_STEPS) };
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
  return isSameOrigin(a.origin, b.origin) && isSamePath(a.read, b.read) && isSamePath(a.path, b.path);
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
