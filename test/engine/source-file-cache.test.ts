/**
 * The SourceFileCache shares parsed declaration files between Programs: the same lib and library
 * files are one SourceFile for Programs with the same source-affecting options, never for others,
 * project files are parsed per Program (unless a workspace check's cache keeps them for its run),
 * and analyses over shared files find what fresh ones find.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { analyzeProgram, createProgramFromTsconfig, createSourceFileCache } from '../../src/engine/index.js';
import { createAnalysisCompilerHost } from '../../src/engine/project.js';
import { findConfigFile, loadConfigFile, resolveConfig } from '../../src/policy/config.js';

const ROOT = path.resolve(__dirname, '../..');
const EXAMPLE = path.join(ROOT, 'fixtures', 'example-shop');

function findingKeys(program: ts.Program): string[] {
  const configFile = findConfigFile(EXAMPLE);
  const config = resolveConfig(configFile === undefined ? {} : loadConfigFile(configFile));
  return analyzeProgram(program, config, rules).findings.map((finding) => `${path.relative(EXAMPLE, finding.file)}:${finding.line}:${finding.column} ${finding.ruleId} ${finding.trace.length}`);
}

describe('SourceFileCache', () => {
  // the point of the cache, and its limits: declaration files shared, project files not
  it('gives two Programs of one project the same declaration files and their own project files', () => {
    const sourceFiles = createSourceFileCache();
    const first = createProgramFromTsconfig(path.join(EXAMPLE, 'tsconfig.json'), sourceFiles);
    const second = createProgramFromTsconfig(path.join(EXAMPLE, 'tsconfig.json'), sourceFiles);
    const declarations = first.getSourceFiles().filter((file) => file.isDeclarationFile);
    expect(declarations.length).toBeGreaterThan(50);
    for (const file of declarations) expect(second.getSourceFile(file.fileName), file.fileName).toBe(file);
    const own = first.getSourceFiles().filter((file) => !file.isDeclarationFile);
    expect(own.length).toBeGreaterThan(10);
    for (const file of own) expect(second.getSourceFile(file.fileName), file.fileName).not.toBe(file);
    // and the analysis over shared files is the analysis over fresh ones
    expect(findingKeys(second)).toEqual(findingKeys(createProgramFromTsconfig(path.join(EXAMPLE, 'tsconfig.json'))));
  }, 120_000);

  // a workspace check's cache: the packages' sources shared for the run, declaration files kept by the longer-lived parent
  it('with keepSources shares project files too, and leaves declaration files to its parent', () => {
    const directory = path.join(ROOT, '.tmp', 'source-file-cache-sources');
    fs.rmSync(directory, { recursive: true, force: true });
    fs.mkdirSync(directory, { recursive: true });
    const declarations = path.join(directory, 'globals.d.ts');
    const source = path.join(directory, 'index.ts');
    fs.writeFileSync(declarations, 'declare const answer: number;\n');
    fs.writeFileSync(source, 'export const doubled = answer * 2;\n');
    const compilerOptions: ts.CompilerOptions = { strict: true, noEmit: true, types: [], lib: ['lib.es2022.d.ts'], target: ts.ScriptTarget.ES2022 };
    const program = (sourceFiles: ReturnType<typeof createSourceFileCache>): ts.Program =>
      ts.createProgram({ rootNames: [declarations, source], options: compilerOptions, host: createAnalysisCompilerHost(compilerOptions, sourceFiles) });
    const parent = createSourceFileCache();
    const run = createSourceFileCache({ keepSources: true, parent });
    const first = program(run);
    const second = program(run);
    expect(first.getSourceFiles().length).toBeGreaterThan(2);
    for (const file of first.getSourceFiles()) expect(second.getSourceFile(file.fileName), file.fileName).toBe(file);
    // the next run starts with the parent's declaration files and parses its project files again
    const next = program(createSourceFileCache({ keepSources: true, parent }));
    for (const file of first.getSourceFiles()) {
      if (file.isDeclarationFile) expect(next.getSourceFile(file.fileName), file.fileName).toBe(file);
      else expect(next.getSourceFile(file.fileName), file.fileName).not.toBe(file);
    }
    // and a changed source is parsed again within the run
    fs.writeFileSync(source, 'export const tripled = answer * 3;\n');
    expect(program(run).getSourceFile(source)?.text).toBe('export const tripled = answer * 3;\n');
  });

  // options that change how a file parses or binds must not share it
  it('parses again for another target or other source-affecting options, and for changed text', () => {
    const directory = path.join(ROOT, '.tmp', 'source-file-cache');
    fs.rmSync(directory, { recursive: true, force: true });
    fs.mkdirSync(directory, { recursive: true });
    const declarations = path.join(directory, 'globals.d.ts');
    fs.writeFileSync(declarations, 'declare const answer: number;\n');
    const sourceFiles = createSourceFileCache();
    const program = (options: ts.CompilerOptions): ts.Program => {
      const compilerOptions: ts.CompilerOptions = { strict: true, noEmit: true, types: [], lib: ['lib.es2022.d.ts'], ...options };
      return ts.createProgram({ rootNames: [declarations], options: compilerOptions, host: createAnalysisCompilerHost(compilerOptions, sourceFiles) });
    };
    const es2022 = program({ target: ts.ScriptTarget.ES2022 });
    const file = es2022.getSourceFile(declarations);
    expect(program({ target: ts.ScriptTarget.ES2022 }).getSourceFile(declarations)).toBe(file);
    expect(program({ target: ts.ScriptTarget.ES2020 }).getSourceFile(declarations)).not.toBe(file);
    expect(program({ target: ts.ScriptTarget.ES2022, moduleDetection: ts.ModuleDetectionKind.Force }).getSourceFile(declarations)).not.toBe(file);
    fs.writeFileSync(declarations, 'declare const answer: string;\n');
    const changed = program({ target: ts.ScriptTarget.ES2022 }).getSourceFile(declarations);
    expect(changed).not.toBe(file);
    expect(changed?.text).toBe('declare const answer: string;\n');
  });
});
