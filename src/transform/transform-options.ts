/**
 * The transform's options and the policy config they point at. Options arrive either from a
 * `compilerOptions.plugins` entry in a tsconfig (ts-patch hands us the entry as parsed JSON) or
 * from code (`createClassifiedTransformer(program, options)`), so they are validated here once,
 * with messages that name where they came from, the option and what was expected. The resolved
 * config is cached per Program and config path in a WeakMap, so a `report` and a `redact` entry
 * over the same Program share one `ResolvedConfig` object — and with it the engine's memoized
 * analysis.
 */
import fs from 'node:fs';
import path from 'node:path';
import type ts from 'typescript';
import { ConfigError, findConfigFile, loadConfigFile, resolveConfig, type ResolvedConfig } from '../policy/config.js';

export const TRANSFORM_MODES = ['report', 'redact'] as const;

/**
 * `report`: violations become diagnostics, the emitted JavaScript is unchanged. `redact`: values
 * carrying Confidential/Restricted data into log sinks are wrapped in `redact(...)` in the emitted
 * JavaScript; the violations that wrapping does not neutralize are still diagnostics.
 */
export type TransformMode = (typeof TRANSFORM_MODES)[number];

export interface ClassifiedTransformOptions {
  /** `report` (the default) or `redact` */
  readonly mode?: TransformMode;
  /**
   * The `classified.config.json` to use, relative to `baseDir`. Default: the first
   * `classified.config.json` found from `baseDir` upwards (the file the CLI would use).
   */
  readonly config?: string;
  /**
   * The folder `config` is relative to and the config search starts from. Default: the folder of
   * the Program's tsconfig, else the Program's current directory.
   */
  readonly baseDir?: string;
}

/** Options after validation, with defaults applied. */
export interface ParsedTransformOptions {
  readonly mode: TransformMode;
  readonly config: string | undefined;
  readonly baseDir: string | undefined;
}

/** An invalid option or an unusable config. The message says where, which option and what was expected. */
export class ClassifiedTransformError extends Error {
  override readonly name = 'ClassifiedTransformError';
}

/** Keys ts-patch itself reads from a plugin entry and leaves in the config it hands the plugin. */
const TS_PATCH_KEYS: ReadonlySet<string> = new Set(['import', 'isEsm', 'tsConfig', 'resolvePathAliases']);
const OWN_KEYS: ReadonlySet<string> = new Set(['mode', 'config', 'baseDir']);

/**
 * Validates raw options. `origin` names where they came from in messages, e.g.
 * `tsconfig.json compilerOptions.plugins entry "classified/transform"`.
 * @throws ClassifiedTransformError naming the origin, the option and the expectation
 */
export function parseTransformOptions(value: unknown, origin: string): ParsedTransformOptions {
  if (value === undefined || value === null) return { mode: 'report', config: undefined, baseDir: undefined };
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ClassifiedTransformError(`${origin}: expected an options object like { "mode": "report" }, got ${describe(value)}`);
  }
  const entries = Object.entries(value);
  const unknown = entries.map(([key]) => key).filter((key) => !OWN_KEYS.has(key) && !TS_PATCH_KEYS.has(key));
  if (unknown.length > 0) {
    throw new ClassifiedTransformError(`${origin}: unknown option ${unknown.map((key) => `"${key}"`).join(', ')}; expected "mode" ("report" | "redact") and "config" (a path to classified.config.json)`);
  }
  const options = new Map(entries);
  const mode = options.get('mode') ?? 'report';
  if (!isTransformMode(mode)) {
    throw new ClassifiedTransformError(`${origin}: option "mode" must be "report" or "redact", got ${describe(mode)}`);
  }
  const config = options.get('config');
  if (config !== undefined && (typeof config !== 'string' || config === '')) {
    throw new ClassifiedTransformError(`${origin}: option "config" must be a path to a classified.config.json file (relative to the tsconfig folder), got ${describe(config)}`);
  }
  const baseDir = options.get('baseDir');
  if (baseDir !== undefined && (typeof baseDir !== 'string' || baseDir === '')) {
    throw new ClassifiedTransformError(`${origin}: option "baseDir" must be a folder path, got ${describe(baseDir)}`);
  }
  return { mode, config, baseDir };
}

const configsByProgram = new WeakMap<ts.Program, Map<string, ResolvedConfig>>();

/**
 * Loads the config the options point at (or the one found from the tsconfig folder upwards),
 * once per Program and path.
 * @throws ClassifiedTransformError when the config file is missing, unreadable or invalid
 */
export function getTransformConfig(program: ts.Program, options: ParsedTransformOptions, origin: string): ResolvedConfig {
  const baseDir = options.baseDir ?? getTsconfigDirectory(program) ?? program.getCurrentDirectory();
  const configPath = options.config === undefined ? findConfigFile(baseDir) : path.resolve(baseDir, options.config);
  let byPath = configsByProgram.get(program);
  if (byPath === undefined) {
    byPath = new Map();
    configsByProgram.set(program, byPath);
  }
  const key = configPath ?? '';
  const cached = byPath.get(key);
  if (cached !== undefined) return cached;
  if (options.config !== undefined && configPath !== undefined && fs.statSync(configPath, { throwIfNoEntry: false })?.isFile() !== true) {
    const display = toDisplayPath(program, configPath);
    throw new ClassifiedTransformError(`${origin}: option "config" is "${options.config}", but ${display} does not exist (expected a path to a classified.config.json file, relative to ${toDisplayPath(program, baseDir) || '.'})`);
  }
  let resolved: ResolvedConfig;
  try {
    resolved = resolveConfig(configPath === undefined ? {} : loadConfigFile(configPath));
  } catch (error) {
    if (error instanceof ConfigError) throw new ClassifiedTransformError(`${origin}: invalid configuration\n${error.message}`, { cause: error });
    throw error;
  }
  byPath.set(key, resolved);
  return resolved;
}

/**
 * The tsconfig the Program was built from. `configFilePath` is not in TypeScript's public typings
 * but is read through the public index signature of `CompilerOptions`; tsc, tspc and every host
 * that parses a tsconfig set it.
 */
export function getTsconfigPath(program: ts.Program): string | undefined {
  const configFilePath = program.getCompilerOptions()['configFilePath'];
  return typeof configFilePath === 'string' ? configFilePath : undefined;
}

/** A path as tsc prints file names: relative to the Program's current directory when inside it. */
export function toDisplayPath(program: ts.Program, file: string): string {
  const relative = path.relative(program.getCurrentDirectory(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}

function getTsconfigDirectory(program: ts.Program): string | undefined {
  const tsconfig = getTsconfigPath(program);
  return tsconfig === undefined ? undefined : path.dirname(tsconfig);
}

function isTransformMode(value: unknown): value is TransformMode {
  return TRANSFORM_MODES.some((mode) => mode === value);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}
