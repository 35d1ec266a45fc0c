/**
 * `npm run eval`: precision and recall per rule on the labelled corpus. A line's trailing
 * `// expect: <rule-id>[, <rule-id>]` says which findings must be reported on it; any other
 * finding is a false positive. One finding stands for every datum its statement carries into the
 * sink, so it reports each of them on the line where that datum is carried (a multi-line object
 * literal has one label per classified field). Suppressed findings do not count. `--verbose`
 * lists every miss.
 */
import fs from 'node:fs';
import path from 'node:path';
import { rules } from '../rules/index.js';
import { analyzeProgram, createProgramFromTsconfig } from '../src/engine/index.js';
import { findConfigFile, loadConfigFile, resolveConfig } from '../src/policy/config.js';

export const CORPUS_PROJECTS = ['fixtures/corpus', 'fixtures/example-shop'] as const;

export interface LabelledResult {
  readonly truePositives: readonly string[];
  readonly falsePositives: readonly string[];
  readonly falseNegatives: readonly string[];
  readonly labels: number;
}

const EXPECT = /\/\/\s*expect:\s*([a-z-]+(?:\s*,\s*[a-z-]+)*)/;

/** Compares the engine's findings on one fixture project with its labels; keys are `file:line rule`. */
export function evaluateProject(projectDir: string): LabelledResult {
  const tsconfig = path.join(projectDir, 'tsconfig.json');
  const configFile = findConfigFile(projectDir);
  const config = resolveConfig(configFile === undefined ? {} : loadConfigFile(configFile));
  const program = createProgramFromTsconfig(tsconfig);
  const result = analyzeProgram(program, config, rules);
  const expected = new Set<string>();
  for (const file of result.files) {
    fs.readFileSync(file, 'utf8').split(/\r?\n/).forEach((text, index) => {
      const match = EXPECT.exec(text);
      if (match === null) return;
      for (const ruleId of (match[1] ?? '').split(',')) expected.add(`${relative(file)}:${index + 1} ${ruleId.trim()}`);
    });
  }
  const lineAt = (file: string, offset: number): number | undefined => {
    const sourceFile = program.getSourceFile(file);
    return sourceFile === undefined ? undefined : sourceFile.getLineAndCharacterOfPosition(offset).line + 1;
  };
  const reported = new Set(
    result.findings
      .filter((finding) => finding.suppression === undefined)
      .flatMap((finding) => {
        const lines = new Set([finding.line, ...(finding.carried ?? []).flatMap((data) => lineAt(finding.file, data.carrier.start) ?? [])]);
        return [...lines].map((line) => `${relative(finding.file)}:${line} ${finding.ruleId}`);
      }),
  );
  return {
    truePositives: [...reported].filter((key) => expected.has(key)),
    falsePositives: [...reported].filter((key) => !expected.has(key)),
    falseNegatives: [...expected].filter((key) => !reported.has(key)),
    labels: expected.size,
  };
}

function relative(file: string): string {
  return path.relative(process.cwd(), file).split(path.sep).join('/');
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 1 : numerator / denominator;
}

function main(): void {
  const verbose = process.argv.includes('--verbose');
  const results = CORPUS_PROJECTS.map((project) => evaluateProject(project));
  const all = {
    truePositives: results.flatMap((result) => result.truePositives),
    falsePositives: results.flatMap((result) => result.falsePositives),
    falseNegatives: results.flatMap((result) => result.falseNegatives),
  };
  const ruleOf = (key: string): string => key.slice(key.lastIndexOf(' ') + 1);
  const rows = rules.map((rule) => {
    const tp = all.truePositives.filter((key) => ruleOf(key) === rule.id).length;
    const fp = all.falsePositives.filter((key) => ruleOf(key) === rule.id).length;
    const fn = all.falseNegatives.filter((key) => ruleOf(key) === rule.id).length;
    return { rule: rule.id, tp, fp, fn };
  });
  const line = (name: string, tp: number, fp: number, fn: number): string =>
    `${name.padEnd(32)} ${String(tp + fn).padStart(6)} ${String(tp).padStart(4)} ${String(fp).padStart(4)} ${String(fn).padStart(4)}  ${ratio(tp, tp + fp).toFixed(3)}     ${ratio(tp, tp + fn).toFixed(3)}`;
  process.stdout.write(`${'rule'.padEnd(32)} labels   tp   fp   fn  precision recall\n`);
  for (const row of rows) process.stdout.write(`${line(row.rule, row.tp, row.fp, row.fn)}\n`);
  const tp = all.truePositives.length;
  const fp = all.falsePositives.length;
  const fn = all.falseNegatives.length;
  process.stdout.write(`${line('overall', tp, fp, fn)}\n`);
  if (verbose) {
    for (const key of all.falsePositives) process.stdout.write(`FP ${key}\n`);
    for (const key of all.falseNegatives) process.stdout.write(`FN ${key}\n`);
  }
}

if (typeof module !== 'undefined' && require.main === module) main();
