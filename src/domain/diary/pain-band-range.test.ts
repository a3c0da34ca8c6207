import { describe, expect, it } from 'vitest';
import { painBandOf } from './pain-band.ts';

// A value outside the 0–10 scale is a caller's bug; the error says which value it was.
describe('painBandOf outside the scale', () => {
  it('refuses one step outside either end and NaN, naming the value', () => {
    expect(() => painBandOf(10.01)).toThrow(new RangeError('pain intensity must be 0–10, got 10.01'));
    expect(() => painBandOf(-0.01)).toThrow(new RangeError('pain intensity must be 0–10, got -0.01'));
    expect(() => painBandOf(Number.NaN)).toThrow(new RangeError('pain intensity must be 0–10, got NaN'));
    expect(painBandOf(10)).toBe('severe');
    expect(painBandOf(0)).toBe('none');
  });
});
