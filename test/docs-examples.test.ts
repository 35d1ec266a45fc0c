/**
 * Docs examples are linted. Every TypeScript block under `### Incorrect` in a rule's
 * `docs/rules/<rule-id>.md` must make the engine report that rule at least once; every block
 * under `### Correct` must not report it. Each block is written as its own module into a temp
 * copy of `test/fixtures/docs-examples/` under `.tmp/` inside the repository, so `classified`
 * (the package self-reference, through `dist/`) and pino, ioredis, openai... resolve through the
 * repository's node_modules. All blocks share one Program, analysed once with the default
 * config, and must also type-check: a docs example that tsc rejects teaches the wrong API.
 *
 * A fence may name its file, `ts title="checkout.test.ts"`, for examples that depend on the
 * file name (test files may hold published test card numbers).
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { analyzeProgram, createProgramFromTsconfig, type Finding } from '../src/engine/index.js';
import { resolveConfig } from '../src/policy/config.js';

const ROOT = path.resolve(__dirname, '..');
const DOCS_DIR = path.join(ROOT, 'docs', 'rules');
const FIXTURE_DIR = path.join(ROOT, 'test', 'fixtures', 'docs-examples');
const SELF_REFERENCE_TYPES = path.join(ROOT, 'dist', 'src', 'index.d.ts');

type Section = 'Incorrect' | 'Correct';

interface DocExample {
  readonly ruleId: string;
  readonly section: Section;
  /** 1-based position among the page's blocks of the same section */
  readonly index: number;
  /** 1-based line of the opening fence in the markdown file */
  readonly line: number;
  readonly code: string;
  /** from `title="..."` on the fence; `example.ts` when absent */
  readonly fileName: string;
}

const FENCE_OPEN = /^```(ts|typescript)\b(.*)$/;
const TITLE = /\btitle="([^"]+)"/;

/** Returns the TypeScript blocks of the `### Incorrect` / `### Correct` parts of `## Examples`. */
function extractExamples(markdown: string, ruleId: string): DocExample[] {
  const examples: DocExample[] = [];
  const counts: Record<Section, number> = { Incorrect: 0, Correct: 0 };
  let inExamples = false;
  let section: Section | undefined;
  let block: { line: number; fileName: string; lines: string[] } | undefined;
  let otherFence = false;
  markdown.split(/\r?\n/).forEach((text, offset) => {
    if (block !== undefined) {
      if (text.startsWith('```')) {
        if (section !== undefined) {
          counts[section] += 1;
          examples.push({ ruleId, section, index: counts[section], line: block.line, code: block.lines.join('\n') + '\n', fileName: block.fileName });
        }
        block = undefined;
      } else {
        block.lines.push(text);
      }
      return;
    }
    if (otherFence) {
      if (text.startsWith('```')) otherFence = false;
      return;
    }
    if (text.startsWith('## ')) {
      inExamples = text.trim() === '## Examples';
      section = undefined;
      return;
    }
    if (text.startsWith('### ')) {
      const heading = text.slice(4).trim();
      section = inExamples && (heading === 'Incorrect' || heading === 'Correct') ? heading : undefined;
      return;
    }
    const fence = FENCE_OPEN.exec(text);
    if (fence !== null && inExamples && section !== undefined) {
      block = { line: offset + 1, fileName: TITLE.exec(fence[2] ?? '')?.[1] ?? 'example.ts', lines: [] };
    } else if (text.startsWith('```')) {
      otherFence = true;
    }
  });
  return examples;
}

const ruleIds = rules.map((rule) => rule.id).sort();
const examplesByRule = new Map(
  ruleIds.map((ruleId) => {
    const docPath = path.join(DOCS_DIR, `${ruleId}.md`);
    return [ruleId, fs.existsSync(docPath) ? extractExamples(fs.readFileSync(docPath, 'utf8'), ruleId) : []] as const;
  }),
);

/** Where each example is written, relative to the temp project: `src/<rule-id>/<section>-<n>/<file>`. */
function getExamplePath(example: DocExample): string {
  return path.posix.join('src', example.ruleId, `${example.section.toLowerCase()}-${example.index}`, example.fileName);
}

interface ExampleOutcome {
  readonly findings: readonly Finding[];
  readonly typeErrors: readonly string[];
}

const outcomes = new Map<string, ExampleOutcome>();
let projectDir: string | undefined;

beforeAll(() => {
  if (!fs.existsSync(SELF_REFERENCE_TYPES)) {
    throw new Error(`${path.relative(ROOT, SELF_REFERENCE_TYPES)} is missing: run \`npm run build\` first (examples import \`classified\` through the package self-reference)`);
  }
  projectDir = path.join(ROOT, '.tmp', 'docs-examples', `${process.pid}-${Date.now()}`);
  fs.mkdirSync(projectDir, { recursive: true });
  fs.copyFileSync(path.join(FIXTURE_DIR, 'tsconfig.json'), path.join(projectDir, 'tsconfig.json'));
  for (const example of [...examplesByRule.values()].flat()) {
    const file = path.join(projectDir, getExamplePath(example));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, example.code);
  }
  const program = createProgramFromTsconfig(path.join(projectDir, 'tsconfig.json'));
  const result = analyzeProgram(program, resolveConfig({}), rules);
  for (const example of [...examplesByRule.values()].flat()) {
    const file = path.join(projectDir, getExamplePath(example));
    const sourceFile = program.getSourceFile(file);
    const typeErrors = sourceFile === undefined
      ? [`${file} is not part of the Program`]
      : [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)].map((diagnostic) => {
          const line = diagnostic.start === undefined ? 0 : sourceFile.getLineAndCharacterOfPosition(diagnostic.start).line + 1;
          return `line ${line}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
        });
    const findings = result.findings.filter((finding) => path.resolve(finding.file) === path.resolve(file) && finding.suppression === undefined);
    outcomes.set(getExamplePath(example), { findings, typeErrors });
  }
}, 180_000);

afterAll(() => {
  if (projectDir !== undefined) fs.rmSync(projectDir, { recursive: true, force: true });
});

function describeFindings(findings: readonly Finding[]): string {
  return findings.length === 0 ? '(no findings)' : findings.map((finding) => `  line ${finding.line} ${finding.ruleId}: ${finding.message}`).join('\n');
}

describe.each(ruleIds)('docs/rules/%s.md', (ruleId) => {
  const examples = examplesByRule.get(ruleId) ?? [];

  it('has at least one Incorrect and one Correct TypeScript example', () => {
    expect(examples.filter((example) => example.section === 'Incorrect').length).toBeGreaterThan(0);
    expect(examples.filter((example) => example.section === 'Correct').length).toBeGreaterThan(0);
  });

  it.each(examples.map((example) => [`${example.section} #${example.index} (line ${example.line})`, example] as const))('%s', (_name, example) => {
    const outcome = outcomes.get(getExamplePath(example));
    expect(outcome, 'example was not analysed').toBeDefined();
    if (outcome === undefined) return;
    expect(outcome.typeErrors, `docs/rules/${ruleId}.md:${example.line} does not type-check`).toEqual([]);
    const reported = outcome.findings.filter((finding) => finding.ruleId === ruleId);
    const context = `docs/rules/${ruleId}.md:${example.line} (${example.section}) — engine findings:\n${describeFindings(outcome.findings)}`;
    if (example.section === 'Incorrect') {
      expect(reported.length, context).toBeGreaterThan(0);
    } else {
      expect(reported.length, context).toBe(0);
    }
  });
});
