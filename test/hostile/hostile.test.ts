/**
 * Hostile and odd input (issue "Robustness and safety", item 2; DESIGN.md section 9): every case
 * runs the real CLI as a child process with a time limit and must end with findings or a clear
 * diagnostic and exit code 0, 1 or 2 — never an uncaught exception, a stack trace or a hang. When
 * a file is the problem, stderr names it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeCrash, parseReport, relativeToRoot, ROOT, runCli, TSCONFIG, writeProject, type CliRun } from './cli-harness.js';

const created: string[] = [];
afterAll(() => {
  if (process.env.KEEP_HOSTILE === undefined) for (const directory of created) fs.rmSync(directory, { recursive: true, force: true });
});

function project(files: Readonly<Record<string, string | Buffer>>, options: { outsideRepository?: boolean; name?: string } = {}): string {
  const directory = writeProject(files, options);
  created.push(directory);
  return directory;
}

function check(directory: string, extra: readonly string[] = [], timeoutMs = 60_000): CliRun {
  const run = runCli(['check', '--project', directory, '--format', 'json', ...extra], { timeoutMs });
  if (process.env.HOSTILE_DEBUG !== undefined) {
    console.log(`[hostile] ${path.basename(directory)} exit ${String(run.status)} in ${run.ms} ms\nstderr: ${run.stderr.slice(0, 1500)}\nfindings: ${run.status === 2 ? '-' : findingKeys(run, directory).slice(0, 20).join(', ')}`);
  }
  return run;
}

/** The run ended normally: exit 0/1/2, no crash text, no hang. */
function expectNoCrash(run: CliRun): void {
  expect(describeCrash(run), `stderr:\n${run.stderr.slice(0, 3000)}`).toBeUndefined();
}

/** `file:line ruleId` of each finding in `directory`, relative to it. */
function findingKeys(run: CliRun, directory: string): string[] {
  const prefix = `${relativeToRoot(directory)}/`;
  return parseReport(run)
    .findings.filter((finding) => finding.file.startsWith(prefix) || path.resolve(ROOT, finding.file).startsWith(directory))
    .map((finding) => `${path.relative(directory, path.resolve(ROOT, finding.file)).split(path.sep).join('/')}:${finding.line} ${finding.ruleId}`)
    .sort();
}

const LEAK = `import type { Email } from 'classified';
export function run(email: Email): void {
  console.log(email);
}
`;

