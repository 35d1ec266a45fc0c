/**
 * Test helper: a typed `@typescript-eslint/rule-tester` for the `classified` rules, rooted at
 * `test/fixtures/rule-tester/` (snippets lint as its `file.ts`; `helpers/` holds real files for
 * cross-file cases). The engine needs the project service's whole Program, so the placeholder
 * files are listed in the fixture's tsconfig rather than allowed as default-project files.
 */
import path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import * as vitest from 'vitest';
import type { ClassifiedRuleModule } from '../../src/eslint/create-eslint-rule.js';
import { plugin } from '../../src/eslint/plugin.js';

RuleTester.afterAll = vitest.afterAll;
RuleTester.describe = vitest.describe;
RuleTester.it = vitest.it;
RuleTester.itOnly = vitest.it.only;

export const RULE_TESTER_ROOT = path.resolve(__dirname, '../fixtures/rule-tester');

/** Creates a RuleTester whose snippets are type-checked in the fixture project. */
export function createRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: RULE_TESTER_ROOT },
    },
  });
}

/** Returns the plugin's ESLint rule for `id`. */
export function getRule(id: string): ClassifiedRuleModule {
  const rule = plugin.rules[id];
  if (rule === undefined) throw new Error(`no classified rule ${id}`);
  return rule;
}
