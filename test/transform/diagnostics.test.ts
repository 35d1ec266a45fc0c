// The transform's diagnostics and entry points without spawning a compiler: the tsc-native shape
// of each diagnostic, suppressions, option and config errors, the ts-patch entry (called the way
// ts-patch calls it) and the ts-jest entry.
import { createRequire } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import classifiedTransformPlugin, { ClassifiedTransformError, createClassifiedTransformer, factory, getClassifiedDiagnostics } from '../../src/transform/index.js';
import { FIXTURES, ROOT, createFixtureProgram, makeTempDir, writeProject } from '../helpers/transform-fixtures.js';

const SOURCE = `
import type { Email, PAN } from 'classified';

export interface Customer { readonly email: Email; readonly card: PAN; readonly plan: string }

export function onSignup(customer: Customer): void {
  const contact = customer.email;
  console.log('signup', contact);
  console.warn(customer.card);
  // eslint-disable-next-line classified/no-pii-logging -- ticket #42: confirmed with the customer
  console.info('confirmed', customer.email);
  // eslint-disable-next-line classified/no-pii-logging
  console.info('no reason given', customer.email);
}
`;

function createProgram(files: Readonly<Record<string, string>> = { 'src/index.ts': SOURCE }): ts.Program {
  const tsconfig = writeProject('diagnostics', files);
  return createFixtureProgram(tsconfig, path.join(path.dirname(tsconfig), 'out'));
}

function lineOf(diagnostic: ts.Diagnostic): number {
  return diagnostic.file === undefined || diagnostic.start === undefined ? -1 : diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1;
}

describe('getClassifiedDiagnostics', () => {
  const program = createProgram();

  it('reports each finding as a tsc-native diagnostic with the rule code, source, prefix and trace', () => {
    const diagnostics = getClassifiedDiagnostics(program);
    const first = diagnostics[0];
    const file = program.getSourceFiles().find((sourceFile) => sourceFile.fileName.endsWith('src/index.ts'));
    expect(first).toMatchObject({
      category: ts.DiagnosticCategory.Error,
      code: rules.find((rule) => rule.id === 'no-pii-logging')?.meta.diagnosticCode,
      source: 'classified',
      file,
      messageText: '[no-pii-logging] Confidential data contact (Email) reaches log sink console.log (console); customer data must not flow to central logs',
    });
    expect(file?.text.slice(first?.start, (first?.start ?? 0) + (first?.length ?? 0))).toBe('contact');
    const notes = (first?.relatedInformation ?? []).map((related) => `${lineOf({ ...related, relatedInformation: undefined })}: ${String(related.messageText)}`);
    expect(notes[0]).toMatch(/^8: contact is confidential \(Email\)/);
    expect(notes[notes.length - 1]).toBe('8: reaches log sink console.log');
    expect(first?.relatedInformation?.every((related) => related.file === file && related.category === ts.DiagnosticCategory.Message)).toBe(true);
    expect(diagnostics[1]).toMatchObject({ code: 990003, messageText: expect.stringMatching(/^\[no-restricted-logging\] /) });
  });

  it('drops a finding suppressed with a reason and keeps one whose suppression gives none', () => {
    const diagnostics = getClassifiedDiagnostics(program);
    expect(diagnostics.map(lineOf)).toEqual([8, 9, 13]);
    expect(diagnostics[2]?.messageText).toMatch(/suppression at line 12 ignored: give a reason after "--"/);
  });

  it('maps the configured severity to the diagnostic category', () => {
    const withConfig = createProgram({
      'src/index.ts': SOURCE,
      'classified.config.json': JSON.stringify({ rules: { 'no-pii-logging': 'warn', 'no-restricted-logging': 'off' } }),
    });
    const diagnostics = getClassifiedDiagnostics(withConfig, { config: 'classified.config.json' });
    expect(diagnostics.map((diagnostic) => [lineOf(diagnostic), diagnostic.category])).toEqual([
      [8, ts.DiagnosticCategory.Warning],
      [13, ts.DiagnosticCategory.Warning],
    ]);
    // without the option the same file is found from the tsconfig folder upwards
    expect(getClassifiedDiagnostics(withConfig)).toEqual(diagnostics);
  });

  it('rejects bad options with the option and the expectation', () => {
    expect(() => getClassifiedDiagnostics(program, { mode: 'fix' as 'report' })).toThrow('classified/transform options: option "mode" must be "report" or "redact", got "fix"');
    expect(() => getClassifiedDiagnostics(program, { modee: 'redact' } as object)).toThrow('unknown option "modee"; expected "mode"');
    expect(() => getClassifiedDiagnostics(program, { config: 42 } as unknown as object)).toThrow('option "config" must be a path to a classified.config.json file');
    expect(() => getClassifiedDiagnostics(program, { config: 'missing.json' })).toThrow(/option "config" is "missing.json", but .*missing\.json does not exist/);
    expect(() => createClassifiedTransformer(program, { mode: 'fix' as 'report' })).toThrow(ClassifiedTransformError);
  });

  it('names the config file and JSON path of an invalid config', () => {
    const invalid = createProgram({ 'src/index.ts': SOURCE, 'classified.config.json': JSON.stringify({ rules: { 'no-pii-logging': 'loud' } }) });
    expect(() => getClassifiedDiagnostics(invalid)).toThrow(/^classified\/transform options: invalid configuration\n.*classified\.config\.json: at \$\.rules\["no-pii-logging"\] expected one of "error", "warn", "off"$/);
  });
});

