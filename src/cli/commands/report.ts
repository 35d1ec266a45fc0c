/**
 * `classified report [--project tsconfig.json] [--config FILE] [--format markdown|html]
 * [--output FILE]`: a data inventory for audits — every classified type and field, the sinks
 * each reaches (allowed flows as well as violations), third parties and other regions involved,
 * suppressions and declassifications. Exit codes: 0 report written (findings do not fail it),
 * 2 usage, config or project errors.
 */
import fs from 'node:fs';
import { Option, type Command } from 'commander';
import { rules } from '../../../rules/index.js';
import { createProgramFromTsconfig } from '../../engine/project.js';
import { createSourceFileCache } from '../../engine/source-file-cache.js';
import type { MainEnvironment } from '../main.js';
import { reportUsageError } from '../usage-error.js';
import { createProgramWithReferenceSources, listProjects } from '../load-projects.js';
import { loadProjectConfig } from '../project-config.js';
import type { RegisterCommand } from './index.js';

interface ReportCommandOptions {
  readonly project: string;
  readonly config?: string;
  readonly format: 'markdown' | 'html';
  readonly output?: string;
}

export const registerReport: RegisterCommand = (program: Command, environment, setExitCode) => {
  program
    .command('report')
    .description('write a data inventory: classified types and fields, the sinks they reach, third parties, regions, suppressions')
    .option('-p, --project <tsconfig>', 'tsconfig.json, or a folder containing one', 'tsconfig.json')
    .option('-c, --config <file>', 'classified.config.json to use (default: found next to the tsconfig or above it)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['markdown', 'html']).default('markdown'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .action(async (options: ReportCommandOptions) => {
      setExitCode(await runReport(options, environment));
    });
};

async function runReport(options: ReportCommandOptions, environment: MainEnvironment): Promise<number> {
  try {
    const { tsconfigPath, configPath } = loadProjectConfig(options.project, options.config);
    const { collectInventory } = await import('../report/collect-inventory.js');
    // one tsconfig, or each project a solution tsconfig references, each with its own config and
    // with the referenced projects' sources in place of their outputs, as `check` analyses them
    const sourceFiles = environment.sourceFiles ?? createSourceFileCache();
    const projects = listProjects(tsconfigPath).map((project) => ({
      program: createProgramWithReferenceSources(createProgramFromTsconfig(project, sourceFiles), { sourceFiles }),
      config: loadProjectConfig(project, options.config).config,
    }));
    const inventory = collectInventory({ projects, rules, tsconfigPath, configPath, cwd: process.cwd() });
    for (const diagnostic of inventory.diagnostics) process.stderr.write(`classified: ${diagnostic}\n`);
    const report = options.format === 'html'
      ? (await import('../report/format-html.js')).formatHtml(inventory)
      : (await import('../report/format-markdown.js')).formatMarkdown(inventory);
    if (options.output === undefined) process.stdout.write(report);
    else fs.writeFileSync(options.output, report);
    return 0;
  } catch (error) {
    const code = reportUsageError(error);
    if (code === undefined) throw error;
    return code;
  }
}
