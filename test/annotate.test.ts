/**
 * `classified annotate`: unit tests of the codemod on small projects, the branded-type table
 * against src/index.ts, the unified-diff helper, and the end-to-end run on a copy of the example
 * app (the copy lives under .tmp/ inside the repository so `classified` resolves to this
 * package through its self-reference; dist/ must be built, as `npm test` does).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotateProject } from '../src/cli/annotate/annotate-project.js';
import { EXPORTED_BRANDS } from '../src/cli/annotate/brand-types.js';
import { createUnifiedDiff, diffLines, mapOldLinesToNew, splitLines } from '../src/cli/annotate/unified-diff.js';
import { resolveConfig } from '../src/policy/config.js';
import type { ClassifiedConfig } from '../src/policy/types.js';

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'classified.js');
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

function run(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
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

describe('unified diff helper', () => {
  it('produces a minimal edit script that rebuilds both sides', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd', ''), { maxLength: 30 }), fc.array(fc.constantFrom('a', 'b', 'c', 'x', ''), { maxLength: 30 }), (before, after) => {
        const edits = diffLines(before, after);
        expect(edits.filter((edit) => edit.type !== 'insert').map((edit) => edit.line)).toEqual(before);
        expect(edits.filter((edit) => edit.type !== 'delete').map((edit) => edit.line)).toEqual(after);
        const common = edits.filter((edit) => edit.type === 'equal').length;
        expect(common).toBe(lcsLength(before, after));
      }),
      { numRuns: 300 },
    );
  });

  it('renders hunks that apply back to the new text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { minLength: 1, maxLength: 40 }), fc.array(fc.nat(39), { maxLength: 4 }), (lines, changes) => {
        const changed: string[] = [...lines];
        for (const index of changes) if (index < changed.length) changed[index] = `${changed[index] ?? ''}!`;
        const before = `${lines.join('\n')}\n`;
        const after = `${changed.join('\n')}\n`;
        const diff = createUnifiedDiff('f.ts', before, after);
        expect(before === after ? diff === '' : diff.startsWith('--- a/f.ts\n+++ b/f.ts\n@@ ')).toBe(true);
        expect(applyUnifiedDiff(before, diff)).toBe(after);
      }),
      { numRuns: 300 },
    );
  });

  it('maps old lines to new lines around inserted lines', () => {
    const map = mapOldLinesToNew('a\nb\nc\n', 'a\nx\nb\nc\n');
    expect([1, 2, 3].map(map)).toEqual([1, 3, 4]);
    expect(splitLines('a\nb')).toEqual(['a', 'b']);
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
  let before: Finding[] = [];

  interface Finding {
    ruleId: string;
    file: string;
    line: number;
    confidence: string;
  }

  beforeAll(() => {
    fs.rmSync(copy, { recursive: true, force: true });
    fs.cpSync(path.join(ROOT, 'fixtures', 'example-shop'), copy, { recursive: true });
    for (const file of listFiles(path.join(copy, 'src'))) originals.set(file, fs.readFileSync(file, 'utf8'));
    const result = run(copy, 'check', '--project', '.', '--format', 'json');
    expect(result.status).toBe(1);
    before = (JSON.parse(result.stdout) as { findings: Finding[] }).findings;
  }, 180_000);

  it('--dry-run prints a minimal unified diff and writes nothing', () => {
    const result = run(copy, 'annotate', '--project', '.', '--dry-run');
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('would annotate 17 declarations in 6 files');
    for (const [file, text] of originals) expect(fs.readFileSync(file, 'utf8')).toBe(text);
    const lines = result.stdout.split('\n');
    const removed = lines.filter((line) => line.startsWith('-') && !line.startsWith('---'));
    const added = lines.filter((line) => line.startsWith('+') && !line.startsWith('+++'));
    expect(lines.filter((line) => line.startsWith('--- a/'))).toHaveLength(6);
    // 17 declarations on 17 lines, 4 merged imports, 1 new import line
    expect(removed).toHaveLength(21);
    expect(added).toHaveLength(22);
    expect(result.stdout).toContain("+import type { CVV, Email, PAN, PersonName, PostalAddress } from 'classified';");
    expect(result.stdout).toContain('-  phone: string | null;');
    expect(result.stdout).toContain('+  phone: PhoneNumber | null;');
    // every changed line differs only in its type annotation or is an import from 'classified'
    const brandNames = /\b(?:PAN|CVV|Compensation|Email|PersonName|PostalAddress|PhoneNumber|IPAddress)\b/g;
    const normalize = (line: string): string => line.slice(1).replace(brandNames, (name) => (name === 'Compensation' ? 'number' : 'string'));
    const addedBodies = added.filter((line) => !/^\+import\b.*'classified';$/.test(line)).map(normalize);
    const removedBodies = removed.filter((line) => !/^-import\b.*'classified';$/.test(line)).map((line) => line.slice(1));
    expect(addedBodies).toEqual(removedBodies);
    expect(removed.length - removedBodies.length).toBe(4);
  }, 120_000);

  it('writes the branded types; the copy type-checks and check reports the same findings, inferred ones now declared', () => {
    const result = run(copy, 'annotate', '--project', '.');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('src/domain/employee.ts:8:11  Employee.salary: number -> Compensation');
    expect(result.stdout).toMatch(/annotated 17 declarations in 6 files/);
    const tsc = spawnSync(process.execPath, [TSC, '--noEmit', '-p', copy], { cwd: copy, encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
    const check = run(copy, 'check', '--project', '.', '--format', 'json');
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
    expect(run(copy, 'annotate', '--project', '.').stdout).toContain('annotated 0 declarations in 0 files');
  }, 180_000);

  it('exits 2 with a message for a missing project', () => {
    const result = run(ROOT, 'annotate', '--project', 'fixtures/does-not-exist');
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

function lcsLength(a: readonly string[], b: readonly string[]): number {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = table[i] as number[];
      const previous = table[i - 1] as number[];
      row[j] = a[i - 1] === b[j - 1] ? (previous[j - 1] ?? 0) + 1 : Math.max(previous[j] ?? 0, row[j - 1] ?? 0);
    }
  }
  return table[a.length]?.[b.length] ?? 0;
}

/** Applies a unified diff (as createUnifiedDiff writes it) to `text`, checking context lines. */
function applyUnifiedDiff(text: string, diff: string): string {
  if (diff === '') return text;
  const source = splitLines(text);
  const result: string[] = [];
  let cursor = 0;
  const lines = diff.split('\n');
  for (let i = 2; i < lines.length; i++) {
    const header = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@$/.exec(lines[i] ?? '');
    if (header === null) continue;
    const oldCount = header[2] === undefined ? 1 : Number(header[2]);
    const oldStart = oldCount === 0 ? Number(header[1]) : Number(header[1]) - 1;
    while (cursor < oldStart) result.push(source[cursor++] ?? '');
    for (i++; i < lines.length && !(lines[i] ?? '').startsWith('@@'); i++) {
      const line = lines[i] ?? '';
      if (line.startsWith(' ') || line.startsWith('-')) {
        if (source[cursor] !== line.slice(1)) throw new Error(`context mismatch at ${cursor + 1}`);
        if (line.startsWith(' ')) result.push(line.slice(1));
        cursor++;
      } else if (line.startsWith('+')) result.push(line.slice(1));
    }
    i--;
  }
  while (cursor < source.length) result.push(source[cursor++] ?? '');
  return `${result.join('\n')}\n`;
}
