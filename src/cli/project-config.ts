/**
 * What the subcommands beyond `check` share when they open a project: the tsconfig named by
 * `--project` and the `classified.config.json` that applies to it (`--config`, or the one found
 * next to the tsconfig or above it), resolved the same way `check` resolves them.
 */
import path from 'node:path';
import { resolveTsconfigPath } from '../engine/project.js';
import { findConfigFile, loadConfigFile, resolveConfig, type ResolvedConfig } from '../policy/config.js';

export interface ProjectConfig {
  readonly tsconfigPath: string;
  /** the config file used, if any */
  readonly configPath: string | undefined;
  readonly config: ResolvedConfig;
}

/** @throws ProjectError or ConfigError with a message that says what and where */
export function loadProjectConfig(project: string, configOption: string | undefined): ProjectConfig {
  const tsconfigPath = resolveTsconfigPath(project);
  const configPath = configOption === undefined ? findConfigFile(path.dirname(tsconfigPath)) : path.resolve(configOption);
  const config = resolveConfig(configPath === undefined ? {} : loadConfigFile(configPath));
  return { tsconfigPath, configPath, config };
}
