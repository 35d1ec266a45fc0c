// `redact` mode through a customTransformers host (`program.emit`), as ts-loader or a build script
// would use it: the emitted JavaScript is run with node and compared with the untransformed build.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { createClassifiedTransformer, getClassifiedDiagnostics } from '../../src/transform/index.js';
import { FIXTURES, createFixtureProgram, decodeMappings, emit, makeTempDir, positionOf, runNode, writeProject } from '../helpers/transform-fixtures.js';

const EMAIL = 'ada.lovelace@example.com';
const CARD = '4000056655665556';
const REDACT_TSCONFIG = path.join(FIXTURES, 'redact', 'tsconfig.json');

function compileRedactFixture(mode: 'plain' | 'report' | 'redact'): { readonly outDir: string; readonly files: Map<string, string> } {
  const outDir = makeTempDir(`emit-${mode}`);
  const program = createFixtureProgram(REDACT_TSCONFIG, outDir);
  const transformers = mode === 'plain' ? undefined : { before: [createClassifiedTransformer(program, { mode })] };
  return { outDir, files: emit(program, outDir, transformers) };
}

function sortedLines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '').sort();
}

describe('redact mode with program.emit', () => {
  const plain = compileRedactFixture('plain');
  const redacted = compileRedactFixture('redact');

  it('masks the email and card in every log line and changes nothing else the program prints', () => {
    for (const entry of ['app.js', 'esm-entry.mjs']) {
      const before = runNode(path.join(plain.outDir, entry));
      const after = runNode(path.join(redacted.outDir, entry));
      // the untransformed build leaks, which is what the fixture is for
      expect(before.stdout + before.stderr).toContain(EMAIL);
      expect(after.status).toBe(0);
      expect(after.stdout + after.stderr).not.toContain(EMAIL);
      expect(after.stdout + after.stderr).not.toContain(CARD);
      expect(after.stdout).toContain('[REDACTED]');
      const mask = (text: string): string => text.replaceAll(EMAIL, '[REDACTED]').replaceAll(CARD, '[REDACTED]');
      // pino flushes asynchronously, so compare line sets rather than order
      expect(sortedLines(after.stdout)).toEqual(sortedLines(mask(before.stdout)));
      expect(sortedLines(after.stderr)).toEqual(sortedLines(mask(before.stderr)));
    }
  });

  it('wraps exactly the values carried into log sinks, shorthand properties included', () => {
    const app = redacted.files.get('app.js') ?? '';
    expect(app).toContain("console.log('checkout started for', __classified.redact(customer.email));");
    expect(app).toContain('log.info({ email: __classified.redact(customer.email), plan: customer.plan }');
    expect(app).toContain('log.info({ email: __classified.redact(email) }');
    expect(app).toContain("console.warn('card on file', __classified.redact((customer.card)));");
    expect(app).toContain('console.log(`plan=${customer.plan} id=${customer.id}`);');
    // CommonJS output: TypeScript's module transform turned the added import into a require
    expect(app).toContain('const __classified = __importStar(require("classified"));');
    const esm = redacted.files.get('esm-entry.mjs') ?? '';
    expect(esm).toContain('import * as __classified from "classified";');
    expect(esm).toContain("console.log('esm entry for', __classified.redact(customer.email), 'on plan', customer.plan);");
    // files without log findings are emitted as they were
    expect(redacted.files.get('customer.js')).toBe(plain.files.get('customer.js'));
  });

  it('keeps source maps pointing at the original code', () => {
    const source = fs.readFileSync(path.join(FIXTURES, 'redact', 'src', 'app.ts'), 'utf8');
    const output = redacted.files.get('app.js') ?? '';
    const map = JSON.parse(redacted.files.get('app.js.map') ?? '{}') as { mappings: string };
    const mappings = decodeMappings(map.mappings);
    const mapsTo = (generatedNeedle: string, sourceNeedle: string): void => {
      const generated = positionOf(output, generatedNeedle);
      const original = positionOf(source, sourceNeedle);
      const mapping = mappings.find((entry) => entry.generatedLine === generated.line && entry.generatedColumn === generated.column);
      expect(mapping, generatedNeedle).toMatchObject({ sourceLine: original.line, sourceColumn: original.column });
    };
    mapsTo("console.log('done'", "console.log('done'");
    mapsTo('customer.email));', 'customer.email);');
    mapsTo("__classified.redact(customer.email));\nconsole.log(`plan", "customer.email);\nconsole.log(`plan");
    mapsTo('log.info({ email: __classified.redact(email)', "log.info({ email }, 'shorthand");
  });

  it('leaves the output byte-identical in report mode, violations or not', () => {
    const report = compileRedactFixture('report');
    expect([...report.files.keys()].sort()).toEqual([...plain.files.keys()].sort());
    for (const [file, text] of plain.files) {
      // the map names its output file and sources relative to outDir: same relative layout
      expect(report.files.get(file), file).toBe(text);
    }
  });

  it('reports nothing in redact mode when wrapping neutralizes every finding', () => {
    const program = createFixtureProgram(REDACT_TSCONFIG, makeTempDir('diagnostics'));
    expect(getClassifiedDiagnostics(program, { mode: 'report' }).map((diagnostic) => diagnostic.code)).toEqual([990004, 990004, 990004, 990003, 990004]);
    expect(getClassifiedDiagnostics(program, { mode: 'redact' })).toEqual([]);
  });
});

