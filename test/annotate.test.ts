/**
 * `classified annotate`: unit tests of the codemod on small projects, the branded-type table
 * against src/index.ts, the `--dry-run` diffs checked by `git apply`, and the end-to-end run on a
 * copy of the example app (the copy lives under .tmp/ inside the repository so `classified` resolves to this
 * package through its self-reference; the commands run in this process, the built CLI: dist/ must
 * be built, as `npm test` does).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { diffLines } from 'diff';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotateProject } from '../src/cli/annotate/annotate-project.js';
import { EXPORTED_BRANDS } from '../src/cli/annotate/brand-types.js';
import { createUnifiedDiff } from '../src/cli/annotate/unified-diff.js';
import { resolveConfig } from '../src/policy/config.js';
import type { ClassifiedConfig } from '../src/policy/types.js';
import { runCli, type CliResult } from './helpers/run-cli.js';

const ROOT = path.resolve(__dirname, '..');
const TSC = require.resolve('typescript/bin/tsc');
const TMP = path.join(ROOT, '.tmp', `annotate-${process.pid}`);
let counter = 0;

const TSCONFIG = JSON.stringify({
  compilerOptions: { target: 'ES2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true, skipLibCheck: true, noEmit: true, types: [] },
  include: ['src'],
});

function writeProject(files: Readonly<Record<string, string>>): string {
  const directory = path.join(TMP, `unit-${counter++}`);
  fs.rmSync(directory, { recursive: true, force: true });
  fs.mkdirSync(path.join(directory, 'src'), { recursive: true });
  fs.writeFileSync(path.join(directory, 'tsconfig.json'), TSCONFIG);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(directory, 'src', name), text);
  return directory;
}

/** Annotates a one-file project and returns the new text of that file (the old one when unchanged). */
function annotate(source: string, config: ClassifiedConfig = {}): string {
  const directory = writeProject({ 'a.ts': source });
  const result = annotateProject({ tsconfigPath: path.join(directory, 'tsconfig.json'), config: resolveConfig(config) });
  return result.changes[0]?.after ?? source;
}

function run(cwd: string, ...args: string[]): Promise<CliResult> {
  return runCli(args, { cwd });
}

afterAll(() => {
  fs.rmSync(TMP, { recursive: true, force: true });
});

