/**
 * Maps keyed by syntax node or symbol for the engine's memos (taints, types, symbols), which hold
 * a few hundred thousand entries on a large project. Hashing an object key showed up as a tenth
 * of the analysis in profiles; where TypeScript exposes the checker's own ids (`getNodeId`,
 * `getSymbolId`, not in its typings), entries live in pages of an array indexed by id instead.
 * Pages are allocated as ids are used, so memory follows what is stored, not the highest id
 * handed out in the process. The ids are asked of this module's TypeScript, so they are used only
 * for a Program built by that same TypeScript (another copy keeps its own counters, and handing
 * its nodes our ids would collide with its checker's). Otherwise, a `Map`.
 */
import ts from 'typescript';

const PAGE_BITS = 10;
const PAGE_SIZE = 1 << PAGE_BITS;

type IdOf<K> = (key: K) => number;

const internals = ts as unknown as { readonly getNodeId?: unknown; readonly getSymbolId?: unknown };
const nodeId = typeof internals.getNodeId === 'function' ? (internals.getNodeId as IdOf<ts.Node>) : undefined;
const symbolId = typeof internals.getSymbolId === 'function' ? (internals.getSymbolId as IdOf<ts.Symbol>) : undefined;

const sharedTypeScript = new WeakMap<ts.Program, boolean>();

/** Whether `program`'s nodes and symbols were made by this module's TypeScript. */
export function isBuiltByThisTypeScript(program: ts.Program): boolean {
  let shared = sharedTypeScript.get(program);
  if (shared === undefined) {
    const probe = ts.createSourceFile('probe.ts', '', ts.ScriptTarget.Latest);
    const file = program.getSourceFiles()[0];
    shared = file !== undefined && Object.getPrototypeOf(file) === Object.getPrototypeOf(probe);
    sharedTypeScript.set(program, shared);
  }
  return shared;
}

class IdMap<K extends object, V> {
  private readonly pages: ((V | undefined)[] | undefined)[] = [];
  private readonly fallback: Map<K, V> | undefined;
  private readonly idOf: IdOf<K> | undefined;

  constructor(idOf: IdOf<K> | undefined, useIds: boolean) {
    this.idOf = useIds ? idOf : undefined;
    this.fallback = this.idOf === undefined ? new Map() : undefined;
  }

  get(key: K): V | undefined {
    if (this.fallback !== undefined || this.idOf === undefined) return this.fallback?.get(key);
    const id = this.idOf(key);
    return this.pages[id >>> PAGE_BITS]?.[id & (PAGE_SIZE - 1)];
  }

  set(key: K, value: V): void {
    if (this.fallback !== undefined || this.idOf === undefined) {
      this.fallback?.set(key, value);
      return;
    }
    const id = this.idOf(key);
    const pageIndex = id >>> PAGE_BITS;
    let page = this.pages[pageIndex];
    if (page === undefined) {
      // filled up to the index, so the page table stays a plain array rather than a dictionary
      while (this.pages.length < pageIndex) this.pages.push(undefined);
      page = new Array<V | undefined>(PAGE_SIZE);
      this.pages[pageIndex] = page;
    }
    page[id & (PAGE_SIZE - 1)] = value;
  }

  delete(key: K): void {
    if (this.fallback !== undefined || this.idOf === undefined) {
      this.fallback?.delete(key);
      return;
    }
    const id = this.idOf(key);
    const page = this.pages[id >>> PAGE_BITS];
    if (page !== undefined) page[id & (PAGE_SIZE - 1)] = undefined;
  }
}

/** `useIds`: whether the nodes come from this module's TypeScript (`isBuiltByThisTypeScript`) */
export class NodeMap<V> extends IdMap<ts.Node, V> {
  constructor(useIds: boolean) {
    super(nodeId, useIds);
  }
}

/** `useIds`: whether the symbols come from this module's TypeScript (`isBuiltByThisTypeScript`) */
export class SymbolMap<V> extends IdMap<ts.Symbol, V> {
  constructor(useIds: boolean) {
    super(symbolId, useIds);
  }
}
