/**
 * The bench's project generator is deterministic and its known violations sit where it says;
 * the growth exponent is the log-log slope between the smallest size of ≥10k lines and the largest.
 */
import { describe, expect, it } from 'vitest';
import { growthExponent } from '../scripts/bench.js';
import { Random, buildProject } from '../scripts/generate-bench-project.js';

describe('generate-bench-project', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const first = buildProject(7, 3_000);
    const second = buildProject(7, 3_000);
    expect([...first.files]).toEqual([...second.files]);
    expect(first.expected).toEqual(second.expected);
    const other = buildProject(8, 3_000);
    expect([...other.files]).not.toEqual([...first.files]);
  });

  it('reaches the requested size and covers every kind of known violation at 10k lines', () => {
    const { files, expected } = buildProject(20240917, 10_000);
    const lines = [...files].filter(([name]) => name.startsWith('src/')).reduce((sum, [, text]) => sum + text.split('\n').length - 1, 0);
    expect(lines).toBeGreaterThanOrEqual(10_000);
    expect(new Set(expected.map((finding) => finding.flow))).toEqual(
      new Set(['log-email-direct', 'log-email-template', 'log-email-helper-chain', 'log-email-through-return', 'pan-to-redis', 'telemetry-email-as-route', 'segment-email', 'log-inferred-phone', 'log-inferred-salary']),
    );
  });

  it('records each violation at the line that carries the data', () => {
    const { files, expected } = buildProject(3, 10_000);
    const carried: Record<string, RegExp> = {
      'pan-to-redis': /redis\.set\(.*entity\.card/,
      'telemetry-email-as-route': /\.inc\(\{ route: entity\.email/,
      'segment-email': /analytics\.track\(.*email: entity\.email/,
      'log-inferred-phone': /log\.info\(.*phoneNumber: entity\.phoneNumber/,
      'log-inferred-salary': /log\.debug\(.*entity\.salary/,
      'log-email-helper-chain': /^\s*trail[A-Z]\w*\('[^']+', entity\.email\);$/,
    };
    for (const finding of expected) {
      const text = files.get(finding.file)?.split('\n')[finding.line - 1] ?? '';
      expect(text).toMatch(carried[finding.flow] ?? /entity\.email/);
    }
  });

  it('has a seeded PRNG in [0, 1)', () => {
    const random = new Random(42);
    const values = Array.from({ length: 1000 }, () => random.next());
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(new Random(42).next()).toBe(values[0]);
  });
});

describe('bench growth exponent', () => {
  it('is the log-log slope between the smallest size of at least 10k lines and the largest', () => {
    const growth = growthExponent([
      { lines: 1_000, seconds: 1 },
      { lines: 10_000, seconds: 2 },
      { lines: 100_000, seconds: 20 },
    ]);
    expect(growth?.exponent).toBeCloseTo(1, 6);
    expect(growth?.from).toBe(10_000);
    expect(growthExponent([{ lines: 1_000, seconds: 1 }, { lines: 10_000, seconds: 2 }])).toBeUndefined();
  });
});
