/**
 * `check --changed` analyses only what the changed files reach. For every file of the example
 * app, the labelled corpus and a generated service project, the focused analysis must report
 * exactly the findings the whole analysis reports in that file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { generateProject } from '../../scripts/generate-bench-project.js';
import { analyzeProgram, createProgramFromTsconfig, createSourceFileCache, type Finding } from '../../src/engine/index.js';
import { loadConfigFile, resolveConfig } from '../../src/policy/config.js';
import { PINO_LOGGER } from '../helpers/analyze-snippets.js';

const ROOT = path.resolve(__dirname, '../..');
const GENERATED = path.join(ROOT, '.tmp', 'focus-test', 'generated');
const sourceFiles = createSourceFileCache();

function describeFinding(finding: Finding): string {
  return `${path.basename(finding.file)}:${finding.line}:${finding.column} ${finding.ruleId} ${finding.source?.label ?? ''} ${finding.suppression === undefined ? '' : 'suppressed'}`;
}

function expectFocusedEqualsWhole(projectDir: string): number {
  const program = createProgramFromTsconfig(path.join(projectDir, 'tsconfig.json'), sourceFiles);
  const configFile = path.join(projectDir, 'classified.config.json');
  const config = resolveConfig(fs.existsSync(configFile) ? loadConfigFile(configFile) : {});
  const whole = analyzeProgram(program, config, rules);
  let compared = 0;
  for (const file of whole.files) {
    const focused = analyzeProgram(program, config, rules, { focus: (fileName) => fileName === file });
    const expected = whole.findings.filter((finding) => finding.file === file).map(describeFinding);
    const actual = focused.findings.filter((finding) => finding.file === file).map(describeFinding);
    expect(actual, path.relative(projectDir, file)).toEqual(expected);
    compared += expected.length;
  }
  return compared;
}

describe('a focused analysis reports what the whole analysis reports in the focused file', () => {
  beforeAll(() => {
    fs.rmSync(GENERATED, { recursive: true, force: true });
    generateProject({ seed: 7, lines: 3000, outDir: GENERATED });
  });

  it('on the example app', () => {
    expect(expectFocusedEqualsWhole(path.join(ROOT, 'fixtures', 'example-shop'))).toBeGreaterThan(30);
  });

  it('on the labelled corpus', () => {
    expect(expectFocusedEqualsWhole(path.join(ROOT, 'fixtures', 'corpus'))).toBeGreaterThan(400);
  });

  it('on a generated service project with helper chains across files', () => {
    expect(expectFocusedEqualsWhole(GENERATED)).toBeGreaterThan(10);
  });

  it('on calls through an interface, function references and constructors', () => {
    const dir = path.join(ROOT, '.tmp', 'focus-test', 'dispatch');
    fs.rmSync(dir, { recursive: true, force: true });
    const files: Record<string, string> = {
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', skipLibCheck: true }, include: ['src'] }),
      'src/log.ts': PINO_LOGGER,
      'src/notifier.ts': 'export interface Notifier {\n  send(to: string): void;\n}\n',
      'src/email-notifier.ts': [
        "import { logger } from './log.js';",
        "import type { Notifier } from './notifier.js';",
        'export class EmailNotifier implements Notifier {',
        '  send(to: string): void {',
        "    logger.info({ to }, 'sending');",
        '  }',
        '}',
        'export function audit(line: string): void {',
        '  logger.warn(line);',
        '}',
        'export class Tracker {',
        '  constructor(id: string) {',
        '    logger.debug(id);',
        '  }',
        '}',
        '',
      ].join('\n'),
      'src/app.ts': [
        "import type { Email } from 'classified';",
        "import type { Notifier } from './notifier.js';",
        "import { audit, Tracker } from './email-notifier.js';",
        'export function welcome(notifier: Notifier, customer: { email: Email }, all: Email[]): void {',
        '  notifier.send(customer.email);',
        '  all.forEach(audit);',
        '  new Tracker(customer.email);',
        '}',
        '',
      ].join('\n'),
    };
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    expect(expectFocusedEqualsWhole(dir)).toBeGreaterThanOrEqual(2);
  });

  it('skips the sink calls the focused file cannot reach', () => {
    const program = createProgramFromTsconfig(path.join(GENERATED, 'tsconfig.json'), sourceFiles);
    const config = resolveConfig(loadConfigFile(path.join(GENERATED, 'classified.config.json')));
    const whole = analyzeProgram(program, config, rules);
    const withFindings = [...new Set(whole.findings.map((finding) => finding.file))];
    const focusFile = withFindings[0] ?? '';
    const focused = analyzeProgram(program, config, rules, { focus: (fileName) => fileName === focusFile });
    // findings elsewhere come only from what the focused file reaches: far fewer than the whole project's
    expect(focused.findings.length).toBeLessThan(whole.findings.length / 2);
  });
});
