/**
 * `npm run new-rule <rule-id>`: scaffolds a rule together with everything the meta test requires
 * of it — `rules/<rule-id>.ts` (a `defineRule` skeleton with the next free diagnostic code),
 * `test/rules/<rule-id>.test.ts` (a RuleTester suite) and `docs/rules/<rule-id>.md` (the doc
 * sections, with Incorrect / Correct blocks to fill in) — then regenerates the rule index, the
 * doc header and the README table, and rebuilds `dist/` so the new rule is registered. Existing
 * files are never overwritten. The placeholders are meant to fail the docs-examples test until
 * real examples are written.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DOC_HEADER_BEGIN, DOC_HEADER_END, getRepositoryRootOrThrow } from './generate.js';

const RULE_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const FIRST_DIAGNOSTIC_CODE = 990001;

/** Returns the messageId a new rule starts with: `no-foo-bar` → `fooBar`. */
export function getDefaultMessageId(ruleId: string): string {
  const words = ruleId.split('-');
  const meaningful = words.length > 1 && words[0] === 'no' ? words.slice(1) : words;
  return meaningful.map((word, index) => (index === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1))).join('');
}

/** Returns the next free diagnostic code after those used in the given rule sources. */
export function getNextDiagnosticCode(ruleSources: readonly string[]): number {
  const used = ruleSources.flatMap((source) => [...source.matchAll(/diagnosticCode:\s*(\d+)/g)].map((match) => Number(match[1])));
  return used.length === 0 ? FIRST_DIAGNOSTIC_CODE : Math.max(...used) + 1;
}

/** Renders `rules/<rule-id>.ts`. */
export function renderRuleTemplate(ruleId: string, diagnosticCode: number): string {
  const messageId = getDefaultMessageId(ruleId);
  return `import { defineRule } from '../src/engine/define-rule.js';
import { getFlowInto, getFlowMessageData } from '../src/engine/rule-data.js';

type MessageIds = '${messageId}';

export default defineRule<MessageIds>({
  id: '${ruleId}',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow <what this rule reports, no trailing period>',
      policy: '<policy section>: <the clause this rule enforces, in a few words>',
      recommended: false,
    },
    messages: {
      ${messageId}: '{{class}} data {{data}} ({{kind}}) reaches {{sinkKind}} sink {{sink}} ({{module}}); <the policy clause>',
    },
    schema: [],
    sinkKinds: [],
    maxClass: 'internal',
    diagnosticCode: ${diagnosticCode},
  },
  defaultOptions: [],
  check(fact) {
    const flow = getFlowInto(fact, this.meta.sinkKinds, 'confidential');
    return flow === undefined ? undefined : { messageId: '${messageId}', data: getFlowMessageData(flow) };
  },
});
`;
}

/** Renders `test/rules/<rule-id>.test.ts`. */
export function renderTestTemplate(ruleId: string): string {
  const messageId = getDefaultMessageId(ruleId);
  return `import { createRuleTester, getRule } from '../helpers/rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('${ruleId}', getRule('${ruleId}'), {
  valid: [
    // <why this code is fine>
    \`
export {};
\`,
  ],
  invalid: [
    // <why this code is reported>
    {
      code: \`
export {};
\`,
      errors: [{ messageId: '${messageId}', data: {}, line: 2, column: 1, endLine: 2, endColumn: 1 }],
    },
  ],
});
`;
}

/** Renders `docs/rules/<rule-id>.md`; the header block is filled in by \`npm run generate\`. */
export function renderDocTemplate(ruleId: string): string {
  return `${DOC_HEADER_BEGIN}
${DOC_HEADER_END}

## Policy

<The clause of the data-handling policy this rule enforces, in your own words, citing its
section ("Classification", "What stays in the tenant's region", "What we never do").>

## What it flags

<Sinks and data classes; which other rule wins when both could report the same flow.>

## Examples

### Incorrect

\`\`\`ts
// <code this rule reports: realistic, importing real libraries and classified types>
\`\`\`

### Correct

\`\`\`ts
// <the same task done within the policy>
\`\`\`

## Options

This rule has no options. <The \`classified.config.json\` / ESLint \`settings.classified\` keys
that change what it sees: sinks, sanitizers, inference, ...>; see
[configuration](../configuration.md).

## When not to use it

<When the clause does not apply.> Suppress a reviewed exception with a reason:

\`\`\`ts
// eslint-disable-next-line classified/${ruleId} -- <reason, with a ticket>
\`\`\`

## Related rules

- <[\`other-rule\`](./other-rule.md): how it differs.>
`;
}

function run(command: string, args: readonly string[], cwd: string): void {
  execFileSync(process.platform === 'win32' ? `${command}.cmd` : command, args, { cwd, stdio: 'inherit' });
}

function main(argv: readonly string[]): number {
  const ruleId = argv[0];
  if (ruleId === undefined || argv.length !== 1 || !RULE_ID.test(ruleId)) {
    process.stderr.write('usage: npm run new-rule <rule-id>   (kebab-case, e.g. no-foo-bar)\n');
    return 2;
  }
  const root = getRepositoryRootOrThrow();
  const rulesDir = path.join(root, 'rules');
  const files = {
    rule: path.join(rulesDir, `${ruleId}.ts`),
    test: path.join(root, 'test', 'rules', `${ruleId}.test.ts`),
    doc: path.join(root, 'docs', 'rules', `${ruleId}.md`),
  };
  const existing = Object.values(files).filter((file) => fs.existsSync(file));
  if (existing.length > 0) {
    process.stderr.write(`new-rule: ${existing.map((file) => path.relative(root, file)).join(', ')} already exist; nothing written\n`);
    return 2;
  }
  const ruleSources = fs
    .readdirSync(rulesDir)
    .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
    .map((name) => fs.readFileSync(path.join(rulesDir, name), 'utf8'));
  const contents: Record<keyof typeof files, string> = {
    rule: renderRuleTemplate(ruleId, getNextDiagnosticCode(ruleSources)),
    test: renderTestTemplate(ruleId),
    doc: renderDocTemplate(ruleId),
  };
  for (const key of Object.keys(files) as (keyof typeof files)[]) {
    fs.mkdirSync(path.dirname(files[key]), { recursive: true });
    fs.writeFileSync(files[key], contents[key]);
    process.stdout.write(`new-rule: wrote ${path.relative(root, files[key])}\n`);
  }
  // generate builds first (so it can load the new rule), then writes the index; build again so
  // dist/rules/index.js registers the new rule
  run('npm', ['run', 'generate'], root);
  run('npm', ['run', 'build'], root);
  process.stdout.write(`new-rule: next, fill in the placeholders in the three files and run \`npx vitest run test/meta.test.ts test/docs-examples.test.ts test/rules/${ruleId}.test.ts\`\n`);
  return 0;
}

if (typeof require !== 'undefined' && typeof module !== 'undefined' && require.main === module) process.exitCode = main(process.argv.slice(2));
