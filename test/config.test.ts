import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it, expect } from 'vitest';
import {
  ConfigError,
  findConfigFile,
  getConfigSchemaPath,
  loadConfigFile,
  normalizeDimensionName,
  resolveConfig,
  validateConfig,
  type ConfigProblem,
} from '../src/policy/config.js';
import { SINK_KINDS } from '../src/policy/types.js';

const RULE_IDS = [
  'no-pan-storage',
  'no-pan-literal',
  'no-restricted-logging',
  'no-pii-logging',
  'restricted-storage',
  'no-cross-region-transfer',
  'no-third-party-sharing',
  'telemetry-deidentified',
  'no-identifiable-training-data',
  'no-unsafe-declassification',
  'require-access-grant',
];

function readSchema(): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(getConfigSchemaPath(), 'utf8')) as Record<string, unknown>;
}

/** Runs `load` and returns the ConfigError it throws; fails the test when it does not throw one. */
function catchConfigError(load: () => unknown): ConfigError {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

function problemsOf(value: unknown): readonly ConfigProblem[] {
  return catchConfigError(() => validateConfig(value, 'classified.config.json')).problems;
}

function makeTempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'classified-config-'));
}

describe('config schema', () => {
  // The shipped examples double as documentation, so they must stay valid.
  it('accepts every example in the schema', () => {
    const examples = readSchema()['examples'];
    expect(Array.isArray(examples) && examples.length > 0).toBe(true);
    for (const example of Array.isArray(examples) ? examples : []) {
      expect(() => validateConfig(example, 'example')).not.toThrow();
    }
  });

  // The schema is hand-written JSON; keep its lists in step with the code and DESIGN.md.
  it('lists the sink kinds and rule ids of the design', () => {
    const schema = readSchema();
    expect(JSON.stringify(schema)).toContain(JSON.stringify([...SINK_KINDS]));
    expect(JSON.stringify(schema)).toContain(JSON.stringify(RULE_IDS));
  });

  // Editors show descriptions on hover and completion; a property without one is a gap.
  it('describes every property', () => {
    const undescribed: string[] = [];
    const visit = (node: unknown, where: string): void => {
      if (Array.isArray(node)) node.forEach((child, index) => visit(child, `${where}/${index}`));
      if (typeof node !== 'object' || node === null) return;
      for (const [key, child] of Object.entries(node)) {
        if (key === 'examples') continue;
        if (key === 'properties' && typeof child === 'object' && child !== null) {
          for (const [name, property] of Object.entries(child)) {
            if (typeof property !== 'object' || property === null || !('description' in property)) {
              undescribed.push(`${where}/properties/${name}`);
            }
          }
        }
        visit(child, `${where}/${key}`);
      }
    };
    visit(readSchema(), '#');
    expect(undescribed).toEqual([]);
  });
});