describe('annotate: what it rewrites', () => {
  it('rewrites fields, parameters and variables that name inference classifies', () => {
    const after = annotate(
      [
        'export interface Customer {',
        '  email: string;',
        '  name: string;',
        '  phone?: string | null;',
        '  shippingAddress: string;',
        '  lastLoginIpAddress: string | undefined;',
        '}',
        'export interface Card { cardNumber: string; cvv: string }',
        'export interface Employee { salary: number }',
        'export function charge(cardNumber: string, amount: number): void {',
        "  const ipAddress: string = '';",
        '  void [cardNumber, amount, ipAddress];',
        '}',
        '',
      ].join('\n'),
    );
    expect(after).toContain("import type { CVV, Compensation, Email, IPAddress, PAN, PersonName, PhoneNumber, PostalAddress } from 'classified';\n\n");
    expect(after).toContain('  email: Email;\n');
    expect(after).toContain('  name: PersonName;\n');
    expect(after).toContain('  phone?: PhoneNumber | null;\n');
    expect(after).toContain('  shippingAddress: PostalAddress;\n');
    expect(after).toContain('  lastLoginIpAddress: IPAddress | undefined;\n');
    expect(after).toContain('export interface Card { cardNumber: PAN; cvv: CVV }');
    expect(after).toContain('export interface Employee { salary: Compensation }');
    expect(after).toContain('export function charge(cardNumber: PAN, amount: number): void {');
    expect(after).toContain("  const ipAddress: IPAddress = '';");
  });

  it('uses the class wrapper with the kind for kinds without an exported type, and for a number where the type is a string', () => {
    const after = annotate('export interface Citizen {\n  ssn: string;\n  dateOfBirth: string;\n  iban: string;\n  phone: number;\n}\n');
    expect(after).toContain("  ssn: Confidential<string, 'NationalId'>;");
    expect(after).toContain("  dateOfBirth: Confidential<string, 'DateOfBirth'>;");
    expect(after).toContain("  iban: Confidential<string, 'BankAccount'>;");
    expect(after).toContain("  phone: Confidential<number, 'PhoneNumber'>;");
    expect(after).toContain("import type { Confidential } from 'classified';");
  });

  it('handles arrays, class properties and constructor parameter properties', () => {
    const after = annotate(
      'export class Contact {\n  emails: string[] = [];\n  readonly phones: readonly string[] = [];\n  constructor(public name: string, private readonly email: string) {}\n}\n',
    );
    expect(after).toContain('  emails: Email[] = [];');
    expect(after).toContain('  readonly phones: readonly PhoneNumber[] = [];');
    expect(after).toContain('constructor(public name: PersonName, private readonly email: Email) {}');
  });

  it('uses the owner for weak names: a person-like owner yes, a file or product no; a type literal is owned by what it types', () => {
    const after = annotate(
      [
        'export interface Attachment { name: string }',
        'export interface Product { name: string; address: string }',
        'export type Order = { billing: { address: string }; id: string };',
        'export function rename(name: string): string { return name; }',
        '',
      ].join('\n'),
    );
    expect(after).toContain('export interface Attachment { name: string }');
    expect(after).toContain('export interface Product { name: string; address: string }');
    expect(after).toContain('billing: { address: PostalAddress }');
    expect(after).toContain('export function rename(name: string): string');
  });

  it('skips branded types, other types and names the dictionary rejects', () => {
    const source = [
      "import type { Email } from 'classified';",
      'export interface Account {',
      '  email: Email;',
      '  emailVerified: boolean;',
      '  emailTemplate: string;',
      '  isEmail: string;',
      '  email_hash: string;',
      '  contactEmail: string | number;',
      "  kind: 'email' | 'phone';",
      '  phone: { number: string };',
      '  email2?: Email | null;',
      '  salaryBand: string;',
      '  user: { id: string };',
      '  cardNumber: (string | null)[];',
      '}',
      '',
    ].join('\n');
    expect(annotate(source)).toBe(source);
  });

  it('does not put an email in a number, and honours the config (ignore, add, inference off)', () => {
    expect(annotate('export interface A { email: number }\n')).toBe('export interface A { email: number }\n');
    expect(annotate('export interface A { displayName: string }\n', { inference: { mode: 'names', ignore: ['displayName'] } })).toBe('export interface A { displayName: string }\n');
    expect(annotate('export interface A { loyaltyNumber: string }\n', { inference: { mode: 'names', add: { loyaltyNumber: 'confidential' } } })).toContain('loyaltyNumber: Confidential<string>');
    expect(annotate('export interface A { email: string }\n', { inference: 'off' })).toBe('export interface A { email: string }\n');
  });
});

