import { createRuleTester, getRule } from '../helpers/rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('no-third-party-sharing', getRule('no-third-party-sharing'), {
  valid: [
    // an anonymous event with Internal properties may go to product analytics
    `
import { Analytics } from '@segment/analytics-node';
import type { TenantId } from 'classified';
const analytics = new Analytics({ writeKey: 'key' });
export function planViewed(tenant: TenantId): void {
  analytics.track({ anonymousId: 'anonymous', event: 'Plan Viewed', properties: { tenant } });
}
`,
    // settings.classified lists the host as first-party, so the call is not a third-party sink
    {
      code: `
export async function notify(user: { email: string }): Promise<void> {
  await fetch('https://api.internal.example.com/leads', { method: 'POST', body: JSON.stringify({ email: user.email }) });
}
`,
      settings: { classified: { firstPartyHosts: ['api.internal.example.com'] } },
    },
    // a host that is not known statically is not assumed to be a third party
    `
export async function notify(endpoint: string, user: { email: string }): Promise<void> {
  await fetch(endpoint, { method: 'POST', body: JSON.stringify({ email: user.email }) });
}
`,
    // an SMS processor may receive the recipient's phone and their name in the message
    `
import twilio from 'twilio';
import type { PersonName, PhoneNumber } from 'classified';
const sms = twilio('AC123', 'token');
export async function shipped(customer: { phone: PhoneNumber; name: PersonName }): Promise<void> {
  await sms.messages.create({ to: customer.phone, body: \`Hi \${customer.name}, your order shipped\` });
}
`,
    // settings.classified declares the team's own SMS gateway and what it may receive
    {
      code: `
export async function text(user: { phone: string }): Promise<void> {
  await fetch('https://api.smsgateway.example.net/v1/messages', { method: 'POST', body: JSON.stringify({ to: user.phone }) });
}
`,
      settings: { classified: { processors: [{ host: 'api.smsgateway.example.net', kinds: ['PhoneNumber'] }] } },
    },
    // an untyped request body is only a `possible` finding: reported when the rule is asked to (strict does)
    `
import { Analytics } from '@segment/analytics-node';
const analytics = new Analytics({ writeKey: 'key' });
export async function POST(request: Request): Promise<void> {
  const payload = await request.json();
  analytics.track({ anonymousId: 'anonymous', event: 'Form Sent', properties: payload });
}
`,
  ],
  invalid: [
    // the same with `{ possible: true }`, as configs.strict sets it
    {
      code: `
import { Analytics } from '@segment/analytics-node';
const analytics = new Analytics({ writeKey: 'key' });
export async function POST(request: Request): Promise<void> {
  const payload = await request.json();
  analytics.track({ anonymousId: 'anonymous', event: 'Form Sent', properties: payload });
}
`,
      options: [{ possible: true }],
      errors: [{ messageId: 'sharedWithThirdParty', data: { class: 'Confidential', data: 'request.json()', kind: 'UntypedPayload', more: '', sink: 'analytics.track', module: '@segment/analytics-node' }, line: 6 }],
    },
    // declared CustomerId and Email in one Segment identify call: one finding that names both
    {
      code: `
import { Analytics } from '@segment/analytics-node';
import type { CustomerId, Email } from 'classified';
const analytics = new Analytics({ writeKey: 'key' });
export function identify(customer: { id: CustomerId; email: Email; plan: string }): void {
  analytics.identify({ userId: customer.id, traits: { email: customer.email, plan: customer.plan } });
}
`,
      errors: [
        {
          messageId: 'sharedWithThirdParty',
          data: { class: 'Confidential', data: 'customer.id', kind: 'CustomerId', more: ' and 1 more (customer.email)', sink: 'analytics.identify', module: '@segment/analytics-node' },
          line: 6,
          column: 24,
          endLine: 6,
          endColumn: 43,
        },
      ],
    },
    // cross-file: an inferred email flows through helpers/audit.ts describeContact() into a fetch body
    {
      code: `
import { describeContact } from './helpers/audit.js';
export async function notify(customer: { email: string }): Promise<void> {
  await fetch('https://hooks.partner-crm.example.net/leads', { method: 'POST', body: describeContact(customer.email) });
}
`,
      errors: [
        {
          messageId: 'sharedWithThirdParty',
          data: { class: 'Confidential', data: 'customer.email', kind: 'Email', more: '', sink: 'fetch', module: 'global' },
          line: 4,
          column: 80,
          endLine: 4,
          endColumn: 117,
        },
      ],
    },
    // a declared Email used as PostHog's distinct id
    {
      code: `
import { PostHog } from 'posthog-node';
import type { Email } from 'classified';
const posthog = new PostHog('phc_key');
export function viewed(email: Email): void {
  posthog.capture({ distinctId: email, event: 'plan viewed' });
}
`,
      errors: [
        {
          messageId: 'sharedWithThirdParty',
          data: { class: 'Confidential', data: 'email', kind: 'Email', more: '', sink: 'posthog.capture', module: 'posthog-node' },
          line: 6,
          column: 21,
          endLine: 6,
          endColumn: 38,
        },
      ],
    },
    // a kind the processor's job does not need: the message names what the vendor may receive
    {
      code: `
import Stripe from 'stripe';
import type { Email } from 'classified';
const stripe = new Stripe('sk_test');
export async function syncCustomer(account: { email: Email; ssn: string }): Promise<void> {
  await stripe.customers.create({ email: account.email, metadata: { ssn: account.ssn } });
}
`,
      errors: [
        {
          messageId: 'kindNotAllowedAtProcessor',
          data: {
            class: 'Confidential',
            data: 'account.ssn',
            more: '',
            kind: 'NationalId',
            sink: 'stripe.customers.create',
            module: 'stripe',
            allowedKinds: 'Email, PersonName, PostalAddress, PhoneNumber, CustomerId, PaymentToken',
          },
          line: 6,
          column: 69,
          endLine: 6,
          endColumn: 85,
        },
      ],
    },
    // Restricted data never goes to a processor, even inside content the vendor may carry
    {
      code: `
import { Resend } from 'resend';
import type { Email, PAN } from 'classified';
const resend = new Resend('re_key');
export async function receipt(customer: { email: Email; card: PAN }): Promise<void> {
  await resend.emails.send({ from: 'shop@example.com', to: customer.email, subject: 'Receipt', text: \`Charged to \${customer.card}\` });
}
`,
      errors: [
        {
          messageId: 'restrictedAtProcessor',
          data: {
            class: 'Restricted',
            data: 'customer.card',
            more: '',
            kind: 'PAN',
            sink: 'resend.emails.send',
            module: 'resend',
            allowedKinds: 'PhoneNumber, Email, PersonName, PostalAddress, OrderLine',
          },
          line: 6,
          column: 96,
          endLine: 6,
          endColumn: 131,
        },
      ],
    },
  ],
});
