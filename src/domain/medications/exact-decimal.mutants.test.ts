// The edges of exact decimal arithmetic that the golden MME cases never reach: the scale table's
// bounds, the safe-integer guards, negative and whole-number formatting, and rescaling.
import { describe, expect, it } from 'vitest';
import { addScaled, formatScaled, fromScaled, multiplyScaled, pow10, rescale, toScaled, toScaledOrThrow } from './exact-decimal.ts';

describe('pow10', () => {
  it('covers 10^0 to 10^9 and nothing beyond', () => {
    expect(pow10(0)).toBe(1);
    expect(pow10(3)).toBe(1_000);
    expect(pow10(9)).toBe(1_000_000_000);
    expect(() => pow10(10)).toThrow(new RangeError('unsupported decimal scale 10'));
    expect(() => pow10(-1)).toThrow(RangeError);
  });
});

describe('toScaled', () => {
  it('accepts zero and whole numbers at scale 0', () => {
    expect(toScaled(0, 4)).toBe(0);
    expect(toScaled(7, 0)).toBe(7);
    expect(toScaled(7.5, 0)).toBeUndefined();
  });

  it('refuses infinities and values too large to count exactly', () => {
    expect(toScaled(Number.POSITIVE_INFINITY, 2)).toBeUndefined();
    expect(toScaled(Number.MAX_SAFE_INTEGER, 1)).toBeUndefined();
    expect(toScaled(Number.MAX_SAFE_INTEGER, 0)).toBe(Number.MAX_SAFE_INTEGER);
    // 2^53 is a whole number and reads back exactly, so only the safe-integer guard refuses it.
    expect(toScaled(2 ** 53, 0)).toBeUndefined();
    expect(toScaled(1e20, 0)).toBeUndefined();
  });

  it('refuses the smallest negative number (no negative quantities)', () => {
    expect(toScaled(-0.0001, 4)).toBeUndefined();
  });
});

describe('toScaledOrThrow', () => {
  it('returns the scaled integer, or throws naming the value and the scale', () => {
    expect(toScaledOrThrow(2.4, 2)).toBe(240);
    expect(() => toScaledOrThrow(2.45, 1)).toThrow(new RangeError('2.45 is not an exact decimal with at most 1 fraction digits'));
  });
});

describe('multiplyScaled and addScaled', () => {
  it('compute exactly inside the safe-integer range', () => {
    expect(multiplyScaled(37, 240)).toBe(8_880);
    expect(addScaled(8_880, 120)).toBe(9_000);
    expect(multiplyScaled(Number.MAX_SAFE_INTEGER, 1)).toBe(Number.MAX_SAFE_INTEGER);
    expect(addScaled(Number.MAX_SAFE_INTEGER - 1, 1)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('throw rather than lose digits past the safe-integer range', () => {
    expect(() => multiplyScaled(Number.MAX_SAFE_INTEGER, 2)).toThrow(new RangeError('quantity too large for exact arithmetic'));
    expect(() => addScaled(Number.MAX_SAFE_INTEGER, 1)).toThrow(new RangeError('quantity too large for exact arithmetic'));
  });
});

describe('fromScaled', () => {
  it('divides by the scale', () => {
    expect(fromScaled(888, 1)).toBe(88.8);
    expect(fromScaled(5, 0)).toBe(5);
  });
});

describe('formatScaled', () => {
  it('writes whole numbers without a point, at any scale', () => {
    expect(formatScaled(5, 0)).toBe('5');
    expect(formatScaled(0, 0)).toBe('0');
    expect(formatScaled(0, 3)).toBe('0');
    expect(formatScaled(10, 0)).toBe('10');
    expect(formatScaled(2_000, 3)).toBe('2');
  });

  it('keeps inner zeros and drops only trailing ones', () => {
    expect(formatScaled(1_050, 3)).toBe('1.05');
    expect(formatScaled(1_005, 3)).toBe('1.005');
    expect(formatScaled(1_500, 3)).toBe('1.5');
  });

  it('writes a minus sign for negative quantities', () => {
    expect(formatScaled(-888, 1)).toBe('-88.8');
    expect(formatScaled(-5, 3)).toBe('-0.005');
    expect(formatScaled(-2, 0)).toBe('-2');
  });
});

describe('rescale', () => {
  it('widens the scale exactly, and leaves it alone when unchanged', () => {
    expect(rescale(5, 1, 3)).toBe(500);
    expect(rescale(5, 2, 2)).toBe(5);
  });

  it('refuses to narrow (that would round)', () => {
    expect(() => rescale(500, 3, 1)).toThrow(new RangeError('rescale only widens the scale'));
  });
});
