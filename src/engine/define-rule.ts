/**
 * `defineRule`: the one way a policy rule is written. A definition is front-end neutral — the
 * CLI, the ESLint plugin and the compiler transform all consume the same object. Its `meta`
 * reuses ESLint's field names and adds the policy clause, the sink kinds it watches and the
 * highest class those sinks may receive.
 */
import type { Level, SinkKind } from '../policy/types.js';
import type { EngineFact } from './facts.js';

export interface RuleMeta<MessageIds extends string> {
  readonly type: 'problem' | 'suggestion';
  readonly docs: {
    /** starts with Disallow / Require / Enforce, no trailing period */
    readonly description: string;
    /** the policy clause, in a few words, with its section of data-handling.txt */
    readonly policy: string;
    readonly recommended: boolean;
  };
  readonly messages: Readonly<Record<MessageIds, string>>;
  readonly schema: readonly [];
  readonly sinkKinds: readonly SinkKind[];
  /** the highest class the watched sinks may receive */
  readonly maxClass: Level;
  /** a suggestion that wraps the carried value: `redact(...)` or `maskPan(...)` */
  readonly suggestion?: 'redact' | 'maskPan';
  /** a fixed numeric code for `tsc` diagnostics */
  readonly diagnosticCode: number;
}

export interface RuleReport<MessageIds extends string> {
  readonly messageId: MessageIds;
  readonly data: Readonly<Record<string, string>>;
}

export interface RuleDefinition<MessageIds extends string = string> {
  readonly id: string;
  readonly meta: RuleMeta<MessageIds>;
  readonly defaultOptions: readonly [];
  /** Decides whether a fact violates this rule; the most specific rule claims each fact. */
  check(fact: EngineFact): RuleReport<MessageIds> | undefined;
}

/** Declares a policy rule. Identity at run time; it exists for the types and the convention. */
export function defineRule<MessageIds extends string>(definition: RuleDefinition<MessageIds>): RuleDefinition<MessageIds> {
  return definition;
}

const DOCS_BASE_URL = 'https://github.com/classified-dev/classified/blob/main/docs/rules/';

/** The documentation page of a rule, shared by ESLint's `meta.docs.url` and SARIF's `helpUri`. */
export function getRuleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}

/** Fills `{{name}}` placeholders the way ESLint does. */
export function formatMessage(template: string, data: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, name: string) => data[name] ?? match);
}
