/**
 * The example files in docs/examples/ work as documented: ESLint loads the example
 * `eslint.config.mjs` itself (importing `classified/eslint` from the built package) and reports
 * findings on the example app; the pre-commit files run ESLint on staged TypeScript; the CI
 * workflow's `classified check` step writes SARIF even when it fails on findings.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';

const ROOT = path.resolve(__dirname, '..');
const EXAMPLES = path.join(ROOT, 'docs', 'examples');
const EXAMPLE_APP = path.join(ROOT, 'fixtures', 'example-shop');
const outputDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'classified-examples-'));

afterAll(() => {
  fs.rmSync(outputDirectory, { recursive: true, force: true });
});

describe('docs/examples', () => {
  it('eslint.config.mjs loads and lints the example app with the classified rules', async () => {
    const eslint = new ESLint({ cwd: EXAMPLE_APP, overrideConfigFile: path.join(EXAMPLES, 'eslint.config.mjs') });
    const results = await eslint.lintFiles(['.']);
    const messages = results.flatMap((result) => result.messages.map((message) => ({ ...message, file: path.relative(EXAMPLE_APP, result.filePath) })));
    expect(messages.length).toBeGreaterThan(10);
    expect(messages.every((message) => message.ruleId?.startsWith('classified/') === true && message.severity === 2)).toBe(true);
    expect(new Set(messages.map((message) => message.ruleId))).toContain('classified/no-pii-logging');
    expect(messages).toContainEqual(expect.objectContaining({ ruleId: 'classified/no-pan-literal', file: path.join('src', 'services', 'checkout.ts') }));
    // the reviewed suppression in support.ts hides its finding, with the reason kept
    const suppressed = results.flatMap((result) => result.suppressedMessages);
    expect(suppressed.map((message) => [message.ruleId, message.suppressions[0]?.justification])).toEqual([
      ['classified/no-pii-logging', 'support audit trail approved by DPO'],
    ]);
  }, 120_000);

  it('the pre-commit hook runs lint-staged, which runs ESLint on staged TypeScript files', () => {
    expect(fs.readFileSync(path.join(EXAMPLES, '.husky', 'pre-commit'), 'utf8')).toMatch(/^npx lint-staged$/m);
    const lintStaged: unknown = JSON.parse(fs.readFileSync(path.join(EXAMPLES, '.lintstagedrc.json'), 'utf8'));
    expect(lintStaged).toEqual({ '*.{ts,tsx,mts,cts}': expect.stringMatching(/^eslint --max-warnings=0\b/) });
  });

  it('the workflow lints pull requests and uploads the CLI SARIF to code scanning', () => {
    const workflow = fs.readFileSync(path.join(EXAMPLES, '.github', 'workflows', 'classified.yml'), 'utf8');
    expect(workflow).toMatch(/^ {2}pull_request:/m);
    expect(workflow).toContain('run: npx eslint . --max-warnings=0');
    expect(workflow).toContain('security-events: write');
    expect(workflow).toContain('npx classified check --project tsconfig.json --format sarif --output classified.sarif');
    expect(workflow).toMatch(/uses: github\/codeql-action\/upload-sarif@v\d+\n\s+with:\n\s+sarif_file: classified\.sarif/);
  });

  it('the workflow’s check step writes SARIF and then fails on findings', async () => {
    const sarifPath = path.join(outputDirectory, 'classified.sarif');
    const run = await runCli(['check', '--project', 'tsconfig.json', '--format', 'sarif', '--output', sarifPath], { cwd: EXAMPLE_APP });
    expect(run).toMatchObject({ status: 1, stdout: '' });
    const sarif: unknown = JSON.parse(fs.readFileSync(sarifPath, 'utf8'));
    expect(sarif).toMatchObject({ version: '2.1.0', runs: [{ tool: { driver: { name: 'classified' } } }] });
  }, 120_000);
});
