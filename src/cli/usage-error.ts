/**
 * Errors in what the user asked for — a broken config, a missing project, a missing baseline
 * file, `--changed` outside a git repository: the CLI prints the message (which names the file and
 * what was expected) and exits 2, never with a stack trace.
 */
import { ProjectError } from '../engine/index.js';
import { ConfigError } from '../policy/config.js';

export class CliUsageError extends Error {}

export const EXIT_USAGE = 2;

/**
 * Prints a usage, config or project error and returns exit code 2; returns undefined for any
 * other error, which the caller rethrows (a bug, reported as an internal error).
 */
export function reportUsageError(error: unknown): number | undefined {
  if (error instanceof ConfigError || error instanceof ProjectError || error instanceof CliUsageError) {
    process.stderr.write(`classified: ${error.message}\n`);
    return EXIT_USAGE;
  }
  return undefined;
}
