import { defineRule } from '../src/engine/define-rule.js';
import { getFlowInto, getFlowMessageData, isCardData } from '../src/engine/rule-data.js';

type MessageIds = 'panStored' | 'panColumn';

export default defineRule<MessageIds>({
  id: 'no-pan-storage',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow storing full card numbers (PAN) or card verification codes anywhere, even in a vault',
      policy: 'What we never do: store full card numbers; CVV is not stored (data-handling policy, "What we never do" and the Restricted row)',
      recommended: true,
    },
    messages: {
      panStored:
        '{{class}} data {{data}} ({{kind}}){{more}} reaches {{sinkKind}} sink {{sink}} ({{module}}); card numbers and CVVs are never stored — keep only the processor token or the last 4 digits',
      panColumn:
        'Column {{data}} is declared to store {{kind}} data ({{reason}}); card numbers and CVVs are never stored — keep only the processor token or the last 4 digits',
    },
    schema: [],
    sinkKinds: ['storage', 'vault', 'browser-storage'],
    maxClass: 'restricted',
    suggestion: 'maskPan',
    diagnosticCode: 990001,
  },
  defaultOptions: [],
  check(fact) {
    if (fact.type === 'card-column') return { messageId: 'panColumn', data: { data: fact.source.label, kind: fact.source.kind, reason: fact.source.reason } };
    const flow = getFlowInto(fact, this.meta.sinkKinds, 'restricted');
    if (flow === undefined || !isCardData(flow)) return undefined;
    return { messageId: 'panStored', data: getFlowMessageData(flow) };
  },
});
