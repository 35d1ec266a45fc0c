/**
 * Subcommands beyond `check` (which lives in ../main.ts). Each module exports a `register`
 * function that adds its command to the program and reports its exit code through `setExitCode`.
 */
import type { Command } from 'commander';
import type { MainEnvironment } from '../main.js';
import { registerAnnotate } from './annotate.js';
import { registerReport } from './report.js';
import { registerBaseline } from './baseline.js';
import { registerInit } from './init.js';

export type RegisterCommand = (program: Command, environment: MainEnvironment, setExitCode: (code: number) => void) => void;

export const COMMANDS: readonly RegisterCommand[] = [registerAnnotate, registerReport, registerBaseline, registerInit];
