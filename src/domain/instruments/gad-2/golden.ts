// GAD-2 golden cases, worked by hand from instruments.md §5.4 (sum of items 1–2; ≥ 3 positive) and the
// GAD-2 column of G6.
import type { InstrumentGolden } from '../golden.ts';

const G6 = 'instruments.md G6 (GAD-2 column)';
export const GAD2_GOLDEN: readonly InstrumentGolden[] = [
  { name: 'G6 row 1: 1 + 1 = 2 → negative', source: G6, answers: { 1: 1, 2: 1 }, expected: { kind: 'scored', score: 2, scores: { total: 2 }, band: 'negative', flags: [], missing: [] } },
  { name: 'G6 row 2: 3 + 2 = 5 → positive', source: G6, answers: { 1: 3, 2: 2 }, expected: { kind: 'scored', score: 5, band: 'positive' } },
  { name: 'G6 row 3: 2 + 2 = 4 → positive', source: G6, answers: { 1: 2, 2: 2 }, expected: { kind: 'scored', score: 4, band: 'positive' } },
  { name: 'cut-off: 2 + 1 = 3 → positive (≥ 3)', source: 'instruments.md §5.4 (≥ 3 positive)', answers: { 1: 2, 2: 1 }, expected: { kind: 'scored', score: 3, band: 'positive' } },
  { name: 'item 1 missing → not scored', source: 'instruments.md §17.2 (no source rule → not scored)', answers: { 2: 3 }, expected: { kind: 'incomplete', missing: ['1'] } },
  { name: 'answer −1 is out of range', source: 'instruments.md §5.3 (0–3 scale)', answers: { 1: -1 }, expected: { kind: 'invalid', item: '1' } },
];
