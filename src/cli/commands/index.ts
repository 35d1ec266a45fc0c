/**
 * Subcommands beyond `check` (which lives in ../main.ts). Each module exports a `register`
 * function that adds its command to the program and reports its exit code through `setExitCode`.
 */
import type { Command } from 'commander';
import type { MainEnvironment } from '../main.js';

export type RegisterCommand = (program: Command, environment: MainEnvironment, setExitCode: (code: number) => void) => void;

export const COMMANDS: readonly RegisterCommand[] = [];
