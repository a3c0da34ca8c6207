// ORT weights and the sex policy (Webster & Webster 2005, Pain Med 6:432; https://loinc.org/91392-1): both weightings reach 26; female and male use
// their own weights; other, unknown or absent sex report the higher of the two.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ORT_ITEMS, ort } from './definition.ts';

const answersArb = fc.record(Object.fromEntries(ORT_ITEMS.map(([key]) => [key, fc.constantFrom(0, 1)])));

describe('Opioid Risk Tool', () => {
  it('female and male weights each sum to 26', () => {
    expect(ORT_ITEMS.reduce((s, [, , f]) => s + f, 0)).toBe(26);
    expect(ORT_ITEMS.reduce((s, [, , , m]) => s + m, 0)).toBe(26);
  });

  it('female/male use their weights; other, unknown and absent sex use the higher', () => {
    fc.assert(
      fc.property(answersArb, (raw) => {
        const answers = new Map(Object.entries(raw));
        const female = ORT_ITEMS.reduce((s, [k, , f]) => s + (raw[k] === 1 ? f : 0), 0);
        const male = ORT_ITEMS.reduce((s, [k, , , m]) => s + (raw[k] === 1 ? m : 0), 0);
        const score = (r: ReturnType<typeof ort.score>) => (r.kind === 'scored' ? r.score : null);
        expect(score(ort.score(answers, { sex: 'female' }))).toBe(female);
        expect(score(ort.score(answers, { sex: 'male' }))).toBe(male);
        for (const context of [{ sex: 'other' as const }, { sex: 'unknown' as const }, {}]) {
          const r = ort.score(answers, context);
          expect(score(r)).toBe(Math.max(female, male));
          expect(r.flags).toEqual(['sex-weights-both']);
          expect(r.scores).toMatchObject({ female, male });
        }
      }),
      { numRuns: 300 },
    );
  });
});
