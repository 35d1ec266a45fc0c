import { describe, expect, it } from 'vitest';
import { aggregate, anonymize, declassify, maskPan, redact } from '../src/index.js';

describe('runtime helpers', () => {
  it('declassify is the identity', () => {
    const value = { email: 'a@example.com' };
    expect(declassify(value, 'test')).toBe(value);
  });

  it('redact never returns the value', () => {
    expect(redact('jane@example.com')).toBe('[REDACTED]');
    expect(redact({ card: '4242424242424242' })).toBe('[REDACTED]');
    expect(redact(undefined)).toBe('undefined');
  });

  it('maskPan keeps at most the last 4 digits', () => {
    expect(maskPan('4242 4242 4242 4242')).toBe('************4242');
    expect(maskPan('123')).toBe('****');
    expect(maskPan(null)).toBe('null');
  });

  it('anonymize and aggregate return the function unchanged', () => {
    const count = (values: string[]): number => values.length;
    expect(anonymize(count)).toBe(count);
    expect(aggregate(count)(['a', 'b'])).toBe(2);
  });
});
