/**
 * A map keyed by syntax node for the engine's per-node memos (taints, types, symbols), which hold
 * a few hundred thousand entries on a large project. Hashing an object key showed up as a tenth
 * of the analysis in profiles; where TypeScript exposes the checker's node ids (`getNodeId`, not
 * in its typings), entries live in pages of an array indexed by id instead. Pages are allocated
 * as ids are used, so memory follows the nodes stored, not the highest id handed out in the
 * process. Without `getNodeId`, a `Map`.
 */
import ts from 'typescript';

const PAGE_BITS = 10;
const PAGE_SIZE = 1 << PAGE_BITS;

const getNodeId = (ts as unknown as { readonly getNodeId?: unknown }).getNodeId;
const nodeId: ((node: ts.Node) => number) | undefined = typeof getNodeId === 'function' ? (getNodeId as (node: ts.Node) => number) : undefined;

export class NodeMap<V> {
  private readonly pages: ((V | undefined)[] | undefined)[] = [];
  private readonly fallback: Map<ts.Node, V> | undefined = nodeId === undefined ? new Map() : undefined;

  get(node: ts.Node): V | undefined {
    if (this.fallback !== undefined || nodeId === undefined) return this.fallback?.get(node);
    const id = nodeId(node);
    return this.pages[id >>> PAGE_BITS]?.[id & (PAGE_SIZE - 1)];
  }

  set(node: ts.Node, value: V): void {
    if (this.fallback !== undefined || nodeId === undefined) {
      this.fallback?.set(node, value);
      return;
    }
    const id = nodeId(node);
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

  delete(node: ts.Node): void {
    if (this.fallback !== undefined || nodeId === undefined) {
      this.fallback?.delete(node);
      return;
    }
    const id = nodeId(node);
    const page = this.pages[id >>> PAGE_BITS];
    if (page !== undefined) page[id & (PAGE_SIZE - 1)] = undefined;
  }
}
