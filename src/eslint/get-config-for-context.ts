/**
 * Resolves the policy configuration an ESLint rule runs with: ESLint `settings.classified` when
 * present (the same shape as `classified.config.json`), otherwise the `classified.config.json`
 * found from the directory of the Program's tsconfig (or ESLint's cwd) upwards — the file the
 * CLI would use. Both are cached in WeakMaps (per settings object, per Program), so linting file
 * by file validates once and hands `analyzeProgram` the same config object, which keeps its
 * memo warm. Severity is ESLint's business: the config's `rules` key (for the CLI and the
 * transform) is dropped here, so ESLint's rule entries alone decide what is on.
 */
import path from 'node:path';
import type ts from 'typescript';
import { ConfigError, findConfigFile, loadConfigFile, resolveConfig, validateConfig, type ResolvedConfig } from '../policy/config.js';
import type { ClassifiedConfig } from '../policy/types.js';

/** How ESLint settings name the source in error messages. */
export const SETTINGS_LABEL = 'ESLint settings.classified';

const configsBySettings = new WeakMap<object, ResolvedConfig>();
const configsByProgram = new WeakMap<ts.Program, ResolvedConfig>();

/**
 * Returns the resolved config for a rule's context.
 * @throws Error naming the source (`ESLint settings.classified` or the file) and the JSON path
 *   of every problem, when the config is invalid
 */
export function getConfigForContext(settings: Readonly<Record<string, unknown>>, program: ts.Program, cwd: string): ResolvedConfig {
  const fromSettings = settings['classified'];
  if (fromSettings !== undefined) return getConfigFromSettings(fromSettings);
  let config = configsByProgram.get(program);
  if (config === undefined) {
    const configPath = findConfigFile(getTsconfigDirectory(program) ?? cwd);
    config = toEslintConfig(configPath === undefined ? {} : withReadableErrors(() => loadConfigFile(configPath)));
    configsByProgram.set(program, config);
  }
  return config;
}

function getConfigFromSettings(value: unknown): ResolvedConfig {
  if (typeof value !== 'object' || value === null) return toEslintConfig(withReadableErrors(() => validateConfig(value, SETTINGS_LABEL)));
  let config = configsBySettings.get(value);
  if (config === undefined) {
    config = toEslintConfig(withReadableErrors(() => validateConfig(value, SETTINGS_LABEL)));
    configsBySettings.set(value, config);
  }
  return config;
}

/**
 * The directory of the tsconfig the Program was built from. `configFilePath` is not in
 * TypeScript's public typings but is read through the public index signature of
 * `CompilerOptions`; every Program built from a tsconfig (tsc, the project service) sets it.
 */
function getTsconfigDirectory(program: ts.Program): string | undefined {
  const configFilePath = program.getCompilerOptions()['configFilePath'];
  return typeof configFilePath === 'string' ? path.dirname(configFilePath) : undefined;
}

function toEslintConfig(config: ClassifiedConfig): ResolvedConfig {
  return { ...resolveConfig(config), rules: new Map() };
}

function withReadableErrors<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (error instanceof ConfigError) throw new Error(`classified: invalid configuration\n${error.message}`, { cause: error });
    throw error;
  }
}
