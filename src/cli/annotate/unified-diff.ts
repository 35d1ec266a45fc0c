/**
 * The unified diff `classified annotate --dry-run` prints for one file, rendered by the `diff`
 * package: `--- a/<name>` / `+++ b/<name>` headers and hunks with three lines of context, the
 * form `git apply` and `patch -p1` accept.
 */
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';

/** A unified diff of two versions of the file `name` (relative, `/`-separated); empty when nothing changed. */
export function createUnifiedDiff(name: string, before: string, after: string): string {
  if (before === after) return '';
  return createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
}
