import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { classified, copyExample, expectOk, git, parseFindings, writeFiles } from '../helpers/adoption.js';

/** A new file whose only finding exists through a helper in an unchanged file (whole-program facts). */
const NEW_FILE = `import type { Customer } from './domain/customer.js';
import { recordAccess } from './lib/logger.js';

export function audit(customer: Customer): void {
  recordAccess(customer.email, 'agent-1');
}
`;

describe('classified check --changed', { timeout: 180_000 }, () => {
  let dir: string;
  beforeAll(async () => {
    dir = copyExample('changed', { git: true });
  });

  it('reports nothing when nothing changed since HEAD, and says what it left out', async () => {
    const result = await classified(dir, ['check', '--changed', '--format', 'json']);
    expect(result.status).toBe(0);
    expect(parseFindings(result.stdout)).toEqual([]);
    expect(result.stderr).toMatch(/--changed: 0 files changed since HEAD; findings in unchanged files not reported/);
  });

  it('reports findings in untracked, staged and unstaged files, using facts from unchanged files', async () => {
    writeFiles(dir, { 'src/audit.ts': NEW_FILE });
    const untracked = await classified(dir, ['check', '--changed', '--format', 'json']);
    expect(untracked.status).toBe(1);
    const findings = parseFindings(untracked.stdout);
    expect(findings.map((finding) => `${finding.file} ${finding.ruleId}`)).toEqual(['src/audit.ts no-pii-logging']);

    // staged now, plus an unstaged edit of a tracked file, which brings that file's findings in
    expectOk(git(dir, ['add', 'src/audit.ts']));
    fs.appendFileSync(path.join(dir, 'src', 'analytics', 'tracking.ts'), '\n// touched\n');
    const both = parseFindings((await classified(dir, ['check', '--changed', '--format', 'json'])).stdout);
    expect(new Set(both.map((finding) => finding.file))).toEqual(new Set(['src/audit.ts', 'src/analytics/tracking.ts']));
    // the focused analysis finds in the changed files exactly what a whole check finds there
    const whole = parseFindings((await classified(dir, ['check', '--format', 'json'])).stdout);
    expect(both).toEqual(whole.filter((finding) => finding.file === 'src/audit.ts' || finding.file === 'src/analytics/tracking.ts'));
  });

  it('--base REF compares with the merge base, committed changes included', async () => {
    expectOk(git(dir, ['checkout', '-q', '-b', 'feature']));
    expectOk(git(dir, ['add', '-A']));
    expectOk(git(dir, ['commit', '-q', '-m', 'audit']));
    expect(parseFindings((await classified(dir, ['check', '--changed', '--format', 'json'])).stdout)).toEqual([]);
    const sinceMain = await classified(dir, ['check', '--changed', '--base', 'main', '--format', 'json']);
    expect(sinceMain.status).toBe(1);
    expect(new Set(parseFindings(sinceMain.stdout).map((finding) => finding.file))).toEqual(new Set(['src/audit.ts', 'src/analytics/tracking.ts']));
    expect(sinceMain.stderr).toContain('changed since main');
  });

  it('fails with exit 2 on an unknown revision or outside a git repository', async () => {
    const unknown = await classified(dir, ['check', '--base', 'no-such-branch']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('--base no-such-branch: unknown git revision');
    const option = await classified(dir, ['check', '--base', '--output=x']);
    expect(option.status).toBe(2);
    const plain = copyExample('changed-no-git');
    const outside = await classified(plain, ['check', '--changed']);
    expect(outside.status).toBe(2);
    expect(outside.stderr).toContain('is not inside a git repository');
  });

  it('works in a repository without commits: every staged file counts as changed', async () => {
    const fresh = copyExample('changed-no-commits');
    expectOk(git(fresh, ['init', '-q', '-b', 'main']));
    writeFiles(fresh, { 'src/audit.ts': NEW_FILE });
    expectOk(git(fresh, ['add', 'src/audit.ts']));
    const result = await classified(fresh, ['check', '--changed', '--format', 'json']);
    // untracked files count too, so the whole example app is "changed"
    expect(parseFindings(result.stdout).some((finding) => finding.file === 'src/audit.ts')).toBe(true);
  });
});
