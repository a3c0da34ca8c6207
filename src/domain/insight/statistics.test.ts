// Our statistics against reference values from statsmodels and SciPy (scripts/insight-reference.py
// made statistics.reference.json), and the data-chosen lag against its published formula.
import { describe, expect, it } from 'vitest';
import reference from './statistics.reference.json' with { type: 'json' };
import { andrewsLag, benjaminiHochberg, differenceInMeans, studentT975, studentTwoSidedP } from './statistics.ts';

const close = (actual: number, expected: number, relative: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(expected)));

describe('statistics against statsmodels and SciPy', () => {
  it.each(reference.neweyWest.map((c, i) => [i, c] as const))('Newey–West difference and standard error, case %i', (_i, c) => {
    const result = differenceInMeans(Int8Array.from(c.x), Float64Array.from(c.y), c.lag);
    close(result.difference, c.difference, 1e-12);
    close(result.standardError, c.standardError, 1e-10);
  });

  it('Student t two-sided tail probabilities and 97.5th percentiles', () => {
    for (const s of reference.student) close(studentTwoSidedP(s.t, s.df), s.twoSidedP, 1e-12);
    for (const q of reference.quantiles) close(studentT975(q.df), q.t975, 1e-8);
  });

  it('Benjamini–Hochberg adjusted p-values', () => {
    for (const family of reference.benjaminiHochberg) {
      const q = benjaminiHochberg(family.p);
      family.q.forEach((expected, i) => close(q[i]!, expected, 1e-12));
    }
  });
});

describe('the data-chosen lag (Andrews 1991, AR(1) plug-in, Bartlett)', () => {
  it('is ⌊1.1447·(α̂·n)^(1/3)⌋ with α̂ = 4ρ̂²/(1 − ρ̂²)²', () => {
    // A score series with lag-one coefficient ρ̂ = 0.5 exactly: 1, 0.5, 0.25, … (Σ z_t z_{t−1} / Σ z_{t−1}²).
    const n = 200;
    const z = Float64Array.from({ length: n }, (_, t) => 0.5 ** t);
    const present = new Uint8Array(n).fill(1);
    const alpha = (4 * 0.25) / (0.75 * 0.75);
    expect(andrewsLag(z, present, n)).toBe(Math.floor(1.1447 * Math.cbrt(alpha * n)));
  });

  it('uses no lags for a series without day-to-day dependence, and skips pairs across missing days', () => {
    const z = Float64Array.from([1, -1, 1, -1, 0, 1, -1]);
    const present = Uint8Array.from([1, 1, 1, 1, 0, 1, 1]);
    // ρ̂ = −1 would make the lag explode; the guard caps it at 0.97 and a quarter of the days.
    expect(andrewsLag(z, present, 6)).toBe(1);
    expect(andrewsLag(new Float64Array(10), new Uint8Array(10).fill(1), 10)).toBe(0);
  });
});

describe('differenceInMeans', () => {
  it('leaves out unknown days and says nothing without days on both sides', () => {
    const none = differenceInMeans(Int8Array.from([1, 1, -1]), Float64Array.from([3, 4, 5]));
    expect(Number.isNaN(none.difference)).toBe(true);
    expect([none.daysWith, none.daysWithout]).toEqual([2, 0]);
    const some = differenceInMeans(Int8Array.from([1, 0, -1, 1, 0, 1]), Float64Array.from([2, 6, 9, 4, Number.NaN, 3]));
    expect([some.daysWith, some.daysWithout, some.difference]).toEqual([3, 1, -3]);
  });
});
