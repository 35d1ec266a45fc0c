/**
 * `classified annotate [paths...] [--project tsconfig.json] [--config FILE] [--dry-run]`: rewrites
 * the declared `string`/`number` types of fields, parameters and variables that name inference
 * classifies to branded types from `classified`. Writes the files by default; `--dry-run` prints
 * a unified diff instead. Exit codes: 0 done (or nothing to do), 2 usage, config or project
 * errors, or ts-morph missing. ts-morph is an optional peer dependency, loaded only when this
 * command runs, so installs for `check` and the ESLint plugin stay without it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { getPeerDependencyRange } from '../../package-info.js';
import { CliUsageError, reportUsageError } from '../usage-error.js';
import { listProjects } from '../load-projects.js';
import { loadProjectConfig } from '../project-config.js';
import { toRelativePath } from '../to-relative-path.js';
import type { FileChange } from '../annotate/annotate-project.js';
import type { RegisterCommand } from './index.js';

interface AnnotateCommandOptions {
  readonly project: string;
  readonly config?: string;
  readonly dryRun: boolean;
}

export const registerAnnotate: RegisterCommand = (program: Command, _environment, setExitCode) => {
  program
    .command('annotate')
    .description('rewrite the types of fields, parameters and variables that name inference classifies to branded types')
    .argument('[paths...]', 'only annotate these files or folders')
    .option('-p, --project <tsconfig>', 'tsconfig.json, or a folder containing one', 'tsconfig.json')
    .option('-c, --config <file>', 'classified.config.json to use (default: found next to the tsconfig or above it)')
    .option('--dry-run', 'print a unified diff instead of writing the files', false)
    .action(async (paths: string[], options: AnnotateCommandOptions) => {
      setExitCode(await runAnnotate(paths, options));
    });
};

/**
 * Loads the codemod, which loads ts-morph.
 * @throws CliUsageError naming the package and how to install it when ts-morph is not installed
 */
async function loadAnnotateProject(): Promise<typeof import('../annotate/annotate-project.js')> {
  try {
    return await import('../annotate/annotate-project.js');
  } catch (error) {
    if (!isMissingModule(error, 'ts-morph')) throw error;
    const range = getPeerDependencyRange('ts-morph') ?? 'latest';
    throw new CliUsageError(`\`classified annotate\` needs ts-morph, an optional peer dependency that is not installed; install it next to classified: npm install --save-dev "ts-morph@${range}"`);
  }
}

function isMissingModule(error: unknown, name: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && error.message.startsWith(`Cannot find module '${name}'`);
}

async function runAnnotate(paths: readonly string[], options: AnnotateCommandOptions): Promise<number> {
  const cwd = process.cwd();
  try {
    const { tsconfigPath } = loadProjectConfig(options.project, options.config);
    const { annotateProject } = await loadAnnotateProject();
    const { createUnifiedDiff } = await import('../annotate/unified-diff.js');
    // one tsconfig, or each project a solution tsconfig references, each with its own config
    const changes: FileChange[] = [];
    const seen = new Set<string>();
    let filesScanned = 0;
    for (const project of listProjects(tsconfigPath)) {
      const { config } = loadProjectConfig(project, options.config);
      if (config.inference.mode === 'off') {
        process.stderr.write(`classified: ${toRelativePath(project, cwd)}: name inference is off in the config ("inference": "off"); nothing to annotate there\n`);
        continue;
      }
      const projectResult = annotateProject({ tsconfigPath: project, config, paths: paths.map((entry) => path.resolve(cwd, entry)) });
      filesScanned += projectResult.filesScanned;
      for (const change of projectResult.changes) {
        if (seen.has(change.file)) continue;
        seen.add(change.file);
        changes.push(change);
      }
    }
    const result = { changes, filesScanned };
    const count = result.changes.reduce((sum, change) => sum + change.annotations.length, 0);
    if (options.dryRun) {
      process.stdout.write(result.changes.map((change) => createUnifiedDiff(toRelativePath(change.file, cwd), change.before, change.after)).join(''));
      process.stderr.write(`classified: would annotate ${count} declaration${count === 1 ? '' : 's'} in ${result.changes.length} file${result.changes.length === 1 ? '' : 's'} (dry run, nothing written)\n`);
      return 0;
    }
    for (const change of result.changes) {
      fs.writeFileSync(change.file, change.after);
      for (const annotation of change.annotations) {
        process.stdout.write(`${toRelativePath(change.file, cwd)}:${annotation.line}:${annotation.column}  ${annotation.label}: ${annotation.from} -> ${annotation.to}  (name matches "${annotation.pattern}")\n`);
      }
    }
    process.stdout.write(`annotated ${count} declaration${count === 1 ? '' : 's'} in ${result.changes.length} file${result.changes.length === 1 ? '' : 's'} (${result.filesScanned} scanned)\n`);
    return 0;
  } catch (error) {
    const code = reportUsageError(error);
    if (code === undefined) throw error;
    return code;
  }
}
