/**
 * Counts the findings a CLI run reports, shared by the JSON and text formatters so both print
 * the same numbers: findings covered by a suppression comment are counted apart and never in
 * errors, warnings, files or per-rule totals.
 */
import type { Finding } from '../engine/findings-types.js';

export interface FindingsSummary {
  readonly errors: number;
  readonly warnings: number;
  readonly suppressed: number;
  /** distinct files with at least one unsuppressed finding */
  readonly files: number;
  /** unsuppressed findings per rule id, keys sorted */
  readonly byRule: Readonly<Record<string, number>>;
}

/** Counts unsuppressed findings by severity, file and rule, and suppressed findings apart. */
export function summarizeFindings(findings: readonly Finding[]): FindingsSummary {
  let errors = 0;
  let warnings = 0;
  let suppressed = 0;
  const files = new Set<string>();
  const byRule = new Map<string, number>();
  for (const finding of findings) {
    if (finding.suppression !== undefined) {
      suppressed++;
      continue;
    }
    if (finding.severity === 'error') errors++;
    else warnings++;
    files.add(finding.file);
    byRule.set(finding.ruleId, (byRule.get(finding.ruleId) ?? 0) + 1);
  }
  const sortedByRule: Record<string, number> = {};
  for (const ruleId of [...byRule.keys()].sort()) sortedByRule[ruleId] = byRule.get(ruleId) ?? 0;
  return { errors, warnings, suppressed, files: files.size, byRule: sortedByRule };
}
