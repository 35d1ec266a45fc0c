// What the engine reports, once for every front end (DESIGN.md section 4b): nothing in test files
// but card numbers, only the tsconfig's own files, and one finding per rule, statement and sink.
import { describe, expect, it } from 'vitest';
import { analyzeSnippets, PINO_LOGGER } from '../helpers/analyze-snippets.js';

/** A production helper whose parameter reaches pino: a finding wherever classified data is passed to it. */
const AUDIT_HELPER = `
import { logger } from './log.js';
export function audit(email: string): void {
  logger.info({ email }, 'audit');
}
`;

describe('test files', () => {
  it('reports no flow, cast or dimension in any default test location, but still a real card number', () => {
    const violations = `
import type { Email } from 'classified';
import { logger } from '../log.js';
export function run(user: { email: Email }): void {
  logger.info(user.email);
  const plain = user.email as string;
  void plain;
}
export const CARD = '4916 3387 2466 0013';
export const STRIPE = '4242 4242 4242 4242';
`;
    const testFiles = ['src/checkout.e2e.ts', 'test/app.e2e-spec.ts', 'e2e/login.ts', 'cypress/support/commands.ts', 'src/playwright/pages.ts', 'src/__mocks__/mailer.ts', 'src/__tests__/run.ts', 'src/run.spec.ts'];
    const files: Record<string, string> = { 'log.ts': PINO_LOGGER, 'src/run.ts': violations };
    // one folder level below the snippet root, so `../log.js` resolves for every file
    for (const name of testFiles) files[name] = violations.replace("'../log.js'", `'${'../'.repeat(name.split('/').length - 1)}log.js'`);
    const result = analyzeSnippets(files);
    expect(result.keys).toEqual([
      ...testFiles.map((name) => `${name}:9 no-pan-literal`).sort((a, b) => a.localeCompare(b, undefined, { numeric: true })),
      'src/run.ts:5 no-pii-logging',
      'src/run.ts:6 no-unsafe-declassification',
      'src/run.ts:9 no-pan-literal',
      'src/run.ts:10 no-pan-literal',
    ].sort((a, b) => a.localeCompare(b, undefined, { numeric: true })));
  });

  it('extends the defaults with the testFiles of the config', () => {
    const files = { 'log.ts': PINO_LOGGER, 'app.stories.ts': `import { logger } from './log.js';\nexport const show = (email: string): void => logger.info(email);\n` };
    expect(analyzeSnippets(files).keys).toEqual(['app.stories.ts:2 no-pii-logging']);
    expect(analyzeSnippets(files, { testFiles: ['**/*.stories.ts'] }).keys).toEqual([]);
  });

  it('does not report a production helper at the calls of tests, which leave it an entry point', () => {
    const onlyTests = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'audit.ts': AUDIT_HELPER,
      'audit.test.ts': `
import type { Email } from 'classified';
import { audit } from './audit.js';
audit('someone@example.com' as Email);
`,
    });
    // no production caller: the parameter's name is all that is known, as for an exported API
    expect(onlyTests.keys).toEqual(['audit.ts:4 no-pii-logging']);
    expect(onlyTests.findings[0]?.source?.reason).toMatch(/parameter name "email".*no caller in the project/);

    const alsoProduction = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'audit.ts': AUDIT_HELPER,
      'signup.ts': `
import type { Email } from 'classified';
import { audit } from './audit.js';
export function signup(email: Email): void {
  audit(email);
}
`,
      'audit.test.ts': `
import type { Email } from 'classified';
import { audit } from './audit.js';
audit('someone@example.com' as Email);
`,
    });
    // a production caller passes an e-mail: reported where the helper logs its `email` parameter, with the caller's data
    expect(alsoProduction.keys).toEqual(['audit.ts:4 no-pii-logging']);
    expect(alsoProduction.findings[0]?.source?.reason).not.toMatch(/no caller/);
    expect(alsoProduction.findings[0]?.trace.map((step) => step.file.endsWith('signup.ts'))).toContain(true);
  });
});

