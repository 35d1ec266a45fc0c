/**
 * Turns the engine's absolute file paths into the paths every CLI output prints: relative to the
 * working directory and with forward slashes on every platform, so JSON, SARIF and text agree
 * and no output leaks the layout of the machine it ran on.
 */
import path from 'node:path';

/**
 * Returns `file` relative to `cwd` with `/` separators (`src/pay.ts`, `../lib/x.ts`). A file on
 * another drive (Windows) has no relative form and comes back absolute, with `/` separators.
 */
export function toRelativePath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return (relative === '' ? path.basename(file) : relative).split(path.sep).join('/');
}