describe('annotate: imports', () => {
  it('merges into an existing type import, single-line and multi-line with or without a trailing comma', () => {
    expect(annotate("import type { Email } from 'classified';\nexport interface A { email: string; phone: string }\n")).toBe(
      "import type { Email, PhoneNumber } from 'classified';\nexport interface A { email: Email; phone: PhoneNumber }\n",
    );
    expect(annotate("import type {\n  CustomerId,\n  Email,\n} from 'classified';\nexport interface A { id: CustomerId; email: Email; phone: string }\n")).toBe(
      "import type {\n  CustomerId,\n  Email,\n  PhoneNumber,\n} from 'classified';\nexport interface A { id: CustomerId; email: Email; phone: PhoneNumber }\n",
    );
    expect(annotate("import type {\n  CustomerId\n} from 'classified';\nexport interface A { id: CustomerId; phone: string }\n")).toBe(
      "import type {\n  CustomerId,\n  PhoneNumber\n} from 'classified';\nexport interface A { id: CustomerId; phone: PhoneNumber }\n",
    );
  });

  it('adds inline type specifiers to a value import, and reuses an aliased import', () => {
    expect(annotate("import { redact } from 'classified';\nexport function f(email: string) { return redact(email); }\n")).toBe(
      "import { redact, type Email } from 'classified';\nexport function f(email: Email) { return redact(email); }\n",
    );
    expect(annotate("import type { Email as Mail } from 'classified';\nexport interface A { email: string }\n")).toBe(
      "import type { Email as Mail } from 'classified';\nexport interface A { email: Mail }\n",
    );
  });

  it('adds a new import after the last import, keeping quotes and semicolons; aliases a name that is taken', () => {
    expect(annotate('import { x } from "./x.js"\nexport interface A { email: string; y: typeof x }\n', {})).toContain('import { x } from "./x.js"\nimport type { Email } from "classified"\n');
    const directory = writeProject({
      'x.ts': 'export const x = 1;\n',
      'a.ts': "import { x } from './x.js';\ninterface Email { subject: string }\nexport interface A { email: string; message: Email; y: typeof x }\n",
    });
    const after = annotateProject({ tsconfigPath: path.join(directory, 'tsconfig.json'), config: resolveConfig({}) }).changes[0]?.after;
    expect(after).toBe(
      "import { x } from './x.js';\nimport type { Email as ClassifiedEmail } from 'classified';\ninterface Email { subject: string }\nexport interface A { email: ClassifiedEmail; message: Email; y: typeof x }\n",
    );
  });

  it('puts a new import below a header comment and keeps doc comments on their declarations', () => {
    expect(annotate('// Copyright header\n\n/** A customer. */\nexport interface Customer { email: string }\n')).toBe(
      "// Copyright header\n\nimport type { Email } from 'classified';\n\n/** A customer. */\nexport interface Customer { email: Email }\n",
    );
    expect(annotate('/** A customer. */\nexport interface Customer { email: string }\n')).toBe(
      "import type { Email } from 'classified';\n\n/** A customer. */\nexport interface Customer { email: Email }\n",
    );
  });

  it('keeps CRLF line endings', () => {
    const after = annotate("import type {\r\n  CustomerId,\r\n} from 'classified';\r\nexport interface A {\r\n  id: CustomerId;\r\n  email: string;\r\n}\r\n");
    expect(after).toBe("import type {\r\n  CustomerId,\r\n  Email,\r\n} from 'classified';\r\nexport interface A {\r\n  id: CustomerId;\r\n  email: Email;\r\n}\r\n");
  });
});

describe('annotate: the branded types it writes', () => {
  it('maps every exported kind to the type src/index.ts exports under that name', () => {
    const index = fs.readFileSync(path.join(ROOT, 'src', 'index.ts'), 'utf8');
    const exported = new Map<string, { level: string; base: string }>();
    for (const match of index.matchAll(/export type (\w+) = (Public|Internal|Confidential|Restricted)<(string|number), '(\w+)'>;/g)) {
      const [, name, level, base, kind] = match;
      if (name !== undefined && name === kind) exported.set(name, { level: (level ?? '').toLowerCase(), base: base ?? '' });
    }
    expect(exported.size).toBeGreaterThanOrEqual(12);
    for (const [name, brand] of Object.entries(EXPORTED_BRANDS)) {
      expect(exported.get(name), name).toEqual({ level: brand.level, base: brand.base });
    }
    for (const name of exported.keys()) expect(EXPORTED_BRANDS[name], name).toBeDefined();
  });
});

