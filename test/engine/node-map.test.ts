/**
 * The engine's per-node and per-symbol memos key entries by the checker's ids only for a Program
 * built by the same TypeScript; a Program from another copy gets plain Maps, whose ids would
 * collide with that copy's checker.
 */
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { isBuiltByThisTypeScript, NodeMap, SymbolMap } from '../../src/engine/node-map.js';

function createProgram(text: string): ts.Program {
  const options: ts.CompilerOptions = { noLib: true, target: ts.ScriptTarget.ES2022 };
  const host = ts.createCompilerHost(options);
  const file = ts.createSourceFile('/app.ts', text, ts.ScriptTarget.ES2022, true);
  host.getSourceFile = (fileName) => (fileName === '/app.ts' ? file : undefined);
  host.fileExists = (fileName) => fileName === '/app.ts';
  return ts.createProgram(['/app.ts'], options, host);
}

function collectNodes(node: ts.Node, into: ts.Node[] = []): ts.Node[] {
  into.push(node);
  ts.forEachChild(node, (child) => {
    collectNodes(child, into);
  });
  return into;
}

describe('NodeMap and SymbolMap', () => {
  const program = createProgram('export const a = 1; export function f(x: number) { return x + a; }');
  const nodes = collectNodes(program.getSourceFile('/app.ts') as ts.SourceFile);

  it('recognises a Program of this TypeScript, and not one whose nodes come from elsewhere', () => {
    expect(isBuiltByThisTypeScript(program)).toBe(true);
    const foreignFile = Object.create({ constructor: function ForeignSourceFile() {} }) as ts.SourceFile;
    const foreign = { getSourceFiles: () => [foreignFile] } as unknown as ts.Program;
    expect(isBuiltByThisTypeScript(foreign)).toBe(false);
  });

  it.each([true, false])('stores, reads and deletes one value per node (checker ids: %s)', (useIds) => {
    const map = new NodeMap<number>(useIds);
    nodes.forEach((node, index) => map.set(node, index));
    expect(nodes.map((node) => map.get(node))).toEqual(nodes.map((_, index) => index));
    const [first, second] = nodes as [ts.Node, ts.Node];
    map.delete(first);
    expect(map.get(first)).toBeUndefined();
    expect(map.get(second)).toBe(1);
    map.set(second, 42);
    expect(map.get(second)).toBe(42);
  });

  it('keeps symbols apart by identity', () => {
    const checker = program.getTypeChecker();
    const symbols = nodes.filter(ts.isIdentifier).map((identifier) => checker.getSymbolAtLocation(identifier)).filter((symbol) => symbol !== undefined);
    const distinct = [...new Set(symbols)];
    expect(distinct.length).toBeGreaterThan(2);
    const map = new SymbolMap<string>(true);
    for (const symbol of distinct) map.set(symbol, symbol.getName());
    expect(distinct.map((symbol) => map.get(symbol))).toEqual(distinct.map((symbol) => symbol.getName()));
  });
});
