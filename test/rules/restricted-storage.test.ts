import { createRuleTester, getRule } from '../helpers/rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('restricted-storage', getRule('restricted-storage'), {
  valid: [
    // the vault is where Restricted data belongs (a project function declared `@sink vault`)
    `
import type { Compensation } from 'classified';
/**
 * Stores a secret in the regional vault.
 * @sink vault
 */
function putSecret(name: string, value: string): void {
  void name;
  void value;
}
export function keep(bonus: Compensation): void {
  putSecret('bonus', String(bonus));
}
`,
    // Confidential data may be stored in regional storage
    `
import Redis from 'ioredis';
import type { Email } from 'classified';
const redis = new Redis();
export async function cache(email: Email): Promise<void> {
  await redis.set('customer:email', email);
}
`,
    // a card number in storage is the more specific no-pan-storage
    `
import Redis from 'ioredis';
import type { PAN } from 'classified';
const redis = new Redis();
export async function remember(card: { number: PAN }): Promise<void> {
  await redis.set('card', card.number);
}
`,
  ],
  invalid: [
    // inferred salary and declared Compensation in pg parameter arrays
    {
      code: `
import { Pool } from 'pg';
import type { Compensation } from 'classified';
const pool = new Pool();
export async function save(employee: { id: string; salary: number }, bonus: Compensation): Promise<void> {
  await pool.query('update employees set salary = $2 where id = $1', [employee.id, employee.salary]);
  await pool.query('update employees set bonus = $2 where id = $1', [employee.id, bonus]);
}
`,
      errors: [
        {
          messageId: 'restrictedStored',
          data: { class: 'Restricted', data: 'employee.salary', kind: 'Compensation', more: '', sink: 'pool.query', module: 'pg' },
          line: 6,
          column: 84,
          endLine: 6,
          endColumn: 99,
        },
        {
          messageId: 'restrictedStored',
          data: { class: 'Restricted', data: 'bonus', kind: 'Compensation', more: '', sink: 'pool.query', module: 'pg' },
          line: 7,
          column: 83,
          endLine: 7,
          endColumn: 88,
        },
      ],
    },
    // brand-erasing String() does not erase the classification on its way into Redis
    {
      code: `
import Redis from 'ioredis';
import type { Compensation } from 'classified';
const redis = new Redis();
export async function cache(salary: Compensation): Promise<void> {
  await redis.set('salary', String(salary));
}
`,
      errors: [
        {
          messageId: 'restrictedStored',
          data: { class: 'Restricted', data: 'salary', kind: 'Compensation', more: '', sink: 'redis.set', module: 'ioredis' },
          line: 6,
          column: 29,
          endLine: 6,
          endColumn: 43,
        },
      ],
    },
  ],
});
