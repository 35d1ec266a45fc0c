import { createRuleTester, getRule } from '../helpers/rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('telemetry-deidentified', getRule('telemetry-deidentified'), {
  valid: [
    // an allow-listed dimension (tenant_id) carrying Internal data
    `
import { Counter } from 'prom-client';
import type { TenantId } from 'classified';
const signups = new Counter({ name: 'signups_total', help: 'Signups', labelNames: ['tenant_id'] as const });
export function count(tenant: TenantId): void {
  signups.inc({ tenant_id: tenant });
}
`,
    // an unlisted name whose value cannot be free text (a count, a fixed reason, a literal-typed tier) identifies no one
    `
import { trace } from '@opentelemetry/api';
import { Counter } from 'prom-client';
const skipped = new Counter({ name: 'skipped_total', help: 'Skipped', labelNames: ['why', 'tier'] as const });
export function tag(cartSize: number, tier: 'free' | 'pro', cached: boolean): void {
  trace.getActiveSpan()?.setAttribute('cart.size', cartSize);
  trace.getActiveSpan()?.setAttribute('cart.cached', cached);
  skipped.inc({ why: 'deadman', tier });
}
`,
    // a value named like a path that can only be one of the code's own labels is not a URL
    `
import { Counter } from 'prom-client';
const writes = new Counter({ name: 'writes_total', help: 'Writes', labelNames: ['route'] as const });
export function count(writePath: 'direct' | 'legacy'): void {
  writes.labels({ route: writePath }).inc();
}
`,
    // the tenant's own billing account, read off the organisation's record, is not a person's id
    `
import { trace } from '@opentelemetry/api';
export function tagBilling(parsedOrg: { id: string; cloudConfig?: { stripe?: { customerId?: string } } }): void {
  const stripeCustomerId = parsedOrg.cloudConfig?.stripe?.customerId;
  if (stripeCustomerId) trace.getActiveSpan()?.setAttributes({ 'org.id': parsedOrg.id, 'stripe.customer_id': stripeCustomerId });
}
`,
    // an entity's id or name is not a person's: `segmentId`, `journeyName` as span attributes
    `
import { trace } from '@opentelemetry/api';
export function tag(segmentId: string, journeyName: string): void {
  trace.getActiveSpan()?.setAttributes({ segmentId, journeyName });
}
`,
    // declaring labelNames is not emitting a dimension; only .inc()/.labels() are reported
    `
import { Counter } from 'prom-client';
export const byCustomer = new Counter({ name: 'orders_total', help: 'Orders', labelNames: ['customer_email'] as const });
`,
    // settings.classified allow-lists an extra de-identified dimension
    {
      code: `
import StatsD from 'hot-shots';
const statsd = new StatsD();
export function track(cohort: string): void {
  statsd.increment('logins', { cohort });
}
`,
      settings: { classified: { telemetry: { allowedDimensions: ['cohort'] } } },
    },
    // a workspace member's id is an account id of the tenant's staff, like a tenant id
    {
      code: `
import { trace } from '@opentelemetry/api';
export function tag(member: { id: string }): void {
  trace.getActiveSpan()?.setAttributes({ memberId: member.id });
}
`,
    },
  ],
  invalid: [
    // a person's billing id is still a customer id, also when a team holds the person
    {
      code: `
import { trace } from '@opentelemetry/api';
export function tagBilling(team: { members: { stripeCustomerId: string } }): void {
  trace.getActiveSpan()?.setAttribute('stripe.customer_id', team.members.stripeCustomerId);
}
`,
      errors: [{ messageId: 'dimensionNotAllowed', line: 4 }],
    },
    // a customer's id under a name that does not say so still singles the customer out
    {
      code: `
import { trace } from '@opentelemetry/api';
export function tag(customer: { id: string }): void {
  trace.getActiveSpan()?.setAttributes({ buyer: customer.id });
}
`,
      errors: [{ messageId: 'dimensionNotAllowed', data: { dimension: 'buyer', sink: 'trace.getActiveSpan.setAttributes', module: '@opentelemetry/api' }, line: 4 }],
    },
    // a dimension name outside the allow-list, a full URL as a route, and an Email under an allowed name
    {
      code: `
import { Counter } from 'prom-client';
import type { Email } from 'classified';
const signups = new Counter({ name: 'signups_total', help: 'Signups', labelNames: ['tenant_id', 'plan', 'route'] as const });
export function count(email: Email, customer: { plan: string }, url: string): void {
  signups.inc({ plan: customer.plan });
  signups.labels({ route: url }).inc();
  signups.inc({ tenant_id: email });
}
`,
      errors: [
        {
          messageId: 'dimensionNotAllowed',
          data: { dimension: 'plan', sink: 'signups.inc', module: 'prom-client' },
          line: 6,
          column: 17,
          endLine: 6,
          endColumn: 36,
        },
        {
          messageId: 'urlDimension',
          data: { dimension: 'route', sink: 'signups.labels', module: 'prom-client' },
          line: 7,
          column: 20,
          endLine: 7,
          endColumn: 30,
        },
        {
          messageId: 'classifiedValue',
          data: { class: 'Confidential', data: 'email', kind: 'Email', more: '', sink: 'signups.inc', module: 'prom-client' },
          line: 8,
          column: 17,
          endLine: 8,
          endColumn: 33,
        },
      ],
    },
    // OpenTelemetry span attributes: a name outside the allow-list, and an Email value
    {
      code: `
import { trace } from '@opentelemetry/api';
import type { Email } from 'classified';
export function tag(email: Email, customer: { note: string }): void {
  trace.getActiveSpan()?.setAttribute('cart.note', customer.note);
  trace.getActiveSpan()?.setAttribute('enduser.email', email);
}
`,
      errors: [
        {
          messageId: 'dimensionNotAllowed',
          data: { dimension: 'cart.note', sink: 'trace.getActiveSpan.setAttribute', module: '@opentelemetry/api' },
          line: 5,
          column: 52,
          endLine: 5,
          endColumn: 65,
        },
        {
          messageId: 'classifiedValue',
          data: { class: 'Confidential', data: 'email', kind: 'Email', more: '', sink: 'trace.getActiveSpan.setAttribute', module: '@opentelemetry/api' },
          line: 6,
          column: 56,
          endLine: 6,
          endColumn: 61,
        },
      ],
    },
  ],
});
