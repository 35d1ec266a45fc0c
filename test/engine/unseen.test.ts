/**
 * What a run could not see (DESIGN 4b "nothing is silent"): imports that did not resolve, and
 * (with `--explain-unresolved`) calls that look like logging or an HTTP request but match no
 * sink — each with a look-alike that is resolved and so not listed.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSnippets, PINO_LOGGER } from '../helpers/analyze-snippets.js';

function relative(result: { files: readonly string[] }, file: string): string {
  const root = path.dirname(result.files[0] ?? '');
  return path.relative(root, file);
}

describe('imports that did not resolve', () => {
  it('counts value imports of missing modules by package, and leaves type-only, side-effect and asset imports out', () => {
    const result = analyzeSnippets({
      'app.ts': `
// @ts-ignore -- the package is not installed here: what a built workspace package without its dist looks like
import { logger } from '@acme/logger/server';
// @ts-ignore
import track from 'analytics-missing';
// @ts-ignore
import type { Options } from 'types-only-missing';
import './styles.css';
// @ts-ignore
import logo from './logo.svg';
import pino from 'pino';
export async function load(): Promise<void> {
  // @ts-ignore
  const sdk = await import('analytics-missing');
  pino().info({ logo, sdk, track, logger });
}
`,
    });
    expect(result.unseen.imports.map((entry) => `${relative(result, entry.file)}:${entry.line} ${entry.module}`)).toEqual([
      'app.ts:3 @acme/logger',
      'app.ts:5 analytics-missing',
      'app.ts:14 analytics-missing',
    ]);
    // calls are listed only when asked for
    expect(result.unseen.calls).toEqual([]);
  });
});

describe('calls that resolve to no sink (--explain-unresolved)', () => {
  it('lists a request whose host is not known statically, not one on the page’s own origin or a known host', () => {
    const result = analyzeSnippets(
      {
        'client.ts': `
export async function send(endpoint: string, body: string, draft: boolean): Promise<void> {
  await fetch(endpoint, { method: 'POST', body });
  await fetch(draft ? '/api/drafts' : '/api/posts', { method: 'POST', body });
  await fetch(\`\${process.env.NEXTAUTH_URL}/api/jobs\`, { method: 'POST', body });
  await fetch('https://api.example-vendor.com/v1/events', { method: 'POST', body });
}
`,
      },
      {},
      { explainUnresolved: true },
    );
    expect(result.unseen.calls.map((call) => `${call.line} ${call.kind} ${call.callee}: ${call.reason}`)).toEqual(['3 http fetch: host not known statically: endpoint']);
  });

  it('lists a logger method declared by an interface nothing implements, or called on a value of type any', () => {
    const result = analyzeSnippets(
      {
        'log.ts': PINO_LOGGER,
        'ports.ts': `
export interface AuditLogger { info(message: string, context?: object): void }
export interface AppLogger { info(message: string, context?: object): void }
export class PinoAppLogger implements AppLogger {
  info(message: string, context?: object): void {}
}
`,
        'service.ts': `
import type { AppLogger, AuditLogger } from './ports.js';
import { logger } from './log.js';
export function record(auditLogger: AuditLogger, appLogger: AppLogger, untyped: any, email: string): void {
  auditLogger.info('signed in', { email });
  appLogger.info('signed in', { email });
  untyped.warn('signed in', { email });
  logger.info({ email }, 'signed in');
}
`,
      },
      {},
      { explainUnresolved: true },
    );
    const calls = result.unseen.calls.map((call) => `${relative(result, call.file)}:${call.line} ${call.callee}`);
    expect(calls).toEqual(['service.ts:5 auditLogger.info', 'service.ts:7 untyped.warn']);
    expect(result.unseen.calls[0]?.reason).toMatch(/declared by an interface \(ports\.ts:2\) that no class in the program implements/);
    expect(result.unseen.calls[1]?.reason).toMatch(/has type any/);
  });
});

describe('console members named at run time', () => {
  it('reports customer data logged through console[level]', () => {
    const result = analyzeSnippets({
      'respond.ts': `
type Level = 'info' | 'warn' | 'error';
export function logAndRespond(level: Level, message: string, user: { email: string }): { ok: boolean } {
  console[level](message, { email: user.email });
  console[level](message, { status: 400 });
  return { ok: level !== 'error' };
}
`,
    });
    expect(result.keys).toEqual(['respond.ts:4 no-pii-logging']);
  });
});