describe('hostile input: odd files in one project', () => {
  // one CLI run over files that each break something different; each test checks its own files
  const latin1 = Buffer.concat([
    Buffer.from("import type { Email } from 'classified';\n// caf", 'latin1'),
    Buffer.from([0xe9, 0xff, 0xfe, 0x80, 0x0a]),
    Buffer.from("export const label = 'na", 'latin1'),
    Buffer.from([0xef, 0x76, 0x65]),
    Buffer.from("';\nexport function run(email: Email): void {\n  console.log(email);\n}\n", 'latin1'),
  ]);
  const files: Record<string, string | Buffer> = {
    'tsconfig.json': TSCONFIG,
    // syntax errors
    'syntax/broken.ts': 'export function (( {\n  const = ;\n',
    'syntax/worse.ts': '}}}} ))) <<<< @@@ \u0000 class {',
    'syntax/app.ts': LEAK,
    // encodings
    'encoding/bom.ts': `\uFEFF${LEAK}`,
    'encoding/latin1.ts': latin1,
    'encoding/utf16.ts': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(LEAK, 'utf16le')]),
    'encoding/garbage.ts': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)),
    // recursive and self-referential types
    'types/types.ts': `import type { Confidential, Email } from 'classified';
export interface TreeNode { email: Email; children: TreeNode[]; parent?: TreeNode }
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type Deep<T> = { value: T; next: Deep<Deep<T>> };
export type Tuple<T, N extends number, R extends T[] = []> = R['length'] extends N ? R : Tuple<T, N, [T, ...R]>;
export interface Self { self: Self; email: Email; pair: [Self, Self] }
export type Mutual = { other: Other; note: Confidential<string> };
export type Other = { back: Mutual; list: Other[] };
export type Lazy<T> = () => Lazy<T> | T;
`,
    'types/app.ts': `import type { Deep, Json, Lazy, Mutual, Other, Self, TreeNode, Tuple } from './types.js';
import type { Email } from 'classified';
export function run(tree: TreeNode, json: Json, deep: Deep<Email>, self: Self, other: Other, lazy: Lazy<Email>, many: Tuple<Email, 40>, mutual: Mutual): void {
  console.log(tree);
  console.log(json);
  console.log(deep);
  console.log(self);
  console.log(other);
  console.log(lazy);
  console.log(many);
  console.log(mutual.other.back.other.back.note);
}
`,
    // circular imports
    'circular/a.ts': `import { decorate } from './b.js';\nexport function tag(value: string): string {\n  return '[' + value + ']';\n}\nexport function format(value: string): string {\n  return decorate(value);\n}\n`,
    'circular/b.ts': `import { tag, format } from './a.js';\nexport function decorate(value: string): string {\n  return tag(value).trim();\n}\nexport const again = (value: string): string => (value.length > 99 ? format(value) : value);\n`,
    'circular/c.ts': `import type { Email } from 'classified';\nimport { format } from './a.js';\nimport { again } from './b.js';\nexport function run(email: Email): void {\n  console.log(format(email));\n  console.log(again(email));\n}\n`,
  };
  let dir = '';
  let run: CliRun;
  let keys: string[] = [];
  beforeAll(() => {
    dir = project(files, { name: 'odd' });
    run = check(dir);
    keys = run.status === 0 || run.status === 1 ? findingKeys(run, dir) : [];
  }, 120_000);
  const inFolder = (folder: string): string[] => keys.filter((key) => key.startsWith(`${folder}/`));

  it('ends normally', () => {
    expectNoCrash(run);
    expect(run.status).toBe(1);
  });

  it('reports files with syntax errors, names them, and analyses the rest', () => {
    expect(inFolder('syntax')).toEqual(['syntax/app.ts:3 no-pii-logging']);
    expect(run.stderr).toMatch(/syntax\/broken\.ts.*syntax error/);
    expect(run.stderr).toMatch(/syntax\/worse\.ts.*syntax error/);
  });

  it('reads files with a BOM, in Latin-1, in UTF-16, and names a binary file', () => {
    expect(inFolder('encoding')).toEqual(['encoding/bom.ts:3 no-pii-logging', 'encoding/latin1.ts:5 no-pii-logging', 'encoding/utf16.ts:3 no-pii-logging']);
    expect(run.stderr).toMatch(/encoding\/garbage\.ts/);
  });

  it('analyses recursive and self-referential types', () => {
    expect(inFolder('types')).toEqual([4, 6, 7, 8, 10, 11].map((line) => `types/app.ts:${line} no-pii-logging`).sort());
  });

  it('follows flows through circular imports', () => {
    expect(inFolder('circular')).toEqual(['circular/c.ts:5 no-pii-logging', 'circular/c.ts:6 no-pii-logging']);
  });
});

