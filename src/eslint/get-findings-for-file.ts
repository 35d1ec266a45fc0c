/**
 * Hands an ESLint rule the engine's findings for the file being linted. The engine analyses the
 * whole Program once (memoized per Program, config and rule set), so cross-file flows are found
 * and every later file of the same Program costs a lookup; the per-file index is cached in a
 * WeakMap keyed by the analysis result. Files are matched by the parser's own `ts.SourceFile`
 * for the linted file rather than by ESLint's filename, which may be relative (RuleTester) or
 * use other separators (Windows).
 */
import type ts from 'typescript';
import { rules } from '../../rules/index.js';
import { analyzeProgram, type AnalysisResult, type Finding } from '../engine/index.js';
import type { ResolvedConfig } from '../policy/config.js';

const findingsByFile = new WeakMap<AnalysisResult, ReadonlyMap<string, readonly Finding[]>>();

/** Returns the findings of every rule in `file`, suppressed ones included. */
export function getFindingsForFile(program: ts.Program, config: ResolvedConfig, file: ts.SourceFile): readonly Finding[] {
  const result = analyzeProgram(program, config, rules);
  let byFile = findingsByFile.get(result);
  if (byFile === undefined) {
    const grouped = new Map<string, Finding[]>();
    for (const finding of result.findings) {
      const list = grouped.get(finding.file);
      if (list === undefined) grouped.set(finding.file, [finding]);
      else list.push(finding);
    }
    byFile = grouped;
    findingsByFile.set(result, byFile);
  }
  // both names come from the same Program, so they compare as they are
  return byFile.get(file.fileName) ?? [];
}
