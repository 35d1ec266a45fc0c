/**
 * Meta tests: a rule that is not wired up, documented and tested everywhere cannot merge. Rule
 * files, `rules/index.ts`, `docs/rules/*.md` and (once the folder exists) `test/rules/*.test.ts`
 * are the same set; each definition follows the conventions (id = file name, description
 * wording, every messageId used, unique diagnostic codes, docs URL); and every generated file
 * (rule index, doc headers, README table, lists of defaults in docs/configuration.md) is what
 * `npm run generate` would write now — the generator's pure functions run in memory here.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import type { RuleDefinition } from '../src/engine/define-rule.js';
import { plugin } from '../src/eslint/plugin.js';
import {
  README_LIST_BEGIN,
  README_LIST_END,
  getRuleIdsFromFileNames,
  renderRulesIndex,
  replaceConfigurationLists,
  replaceDocHeader,
  replaceRulesList,
} from '../scripts/generate.js';

const ROOT = path.resolve(__dirname, '..');
const RULES_DIR = path.join(ROOT, 'rules');
const DOCS_DIR = path.join(ROOT, 'docs', 'rules');
const RULE_TESTS_DIR = path.join(ROOT, 'test', 'rules');
const README = path.join(ROOT, 'README.md');
const CONFIGURATION_DOC = path.join(ROOT, 'docs', 'configuration.md');

const ruleFileIds = getRuleIdsFromFileNames(fs.readdirSync(RULES_DIR));
const docIds = fs.readdirSync(DOCS_DIR).filter((name) => name.endsWith('.md')).map((name) => name.slice(0, -'.md'.length)).sort();
const indexIds = rules.map((rule) => rule.id).sort();

/** The sections every rule page has, in this order. */
const DOC_SECTIONS = ['## Policy', '## What it flags', '## Examples', '### Incorrect', '### Correct', '## Options', '## When not to use it', '## Related rules'];

function readRuleSource(ruleId: string): string {
  return fs.readFileSync(path.join(RULES_DIR, `${ruleId}.ts`), 'utf8');
}

/** The rule file's text without the `messages` object and the `MessageIds` type: what must use every messageId. */
function getCodeOutsideMessages(source: string, fileName: string): string {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const cut: { start: number; end: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'messages') {
      cut.push({ start: node.getStart(file), end: node.getEnd() });
      return;
    }
    if (ts.isTypeAliasDeclaration(node) && node.name.text === 'MessageIds') {
      cut.push({ start: node.getStart(file), end: node.getEnd() });
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let text = source;
  for (const range of cut.sort((a, b) => b.start - a.start)) text = text.slice(0, range.start) + text.slice(range.end);
  return text;
}

describe('rule files, index, docs and tests are the same set', () => {
  it('every rules/*.ts file is in rules/index.ts, and nothing else is', () => {
    expect(indexIds).toEqual(ruleFileIds);
  });

  it('every rule has docs/rules/<rule-id>.md, and every page has a rule', () => {
    expect(docIds).toEqual(ruleFileIds);
  });

  it.skipIf(!fs.existsSync(RULE_TESTS_DIR))('every rule has test/rules/<rule-id>.test.ts, and every test file has a rule', () => {
    const testIds = fs
      .readdirSync(RULE_TESTS_DIR)
      .filter((name) => name.endsWith('.test.ts'))
      .map((name) => name.slice(0, -'.test.ts'.length))
      .sort();
    expect(testIds).toEqual(ruleFileIds);
  });
});

describe.each(ruleFileIds)('rules/%s.ts', (ruleId) => {
  it('default-exports a definition whose id is the file name', async () => {
    const loaded = (await import(path.join(RULES_DIR, `${ruleId}.ts`))) as { default?: RuleDefinition };
    expect(loaded.default?.id).toBe(ruleId);
  });

  const rule = rules.find((candidate) => candidate.id === ruleId);

  it('has a description that starts with Disallow / Require / Enforce and has no trailing period', () => {
    const description = rule?.meta.docs.description ?? '';
    expect(description).toMatch(/^(Disallow|Require|Enforce) \S/);
    expect(description).not.toMatch(/\.\s*$/);
  });

  it('uses every messageId in its check code', () => {
    const code = getCodeOutsideMessages(readRuleSource(ruleId), `${ruleId}.ts`);
    const unused = Object.keys(rule?.meta.messages ?? {}).filter((messageId) => !new RegExp(`['"\`]${messageId}['"\`]`).test(code));
    expect(unused).toEqual([]);
  });

  // one finding stands for every datum a statement carries into a sink; {{more}} names the others
  it('counts the other data wherever a message names the data reaching a sink', () => {
    const flowMessages = Object.values<string>(rule?.meta.messages ?? {}).filter((message) => message.includes('{{sink}}') && message.includes('{{data}}'));
    for (const message of flowMessages) expect(message).toContain('{{data}} ({{kind}}){{more}}');
  });

  it('has camelCase messageIds', () => {
    for (const messageId of Object.keys(rule?.meta.messages ?? {})) expect(messageId).toMatch(/^[a-z][a-zA-Z0-9]*$/);
  });

  it('has an ESLint docs.url pointing at its page', () => {
    expect(plugin.rules[ruleId]?.meta.docs?.url).toMatch(new RegExp(`/docs/rules/${ruleId}\\.md$`));
  });

  it.skipIf(!fs.existsSync(path.join(DOCS_DIR, `${ruleId}.md`)))('has a doc page with the required sections, in order', () => {
    const markdown = fs.readFileSync(path.join(DOCS_DIR, `${ruleId}.md`), 'utf8');
    const headings = markdown.split(/\r?\n/).filter((line) => DOC_SECTIONS.includes(line.trim()));
    expect(headings.filter((heading, index) => headings.indexOf(heading) === index)).toEqual(DOC_SECTIONS);
  });
});

describe('diagnostic codes', () => {
  it('are unique', () => {
    const codes = rules.map((rule) => rule.meta.diagnosticCode);
    const duplicates = codes.filter((code, index) => codes.indexOf(code) !== index);
    expect(duplicates).toEqual([]);
  });
});

describe('generated files are up to date (run `npm run generate`)', () => {
  it('rules/index.ts', () => {
    expect(fs.readFileSync(path.join(RULES_DIR, 'index.ts'), 'utf8')).toBe(renderRulesIndex(ruleFileIds));
  });

  it.each(indexIds.filter((ruleId) => docIds.includes(ruleId)))('docs/rules/%s.md header', (ruleId) => {
    const rule = rules.find((candidate) => candidate.id === ruleId);
    if (rule === undefined) throw new Error(`no rule ${ruleId}`);
    const markdown = fs.readFileSync(path.join(DOCS_DIR, `${ruleId}.md`), 'utf8');
    expect(markdown).toBe(replaceDocHeader(markdown, rule));
  });

  it.skipIf(!fs.existsSync(CONFIGURATION_DOC))('docs/configuration.md lists of defaults', () => {
    const markdown = fs.readFileSync(CONFIGURATION_DOC, 'utf8');
    expect(markdown).toBe(replaceConfigurationLists(markdown));
  });

  const readme = fs.existsSync(README) ? fs.readFileSync(README, 'utf8') : undefined;
  const hasMarkers = readme !== undefined && readme.includes(README_LIST_BEGIN) && readme.includes(README_LIST_END);

  it.skipIf(!hasMarkers)('README.md rules table', () => {
    expect(readme).toBe(replaceRulesList(readme ?? '', rules));
  });
});
