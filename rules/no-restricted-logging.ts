import { defineRule } from '../src/engine/define-rule.js';
import { getFlowInto, getFlowMessageData } from '../src/engine/rule-data.js';

type MessageIds = 'restrictedLogged';

export default defineRule<MessageIds>({
  id: 'no-restricted-logging',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow Restricted data (card numbers, CVVs, compensation) in logs',
      policy: 'Classification: Restricted data lives in the vault, under the two-person rule, and every access is itself logged — never the value',
      recommended: true,
    },
    messages: {
      restrictedLogged: '{{class}} data {{data}} ({{kind}}){{more}} reaches log sink {{sink}} ({{module}}); Restricted data never goes to logs',
    },
    schema: [],
    sinkKinds: ['log'],
    maxClass: 'internal',
    suggestion: 'redact',
    diagnosticCode: 990003,
  },
  defaultOptions: [],
  check(fact) {
    const flow = getFlowInto(fact, this.meta.sinkKinds, 'restricted');
    return flow === undefined ? undefined : { messageId: 'restrictedLogged', data: getFlowMessageData(flow) };
  },
});