describe('validateConfig', () => {
  // Every key is optional, and the string form of inference is allowed.
  it('accepts an empty config and minimal forms', () => {
    expect(validateConfig({}, 'c.json')).toEqual({});
    expect(validateConfig({ inference: 'off', rules: { 'no-pii-logging': 'warn' } }, 'c.json')).toEqual({
      inference: 'off',
      rules: { 'no-pii-logging': 'warn' },
    });
  });

  // The message is the user-facing report: file, JSON path, expectation, and no stack frames.
  it('formats each problem as "<file>: at <path> expected <what>"', () => {
    const error = catchConfigError(() => validateConfig({ sinks: [{ kind: 'lg', module: 'm', path: 'p' }] }, 'proj/c.json'));
    expect(error.file).toBe('proj/c.json');
    expect(error.message).toBe(
      'proj/c.json: at $.sinks[0].kind expected one of "log", "storage", "vault", "browser-storage", ' +
        '"third-party", "cross-region", "telemetry", "ml-training", "payment-processor", "processor"',
    );
    expect(error.message).not.toMatch(/\n\s+at /);
  });

  // A wrong JSON type is named in words.
  it('reports a wrong type', () => {
    expect(problemsOf({ firstPartyHosts: 'api.example.com' })).toEqual([
      { path: '$.firstPartyHosts', expected: 'an array' },
    ]);
    expect(problemsOf({ telemetry: { allowedDimensions: [3] } })).toEqual([
      { path: '$.telemetry.allowedDimensions[0]', expected: 'a string' },
    ]);
  });

  // processors are validated like sinks: each entry names its vendor one way and the kinds it may receive
  it('accepts processors by module and path or by host, and says what a malformed one lacks', () => {
    const processors = [
      { module: 'twilio', path: 'Twilio.messages.create', kinds: ['PhoneNumber'] },
      { host: 'api.postmarkapp.com', pathPrefix: '/email', kinds: ['Email'], library: 'Postmark' },
    ];
    expect(validateConfig({ processors }, 'c.json')).toEqual({ processors });
    expect(problemsOf({ processors: [{ module: 'twilio', path: 'Twilio.messages.create' }] })).toEqual([
      { path: '$.processors[0]', expected: 'a property "kinds"' },
    ]);
    expect(problemsOf({ processors: [{ module: 'twilio', kinds: ['PhoneNumber'] }] })).toEqual([
      { path: '$.processors[0]', expected: 'a property "path"' },
    ]);
    expect(problemsOf({ processors: [{ host: 'https://api.postmarkapp.com/email', kinds: [''] }] })).toEqual([
      { path: '$.processors[0].kinds[0]', expected: 'a non-empty string' },
      { path: '$.processors[0].host', expected: 'a string matching ^(\\*\\.)?[A-Za-z0-9.-]+$' },
    ]);
    expect(problemsOf({ processors: [{ host: 'api.postmarkapp.com', kinds: ['Email'], pathprefix: '/email' }] })[0]).toEqual({
      path: '$.processors[0]',
      expected: 'no property "pathprefix" (unknown key), did you mean "pathPrefix"?',
    });
  });

  // the project's processors become processor sinks and hosts; the module ones decide a call before the catalog
  it('resolves processors into processor sinks and hosts', () => {
    const resolved = resolveConfig({ processors: [{ module: 'twilio', path: 'Twilio.messages.create', kinds: ['PhoneNumber'], args: [0] }, { host: 'api.postmarkapp.com', kinds: ['Email'] }] });
    expect(resolved.processorSinks).toEqual([{ kind: 'processor', module: 'twilio', path: 'Twilio.messages.create', kinds: ['PhoneNumber'], args: [0] }]);
    expect(resolved.processorHosts).toEqual([{ host: 'api.postmarkapp.com', kinds: ['Email'] }]);
  });

  // access.entryPoints is validated like every other key: a malformed decorator or route says what was expected.
  it('reports malformed access entry points', () => {
    expect(problemsOf({ access: { entryPoints: { decorators: ['Roles(support'], routePrefixes: ['/support orders'], files: [''] } } })).toEqual([
      { path: '$.access.entryPoints.files[0]', expected: 'a non-empty string' },
      { path: '$.access.entryPoints.decorators[0]', expected: 'a string matching ^@?[A-Za-z_$][\\w$.]*(\\(.*\\))?$' },
      { path: '$.access.entryPoints.routePrefixes[0]', expected: 'a string matching ^/?[^\\s]+$' },
    ]);
    expect(problemsOf({ access: { entrypoints: {} } })[0]?.expected).toContain('did you mean "entryPoints"?');
  });

  // Typos in keys are the most common config mistake; they must not be ignored silently.
  it('reports unknown keys, with a suggestion when one is close', () => {
    const [foo] = problemsOf({ foo: 1 });
    expect(foo?.path).toBe('$');
    expect(foo?.expected).toContain('no property "foo" (unknown key)');
    expect(problemsOf({ sink: [] })).toEqual([
      { path: '$', expected: 'no property "sink" (unknown key), did you mean "sinks"?' },
    ]);
    expect(problemsOf({ sinks: [{ kind: 'log', global: 'x', severity: 'high' }] })[0]?.path).toBe('$.sinks[0]');
  });

  // Rule ids are a closed set; the error names the unknown id once, not once per schema keyword.
  it('reports a bad rule id and a bad severity', () => {
    expect(problemsOf({ rules: { 'no-pii-log': 'warn', 'no-pan-literal': 2 } })).toEqual([
      { path: '$.rules', expected: 'no property "no-pii-log" (unknown key), did you mean "no-pii-logging"?' },
      { path: '$.rules["no-pan-literal"]', expected: 'one of "error", "warn", "off"' },
    ]);
    const [unrelated] = problemsOf({ rules: { bogus: 'off' } });
    expect(unrelated?.expected).toContain('"no-unsafe-declassification"');
  });

  // module+path and global are alternatives; the oneOf noise collapses to one expectation.
  it('reports how an API must be addressed', () => {
    expect(problemsOf({ sinks: [{ kind: 'log', module: 'pino' }] })).toEqual([
      { path: '$.sinks[0]', expected: 'a property "path"' },
    ]);
    expect(problemsOf({ sanitizers: [{ to: 'public', module: 'm', path: 'p', global: 'g' }] })).toEqual([
      { path: '$.sanitizers[0]', expected: 'either properties "module" and "path" or property "global" (not both)' },
    ]);
  });

  // anyOf between a string and an object: the object's own errors are the useful ones.
  it('reports inference mistakes against the form the user chose', () => {
    expect(problemsOf({ inference: { mode: 'name', add: { loyaltyNumber: 'secret' } } })).toEqual([
      { path: '$.inference.mode', expected: 'one of "names", "off"' },
      { path: '$.inference.add.loyaltyNumber', expected: 'one of "internal", "confidential", "restricted"' },
    ]);
    expect(problemsOf({ inference: 3 })).toEqual([{ path: '$.inference', expected: 'either "names", "off" or an object' }]);
  });

  // Users fix all mistakes in one round trip.
  it('reports every problem, not only the first', () => {
    const problems = problemsOf({
      sinks: [{ kind: 'log', global: 'x', args: [-1], when: { arg: 0, equals: [] } }],
      testFiles: [''],
    });
    expect(problems).toEqual([
      { path: '$.sinks[0].args[0]', expected: 'an integer >= 0' },
      { path: '$.sinks[0].when.equals', expected: 'a non-empty array' },
      { path: '$.testFiles[0]', expected: 'a non-empty string' },
    ]);
  });

  // Adversarial or cyclic input (ESLint settings can be any object) is refused before ajv.
  it('rejects deep nesting, huge configs and cycles', () => {
    let deep: unknown = 'leaf';
    for (let level = 0; level < 70; level++) deep = [deep];
    const [nesting] = problemsOf({ firstPartyHosts: deep });
    expect(nesting?.expected).toBe('nesting at most 64 levels deep');
    expect(nesting?.path.startsWith('$.firstPartyHosts[0][0]')).toBe(true);

    expect(problemsOf({ firstPartyHosts: new Array<string>(100_001).fill('a') })).toEqual([
      { path: '$', expected: 'at most 100000 JSON values in total (the config has more)' },
    ]);

    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(problemsOf(cyclic)[0]?.expected).toBe('nesting at most 64 levels deep');
  });
});

