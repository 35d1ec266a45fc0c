/**
 * The CLI's `--format sarif` output: one SARIF 2.1.0 run (one per package for a workspace) that
 * GitHub code scanning accepts. Every rule is listed with its docs link and default level; every
 * finding becomes a result whose location is relative to `%SRCROOT%` (the working directory),
 * whose trace is a code flow and whose sources (every datum it lists) are related locations.
 * Suppressed findings stay in the log with an `inSource` suppression and its reason, so they
 * remain auditable. Fingerprints hash what identifies a finding (rule, file, sink, data) and not
 * its lines, so an alert survives unrelated edits. A pure mapping: no engine calls, and the
 * result is masked for card numbers as the last step.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { maskCardNumbersInText } from '../engine/card-numbers.js';
import { getDistinctData, type Finding, type TraceStep } from '../engine/findings-types.js';
import type { RuleDescriptor } from './rule-descriptor.js';
import type { PackageReport } from './summarize-findings.js';
import { toRelativePath } from './to-relative-path.js';

export interface FormatSarifOptions {
  /** directory that `%SRCROOT%` stands for; artifact URIs are relative to it */
  readonly cwd: string;
  /** every rule of the run, in the order `ruleIndex` refers to */
  readonly rules: readonly RuleDescriptor[];
  /** the `classified` package version */
  readonly toolVersion: string;
  /** the tool's home page; defaults to {@link DEFAULT_INFORMATION_URI} */
  readonly informationUri?: string;
  /**
   * `check --workspace`: one run per checked package instead of one run, each with its own
   * code-scanning category (`runAutomationDetails.id` `classified/<package folder>/`), so that one
   * upload keeps every package's alerts apart and a package whose findings are all fixed gets its
   * alerts closed.
   */
  readonly packages?: readonly PackageReport[];
}

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const DEFAULT_INFORMATION_URI = 'https://www.npmjs.com/package/classified';
const SRCROOT = '%SRCROOT%';
/** partialFingerprints key; bump the version when the hashed fields change */
const FINGERPRINT_KEY = 'classifiedFindingHash/v1';

/**
 * Formats findings as a SARIF 2.1.0 log, pretty-printed with a trailing newline. Results keep the
 * order they are given in. A finding whose rule is not in `options.rules` gets no `ruleIndex`.
 * With `options.packages`, the packages' findings are written, one run per checked package.
 */
export function formatSarif(findings: readonly Finding[], options: FormatSarifOptions): string {
  const runs = options.packages === undefined
    ? [toRun(findings, options, undefined)]
    : options.packages.filter((report) => report.status === 'checked').map((report) => toRun(report.findings, options, `classified/${report.path}/`));
  const log: Sarif.Log = { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs };
  return maskCardNumbersInText(`${JSON.stringify(log, null, 2)}\n`);
}

function toRun(findings: readonly Finding[], options: FormatSarifOptions, automationId: string | undefined): Sarif.Run {
  const ruleIndexes = new Map(options.rules.map((rule, index) => [rule.id, index]));
  const occurrences = new Map<string, number>();
  const results = findings.map((finding): Sarif.Result => {
    const hash = fingerprintHash(finding, options.cwd);
    // Findings identical in rule, file, sink and data (two `logger.info(user.email)` calls) are
    // told apart by their order in the file, as GitHub's own `primaryLocationLineHash` does.
    const occurrence = (occurrences.get(hash) ?? 0) + 1;
    occurrences.set(hash, occurrence);
    const ruleIndex = ruleIndexes.get(finding.ruleId);
    return {
      ruleId: finding.ruleId,
      ...(ruleIndex === undefined ? {} : { ruleIndex }),
      level: toLevel(finding.severity),
      message: { text: finding.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: toArtifactLocation(finding.file, options.cwd),
            region: {
              startLine: atLeastOne(finding.line),
              startColumn: atLeastOne(finding.column),
              endLine: Math.max(atLeastOne(finding.line), finding.endLine),
              endColumn: atLeastOne(finding.endColumn),
            },
          },
        },
      ],
      partialFingerprints: { [FINGERPRINT_KEY]: `${hash}:${occurrence}` },
      ...(finding.trace.length === 0 ? {} : { codeFlows: [toCodeFlow(finding.trace, options.cwd)] }),
      ...(finding.source === undefined ? {} : { relatedLocations: toSourceLocations(finding, options.cwd) }),
      ...(finding.suppression === undefined
        ? {}
        : { suppressions: [{ kind: 'inSource', justification: finding.suppression.reason }] }),
    };
  });
  return {
    tool: {
      driver: {
        name: 'classified',
        informationUri: options.informationUri ?? DEFAULT_INFORMATION_URI,
        semanticVersion: options.toolVersion,
        version: options.toolVersion,
        rules: options.rules.map(toReportingDescriptor),
      },
    },
    ...(automationId === undefined ? {} : { automationDetails: { id: automationId } }),
    originalUriBaseIds: { [SRCROOT]: { uri: toDirectoryUri(options.cwd) } },
    // TypeScript reports columns in UTF-16 code units.
    columnKind: 'utf16CodeUnits',
    results,
  };
}

