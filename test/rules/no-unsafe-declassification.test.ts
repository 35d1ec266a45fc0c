import { createRuleTester, getRule } from '../helpers/rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('no-unsafe-declassification', getRule('no-unsafe-declassification'), {
  valid: [
    // declassify() with a literal reason is the reviewable way to lower a class
    `
import { declassify, type Email } from 'classified';
export function header(email: Email): string {
  return declassify(email, 'ticket header shown to the assigned agent only');
}
`,
    // casting unclassified data loses nothing
    `
export function parse(input: unknown): string {
  return input as string;
}
`,
    // widening to a type that keeps the brand is not a declassification
    `
import type { Confidential, Email } from 'classified';
export function widen(email: Email): Confidential<string> {
  return email as Confidential<string>;
}
`,
  ],
  invalid: [
    // casts that drop the brand: as string, as unknown as Public<...>, as any, angle-bracket
    {
      code: `
import type { Email, PersonName, Public } from 'classified';
export function show(email: Email, name: PersonName): unknown[] {
  const a = email as string;
  const b = name as unknown as Public<string>;
  const c = email as any;
  const d = <string>email;
  return [a, b, c, d];
}
`,
      errors: [
        {
          messageId: 'unsafeCast',
          data: { class: 'Confidential', data: 'email', kind: 'Email', target: 'string' },
          line: 4,
          column: 13,
          endLine: 4,
          endColumn: 28,
        },
        {
          messageId: 'unsafeCast',
          data: { class: 'Confidential', data: 'name', kind: 'PersonName', target: 'Public<string>' },
          line: 5,
          column: 13,
          endLine: 5,
          endColumn: 46,
        },
        {
          messageId: 'unsafeCast',
          data: { class: 'Confidential', data: 'email', kind: 'Email', target: 'any' },
          line: 6,
          column: 13,
          endLine: 6,
          endColumn: 25,
        },
        {
          messageId: 'unsafeCast',
          data: { class: 'Confidential', data: 'email', kind: 'Email', target: 'string' },
          line: 7,
          column: 13,
          endLine: 7,
          endColumn: 26,
        },
      ],
    },
    // declassify() whose reason is not a string literal cannot be reviewed in source
    {
      code: `
import { declassify, type Email } from 'classified';
export function header(email: Email, reason: string): string {
  return declassify(email, reason);
}
`,
      errors: [
        {
          messageId: 'missingReason',
          data: { data: 'email' },
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 35,
        },
      ],
    },
  ],
});
