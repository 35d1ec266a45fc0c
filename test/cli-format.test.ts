// The CLI's output formatters over hand-built findings: the JSON contract key for key, SARIF
// validated against the official 2.1.0 schema (shipped by @microsoft/jest-sarif) plus the parts
// GitHub code scanning relies on, the text layout, and card-number masking in every format.
import path from 'node:path';
import Ajv from 'ajv';
import { describe, it, expect } from 'vitest';
import sarifSchema from '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json';
import type * as Sarif from 'sarif';
import type { Finding } from '../src/engine/findings-types.js';
import { formatJson } from '../src/cli/format-json.js';
import { formatSarif } from '../src/cli/format-sarif.js';
import { formatText } from '../src/cli/format-text.js';
import type { RuleDescriptor } from '../src/cli/rule-descriptor.js';

const cwd = path.resolve('/repo/shop');
const at = (relative: string): string => path.join(cwd, relative);
const CARD_SPACED = '4111 1111 1111 1111';
const CARD_DIGITS = '4111111111111111';

/** PAN declared on a type, passed through a helper in another file into pino. */
const panLogged: Finding = {
  ruleId: 'no-restricted-logging',
  severity: 'error',
  message: 'customer.card (PAN, Restricted) reaches logger.info (pino, log): Restricted data is vault-only',
  messageId: 'restrictedToLog',
  data: { data: 'customer.card', kind: 'PAN', sink: 'logger.info' },
  confidence: 'declared',
  file: at('src/checkout/pay.ts'),
  line: 42,
  column: 5,
  endLine: 42,
  endColumn: 38,
  start: 1200,
  end: 1233,
  source: {
    file: at('src/types/customer.ts'),
    line: 7,
    label: 'customer.card',
    kind: 'PAN',
    level: 'restricted',
    reason: 'declared as PAN at src/types/customer.ts:7',
  },
  carried: [
    {
      source: { file: at('src/types/customer.ts'), line: 7, label: 'customer.card', kind: 'PAN', level: 'restricted', reason: 'declared as PAN at src/types/customer.ts:7' },
      confidence: 'declared',
      carrier: { start: 1200, end: 1233 },
      value: { start: 1200, end: 1233 },
    },
  ],
  sink: { kind: 'log', callee: 'logger.info', module: 'pino', reason: 'catalog: pino default.info' },
  trace: [
    { file: at('src/checkout/pay.ts'), line: 30, column: 9, note: 'customer.card read into `card`' },
    { file: at('src/checkout/describe.ts'), line: 12, column: 10, note: 'passed to describePayment(card)' },
    { file: at('src/checkout/pay.ts'), line: 42, column: 17, note: 'returned summary passed to logger.info' },
  ],
};

/** An inferred email and phone number logged in one console.log: one warning listing both. */
const emailLogged: Finding = {
  ruleId: 'no-pii-logging',
  severity: 'warn',
  message: 'user.email (Email, Confidential) and 1 more (user.phone) reaches console.log (global, log)',
  messageId: 'piiToLog',
  data: { data: 'user.email', kind: 'Email', more: ' and 1 more (user.phone)', sink: 'console.log' },
  confidence: 'inferred',
  file: at('src/users/signup.ts'),
  line: 8,
  column: 3,
  endLine: 8,
  endColumn: 26,
  start: 210,
  end: 233,
  source: {
    file: at('src/users/signup.ts'),
    line: 5,
    label: 'user.email',
    kind: 'Email',
    level: 'confidential',
    reason: 'name matches /email/',
  },
  carried: [
    {
      source: { file: at('src/users/signup.ts'), line: 5, label: 'user.email', kind: 'Email', level: 'confidential', reason: 'name matches /email/' },
      confidence: 'inferred',
      carrier: { start: 210, end: 222 },
      value: { start: 210, end: 222 },
    },
    {
      source: { file: at('src/users/signup.ts'), line: 6, label: 'user.phone', kind: 'PhoneNumber', level: 'confidential', reason: 'name matches /phone/' },
      confidence: 'inferred',
      carrier: { start: 224, end: 232 },
      value: { start: 224, end: 232 },
    },
  ],
  sink: { kind: 'log', callee: 'console.log', module: 'global', reason: 'catalog: global console.log' },
  trace: [{ file: at('src/users/signup.ts'), line: 8, column: 15, note: 'user.email passed to console.log' }],
};