describe('functions nothing calls', () => {
  it("reports an exported helper by its parameter's name, and not a module's private helper its module never mentions again", () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'mail.ts': `
import { logger } from './log.js';
async function sendPlanReadyEmail(email: string): Promise<void> {
  logger.info({ email }, 'plan ready');
}
function notifyOwner(email: string): void {
  logger.info({ email }, 'owner notified');
}
export const handlers = { notifyOwner };
export function sendWelcome(email: string): void {
  logger.info({ email }, 'welcome');
}
class Mailer {
  private retry(email: string): void {
    logger.info({ email }, 'sending again');
  }
}
export const mailer = new Mailer();
`,
    });
    expect(result.keys).toEqual(['mail.ts:7 no-pii-logging', 'mail.ts:11 no-pii-logging']);
  });

  it('reports nothing in a private function nothing calls, even where its own code names the data', () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'route.ts': `
import { logger } from './log.js';
declare function send(message: { to: string; subject: string; html: string }): Promise<void>;
async function sendPlanReadyEmail(email: string, planUrl: string): Promise<void> {
  await send({ to: email, subject: 'Your plan is ready', html: planUrl });
  logger.info(\`plan ready email sent to \${email}\`);
}
export async function POST(request: { url: string }): Promise<void> {
  logger.info({ url: request.url }, 'plan requested');
}
`,
    });
    expect(result.keys).toEqual([]);
  });

  it('takes nothing a dead private function hands a helper for a flow into the helper', () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'audit.ts': `
import { logger } from './log.js';
export function audit(entry: { detail: string }): void {
  logger.info({ detail: entry.detail }, 'audit');
}
`,
      'route.ts': `
import { audit } from './audit.js';
function auditSignup(user: { email: string }): void {
  audit({ detail: user.email });
}
export function signup(user: { email: string; plan: string }): void {
  audit({ detail: user.plan });
}
`,
    });
    expect(result.keys).toEqual([]);
  });
});

describe('reported files', () => {
  it('reads files outside the root files for summaries and reports only the root files', () => {
    const result = analyzeSnippets(
      {
        'log.ts': PINO_LOGGER,
        'shared/audit.ts': `
import type { Email } from 'classified';
import { logger } from '../log.js';
export function audit(note: string): void {
  logger.info(note);
}
export function leak(contact: { email: Email }): void {
  logger.info(contact.email);
}
`,
        'app.ts': `
import type { Email } from 'classified';
import { audit } from './shared/audit.js';
export function signup(email: Email): void {
  audit(email);
}
`,
      },
      {},
      { roots: ['app.ts'] },
    );
    // the helper's leak is known from its summary; the shared file's own finding is its project's to report
    expect(result.keys).toEqual(['app.ts:5 no-pii-logging']);
    expect(result.findings[0]?.trace.map((step) => step.note)).toContain('reaches log sink logger.info');
    expect(result.files.map((file) => file.replace(/.*[\\/]/, ''))).toEqual(['app.ts']);
    expect(result.filesReadNotReported.map((file) => file.replace(/.*[\\/]/, '')).sort()).toEqual(['audit.ts', 'log.ts']);
  });
});

