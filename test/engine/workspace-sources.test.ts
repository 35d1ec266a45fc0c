/**
 * A monorepo app importing a workspace package whose `exports` point into a `dist/` that was not
 * built: the engine reads the package's sources, so its logger and types resolve.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { analyzeProgram, createProgramFromTsconfig, type Finding } from '../../src/engine/index.js';
import { resolveWorkspaceSource } from '../../src/engine/project.js';
import { resolveConfig } from '../../src/policy/config.js';

const ROOT = path.resolve(__dirname, '../..');

const WEB_TSCONFIG = JSON.stringify({ compilerOptions: { strict: true, module: 'esnext', moduleResolution: 'bundler', target: 'es2022', skipLibCheck: true, noEmit: true }, include: ['src'] });

/** Writes a workspace under .tmp/<name> and links its packages as an install would: `links` maps a link path to its target. */
function writeTree(name: string, files: Readonly<Record<string, string>>, links: Readonly<Record<string, string>>): string {
  const directory = path.join(ROOT, '.tmp', name, String(process.pid));
  fs.rmSync(directory, { recursive: true, force: true });
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(directory, file)), { recursive: true });
    fs.writeFileSync(path.join(directory, file), text);
  }
  for (const [link, target] of Object.entries(links)) {
    fs.mkdirSync(path.dirname(path.join(directory, link)), { recursive: true });
    fs.symlinkSync(target.startsWith('node_modules/') ? path.join(ROOT, target) : path.join(directory, target), path.join(directory, link), 'dir');
  }
  return directory;
}

/** The findings of the `web` app's own tsconfig, as `classified check` on it would analyse. */
function analyzeWeb(directory: string): readonly Finding[] {
  return analyzeProgram(createProgramFromTsconfig(path.join(directory, 'web/tsconfig.json')), resolveConfig({}), rules).findings;
}

function writeWorkspace(): string {
  const files: Record<string, string> = {
    'packages/shared/package.json': JSON.stringify({ name: '@acme/shared', exports: { './src/server': { types: './dist/src/server/index.d.ts', import: './dist/src/server/index.js' } } }),
    'packages/shared/tsconfig.json': '{ "compilerOptions": { "outDir": "dist", "rootDir": "." } } // built before type-checking',
    'packages/shared/src/server/index.ts': "import pino from 'pino';\nexport const logger = pino();\n",
    'web/tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', skipLibCheck: true, noEmit: true }, include: ['src'] }),
    'web/package.json': JSON.stringify({ name: 'web', type: 'module' }),
    'web/src/signup.ts': "import { logger } from '@acme/shared/src/server';\nexport function signup(email: string): void {\n  logger.warn({ email }, 'signup failed');\n}\n",
  };
  // pino for the shared package, as its own install would provide it
  return writeTree('workspace-sources', files, { 'web/node_modules/@acme/shared': 'packages/shared', 'packages/shared/node_modules/pino': 'node_modules/pino' });
}

describe('workspace packages read from source', () => {
  it('maps an export into an unbuilt dist/ back to the source file, and only for packages in the repository', () => {
    const directory = writeWorkspace();
    const importer = path.join(directory, 'web/src/signup.ts');
    expect(resolveWorkspaceSource('@acme/shared/src/server', importer)).toBe(path.join(fs.realpathSync(directory), 'packages/shared/src/server/index.ts'));
    expect(resolveWorkspaceSource('@acme/shared/missing', importer)).toBeUndefined();
    expect(resolveWorkspaceSource('./local', importer)).toBeUndefined();
    // an installed package is the registry's build, never its sources
    expect(resolveWorkspaceSource('pino/unknown', path.join(ROOT, 'src/index.ts'))).toBeUndefined();
  });

  it("finds the leak through the workspace package's logger", () => {
    const directory = writeWorkspace();
    expect(analyzeWeb(directory).map((finding) => `${path.basename(finding.file)}:${finding.line} ${finding.ruleId} ${finding.sink?.module ?? ''}`)).toEqual(['signup.ts:3 no-pii-logging pino']);
  });

  it("follows calls into a workspace package whose exports point at its TypeScript sources", () => {
    // TypeScript marks such files as an external library (reached through node_modules), yet
    // they are the repository's own code: the wrapper's body is where the data leaves
    const files: Record<string, string> = {
      'packages/analytics/package.json': JSON.stringify({ name: '@acme/analytics', exports: { './server': './src/server.ts' } }),
      'packages/analytics/src/server.ts':
        "import pino from 'pino';\nconst logger = pino();\nexport function track(event: { name: string; properties?: Record<string, unknown> }): void {\n  logger.info({ ...event.properties }, event.name);\n}\n",
      'web/tsconfig.json': WEB_TSCONFIG,
      'web/package.json': JSON.stringify({ name: 'web', type: 'module' }),
      'web/src/account.ts':
        "import { track } from '@acme/analytics/server';\nexport function changeEmail(user: { id: string; email: string }): void {\n  track({ name: 'email_changed', properties: { fromEmail: user.email } });\n  track({ name: 'email_change_seen', properties: { userId: user.id } });\n}\n",
    };
    const directory = writeTree('workspace-ts-exports', files, { 'web/node_modules/@acme/analytics': 'packages/analytics', 'packages/analytics/node_modules/pino': 'node_modules/pino' });
    expect(analyzeWeb(directory).map((finding) => `${path.basename(finding.file)}:${finding.line} ${finding.ruleId} ${finding.sink?.module ?? ''}`)).toEqual(['account.ts:3 no-pii-logging pino']);
  });

  it("classifies a built workspace package's declared types by their fields", () => {
    const files: Record<string, string> = {
      'packages/members/package.json': JSON.stringify({ name: '@acme/members', types: './dist/index.d.ts', main: './dist/index.js' }),
      'packages/members/dist/index.d.ts': 'export interface Member {\n  email: string;\n  role: string;\n}\nexport declare function findMember(id: string): Promise<Member>;\n',
      'web/tsconfig.json': WEB_TSCONFIG,
      'web/package.json': JSON.stringify({ name: 'web', type: 'module' }),
      'web/src/roles.ts':
        "import pino from 'pino';\nimport { findMember } from '@acme/members';\nconst logger = pino();\nexport async function assignRole(id: string): Promise<void> {\n  const member = await findMember(id);\n  logger.info({ member }, 'assigning role');\n  logger.info({ role: member.role }, 'role');\n}\n",
    };
    const directory = writeTree('workspace-built-types', files, { 'web/node_modules/@acme/members': 'packages/members', 'web/node_modules/pino': 'node_modules/pino' });
    expect(analyzeWeb(directory).map((finding) => `${path.basename(finding.file)}:${finding.line} ${finding.ruleId}`)).toEqual(['roles.ts:6 no-pii-logging']);
  });
});
