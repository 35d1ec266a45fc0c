import { createRuleTester, getRule } from '../helpers/rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('no-restricted-logging', getRule('no-restricted-logging'), {
  valid: [
    // maskPan() keeps at most the last 4 digits, which may be logged
    `
import pino from 'pino';
import { maskPan, type PAN } from 'classified';
const logger = pino();
export function declined(card: { number: PAN }): void {
  logger.warn({ last4: maskPan(card.number) }, 'card declined');
}
`,
    // Confidential data in a log is no-pii-logging's finding, not this rule's
    `
import pino from 'pino';
import type { Email } from 'classified';
const logger = pino();
export function signedUp(email: Email): void {
  logger.info({ email }, 'signed up');
}
`,
    // Restricted data going to the payment processor is not a log line
    `
import Stripe from 'stripe';
import type { PAN } from 'classified';
const stripe = new Stripe('sk_test_placeholder');
export async function tokenize(card: { number: PAN; expMonth: number; expYear: number }): Promise<string> {
  const method = await stripe.paymentMethods.create({ type: 'card', card: { number: card.number, exp_month: card.expMonth, exp_year: card.expYear } });
  return method.id;
}
`,
  ],
  invalid: [
    // a declared PAN and CVV inside an object logged whole: one finding naming both; the fix expands the shorthand and imports redact
    {
      code: `
import pino from 'pino';
import type { PAN, CVV } from 'classified';
const logger = pino();
export function declined(card: { number: PAN; cvv: CVV }): void {
  logger.error({ card }, 'declined');
}
`,
      errors: [
        {
          messageId: 'restrictedLogged',
          data: { class: 'Restricted', data: 'card.number', kind: 'PAN', more: ' and 1 more (card.cvv)', sink: 'logger.error', module: 'pino' },
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'suggestWrap',
              data: { wrapper: 'redact' },
              output: `
import pino from 'pino';
import type { PAN, CVV } from 'classified';
import { redact } from 'classified';
const logger = pino();
export function declined(card: { number: PAN; cvv: CVV }): void {
  logger.error({ card: redact(card) }, 'declined');
}
`,
            },
          ],
        },
      ],
    },
    // declared Compensation in a template literal; a namespace import of classified is reused
    {
      code: `
import pino from 'pino';
import * as classified from 'classified';
const logger = pino();
export function review(salary: classified.Compensation): void {
  logger.warn(\`salary under review: \${salary}\`);
}
`,
      errors: [
        {
          messageId: 'restrictedLogged',
          data: { class: 'Restricted', data: 'salary', kind: 'Compensation', more: '', sink: 'logger.warn', module: 'pino' },
          line: 6,
          column: 15,
          endLine: 6,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'suggestWrap',
              data: { wrapper: 'redact' },
              output: `
import pino from 'pino';
import * as classified from 'classified';
const logger = pino();
export function review(salary: classified.Compensation): void {
  logger.warn(classified.redact(\`salary under review: \${salary}\`));
}
`,
            },
          ],
        },
      ],
    },
    // inferred: an unannotated payment.cardNumber in a printf-style pino call
    {
      code: `
import pino from 'pino';
const logger = pino();
export function declined(payment: { cardNumber: string }): void {
  logger.error('declined %s', payment.cardNumber);
}
`,
      errors: [
        {
          messageId: 'restrictedLogged',
          data: { class: 'Restricted', data: 'payment.cardNumber', kind: 'PAN', more: '', sink: 'logger.error', module: 'pino' },
          line: 5,
          column: 31,
          endLine: 5,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'suggestWrap',
              data: { wrapper: 'redact' },
              output: `
import pino from 'pino';
import { redact } from 'classified';
const logger = pino();
export function declined(payment: { cardNumber: string }): void {
  logger.error('declined %s', redact(payment.cardNumber));
}
`,
            },
          ],
        },
      ],
    },
    // inferred: an unannotated salary property on console; an existing redact import is used as is
    {
      code: `
import { redact } from 'classified';
export function payrollRun(employee: { id: string; salary: number }): void {
  console.info(redact(employee.id), employee.salary);
}
`,
      errors: [
        {
          messageId: 'restrictedLogged',
          data: { class: 'Restricted', data: 'employee.salary', kind: 'Compensation', more: '', sink: 'console.info', module: 'console' },
          line: 4,
          column: 37,
          endLine: 4,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'suggestWrap',
              data: { wrapper: 'redact' },
              output: `
import { redact } from 'classified';
export function payrollRun(employee: { id: string; salary: number }): void {
  console.info(redact(employee.id), redact(employee.salary));
}
`,
            },
          ],
        },
      ],
    },
  ],
});
