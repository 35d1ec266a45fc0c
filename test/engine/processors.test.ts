import { describe, expect, it } from 'vitest';
import { analyzeSnippets } from '../helpers/analyze-snippets.js';

describe('processor sinks in no-third-party-sharing', () => {
  // the reviewers' case: an SMS provider delivering the customer's own notification to their phone
  it('allows Twilio the recipient phone and the message body, not a national id or a card number in it', () => {
    const result = analyzeSnippets({
      'sms.ts': `
import twilio from 'twilio';
import type { Email, PAN, PersonName, PhoneNumber } from 'classified';
const client = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);
interface Customer { phone: PhoneNumber; email: Email; name: PersonName; ssn: string; card: PAN }
export async function notify(customer: Customer): Promise<void> {
  await client.messages.create({ to: customer.phone, from: '+15005550006', body: \`Hi \${customer.name}, we sent the receipt to \${customer.email}\` });
  await client.messages.create({ to: customer.phone, body: \`Your SSN on file: \${customer.ssn}\` });
  await client.messages.create({ to: customer.phone, body: \`Card \${customer.card} was charged\` });
}
`,
    });
    expect(result.keys).toEqual(['sms.ts:8 no-third-party-sharing', 'sms.ts:9 no-third-party-sharing']);
    const [ssn, card] = result.byRule('no-third-party-sharing');
    expect(ssn?.messageId).toBe('kindNotAllowedAtProcessor');
    expect(ssn?.message).toContain('customer.ssn (NationalId) reaches processor client.messages.create (twilio), which may receive only PhoneNumber, Email, PersonName, PostalAddress, OrderLine');
    expect(ssn?.sink).toMatchObject({ kind: 'processor', module: 'twilio' });
    expect(card?.messageId).toBe('restrictedAtProcessor');
    expect(card?.message).toContain('Restricted data never goes to a processor');
    expect(card?.message).not.toMatch(/\d{12}/);
  });

  // a helper that wraps the SDK: the finding is where the caller passes data the vendor may not receive
  it('judges the kinds at the call sites of a wrapper', () => {
    const result = analyzeSnippets({
      'mail.ts': `
import { Resend } from 'resend';
const resend = new Resend(process.env.RESEND_API_KEY);
export async function sendMail(to: string, text: string): Promise<void> {
  await resend.emails.send({ from: 'shop@example.com', to, subject: 'Your order', text });
}
`,
      'orders.ts': `
import { sendMail } from './mail.js';
interface User { email: string; name: string; iban: string }
export async function confirm(user: User): Promise<void> {
  await sendMail(user.email, \`Thanks, \${user.name}\`);
  await sendMail(user.email, \`Refund goes to \${user.iban}\`);
}
`,
    });
    expect(result.keys).toEqual(['orders.ts:6 no-third-party-sharing']);
    expect(result.byRule('no-third-party-sharing')[0]?.message).toContain('user.iban (BankAccount) reaches processor resend.emails.send (resend)');
  });

  it('allows Stripe the customer record, not a national id', () => {
    const result = analyzeSnippets({
      'billing.ts': `
import Stripe from 'stripe';
import type { CustomerId, Email, PersonName } from 'classified';
const stripe = new Stripe('sk_test');
interface Account { id: CustomerId; email: Email; name: PersonName; ssn: string }
export async function syncCustomer(account: Account): Promise<void> {
  await stripe.customers.create({ email: account.email, name: account.name, metadata: { accountId: account.id } });
  await stripe.customers.create({ email: account.email, metadata: { ssn: account.ssn } });
}
`,
    });
    expect(result.keys).toEqual(['billing.ts:8 no-third-party-sharing']);
  });

  // bot checks are called with fetch: the host and path make it a processor, not a third party
  it('allows a siteverify call the client IP, and still reports other data and other paths of the host', () => {
    const result = analyzeSnippets({
      'captcha.ts': `
import type { Email } from 'classified';
const TURNSTILE = 'https://challenges.cloudflare.com/turnstile/v0/siteverify';
interface Req { ip: string; body: { token: string; email: Email } }
export async function verify(req: Req): Promise<boolean> {
  const res = await fetch(TURNSTILE, { method: 'POST', body: JSON.stringify({ secret: process.env.TURNSTILE_SECRET, response: req.body.token, remoteip: req.ip }) });
  await fetch(\`https://www.google.com/recaptcha/api/siteverify?secret=s&response=\${req.body.token}&remoteip=\${req.ip}\`, { method: 'POST' });
  await fetch(TURNSTILE, { method: 'POST', body: JSON.stringify({ response: req.body.token, email: req.body.email }) });
  await fetch('https://www.google.com/collect', { method: 'POST', body: JSON.stringify({ ip: req.ip }) });
  return res.ok;
}
`,
    });
    expect(result.keys).toEqual(['captcha.ts:8 no-third-party-sharing', 'captcha.ts:9 no-third-party-sharing']);
    const [email, collect] = result.byRule('no-third-party-sharing');
    expect(email?.messageId).toBe('kindNotAllowedAtProcessor');
    expect(email?.message).toContain('(Cloudflare Turnstile), which may receive only IPAddress');
    expect(collect?.messageId).toBe('sharedWithThirdParty');
  });

  it("takes a vendor client whose base URL is the processor's API, with the rest of the path a parameter, for that processor", () => {
    const result = analyzeSnippets({
      'voice.ts': `
import type { PAN, PhoneNumber } from 'classified';
export class VoiceService {
  private baseUrl: string;
  constructor(private readonly accountSid: string) {
    this.baseUrl = 'https://api.twilio.com/2010-04-01';
  }
  private async request(endpoint: string, body: Record<string, string>): Promise<Response> {
    return fetch(\`\${this.baseUrl}\${endpoint}\`, { method: 'POST', body: new URLSearchParams(body) });
  }
  async call(to: PhoneNumber, card: PAN): Promise<void> {
    await this.request(\`/Accounts/\${this.accountSid}/Calls.json\`, { To: to });
    await fetch('https://api.twilio.com/internal/collect', { method: 'POST', body: to });
    await this.request('/Accounts/x/Notes.json', { Card: card });
  }
}
`,
    });
    // a complete path elsewhere on the host is not the processor's API; a card number never goes to a processor
    expect(result.keys).toEqual(['voice.ts:13 no-third-party-sharing', 'voice.ts:14 no-third-party-sharing']);
  });

  it('takes push notification services as processors of the recipient and the message, and nothing else', () => {
    const result = analyzeSnippets({
      'push.ts': `
import type { Email, IPAddress } from 'classified';
export async function notifyUser(email: Email, ip: IPAddress): Promise<void> {
  const payload = { app_id: 'app', include_aliases: { external_id: [email] }, contents: { en: 'Your report is ready' } };
  await fetch('https://api.onesignal.com/notifications', { method: 'POST', body: JSON.stringify(payload) });
  await fetch('https://exp.host/--/api/v2/push/send', { method: 'POST', body: JSON.stringify({ to: email, body: 'hi' }) });
  await fetch('https://api.onesignal.com/notifications', { method: 'POST', body: JSON.stringify({ external_id: email, ip }) });
  await fetch('https://api.onesignal.com/players', { method: 'POST', body: JSON.stringify({ email }) });
}
`,
    });
    expect(result.keys).toEqual(['push.ts:7 no-third-party-sharing', 'push.ts:8 no-third-party-sharing']);
    const [ip, players] = result.byRule('no-third-party-sharing');
    expect(ip?.messageId).toBe('kindNotAllowedAtProcessor');
    expect(ip?.message).toContain('(OneSignal)');
    expect(players?.messageId).toBe('sharedWithThirdParty');
  });

  it("takes the product's own Edge Config at its hosting provider for its store, not a third party, and still reports a card number there", () => {
    const result = analyzeSnippets({
      'blocklist.ts': `
import type { Email, PAN } from 'classified';
export async function block(email: Email, card: PAN): Promise<void> {
  const url = \`https://api.vercel.com/v1/edge-config/\${process.env.EDGE_CONFIG_ID}/items\`;
  await fetch(url, { method: 'PATCH', body: JSON.stringify({ items: [{ operation: 'upsert', key: 'blocked', value: [email] }] }) });
  await fetch(url, { method: 'PATCH', body: JSON.stringify({ items: [{ operation: 'upsert', key: 'card', value: card }] }) });
  await fetch('https://api.vercel.com/v9/projects', { method: 'POST', body: JSON.stringify({ owner: email }) });
}
`,
    });
    expect(result.keys).toEqual(['blocklist.ts:6 no-third-party-sharing', 'blocklist.ts:7 no-third-party-sharing']);
  });

  // a call the catalog lists as third-party is one sink only: the team's processor entry decides it
  it('lets a config processor take over a catalog third-party call, and declare hosts', () => {
    const files = {
      'app.ts': `
import { PostHog } from 'posthog-node';
import type { Email, IPAddress } from 'classified';
const posthog = new PostHog('phc_test');
export async function send(email: Email, ip: IPAddress): Promise<void> {
  await posthog.emails.send({ to: email, templateId: 'receipt' });
  await fetch('https://api.mailer.example.net/v1/send', { method: 'POST', body: JSON.stringify({ to: email }) });
  await fetch('https://api.mailer.example.net/v1/send', { method: 'POST', body: JSON.stringify({ to: email, ip }) });
}
`,
    };
    expect(analyzeSnippets(files).keys).toEqual([
      'app.ts:6 no-third-party-sharing',
      'app.ts:7 no-third-party-sharing',
      'app.ts:8 no-third-party-sharing',
    ]);
    const result = analyzeSnippets(files, {
      processors: [
        { module: 'posthog-node', path: 'PostHog.emails.send', kinds: ['email'] },
        { host: 'mailer.example.net', kinds: ['Email'], library: 'Acme Mailer' },
      ],
    });
    expect(result.keys).toEqual(['app.ts:8 no-third-party-sharing']);
    expect(result.byRule('no-third-party-sharing')[0]?.message).toContain('ip (IPAddress) reaches processor');
    expect(result.byRule('no-third-party-sharing')[0]?.message).toContain('(Acme Mailer), which may receive only Email');
  });

  // an SNS publish is a text message only with a phone number: a topic is the project's own bus
  it('treats SNS publish as a processor only when it sends to a phone number', () => {
    const result = analyzeSnippets({
      'sns.ts': `
import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';
interface Customer { phone: string; ssn: string }
const sns = new SNSClient({});
export async function text(customer: Customer): Promise<void> {
  await sns.send(new PublishCommand({ PhoneNumber: customer.phone, Message: 'Your code is 123456' }));
  await sns.send(new PublishCommand({ PhoneNumber: customer.phone, Message: \`SSN \${customer.ssn}\` }));
  await sns.send(new PublishCommand({ TopicArn: 'arn:aws:sns:eu-west-1:1:kyc', Message: JSON.stringify({ ssn: customer.ssn }) }));
}
`,
    });
    expect(result.keys).toEqual(['sns.ts:7 no-third-party-sharing']);
  });
});
