/**
 * The CLI's `--format json` output (DESIGN.md section 6), version 1: unsuppressed findings with
 * their source (and every datum the statement carries into the sink), sink and trace, suppressed
 * findings apart with their reason, and a summary.
 * Keys come in a fixed order and paths are relative to the working directory with forward
 * slashes, so the output diffs cleanly and is the same on every machine. A pure mapping: no
 * engine calls, and the result is masked for card numbers as the last step.
 */
import { maskCardNumbersInText } from '../engine/card-numbers.js';
import { getDistinctData, type Finding } from '../engine/findings-types.js';
import { countByModule, type UnresolvedCall, type UnresolvedImport, type Unseen } from '../engine/unseen.js';
import { summarizeFindings, type PackageReport } from './summarize-findings.js';
import { toRelativePath } from './to-relative-path.js';

export interface FormatJsonOptions {
  /** directory the paths are made relative to */
  readonly cwd: string;
  /** files the engine analysed, with or without findings */
  readonly filesAnalyzed: number;
  /** files read for summaries but not reported: outside the tsconfig's `files`/`include` (see `AnalysisResult`) */
  readonly filesReadNotReported: number;
  /** wall-clock time of the run; printed as `summary.durationMs` when given */
  readonly durationMs?: number;
  /** `check --workspace`: printed as `summary.packages` */
  readonly packages?: readonly PackageReport[];
  /** counted in `summary.unresolvedImports`; listed in `unresolved` with `explainUnresolved` */
  readonly unseen?: Unseen;
  /** `--explain-unresolved`: add the `unresolved` lists */
  readonly explainUnresolved?: boolean;
}

/** A workspace package in `summary.packages`. */
export interface JsonPackageSummary {
  readonly name: string;
  readonly path: string;
  readonly status: PackageReport['status'];
  readonly errors: number;
  readonly warnings: number;
  readonly suppressed: number;
  readonly filesAnalyzed: number;
}

/** One finding in the JSON output; keys are serialised in this order. */
export interface JsonFinding {
  readonly ruleId: string;
  readonly severity: Finding['severity'];
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly message: string;
  readonly confidence: Finding['confidence'];
  readonly source?: { readonly file: string; readonly line: number; readonly label: string; readonly kind: string };
  /** every datum the statement carries into the sink, `source` first */
  readonly data?: readonly { readonly label: string; readonly kind: string; readonly confidence: Finding['confidence'] }[];
  readonly sink?: { readonly kind: string; readonly callee: string; readonly module: string };
  readonly trace: readonly { readonly file: string; readonly line: number; readonly note: string }[];
}

/** The whole JSON document (`version: 1`). */
export interface JsonReport {
  readonly version: 1;
  readonly findings: readonly JsonFinding[];
  /** findings covered by a suppression comment, with the comment's reason */
  readonly suppressed: readonly (JsonFinding & { readonly reason: string })[];
  readonly summary: {
    readonly errors: number;
    readonly warnings: number;
    readonly suppressed: number;
    /** files with at least one unsuppressed finding */
    readonly files: number;
    readonly filesAnalyzed: number;
    readonly filesReadNotReported: number;
    readonly byRule: Readonly<Record<string, number>>;
    /** imports in the reported files that did not resolve: sinks behind them cannot be recognised */
    readonly unresolvedImports: number;
    /** the same, per module (package name, or a relative specifier as written), most first */
    readonly unresolvedModules: readonly { readonly module: string; readonly count: number }[];
    readonly durationMs?: number;
    readonly packages?: readonly JsonPackageSummary[];
  };
  /** with `--explain-unresolved`: each unresolved import, and each log-like or HTTP call that resolved to no sink */
  readonly unresolved?: {
    readonly imports: readonly UnresolvedImport[];
    readonly calls: readonly UnresolvedCall[];
  };
}

/**
 * Formats findings as the version-1 JSON document, pretty-printed with a trailing newline.
 * Findings keep the order they are given in; `summary.byRule` keys are sorted.
 */
export function formatJson(findings: readonly Finding[], options: FormatJsonOptions): string {
  const summary = summarizeFindings(findings);
  const document: JsonReport = {
    version: 1,
    findings: findings.filter((finding) => finding.suppression === undefined).map((finding) => toJsonFinding(finding, options.cwd)),
    suppressed: findings.flatMap((finding) =>
      finding.suppression === undefined ? [] : [{ ...toJsonFinding(finding, options.cwd), reason: finding.suppression.reason }],
    ),
    summary: {
      errors: summary.errors,
      warnings: summary.warnings,
      suppressed: summary.suppressed,
      files: summary.files,
      filesAnalyzed: options.filesAnalyzed,
      filesReadNotReported: options.filesReadNotReported,
      byRule: summary.byRule,
      unresolvedImports: options.unseen?.imports.length ?? 0,
      unresolvedModules: countByModule(options.unseen?.imports ?? []),
      ...(options.durationMs === undefined ? {} : { durationMs: Math.round(options.durationMs) }),
      ...(options.packages === undefined ? {} : { packages: options.packages.map(toJsonPackageSummary) }),
    },
    ...(options.explainUnresolved === true ? { unresolved: toJsonUnresolved(options.unseen, options.cwd) } : {}),
  };
  return maskCardNumbersInText(`${JSON.stringify(document, null, 2)}\n`);
}

function toJsonUnresolved(unseen: Unseen | undefined, cwd: string): NonNullable<JsonReport['unresolved']> {
  return {
    imports: (unseen?.imports ?? []).map((entry) => ({ file: toRelativePath(entry.file, cwd), line: entry.line, module: entry.module })),
    calls: (unseen?.calls ?? []).map((call) => ({ file: toRelativePath(call.file, cwd), line: call.line, column: call.column, callee: call.callee, kind: call.kind, reason: call.reason })),
  };
}

function toJsonPackageSummary(report: PackageReport): JsonPackageSummary {
  const summary = summarizeFindings(report.findings);
  return {
    name: report.name,
    path: report.path,
    status: report.status,
    errors: summary.errors,
    warnings: summary.warnings,
    suppressed: summary.suppressed,
    filesAnalyzed: report.filesAnalyzed,
  };
}

function toJsonFinding(finding: Finding, cwd: string): JsonFinding {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    file: toRelativePath(finding.file, cwd),
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    message: finding.message,
    confidence: finding.confidence,
    ...(finding.source === undefined
      ? {}
      : {
          source: {
            file: toRelativePath(finding.source.file, cwd),
            line: finding.source.line,
            label: finding.source.label,
            kind: finding.source.kind,
          },
        }),
    ...(finding.carried === undefined
      ? {}
      : { data: getDistinctData(finding.carried).map((data) => ({ label: data.source.label, kind: data.source.kind, confidence: data.confidence })) }),
    ...(finding.sink === undefined
      ? {}
      : { sink: { kind: finding.sink.kind, callee: finding.sink.callee, module: finding.sink.module } }),
    trace: finding.trace.map((step) => ({ file: toRelativePath(step.file, cwd), line: step.line, note: step.note })),
  };
}