/** A card literal; the message (wrongly) quotes the number, which every output must mask. */
const panLiteral: Finding = {
  ruleId: 'no-pan-literal',
  severity: 'error',
  message: `Card number literal ${CARD_SPACED} (Visa) in source`,
  messageId: 'panLiteral',
  data: { data: 'card number literal ****1111' },
  confidence: 'literal',
  file: at('src/fixtures data/seed.ts'),
  line: 3,
  column: 14,
  endLine: 3,
  endColumn: 35,
  start: 60,
  end: 81,
  trace: [],
};

/** Shared with a third party under a suppression comment with a reason. */
const suppressedShare: Finding = {
  ruleId: 'no-third-party-sharing',
  severity: 'error',
  message: 'user.email (Email, Confidential) reaches analytics.track (@segment/analytics-node, third-party)',
  messageId: 'sharedWithThirdParty',
  data: { data: 'user.email', kind: 'Email', sink: 'analytics.track' },
  confidence: 'declared',
  file: at('src/users/signup.ts'),
  line: 20,
  column: 3,
  endLine: 20,
  endColumn: 50,
  start: 600,
  end: 647,
  source: {
    file: at('src/types/user.ts'),
    line: 3,
    label: 'user.email',
    kind: 'Email',
    level: 'confidential',
    reason: 'declared as Email at src/types/user.ts:3',
  },
  sink: { kind: 'third-party', callee: 'analytics.track', module: '@segment/analytics-node', reason: 'catalog: segment track' },
  trace: [],
  suppression: { reason: 'consented marketing export, PRIV-12', line: 19 },
};

const findings: readonly Finding[] = [panLogged, emailLogged, panLiteral, suppressedShare];

const rules: readonly RuleDescriptor[] = [
  'no-pan-literal',
  'no-restricted-logging',
  'no-pii-logging',
  'no-third-party-sharing',
].map((id) => ({
  id,
  description: `Disallow what ${id} forbids`,
  docsUrl: `https://example.com/classified/docs/rules/${id}.md`,
  defaultSeverity: id === 'no-pii-logging' ? 'warn' : 'error',
}));

function sarifLog(input: readonly Finding[] = findings): Sarif.Log {
  return JSON.parse(formatSarif(input, { cwd, rules, toolVersion: '0.1.0' })) as Sarif.Log;
}

function onlyRun(log: Sarif.Log): Sarif.Run {
  const run = log.runs[0];
  if (run === undefined) throw new Error('SARIF log has no run');
  return run;
}

/**
 * The schema is draft-04 (`id`, draft-04 `$schema`); Ajv 8 speaks draft-07, and the schema uses no
 * draft-04-only keyword (no boolean exclusiveMinimum), so renaming `id` is the whole conversion.
 * Its `language` pattern has a stray `]` that only non-unicode regular expressions accept.
 */
function compileSarifValidator() {
  const { $schema: _draft04, id, ...rest } = sarifSchema;
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  ajv.addFormat('uri', (value: string) => /^[a-z][a-z\d+.-]*:/i.test(value) && URL.canParse(value));
  ajv.addFormat('uri-reference', (value: string) => !value.includes('\\') && URL.canParse(value, 'file:///base/'));
  ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
  return ajv.compile({ $id: id, ...rest });
}