describe('the --dry-run diff', () => {
  // git is the reader that matters: what it applies must be exactly the new text
  it('is a patch git apply accepts and that rebuilds the new text (LF, CRLF, no final newline)', () => {
    const directory = path.join(TMP, 'git-apply');
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', ''), { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat(39), { maxLength: 4 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        (lines, changes, newline, finalNewline) => {
          const changed: string[] = [...lines];
          for (const index of changes) if (index < changed.length) changed[index] = `${changed[index] ?? ''}!`;
          const end = finalNewline ? newline : '';
          const before = `${lines.join(newline)}${end}`;
          const after = `${changed.join(newline)}${end}`;
          const diff = createUnifiedDiff('src/f.ts', before, after);
          if (before === after) {
            expect(diff).toBe('');
            return;
          }
          expect(diff.startsWith('--- a/src/f.ts\n+++ b/src/f.ts\n@@ ')).toBe(true);
          fs.rmSync(directory, { recursive: true, force: true });
          fs.mkdirSync(path.join(directory, 'src'), { recursive: true });
          fs.writeFileSync(path.join(directory, 'src', 'f.ts'), before);
          expect(gitApply(directory, diff, '--check')).toEqual({ status: 0, stderr: '' });
          expect(gitApply(directory, diff)).toEqual({ status: 0, stderr: '' });
          expect(fs.readFileSync(path.join(directory, 'src', 'f.ts'), 'utf8')).toBe(after);
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);

  it('maps old lines to new lines around inserted lines (the helper the end-to-end test uses)', () => {
    const map = mapOldLinesToNew('a\nb\nc\n', 'a\nx\nb\nc\n');
    expect([1, 2, 3].map(map)).toEqual([1, 3, 4]);
    const replaced = mapOldLinesToNew('a\nb\nc\nd\n', 'a\nB\nc\n');
    expect([1, 2, 3, 4].map(replaced)).toEqual([1, 2, 3, undefined]);
  });
});

describe('ts-morph stays out of check and the ESLint plugin', () => {
  it('is loaded only when annotate runs', () => {
    const script = `
      const loaded = () => Object.keys(require.cache).some((file) => /[\\\\/]node_modules[\\\\/](ts-morph|@ts-morph)[\\\\/]/.test(file));
      require('./dist/src/eslint/index.js');
      const eslintLoaded = loaded();
      require('./dist/src/cli/main.js').main(['check', '--project', 'fixtures/example-shop', '--format', 'json', '--output', ${JSON.stringify(path.join(TMP, 'lazy-check.json'))}]).then(() => {
        process.stdout.write(JSON.stringify({ eslintLoaded, checkLoaded: loaded() }));
      });`;
    fs.mkdirSync(TMP, { recursive: true });
    const result = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ eslintLoaded: false, checkLoaded: false });
  }, 120_000);
});

