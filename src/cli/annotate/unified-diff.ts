/**
 * A small line diff (Myers' O(ND) algorithm) and its unified-diff rendering, for
 * `classified annotate --dry-run`. Written here rather than taken from the `diff` package: the
 * annotate edits are a handful of changed lines per file, this is ~100 lines with no
 * dependency, and the output only has to be the plain `--- a/` `+++ b/` `@@` format that
 * `git apply` and `patch -p1` accept.
 */

export type LineEdit =
  | { readonly type: 'equal'; readonly oldIndex: number; readonly newIndex: number; readonly line: string }
  | { readonly type: 'delete'; readonly oldIndex: number; readonly line: string }
  | { readonly type: 'insert'; readonly newIndex: number; readonly line: string };

/** Splits text into lines, keeping a final line without a newline as a line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The shortest edit script turning `before` into `after`, line by line. */
export function diffLines(before: readonly string[], after: readonly string[]): LineEdit[] {
  // common prefix and suffix first: annotate changes few lines, so the middle stays small
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < before.length - prefix &&
    suffix < after.length - prefix &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
  ) suffix++;
  const a = before.slice(prefix, before.length - suffix);
  const b = after.slice(prefix, after.length - suffix);
  const edits: LineEdit[] = [];
  for (let i = 0; i < prefix; i++) edits.push({ type: 'equal', oldIndex: i, newIndex: i, line: before[i] ?? '' });
  for (const edit of myers(a, b)) {
    if (edit.type === 'equal') edits.push({ ...edit, oldIndex: edit.oldIndex + prefix, newIndex: edit.newIndex + prefix });
    else if (edit.type === 'delete') edits.push({ ...edit, oldIndex: edit.oldIndex + prefix });
    else edits.push({ ...edit, newIndex: edit.newIndex + prefix });
  }
  for (let i = 0; i < suffix; i++) {
    const oldIndex = before.length - suffix + i;
    edits.push({ type: 'equal', oldIndex, newIndex: after.length - suffix + i, line: before[oldIndex] ?? '' });
  }
  return edits;
}

function myers(a: readonly string[], b: readonly string[]): LineEdit[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  outer: for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0)) ? (v[offset + k + 1] ?? 0) : (v[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) break outer;
    }
  }
  // walk the trace back from (n, m)
  const edits: LineEdit[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0 && (x > 0 || y > 0); d--) {
    const row = trace[d] ?? v;
    const k = x - y;
    const down = k === -d || (k !== d && (row[offset + k - 1] ?? 0) < (row[offset + k + 1] ?? 0));
    const previousK = down ? k + 1 : k - 1;
    const previousX = d === 0 ? 0 : (row[offset + previousK] ?? 0);
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      x--;
      y--;
      edits.push({ type: 'equal', oldIndex: x, newIndex: y, line: a[x] ?? '' });
    }
    if (d === 0) break;
    if (down) {
      y--;
      edits.push({ type: 'insert', newIndex: y, line: b[y] ?? '' });
    } else {
      x--;
      edits.push({ type: 'delete', oldIndex: x, line: a[x] ?? '' });
    }
  }
  return edits.reverse();
}

/**
 * A unified diff of two versions of a file (`--- a/<name>` / `+++ b/<name>` headers, hunks with
 * `context` lines around each change); empty when nothing changed.
 */
export function createUnifiedDiff(name: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const oldLines = splitLines(before);
  const newLines = splitLines(after);
  const edits = diffLines(oldLines, newLines);
  const changed = edits.map((edit, index) => (edit.type === 'equal' ? -1 : index)).filter((index) => index >= 0);
  if (changed.length === 0) return '';
  // group changes whose context overlaps into hunks
  const hunks: { start: number; end: number }[] = [];
  for (const index of changed) {
    const start = Math.max(0, index - context);
    const end = Math.min(edits.length - 1, index + context);
    const last = hunks[hunks.length - 1];
    if (last !== undefined && start <= last.end + 1) last.end = Math.max(last.end, end);
    else hunks.push({ start, end });
  }
  const out = [`--- a/${name}`, `+++ b/${name}`];
  for (const hunk of hunks) {
    const slice = edits.slice(hunk.start, hunk.end + 1);
    const oldStart = firstIndex(edits, hunk.start, 'old');
    const newStart = firstIndex(edits, hunk.start, 'new');
    const oldCount = slice.filter((edit) => edit.type !== 'insert').length;
    const newCount = slice.filter((edit) => edit.type !== 'delete').length;
    out.push(`@@ -${formatRange(oldStart, oldCount)} +${formatRange(newStart, newCount)} @@`);
    for (const edit of slice) out.push(`${edit.type === 'equal' ? ' ' : edit.type === 'delete' ? '-' : '+'}${edit.line}`);
    // annotate never adds or removes the final newline, so one marker serves both sides
    if (hunk.end === edits.length - 1 && !before.endsWith('\n') && !after.endsWith('\n')) out.push('\\ No newline at end of file');
  }
  return `${out.join('\n')}\n`;
}

/** 1-based line where a hunk starts in the old or new file (the line before it when the hunk is empty there). */
function firstIndex(edits: readonly LineEdit[], from: number, side: 'old' | 'new'): number {
  let count = 0;
  for (let i = 0; i < from; i++) {
    const edit = edits[i];
    if (edit === undefined) continue;
    if (side === 'old' ? edit.type !== 'insert' : edit.type !== 'delete') count++;
  }
  return count + 1;
}

function formatRange(start: number, count: number): string {
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}

/**
 * Maps 1-based lines of the old file to lines of the new file: unchanged lines to where they
 * are now, and in a block of changed lines the n-th old line to the n-th new one (annotate
 * rewrites lines in place); undefined for lines deleted without a replacement.
 */
export function mapOldLinesToNew(before: string, after: string): (line: number) => number | undefined {
  const map = new Map<number, number>();
  const edits = diffLines(splitLines(before), splitLines(after));
  for (let index = 0; index < edits.length; ) {
    const edit = edits[index] as LineEdit;
    if (edit.type === 'equal') {
      map.set(edit.oldIndex + 1, edit.newIndex + 1);
      index++;
      continue;
    }
    const deleted: number[] = [];
    const inserted: number[] = [];
    for (; index < edits.length && edits[index]?.type !== 'equal'; index++) {
      const change = edits[index] as LineEdit;
      if (change.type === 'delete') deleted.push(change.oldIndex);
      else if (change.type === 'insert') inserted.push(change.newIndex);
    }
    deleted.forEach((oldIndex, n) => {
      const newIndex = inserted[n];
      if (newIndex !== undefined) map.set(oldIndex + 1, newIndex + 1);
    });
  }
  return (line) => map.get(line);
}