describe('loadConfigFile', () => {
  // The happy path reads JSON and validates it.
  it('loads a valid file, with or without a UTF-8 BOM', () => {
    const directory = makeTempDir();
    const file = path.join(directory, 'classified.config.json');
    fs.writeFileSync(file, '\uFEFF{ "firstPartyHosts": ["api.example.com"] }');
    expect(loadConfigFile(file)).toEqual({ firstPartyHosts: ['api.example.com'] });
  });

  // Configs are read like tsconfig.json: users expect comments and trailing commas to work.
  it('loads a file with line and block comments and trailing commas', () => {
    const file = path.join(makeTempDir(), 'classified.config.json');
    fs.writeFileSync(file, '{\n  // our own log wrapper\n  "sinks": [\n    { "kind": "log", "module": "./audit.js", "path": "write", },\n  ],\n  /* staging and prod */\n  "firstPartyHosts": ["api.example.com",],\n}\n');
    // a relative module names a file next to the config file, wherever the tsconfig is
    expect(loadConfigFile(file)).toEqual({ sinks: [{ kind: 'log', module: path.join(path.dirname(file), 'audit.js'), path: 'write' }], firstPartyHosts: ['api.example.com'] });
  });

  // A broken file says where: line, column and the JSON path, with the usual cause when it is one.
  it('reports JSON syntax errors with line, column and JSON path', () => {
    const file = path.join(makeTempDir(), 'classified.config.json');
    const problemsFor = (text: string): readonly ConfigProblem[] => {
      fs.writeFileSync(file, text);
      const error = catchConfigError(() => loadConfigFile(file));
      expect(error.file).toBe(file);
      return error.problems;
    };
    expect(problemsFor('{\n  "sinks": [\n    { "kind": "log" "module": "x" }\n  ]\n}\n')).toEqual([
      { path: '$.sinks[0].module', expected: 'valid JSON at line 3, column 21: unexpected "\\"" (expected "," between entries)' },
    ]);
    expect(problemsFor('{ "testFiles": ["e2e/**"')).toEqual([
      { path: '$.testFiles[0]', expected: 'valid JSON at line 1, column 25: unexpected end of input (expected "," or "]")' },
    ]);
    expect(problemsFor("// settings\n{ 'rules': {} }")).toEqual([
      { path: '$', expected: 'valid JSON at line 2, column 3: unexpected "\'" (strings and property names need double quotes)' },
    ]);
    expect(problemsFor('{ "rules": { noPiiLogging: "off" } }')).toEqual([
      { path: '$.rules', expected: 'valid JSON at line 1, column 14: unexpected "n" (property names need double quotes)' },
    ]);
    expect(problemsFor('{ "telemetry": { "allowedDimensions": ["a\nb"] } }')).toEqual([
      { path: '$.telemetry.allowedDimensions[0]', expected: 'valid JSON at line 1, column 40: unterminated string (a string ends on the line it starts)' },
    ]);
    expect(problemsFor('')).toEqual([{ path: '$', expected: 'valid JSON at line 1, column 1: unexpected end of input (expected a value)' }]);
  });

  // The parser recurses per level: a deep file is refused before it is parsed, without a crash.
  it('refuses nesting deeper than the limit before parsing', () => {
    const file = path.join(makeTempDir(), 'classified.config.json');
    fs.writeFileSync(file, `// deep\n{ "firstPartyHosts": ${'['.repeat(100_000)}${']'.repeat(100_000)} }`);
    const [problem, ...rest] = catchConfigError(() => loadConfigFile(file)).problems;
    expect(rest).toEqual([]);
    expect(problem?.path).toBe(`$.firstPartyHosts${'[0]'.repeat(63)}`);
    expect(problem?.expected).toBe('nesting at most 64 levels deep (line 2, column 85)');
  });

  // A missing --config file is a config error (exit 2), not a crash.
  it('reports a missing file as a ConfigError', () => {
    const file = path.join(makeTempDir(), 'missing.json');
    expect(catchConfigError(() => loadConfigFile(file)).message).toBe(
      `${file}: at $ expected an existing file (file not found)`,
    );
  });

  // Schema problems from a file carry that file's name.
  it('reports schema problems with the file name', () => {
    const file = path.join(makeTempDir(), 'classified.config.json');
    fs.writeFileSync(file, '{ "rules": { "no-pan-storage": "fatal" } }');
    expect(catchConfigError(() => loadConfigFile(file)).message).toBe(
      `${file}: at $.rules["no-pan-storage"] expected one of "error", "warn", "off"`,
    );
  });
});