describe('classified annotate on a copy of the example app', () => {
  const copy = path.join(TMP, 'example-shop');
  const originals = new Map<string, string>();
  /** each file's text after `git apply` of the `--dry-run` output to another copy */
  const patched = new Map<string, string>();
  let before: Finding[] = [];

  interface Finding {
    ruleId: string;
    file: string;
    line: number;
    confidence: string;
  }

  beforeAll(async () => {
    fs.rmSync(copy, { recursive: true, force: true });
    fs.cpSync(path.join(ROOT, 'fixtures', 'example-shop'), copy, { recursive: true });
    for (const file of listFiles(path.join(copy, 'src'))) originals.set(file, fs.readFileSync(file, 'utf8'));
    const result = await run(copy, 'check', '--project', '.', '--format', 'json');
    expect(result.status).toBe(1);
    before = (JSON.parse(result.stdout) as { findings: Finding[] }).findings;
  }, 180_000);

  it('--dry-run prints a minimal unified diff and writes nothing', async () => {
    const result = await run(copy, 'annotate', '--project', '.', '--dry-run');
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('would annotate 16 declarations in 5 files');
    for (const [file, text] of originals) expect(fs.readFileSync(file, 'utf8')).toBe(text);
    const lines = result.stdout.split('\n');
    const removed = lines.filter((line) => line.startsWith('-') && !line.startsWith('---'));
    const added = lines.filter((line) => line.startsWith('+') && !line.startsWith('+++'));
    expect(lines.filter((line) => line.startsWith('--- a/'))).toHaveLength(5);
    // 16 declarations on 16 lines, 3 merged imports, 1 new import line
    expect(removed).toHaveLength(19);
    expect(added).toHaveLength(20);
    expect(result.stdout).toContain("+import type { CVV, Email, PAN, PersonName, PostalAddress } from 'classified';");
    expect(result.stdout).toContain('-  phone: string | null;');
    expect(result.stdout).toContain('+  phone: PhoneNumber | null;');
    // every changed line differs only in its type annotation or is an import from 'classified'
    const brandNames = /\b(?:PAN|CVV|Compensation|Email|PersonName|PostalAddress|PhoneNumber|IPAddress)\b/g;
    const normalize = (line: string): string => line.slice(1).replace(brandNames, (name) => (name === 'Compensation' ? 'number' : 'string'));
    const addedBodies = added.filter((line) => !/^\+import\b.*'classified';$/.test(line)).map(normalize);
    const removedBodies = removed.filter((line) => !/^-import\b.*'classified';$/.test(line)).map((line) => line.slice(1));
    expect(addedBodies).toEqual(removedBodies);
    expect(removed.length - removedBodies.length).toBe(3);
    // git applies the diff; the write test below compares what annotate writes with the result
    const applied = path.join(TMP, 'example-shop-patched');
    fs.rmSync(applied, { recursive: true, force: true });
    fs.cpSync(copy, applied, { recursive: true });
    expect(gitApply(applied, result.stdout, '--check')).toEqual({ status: 0, stderr: '' });
    expect(gitApply(applied, result.stdout)).toEqual({ status: 0, stderr: '' });
    for (const file of originals.keys()) patched.set(file, fs.readFileSync(path.join(applied, path.relative(copy, file)), 'utf8'));
  }, 120_000);

  it('writes the branded types; the copy type-checks and check reports the same findings, inferred ones now declared', async () => {
    const result = await run(copy, 'annotate', '--project', '.');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('src/domain/employee.ts:8:11  Employee.salary: number -> Compensation');
    expect(result.stdout).toMatch(/annotated 16 declarations in 5 files/);
    expect(patched.size).toBe(originals.size);
    for (const [file, text] of patched) expect(fs.readFileSync(file, 'utf8'), file).toBe(text);
    const tsc = spawnSync(process.execPath, [TSC, '--noEmit', '-p', copy], { cwd: copy, encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
    const check = await run(copy, 'check', '--project', '.', '--format', 'json');
    const after = (JSON.parse(check.stdout) as { findings: Finding[] }).findings;
    const afterByKey = new Map(after.map((finding) => [`${finding.ruleId}|${finding.file}|${finding.line}`, finding]));
    const mappers = new Map<string, (line: number) => number | undefined>();
    for (const [file, text] of originals) mappers.set(path.relative(copy, file).split(path.sep).join('/'), mapOldLinesToNew(text, fs.readFileSync(file, 'utf8')));
    let wasInferred = 0;
    for (const finding of before) {
      const line = mappers.get(finding.file)?.(finding.line);
      const match = afterByKey.get(`${finding.ruleId}|${finding.file}|${line}`);
      expect(match, `${finding.ruleId} ${finding.file}:${finding.line}`).toBeDefined();
      if (finding.confidence === 'inferred') {
        wasInferred++;
        expect(match?.confidence, `${finding.ruleId} ${finding.file}:${finding.line}`).toBe('declared');
      }
    }
    expect(wasInferred).toBeGreaterThanOrEqual(10);
    expect(after.length).toBeGreaterThanOrEqual(before.length);
    // a second run has nothing left to do
    expect((await run(copy, 'annotate', '--project', '.')).stdout).toContain('annotated 0 declarations in 0 files');
  }, 180_000);

  it('exits 2 with a message for a missing project', async () => {
    const result = await run(ROOT, 'annotate', '--project', 'fixtures/does-not-exist');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('fixtures/does-not-exist');
  });
});

function listFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

/** Runs `git apply [flag] -` in `directory` as outside any repository (paths relative to it); CRLF lines are not whitespace errors here. */
function gitApply(directory: string, diff: string, ...flags: string[]): { status: number | null; stderr: string } {
  const env = { ...process.env, GIT_CEILING_DIRECTORIES: path.dirname(directory), GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
  const result = spawnSync('git', ['apply', '--whitespace=nowarn', ...flags, '-'], { cwd: directory, input: diff, encoding: 'utf8', env });
  return { status: result.status, stderr: result.stderr };
}

/**
 * Maps 1-based lines of the old text to lines of the new text: unchanged lines to where they are
 * now, and in a block of changed lines the n-th old line to the n-th new one (annotate rewrites
 * lines in place); undefined for old lines without a counterpart.
 */
function mapOldLinesToNew(before: string, after: string): (line: number) => number | undefined {
  const map = new Map<number, number>();
  let oldLine = 1;
  let newLine = 1;
  const changes = diffLines(before, after);
  for (let index = 0; index < changes.length; index++) {
    const change = changes[index];
    if (change === undefined) continue;
    if (change.added) {
      newLine += change.count;
      continue;
    }
    const next = changes[index + 1];
    const replacement = change.removed && next?.added === true ? next.count : change.removed ? 0 : change.count;
    for (let offset = 0; offset < Math.min(change.count, replacement); offset++) map.set(oldLine + offset, newLine + offset);
    oldLine += change.count;
    newLine += replacement;
    if (change.removed && next?.added === true) index++;
  }
  return (line) => map.get(line);
}
