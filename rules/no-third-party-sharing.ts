import { defineRule } from '../src/engine/define-rule.js';
import { getFlowInto, getFlowMessageData, isAllowedAtProcessor } from '../src/engine/rule-data.js';

type MessageIds = 'sharedWithThirdParty' | 'kindNotAllowedAtProcessor' | 'restrictedAtProcessor';

export default defineRule<MessageIds>({
  id: 'no-third-party-sharing',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow sending Confidential or Restricted customer data to third parties (analytics, marketing, support, non-first-party HTTP), and to processors beyond the kinds their contract covers',
      policy: 'What we never do: sell, lease, share or otherwise transmit customer data to third parties for marketing (analytics, marketing and CRM SDKs are where that happens); a processor doing our own job gets only what that job needs',
      recommended: true,
    },
    messages: {
      sharedWithThirdParty: '{{class}} data {{data}} ({{kind}}){{more}} reaches third-party sink {{sink}} ({{module}}); customer data is never shared with third parties',
      kindNotAllowedAtProcessor:
        '{{class}} data {{data}} ({{kind}}){{more}} reaches processor {{sink}} ({{module}}), which may receive only {{allowedKinds}}; send a processor only what its job for the customer needs',
      restrictedAtProcessor:
        '{{class}} data {{data}} ({{kind}}){{more}} reaches processor {{sink}} ({{module}}); Restricted data never goes to a processor (it may receive {{allowedKinds}})',
    },
    schema: [],
    sinkKinds: ['third-party', 'processor'],
    maxClass: 'internal',
    diagnosticCode: 990007,
  },
  defaultOptions: [],
  check(fact) {
    const flow = getFlowInto(fact, this.meta.sinkKinds, 'confidential');
    if (flow === undefined) return undefined;
    if (flow.sink.kind === 'third-party') return { messageId: 'sharedWithThirdParty', data: getFlowMessageData(flow) };
    if (isAllowedAtProcessor(flow)) return undefined;
    const data = { ...getFlowMessageData(flow), allowedKinds: describeKinds(flow.sink.allowedKinds ?? []) };
    return { messageId: flow.source.level === 'restricted' ? 'restrictedAtProcessor' : 'kindNotAllowedAtProcessor', data };
  },
});

function describeKinds(kinds: readonly string[]): string {
  return kinds.length === 0 ? 'no classified data' : kinds.join(', ');
}
