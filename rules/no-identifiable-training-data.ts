import { defineRule } from '../src/engine/define-rule.js';
import { getFlowInto, getFlowMessageData } from '../src/engine/rule-data.js';

type MessageIds = 'identifiableTrainingData';

export default defineRule<MessageIds>({
  id: 'no-identifiable-training-data',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow identifiable customer data in ML training and fine-tuning; only Anonymized or aggregate data may be used',
      policy: 'What we never do: train models on identifiable customer data (aggregate, anonymised telemetry is fair game)',
      recommended: true,
    },
    messages: {
      identifiableTrainingData:
        '{{class}} data {{data}} ({{kind}}){{more}} reaches ml-training sink {{sink}} ({{module}}); train only on Anonymized<T> or aggregated data',
    },
    schema: [],
    sinkKinds: ['ml-training'],
    maxClass: 'internal',
    diagnosticCode: 990009,
  },
  defaultOptions: [],
  check(fact) {
    const flow = getFlowInto(fact, this.meta.sinkKinds, 'confidential');
    return flow === undefined ? undefined : { messageId: 'identifiableTrainingData', data: getFlowMessageData(flow) };
  },
});
