/**
 * Test helper for the compiler transform: builds Programs from the fixture projects under
 * `test/fixtures/transform/` (or from snippets written under `.tmp/`), emits them with or without
 * custom transformers into `.tmp/`, runs emitted JavaScript with node, and decodes source maps.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export const ROOT = path.resolve(__dirname, '../..');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'transform');
export const TMP = path.join(ROOT, '.tmp', 'transform-tests');

let counter = 0;

/** A fresh folder under `.tmp/transform-tests/` (inside the repository, so `classified` and pino resolve). */
export function makeTempDir(label: string): string {
  const directory = path.join(TMP, `${label}-${process.pid}-${counter++}`);
  fs.rmSync(directory, { recursive: true, force: true });
  fs.mkdirSync(directory, { recursive: true });
  return directory;
}

/** Creates the Program of a fixture's tsconfig, emitting into `outDir`. */
export function createFixtureProgram(tsconfigPath: string, outDir: string): ts.Program {
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfigPath, { outDir }, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (parsed === undefined) throw new Error(`cannot read ${tsconfigPath}`);
  return ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
}

/** Writes `files` (name → text) and a tsconfig into a fresh folder and returns the tsconfig path. */
export function writeProject(label: string, files: Readonly<Record<string, string>>, compilerOptions: Readonly<Record<string, unknown>> = {}): string {
  const directory = makeTempDir(label);
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(directory, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022',
      module: 'nodenext',
      moduleResolution: 'nodenext',
      strict: true,
      skipLibCheck: true,
      types: ['node'],
      rootDir: 'src',
      outDir: 'out',
      ...compilerOptions,
    },
    include: ['src'],
  };
  const tsconfigPath = path.join(directory, 'tsconfig.json');
  if (!('tsconfig.json' in files)) fs.writeFileSync(tsconfigPath, JSON.stringify(tsconfig, null, 2));
  return tsconfigPath;
}

/** Emits the Program and returns the written files (path relative to `outDir` → text). */
export function emit(program: ts.Program, outDir: string, transformers?: ts.CustomTransformers): Map<string, string> {
  const written = new Map<string, string>();
  const result = program.emit(undefined, (fileName, text) => {
    fs.mkdirSync(path.dirname(fileName), { recursive: true });
    fs.writeFileSync(fileName, text);
    written.set(path.relative(outDir, fileName).split(path.sep).join('/'), text);
  }, undefined, false, transformers);
  if (result.emitSkipped) throw new Error('emit skipped');
  return written;
}

export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runNode(file: string): RunResult {
  const result = spawnSync(process.execPath, [file], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function runBin(bin: 'tspc' | 'tsc', args: readonly string[]): RunResult {
  const script = bin === 'tspc' ? path.join(ROOT, 'node_modules', 'ts-patch', 'bin', 'tspc.js') : path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [script, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** All files under `directory` (relative path → bytes). */
export function readTree(directory: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (current: string): void => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(path.relative(directory, full).split(path.sep).join('/'), fs.readFileSync(full));
    }
  };
  walk(directory);
  return files;
}

export interface Mapping {
  readonly generatedLine: number;
  readonly generatedColumn: number;
  readonly sourceLine: number;
  readonly sourceColumn: number;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes a source map's `mappings` (0-based lines and columns; single-source maps). */
export function decodeMappings(mappings: string): Mapping[] {
  const result: Mapping[] = [];
  let sourceLine = 0;
  let sourceColumn = 0;
  mappings.split(';').forEach((line, generatedLine) => {
    let generatedColumn = 0;
    for (const segment of line.split(',')) {
      if (segment === '') continue;
      const values = decodeVlq(segment);
      generatedColumn += values[0] ?? 0;
      if (values.length >= 4) {
        sourceLine += values[2] ?? 0;
        sourceColumn += values[3] ?? 0;
        result.push({ generatedLine, generatedColumn, sourceLine, sourceColumn });
      }
    }
  });
  return result;
}

function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if ((digit & 32) !== 0) {
      shift += 5;
    } else {
      values.push((value & 1) === 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** 0-based line and column of the first occurrence of `needle` in `text`. */
export function positionOf(text: string, needle: string): { readonly line: number; readonly column: number } {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`${JSON.stringify(needle)} not found`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, column: (before[before.length - 1] ?? '').length };
}
