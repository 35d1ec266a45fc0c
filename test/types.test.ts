import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

describe('classification types', () => {
  it('compile with exactly the expected errors (each @ts-expect-error is a rejected assignment)', () => {
    const file = path.join(__dirname, 'types', 'classification-types.ts');
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      skipLibCheck: true,
      types: [],
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    // an unused @ts-expect-error (TS2578) would mean tsc accepted a leak the encoding must reject
    expect(diagnostics).toEqual([]);
  });
});
