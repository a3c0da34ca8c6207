// ACR 2016 structure and rule properties (Wolfe 2016, Semin Arthritis Rheum 46:319, https://doi.org/10.1016/j.semarthrit.2016.08.012): the 19 areas by region, the excluded areas,
// and that the band follows the three criteria — FS ≥ 12 is necessary for "criteria met", not sufficient.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACR_AREAS, ACR_DURATION, acr2016Fm } from './definition.ts';

const answersArb = fc.record(Object.fromEntries(acr2016Fm.items.map((i) => [i.key, fc.constantFrom(...i.options.map((o) => o.value))])));

describe('ACR 2016 fibromyalgia criteria', () => {
  it('has 19 WPI areas, 4 + 4 + 3 + 3 + 5 by region, and excludes only jaw, chest and abdomen from generalized pain', () => {
    expect(ACR_AREAS).toHaveLength(19);
    expect([1, 2, 3, 4, 5].map((r) => ACR_AREAS.filter((a) => a.region === r).length)).toEqual([4, 4, 3, 3, 5]);
    expect(
      ACR_AREAS.filter((a) => !a.countsForGeneralized)
        .map((a) => a.key)
        .sort(),
    ).toEqual(['abdomen', 'chest', 'jaw-left', 'jaw-right']);
    expect(acr2016Fm.items).toHaveLength(19 + 6 + 1);
  });

  it('the band is exactly the 2016 rule, and criteria met implies FS ≥ 12', () => {
    fc.assert(
      fc.property(answersArb, (raw) => {
        const result = acr2016Fm.score(new Map(Object.entries(raw)), {});
        if (result.kind !== 'scored') throw new Error('complete answers must score');
        const { wpi, sss, regions, met } = result.scores as Record<string, number>;
        const rule = ((wpi! >= 7 && sss! >= 5) || (wpi! >= 4 && wpi! <= 6 && sss! >= 9)) && regions! >= 4 && raw[ACR_DURATION] === 1;
        expect(met).toBe(rule ? 1 : 0);
        expect(result.band).toBe(rule ? 'criteria-met' : 'criteria-not-met');
        expect(result.score).toBe(wpi! + sss!);
        if (rule) expect(result.score).toBeGreaterThanOrEqual(acr2016Fm.bands.find((b) => b.id === 'criteria-met')!.from);
      }),
      { numRuns: 500 },
    );
  });
});
