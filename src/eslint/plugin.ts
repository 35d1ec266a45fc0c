/**
 * The `classified` ESLint plugin object: `meta`, one rule per definition in `rules/index.ts`
 * (created once, at load), and the `recommended` and `strict` presets. `index.ts` exports it in
 * the CommonJS shape ESLint configs load, `import` and `require` alike.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { rules as definitions } from '../../rules/index.js';
import { createEslintRule, reportsPossible, type ClassifiedRuleModule } from './create-eslint-rule.js';
import { createPreset, type ClassifiedPreset } from './create-preset.js';
import { getPackageVersion } from '../package-info.js';

export interface ClassifiedPlugin {
  readonly meta: { readonly name: 'classified'; readonly version: string };
  readonly rules: Readonly<Record<string, ClassifiedRuleModule>>;
  readonly configs: {
    /** every rule whose `docs.recommended` is true, at `error` */
    readonly recommended: ClassifiedPreset;
    /** every rule at `error` (with `possible` findings, untyped payloads, too), and unused `eslint-disable` comments reported as errors */
    readonly strict: ClassifiedPreset;
  };
}

const eslintRules: Record<string, ClassifiedRuleModule> = Object.fromEntries(
  definitions.map((definition) => [definition.id, createEslintRule(definition)]),
);

const enable = (ids: readonly string[]): TSESLint.FlatConfig.Rules => Object.fromEntries(ids.map((id) => [`classified/${id}`, 'error']));

const pluginWithoutConfigs = { meta: { name: 'classified', version: getPackageVersion() }, rules: eslintRules } as const;

/**
 * The plugin. The presets register this very object (ESLint refuses two different objects under
 * one plugin name), so `configs` is attached to it after the presets are made.
 */
export const plugin: ClassifiedPlugin = Object.assign(pluginWithoutConfigs, {
  configs: {
    recommended: createPreset({
      name: 'recommended',
      plugin: pluginWithoutConfigs,
      rules: enable(definitions.filter((definition) => definition.meta.docs.recommended).map((definition) => definition.id)),
    }),
    strict: createPreset({
      name: 'strict',
      plugin: pluginWithoutConfigs,
      rules: Object.fromEntries(definitions.map((definition) => [`classified/${definition.id}`, reportsPossible(definition) ? ['error', { possible: true }] : 'error'])),
      linterOptions: { reportUnusedDisableDirectives: 'error' },
    }),
  },
});
