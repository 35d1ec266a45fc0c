import { defineRule } from '../src/engine/define-rule.js';
import { getFlowInto, getFlowMessageData } from '../src/engine/rule-data.js';

type MessageIds = 'sharedWithThirdParty';

export default defineRule<MessageIds>({
  id: 'no-third-party-sharing',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow sending Confidential or Restricted customer data to third parties (analytics, marketing, support, non-first-party HTTP)',
      policy: 'What we never do: sell, lease, share or otherwise transmit customer data to third parties for marketing (analytics, marketing and CRM SDKs are where that happens)',
      recommended: true,
    },
    messages: {
      sharedWithThirdParty: '{{class}} data {{data}} ({{kind}}){{more}} reaches third-party sink {{sink}} ({{module}}); customer data is never shared with third parties',
    },
    schema: [],
    sinkKinds: ['third-party'],
    maxClass: 'internal',
    diagnosticCode: 990007,
  },
  defaultOptions: [],
  check(fact) {
    const flow = getFlowInto(fact, this.meta.sinkKinds, 'confidential');
    return flow === undefined ? undefined : { messageId: 'sharedWithThirdParty', data: getFlowMessageData(flow) };
  },
});
