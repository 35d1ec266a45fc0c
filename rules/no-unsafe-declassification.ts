import { defineRule } from '../src/engine/define-rule.js';

type MessageIds = 'unsafeCast' | 'missingReason';

export default defineRule<MessageIds>({
  id: 'no-unsafe-declassification',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow casts that drop or lower a classification, and declassify() without a literal reason',
      policy: 'Classification: every piece of data has a class; lowering it is a reviewed decision, never a silent cast',
      recommended: true,
    },
    messages: {
      unsafeCast: 'Cast of {{class}} data {{data}} ({{kind}}) to {{target}} drops its classification; use declassify(value, "reason") if this is intended',
      missingReason: 'declassify() of {{data}} needs a non-empty string literal reason so the decision is reviewable',
    },
    schema: [],
    sinkKinds: [],
    maxClass: 'restricted',
    diagnosticCode: 990010,
  },
  defaultOptions: [],
  check(fact) {
    if (fact.type !== 'declassification') return undefined;
    const data = { data: fact.label, kind: fact.kind, class: fact.level.charAt(0).toUpperCase() + fact.level.slice(1), target: fact.target };
    return { messageId: fact.form === 'cast' ? 'unsafeCast' : 'missingReason', data };
  },
});
