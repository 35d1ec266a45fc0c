import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, casesFileName, loadCases, loadJudged, loadRepos, scoreCases, seededSample, stratifiedSample, uniqueFindings, type LabelledCase, type RealFinding } from '../scripts/eval-real.js';

const REPO = 'acme/shop';

function finding(ruleId: string, file: string, line: number, extra: Partial<RealFinding> = {}): RealFinding {
  return { repo: REPO, ruleId, file, line, column: 1, message: `${ruleId} at ${line}`, suppressed: false, ...extra };
}

function violation(id: string, file: string, lines: [number, number], extra: Partial<LabelledCase> = {}): LabelledCase {
  return { id, file, lines, label: 'violation', rule: 'no-pii-logging', category: 'logging', reason: 'logs an email', ...extra };
}

describe('real-code suite scoring', () => {
  it('finds a violation only with a finding of its rule inside its span', () => {
    const cases = [violation('in-span', 'src/a.ts', [10, 12]), violation('wrong-rule', 'src/a.ts', [20, 20]), violation('outside', 'src/a.ts', [30, 31])];
    const scores = scoreCases(REPO, cases, [finding('no-pii-logging', 'src/a.ts', 12), finding('no-third-party-sharing', 'src/a.ts', 20), finding('no-pii-logging', 'src/a.ts', 32)]);
    expect(scores.map((score) => [score.case.id, score.strict])).toEqual([
      ['in-span', true],
      ['wrong-rule', false],
      ['outside', false],
    ]);
  });

  it('ignores suppressed findings', () => {
    const [score] = scoreCases(REPO, [violation('suppressed', 'src/a.ts', [5, 5])], [finding('no-pii-logging', 'src/a.ts', 5, { suppressed: true })]);
    expect(score?.strict).toBe(false);
    expect(score?.findingsInSpan).toEqual([]);
  });

  it('counts a finding at the helper sink or at a write as found elsewhere, not strict', () => {
    const cases = [
      violation('helper', 'src/caller.ts', [3, 3], { sinkAt: { file: 'src/log.ts', lines: [8, 8] } }),
      violation('column', 'src/card.entity.ts', [4, 5], { rule: 'no-pan-storage', category: 'card-storage', alsoAt: [{ file: 'src/orders.ts', lines: [40, 41] }] }),
    ];
    const scores = scoreCases(REPO, cases, [finding('no-pii-logging', 'src/log.ts', 8), finding('no-pan-storage', 'src/orders.ts', 41)]);
    expect(scores.map((score) => [score.strict, score.elsewhere])).toEqual([
      [false, true],
      [false, true],
    ]);
  });

  it('hits a negative with a finding of any rule inside its span', () => {
    const negative: LabelledCase = { id: 'enum', file: 'src/a.ts', lines: [7, 9], label: 'negative', category: 'logging', reason: 'enum member' };
    const [hit] = scoreCases(REPO, [negative], [finding('telemetry-deidentified', 'src/a.ts', 8)]);
    const [clean] = scoreCases(REPO, [negative], [finding('no-pii-logging', 'src/a.ts', 10)]);
    expect([hit?.findingsInSpan.length, hit?.strict, clean?.findingsInSpan.length]).toEqual([1, false, 0]);
  });

  it('keeps one finding per rule, line and message across the projects of a repository', () => {
    const shared = finding('no-pii-logging', 'packages/lib/log.ts', 3);
    expect(uniqueFindings([shared, { ...shared, column: 9 }, finding('no-pii-logging', 'packages/lib/log.ts', 4)])).toHaveLength(2);
  });

  it('draws the same sample for the same seed and another for another seed', () => {
    const items = Array.from({ length: 50 }, (_, index) => index);
    const first = seededSample(items, 10, 7);
    expect(seededSample(items, 10, 7)).toEqual(first);
    expect(seededSample(items, 10, 8)).not.toEqual(first);
    expect(new Set(first).size).toBe(10);
    expect(seededSample(items, 80, 7)).toHaveLength(50);
  });
});

describe('the real-code suite itself', () => {
  const repos = loadRepos();

  it('pins every repository at a full commit and names at least one tsconfig', () => {
    for (const entry of repos) {
      expect(entry.commit, entry.repo).toMatch(/^[0-9a-f]{40}$/);
      expect(entry.projects.length, entry.repo).toBeGreaterThan(0);
      expect(entry.recipe.length, entry.repo).toBeGreaterThan(0);
    }
  });

  it('has labels that parse, with unique ids, for repositories of repos.json only', () => {
    const files = fs.readdirSync(path.join('eval', 'real', 'cases'));
    expect(files.sort()).toEqual(repos.map((entry) => casesFileName(entry.repo)).filter((file) => files.includes(file)).sort());
    const ids = repos.flatMap((entry) => loadCases(entry.repo).map((labelled) => labelled.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('holds at least 80 violations over every category and at least 40 negatives', () => {
    const cases = repos.flatMap((entry) => loadCases(entry.repo));
    const violations = cases.filter((labelled) => labelled.label === 'violation');
    expect(repos.length).toBeGreaterThanOrEqual(8);
    expect(violations.length).toBeGreaterThanOrEqual(80);
    expect(cases.filter((labelled) => labelled.label === 'negative').length).toBeGreaterThanOrEqual(40);
    for (const category of CATEGORIES) expect(violations.some((labelled) => labelled.category === category), category).toBe(true);
  });

  it('judges findings with a verdict and a reason', () => {
    for (const judged of loadJudged()) {
      expect(['true', 'false'], judged.file).toContain(judged.verdict);
      expect(judged.reason.length, `${judged.file}:${judged.line}`).toBeGreaterThan(0);
    }
  });
});

describe('stratified sample', () => {
  it('takes from every repository in turn before taking a second finding from any', () => {
    const pools = [Array.from({ length: 100 }, (_, index) => `big-${index}`), ['small-0', 'small-1'], ['one-0']];
    const sample = stratifiedSample(pools, 6, 3);
    expect(sample.slice(0, 3).map((item) => item.split('-')[0])).toEqual(['big', 'small', 'one']);
    expect(sample.filter((item) => item.startsWith('small'))).toHaveLength(2);
    expect(sample).toHaveLength(6);
    expect(stratifiedSample(pools, 6, 3)).toEqual(sample);
  });
});
