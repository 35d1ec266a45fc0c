/**
 * The public types of `classified/eslint`. ESLint's own config types and typescript-eslint's do
 * not assign to each other (an index signature on one side, interfaces on the other), so — like
 * typescript-eslint's `compatibility-types` — the package exports loose shapes that both
 * `defineConfig` from `eslint/config` and `tseslint.config()` accept. The precise types stay
 * internal (`plugin.ts`).
 */

/** One flat config object, as loose as ESLint's and typescript-eslint's types both accept. */
export interface CompatibleConfig {
  name?: string;
  files?: (string | string[])[];
  rules?: object;
}

/** A preset: one config object that also spreads into a config array as itself. */
export type CompatiblePreset = CompatibleConfig & Iterable<CompatibleConfig>;

/** The plugin as `import classified from 'classified/eslint'` sees it. */
export interface CompatiblePlugin {
  meta: { name: string; version: string };
  configs: {
    /** every recommended rule at `error`, with the typescript-eslint parser and `projectService` */
    recommended: CompatiblePreset;
    /** every rule at `error`, and unused disable directives reported as errors */
    strict: CompatiblePreset;
  };
}
