/**
 * The ESLint plugin's shape and its failure modes: one rule per definition with the documented
 * meta, presets usable both spread and as one object, the standard error without type
 * information, config errors that name their source and JSON path, and ESLint's own disable
 * comments hiding a finding.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { rules as definitions } from '../rules/index.js';
import { TYPESCRIPT_FILES } from '../src/eslint/create-preset.js';
import classified from '../src/eslint/index.js';
import { plugin } from '../src/eslint/plugin.js';
import { RULE_TESTER_ROOT } from './helpers/rule-tester.js';

const ROOT = path.resolve(__dirname, '..');
const temporaryDirectories: string[] = [];

afterAll(() => {
  for (const directory of temporaryDirectories) fs.rmSync(directory, { recursive: true, force: true });
});

function readManifestVersion(): string {
  const manifest: unknown = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  if (typeof manifest !== 'object' || manifest === null || !('version' in manifest) || typeof manifest.version !== 'string') throw new Error('package.json has no version');
  return manifest.version;
}

/** A throwaway TypeScript project outside the repository, so no classified.config.json above applies. */
function createProject(files: Readonly<Record<string, string>>): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'classified-eslint-'));
  temporaryDirectories.push(directory);
  const tsconfig = { compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', noEmit: true, types: [] }, include: ['*.ts'] };
  fs.writeFileSync(path.join(directory, 'tsconfig.json'), JSON.stringify(tsconfig));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(directory, name), text);
  return directory;
}

const LEAKY_SNIPPET = `
type Customer = { email: string };
export function signedUp(customer: Customer): void {
  console.log(customer.email);
}
`;

describe('plugin shape', () => {
  it('names itself and carries the package version', () => {
    expect(plugin.meta).toEqual({ name: 'classified', version: readManifestVersion() });
  });

  it('has one rule per definition, with typescript-eslint meta', () => {
    expect(Object.keys(plugin.rules).sort()).toEqual(definitions.map((definition) => definition.id).sort());
    for (const definition of definitions) {
      const rule = plugin.rules[definition.id];
      expect(rule?.meta.docs).toEqual({
        description: definition.meta.docs.description,
        recommended: definition.meta.docs.recommended,
        requiresTypeChecking: true,
        url: `https://github.com/classified-dev/classified/blob/main/docs/rules/${definition.id}.md`,
      });
      expect(rule?.meta.type).toBe(definition.meta.type);
      // the rules that can report untyped payloads take `{ possible: boolean }`, the others nothing
      const takesPossible = ['no-third-party-sharing', 'telemetry-deidentified', 'no-identifiable-training-data'].includes(definition.id);
      expect(rule?.meta.schema).toEqual(takesPossible ? [expect.objectContaining({ type: 'object', properties: { possible: expect.objectContaining({ type: 'boolean' }) } })] : []);
      expect(rule?.meta.hasSuggestions === true).toBe(definition.meta.suggestion !== undefined);
      expect(rule?.meta.messages).toMatchObject(definition.meta.messages);
    }
  });

  it('enables the recommended rules in configs.recommended and every rule in configs.strict', () => {
    const recommended = Object.fromEntries(
      definitions.filter((definition) => definition.meta.docs.recommended).map((definition) => [`classified/${definition.id}`, 'error']),
    );
    expect(plugin.configs.recommended.rules).toEqual(recommended);
    const possible = new Set(['no-third-party-sharing', 'telemetry-deidentified', 'no-identifiable-training-data']);
    expect(plugin.configs.strict.rules).toEqual(Object.fromEntries(definitions.map((definition) => [`classified/${definition.id}`, possible.has(definition.id) ? ['error', { possible: true }] : 'error'])));
    expect(plugin.configs.strict.linterOptions).toEqual({ reportUnusedDisableDirectives: 'error' });
    for (const preset of [plugin.configs.recommended, plugin.configs.strict]) {
      expect(preset.files).toEqual([...TYPESCRIPT_FILES]);
      expect(preset.plugins?.['classified']).toBe(plugin);
      expect(preset.languageOptions?.parserOptions).toEqual({ projectService: true });
      expect(preset.languageOptions?.parser?.meta?.name).toBe('typescript-eslint/parser');
    }
  });

  it('spreads into an array as itself, and spreads into an object without the iterator', () => {
    expect([...plugin.configs.recommended]).toEqual([plugin.configs.recommended]);
    expect([...plugin.configs.recommended][0]).toBe(plugin.configs.recommended);
    expect(Object.keys({ ...plugin.configs.strict })).toEqual(['name', 'files', 'languageOptions', 'plugins', 'rules', 'linterOptions']);
  });

  it('loads from the built package with require() as the plugin itself', () => {
    const script = `const p = require(${JSON.stringify(path.join(ROOT, 'dist/src/eslint/index.js'))}); process.stdout.write(JSON.stringify([p.meta.name, Object.keys(p.rules).length, [...p.configs.recommended].length, p.configs.recommended.plugins.classified === p]));`;
    expect(JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }))).toEqual(['classified', definitions.length, 1, true]);
  });

  it('loads from the built package with import as the plugin itself', () => {
    const script = `import p from ${JSON.stringify(`file://${path.join(ROOT, 'dist/src/eslint/index.js')}`)}; process.stdout.write(JSON.stringify([p.meta.name, Object.keys(p.rules).length, p.configs.strict.name]));`;
    expect(JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }))).toEqual(['classified', definitions.length, 'classified/strict']);
  });
});