describe('hostile input: source files', () => {
  it('analyses a project whose imports do not resolve and that has no node_modules at all', () => {
    const dir = project(
      {
        'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext' }, include: ['**/*.ts'] }),
        'app.ts': `import pino from 'pino';
import type { Email } from 'classified';
import { helper } from './missing.js';
import * as gone from '@scope/not-installed';
const logger = pino();
export function run(customer: { email: string }, email: Email): void {
  logger.info(helper(email), gone);
  console.log(customer.email);
}
`,
      },
      { outsideRepository: true },
    );
    const run = check(dir);
    expectNoCrash(run);
    expect(run.status).toBe(1);
    expect(findingKeys(run, dir)).toContain('app.ts:8 no-pii-logging');
  });

  it('analyses code where everything is any', () => {
    const dir = project({
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: false, noImplicitAny: false, noEmit: true, skipLibCheck: true, module: 'nodenext', moduleResolution: 'nodenext', types: ['node'] }, include: ['**/*.ts'] }),
      'any.ts': `// @ts-nocheck
declare const anything: any;
export function run(input, ...rest) {
  const a: any = input.customer;
  anything.log(a.email);
  console.log(a.email);
  console.log(anything(anything)(anything)[anything]);
  console.log(rest[0][rest[1]]?.(rest)?.[rest] ?? a?.b?.c);
  const b = <any>anything as unknown as any;
  b.c.d.e = a.cardNumber;
  return a?.b?.c?.(a)?.[a] ?? b;
}
`,
    });
    const run = check(dir);
    expectNoCrash(run);
    expect(findingKeys(run, dir)).toContain('any.ts:6 no-pii-logging');
  });

  it('handles 10,000-deep nested expressions without a stack overflow, reporting what it cut short', () => {
    const depth = 10_000;
    const header = "import type { Email } from 'classified';\nexport function wrap(value: string): string {\n  return value;\n}\n";
    const files: Record<string, string> = {
      'tsconfig.json': TSCONFIG,
      'parens.ts': `${header}export function run(email: Email): void {\n  console.log(${'('.repeat(depth)}email${')'.repeat(depth)});\n}\n`,
      'calls.ts': `${header}export function run(email: Email): void {\n  console.log(${'wrap('.repeat(depth)}email${')'.repeat(depth)});\n}\n`,
      'arrays.ts': `${header}export function run(email: Email): void {\n  console.log(${'['.repeat(depth)}email${']'.repeat(depth)});\n}\n`,
      'objects.ts': `${header}export function run(email: Email): void {\n  console.log(${'{ a: '.repeat(depth)}email${' }'.repeat(depth)});\n}\n`,
      'concat.ts': `${header}export function run(email: Email): void {\n  console.log(email${" + 'x'".repeat(depth)});\n}\n`,
      'ternary.ts': `${header}export function run(email: Email, n: number): void {\n  console.log(${'n > 0 ? '.repeat(depth)}email${" : ''".repeat(depth)});\n}\n`,
      'templates.ts': `${header}export function run(email: Email): void {\n  console.log(${'`<${'.repeat(depth)}email${'}>`'.repeat(depth)});\n}\n`,
    };
    const dir = project(files);
    const run = check(dir, [], 180_000);
    expectNoCrash(run);
    expect([0, 1]).toContain(run.status);
    const keys = findingKeys(run, dir);
    // each file is either reported (the leak found) or named on stderr (analysis cut short)
    for (const name of Object.keys(files).filter((file) => file.endsWith('.ts'))) {
      const reported = keys.some((key) => key.startsWith(`${name}:`));
      expect(reported || run.stderr.includes(name), `${name}: neither a finding nor a diagnostic\n${run.stderr}`).toBe(true);
    }
  }, 200_000);

  it('follows or cuts short a 10,000-link call chain, without a stack overflow', () => {
    const links = 10_000;
    const sinkChain = Array.from({ length: links }, (_, i) => (i === links - 1 ? `function s${i}(value: string): void {\n  console.log(value);\n}` : `function s${i}(value: string): void {\n  s${i + 1}(value);\n}`)).join('\n');
    const returnChain = Array.from({ length: links }, (_, i) => (i === links - 1 ? `function r${i}(value: string): string {\n  return value;\n}` : `function r${i}(value: string): string {\n  return r${i + 1}(value);\n}`)).join('\n');
    const dir = project({
      'tsconfig.json': TSCONFIG,
      'sink-chain.ts': `import type { Email } from 'classified';\n${sinkChain}\nexport function run(email: Email): void {\n  s0(email);\n}\n`,
      'return-chain.ts': `import type { Email } from 'classified';\n${returnChain}\nexport function run(email: Email): void {\n  console.log(r0(email));\n}\n`,
    });
    const run = check(dir, [], 180_000);
    expectNoCrash(run);
    const keys = findingKeys(run, dir);
    for (const name of ['sink-chain.ts', 'return-chain.ts']) {
      const reported = keys.some((key) => key.startsWith(`${name}:`));
      expect(reported || run.stderr.includes(name), `${name}: neither a finding nor a diagnostic\n${run.stderr}`).toBe(true);
    }
  }, 200_000);

  it('analyses a 5 MB generated file', () => {
    const functions: string[] = [];
    let size = 0;
    for (let i = 0; size < 5 * 1024 * 1024; i++) {
      const text = `export function handler${i}(customer: { email: string; id: string }, count: number): string {\n  console.log(customer.id, count);\n  console.log(\`order \${customer.email}\`);\n  return customer.id + String(count);\n}\n`;
      functions.push(text);
      size += text.length;
    }
    const dir = project({ 'tsconfig.json': TSCONFIG, 'huge.ts': functions.join('') });
    const run = check(dir, [], 240_000);
    expectNoCrash(run);
    const reported = findingKeys(run, dir).length;
    // every handler leaks once; a budget may cut the file short, but then it says so
    expect(reported === functions.length || run.stderr.includes('huge.ts'), `${reported} of ${functions.length} findings\n${run.stderr}`).toBe(true);
  }, 260_000);

  it('handles a project of declaration files only', () => {
    const dir = project({
      'tsconfig.json': JSON.stringify({ compilerOptions: { noEmit: true, strict: true }, include: ['**/*.d.ts'] }),
      'api.d.ts': "import type { Email } from 'classified';\nexport declare function send(email: Email): void;\nexport declare const CARD: '4916 3387 2466 0013';\n",
      'globals.d.ts': 'declare var APP_EMAIL: string;\n',
    });
    const run = check(dir);
    expectNoCrash(run);
    if (run.status === 2) expect(run.stderr).toMatch(/tsconfig\.json|no files|declaration/);
    else {
      expect(run.status).toBe(0);
      expect(findingKeys(run, dir)).toEqual([]);
    }
  });

  it('analyses JavaScript files with allowJs', () => {
    const dir = project({
      'tsconfig.json': JSON.stringify({ compilerOptions: { allowJs: true, checkJs: false, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', types: ['node'] }, include: ['**/*.js', '**/*.ts'] }),
      'helper.js': "export function audit(value) {\n  console.log('audit', value);\n}\n",
      'app.js': "import { audit } from './helper.js';\nexport function run(customer) {\n  console.log(customer.email);\n  audit(customer.cardNumber);\n}\n",
      'typed.ts': LEAK,
    });
    const run = check(dir);
    expectNoCrash(run);
    expect(run.status).toBe(1);
    expect(findingKeys(run, dir)).toEqual(['app.js:3 no-pii-logging', 'app.js:4 no-restricted-logging', 'typed.ts:3 no-pii-logging']);
  });

  it('handles a tsconfig with project references', () => {
    const composite = (references: string[]): string =>
      JSON.stringify({ compilerOptions: { composite: true, strict: true, module: 'nodenext', moduleResolution: 'nodenext', outDir: 'out', types: ['node'] }, include: ['src'], references: references.map((reference) => ({ path: reference })) });
    const dir = project({
      'tsconfig.json': JSON.stringify({ files: [], references: [{ path: './packages/log' }, { path: './packages/app' }] }),
      'packages/log/tsconfig.json': composite([]),
      'packages/log/src/log.ts': "export function audit(value: string): void {\n  console.log('audit', value);\n}\n",
      'packages/app/tsconfig.json': composite(['../log']),
      'packages/app/src/app.ts': "import type { Email } from 'classified';\nimport { audit } from '../../log/src/log.js';\nexport function run(email: Email): void {\n  audit(email);\n  console.log(email);\n}\n",
    });
    const solution = check(dir);
    expectNoCrash(solution);
    if (solution.status === 2) {
      // a solution tsconfig with no files of its own: a clear message naming it is acceptable
      expect(solution.stderr).toMatch(/tsconfig\.json/);
    } else {
      expect(findingKeys(solution, dir)).toEqual(['packages/app/src/app.ts:4 no-pii-logging', 'packages/app/src/app.ts:5 no-pii-logging']);
    }
    const referencing = check(path.join(dir, 'packages/app'));
    expectNoCrash(referencing);
    expect(referencing.status).toBe(1);
    expect(findingKeys(referencing, dir)).toEqual(['packages/app/src/app.ts:4 no-pii-logging', 'packages/app/src/app.ts:5 no-pii-logging']);
  });

  it('does not loop on symlink cycles in the project tree', () => {
    const dir = project({ 'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', types: ['node'] }, include: ['**/*'] }), 'src/app.ts': LEAK });
    fs.symlinkSync('..', path.join(dir, 'src', 'parent-loop'), 'dir');
    fs.symlinkSync('.', path.join(dir, 'src', 'self-loop'), 'dir');
    fs.mkdirSync(path.join(dir, 'a'));
    fs.symlinkSync('../b', path.join(dir, 'a', 'to-b'), 'dir');
    fs.mkdirSync(path.join(dir, 'b'));
    fs.symlinkSync('../a', path.join(dir, 'b', 'to-a'), 'dir');
    fs.symlinkSync('does-not-exist', path.join(dir, 'dangling.ts'));
    const run = check(dir, [], 60_000);
    expectNoCrash(run);
    expect(run.status).toBe(1);
    expect(findingKeys(run, dir)).toContain('src/app.ts:3 no-pii-logging');
  });
});

