import { createRuleTester, getRule } from '../helpers/rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('no-pii-logging', getRule('no-pii-logging'), {
  valid: [
    // a declared Email wrapped in redact() is masked before it reaches pino
    `
import pino from 'pino';
import { redact, type Email } from 'classified';
const logger = pino();
export function signedUp(email: Email): void {
  logger.info({ email: redact(email) }, 'signed up');
}
`,
    // declassify() with a literal reason is a reviewed decision; the analysis stops there
    `
import pino from 'pino';
import { declassify, type Email } from 'classified';
const logger = pino();
export function signedUp(email: Email): void {
  logger.info({ email: declassify(email, 'support audit trail approved by the DPO') }, 'signed up');
}
`,
    // Internal data (a tenant id) may go to central logs
    `
import pino from 'pino';
import type { TenantId } from 'classified';
const logger = pino();
export function provisioned(tenant: TenantId): void {
  logger.info({ tenant }, 'tenant provisioned');
}
`,
    // unannotated names that only look like PII: a template name and a file name
    `
import pino from 'pino';
const logger = pino();
export function sent(emailTemplate: string, file: { name: string }): void {
  logger.info({ template: emailTemplate, attachment: file.name }, 'mail sent');
}
`,
    // test code is not production data: a test file logging a declared Email is not reported
    {
      code: `
import pino from 'pino';
import type { Email } from 'classified';
const logger = pino();
export function signedUp(email: Email): void {
  logger.info({ email }, 'signed up');
}
`,
      filename: 'file.test.ts',
    },
    // settings.classified turns name inference off, so an unannotated email is not classified
    {
      code: `
import pino from 'pino';
const logger = pino();
export function signedUp(user: { email: string }): void {
  logger.info(\`signed up: \${user.email}\`);
}
`,
      settings: { classified: { inference: 'off' } },
    },
  ],
  invalid: [
    // a declared Email passed to pino as a shorthand property; the fix expands the shorthand
    {
      code: `
import pino from 'pino';
import type { Email } from 'classified';
const logger = pino();
export function signedUp(email: Email): void {
  logger.info({ email }, 'signed up');
}
`,
      errors: [
        {
          messageId: 'piiLogged',
          data: { class: 'Confidential', data: 'email', kind: 'Email', more: '', sink: 'logger.info', module: 'pino' },
          line: 6,
          column: 17,
          endLine: 6,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'suggestWrap',
              data: { wrapper: 'redact' },
              output: `
import pino from 'pino';
import type { Email } from 'classified';
import { redact } from 'classified';
const logger = pino();
export function signedUp(email: Email): void {
  logger.info({ email: redact(email) }, 'signed up');
}
`,
            },
          ],
        },
      ],
    },
    // inferred: an unannotated user.email in a template literal (no classified import yet)
    {
      code: `
import pino from 'pino';
const logger = pino();
export function signedUp(user: { email: string }): void {
  logger.info(\`signed up: \${user.email}\`);
}
`,
      errors: [
        {
          messageId: 'piiLogged',
          data: { class: 'Confidential', data: 'user.email', kind: 'Email', more: '', sink: 'logger.info', module: 'pino' },
          line: 5,
          column: 15,
          endLine: 5,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'suggestWrap',
              data: { wrapper: 'redact' },
              output: `
import pino from 'pino';
import { redact } from 'classified';
const logger = pino();
export function signedUp(user: { email: string }): void {
  logger.info(redact(\`signed up: \${user.email}\`));
}
`,
            },
          ],
        },
      ],
    },
    // cross-file: helpers/audit.ts logs its plain parameter, so the call passing an Email is the leak;
    // the fix extends the existing value import from classified
    {
      code: `
import { type Email } from 'classified';
import { auditTouch } from './helpers/audit.js';
export function viewed(email: Email): void {
  auditTouch(email);
}
`,
      errors: [
        {
          messageId: 'piiLogged',
          data: { class: 'Confidential', data: 'email', kind: 'Email', more: '', sink: 'logger.info', module: 'pino' },
          line: 5,
          column: 14,
          endLine: 5,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'suggestWrap',
              data: { wrapper: 'redact' },
              output: `
import { type Email, redact } from 'classified';
import { auditTouch } from './helpers/audit.js';
export function viewed(email: Email): void {
  auditTouch(redact(email));
}
`,
            },
          ],
        },
      ],
    },
    // a whole Confidential<Customer> object in winston metadata leaks every field; an aliased redact import is reused
    {
      code: `
import winston from 'winston';
import { redact as mask, type Confidential } from 'classified';
const logger = winston.createLogger({ level: 'info' });
export function loaded(customer: Confidential<{ id: string; email: string }>): void {
  logger.info('customer loaded', { customer });
}
`,
      errors: [
        {
          messageId: 'piiLogged',
          data: { class: 'Confidential', data: 'customer', kind: 'Confidential', more: '', sink: 'logger.info', module: 'winston' },
          line: 6,
          column: 36,
          endLine: 6,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'suggestWrap',
              data: { wrapper: 'redact' },
              output: `
import winston from 'winston';
import { redact as mask, type Confidential } from 'classified';
const logger = winston.createLogger({ level: 'info' });
export function loaded(customer: Confidential<{ id: string; email: string }>): void {
  logger.info('customer loaded', { customer: mask(customer) });
}
`,
            },
          ],
        },
      ],
    },
    // inferred owner context: customer.name is a person's name, console is a log sink
    {
      code: `
export function greet(customer: { name: string }): void {
  console.log('hello', customer.name);
}
`,
      errors: [
        {
          messageId: 'piiLogged',
          data: { class: 'Confidential', data: 'customer.name', kind: 'PersonName', more: '', sink: 'console.log', module: 'console' },
          line: 3,
          column: 24,
          endLine: 3,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'suggestWrap',
              data: { wrapper: 'redact' },
              output: `
import { redact } from 'classified';
export function greet(customer: { name: string }): void {
  console.log('hello', redact(customer.name));
}
`,
            },
          ],
        },
      ],
    },
  ],
});
