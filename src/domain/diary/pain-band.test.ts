import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dvprsDescriptor } from './entry.ts';
import { PAIN_BANDS, painBandOf, painBandRange } from './pain-band.ts';

// Bands: NRS 0 no pain, 1–4 mild, 5–6 moderate, 7–10 severe (DVPRS colour coding, ePPOC; the NRS
// definition's NRS_BANDS setting). A mean is banded at its nearest whole point, halves up.
const ORDER = ['none', 'mild', 'moderate', 'severe'] as const;

describe('painBandOf', () => {
  it('bands every whole rating as the NRS does', () => {
    const expected = ['none', 'mild', 'mild', 'mild', 'mild', 'moderate', 'moderate', 'severe', 'severe', 'severe', 'severe'];
    expect(Array.from({ length: 11 }, (_, n) => painBandOf(n))).toEqual(expected);
    for (let n = 0; n <= 10; n++) expect(dvprsDescriptor(n).band).toBe(painBandOf(n));
  });

  it('bands a daily mean at its nearest whole point, halves up, and never calls a mean above 0 no pain', () => {
    expect(painBandOf(4.3)).toBe('mild');
    expect(painBandOf(4.49)).toBe('mild');
    expect(painBandOf(4.5)).toBe('moderate');
    expect(painBandOf(6.49)).toBe('moderate');
    expect(painBandOf(6.5)).toBe('severe');
    expect(painBandOf(0.2)).toBe('mild');
    expect(painBandOf(0)).toBe('none');
  });

  it('refuses a value off the scale', () => {
    for (const v of [-0.1, 10.1, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => painBandOf(v)).toThrow(RangeError);
  });

  it('never gives a higher mean a lower band', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 10, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(ORDER.indexOf(painBandOf(lo))).toBeLessThanOrEqual(ORDER.indexOf(painBandOf(hi)));
      }),
    );
  });

  it('describes each band by the whole points and the means it covers, as painBandOf bands them', () => {
    expect(PAIN_BANDS.map((b) => [b.band, b.from, b.to])).toEqual([
      ['none', 0, 0],
      ['mild', 1, 4],
      ['moderate', 5, 6],
      ['severe', 7, 10],
    ]);
    expect(painBandRange('mild')).toMatchObject({ meanLower: { value: 0, inclusive: false }, meanUpper: { value: 4.5, inclusive: false } });
    expect(painBandRange('severe')).toMatchObject({
      meanLower: { value: 6.5, inclusive: true },
      meanUpper: { value: 10, inclusive: true },
    });
    fc.assert(
      fc.property(fc.double({ min: 0, max: 10, noNaN: true }), (mean) => {
        const range = painBandRange(painBandOf(mean));
        const above = range.meanLower.inclusive ? mean >= range.meanLower.value : mean > range.meanLower.value;
        const below = range.meanUpper.inclusive ? mean <= range.meanUpper.value : mean < range.meanUpper.value;
        expect(above && below).toBe(true);
      }),
    );
  });
});