describe('hostile input: project and config files', () => {
  const config = (text: string | Buffer): string => project({ 'tsconfig.json': TSCONFIG, 'app.ts': LEAK, 'classified.config.json': text });

  it.each([
    // DESIGN.md section 5: invalid config is an error naming the file, the JSON path and what was expected
    ['wrong types', JSON.stringify({ rules: { 'no-pii-logging': 5 }, inference: 3, firstPartyHosts: 'example.com', sinks: [{ kind: 'nowhere', module: 7 }] }), /\$\.rules.*\n?[\s\S]*\$\.inference|\$\.inference[\s\S]*\$\.rules/, true],
    ['unknown keys', JSON.stringify({ sinkz: [], rules: { 'no-such-rule': 'error' } }), /sinkz[\s\S]*no-such-rule/, true],
    ['invalid JSON', '{ "rules": { "no-pii-logging": "error", } ', /at \$\.rules expected valid JSON at line 1, column 43: unexpected end of input/, true],
    ['not an object', '[1, 2, 3]', /object|expected/i, true],
    ['empty file', '', /JSON|empty|expected/i, true],
    ['a BOM and comments', '\uFEFF// comment\n{ /* c */ "rules": {} }', /comment|JSON/i, false],
    ['deeply nested', `{"telemetry": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`, /deep|nest|depth/i, true],
    ['huge', JSON.stringify({ firstPartyHosts: Array.from({ length: 400_000 }, (_, i) => `host-${i}.example.com`) }), /too (many|large|big)|values|size/i, true],
  ])('rejects or accepts a config with %s clearly, naming the file', (_, text, pattern, mustReject) => {
    const dir = config(text);
    const run = check(dir, [], 60_000);
    expectNoCrash(run);
    if (mustReject) expect(run.status).toBe(2);
    if (run.status === 2) {
      expect(run.stderr).toContain('classified.config.json');
      expect(run.stderr).toMatch(pattern);
      expect(run.stdout).toBe('');
    } else {
      // accepted: then the analysis ran normally
      expect(run.status).toBe(1);
      expect(findingKeys(run, dir)).toEqual(['app.ts:3 no-pii-logging']);
    }
  });

  it.each([
    ['no such project', (dir: string) => ['check', '--project', path.join(dir, 'nope'), '--format', 'json'], /nope/],
    ['a folder without tsconfig.json', (dir: string) => ['check', '--project', path.join(dir, 'empty'), '--format', 'json'], /tsconfig/],
    ['an invalid tsconfig', (dir: string) => ['check', '--project', path.join(dir, 'bad', 'tsconfig.json'), '--format', 'json'], /tsconfig\.json/],
    ['a tsconfig extending a missing file', (dir: string) => ['check', '--project', path.join(dir, 'extends', 'tsconfig.json'), '--format', 'json'], /tsconfig\.json|missing-base/],
    ['a tsconfig matching no files', (dir: string) => ['check', '--project', path.join(dir, 'nofiles', 'tsconfig.json'), '--format', 'json'], /no files|includes no/],
    ['a --config that does not exist', (dir: string) => ['check', '--project', path.join(dir, 'ok'), '--config', path.join(dir, 'missing.json'), '--format', 'json'], /missing\.json/],
    ['a --config that is a folder', (dir: string) => ['check', '--project', path.join(dir, 'ok'), '--config', path.join(dir, 'ok'), '--format', 'json'], /ok/],
    ['an unknown format', (dir: string) => ['check', '--project', path.join(dir, 'ok'), '--format', 'xml'], /format|xml/],
    ['an unknown option', (dir: string) => ['check', '--project', path.join(dir, 'ok'), '--frobnicate'], /frobnicate/],
  ])('exits 2 with a message for %s', (_, args, pattern) => {
    const dir = project({
      'empty/.keep': '',
      'bad/tsconfig.json': '{ "compilerOptions": { "strict": tru ',
      'bad/app.ts': LEAK,
      'extends/tsconfig.json': JSON.stringify({ extends: './missing-base.json', include: ['*.ts'] }),
      'extends/app.ts': LEAK,
      'nofiles/tsconfig.json': JSON.stringify({ include: ['src/**/*.ts'] }),
      'ok/tsconfig.json': TSCONFIG,
      'ok/app.ts': LEAK,
    });
    const run = runCli(args(dir));
    if (process.env.HOSTILE_DEBUG !== undefined) console.log(`[hostile] ${args(dir).join(' ')} exit ${String(run.status)}\nstderr: ${run.stderr.slice(0, 600)}`);
    expectNoCrash(run);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(pattern);
  });
});
