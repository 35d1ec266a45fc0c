import { defineRule } from '../src/engine/define-rule.js';

type MessageIds = 'unsafeCast' | 'missingReason' | 'forgedGrant';

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
      forgedGrant: 'Cast of {{data}} to {{target}} forges an access grant; only verifyAccessGrant(...) or verifyTwoPersonGrant(...) may issue one',
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
    const messageId = fact.form === 'cast' ? 'unsafeCast' : fact.form === 'forged-grant' ? 'forgedGrant' : 'missingReason';
    return { messageId, data };
  },
});
