/**
 * Path arguments of `check` (`classified check src/pay.ts src/web/`): they name files or folders
 * of the project (or of the workspace), narrow the reported findings to those, and — like
 * `--changed` — let the analysis focus on those files and what they call.
 */
import path from 'node:path';
import type { Finding } from '../engine/index.js';
import { toRelativePath } from './to-relative-path.js';
import { CliUsageError } from './usage-error.js';

/** Path filters name parts of the project: one outside its folder is a mistake (or a probe), said so. */
export function checkPathsInsideProject(paths: readonly string[], projectDir: string, cwd: string): void {
  for (const entry of paths) {
    const relative = path.relative(projectDir, path.resolve(cwd, entry));
    if (relative.startsWith('..') || path.isAbsolute(relative)) {
      throw new CliUsageError(`${entry}: outside the project root ${toRelativePath(projectDir, cwd) || '.'}; path filters must name files or folders of the project`);
    }
  }
}

export function filterByPaths(findings: readonly Finding[], paths: readonly string[], cwd: string): readonly Finding[] {
  if (paths.length === 0) return findings;
  return findings.filter((finding) => isUnderPaths(finding.file, paths, cwd));
}

export function isUnderPaths(file: string, paths: readonly string[], cwd: string): boolean {
  return paths.some((entry) => {
    const root = path.resolve(cwd, entry);
    return file === root || file.startsWith(root + path.sep) || file.startsWith(`${root}/`);
  });
}

/**
 * Path arguments and `--changed` both say which files' findings are wanted, so the analysis can
 * focus on those files and what they reach (not with `--baseline`, which needs every finding).
 */
export function combineFocus(first: ((file: string) => boolean) | undefined, second: ((file: string) => boolean) | undefined): ((file: string) => boolean) | undefined {
  if (first === undefined) return second;
  if (second === undefined) return first;
  return (file) => first(file) && second(file);
}