describe('formatJson', () => {
  const report = JSON.parse(formatJson(findings, { cwd, filesAnalyzed: 17, filesReadNotReported: 3, durationMs: 1234.6 })) as Record<string, unknown>;

  it('has the version-1 top-level keys in order', () => {
    expect(Object.keys(report)).toEqual(['version', 'findings', 'suppressed', 'summary']);
    expect(report['version']).toBe(1);
  });

  it('maps a finding field for field, in contract order, with relative paths', () => {
    const [first] = report['findings'] as Record<string, unknown>[];
    expect(Object.keys(first ?? {})).toEqual([
      'ruleId', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'message', 'confidence', 'source', 'data', 'sink', 'trace',
    ]);
    expect(first).toStrictEqual({
      ruleId: 'no-restricted-logging',
      severity: 'error',
      file: 'src/checkout/pay.ts',
      line: 42,
      column: 5,
      endLine: 42,
      endColumn: 38,
      message: panLogged.message,
      confidence: 'declared',
      source: { file: 'src/types/customer.ts', line: 7, label: 'customer.card', kind: 'PAN' },
      data: [{ label: 'customer.card', kind: 'PAN', confidence: 'declared' }],
      sink: { kind: 'log', callee: 'logger.info', module: 'pino' },
      trace: [
        { file: 'src/checkout/pay.ts', line: 30, note: 'customer.card read into `card`' },
        { file: 'src/checkout/describe.ts', line: 12, note: 'passed to describePayment(card)' },
        { file: 'src/checkout/pay.ts', line: 42, note: 'returned summary passed to logger.info' },
      ],
    });
    expect(Object.keys((first?.['source'] ?? {}) as object)).toEqual(['file', 'line', 'label', 'kind']);
    expect(Object.keys((first?.['sink'] ?? {}) as object)).toEqual(['kind', 'callee', 'module']);
  });

  it('lists every datum one finding stands for, the source first', () => {
    const merged = (report['findings'] as Record<string, unknown>[]).find((f) => f['ruleId'] === 'no-pii-logging');
    expect(merged?.['data']).toStrictEqual([
      { label: 'user.email', kind: 'Email', confidence: 'inferred' },
      { label: 'user.phone', kind: 'PhoneNumber', confidence: 'inferred' },
    ]);
    expect(merged?.['source']).toMatchObject({ label: 'user.email' });
  });

  it('omits source and sink when the finding has none', () => {
    const literal = (report['findings'] as Record<string, unknown>[]).find((f) => f['ruleId'] === 'no-pan-literal');
    expect(Object.keys(literal ?? {})).toEqual([
      'ruleId', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'message', 'confidence', 'trace',
    ]);
    expect(literal?.['file']).toBe('src/fixtures data/seed.ts');
  });

  it('keeps suppressed findings out of findings and lists them with their reason', () => {
    expect((report['findings'] as unknown[]).length).toBe(3);
    const suppressed = report['suppressed'] as Record<string, unknown>[];
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0]?.['ruleId']).toBe('no-third-party-sharing');
    expect(suppressed[0]?.['reason']).toBe('consented marketing export, PRIV-12');
  });

  it('summarises unsuppressed findings by severity, file and rule', () => {
    expect(report['summary']).toStrictEqual({
      errors: 2,
      warnings: 1,
      suppressed: 1,
      files: 3,
      filesAnalyzed: 17,
      filesReadNotReported: 3,
      byRule: { 'no-pan-literal': 1, 'no-pii-logging': 1, 'no-restricted-logging': 1 },
      unresolvedImports: 0,
      unresolvedModules: [],
      durationMs: 1235,
    });
    expect(Object.keys(report['summary'] as object)).toEqual([
      'errors', 'warnings', 'suppressed', 'files', 'filesAnalyzed', 'filesReadNotReported', 'byRule', 'unresolvedImports', 'unresolvedModules', 'durationMs',
    ]);
  });

  it('leaves durationMs out when not given and prints an empty run', () => {
    const empty = JSON.parse(formatJson([], { cwd, filesAnalyzed: 4, filesReadNotReported: 0 })) as Record<string, unknown>;
    expect(empty).toStrictEqual({
      version: 1,
      findings: [],
      suppressed: [],
      summary: { errors: 0, warnings: 0, suppressed: 0, files: 0, filesAnalyzed: 4, filesReadNotReported: 0, byRule: {}, unresolvedImports: 0, unresolvedModules: [] },
    });
  });
});