describe('findConfigFile', () => {
  // The config at the project root applies to commands run in subdirectories.
  it('finds the config in a parent directory', () => {
    const root = makeTempDir();
    const nested = path.join(root, 'packages', 'shop', 'src');
    fs.mkdirSync(nested, { recursive: true });
    fs.writeFileSync(path.join(root, 'classified.config.json'), '{}');
    expect(findConfigFile(nested)).toBe(path.join(root, 'classified.config.json'));
  });

  // A config above the repository root belongs to something else.
  it('stops at a directory containing .git', () => {
    const outside = makeTempDir();
    const repository = path.join(outside, 'repo');
    fs.mkdirSync(path.join(repository, '.git'), { recursive: true });
    fs.mkdirSync(path.join(repository, 'src'));
    fs.writeFileSync(path.join(outside, 'classified.config.json'), '{}');
    expect(findConfigFile(path.join(repository, 'src'))).toBeUndefined();
  });
});

describe('resolveConfig', () => {
  // Dimension names compare case- and separator-insensitively (DESIGN.md section 5).
  it('normalises dimension names', () => {
    const forms = ['tenant_id', 'tenantId', 'tenant.id', 'Tenant-ID', 'tenant id'].map(normalizeDimensionName);
    expect(new Set(forms)).toEqual(new Set(['tenantid']));
  });

  // Defaults are always present; user lists extend them.
  it('merges defaults and user settings', () => {
    const resolved = resolveConfig({
      telemetry: { allowedDimensions: ['cache_hit'] },
      inference: { mode: 'names', add: { loyaltyNumber: 'confidential' }, ignore: ['displayName'] },
      rules: { 'no-pan-literal': 'warn' },
      firstPartyHosts: ['api.example.com'],
    });
    expect(resolved.allowedDimensions.has(normalizeDimensionName('tenantId'))).toBe(true);
    expect(resolved.allowedDimensions.has(normalizeDimensionName('http.response.status_code'))).toBe(true);
    expect(resolved.allowedDimensions.has('cachehit')).toBe(true);
    expect(resolved.allowedDimensions.has('email')).toBe(false);
    expect(resolved.inference.mode).toBe('names');
    expect(resolved.inference.add.get('loyaltyNumber')).toBe('confidential');
    expect(resolved.inference.ignore.has('displayName')).toBe(true);
    expect([...resolved.rules]).toEqual([['no-pan-literal', 'warn']]);
    expect(resolved.firstPartyHosts).toEqual(['api.example.com']);
    expect(resolved.sinks).toEqual([]);

    const empty = resolveConfig({ inference: 'off' });
    expect(empty.inference.mode).toBe('off');
    expect(empty.rules.size).toBe(0);
  });

  // No rule reports findings in test files (test card numbers aside), so the defaults matter.
  it('recognises test files by default globs and user globs', () => {
    const { isTestFile } = resolveConfig({ testFiles: ['**/*.stories.tsx'] });
    for (const testPath of [
      'src/pay.test.ts',
      'pay.spec.tsx',
      'src/checkout.e2e.ts',
      'apps/api/test/app.e2e-spec.ts',
      'src/__tests__/pay.ts',
      'test/helpers.ts',
      'packages/shop/tests/card.ts',
      'fixtures/app/test/cards.ts',
      'e2e/checkout.ts',
      'apps/web/e2e/login.ts',
      'cypress/support/commands.ts',
      'packages/ui/playwright/fixtures.ts',
      'src/__mocks__/stripe.ts',
      'src/Button.stories.tsx',
      'src\\__tests__\\windows.ts',
      './test/dot-slash.ts',
    ]) {
      expect(isTestFile(testPath), testPath).toBe(true);
    }
    for (const sourcePath of ['src/pay.ts', 'src/testing.ts', 'src/contest/entry.ts', 'latest.ts', 'src/e2e-config.ts', 'src/mocks/stripe.ts', 'src/Button.tsx']) {
      expect(isTestFile(sourcePath), sourcePath).toBe(false);
    }
  });

  it('resolves access entry points: file globs, decorator patterns and route prefixes', () => {
    const { access } = resolveConfig({ access: { entryPoints: { files: ['src/support/**'], decorators: ["@Roles( 'support' )", 'SupportOnly'], routePrefixes: ['/support/'] } } });
    expect(access.hasEntryFiles).toBe(true);
    expect(access.isEntryFile('src/support/orders.ts')).toBe(true);
    expect(access.isEntryFile('src\\support\\orders.ts')).toBe(true);
    expect(access.isEntryFile('src/shop/orders.ts')).toBe(false);
    expect(access.decorators).toEqual([{ name: 'Roles', args: "'support'" }, { name: 'SupportOnly', args: undefined }]);
    expect(access.routePrefixes).toEqual(['support']);
    expect(resolveConfig({}).access.hasEntryFiles).toBe(false);
  });
});