describe('presets in ESLint', () => {
  const shapes: readonly (readonly [string, () => Parameters<typeof defineConfig>])[] = [
    ['spread into the config array', () => [...classified.configs.recommended]],
    ['as one config object', () => [classified.configs.recommended]],
    ['spread into an object with other files', () => [{ ...classified.configs.recommended, files: ['*.ts'] }]],
    ['through defineConfig extends', () => [{ files: ['**/*.ts'], extends: [classified.configs.recommended] }]],
    ['through tseslint.config()', () => [...tseslint.config(classified.configs.recommended)]],
  ];
  for (const [shape, createConfig] of shapes) {
    it(`reports a finding with configs.recommended ${shape}`, async () => {
      const cwd = createProject({ 'app.ts': LEAKY_SNIPPET });
      const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: defineConfig(...createConfig()) });
      const [result] = await eslint.lintFiles(['app.ts']);
      expect(result?.messages.map((message) => [message.ruleId, message.line, message.column])).toEqual([['classified/no-pii-logging', 4, 15]]);
    });
  }
});

describe('failure modes', () => {
  it('fails with the standard typescript-eslint message without type information', async () => {
    const cwd = createProject({ 'app.ts': LEAKY_SNIPPET });
    const eslint = new ESLint({
      cwd,
      overrideConfigFile: true,
      overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, plugins: { classified }, rules: { 'classified/no-pii-logging': 'error' } }],
    });
    await expect(eslint.lintFiles(['app.ts'])).rejects.toThrow(/classified\/no-pii-logging.*You have used a rule which requires type information/s);
  });

  it('names ESLint settings and the JSON path when settings.classified is invalid', async () => {
    const cwd = createProject({ 'app.ts': LEAKY_SNIPPET });
    const eslint = new ESLint({
      cwd,
      overrideConfigFile: true,
      overrideConfig: [...classified.configs.recommended, { settings: { classified: { firstPartyHosts: 'api.example.com' } } }],
    });
    await expect(eslint.lintFiles(['app.ts'])).rejects.toThrow('ESLint settings.classified: at $.firstPartyHosts expected');
  });

  it('names the file and the JSON path when classified.config.json is invalid', async () => {
    const cwd = createProject({ 'app.ts': LEAKY_SNIPPET, 'classified.config.json': '{ "inference": "sometimes" }' });
    const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: [...classified.configs.recommended] });
    await expect(eslint.lintFiles(['app.ts'])).rejects.toThrow(`${path.join(cwd, 'classified.config.json')}: at $.inference expected`);
  });

  it('uses classified.config.json next to the tsconfig when settings are absent', async () => {
    const cwd = createProject({ 'app.ts': LEAKY_SNIPPET, 'classified.config.json': '{ "inference": "off" }' });
    const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: [...classified.configs.recommended] });
    const [result] = await eslint.lintFiles(['app.ts']);
    expect(result?.messages).toEqual([]);
  });
});

describe('suppressions', () => {
  it('reports suppressed findings so that ESLint disable comments hide them', async () => {
    const eslint = new ESLint({ cwd: RULE_TESTER_ROOT, overrideConfigFile: true, overrideConfig: [...classified.configs.strict] });
    const code = `
export function signedUp(customer: { email: string }): void {
  // eslint-disable-next-line classified/no-pii-logging -- support audit trail approved by the DPO
  console.log(customer.email);
}
`;
    const [result] = await eslint.lintText(code, { filePath: path.join(RULE_TESTER_ROOT, 'file.ts') });
    expect(result?.messages).toEqual([]);
    expect(result?.suppressedMessages.map((message) => [message.ruleId, message.line, message.suppressions])).toEqual([
      ['classified/no-pii-logging', 4, [{ kind: 'directive', justification: 'support audit trail approved by the DPO' }]],
    ]);
  });
});
