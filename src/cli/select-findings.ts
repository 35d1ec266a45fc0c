/**
 * The adoption filters of `classified check`: `--changed [--base REF]` keeps the findings in
 * files changed since REF, `--baseline FILE` drops the findings recorded in a baseline. The facts
 * (brands, summaries across files) come from the whole project; `--changed` alone also focuses
 * the analysis on the changed files and what they call (`focus`), which finds the same findings
 * in them for less work. Each filter that hides findings says so in a note (printed on stderr),
 * so a quiet run is never a silent one.
 */
import path from 'node:path';
import type { Finding } from '../engine/index.js';
import { readBaseline } from './baseline-file.js';
import { listChangedFiles, realPath } from './changed-files.js';

export interface SelectOptions {
  /** `--baseline FILE` */
  readonly baseline?: string;
  /** `--changed` */
  readonly changed?: boolean;
  /** `--base REF` (implies `--changed`; default `HEAD`) */
  readonly base?: string;
}

export interface Selection {
  readonly findings: readonly Finding[];
  /** what was left out and why, one line each */
  readonly notes: readonly string[];
}

/** Applies the filters to the findings of an analysis (see `prepareSelection`). */
export type SelectFindings = (findings: readonly Finding[], fingerprints: ReadonlyMap<Finding, string>) => Selection;

export interface PreparedSelection {
  readonly select: SelectFindings;
  /**
   * With `--changed` alone: the files the analysis may focus on. Not with `--baseline`, which
   * needs every finding to tell which baselined ones are fixed.
   */
  readonly focus?: (fileName: string) => boolean;
  /** with `--changed`: the changed files (absolute, real paths) */
  readonly changedFiles?: ReadonlySet<string>;
}

/**
 * Reads what the filters need — the baseline file, git's list of changed files — before the
 * (long) analysis runs, so that a missing baseline or a bad revision fails fast; errors are
 * `CliUsageError`s. The returned `select` applies `--changed` and then `--baseline` to
 * `findings`; `fingerprints` holds the baseline fingerprint of every finding of the analysis
 * (needed only with `--baseline`). `projectDir` is where git is asked.
 */
export function prepareSelection(options: SelectOptions, projectDir: string): PreparedSelection {
  const base = options.changed === true || options.base !== undefined ? options.base ?? 'HEAD' : undefined;
  const changed = base === undefined ? undefined : listChangedFiles(projectDir, base);
  const baseline = options.baseline === undefined ? undefined : readBaseline(options.baseline);
  const realPaths = new Map<string, string>();
  const isChanged = (file: string): boolean => {
    let real = realPaths.get(file);
    if (real === undefined) {
      real = realPath(file);
      realPaths.set(file, real);
    }
    return changed?.has(real) === true;
  };
  const focus = changed !== undefined && baseline === undefined ? isChanged : undefined;
  const select: SelectFindings = (findings, fingerprints) => {
    const notes: string[] = [];
    let selected = findings;
    if (changed !== undefined) {
      const kept = selected.filter((finding) => isChanged(finding.file));
      const hidden = countActive(selected) - countActive(kept);
      // a focused analysis does not look for findings elsewhere, so it cannot count them
      const left = focus === undefined ? `${plural(hidden, 'finding')} in unchanged files not reported` : 'findings in unchanged files not reported (the analysis followed the changed files into them)';
      notes.push(`--changed: ${plural(changed.size, 'file')} changed since ${base}; ${left}`);
      selected = kept;
    }
    if (baseline !== undefined && options.baseline !== undefined) {
      const known = new Set(baseline.findings.map((entry) => entry.fingerprint));
      const matched = new Set<string>();
      const kept = selected.filter((finding) => {
        if (finding.suppression !== undefined) return true;
        const fingerprint = fingerprints.get(finding);
        if (fingerprint === undefined || !known.has(fingerprint)) return true;
        matched.add(fingerprint);
        return false;
      });
      const name = path.relative(process.cwd(), path.resolve(options.baseline)).split(path.sep).join('/');
      let note = `--baseline: ${plural(matched.size, 'baselined finding')} not reported (${name})`;
      const fixed = known.size - countStillFound(fingerprints, known);
      if (fixed > 0) note += `; ${plural(fixed, 'baselined finding')} no longer found — run \`classified baseline ${name}\` to shrink the baseline`;
      notes.push(note);
      selected = kept;
    }
    return { findings: selected, notes };
  };
  return { select, ...(focus === undefined ? {} : { focus }), ...(changed === undefined ? {} : { changedFiles: changed }) };
}

function countActive(findings: readonly Finding[]): number {
  return findings.filter((finding) => finding.suppression === undefined).length;
}

/** Baseline entries still found anywhere in the project (not only in the reported files). */
function countStillFound(fingerprints: ReadonlyMap<Finding, string>, known: ReadonlySet<string>): number {
  const found = new Set<string>();
  for (const [finding, fingerprint] of fingerprints) {
    if (finding.suppression === undefined && known.has(fingerprint)) found.add(fingerprint);
  }
  return found.size;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