describe('formatSarif', () => {
  const validate = compileSarifValidator();

  it('validates against the SARIF 2.1.0 schema', () => {
    const log = sarifLog();
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
  });

  it('is a schema the validator really enforces', () => {
    const log = sarifLog();
    const region = log.runs[0]?.results?.[0]?.locations?.[0]?.physicalLocation?.region;
    if (region === undefined) throw new Error('no region');
    region.startColumn = 0;
    const result = log.runs[0]?.results?.[3];
    if (result === undefined) throw new Error('no result');
    Object.assign(result, { level: 'warn' });
    expect(validate(log)).toBe(false);
    expect(validate.errors?.map((error) => error.instancePath)).toEqual([
      '/runs/0/results/0/locations/0/physicalLocation/region/startColumn',
      '/runs/0/results/3/level',
    ]);
  });

  it('describes the tool and every rule', () => {
    const driver = onlyRun(sarifLog()).tool.driver;
    expect(driver.name).toBe('classified');
    expect(driver.semanticVersion).toBe('0.1.0');
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(driver.rules?.map((rule) => rule.id)).toEqual(rules.map((rule) => rule.id));
    expect(driver.rules?.[2]).toMatchObject({
      id: 'no-pii-logging',
      shortDescription: { text: 'Disallow what no-pii-logging forbids' },
      helpUri: 'https://example.com/classified/docs/rules/no-pii-logging.md',
      defaultConfiguration: { level: 'warning' },
    });
  });

  it('maps a finding to a result with relative location, code flow and source', () => {
    const run = onlyRun(sarifLog());
    expect(run.originalUriBaseIds?.['%SRCROOT%']?.uri).toBe('file:///repo/shop/');
    const result = run.results?.[0];
    expect(result).toMatchObject({
      ruleId: 'no-restricted-logging',
      ruleIndex: 1,
      level: 'error',
      message: { text: panLogged.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'src/checkout/pay.ts', uriBaseId: '%SRCROOT%' },
            region: { startLine: 42, startColumn: 5, endLine: 42, endColumn: 38 },
          },
        },
      ],
      relatedLocations: [
        {
          physicalLocation: { artifactLocation: { uri: 'src/types/customer.ts', uriBaseId: '%SRCROOT%' }, region: { startLine: 7 } },
        },
      ],
    });
    const steps = result?.codeFlows?.[0]?.threadFlows[0]?.locations ?? [];
    expect(steps.map((step) => [step.location?.physicalLocation?.artifactLocation?.uri, step.location?.physicalLocation?.region?.startLine, step.location?.message?.text])).toEqual([
      ['src/checkout/pay.ts', 30, 'customer.card read into `card`'],
      ['src/checkout/describe.ts', 12, 'passed to describePayment(card)'],
      ['src/checkout/pay.ts', 42, 'returned summary passed to logger.info'],
    ]);
    expect(run.results?.[2]?.codeFlows).toBeUndefined();
    expect(run.results?.[1]?.level).toBe('warning');
  });

  it('gives every datum a merged finding lists its own related location', () => {
    const related = onlyRun(sarifLog()).results?.[1]?.relatedLocations ?? [];
    expect(related.map((location) => [location.id, location.physicalLocation?.region?.startLine, location.message?.text])).toEqual([
      [1, 5, 'source: user.email (Email)'],
      [2, 6, 'source: user.phone (PhoneNumber)'],
    ]);
  });

  it('keeps every artifact URI relative and percent-encoded', () => {
    const text = formatSarif(findings, { cwd, rules, toolVersion: '0.1.0' });
    const uris = [...text.matchAll(/"uri": "([^"]*)"/g)].map((match) => match[1] ?? '');
    const artifactUris = uris.filter((uri) => !uri.startsWith('file:///repo/shop/') && !uri.startsWith('https:'));
    expect(artifactUris.length).toBeGreaterThan(5);
    for (const uri of artifactUris) expect(uri).not.toMatch(/^(\/|file:|[a-z]:)/i);
    expect(artifactUris).toContain('src/fixtures%20data/seed.ts');
  });

  it('includes suppressed findings with an inSource suppression and its reason', () => {
    const suppressed = onlyRun(sarifLog()).results?.[3];
    expect(suppressed?.ruleId).toBe('no-third-party-sharing');
    expect(suppressed?.suppressions).toEqual([{ kind: 'inSource', justification: 'consented marketing export, PRIV-12' }]);
    expect(onlyRun(sarifLog()).results?.[0]?.suppressions).toBeUndefined();
  });

  it('fingerprints by rule, file, sink and data, not by line', () => {
    const fingerprint = (finding: Finding): string | undefined =>
      onlyRun(sarifLog([finding])).results?.[0]?.partialFingerprints?.['classifiedFindingHash/v1'];
    const moved = { ...panLogged, line: 90, endLine: 90, trace: [] };
    const otherSink: Finding = { ...panLogged, sink: { kind: 'log', callee: 'logger.warn', module: 'pino', reason: 'catalog: pino default.warn' } };
    expect(fingerprint(moved)).toBe(fingerprint(panLogged));
    expect(fingerprint(otherSink)).not.toBe(fingerprint(panLogged));
    const twice = onlyRun(sarifLog([panLogged, moved])).results?.map((result) => result.partialFingerprints?.['classifiedFindingHash/v1']);
    expect(twice?.[0]).toMatch(/:1$/);
    expect(twice?.[1]).toMatch(/:2$/);
  });
});

