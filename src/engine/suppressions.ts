/**
 * Suppression comments, read the way ESLint writes them so one comment serves every front end:
 * `// eslint-disable-next-line classified/<rule-id> -- reason` (or `eslint-disable-line`). A
 * suppression must give a reason after `--`; one without is ignored and says so in the finding.
 */
import ts from 'typescript';

export interface Suppression {
  readonly ruleIds: ReadonlySet<string>;
  /** the comment's reason after `--`; empty when none was given */
  readonly reason: string;
  /** 1-based line of the comment */
  readonly line: number;
}

const DIRECTIVE = /eslint-disable-(next-line|line)\s+([^\n*]*?)(?:\s+--\s*(.*?))?\s*(?:\*\/)?$/;

const cache = new WeakMap<ts.SourceFile, ReadonlyMap<number, Suppression>>();

/** Suppressions by the 1-based line they apply to. */
export function getSuppressions(file: ts.SourceFile): ReadonlyMap<number, Suppression> {
  const cached = cache.get(file);
  if (cached !== undefined) return cached;
  const suppressions = new Map<number, Suppression>();
  cache.set(file, suppressions);
  if (!file.text.includes('eslint-disable')) return suppressions;
  const lines = file.text.split(/\r?\n/);
  lines.forEach((text, index) => {
    const commentStart = text.indexOf('//') >= 0 ? text.indexOf('//') : text.indexOf('/*');
    if (commentStart < 0) return;
    const match = DIRECTIVE.exec(text.slice(commentStart));
    if (match === null) return;
    const ruleIds = new Set(
      (match[2] ?? '')
        .split(',')
        .map((rule) => rule.trim())
        .filter((rule) => rule.startsWith('classified/'))
        .map((rule) => rule.slice('classified/'.length)),
    );
    if (ruleIds.size === 0) return;
    const line = index + 1;
    const target = match[1] === 'next-line' ? line + 1 : line;
    suppressions.set(target, { ruleIds, reason: (match[3] ?? '').trim(), line });
  });
  return suppressions;
}