function toReportingDescriptor(rule: RuleDescriptor): Sarif.ReportingDescriptor {
  return {
    id: rule.id,
    shortDescription: { text: rule.description },
    helpUri: rule.docsUrl,
    help: { text: `${rule.description}. See ${rule.docsUrl}`, markdown: `${rule.description}.\n\n[Documentation](${rule.docsUrl})` },
    defaultConfiguration: { level: toLevel(rule.defaultSeverity) },
    properties: { tags: ['security', 'privacy'] },
  };
}

/** One related location per datum the finding lists (`source` first), numbered from 1. */
function toSourceLocations(finding: Finding, cwd: string): Sarif.Location[] {
  const sources = finding.carried === undefined ? (finding.source === undefined ? [] : [finding.source]) : getDistinctData(finding.carried).map((data) => data.source);
  return sources.map((source, index) => ({
    id: index + 1,
    physicalLocation: {
      artifactLocation: toArtifactLocation(source.file, cwd),
      region: { startLine: atLeastOne(source.line) },
    },
    message: { text: `source: ${source.label} (${source.kind})` },
  }));
}

function toCodeFlow(trace: readonly TraceStep[], cwd: string): Sarif.CodeFlow {
  return {
    threadFlows: [
      {
        locations: trace.map((step) => ({
          location: {
            physicalLocation: {
              artifactLocation: toArtifactLocation(step.file, cwd),
              region: { startLine: atLeastOne(step.line), startColumn: atLeastOne(step.column) },
            },
            message: { text: step.note },
          },
        })),
      },
    ],
  };
}

/**
 * A URI relative to `%SRCROOT%`, each segment percent-encoded. A file with no relative form
 * (another drive on Windows) gets its absolute `file:` URI instead, the only valid choice.
 */
function toArtifactLocation(file: string, cwd: string): Sarif.ArtifactLocation {
  const relative = toRelativePath(file, cwd);
  if (path.isAbsolute(relative)) return { uri: pathToFileURL(file).href };
  return { uri: relative.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function toDirectoryUri(directory: string): string {
  const href = pathToFileURL(directory).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/**
 * Hashes rule, relative file, sink callee and source label — never line numbers. The label is
 * masked first so a card number cannot be recovered from the hash by enumeration; the digest is
 * base64url so it cannot itself look like a card number to the final masking pass.
 */
function fingerprintHash(finding: Finding, cwd: string): string {
  const parts = [
    finding.ruleId,
    toRelativePath(finding.file, cwd),
    finding.sink?.callee ?? '',
    maskCardNumbersInText(finding.source?.label ?? ''),
  ];
  return createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 32);
}

function toLevel(severity: 'error' | 'warn'): 'error' | 'warning' {
  return severity === 'error' ? 'error' : 'warning';
}

/** SARIF and GitHub reject lines and columns below 1; the engine's are 1-based already. */
function atLeastOne(value: number): number {
  return Math.max(1, value);
}
