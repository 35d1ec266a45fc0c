import { describe, expect, it } from 'vitest';
import { analyzeSnippets } from '../helpers/analyze-snippets.js';

// The first disagreements the oracle (scripts/oracle-generator.ts) found, one minimal case each.
describe('oracle regressions', () => {
  it('reports an entry point parameter classified by its name at the call that passes it to a leaking helper', () => {
    const result = analyzeSnippets({
      'log.ts': `import pino from 'pino';\nconst logger = pino();\nexport function audit(value: string): void {\n  logger.info(value);\n}\n`,
      'app.ts': `import { audit } from './log.js';\nexport function onSignup(contactEmail: string): void {\n  audit(contactEmail);\n}\n`,
    });
    expect(result.keys).toEqual(['app.ts:3 no-pii-logging']);
  });

  it('honours a config sanitizer in a project module nothing imports', () => {
    const result = analyzeSnippets(
      { 'app.ts': `import type { Email } from 'classified';\nexport function tidy(value: string): string { return value.trim(); }\nexport function run(email: Email): void {\n  console.log(tidy(email));\n}\n` },
      { sanitizers: [{ module: './app.js', path: 'tidy', to: 'public' }] },
    );
    expect(result.keys).toEqual([]);
  });

  it('does not re-infer a declassified object by its field names, and follows Promise.resolve and parenthesized casts', () => {
    const result = analyzeSnippets({
      'app.ts': `import { declassify, type Email } from 'classified';
export async function run(member: { id: string; email: Email }, email: Email): Promise<void> {
  const shown = declassify(member, 'the member views their own profile');
  console.log(shown);
  console.log(await Promise.resolve(member.email));
  const line = (email as string) + '!';
  void line;
}
`,
    });
    expect(result.keys).toEqual(['app.ts:5 no-pii-logging', 'app.ts:6 no-unsafe-declassification']);
  });

  it('does not take a copy spread from a declassified object for its type, whose fields still carry brands', () => {
    const result = analyzeSnippets({
      'app.ts': `import { declassify, type CVV, type Email } from 'classified';
declare function apply<T>(value: T, fn: (item: T) => string): string;
export function run(member: { email: Email; cvv: CVV }): void {
  const shown = { ...declassify(member, 'the member views their own profile'), at: 1 };
  console.log(apply(shown, (item) => JSON.stringify(item)));
  const leaked = { ...member, at: 1 };
  console.log(apply(leaked, (item) => JSON.stringify(item)));
}
`,
    });
    expect(result.keys).toEqual(['app.ts:7 no-pii-logging', 'app.ts:7 no-restricted-logging']);
  });
});
