/**
 * Config entries for the project's own code (issue "sinks as products reach them"): `module`
 * names a file — relative to the config file, or through a tsconfig `paths` alias — and matches
 * every import of it, whatever specifier each file uses.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { analyzeProjects } from '../../src/cli/load-projects.js';

const ROOT = path.resolve(__dirname, '../..');

function writeProject(files: Readonly<Record<string, string>>): string {
  const directory = path.join(ROOT, '.tmp', 'config-project-modules', `${process.pid}-${Math.random().toString(36).slice(2)}`);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(directory, name)), { recursive: true });
    fs.writeFileSync(path.join(directory, name), text);
  }
  return directory;
}

const APP = {
  'packages/app/tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', noEmit: true, types: [], paths: { '@/*': ['./src/*'] } }, include: ['src'] }),
  // a vendor client whose body the engine cannot see into (its transport is declared, not written)
  'packages/app/src/lib/crm.ts': 'declare function post(body: unknown): void;\nexport function pushContact(contact: object): void { post(contact); }\n',
  'packages/app/src/signup.ts': "import { pushContact } from '@/lib/crm';\nexport function signup(user: { email: string }): void { pushContact({ email: user.email }); }\n",
  'packages/app/src/admin/import.ts': "import { pushContact } from '../lib/crm.js';\nexport function importLead(lead: { email: string }): void { pushContact({ email: lead.email }); }\n",
};

function findingsOf(directory: string): string[] {
  const result = analyzeProjects(path.join(directory, 'packages/app/tsconfig.json'), { rules });
  return result.findings.map((finding) => `${path.relative(directory, finding.file)}:${finding.line} ${finding.ruleId}`).sort();
}

describe('config entries for project modules', () => {
  it('resolves a module relative to the config file and matches every import of it', () => {
    const directory = writeProject({
      ...APP,
      // the repository's config, one folder above the package's tsconfig
      'classified.config.json': JSON.stringify({ sinks: [{ kind: 'third-party', module: './packages/app/src/lib/crm', path: 'pushContact' }] }),
    });
    expect(findingsOf(directory)).toEqual(['packages/app/src/admin/import.ts:2 no-third-party-sharing', 'packages/app/src/signup.ts:2 no-third-party-sharing']);
  });

  it('resolves a tsconfig paths alias to the file and matches its relative imports too', () => {
    const directory = writeProject({ ...APP, 'classified.config.json': JSON.stringify({ sinks: [{ kind: 'third-party', module: '@/lib/crm', path: 'pushContact' }] }) });
    expect(findingsOf(directory)).toEqual(['packages/app/src/admin/import.ts:2 no-third-party-sharing', 'packages/app/src/signup.ts:2 no-third-party-sharing']);
  });
});
