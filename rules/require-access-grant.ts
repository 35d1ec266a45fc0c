import type { AccessProblem } from '../src/engine/facts.js';
import { defineRule } from '../src/engine/define-rule.js';

type MessageIds = 'noGrant' | 'grantOnSomePaths' | 'outsideGrantRegion' | 'noAudit' | 'auditWithoutWhy' | 'singleApprover';

const MESSAGE_FOR_PROBLEM: Readonly<Record<AccessProblem, MessageIds>> = {
  'no-grant': 'noGrant',
  'grant-on-some-paths': 'grantOnSomePaths',
  'outside-grant-region': 'outsideGrantRegion',
  'no-audit': 'noAudit',
  'audit-without-why': 'auditWithoutWhy',
  'single-approver': 'singleApprover',
};

export default defineRule<MessageIds>({
  id: 'require-access-grant',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require support access to customer data to check an access grant, query the grant\'s region and record an audit on every path',
      policy: 'Access requests: a ticket from the customer\'s verified contact, a manager approval that expires after 24 hours, a query against the tenant\'s region, an audit of who, when, what and why; two people for Restricted data',
      recommended: true,
    },
    messages: {
      noGrant: 'Support access in {{entry}} reads {{class}} customer data ({{kind}}) through {{read}} without a verified access grant; call verifyAccessGrant(...) for the customer\'s tenant before the read',
      grantOnSomePaths: 'Support access in {{entry}} reads {{class}} customer data ({{kind}}) through {{read}} on a path where no access grant was verified; verify the grant before the read on every path',
      outsideGrantRegion: 'Support access in {{entry}} reads {{class}} customer data ({{kind}}) through {{read}} outside the grant\'s region; query through a client obtained for grant.region, or pass the grant',
      noAudit: 'Support access in {{entry}} reads {{class}} customer data ({{kind}}) through {{read}} that leaves the function at line {{line}} without auditAccess({ who, when, what, why }) on every path',
      auditWithoutWhy: 'auditAccess in {{entry}} records no why; the audit log must say why the data was accessed (the ticket and its purpose)',
      singleApprover: 'Support access in {{entry}} reads Restricted data ({{kind}}) through {{read}} with a single approver; Restricted data needs a TwoPersonGrant from verifyTwoPersonGrant(...)',
    },
    schema: [],
    // reads from storage are what this rule guards; it does not judge where data is written
    sinkKinds: ['storage'],
    maxClass: 'confidential',
    diagnosticCode: 990011,
  },
  defaultOptions: [],
  check(fact) {
    if (fact.type !== 'access-problem') return undefined;
    return {
      messageId: MESSAGE_FOR_PROBLEM[fact.problem],
      data: {
        entry: fact.entryName,
        read: fact.read,
        class: fact.level.charAt(0).toUpperCase() + fact.level.slice(1),
        kind: fact.kind,
        line: String(fact.leavesAtLine ?? ''),
      },
    };
  },
});
