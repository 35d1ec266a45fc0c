/**
 * Untyped payloads from the network (issue "sources as products declare them", DESIGN 4b): a
 * request body read without a type may hold customer data. Where data leaves the company — third
 * parties, central telemetry, ML training — it is a `possible` finding at `warn` severity (config
 * `possible`); logs and stores, fields read by name and payloads validated into a type are not.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSnippets, PINO_LOGGER } from '../helpers/analyze-snippets.js';

const ROUTE = `
import { PostHog } from 'posthog-node';
import { z } from 'zod';
import { logger } from './log.js';
const posthog = new PostHog('phc_key');
const Signup = z.object({ plan: z.string(), seats: z.number() });
export async function POST(request: Request): Promise<Response> {
  const payload = await request.json();
  posthog.capture({ distinctId: 'anonymous', event: 'signup', properties: payload });
  posthog.capture({ distinctId: 'anonymous', event: 'signup', properties: { plan: payload.plan } });
  const input = Signup.parse(await request.json());
  posthog.capture({ distinctId: 'anonymous', event: 'signup', properties: input });
  logger.info({ payload }, 'signup received');
  return new Response(null, { status: 204 });
}
`;

describe('untyped request payloads', () => {
  it('reports a whole untyped body sent to a third party as a possible finding at warn severity', () => {
    const result = analyzeSnippets({ 'log.ts': PINO_LOGGER, 'route.ts': ROUTE });
    expect(result.keys).toEqual(['route.ts:9 no-third-party-sharing']);
    const [finding] = result.byRule('no-third-party-sharing');
    expect(finding?.confidence).toBe('possible');
    expect(finding?.severity).toBe('warn');
    expect(finding?.source?.kind).toBe('UntypedPayload');
  });

  it('keeps a field named for customer data an inferred error, and takes the severity from config `possible`', () => {
    const route = ROUTE.replace('{ plan: payload.plan }', '{ plan: payload.plan, email: payload.email }');
    const result = analyzeSnippets({ 'log.ts': PINO_LOGGER, 'route.ts': route });
    expect(result.findings.map((finding) => `${finding.line} ${finding.confidence} ${finding.severity}`)).toEqual(['9 possible warn', '10 inferred error']);
    const strict = analyzeSnippets({ 'log.ts': PINO_LOGGER, 'route.ts': ROUTE }, { possible: 'error' });
    expect(strict.findings.map((finding) => finding.severity)).toEqual(['error']);
    const off = analyzeSnippets({ 'log.ts': PINO_LOGGER, 'route.ts': ROUTE }, { possible: 'off' });
    expect(off.findings).toEqual([]);
    // never above the rule's own severity
    const ruleWarns = analyzeSnippets({ 'log.ts': PINO_LOGGER, 'route.ts': ROUTE }, { possible: 'error', rules: { 'no-third-party-sharing': 'warn' } });
    expect(ruleWarns.findings.map((finding) => finding.severity)).toEqual(['warn']);
  });

  it('reads the body of a Fastify request typed unknown, and not a body the route declares', () => {
    const result = analyzeSnippets({
      'server.ts': `
import Fastify from 'fastify';
import { PostHog } from 'posthog-node';
const posthog = new PostHog('phc_key');
const app = Fastify();
app.post('/events', async (request) => {
  posthog.capture({ distinctId: 'server', event: 'received', properties: { raw: request.body } });
  return { ok: true };
});
app.post<{ Body: { plan: 'free' | 'pro'; seats: number } }>('/plans', async (request) => {
  posthog.capture({ distinctId: 'server', event: 'plan', properties: { raw: request.body } });
  return { ok: true };
});
`,
    });
    expect(result.keys).toEqual(['server.ts:7 no-third-party-sharing']);
    expect(result.findings[0]?.confidence).toBe('possible');
  });
});
