/**
 * The published package works as a user installs it: `npm pack` (which runs `prepare`, the
 * build), a fresh project that installs the tarball next to ESLint, typescript-eslint,
 * TypeScript and pino, a three-line `eslint.config.mjs`, and `npx eslint .` failing on an Email
 * logged with pino; ts-morph, an optional peer dependency only `classified annotate` uses, is not
 * installed, and `annotate` says how to install it. The package is packed from a copy of its
 * sources (with the repository's node_modules linked in), so `prepare` builds a separate dist/
 * instead of rewriting the one other test files are running at the same time.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');
const PACKAGE_SOURCES = ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'README.md', 'bin', 'src', 'rules', 'scripts', 'schema', 'docs'];
const DEPENDENCIES = ['eslint@10.15.0', 'typescript-eslint@8.72.0', 'typescript@6.0.3', 'pino@10.4.0'];
const TIMEOUT_MS = 240_000;

const ESLINT_CONFIG = `import classified from 'classified/eslint';

export default [...classified.configs.recommended];
`;

const APP = `import pino from 'pino';
import type { Email } from 'classified';

const logger = pino();

export function signedUp(email: Email): void {
  logger.info({ email }, 'signed up');
}
`;

const TSCONFIG = {
  compilerOptions: { target: 'ES2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true, skipLibCheck: true, noEmit: true },
  include: ['src'],
};

const workDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'classified-packed-'));

afterAll(() => {
  fs.rmSync(workDirectory, { recursive: true, force: true });
});

interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command without the npm_* variables of an enclosing `npm test`, which would redirect npm. */
async function run(command: string, args: readonly string[], cwd: string): Promise<RunResult> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_')));
  try {
    const { stdout, stderr } = await promisify(execFile)(command, [...args], { cwd, env, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'number' && 'stdout' in error && 'stderr' in error) {
      return { code: error.code, stdout: String(error.stdout), stderr: String(error.stderr) };
    }
    throw error;
  }
}

async function runOrThrow(command: string, args: readonly string[], cwd: string): Promise<string> {
  const result = await run(command, args, cwd);
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.code}\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

async function packTarball(): Promise<string> {
  const source = path.join(workDirectory, 'source');
  for (const entry of PACKAGE_SOURCES) {
    if (fs.existsSync(path.join(ROOT, entry))) fs.cpSync(path.join(ROOT, entry), path.join(source, entry), { recursive: true });
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(source, 'node_modules'), 'dir');
  const packed: unknown = JSON.parse(await runOrThrow('npm', ['pack', '--json', '--pack-destination', workDirectory], source));
  const filename = Array.isArray(packed) && typeof packed[0] === 'object' && packed[0] !== null && 'filename' in packed[0] ? packed[0].filename : undefined;
  if (typeof filename !== 'string') throw new Error('npm pack did not name its tarball');
  return path.join(workDirectory, filename);
}

describe('the packed package', () => {
  it('installs into a fresh project and fails `npx eslint .` on an Email logged with pino', async () => {
    const tarball = await packTarball();
    const app = path.join(workDirectory, 'app');
    fs.mkdirSync(path.join(app, 'src'), { recursive: true });
    await runOrThrow('npm', ['init', '-y'], app);
    await runOrThrow('npm', ['install', tarball, ...DEPENDENCIES, '--no-audit', '--no-fund', '--prefer-offline'], app);
    fs.writeFileSync(path.join(app, 'eslint.config.mjs'), ESLINT_CONFIG);
    fs.writeFileSync(path.join(app, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
    fs.writeFileSync(path.join(app, 'src', 'app.ts'), APP);

    const eslint = await run('npx', ['--no-install', 'eslint', '.'], app);
    expect(eslint.stderr).toBe('');
    expect(eslint.code).toBe(1);
    expect(eslint.stdout).toContain('7:17');
    expect(eslint.stdout).toContain('Confidential data email (Email) reaches log sink logger.info (pino); customer data must not flow to central logs');
    expect(eslint.stdout).toContain('classified/no-pii-logging');

    // a CommonJS config gets the same plugin object from require()
    const required = await runOrThrow(process.execPath, ['-e', "const c = require('classified/eslint'); process.stdout.write(String([...c.configs.recommended].length + ':' + c.meta.name));"], app);
    expect(required).toBe('1:classified');

    // ts-morph is an optional peer: not installed, and annotate exits 2 saying how to get it
    const tree = await run('npm', ['ls', 'ts-morph', '--all', '--json'], app);
    expect(JSON.stringify(JSON.parse(tree.stdout))).not.toContain('ts-morph');
    const annotate = await run('npx', ['--no-install', 'classified', 'annotate', '--dry-run'], app);
    expect(annotate.code).toBe(2);
    expect(annotate.stdout).toBe('');
    expect(annotate.stderr).toBe('classified: `classified annotate` needs ts-morph, an optional peer dependency that is not installed; install it next to classified: npm install --save-dev "ts-morph@^28.0.0"\n');
  }, TIMEOUT_MS);
});