describe('the ts-patch entry point', () => {
  function callLikeTsPatch(program: ts.Program, config: unknown): { diagnostics: ts.Diagnostic[]; transformer: ts.TransformerFactory<ts.SourceFile> } {
    const diagnostics: ts.Diagnostic[] = [];
    const plugin = classifiedTransformPlugin(program, config, { addDiagnostic: (diagnostic) => diagnostics.push(diagnostic) });
    return { diagnostics, transformer: plugin.before };
  }

  it('adds the diagnostics once per Program, however often ts-patch calls it', () => {
    const program = createProgram();
    const diagnostics: ts.Diagnostic[] = [];
    const extras = { addDiagnostic: (diagnostic: ts.Diagnostic): number => diagnostics.push(diagnostic) };
    classifiedTransformPlugin(program, { mode: 'report' }, extras);
    classifiedTransformPlugin(program, { mode: 'report' }, extras);
    expect(diagnostics.map(lineOf)).toEqual([8, 9, 13]);
  });

  it('turns invalid options into one error diagnostic and leaves the output alone', () => {
    const program = createProgram();
    const { diagnostics, transformer } = callLikeTsPatch(program, { mode: 'redcat' });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ category: ts.DiagnosticCategory.Error, code: 990000, source: 'classified', file: undefined });
    expect(diagnostics[0]?.messageText).toMatch(/tsconfig\.json: compilerOptions\.plugins entry "classified\/transform": option "mode" must be "report" or "redact", got "redcat"$/);
    const file = program.getSourceFiles().find((sourceFile) => sourceFile.fileName.endsWith('src/index.ts'));
    if (file === undefined) throw new Error('fixture file missing');
    expect(ts.transform(file, [transformer]).transformed[0]).toBe(file);
  });

  it('is the default export of the built CommonJS module, next to the programmatic API', () => {
    const load = createRequire(path.join(ROOT, 'package.json'));
    const built: unknown = load(path.join(ROOT, 'dist', 'src', 'transform', 'index.js'));
    expect(built).toMatchObject({
      default: expect.any(Function),
      createClassifiedTransformer: expect.any(Function),
      getClassifiedDiagnostics: expect.any(Function),
      factory: expect.any(Function),
      name: 'classified/transform',
      version: expect.any(String),
    });
  });
});

describe('the ts-jest entry point', () => {
  it('refuses to run without a Program (isolated modules)', () => {
    const transformer = factory({ program: undefined }, { mode: 'redact' });
    const file = ts.createSourceFile(path.join(makeTempDir('ts-jest'), 'a.ts'), 'export {};', ts.ScriptTarget.ES2022);
    expect(() => ts.transform(file, [transformer])).toThrow(/ts-jest has no Program in isolated-modules mode/);
  });

  it('fails a file with error-severity findings in report mode and passes a clean one', () => {
    const program = createProgram({ 'src/index.ts': SOURCE, 'src/clean.ts': 'export const answer = 42;\n' });
    const transformer = factory({ program });
    const byName = (name: string): ts.SourceFile => {
      const file = program.getSourceFiles().find((sourceFile) => sourceFile.fileName.endsWith(name));
      if (file === undefined) throw new Error(`${name} missing`);
      return file;
    };
    expect(() => ts.transform(byName('src/index.ts'), [transformer])).toThrow(/error TS990004: \[no-pii-logging\]/);
    expect(ts.transform(byName('src/clean.ts'), [transformer]).transformed[0]).toBe(byName('src/clean.ts'));
  });

  it('redacts with the same factory in redact mode', () => {
    const program = createFixtureProgram(path.join(FIXTURES, 'redact', 'tsconfig.json'), makeTempDir('ts-jest-redact'));
    const file = program.getSourceFiles().find((sourceFile) => sourceFile.fileName.endsWith('src/app.ts'));
    if (file === undefined) throw new Error('fixture file missing');
    const result = ts.transform(file, [factory({ program }, { mode: 'redact' })]);
    const printed = ts.createPrinter().printFile(result.transformed[0] ?? file);
    expect(printed).toContain("console.log('checkout started for', __classified.redact(customer.email));");
  });
});
