/**
 * Safety (issue "Robustness and safety", item 3; DESIGN.md sections 3 and 9; SECURITY.md):
 * - no output — CLI text, JSON, SARIF, ESLint messages, tsc diagnostics from the transform, and
 *   the other CLI commands' reports — contains a full card number or a CVV value from the
 *   analysed code, whether the value is a literal or flows through templates and concatenation;
 * - the analyzer never executes analysed code or config: a project whose every file would write a
 *   marker file when executed or required leaves no marker behind;
 * - paths outside the project root are refused or printed relative, without following symlinks
 *   out of the project.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { cardLiteral } from '../../scripts/oracle-generator.js';
import { describeCrash, parseReport, ROOT, runCliInProcess, TSCONFIG, writeProject, type CliRun } from './cli-harness.js';

const created: string[] = [];
afterAll(() => {
  if (process.env.KEEP_HOSTILE === undefined) for (const directory of created) fs.rmSync(directory, { recursive: true, force: true });
});

function project(files: Readonly<Record<string, string | Buffer>>, options: { outsideRepository?: boolean; name?: string } = {}): string {
  const directory = writeProject(files, options);
  created.push(directory);
  return directory;
}

// ─────────────────────────────────────────── secrets ───────────────────────────────────────────

/** Luhn-valid card numbers in every written form the analysed code uses below. */
const CARDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((seed) => cardLiteral(seed * 7919));
/** CVV values: four digits with a leading zero, a form no counter or position in a report takes. */
const CVVS = ['0482', '0917', '0733', '0661', '0294', '0358'];

const digitsOf = (card: string): string => card.replace(/\D/g, '');
const spaced = (card: string): string => digitsOf(card).replace(/(\d{4})(?=\d)/g, '$1 ');

const SECRETS_APP = `import pino from 'pino';
import { declassify, maskPan, type CVV, type PAN } from 'classified';
const logger = pino();
export const CARD_A = '${CARDS[0]}';
export const CARD_B = ${digitsOf(CARDS[1] as string)};
export const NOTE = 'card ${spaced(CARDS[2] as string)} cvv ${CVVS[0]}';
export function run(card: PAN, cvv: CVV, customer: { cardNumber: string; cvc: string }): void {
  logger.info(\`card \${CARD_A} cvv ${CVVS[1]}\`);
  const line = 'pay ' + '${CARDS[3]}' + ' cvv ' + '${CVVS[2]}';
  logger.info(line);
  logger.info({ card: \`\${'${CARDS[4]}'}\`, cvv: '${CVVS[3]}' });
  const cvc = '${CVVS[4]}';
  console.log(\`cvv=\${cvv} cvc=\${cvc}\`, card, '${spaced(CARDS[5] as string)}');
  localStorage.setItem('${digitsOf(CARDS[6] as string)}', \`\${card}:\${cvv}:${CVVS[5]}\`);
  const shown = declassify('${CARDS[7]}', 'shown to the card holder');
  console.log(shown, maskPan('${CARDS[8]}'), declassify(cvc, 'shown'));
  logger.info({ payment: { number: customer.cardNumber || '${CARDS[9]}', cvc: customer.cvc || '${CVVS[0]}' } });
  const copy = '${CARDS[0]}' as string;
  void copy;
}
`;
// card numbers in names and types the messages may quote: a callee, a cast target, a key
const SECRETS_NAMES = `import pino from 'pino';
import type { Email } from 'classified';
const loggers: Record<string, pino.Logger> = { main: pino() };
export function more(email: Email): void {
  loggers['${digitsOf(CARDS[1] as string)}']?.info(email);
  window['${CARDS[2]}' as 'localStorage'].setItem('k', email);
  const typed = email as unknown as '${digitsOf(CARDS[3] as string)}';
  console.log(typed, { ['${digitsOf(CARDS[4] as string)}']: email });
}
`;

