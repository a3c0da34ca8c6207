// GCPS-R algorithm properties (Von Korff 2020, Pain 161:651, https://pmc.ncbi.nlm.nih.gov/articles/PMC7097879/): grade 0 whenever Q1 is never/some days; grade 3 whenever
// Q1 and Q2 are most days/every day; otherwise Q3+Q4+Q5 ≥ 12 → 2, else 1 — and the grade is reached
// without the items the algorithm does not need.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gcpsR } from './definition.ts';

const day = fc.integer({ min: 0, max: 3 });
const nrs = fc.integer({ min: 0, max: 10 });

describe('GCPS-R', () => {
  it('grades every complete response by the algorithm', () => {
    fc.assert(
      fc.property(day, day, nrs, nrs, nrs, (q1, q2, q3, q4, q5) => {
        const r = gcpsR.score(new Map(Object.entries({ 1: q1, 2: q2, 3: q3, 4: q4, 5: q5 })), {});
        const grade = q1 < 2 ? 0 : q2 >= 2 ? 3 : q3 + q4 + q5 >= 12 ? 2 : 1;
        expect(r.kind === 'scored' ? r.score : null).toBe(grade);
        expect(r.scores).toMatchObject({ grade, pegSum: q3 + q4 + q5 });
      }),
      { numRuns: 500 },
    );
  });

  it('needs only the items on the path to the grade', () => {
    fc.assert(
      fc.property(day, day, (q1, q2) => {
        const r = gcpsR.score(new Map(Object.entries({ 1: q1, 2: q2 })), {});
        if (q1 < 2 || q2 >= 2) expect(r.kind).toBe('scored');
        else expect(r).toMatchObject({ kind: 'incomplete', missing: ['3', '4', '5'] });
      }),
    );
  });
});
