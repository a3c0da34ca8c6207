// PROMIS PF 6b golden cases, worked by hand from the DERIVED table in instruments.md §14.2 (answers 5 =
// without any difficulty … 1 = unable; raw = sum; raw → T, SE; higher = better) and table G13.
import type { InstrumentGolden } from '../golden.ts';

const G13 = 'instruments.md G13 (PROMIS, PF 6b derived table)';
const T = 'instruments.md §14.2 PF 6b derived table';

export const PROMIS_PF_6B_GOLDEN: readonly InstrumentGolden[] = [
  { name: 'G13: 3,3,3,3,3,2 → raw 17, T 36.8 (matches a public FHIR example)', source: G13, answers: { 1: 3, 2: 3, 3: 3, 4: 3, 5: 3, 6: 2 }, expected: { kind: 'scored', score: 36.8, scores: { raw: 17, tScore: 36.8, se: 1.8 }, band: null, missing: [] } },
  { name: 'all 5 (no difficulty) → raw 30, T 58.7, SE 6.2', source: T, answers: { 1: 5, 2: 5, 3: 5, 4: 5, 5: 5, 6: 5 }, expected: { kind: 'scored', score: 58.7, scores: { raw: 30, se: 6.2 }, band: null } },
  { name: 'all 1 (unable) → raw 6, T 21.5, SE 3.8', source: T, answers: { 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1 }, expected: { kind: 'scored', score: 21.5, scores: { raw: 6, se: 3.8 }, band: null } },
  { name: '4,4,4,4,4,4 → raw 24, T 43.1', source: T, answers: { 1: 4, 2: 4, 3: 4, 4: 4, 5: 4, 6: 4 }, expected: { kind: 'scored', score: 43.1, scores: { raw: 24, se: 1.9 }, band: null } },
  { name: 'item 1 missing → not scored', source: 'instruments.md §14.3 (summed-score tables need all items; proration UNCONFIRMED)', answers: { 2: 3, 3: 3, 4: 3, 5: 3, 6: 3 }, expected: { kind: 'incomplete', missing: ['1'] } },
  { name: 'answer 0 is out of range (1–5)', source: 'instruments.md §14.1 (5 … 1)', answers: { 1: 0, 2: 3, 3: 3, 4: 3, 5: 3, 6: 3 }, expected: { kind: 'invalid', item: '1' } },
];
