/**
 * Hands an ESLint rule the engine's findings for the file being linted. The engine analyses the
 * whole Program once (memoized per Program, config and rule set), so cross-file flows are found
 * and every later file of the same Program costs a lookup; the per-file index is cached in a
 * WeakMap keyed by the analysis result.
 */
import path from 'node:path';
import type ts from 'typescript';
import { rules } from '../../rules/index.js';
import { analyzeProgram, type AnalysisResult, type Finding } from '../engine/index.js';
import type { ResolvedConfig } from '../policy/config.js';

const findingsByFile = new WeakMap<AnalysisResult, ReadonlyMap<string, readonly Finding[]>>();

/** Returns the findings of every rule in `file` (absolute or relative to the process cwd), suppressed ones included. */
export function getFindingsForFile(program: ts.Program, config: ResolvedConfig, file: string): readonly Finding[] {
  const result = analyzeProgram(program, config, rules);
  let byFile = findingsByFile.get(result);
  if (byFile === undefined) {
    const grouped = new Map<string, Finding[]>();
    for (const finding of result.findings) {
      const key = toFileKey(finding.file);
      const list = grouped.get(key);
      if (list === undefined) grouped.set(key, [finding]);
      else list.push(finding);
    }
    byFile = grouped;
    findingsByFile.set(result, byFile);
  }
  return byFile.get(toFileKey(file)) ?? [];
}

/** TypeScript names files with `/`; ESLint with the platform's separator. */
function toFileKey(file: string): string {
  const resolved = path.resolve(file);
  return process.platform === 'win32' || process.platform === 'darwin' ? resolved.toLowerCase() : resolved;
}
