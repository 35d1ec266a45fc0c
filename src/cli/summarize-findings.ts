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

/** One workspace package in the output of `check --workspace`: its own line in text, JSON and SARIF. */
export interface PackageReport {
  readonly name: string;
  /** the package folder relative to the workspace root, `/`-separated */
  readonly path: string;
  /** `not-selected`: no changed file or path argument is in the package, so it was not analysed */
  readonly status: 'checked' | 'no-tsconfig' | 'not-selected';
  readonly filesAnalyzed: number;
  /** the reported findings in the package's files */
  readonly findings: readonly Finding[];
}

/** `apps/web (@acme/web): 2 errors, 0 warnings, 312 files analyzed`: one line per package. */
export function describePackage(report: PackageReport): string {
  const label = report.name === report.path ? report.path : `${report.path} (${report.name})`;
  if (report.status === 'no-tsconfig') return `${label}: no tsconfig.json, not checked`;
  if (report.status === 'not-selected') return `${label}: no changed or named file in it, not analysed`;
  const summary = summarizeFindings(report.findings);
  const suppressed = summary.suppressed === 0 ? '' : `, ${summary.suppressed} suppressed`;
  return `${label}: ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}${suppressed}, ${plural(report.filesAnalyzed, 'file')} analyzed`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
