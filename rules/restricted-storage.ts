import { defineRule } from '../src/engine/define-rule.js';
import { getFlowInto, getFlowMessageData, isCardData } from '../src/engine/rule-data.js';

type MessageIds = 'restrictedStored';

export default defineRule<MessageIds>({
  id: 'restricted-storage',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require Restricted data other than card data (e.g. compensation) to be stored only in a vault',
      policy: 'Classification: Restricted data is stored in the vault, KMS-encrypted',
      recommended: true,
    },
    messages: {
      restrictedStored: '{{class}} data {{data}} ({{kind}}){{more}} reaches storage sink {{sink}} ({{module}}); Restricted data is stored only in the vault (KMS-encrypted)',
    },
    schema: [],
    sinkKinds: ['storage'],
    maxClass: 'confidential',
    diagnosticCode: 990005,
  },
  defaultOptions: [],
  check(fact) {
    const flow = getFlowInto(fact, this.meta.sinkKinds, 'restricted');
    // card data is the more specific no-pan-storage
    if (flow === undefined || isCardData(flow)) return undefined;
    return { messageId: 'restrictedStored', data: getFlowMessageData(flow) };
  },
});