describe('formatText', () => {
  const options = { cwd, color: false, explain: false, filesAnalyzed: 17, filesReadNotReported: 0 };

  it('prints one block per finding with its trace, then the summary line', () => {
    const lines = formatText(findings, options).split('\n');
    expect(lines).toContain(`src/checkout/pay.ts:42:5  error  ${panLogged.message}  [no-restricted-logging]`);
    expect(lines).toContain('    ↳ src/checkout/describe.ts:12  passed to describePayment(card)');
    expect(lines).toContain(`src/users/signup.ts:8:3  warning  ${emailLogged.message}  [no-pii-logging]`);
    expect(lines.at(-2)).toBe('2 errors, 1 warning in 3 files (1 suppressed)');
    expect(lines.at(-1)).toBe('');
    expect(lines.join('\n')).not.toContain('analytics.track');
    expect(lines.join('\n')).not.toContain('why source');
  });

  it('uses exact singulars and omits the suppressed count when none', () => {
    const text = formatText([panLiteral], options);
    expect(text.endsWith('\n1 error, 0 warnings in 1 file\n')).toBe(true);
    expect(formatText([], options)).toBe('17 files analyzed\n0 errors, 0 warnings in 0 files\n');
  });

  it('says how many files were read for summaries but not reported', () => {
    expect(formatText([], { ...options, filesReadNotReported: 1 })).toBe(
      "17 files analyzed; 1 other file read but not reported (outside the tsconfig's files/include)\n0 errors, 0 warnings in 0 files\n",
    );
  });

  it('counts the imports that did not resolve by module, and lists them with --explain-unresolved', () => {
    const unseen = {
      imports: [
        { file: at('src/a.ts'), line: 2, module: '@acme/logger' },
        { file: at('src/b.ts'), line: 3, module: '@acme/logger' },
        { file: at('src/b.ts'), line: 4, module: 'segment-missing' },
      ],
      calls: [{ file: at('src/c.ts'), line: 9, column: 5, callee: 'fetch', kind: 'http' as const, reason: 'host not known statically: endpoint' }],
    };
    expect(formatText([], { ...options, unseen })).toBe(
      '3 imports did not resolve, so sinks behind them cannot be recognised: @acme/logger (2), segment-missing (1); --explain-unresolved lists them\n17 files analyzed\n0 errors, 0 warnings in 0 files\n',
    );
    const listed = formatText([], { ...options, unseen, explainUnresolved: true });
    expect(listed).toContain('1 call that looks like logging or an HTTP request resolved to no sink:\n  src/c.ts:9:5  fetch  host not known statically: endpoint\n');
    expect(listed).toContain('3 imports did not resolve:\n  src/a.ts:2  @acme/logger\n');
    expect(formatText([], { ...options, explainUnresolved: true })).toMatch(/^Nothing unresolved: /);
  });

  it('explains why the source is classified and why the callee is a sink', () => {
    const text = formatText([panLogged], { ...options, explain: true });
    expect(text).toContain('    why source: declared as PAN at src/types/customer.ts:7\n');
    expect(text).toContain('    why sink: catalog: pino default.info\n');
  });

  it('colours only when asked', () => {
    expect(formatText(findings, options)).not.toContain('\u001b[');
    const coloured = formatText(findings, { ...options, color: true });
    expect(coloured).toContain('\u001b[31merror\u001b[39m');
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(formatText(findings, options));
  });
});

describe('card numbers in output', () => {
  const outputs = {
    json: formatJson(findings, { cwd, filesAnalyzed: 17, filesReadNotReported: 0 }),
    sarif: formatSarif(findings, { cwd, rules, toolVersion: '0.1.0' }),
    text: formatText(findings, { cwd, color: false, explain: true, filesAnalyzed: 17, filesReadNotReported: 0 }),
    colouredText: formatText(findings, { cwd, color: true, explain: true, filesAnalyzed: 17, filesReadNotReported: 0 }),
  };

  it.each(Object.entries(outputs))('%s never contains the full number and shows the masked form', (_name, output) => {
    expect(output).not.toContain(CARD_SPACED);
    expect(output.replace(/[\s-]/g, '')).not.toContain(CARD_DIGITS);
    expect(output).toContain('****1111');
  });
});
