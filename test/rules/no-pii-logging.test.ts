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
  ],
  invalid: [
    // a declared Email passed to pino as a shorthand property
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
          data: { class: 'Confidential', data: 'email', kind: 'Email', sink: 'logger.info', module: 'pino' },
          line: 6,
          column: 16,
          endLine: 6,
          endColumn: 21,
        },
      ],
    },
  ],
});
