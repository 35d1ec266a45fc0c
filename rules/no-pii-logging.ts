import { levelRank } from '../src/policy/types.js';
import { defineRule } from '../src/engine/define-rule.js';
import { getFlowInto, getFlowMessageData } from '../src/engine/rule-data.js';

type MessageIds = 'piiLogged';

export default defineRule<MessageIds>({
  id: 'no-pii-logging',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow Confidential customer data (emails, names, addresses, payment metadata) in logs',
      policy: 'What stays in the tenant\'s region: customer emails, names, addresses, order lines, payment tokens and IP addresses do not flow centrally',
      recommended: true,
    },
    messages: {
      piiLogged: '{{class}} data {{data}} ({{kind}}){{more}} reaches log sink {{sink}} ({{module}}); customer data must not flow to central logs',
    },
    schema: [],
    sinkKinds: ['log'],
    maxClass: 'internal',
    suggestion: 'redact',
    diagnosticCode: 990004,
  },
  defaultOptions: [],
  check(fact) {
    const flow = getFlowInto(fact, this.meta.sinkKinds, 'confidential');
    // Restricted data in a log is the more specific no-restricted-logging
    if (flow === undefined || levelRank(flow.source.level) > levelRank('confidential')) return undefined;
    return { messageId: 'piiLogged', data: getFlowMessageData(flow) };
  },
});
