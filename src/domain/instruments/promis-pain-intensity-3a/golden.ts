// PROMIS Pain Intensity 3a golden cases, worked by hand from the DERIVED table in instruments.md §14.2
// (raw = sum of 3 items 1–5; raw → T, SE) and table G13.
import type { InstrumentGolden } from '../golden.ts';

const G13 = 'instruments.md G13 (PROMIS, Pain Intensity 3a derived table)';
const T = 'instruments.md §14.2 Pain Intensity 3a derived table';

export const PROMIS_PAIN_INTENSITY_3A_GOLDEN: readonly InstrumentGolden[] = [
  { name: 'G13: 3,3,3 → raw 9, T 52.1, SE 2.8', source: G13, answers: { 1: 3, 2: 3, 3: 3 }, expected: { kind: 'scored', score: 52.1, scores: { raw: 9, tScore: 52.1, se: 2.8 }, band: null, missing: [] } },
  { name: 'all 1 (no pain) → raw 3, T 30.7, SE 4.5', source: T, answers: { 1: 1, 2: 1, 3: 1 }, expected: { kind: 'scored', score: 30.7, scores: { raw: 3, se: 4.5 }, band: null } },
  { name: 'all 5 (very severe) → raw 15, T 71.9, SE 5.1', source: T, answers: { 1: 5, 2: 5, 3: 5 }, expected: { kind: 'scored', score: 71.9, scores: { raw: 15, se: 5.1 }, band: null } },
  { name: '4,3,2 → raw 9, T 52.1 (only the sum matters)', source: T, answers: { 1: 4, 2: 3, 3: 2 }, expected: { kind: 'scored', score: 52.1, scores: { raw: 9 }, band: null } },
  { name: 'item 3 (right now) missing → not scored', source: 'instruments.md §14.3 (summed-score tables need all items; proration UNCONFIRMED)', answers: { 1: 4, 2: 3 }, expected: { kind: 'incomplete', missing: ['3'] } },
  { name: 'answer 6 is out of range (1–5)', source: 'instruments.md §14 (items scored 1–5)', answers: { 1: 6, 2: 3, 3: 3 }, expected: { kind: 'invalid', item: '1' } },
];
