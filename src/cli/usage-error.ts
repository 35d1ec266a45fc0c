/**
 * An error in what the user asked for (a missing baseline file, `--changed` outside a git
 * repository, an unknown `--base` revision): the CLI prints the message and exits 2.
 */
export class CliUsageError extends Error {}
