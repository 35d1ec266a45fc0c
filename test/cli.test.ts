/**
 * `classified check` end to end on the example app: the commands run in this process (see
 * helpers/run-cli.ts); the built launcher is spawned where the process is the point.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliResult } from './helpers/run-cli.js';

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'classified.js');
const EXAMPLE = 'fixtures/example-shop';
const TMP = path.join(ROOT, '.tmp', 'cli-tests');

function run(...args: string[]): Promise<CliResult> {
  return runCli(args, { cwd: ROOT });
}

/** `check --format json` of the example app, run once for the tests that read it. */
let exampleJson: Promise<CliResult> | undefined;
function runExampleJson(): Promise<CliResult> {
  exampleJson ??= run('check', '--project', EXAMPLE, '--format', 'json');
  return exampleJson;
}

function spawnBin(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function writeConfig(name: string, text: string): string {
  fs.mkdirSync(TMP, { recursive: true });
  const file = path.join(TMP, name);
  fs.writeFileSync(file, text);
  return file;
}

describe('classified check', () => {
  it('prints findings with traces for the example app and exits 1', async () => {
    const result = await run('check', '--project', EXAMPLE);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/fixtures\/example-shop\/src\/\S+:\d+:\d+ {2}error {2}.+\[no-pii-logging\]/);
    expect(result.stdout).toContain('↳');
    expect(result.stdout).toMatch(/^\d+ errors, 0 warnings in \d+ files \(1 suppressed\)$/m);
  });

  it('writes the JSON contract of DESIGN.md section 6', async () => {
    const result = await runExampleJson();
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { version: number; findings: Record<string, unknown>[]; summary: Record<string, unknown> };
    expect(report.version).toBe(1);
    expect(Object.keys(report)).toEqual(['version', 'findings', 'suppressed', 'summary']);
    const flow = report.findings.find((finding) => finding.ruleId === 'no-pii-logging');
    expect(Object.keys(flow ?? {})).toEqual(['ruleId', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'message', 'confidence', 'source', 'data', 'sink', 'trace']);
    expect(flow?.file).toMatch(/^fixtures\/example-shop\/src\//);
    expect(Object.keys(flow?.source as object)).toEqual(['file', 'line', 'label', 'kind']);
    expect(Object.keys(flow?.sink as object)).toEqual(['kind', 'callee', 'module']);
    expect((flow?.trace as unknown[]).length).toBeGreaterThan(0);
  });

  it('lists with --explain-unresolved the requests whose host it cannot judge, in text and JSON', async () => {
    const text = spawnBin('check', '--project', EXAMPLE, '--explain-unresolved', '--no-color');
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('3 calls that look like logging or an HTTP request resolved to no sink:');
    expect(text.stdout).toMatch(/^ {2}fixtures\/example-shop\/src\/integrations\/outbound\.ts:32:13 {2}axios\.post {2}host not known statically: endpoint\.url$/m);
    const json = await run('check', '--project', EXAMPLE, '--format', 'json', '--explain-unresolved');
    const report = JSON.parse(json.stdout) as { unresolved: { imports: unknown[]; calls: { file: string; line: number; kind: string }[] }; summary: { unresolvedImports: number } };
    expect(report.summary.unresolvedImports).toBe(0);
    expect(report.unresolved.calls.map((call) => `${call.file}:${call.line} ${call.kind}`)).toEqual([
      'fixtures/example-shop/src/integrations/outbound.ts:32 http',
      'fixtures/example-shop/src/integrations/outbound.ts:74 http',
      'fixtures/example-shop/src/storage/clients.ts:34 http',
    ]);
    // without the flag the lists are left out; the count of unresolved imports is always there
    const plain = JSON.parse((await runExampleJson()).stdout) as Record<string, unknown>;
    expect(plain).not.toHaveProperty('unresolved');
    expect(plain.summary).toMatchObject({ unresolvedImports: 0, unresolvedModules: [] });
  });

  it('writes SARIF 2.1.0 with one result per finding, suppressed ones marked', async () => {
    const json = JSON.parse((await runExampleJson()).stdout) as { findings: unknown[] };
    const sarif = JSON.parse((await run('check', '--project', EXAMPLE, '--format', 'sarif')).stdout) as {
      version: string;
      runs: { results: { suppressions?: unknown[]; codeFlows?: unknown[] }[] }[];
    };
    expect(sarif.version).toBe('2.1.0');
    const results = sarif.runs[0]?.results ?? [];
    expect(results.filter((result) => result.suppressions === undefined)).toHaveLength(json.findings.length);
    expect(results.filter((result) => result.suppressions !== undefined)).toHaveLength(1);
    expect(results.some((result) => (result.codeFlows ?? []).length > 0)).toBe(true);
  });

  it('never prints a full card number in any format', async () => {
    for (const format of ['text', 'json', 'sarif']) {
      const output = (await run('check', '--project', EXAMPLE, '--format', format, '--explain')).stdout;
      expect(output).not.toMatch(/4539[ -]?1607[ -]?2855[ -]?1387/);
      expect(output).toContain('****1387');
    }
  });

  it('filters by paths and writes to --output', async () => {
    const output = path.join(TMP, 'report.json');
    fs.mkdirSync(TMP, { recursive: true });
    const result = await run('check', '--project', EXAMPLE, '--format', 'json', '--output', output, 'fixtures/example-shop/src/web');
    expect(result.status).toBe(1);
    const report = JSON.parse(fs.readFileSync(output, 'utf8')) as { findings: { file: string }[] };
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings.every((finding) => finding.file.startsWith('fixtures/example-shop/src/web/'))).toBe(true);
    // the analysis focuses on the paths, and finds there what the whole check finds
    const whole = JSON.parse((await runExampleJson()).stdout) as { findings: { file: string }[] };
    expect(report.findings).toEqual(whole.findings.filter((finding) => finding.file.startsWith('fixtures/example-shop/src/web/')));
  });

  it('uses rule severities from the config and --max-warnings', async () => {
    const rules = Object.fromEntries(
      ['no-pan-storage', 'no-pan-literal', 'no-restricted-logging', 'no-pii-logging', 'restricted-storage', 'no-cross-region-transfer', 'no-third-party-sharing', 'telemetry-deidentified', 'no-identifiable-training-data', 'no-unsafe-declassification', 'require-access-grant'].map((id) => [id, 'warn']),
    );
    const config = writeConfig('all-warn.json', JSON.stringify({ firstPartyHosts: ['api.example-shop.com'], rules }));
    const lenient = await run('check', '--project', EXAMPLE, '--config', config);
    expect(lenient.status).toBe(0);
    expect(lenient.stdout).toMatch(/^0 errors, \d+ warnings/m);
    expect((await run('check', '--project', EXAMPLE, '--config', config, '--max-warnings', '0')).status).toBe(1);
  });

  it('exits 2 naming the file, JSON path and expectation for a broken config, without a stack trace', async () => {
    const config = writeConfig('broken.json', JSON.stringify({ sinks: [{ kind: 'logs', module: 'x', path: 'y' }], rules: { 'no-pii-logging': 'loud' } }));
    const result = await run('check', '--project', EXAMPLE, '--config', config);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(config);
    expect(result.stderr).toContain('$.sinks[0].kind');
    expect(result.stderr).toContain('$.rules');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  // the built launcher: exit codes and messages of a real process
  it('exits 2 for a project that does not exist or a bad flag', () => {
    const missing = spawnBin('check', '--project', 'fixtures/does-not-exist');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('fixtures/does-not-exist');
    expect(spawnBin('check', '--format', 'xml').status).toBe(2);
  });
});
