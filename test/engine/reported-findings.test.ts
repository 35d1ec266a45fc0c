// What the engine reports, once for every front end (DESIGN.md section 4b): nothing in test files
// but card numbers, and only the tsconfig's own files.
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
    expect(alsoProduction.keys).toEqual(['signup.ts:5 no-pii-logging']);
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
