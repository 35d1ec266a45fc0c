/**
 * The CLI's default terminal output: one block per unsuppressed finding — its location,
 * severity, message and rule id, then the trace from the data's source to the sink, and with
 * `--explain` why the source is classified and why the callee is a sink — followed by one
 * summary line. Colour is opt-in (the CLI turns it on for a TTY) through a few ANSI codes, not a
 * dependency. A pure mapping: no engine calls, and the result is masked for card numbers as the
 * last step.
 */
import { maskCardNumbersInText } from '../engine/card-numbers.js';
import type { Finding } from '../engine/findings-types.js';
import { countByModule, type Unseen } from '../engine/unseen.js';
import { describePackage, summarizeFindings, type PackageReport } from './summarize-findings.js';
import { toRelativePath } from './to-relative-path.js';

export interface FormatTextOptions {
  /** directory the paths are made relative to */
  readonly cwd: string;
  /** wrap parts in ANSI colour codes */
  readonly color: boolean;
  /** add `why source:` and `why sink:` lines to each block */
  readonly explain: boolean;
  /** files the engine analysed, with or without findings */
  readonly filesAnalyzed: number;
  /** files read for summaries but not reported (outside the tsconfig's `files`/`include`) */
  readonly filesReadNotReported: number;
  /** `check --workspace`: one summary line per package before the totals */
  readonly packages?: readonly PackageReport[];
  /** imports that did not resolve (counted in a line before the summary) and calls no sink matched */
  readonly unseen?: Unseen;
  /** `--explain-unresolved`: list each unresolved import and call before the summary */
  readonly explainUnresolved?: boolean;
}

/**
 * Formats findings for a terminal, ending with a newline. The last line is the summary,
 * `N errors, N warnings in N files` (files with findings), plus `(N suppressed)` when any;
 * suppressed findings get no block. The line before it says how many files were analysed (and
 * how many others were read for summaries but not reported, when any); with `packages`, one line
 * per workspace package comes before that.
 */
export function formatText(findings: readonly Finding[], options: FormatTextOptions): string {
  const style = options.color ? ansi : plain;
  const blocks = findings
    .filter((finding) => finding.suppression === undefined)
    .map((finding) => formatBlock(finding, options, style));
  const summary = summarizeFindings(findings);
  const counts = `${count(summary.errors, 'error')}, ${count(summary.warnings, 'warning')} in ${count(summary.files, 'file')}`;
  const summaryStyle = summary.errors > 0 ? 'red' : summary.warnings > 0 ? 'yellow' : 'green';
  const summaryLine =
    style(counts, 'bold', summaryStyle) + (summary.suppressed > 0 ? style(` (${summary.suppressed} suppressed)`, 'dim') : '');
  const notReported = options.filesReadNotReported === 0 ? '' : `; ${count(options.filesReadNotReported, 'other file')} read but not reported (outside the tsconfig's files/include)`;
  const analyzedLine = style(`${count(options.filesAnalyzed, 'file')} analyzed${notReported}`, 'dim');
  const packageLines = (options.packages ?? []).map((report) => style(`  ${describePackage(report)}`, report.status === 'checked' ? 'bold' : 'dim'));
  const packagesHeader = packageLines.length === 0 ? [] : [`${count(packageLines.length, 'workspace package')}:`];
  const unseenLines = formatUnseen(options, style);
  const text = [...blocks.map((block) => `${block}\n`), ...packagesHeader, ...packageLines, ...unseenLines, analyzedLine, summaryLine].join('\n');
  return maskCardNumbersInText(`${text}\n`);
}

/** The count of unresolved imports by module; with `--explain-unresolved`, every import and call too. */
function formatUnseen(options: FormatTextOptions, style: Style): string[] {
  const imports = options.unseen?.imports ?? [];
  const calls = options.unseen?.calls ?? [];
  const lines: string[] = [];
  if (options.explainUnresolved === true) {
    if (imports.length === 0 && calls.length === 0) return [style('Nothing unresolved: every import resolved, and every call that looks like logging or an HTTP request matched a sink or a first-party host.', 'dim'), ''];
    if (calls.length > 0) lines.push(`${count(calls.length, 'call')} that ${calls.length === 1 ? 'looks' : 'look'} like logging or an HTTP request resolved to no sink:`);
    for (const call of calls) lines.push(`  ${style(`${toRelativePath(call.file, options.cwd)}:${call.line}:${call.column}`, 'underline')}  ${call.callee}  ${style(call.reason, 'dim')}`);
    if (imports.length > 0) lines.push(`${count(imports.length, 'import')} did not resolve:`);
    for (const entry of imports) lines.push(`  ${style(`${toRelativePath(entry.file, options.cwd)}:${entry.line}`, 'underline')}  ${entry.module}`);
    lines.push('');
  }
  if (imports.length > 0) {
    const modules = countByModule(imports);
    const listed = modules.slice(0, 5).map((entry) => `${entry.module} (${entry.count})`).join(', ') + (modules.length > 5 ? `, and ${modules.length - 5} more` : '');
    const hint = options.explainUnresolved === true ? '' : '; --explain-unresolved lists them';
    lines.push(style(`${count(imports.length, 'import')} did not resolve, so sinks behind them cannot be recognised: ${listed}${hint}`, 'yellow'));
  }
  return lines;
}

function formatBlock(finding: Finding, options: FormatTextOptions, style: Style): string {
  const location = `${toRelativePath(finding.file, options.cwd)}:${finding.line}:${finding.column}`;
  const severity = finding.severity === 'error' ? style('error', 'red') : style('warning', 'yellow');
  const lines = [`${style(location, 'underline')}  ${severity}  ${finding.message}  ${style(`[${finding.ruleId}]`, 'dim')}`];
  for (const step of finding.trace) {
    lines.push(`    ${style('↳', 'dim')} ${style(`${toRelativePath(step.file, options.cwd)}:${step.line}`, 'cyan')}  ${step.note}`);
  }
  if (options.explain) {
    if (finding.source !== undefined) lines.push(`    ${style('why source:', 'dim')} ${finding.source.reason}`);
    if (finding.sink !== undefined) lines.push(`    ${style('why sink:', 'dim')} ${finding.sink.reason}`);
  }
  return lines.join('\n');
}

/** `1 error`, `0 warnings`, `2 files`. */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

type StyleName = keyof typeof ANSI_CODES;
type Style = (text: string, ...styles: readonly StyleName[]) => string;

/** Open and close codes; each close resets only its own attribute so styles nest. */
const ANSI_CODES = {
  bold: [1, 22],
  dim: [2, 22],
  underline: [4, 24],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
} as const;

function ansi(text: string, ...styles: readonly StyleName[]): string {
  return styles.reduce((styled, name) => `\u001b[${ANSI_CODES[name][0]}m${styled}\u001b[${ANSI_CODES[name][1]}m`, text);
}

function plain(text: string): string {
  return text;
}
