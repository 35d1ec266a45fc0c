import { createRuleTester, getRule } from '../helpers/rule-tester.js';

const ruleTester = createRuleTester();

const PAN_STORED = 'panStored';

ruleTester.run('no-pan-storage', getRule('no-pan-storage'), {
  valid: [
    // only the last 4 digits (maskPan) and the processor's token are stored
    `
import Redis from 'ioredis';
import { maskPan, type PAN, type PaymentToken } from 'classified';
const redis = new Redis();
export async function remember(card: { number: PAN; token: PaymentToken }): Promise<void> {
  await redis.set('card:last4', maskPan(card.number));
  await redis.set('card:token', card.token);
}
`,
    // a PAN belongs at the payment processor, the one sink allowed to receive it
    `
import Stripe from 'stripe';
import type { PAN } from 'classified';
const stripe = new Stripe('sk_test_placeholder');
export async function tokenize(card: { number: PAN; expMonth: number; expYear: number }): Promise<string> {
  const method = await stripe.paymentMethods.create({ type: 'card', card: { number: card.number, exp_month: card.expMonth, exp_year: card.expYear } });
  return method.id;
}
`,
    // Restricted data that is not card data in storage is restricted-storage's finding
    `
import Redis from 'ioredis';
import type { Compensation } from 'classified';
const redis = new Redis();
export async function cache(salary: Compensation): Promise<void> {
  await redis.set('salary', String(salary));
}
`,
  ],
  invalid: [
    // a declared PAN written to Redis; the fix masks it to the last 4 digits
    {
      code: `
import Redis from 'ioredis';
import type { PAN } from 'classified';
const redis = new Redis();
export async function remember(card: { number: PAN }): Promise<void> {
  await redis.set('card', card.number);
}
`,
      errors: [
        {
          messageId: PAN_STORED,
          data: { class: 'Restricted', data: 'card.number', kind: 'PAN', more: '', sinkKind: 'storage', sink: 'redis.set', module: 'ioredis' },
          line: 6,
          column: 27,
          endLine: 6,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'suggestWrap',
              data: { wrapper: 'maskPan' },
              output: `
import Redis from 'ioredis';
import type { PAN } from 'classified';
import { maskPan } from 'classified';
const redis = new Redis();
export async function remember(card: { number: PAN }): Promise<void> {
  await redis.set('card', maskPan(card.number));
}
`,
            },
          ],
        },
      ],
    },
    // a declared CVV in browser storage is this rule, not also no-cross-region-transfer
    {
      code: `
import type { CVV } from 'classified';
export function keepForRetry(card: { cvv: CVV }): void {
  localStorage.setItem('cvv', card.cvv);
}
`,
      errors: [
        {
          messageId: PAN_STORED,
          data: { class: 'Restricted', data: 'card.cvv', kind: 'CVV', more: '', sinkKind: 'browser-storage', sink: 'localStorage.setItem', module: 'localStorage' },
          line: 4,
          column: 31,
          endLine: 4,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'suggestWrap',
              data: { wrapper: 'maskPan' },
              output: `
import type { CVV } from 'classified';
import { maskPan } from 'classified';
export function keepForRetry(card: { cvv: CVV }): void {
  localStorage.setItem('cvv', maskPan(card.cvv));
}
`,
            },
          ],
        },
      ],
    },
    // inferred: unannotated cardNumber and cvc in one pg parameter array: one finding naming both, whose fix masks both
    {
      code: `
import { Pool } from 'pg';
const pool = new Pool();
export async function save(payment: { cardNumber: string; cvc: string; customerId: string }): Promise<void> {
  await pool.query('insert into cards (customer, number, cvc) values ($1, $2, $3)', [payment.customerId, payment.cardNumber, payment.cvc]);
}
`,
      errors: [
        {
          messageId: PAN_STORED,
          data: { class: 'Restricted', data: 'payment.cardNumber', kind: 'PAN', more: ' and 1 more (payment.cvc)', sinkKind: 'storage', sink: 'pool.query', module: 'pg' },
          line: 5,
          column: 106,
          endLine: 5,
          endColumn: 124,
          suggestions: [
            {
              messageId: 'suggestWrap',
              data: { wrapper: 'maskPan' },
              output: `
import { Pool } from 'pg';
import { maskPan } from 'classified';
const pool = new Pool();
export async function save(payment: { cardNumber: string; cvc: string; customerId: string }): Promise<void> {
  await pool.query('insert into cards (customer, number, cvc) values ($1, $2, $3)', [payment.customerId, maskPan(payment.cardNumber), maskPan(payment.cvc)]);
}
`,
            },
          ],
        },
      ],
    },
  ],
});
