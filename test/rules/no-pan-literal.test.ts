import { createRuleTester, getRule } from '../helpers/rule-tester.js';

const ruleTester = createRuleTester();

const CARD_REASON_SUFFIX = 'card number (length, Luhn checksum and issuer range)';

ruleTester.run('no-pan-literal', getRule('no-pan-literal'), {
  valid: [
    // sixteen digits that fail the Luhn checksum are an order id, not a card
    `
export const ORDER_ID = '4242424242424241';
`,
    // a published test number is allowed in a test file
    {
      code: `
export const TEST_CARD = '4242 4242 4242 4242';
`,
      filename: 'file.test.ts',
    },
    // a short digit string is below the ISO/IEC 7812 length
    `
export const PIN_HINT = '4242 4242';
`,
  ],
  invalid: [
    // a published test number outside a test file is still a card literal in source
    {
      code: `
export const TEST_CARD = '4242 4242 4242 4242';
`,
      errors: [
        {
          messageId: 'panLiteral',
          data: { data: 'card number literal ****4242', kind: 'PAN', reason: `Visa ${CARD_REASON_SUFFIX}` },
          line: 2,
          column: 26,
          endLine: 2,
          endColumn: 47,
        },
      ],
    },
    // Mastercard 2-series (2221–2720) with dashes, and an American Express number
    {
      code: `
export const ISSUER_2_SERIES = '2223-0031-2200-3222';
export const AMEX = '3782 822463 10005';
`,
      errors: [
        {
          messageId: 'panLiteral',
          data: { data: 'card number literal ****3222', kind: 'PAN', reason: `Mastercard ${CARD_REASON_SUFFIX}` },
          line: 2,
          column: 32,
          endLine: 2,
          endColumn: 53,
        },
        {
          messageId: 'panLiteral',
          data: { data: 'card number literal ****0005', kind: 'PAN', reason: `American Express ${CARD_REASON_SUFFIX}` },
          line: 3,
          column: 21,
          endLine: 3,
          endColumn: 40,
        },
      ],
    },
    // a valid card number that is not a published test number is flagged even in a test file
    {
      code: `
export const REAL_LOOKING = '4000 0012 3456 7899';
`,
      filename: 'file.test.ts',
      errors: [
        {
          messageId: 'panLiteral',
          data: { data: 'card number literal ****7899', kind: 'PAN', reason: `Visa ${CARD_REASON_SUFFIX}` },
          line: 2,
          column: 29,
          endLine: 2,
          endColumn: 50,
        },
      ],
    },
  ],
});
