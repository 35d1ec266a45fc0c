/**
 * Oracle-checked generated programs (issue "Robustness and safety", item 1): fast-check generates
 * small multi-file programs whose correct findings are known by construction
 * (scripts/oracle-generator.ts), and the engine's findings must equal them exactly.
 *
 * Speed: creating a TypeScript Program costs far more than analysing a small case, so the seeded
 * cases are first analysed in batches, each batch one Program with every case in its own folder;
 * fast-check then replays the same seed against those results and only analyses a case on its
 * own while shrinking a failure. A failure prints the minimal counterexample's files and the
 * difference between expected and reported findings.
 *
 * Constructs the engine currently gets wrong are excluded here (`knownDisagreement`) and listed
 * in docs/limitations.md; `npm run fuzz -- --include-known` generates them.
 * ORACLE_RUNS and ORACLE_SEED override the defaults; ORACLE_INCLUDE_KNOWN=1 keeps the known
 * disagreements in (the test then fails and shows one of them, shrunk).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getCardIssuer } from '../../src/engine/card-numbers.js';
import {
  cardLiteral,
  caseArb,
  expectedRules,
  renderCase,
  ruleFor,
  type CaseSpec,
  type FlowSpec,
} from '../../scripts/oracle-generator.js';
import { formatOutcome, runOracleBatch, type CaseOutcome } from '../../scripts/oracle-runner.js';

const RUNS = Number(process.env.ORACLE_RUNS ?? 400);
const SEED = Number(process.env.ORACLE_SEED ?? 20_240_611);
/** ORACLE_INCLUDE_KNOWN=1 also generates the known disagreements (to see them fail and shrink) */
const INCLUDE_KNOWN = process.env.ORACLE_INCLUDE_KNOWN === '1';
const BATCH = 100;
/** property evaluations allowed while shrinking (each analyses one case, ~0.3 s) */
const SHRINK_BUDGET = 80;

function keyOf(spec: CaseSpec): string {
  return JSON.stringify(spec);
}

describe('oracle: generated programs', () => {
  it(`engine findings equal the generator's truth on ${RUNS} seeded cases (seed ${SEED})`, { timeout: 180_000 }, () => {
    const arbitrary = caseArb({ includeKnown: INCLUDE_KNOWN });
    const specs = fc.sample(arbitrary, { seed: SEED, numRuns: RUNS });
    const results = new Map<string, CaseOutcome>();
    for (let offset = 0; offset < specs.length; offset += BATCH) {
      const batch = specs.slice(offset, offset + BATCH).map(renderCase);
      // the first batch also type-checks the generated code: a generator bug must not pass for an engine answer
      for (const outcome of runOracleBatch(batch, { typecheck: offset === 0 })) results.set(keyOf(outcome.case.spec), outcome);
    }
    const flows = specs.flatMap((spec) => spec.flows);
    expect(flows.filter((flow) => expectedRules(flow).length > 0).length, 'flows that must be reported').toBeGreaterThan(RUNS / 2);
    expect(flows.filter((flow) => expectedRules(flow).length === 0).length, 'flows that must not be reported').toBeGreaterThan(RUNS / 4);

    let shrinkSteps = 0;
    let minimal: CaseOutcome | undefined;
    const property = fc.property(arbitrary, (spec) => {
      let outcome = results.get(keyOf(spec));
      if (outcome === undefined) {
        // a shrink candidate: analysed on its own, within the budget
        if (shrinkSteps++ >= SHRINK_BUDGET) return true;
        outcome = runOracleBatch([renderCase(spec)])[0] as CaseOutcome;
      }
      if (outcome.ok) return true;
      minimal = outcome;
      return false;
    });
    const result = fc.check(property, { seed: SEED, numRuns: RUNS });
    if (result.failed) {
      const failing = [...results.values()].filter((outcome) => !outcome.ok).length;
      expect.fail(
        `${failing} of ${RUNS} generated cases disagree with the engine. Minimal counterexample ` +
          `(replay: ORACLE_SEED=${SEED}, fast-check path ${result.counterexamplePath ?? '?'}):\n\n${minimal === undefined ? fc.defaultReportMessage(result) : formatOutcome(minimal)}\n`,
      );
    }
  });
});

