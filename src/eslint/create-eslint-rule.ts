/**
 * Turns a front-end-neutral rule definition (`rules/<id>.ts`) into an ESLint rule, once per id,
 * through `ESLintUtils.RuleCreator`. The rule asks for type information (and fails the way
 * typescript-eslint rules do without it), runs the engine over the whole Program (memoized) and
 * reports this rule's findings in the linted file with the definition's messageId and data.
 * Suppressed findings are reported too: ESLint's own disable directives hide them, exactly as
 * the CLI reads the same comments.
 */
import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';
import { getRuleDocsUrl, type Finding, type RuleDefinition } from '../engine/index.js';
import { POSSIBLE_SINK_KINDS } from '../engine/rule-data.js';
import { getConfigForContext } from './get-config-for-context.js';
import { getFindingsForFile } from './get-findings-for-file.js';
import { getWrapFix, type Wrapper } from './get-wrap-fix.js';

/** The typescript-eslint docs fields every `classified` rule sets. */
export interface ClassifiedRuleDocs {
  readonly recommended: boolean;
  readonly requiresTypeChecking: boolean;
}

/** `{ possible: true }`: also report `possible` findings (untyped payloads), which ESLint can show only at the rule's severity. */
export interface ClassifiedRuleOption {
  readonly possible?: boolean;
}

export type ClassifiedRuleOptions = [ClassifiedRuleOption?];

export type ClassifiedRuleModule = TSESLint.RuleModule<string, ClassifiedRuleOptions, ClassifiedRuleDocs>;

/** Whether a rule can report `possible` findings, and so takes the `possible` option. */
export function reportsPossible(definition: RuleDefinition): boolean {
  return (definition.meta.sinkKinds ?? []).some((kind) => POSSIBLE_SINK_KINDS.has(kind));
}

const POSSIBLE_OPTION_SCHEMA = [
  {
    type: 'object',
    properties: {
      possible: { type: 'boolean', description: 'Also report untyped payloads from the network (await request.json(), req.body) that may hold customer data; classified check reports them as warnings.' },
    },
    additionalProperties: false,
  },
] as const;

/** The messageId of the wrap suggestion, added to every rule that offers one. */
export const SUGGEST_WRAP_MESSAGE_ID = 'suggestWrap';
const SUGGEST_WRAP_MESSAGE = 'Wrap the value in {{wrapper}}(...) from classified';

const createRule = ESLintUtils.RuleCreator<ClassifiedRuleDocs>(getRuleDocsUrl);

/** Creates the ESLint rule for one definition. */
export function createEslintRule(definition: RuleDefinition): ClassifiedRuleModule {
  const wrapper = definition.meta.suggestion;
  const messages: Record<string, string> = { ...definition.meta.messages };
  if (wrapper !== undefined) messages[SUGGEST_WRAP_MESSAGE_ID] = SUGGEST_WRAP_MESSAGE;
  return createRule<ClassifiedRuleOptions, string>({
    name: definition.id,
    meta: {
      type: definition.meta.type,
      docs: {
        description: definition.meta.docs.description,
        recommended: definition.meta.docs.recommended,
        requiresTypeChecking: true,
      },
      messages,
      schema: reportsPossible(definition) ? [...POSSIBLE_OPTION_SCHEMA] : [],
      ...(wrapper === undefined ? {} : { hasSuggestions: true }),
      defaultOptions: reportsPossible(definition) ? [{}] : [],
    },
    create(context, [options]) {
      const services = ESLintUtils.getParserServices(context);
      const config = getConfigForContext(context.settings, services.program, context.cwd);
      // the parser's own SourceFile for this file: its name is the one the engine's findings carry
      const sourceFile = services.esTreeNodeToTSNodeMap.get(context.sourceCode.ast);
      // ESLint has one severity per rule: a `possible` finding (an untyped payload) is reported only when
      // the rule is asked to (`{ possible: true }`, as the strict preset does); `classified check` shows it as a warning
      const reportPossible = options?.possible === true;
      const findings = getFindingsForFile(services.program, config, sourceFile).filter((finding) => finding.ruleId === definition.id && (reportPossible || finding.confidence !== 'possible'));
      return {
        Program() {
          for (const finding of findings) report(context, finding);
        },
      };
    },
  });
}

function report(context: Readonly<TSESLint.RuleContext<string, ClassifiedRuleOptions>>, finding: Finding): void {
  const fix = getSuggestionFix(context, finding);
  context.report({
    loc: {
      start: { line: finding.line, column: finding.column - 1 },
      end: { line: finding.endLine, column: finding.endColumn - 1 },
    },
    messageId: finding.messageId,
    data: finding.data,
    ...(fix === undefined ? {} : { suggest: [{ messageId: SUGGEST_WRAP_MESSAGE_ID, data: { wrapper: fix.wrapper }, fix: fix.fix }] }),
  });
}

function getSuggestionFix(
  context: Readonly<TSESLint.RuleContext<string, ClassifiedRuleOptions>>,
  finding: Finding,
): { readonly wrapper: Wrapper; readonly fix: TSESLint.ReportFixFunction } | undefined {
  if (finding.suggestion === undefined || finding.carried === undefined) return undefined;
  const fix = getWrapFix(context.sourceCode, finding.carried.map((data) => data.value), finding.suggestion);
  return fix === undefined ? undefined : { wrapper: finding.suggestion, fix };
}