/** Every way a card number or CVV could show up in a report: the written forms, and digits with any separators. */
function findSecrets(output: string): string[] {
  const found: string[] = [];
  const digitsOnly = output.replace(/(?<=\d)[\s-]+(?=\d)/g, '');
  for (const card of CARDS) {
    if (output.includes(card) || output.includes(spaced(card)) || digitsOnly.includes(digitsOf(card))) found.push(`card ${card}`);
  }
  for (const cvv of CVVS) if (new RegExp(`(?<![\\d*])${cvv}(?!\\d)`).test(output)) found.push(`CVV ${cvv}`);
  return found;
}

function secretsProject(): string {
  return project({ 'tsconfig.json': TSCONFIG, 'src/app.ts': SECRETS_APP, 'src/names.ts': SECRETS_NAMES }, { name: 'secrets' });
}

describe('safety: card numbers and CVVs never appear in output', () => {
  const dir = secretsProject();

  it('the fixture is what it claims: every card is a card to the analyzer and is reported', async () => {
    const run = await runCliInProcess(['check', '--project', dir, '--format', 'json']);
    expect(describeCrash(run)).toBeUndefined();
    const report = parseReport(run);
    const rules = new Set(report.findings.map((finding) => finding.ruleId));
    for (const rule of ['no-pan-literal', 'no-restricted-logging', 'no-pan-storage', 'no-unsafe-declassification']) expect(rules).toContain(rule);
    // the source text does contain every secret (the check below is not vacuous)
    expect(findSecrets(SECRETS_APP + SECRETS_NAMES).length).toBe(CARDS.length + CVVS.length);
    expect(report.findings.filter((finding) => /\*{4}\d{4}/.test(finding.message)).length).toBeGreaterThanOrEqual(6);
  });

  it.each([
    ['text', ['--format', 'text']],
    ['text --explain', ['--format', 'text', '--explain']],
    ['json', ['--format', 'json']],
    ['json --explain', ['--format', 'json', '--explain']],
    ['sarif', ['--format', 'sarif']],
  ])('check --format %s', async (_, args) => {
    const run = await runCliInProcess(['check', '--project', dir, ...args]);
    expect(describeCrash(run)).toBeUndefined();
    expect(run.status).toBe(1);
    expect(findSecrets(run.stdout + run.stderr)).toEqual([]);
  });

  it('check --output writes a masked report, and baseline files are masked', async () => {
    const output = path.join(dir, 'report.sarif');
    const run = await runCliInProcess(['check', '--project', dir, '--format', 'sarif', '--output', output]);
    expect(describeCrash(run)).toBeUndefined();
    expect(findSecrets(fs.readFileSync(output, 'utf8') + run.stdout + run.stderr)).toEqual([]);
    const baseline = path.join(dir, 'baseline.json');
    const written = await runCliInProcess(['baseline', '--project', dir, baseline]);
    if (written.status === 2 && /unknown command/.test(written.stderr)) return; // no baseline command in this build
    expect(describeCrash(written)).toBeUndefined();
    expect(findSecrets(fs.readFileSync(baseline, 'utf8') + written.stdout + written.stderr)).toEqual([]);
  });

  it.each([['markdown'], ['html']])('report --format %s (the data inventory)', async (format) => {
    const run = await runCliInProcess(['report', '--project', dir, '--format', format]);
    if (run.status === 2 && /unknown command/.test(run.stderr)) return; // no report command in this build
    expect(describeCrash(run)).toBeUndefined();
    expect(run.stdout.length).toBeGreaterThan(100);
    expect(findSecrets(run.stdout + run.stderr)).toEqual([]);
  });

  it('ESLint plugin messages and suggestion descriptions', async () => {
    const pluginPath = path.join(ROOT, 'dist', 'src', 'eslint', 'index.js');
    if (!fs.existsSync(pluginPath)) {
      console.warn(`safety: ${pluginPath} is not built; ESLint messages not checked`);
      return;
    }
    const plugin = require(pluginPath) as { rules?: Record<string, unknown>; configs?: { recommended?: Iterable<object> } };
    if (plugin.rules === undefined || Object.keys(plugin.rules).length === 0 || plugin.configs?.recommended === undefined) {
      console.warn('safety: the built ESLint plugin exports no rules or no recommended config yet; ESLint messages not checked');
      return;
    }
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: [...plugin.configs.recommended] as never });
    const results = await eslint.lintFiles(['src/**/*.ts']);
    const messages = results.flatMap((result) => [...result.messages, ...result.suppressedMessages]);
    expect(messages.filter((message) => message.ruleId?.startsWith('classified/') === true).length).toBeGreaterThan(5);
    const text = messages.map((message) => [message.message, ...(message.suggestions ?? []).map((suggestion) => suggestion.desc)].join('\n')).join('\n');
    expect(findSecrets(text)).toEqual([]);
  }, 120_000);

  it('tsc diagnostics from the compiler transform', () => {
    const transformPath = path.join(ROOT, 'dist', 'src', 'transform', 'index.js');
    if (!fs.existsSync(transformPath)) {
      console.warn(`safety: ${transformPath} is not built; transform diagnostics not checked`);
      return;
    }
    const transform = require(transformPath) as { getClassifiedDiagnostics?: (program: ts.Program, options?: object) => ts.Diagnostic[] };
    if (typeof transform.getClassifiedDiagnostics !== 'function') {
      console.warn('safety: the built transform has no getClassifiedDiagnostics; transform diagnostics not checked');
      return;
    }
    const tsconfig = path.join(dir, 'tsconfig.json');
    const parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
    if (parsed === undefined) throw new Error('tsconfig did not parse');
    const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
    const diagnostics = transform.getClassifiedDiagnostics(program, { mode: 'report' });
    expect(diagnostics.length).toBeGreaterThan(5);
    const host: ts.FormatDiagnosticsHost = { getCanonicalFileName: (file) => file, getCurrentDirectory: () => dir, getNewLine: () => '\n' };
    const text = ts.formatDiagnostics(diagnostics, host) + diagnostics.flatMap((diagnostic) => (diagnostic.relatedInformation ?? []).map((related) => ts.flattenDiagnosticMessageText(related.messageText, '\n'))).join('\n');
    expect(findSecrets(text)).toEqual([]);
  });
});