describe('oracle: the generator itself', () => {
  it('derives the rule from the sink kind and the data class as DESIGN.md section 3 says', () => {
    expect(ruleFor('log', 'restricted', true)).toBe('no-restricted-logging');
    expect(ruleFor('log', 'confidential', false)).toBe('no-pii-logging');
    expect(ruleFor('storage', 'confidential', false)).toBeUndefined();
    expect(ruleFor('storage', 'restricted', false)).toBe('restricted-storage');
    expect(ruleFor('storage', 'restricted', true)).toBe('no-pan-storage');
    expect(ruleFor('vault', 'restricted', false)).toBeUndefined();
    expect(ruleFor('vault', 'restricted', true)).toBe('no-pan-storage');
    expect(ruleFor('browser-storage', 'restricted', true)).toBe('no-pan-storage');
    expect(ruleFor('browser-storage', 'confidential', false)).toBe('no-cross-region-transfer');
    expect(ruleFor('third-party', 'restricted', true)).toBe('no-third-party-sharing');
    expect(ruleFor('cross-region', 'confidential', false)).toBe('no-cross-region-transfer');
    expect(ruleFor('telemetry', 'confidential', false)).toBe('telemetry-deidentified');
    expect(ruleFor('ml-training', 'restricted', false)).toBe('no-identifiable-training-data');
    expect(ruleFor('payment-processor', 'restricted', true)).toBeUndefined();
    expect(ruleFor(undefined, 'restricted', true)).toBeUndefined();
  });

  it('makes card literals that pass Luhn and match an issuer range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 0x7fffffff }), (seed) => {
        const digits = cardLiteral(seed).replace(/\D/g, '');
        expect(getCardIssuer(digits)).toBeDefined();
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('puts each expected finding on the line that carries the data into the sink', () => {
    const flow: FlowSpec = {
      source: 'member.email',
      literalSeed: 1,
      steps: [{ kind: 'template', variant: 0, file: 0, file2: 0 }],
      stop: null,
      sink: { id: 'pino', variant: 0, wrappers: [1], inCallback: false },
    };
    const rendered = renderCase({ flows: [flow] });
    const [expected] = rendered.expected;
    expect(expected).toMatchObject({ file: 'entry.ts', ruleId: 'no-pii-logging' });
    const line = rendered.files['entry.ts']?.split('\n')[(expected?.line ?? 0) - 1];
    expect(line).toMatch(/^\s*emit\d+\(`<\$\{member\.email\}>`\);$/);
    expect(rendered.files['lib1.ts']).toContain('logger.info(value);');
  });
});

/**
 * The first disagreements the oracle found (fixed since): each must keep agreeing with the
 * generator's truth.
 */
describe('oracle: former disagreements', () => {
  const repro = (flow: FlowSpec): FlowSpec => flow;
  const cases: Record<string, FlowSpec> = {
    'entry-parameter-through-wrapper': repro({ source: 'contactEmail', literalSeed: 1, steps: [], stop: null, sink: { id: 'pino', variant: 0, wrappers: [1], inCallback: false } }),
    'config-sanitizer-in-unimported-module': repro({ source: 'member.email', literalSeed: 1, steps: [], stop: { kind: 'config-sanitizer', at: 0, inHelper: true, file: 0 }, sink: { id: 'pino', variant: 0, wrappers: [], inCallback: false } }),
    'declassified-object-reinferred': repro({ source: 'member', literalSeed: 1, steps: [], stop: { kind: 'declassify', at: 0, inHelper: false, file: 0 }, sink: { id: 'pino', variant: 0, wrappers: [], inCallback: true } }),
    'promise-resolve-drops-data': repro({ source: 'customer.email', literalSeed: 1, steps: [{ kind: 'await', variant: 0, file: 0, file2: 0 }], stop: null, sink: { id: 'pino', variant: 0, wrappers: [], inCallback: false } }),
  };

  it('agree with the engine', () => {
    const ids = Object.keys(cases);
    const outcomes = runOracleBatch(ids.map((id) => renderCase({ flows: [cases[id] as FlowSpec] })));
    const failing = ids.filter((_, index) => outcomes[index]?.ok !== true);
    expect(failing).toEqual([]);
  });
});
