import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { computeFingerprints, getStatementText, toProjectPath, type FingerprintInput } from '../../src/cli/fingerprint.js';

const ROOT = '/project';
const FILE = '/project/src/a.ts';

/** Fingerprints of findings at each occurrence of `needle` in `text` (one finding per occurrence). */
function fingerprintsAt(text: string, needle: string, overrides: Partial<FingerprintInput> = {}): string[] {
  const sourceFile = ts.createSourceFile(FILE, text, ts.ScriptTarget.Latest, true);
  const findings: FingerprintInput[] = [];
  for (let index = text.indexOf(needle); index >= 0; index = text.indexOf(needle, index + 1)) {
    findings.push({ ruleId: 'no-pii-logging', file: FILE, start: index, end: index + needle.length, sink: { callee: 'log.info' }, source: { label: 'user.email' }, ...overrides });
  }
  return computeFingerprints(findings, { projectRoot: ROOT, getSourceFile: () => sourceFile });
}

const BASE = [
  "import { log } from './log.js';",
  'export function notify(user: { email: string }): void {',
  '  if (user.email.length > 0) {',
  '    log.info(user.email);',
  '  }',
  '}',
  '',
].join('\n');

describe('fingerprints', () => {
  it('are 32 hex digits and deterministic', () => {
    const [first] = fingerprintsAt(BASE, 'user.email);');
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(fingerprintsAt(BASE, 'user.email);')).toEqual([first]);
  });

  it('survive inserted lines, re-indentation and comments', () => {
    const [original] = fingerprintsAt(BASE, 'user.email);');
    const moved = `// a header\n\n\n${BASE.replace('    log.info(user.email);', '        log.info(  user.email  ) ; // reformatted')}`;
    expect(fingerprintsAt(moved, 'user.email  )')).toEqual([original]);
  });

  it('survive edits elsewhere in the function, but not edits of the statement', () => {
    const [original] = fingerprintsAt(BASE, 'user.email);');
    const elsewhere = BASE.replace('  if (user.email.length > 0) {', '  const unrelated = 1;\n  if (user.email.length > 0) {');
    expect(fingerprintsAt(elsewhere, 'user.email);')).toEqual([original]);
    const edited = BASE.replace('log.info(user.email);', "log.info('to', user.email);");
    expect(fingerprintsAt(edited, 'user.email);')).not.toEqual([original]);
  });

  it('use the innermost statement: a finding in an if condition ignores edits in its body', () => {
    const text = "if (send(user.email)) {\n  a();\n}\n";
    const [original] = fingerprintsAt(text, 'user.email');
    expect(fingerprintsAt(text.replace('a();', 'b();\n  c();'), 'user.email')).toEqual([original]);
    expect(getStatementText(ts.createSourceFile(FILE, text, ts.ScriptTarget.Latest, true), text.indexOf('user.email'), text.indexOf('user.email') + 10)).toBe('if ( send ( user . email ) ) {…}');
  });

  it('tell identical findings in a file apart by occurrence, stable under reordering of the input', () => {
    const text = 'log.info(user.email);\nlog.info(user.email);\n';
    const fingerprints = fingerprintsAt(text, 'user.email');
    expect(new Set(fingerprints).size).toBe(2);
    const sourceFile = ts.createSourceFile(FILE, text, ts.ScriptTarget.Latest, true);
    const second = text.lastIndexOf('user.email');
    const reversed = computeFingerprints(
      [
        { ruleId: 'no-pii-logging', file: FILE, start: second, end: second + 10, sink: { callee: 'log.info' }, source: { label: 'user.email' } },
        { ruleId: 'no-pii-logging', file: FILE, start: 9, end: 19, sink: { callee: 'log.info' }, source: { label: 'user.email' } },
      ],
      { projectRoot: ROOT, getSourceFile: () => sourceFile },
    );
    expect(reversed).toEqual([fingerprints[1], fingerprints[0]]);
  });

  it('depend on rule, sink, source and the file relative to the project root', () => {
    const [original] = fingerprintsAt(BASE, 'user.email);');
    expect(fingerprintsAt(BASE, 'user.email);', { ruleId: 'no-restricted-logging' })).not.toEqual([original]);
    expect(fingerprintsAt(BASE, 'user.email);', { sink: { callee: 'log.warn' } })).not.toEqual([original]);
    expect(fingerprintsAt(BASE, 'user.email);', { source: { label: 'customer.email' } })).not.toEqual([original]);
    expect(fingerprintsAt(BASE, 'user.email);', { file: '/project/src/b.ts' })).not.toEqual([original]);
    expect(toProjectPath('/project/src/a.ts', '/project')).toBe('src/a.ts');
  });

  it('do not depend on where the project is checked out', () => {
    const sourceFile = ts.createSourceFile(FILE, BASE, ts.ScriptTarget.Latest, true);
    const start = BASE.indexOf('user.email);');
    const at = (root: string): string[] =>
      computeFingerprints([{ ruleId: 'r', file: `${root}/src/a.ts`, start, end: start + 10 }], { projectRoot: root, getSourceFile: () => sourceFile });
    expect(at('/home/ci/work')).toEqual(at('/Users/dev/project'));
  });
});