// ──────────────────────────────────────── never executes ────────────────────────────────────────

describe('safety: the analyzer never executes analysed code or config', () => {
  const markers = fs.mkdtempSync(path.join(os.tmpdir(), 'classified-markers-'));
  afterAll(() => fs.rmSync(markers, { recursive: true, force: true }));
  const marker = (name: string): string => path.join(markers, name);
  const writeMarkerJs = (name: string): string => `require('fs').writeFileSync(${JSON.stringify(marker(name))}, 'executed');\n`;
  const writeMarkerEsm = (name: string): string => `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker(name))}, 'executed');\n`;

  const files: Record<string, string> = {
    'tsconfig.json': JSON.stringify({
      compilerOptions: {
        target: 'ES2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true, skipLibCheck: true, noEmit: true, allowJs: true, types: ['node'],
        // compiler plugins (ts-patch transforms, language service plugins) must not be loaded
        plugins: [{ transform: './evil-transform.js' }, { name: './evil-plugin.js' }, { transform: './evil-transform.ts' }],
      },
      include: ['src'],
    }),
    'classified.config.json': JSON.stringify({ sinks: [{ kind: 'log', module: 'evil-sink', path: 'log' }], sanitizers: [{ module: 'evil-sink', path: 'clean', to: 'public' }] }),
    'classified.config.js': writeMarkerJs('classified.config.js'),
    'classified.config.cjs': writeMarkerJs('classified.config.cjs'),
    'classified.config.mjs': writeMarkerEsm('classified.config.mjs'),
    'classified.config.ts': writeMarkerEsm('classified.config.ts'),
    '.classifiedrc.js': writeMarkerJs('.classifiedrc.js'),
    'eslint.config.js': writeMarkerJs('eslint.config.js'),
    'evil-transform.js': writeMarkerJs('evil-transform.js'),
    'evil-transform.ts': writeMarkerEsm('evil-transform.ts'),
    'evil-plugin.js': writeMarkerJs('evil-plugin.js'),
    'package.json': JSON.stringify({ name: 'evil-app', version: '1.0.0', type: 'commonjs', scripts: { prepare: `node -e "${writeMarkerJs('prepare').replace(/"/g, '\\"')}"` } }),
    'node_modules/evil-sink/package.json': JSON.stringify({ name: 'evil-sink', version: '1.0.0', main: 'index.js', types: 'index.d.ts' }),
    'node_modules/evil-sink/index.js': `${writeMarkerJs('evil-sink')}exports.log = () => {};\nexports.clean = (v) => v;\n`,
    'node_modules/evil-sink/index.d.ts': 'export declare function log(value: unknown): void;\nexport declare function clean(value: string): string;\n',
    'src/app.ts': `${writeMarkerEsm('app.ts')}import type { Email } from 'classified';
import { log, clean } from 'evil-sink';
import { helper } from './helper.js';
export function run(email: Email): void {
  log(email);
  log(clean(email));
  helper(email);
}
`,
    'src/helper.js': `${writeMarkerJs('helper.js')}exports.helper = function helper(value) {\n  console.log(value);\n};\n`,
    'src/module.mjs': writeMarkerEsm('module.mjs'),
    'src/types.d.ts': 'declare module "*.evil";\n',
  };
  const dir = project(files, { name: 'exec' });

  it('the marker files would be written if the fixture ran', () => {
    for (const name of ['classified.config.js', 'classified.config.cjs', 'classified.config.mjs', 'eslint.config.js', 'evil-transform.js', 'node_modules/evil-sink/index.js', 'src/helper.js']) {
      const result = spawnSync(process.execPath, [path.join(dir, name)], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
      expect(result.status, `${name}: ${result.stderr}`).toBe(0);
    }
    expect(fs.readdirSync(markers).sort()).toEqual(['classified.config.cjs', 'classified.config.js', 'classified.config.mjs', 'eslint.config.js', 'evil-sink', 'evil-transform.js', 'helper.js'].sort());
    for (const name of fs.readdirSync(markers)) fs.rmSync(marker(name));
  });

  it('check (every format), baseline and report analyse the project and execute nothing', async () => {
    const runs: CliRun[] = [
      await runCliInProcess(['check', '--project', dir, '--format', 'json'], { cwd: dir }),
      await runCliInProcess(['check', '--project', dir, '--format', 'sarif', '--explain'], { cwd: dir }),
      await runCliInProcess(['check', '--project', dir, '--format', 'text', '--config', path.join(dir, 'classified.config.json')], { cwd: dir }),
      await runCliInProcess(['baseline', '--project', dir, path.join(markers, '..', `baseline-${process.pid}.json`)], { cwd: dir }),
      await runCliInProcess(['report', '--project', dir], { cwd: dir }),
    ];
    fs.rmSync(path.join(markers, '..', `baseline-${process.pid}.json`), { force: true });
    for (const run of runs) expect(describeCrash(run)).toBeUndefined();
    const report = parseReport(runs[0] as CliRun);
    // the config was read: its evil-sink `log` entry is a sink and `clean` a sanitizer (line 8).
    // (helper.js uses CommonJS `exports.helper = function`, which the flow does not follow:
    // docs/limitations.md)
    expect(report.findings.map((finding) => `${path.basename(finding.file)}:${finding.line} ${finding.ruleId}`)).toEqual(['app.ts:7 no-pii-logging']);
    expect(fs.readdirSync(markers)).toEqual([]);
  });

  it('a --config that is a .js file is rejected, not run', async () => {
    const run = await runCliInProcess(['check', '--project', dir, '--config', path.join(dir, 'classified.config.js'), '--format', 'json'], { cwd: dir });
    expect(describeCrash(run)).toBeUndefined();
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('classified.config.js');
    expect(fs.readdirSync(markers)).toEqual([]);
  });

  it('ESLint (plugin with projectService) and the transform execute nothing', async () => {
    const pluginPath = path.join(ROOT, 'dist', 'src', 'eslint', 'index.js');
    const plugin = fs.existsSync(pluginPath) ? (require(pluginPath) as { configs?: { recommended?: Iterable<object> } }) : undefined;
    if (plugin?.configs?.recommended !== undefined) {
      const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: [...plugin.configs.recommended] as never });
      await eslint.lintFiles(['src/**/*.ts']);
    }
    const transformPath = path.join(ROOT, 'dist', 'src', 'transform', 'index.js');
    if (fs.existsSync(transformPath)) {
        const transform = require(transformPath) as { getClassifiedDiagnostics?: (program: ts.Program, options?: object) => ts.Diagnostic[] };
      const parsed = ts.getParsedCommandLineOfConfigFile(path.join(dir, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
      if (parsed !== undefined && transform.getClassifiedDiagnostics !== undefined) {
        transform.getClassifiedDiagnostics(ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options }), { mode: 'report', baseDir: dir });
      }
    }
    expect(fs.readdirSync(markers)).toEqual([]);
  }, 120_000);
});

