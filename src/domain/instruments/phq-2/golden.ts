// PHQ-2 golden cases, worked by hand from instruments.md §5.2 (sum of items 1–2; ≥ 3 positive; no
// proration) and the PHQ-2 column of G5.
import type { InstrumentGolden } from '../golden.ts';

const G5 = 'instruments.md G5 (PHQ-2 column)';
export const PHQ2_GOLDEN: readonly InstrumentGolden[] = [
  { name: 'G5 row 1: 1 + 1 = 2 → negative', source: G5, answers: { 1: 1, 2: 1 }, expected: { kind: 'scored', score: 2, scores: { total: 2 }, band: 'negative', flags: [], missing: [] } },
  { name: 'G5 row 2: 3 + 3 = 6 → positive', source: G5, answers: { 1: 3, 2: 3 }, expected: { kind: 'scored', score: 6, band: 'positive' } },
  { name: 'G5 row 3: 2 + 2 = 4 → positive', source: G5, answers: { 1: 2, 2: 2 }, expected: { kind: 'scored', score: 4, band: 'positive' } },
  { name: 'cut-off: 1 + 2 = 3 → positive (≥ 3)', source: 'instruments.md §5.2 (≥ 3 positive)', answers: { 1: 1, 2: 2 }, expected: { kind: 'scored', score: 3, band: 'positive' } },
  { name: 'item 2 missing → not scored', source: 'instruments.md §5.2 (no proration; recommended "not scored")', answers: { 1: 3 }, expected: { kind: 'incomplete', missing: ['2'] } },
  { name: 'answer 4 is out of range', source: 'instruments.md §5.1 (response 0–3)', answers: { 2: 4 }, expected: { kind: 'invalid', item: '2' } },
];
