// STarT Back rule properties (Hill 2008, Arthritis Rheum 59:632, https://doi.org/10.1002/art.23563; https://www.keele.ac.uk/sbst/startbacktool/usingandscoring/): item 9 counts only for "very much"/"extremely", and the
// risk group is total ≤ 3 → low, else distress ≤ 3 → medium, else high.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { START_BACK_LOINC, startBack } from './definition.ts';

const answersArb = fc.record(Object.fromEntries(startBack.items.map((i) => [i.key, fc.constantFrom(...i.options.map((o) => o.value))])));

describe('Keele STarT Back', () => {
  it('item 9: not at all, slightly, moderately count 0; very much, extremely count 1', () => {
    const base = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0 };
    const totals = [0, 1, 2, 3, 4].map((v) => startBack.score(new Map(Object.entries({ ...base, 9: v })), {}));
    expect(totals.map((r) => (r.kind === 'scored' ? r.score : null))).toEqual([0, 0, 0, 1, 1]);
  });

  it('risk group follows total and distress', () => {
    fc.assert(
      fc.property(answersArb, (raw) => {
        const result = startBack.score(new Map(Object.entries(raw)), {});
        if (result.kind !== 'scored') throw new Error('complete answers must score');
        const c = (k: string) => (k === '9' ? (raw[k]! >= 3 ? 1 : 0) : raw[k]!);
        const total = ['1', '2', '3', '4', '5', '6', '7', '8', '9'].reduce((s, k) => s + c(k), 0);
        const distress = ['5', '6', '7', '8', '9'].reduce((s, k) => s + c(k), 0);
        expect(result.scores).toEqual({ total, distress });
        expect(result.band).toBe(total <= 3 ? 'low' : distress <= 3 ? 'medium' : 'high');
      }),
      { numRuns: 500 },
    );
  });

  it('carries the LOINC risk answer codes for every band', () => {
    expect(Object.keys(START_BACK_LOINC.riskAnswers).sort()).toEqual(startBack.bands.map((b) => b.id).sort());
  });
});