describe('redact mode declines what wrapping cannot fix safely', () => {
  const tsconfig = writeProject('declined', {
    'src/app.ts': `
import type { Email } from 'classified';

export interface User { readonly email: Email; readonly plan: string }

/** A helper that logs its argument: wrapping at the call site would change what it receives. */
function audit(value: string): string {
  console.log('audit', value);
  return value;
}

export function run(user: User, __classified: number): void {
  audit(user.email);
  console.log({ ...user });
  // eslint-disable-next-line classified/no-pii-logging -- ticket #42: shown to the customer's own support agent
  console.log('agent view', user.email);
  console.log('direct', user.email, __classified);
  console.log({ contact: user.email, ...user });
}
`,
  });

  it('reports the helper and spread cases, redacts the direct one under a fresh name, and skips the suppressed one', () => {
    const outDir = path.join(path.dirname(tsconfig), 'out');
    const program = createFixtureProgram(tsconfig, outDir);
    const remaining = getClassifiedDiagnostics(program, { mode: 'redact' });
    const lines = remaining.map((diagnostic) => (diagnostic.file === undefined || diagnostic.start === undefined ? -1 : diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1));
    // one finding for the last line lists the property and the spread: the property is wrapped, the finding stays
    expect(lines).toEqual([13, 14, 18]);
    const app = emit(program, outDir, { before: [createClassifiedTransformer(program, { mode: 'redact' })] }).get('app.js') ?? '';
    expect(app).toContain('audit(user.email);');
    expect(app).toContain('console.log({ ...user });');
    expect(app).toContain("console.log('agent view', user.email);");
    // the file already says `__classified`, so the namespace gets a suffix
    expect(app).toContain("console.log('direct', __classified_1.redact(user.email), __classified);");
    expect(app).toContain('console.log({ contact: __classified_1.redact(user.email), ...user });');
    expect(app).toContain('const __classified_1 = __importStar(require("classified"));');
  });

  it('refuses to transform a file whose text differs from the analysed Program', () => {
    const outDir = path.join(path.dirname(tsconfig), 'out-stale');
    const analysed = createFixtureProgram(tsconfig, outDir);
    const transformer = createClassifiedTransformer(analysed, { mode: 'redact' });
    const edited = ts.createSourceFile(path.join(path.dirname(tsconfig), 'src', 'app.ts'), 'export const x = 1;\n', ts.ScriptTarget.ES2022);
    expect(() => ts.transform(edited, [transformer])).toThrow(/different in the Program the transform analyses/);
  });
});
