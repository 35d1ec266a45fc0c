import { createRuleTester, getRule } from '../helpers/rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('no-identifiable-training-data', getRule('no-identifiable-training-data'), {
  valid: [
    // Anonymized data is what training may use
    `
import OpenAI from 'openai';
import type { Anonymized } from 'classified';
const openai = new OpenAI();
export async function train(clean: Anonymized<{ body: string }[]>): Promise<void> {
  await openai.files.create({ file: new File([JSON.stringify(clean)], 'clean.jsonl'), purpose: 'fine-tune' });
}
`,
    // files.create is a training sink only when its purpose is 'fine-tune'
    `
import OpenAI from 'openai';
import type { Email } from 'classified';
const openai = new OpenAI();
export async function upload(tickets: { email: Email; body: string }[]): Promise<void> {
  await openai.files.create({ file: new File([JSON.stringify(tickets)], 'search.jsonl'), purpose: 'assistants' });
}
`,
    // chat messages the code wrote itself (a system prompt constant, literal examples) are not what a person wrote
    `
import OpenAI from 'openai';
const openai = new OpenAI();
const SYSTEM_PROMPT = 'You answer in the style of the product.';
const GREETING = \`Hello from \${'Acme'}\`;
export async function train(): Promise<void> {
  const example = { messages: [{ role: 'system', content: SYSTEM_PROMPT }, { role: 'user', content: 'Hi' }, { role: 'assistant', content: GREETING }] };
  await openai.files.create({ file: new File([JSON.stringify(example)], 'train.jsonl'), purpose: 'fine-tune' });
}
`,
  ],
  invalid: [
    // rows read without types, turned into chat messages and uploaded for fine-tuning: what people wrote
    {
      code: `
import OpenAI from 'openai';
const openai = new OpenAI();
declare const db: { select(table: string): Promise<any[]> };
export async function train(): Promise<void> {
  const rows = await db.select('replies');
  const lines = rows.map((row) => JSON.stringify({ messages: [{ role: 'user', content: row.prompt }, { role: 'assistant', content: row.reply_body }] }));
  await openai.files.create({ file: new File([lines.join('\\n')], 'train.jsonl'), purpose: 'fine-tune' });
}
`,
      errors: [
        {
          messageId: 'identifiableTrainingData',
          data: { class: 'Confidential', data: 'row.prompt', kind: 'ChatMessage', more: ' and 1 more (row.reply_body)', sink: 'openai.files.create', module: 'openai' },
          line: 8,
        },
      ],
    },
    // declared emails mapped into JSONL lines, uploaded for fine-tuning
    {
      code: `
import OpenAI from 'openai';
import type { Email } from 'classified';
const openai = new OpenAI();
export async function train(tickets: { email: Email; body: string }[]): Promise<void> {
  const lines = tickets.map((t) => JSON.stringify({ messages: [{ role: 'user', content: \`\${t.email}: \${t.body}\` }] }));
  await openai.files.create({ file: new File([lines.join('\\n')], 'train.jsonl'), purpose: 'fine-tune' });
}
`,
      errors: [
        {
          messageId: 'identifiableTrainingData',
          data: { class: 'Confidential', data: 't.email', kind: 'Email', more: '', sink: 'openai.files.create', module: 'openai' },
          line: 7,
          column: 31,
          endLine: 7,
          endColumn: 80,
        },
      ],
    },
    // inferred: an unannotated customerEmail passed straight to a fine-tuning job
    {
      code: `
import OpenAI from 'openai';
const openai = new OpenAI();
export async function tune(examples: { customerEmail: string; text: string }[]): Promise<void> {
  await openai.fineTuning.jobs.create({ model: 'gpt-4o-mini', training_file: examples.map((e) => e.customerEmail).join('\\n') });
}
`,
      errors: [
        {
          messageId: 'identifiableTrainingData',
          data: { class: 'Confidential', data: 'e.customerEmail', kind: 'Email', more: '', sink: 'openai.fineTuning.jobs.create', module: 'openai' },
          line: 5,
          column: 63,
          endLine: 5,
          endColumn: 125,
        },
      ],
    },
  ],
});
