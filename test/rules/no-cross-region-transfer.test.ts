import { createRuleTester, getRule } from '../helpers/rule-tester.js';

const ruleTester = createRuleTester();

// the engine names a `@sink` function's module by the file declaring it, relative to the project
const REPLICATION_MODULE = 'helpers/replication.ts';

ruleTester.run('no-cross-region-transfer', getRule('no-cross-region-transfer'), {
  valid: [
    // Internal data (a tenant id) may be replicated to the global warehouse
    `
import type { TenantId } from 'classified';
import { replicateToGlobalWarehouse } from './helpers/replication.js';
export function replicate(order: { id: string; tenant: TenantId }): void {
  replicateToGlobalWarehouse({ orderId: order.id, tenant: order.tenant });
}
`,
    // a card number in browser storage is the more specific no-pan-storage
    `
import type { PAN } from 'classified';
export function stash(form: { cardNumber: PAN }): void {
  sessionStorage.setItem('card', form.cardNumber);
}
`,
  ],
  invalid: [
    // cross-file: helpers/replication.ts declares the function \`@sink cross-region\`
    {
      code: `
import type { Email } from 'classified';
import { replicateToGlobalWarehouse } from './helpers/replication.js';
export function replicate(order: { id: string; email: Email }): void {
  replicateToGlobalWarehouse({ orderId: order.id, email: order.email });
}
`,
      errors: [
        {
          messageId: 'leavesRegion',
          data: { class: 'Confidential', data: 'order.email', kind: 'Email', more: '', sinkKind: 'cross-region', sink: 'replicateToGlobalWarehouse', module: REPLICATION_MODULE },
          line: 5,
          column: 51,
          endLine: 5,
          endColumn: 69,
        },
      ],
    },
    // a declared Email written to a cookie leaves the region with the browser
    {
      code: `
import type { Email } from 'classified';
export function remember(email: Email): void {
  document.cookie = \`email=\${email}\`;
}
`,
      errors: [
        {
          messageId: 'leavesRegion',
          data: { class: 'Confidential', data: 'email', kind: 'Email', more: '', sinkKind: 'browser-storage', sink: 'document.cookie', module: 'global' },
          line: 4,
          column: 21,
          endLine: 4,
          endColumn: 37,
        },
      ],
    },
    // inferred: an unannotated customer phone number in localStorage
    {
      code: `
export function remember(customer: { phone: string }): void {
  localStorage.setItem('phone', customer.phone);
}
`,
      errors: [
        {
          messageId: 'leavesRegion',
          data: { class: 'Confidential', data: 'customer.phone', kind: 'PhoneNumber', more: '', sinkKind: 'browser-storage', sink: 'localStorage.setItem', module: 'localStorage' },
          line: 3,
          column: 33,
          endLine: 3,
          endColumn: 47,
        },
      ],
    },
  ],
});
