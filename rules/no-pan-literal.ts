import { defineRule } from '../src/engine/define-rule.js';

type MessageIds = 'panLiteral';

export default defineRule<MessageIds>({
  id: 'no-pan-literal',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow card number literals in source, except published processor test numbers in test files',
      policy: 'What we never do: store full card numbers — source code and its history are storage too',
      recommended: true,
    },
    messages: {
      panLiteral:
        'A {{data}} appears in source ({{reason}}); load card data from the payment processor, or use a published test number in a test file',
    },
    schema: [],
    sinkKinds: [],
    maxClass: 'restricted',
    diagnosticCode: 990002,
  },
  defaultOptions: [],
  check(fact) {
    if (fact.type !== 'card-literal') return undefined;
    return { messageId: 'panLiteral', data: { data: fact.source.label, kind: fact.source.kind, reason: fact.source.reason } };
  },
});
