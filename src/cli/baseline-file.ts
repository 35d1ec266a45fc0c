/**
 * The baseline file: the fingerprints of the findings a project had when it was baselined, so
 * that `classified check --baseline FILE` reports only new ones. Format, version 1:
 *
 *     { "version": 1, "findings": [{ "fingerprint", "ruleId", "file", "message" }] }
 *
 * sorted by file, rule id and fingerprint, pretty-printed with a trailing newline, so that
 * regenerating an unchanged baseline gives the same bytes and a burn-down diff shows only the
 * findings that went away. `file` is relative to the project root; `ruleId`, `file` and `message`
 * are for people reading the file — only `fingerprint` is matched.
 */
import fs from 'node:fs';
import { maskCardNumbersInText } from '../engine/index.js';
import { CliUsageError } from './usage-error.js';

export interface BaselineEntry {
  readonly fingerprint: string;
  readonly ruleId: string;
  readonly file: string;
  readonly message: string;
}

export interface BaselineFile {
  readonly version: 1;
  readonly findings: readonly BaselineEntry[];
}

/** A baseline file that cannot be read or is not a version-1 baseline. */
export class BaselineError extends CliUsageError {}

/** Serialises entries as a version-1 baseline document, sorted and stable. */
export function formatBaseline(entries: readonly BaselineEntry[]): string {
  const findings = entries
    .map((entry) => ({ fingerprint: entry.fingerprint, ruleId: entry.ruleId, file: entry.file, message: maskCardNumbersInText(entry.message) }))
    .sort((a, b) => compare(a.file, b.file) || compare(a.ruleId, b.ruleId) || compare(a.fingerprint, b.fingerprint));
  const document: BaselineFile = { version: 1, findings };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** Reads a baseline file; errors name the file and what is wrong. */
export function readBaseline(file: string): BaselineFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BaselineError(`${file}: ${code === 'ENOENT' ? 'baseline file not found (create it with `classified baseline FILE`)' : `cannot read baseline file (${code ?? String(error)})`}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!isRecord(value) || value.version !== 1) throw new BaselineError(`${file}: expected a baseline with "version": 1`);
  if (!Array.isArray(value.findings)) throw new BaselineError(`${file}: $.findings: expected an array`);
  const findings = value.findings.map((entry: unknown, index: number): BaselineEntry => {
    if (!isRecord(entry) || typeof entry.fingerprint !== 'string' || entry.fingerprint === '') {
      throw new BaselineError(`${file}: $.findings[${index}].fingerprint: expected a non-empty string`);
    }
    return {
      fingerprint: entry.fingerprint,
      ruleId: typeof entry.ruleId === 'string' ? entry.ruleId : '',
      file: typeof entry.file === 'string' ? entry.file : '',
      message: typeof entry.message === 'string' ? entry.message : '',
    };
  });
  return { version: 1, findings };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
