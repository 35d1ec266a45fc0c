import { createRuleTester, getRule } from '../helpers/rule-tester.js';

const ruleTester = createRuleTester();

const IMPORTS = `import { auditAccess, verifyAccessGrant, verifyTwoPersonGrant, type AccessGrant, type AccessRequest, type Compensation, type TwoPersonAccessRequest } from 'classified';
import { defaultPool, loadOrders, poolFor, recordOrdersAccess, requireGrant, type OrderRow } from './helpers/support-access.js';`;

/** message data for a read of order rows through `read` in `entry` */
const orders = (entry: string, read: string) => ({ entry, read, class: 'Confidential', kind: 'Email' });

ruleTester.run('require-access-grant', getRule('require-access-grant'), {
  valid: [
    // the correct handler: grant, region-scoped client, audit in finally before the rows leave
    `
${IMPORTS}
/** @access support */
export async function ordersOf(request: AccessRequest, agent: string, customerId: string): Promise<OrderRow[]> {
  const grant = verifyAccessGrant(request, new Date());
  try {
    const { rows } = await poolFor(grant.region).query<OrderRow>('SELECT 1', [customerId]);
    return rows;
  } finally {
    await auditAccess({ who: agent, when: new Date(), what: 'orders', why: grant.purpose });
  }
}
`,
    // the same through helpers in another file: grant, read and audit each in a helper
    `
${IMPORTS}
/** @access support */
export async function ordersOf(request: AccessRequest, agent: string, customerId: string): Promise<OrderRow[]> {
  const grant = await requireGrant(request);
  const rows = await loadOrders(poolFor(grant.region), customerId);
  await recordOrdersAccess(agent, customerId, grant);
  return rows;
}
`,
    // a class tagged @access support; the grant arrives as a parameter, already verified
    `
${IMPORTS}
/** @access support */
export class SupportConsole {
  async orders(grant: AccessGrant, agent: string, customerId: string): Promise<OrderRow[]> {
    const rows = await loadOrders(poolFor(grant.region), customerId);
    await recordOrdersAccess(agent, customerId, grant);
    return rows;
  }
}
`,
    // code not marked as support access is not checked
    `
${IMPORTS}
export async function ordersForCheckout(customerId: string): Promise<OrderRow[]> {
  return loadOrders(defaultPool, customerId);
}
`,
  ],
  invalid: [
    // nothing of the access clause: no grant, default pool, no audit
    {
      code: `
${IMPORTS}
/** @access support */
export async function ordersOf(customerId: string): Promise<OrderRow[]> {
  const { rows } = await defaultPool.query<OrderRow>('SELECT 1', [customerId]);
  return rows;
}
`,
      errors: [
        { messageId: 'noGrant', data: orders('ordersOf', 'defaultPool.query'), line: 6, column: 26, endLine: 6, endColumn: 79 },
        { messageId: 'outsideGrantRegion', data: orders('ordersOf', 'defaultPool.query'), line: 6 },
        { messageId: 'noAudit', data: { ...orders('ordersOf', 'defaultPool.query'), line: '7' }, line: 6 },
      ],
    },
    // the grant is verified in one branch only; the read after the branch is reported
    {
      code: `
${IMPORTS}
/** @access support */
export async function ordersOf(request: AccessRequest | undefined, agent: string, customerId: string): Promise<OrderRow[]> {
  let region = 'eu-west-1';
  if (request !== undefined) region = (await requireGrant(request)).region;
  const rows = await loadOrders(poolFor(region), customerId);
  await auditAccess({ who: agent, when: new Date(), what: 'orders', why: 'ticket' });
  return rows;
}
`,
      errors: [
        { messageId: 'grantOnSomePaths', data: orders('ordersOf', 'loadOrders'), line: 8 },
        { messageId: 'outsideGrantRegion', data: orders('ordersOf', 'loadOrders'), line: 8 },
      ],
    },
    // an audit record without a why
    {
      code: `
${IMPORTS}
/** @access support */
export async function ordersOf(request: AccessRequest, agent: string, customerId: string): Promise<OrderRow[]> {
  const grant = verifyAccessGrant(request, new Date());
  const rows = await loadOrders(poolFor(grant.region), customerId);
  await auditAccess({ who: agent, when: new Date(), what: 'orders', why: '' });
  return rows;
}
`,
      errors: [{ messageId: 'auditWithoutWhy', data: { entry: 'ordersOf', read: 'auditAccess', class: 'Confidential', kind: 'Confidential', line: '' }, line: 8, column: 9 }],
    },
    // Restricted data (compensation) read with a single approver
    {
      code: `
${IMPORTS}
interface PayRow { employee_id: string; gross: Compensation }
/** @access operator */
export async function payOf(request: AccessRequest, agent: string): Promise<PayRow[]> {
  const grant = verifyAccessGrant(request, new Date());
  const { rows } = await poolFor(grant.region).query<PayRow>('SELECT 1');
  await auditAccess({ who: agent, when: new Date(), what: 'pay', why: grant.purpose });
  return rows;
}
`,
      errors: [{ messageId: 'singleApprover', data: { entry: 'payOf', read: 'poolFor.query', class: 'Restricted', kind: 'Compensation', line: '' }, line: 8 }],
    },
    // settings.classified marks handlers under /support as support access; the data leaves through res.json unaudited
    {
      code: `
${IMPORTS}
interface Response { json(body: unknown): void }
interface Router { get(path: string, handler: (req: { grant: AccessGrant; id: string }, res: Response) => Promise<void>): void }
export function routes(router: Router): void {
  router.get('/support/orders/:id', async (req, res) => {
    const rows = await loadOrders(poolFor(req.grant.region), req.id);
    res.json(rows);
  });
}
`,
      settings: { classified: { access: { entryPoints: { routePrefixes: ['/support'] } } } },
      errors: [
        // the grant is a field of the request, not verified in the handler
        { messageId: 'noGrant', data: orders('/support/orders/:id handler', 'loadOrders'), line: 8 },
        { messageId: 'noAudit', data: { ...orders('/support/orders/:id handler', 'loadOrders'), line: '9' }, line: 8 },
      ],
    },
  ],
});
