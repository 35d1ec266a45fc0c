import { defineRule } from '../src/engine/define-rule.js';
import { getFlowInto, getFlowMessageData, isCardData } from '../src/engine/rule-data.js';

type MessageIds = 'leavesRegion';

export default defineRule<MessageIds>({
  id: 'no-cross-region-transfer',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow Confidential and Restricted data in cross-region transfers and in browser storage',
      policy: "What stays in the tenant's region: a tenant's Confidential data does not leave its home region; there is no cross-region replica of customer PII",
      recommended: true,
    },
    messages: {
      leavesRegion: "{{class}} data {{data}} ({{kind}}){{more}} reaches {{sinkKind}} sink {{sink}} ({{module}}); customer data stays in the tenant's home region",
    },
    schema: [],
    sinkKinds: ['cross-region', 'browser-storage'],
    maxClass: 'internal',
    diagnosticCode: 990006,
  },
  defaultOptions: [],
  check(fact) {
    const flow = getFlowInto(fact, this.meta.sinkKinds, 'confidential');
    // card data in browser storage is the more specific no-pan-storage
    if (flow === undefined || (flow.sink.kind === 'browser-storage' && isCardData(flow))) return undefined;
    return { messageId: 'leavesRegion', data: getFlowMessageData(flow) };
  },
});