// ─────────────────────────────────────── paths and symlinks ───────────────────────────────────────

describe('safety: paths outside the project root', () => {
  const outside = project({ 'leak.ts': "import type { Email } from 'classified';\nexport function leak(email: Email): void {\n  console.log(email);\n}\n" }, { name: 'outside' });
  const dir = project({ 'tsconfig.json': TSCONFIG, 'src/app.ts': "import type { Email } from 'classified';\nexport function run(email: Email): void {\n  console.log(email);\n}\n" }, { name: 'root' });
  fs.symlinkSync(outside, path.join(dir, 'src', 'linked-out'), 'dir');

  it('prints finding paths relative to the working directory, wherever it is', async () => {
    for (const cwd of [ROOT, dir, os.tmpdir()]) {
      const run = await runCliInProcess(['check', '--project', dir, '--format', 'json'], { cwd });
      expect(describeCrash(run)).toBeUndefined();
      for (const finding of parseReport(run).findings) {
        expect(path.isAbsolute(finding.file), finding.file).toBe(false);
        expect(finding.file).not.toContain('\\');
      }
      const sarif = await runCliInProcess(['check', '--project', dir, '--format', 'sarif'], { cwd });
      const uris = [...sarif.stdout.matchAll(/"uri": "([^"]+)"/g)].map((match) => match[1] as string).filter((uri) => !uri.startsWith('file://') && !uri.startsWith('http'));
      for (const uri of uris) expect(path.isAbsolute(uri), uri).toBe(false);
    }
  });

  it('does not follow a symlink out of the project root', async () => {
    const run = await runCliInProcess(['check', '--project', dir, '--format', 'json']);
    expect(describeCrash(run)).toBeUndefined();
    const files = parseReport(run).findings.map((finding) => finding.file);
    expect(files.some((file) => file.endsWith('src/app.ts'))).toBe(true);
    expect(files.filter((file) => file.includes('linked-out'))).toEqual([]);
  });

  it('refuses a path argument outside the project root', async () => {
    const run = await runCliInProcess(['check', '--project', dir, '--format', 'json', path.join(outside, 'leak.ts')]);
    expect(describeCrash(run)).toBeUndefined();
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/outside/);
  });

  it('a path argument outside the project root reports nothing from outside it', async () => {
    const run = await runCliInProcess(['check', '--project', dir, '--format', 'json', path.join(outside, 'leak.ts'), '../../../etc/passwd']);
    expect(describeCrash(run)).toBeUndefined();
    if (run.status === 2) return; // refused: fine
    expect(parseReport(run).findings.filter((finding) => !path.resolve(ROOT, finding.file).startsWith(dir))).toEqual([]);
  });
});