describe('one finding per rule, statement and sink', () => {
  it('lists every field a statement carries into one sink, the strongest first', () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'app.ts': `
import type { Email, PAN } from 'classified';
import { logger } from './log.js';
export function run(email: string, phone: string, customer: { email: Email; name: string }, card: { number: PAN; cvv: string }): void {
  logger.info({ email, phone });
  logger.info({
    phone,
    contact: customer.email,
    name: customer.name,
  });
  logger.info(email);
  logger.info(phone);
  logger.info({ card: card.number, cvv: card.cvv, email });
}
`,
    });
    expect(result.keys).toEqual([
      'app.ts:5 no-pii-logging',
      'app.ts:8 no-pii-logging',
      'app.ts:11 no-pii-logging',
      'app.ts:12 no-pii-logging',
      'app.ts:13 no-pii-logging',
      'app.ts:13 no-restricted-logging',
    ]);
    const [pair, declaredFirst, , , email, restricted] = [...result.byRule('no-pii-logging').slice(0, 5), ...result.byRule('no-restricted-logging')];
    expect(pair?.message).toBe('Confidential data email (Email) and 1 more (phone) reaches log sink logger.info (pino); customer data must not flow to central logs');
    expect(pair?.carried?.map((data) => [data.source.label, data.confidence])).toEqual([['email', 'inferred'], ['phone', 'inferred']]);
    // declared before inferred, whatever the order in the object
    expect(declaredFirst?.source?.label).toBe('customer.email');
    expect(declaredFirst?.data['more']).toBe(' and 2 more (phone, customer.name)');
    expect(email?.carried?.map((data) => data.source.label)).toEqual(['email']);
    expect(email?.data['more']).toBe('');
    // the higher class first among declared data; each rule lists the data it claims
    expect(restricted?.carried?.map((data) => data.source.label)).toEqual(['card.number', 'card.cvv']);
  });

  it('keeps sinks apart: two sink calls in one statement, or one helper call leaking through two sinks', () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'notify.ts': `
import { logger } from './log.js';
export function notify(first: string, second: string): void {
  logger.info(first);
  logger.warn(second);
}
`,
      'app.ts': `
import type { Email, PhoneNumber } from 'classified';
import { logger } from './log.js';
import { notify } from './notify.js';
export function run(email: Email, phone: PhoneNumber): void {
  void [logger.info(email), logger.warn(phone)];
  notify(email, phone);
}
`,
    });
    expect(result.keys).toEqual(['app.ts:6 no-pii-logging', 'app.ts:6 no-pii-logging', 'app.ts:7 no-pii-logging', 'app.ts:7 no-pii-logging']);
    expect(result.byRule('no-pii-logging').map((finding) => `${finding.source?.label} ${finding.sink?.callee}`)).toEqual([
      'email logger.info',
      'phone logger.warn',
      'email logger.info',
      'phone logger.warn',
    ]);
  });

  it('lists at a helper call every field the helper leaks through one sink', () => {
    const result = analyzeSnippets({
      'log.ts': PINO_LOGGER,
      'mail.ts': `
import { logger } from './log.js';
export function sendEmail(options: { recipient: string; greeting: string; footer: string; subject: string }): void {
  logger.info({ recipient: options.recipient, greeting: options.greeting, footer: options.footer, subject: options.subject }, 'sent');
}
`,
      'app.ts': `
import type { Email, PersonName, PhoneNumber } from 'classified';
import { sendEmail } from './mail.js';
export function welcome(customer: { email: Email; phone: PhoneNumber; name: PersonName }): void {
  sendEmail({ recipient: customer.email, greeting: customer.name, footer: customer.phone, subject: 'Welcome' });
}
`,
    });
    expect(result.keys).toEqual(['app.ts:5 no-pii-logging']);
    expect(result.findings[0]?.carried?.map((data) => data.source.label)).toEqual(['customer.email', 'customer.name', 'customer.phone']);
  });

  it('does not report a telemetry dimension apart from the classified value a merged finding lists there', () => {
    const result = analyzeSnippets({
      'app.ts': `
import { trace } from '@opentelemetry/api';
import type { Email, PhoneNumber } from 'classified';
export function run(email: Email, phone: PhoneNumber, customer: { note: string }): void {
  trace.getActiveSpan()?.setAttributes({ 'user.email': email, 'user.phone': phone, cart: customer.note });
}
`,
    });
    expect(result.byRule('telemetry-deidentified').map((finding) => finding.messageId)).toEqual(['classifiedValue', 'dimensionNotAllowed']);
    expect(result.byRule('telemetry-deidentified')[0]?.carried?.map((data) => data.source.label)).toEqual(['email', 'phone']);
    expect(result.byRule('telemetry-deidentified')[1]?.data['dimension']).toBe('cart');
  });
});
