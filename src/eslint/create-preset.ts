/**
 * The shape of `configs.recommended` and `configs.strict`: one flat config object that sets the
 * typescript-eslint parser with `projectService`, registers the plugin as `classified` and turns
 * rules on for TypeScript files. The object is also iterable (yielding itself), so both
 * `export default [...classified.configs.recommended]` and
 * `export default [classified.configs.recommended]` (or `{ ...classified.configs.recommended,
 * files: [...] }`) work — ESLint tells arrays from objects with `Array.isArray`, and the
 * iterator is a non-enumerable symbol that object spread and config validation ignore.
 */
import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';

/** The files the presets apply to. */
export const TYPESCRIPT_FILES: readonly string[] = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];

/** A flat config object that can also be spread into a config array. */
export type ClassifiedPreset = TSESLint.FlatConfig.Config & Iterable<TSESLint.FlatConfig.Config>;

export interface PresetOptions {
  readonly name: string;
  readonly plugin: TSESLint.FlatConfig.Plugin;
  readonly rules: TSESLint.FlatConfig.Rules;
  readonly linterOptions?: TSESLint.FlatConfig.LinterOptions;
}

/** Creates a preset for the plugin. */
export function createPreset(options: PresetOptions): ClassifiedPreset {
  const config: TSESLint.FlatConfig.Config = {
    name: `classified/${options.name}`,
    files: [...TYPESCRIPT_FILES],
    languageOptions: {
      parser: { meta: tsParser.meta, parseForESLint: tsParser.parseForESLint },
      parserOptions: { projectService: true },
    },
    plugins: { classified: options.plugin },
    rules: options.rules,
    ...(options.linterOptions === undefined ? {} : { linterOptions: options.linterOptions }),
  };
  const preset: ClassifiedPreset = {
    ...config,
    *[Symbol.iterator]() {
      yield this;
    },
  };
  // not enumerable: object spread and ESLint's config validation should not see it
  Object.defineProperty(preset, Symbol.iterator, { enumerable: false });
  return preset;
}
