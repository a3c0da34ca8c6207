import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatScaled, fromScaled, toScaled } from './exact-decimal.ts';

describe('exact decimal', () => {
  it('reads what was typed and rejects float noise', () => {
    expect(toScaled(2.4, 2)).toBe(240);
    expect(toScaled(0.07, 2)).toBe(7);
    expect(toScaled(0.1 + 0.2, 4)).toBeUndefined();
    expect(toScaled(1.23456, 4)).toBeUndefined();
    expect(toScaled(-1, 4)).toBeUndefined();
    expect(toScaled(Number.NaN, 4)).toBeUndefined();
  });
  it('formats without trailing zeros', () => {
    expect(formatScaled(88_800_000_000, 9)).toBe('88.8');
    expect(formatScaled(141_000, 3)).toBe('141');
    expect(formatScaled(5, 3)).toBe('0.005');
  });
  it('round-trips every decimal with ≤ 4 fraction digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e10 }), (n) => {
        const v = n / 1e4;
        expect(toScaled(v, 4)).toBe(n);
        expect(fromScaled(n, 4)).toBe(v);
      }),
    );
  });
});
