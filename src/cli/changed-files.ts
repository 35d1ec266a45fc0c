/**
 * The files `check --changed` reports on: those that differ from a git revision. For the default
 * `HEAD` that is every staged, unstaged and untracked (not ignored) file — what a pre-commit hook
 * wants; for another revision (`--base origin/main`) the files changed since the merge base with
 * it, committed or not — what a pull request changes. Git runs through `execFileSync` with an
 * argument list, never a shell string.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CliUsageError } from './usage-error.js';

export class GitError extends CliUsageError {}

/** Absolute, real paths of the files changed in the repository containing `directory` vs `base`. */
export function listChangedFiles(directory: string, base: string): Set<string> {
  if (base.startsWith('-')) throw new GitError(`--base ${base}: not a git revision`);
  let top: string;
  try {
    top = git(directory, ['rev-parse', '--show-toplevel']).trim();
  } catch {
    throw new GitError(`--changed: ${directory} is not inside a git repository`);
  }
  const names: string[] = [];
  if (isCommit(top, base)) {
    const from = base === 'HEAD' ? 'HEAD' : mergeBase(top, base);
    names.push(...split(git(top, ['diff', '--name-only', '--no-renames', '-z', from, '--'])));
  } else if (base === 'HEAD') {
    // a repository without commits yet: everything staged is new
    names.push(...split(git(top, ['ls-files', '--cached', '-z'])));
  } else {
    throw new GitError(`--base ${base}: unknown git revision`);
  }
  names.push(...split(git(top, ['ls-files', '--others', '--exclude-standard', '-z'])));
  return new Set(names.map((name) => realPath(path.resolve(top, name))));
}

/** The real path of `file` when it exists (git reports real paths), else `file` itself. */
export function realPath(file: string): string {
  try {
    return fs.realpathSync.native(file);
  } catch {
    return path.resolve(file);
  }
}

function isCommit(cwd: string, revision: string): boolean {
  try {
    git(cwd, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

function mergeBase(cwd: string, revision: string): string {
  try {
    return git(cwd, ['merge-base', revision, 'HEAD']).trim();
  } catch {
    return revision; // unrelated histories: compare with the revision itself
  }
}

function split(output: string): string[] {
  return output.split('\0').filter((name) => name !== '');
}

function git(cwd: string, args: readonly string[]): string {
  return execFileSync('git', [...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
}
