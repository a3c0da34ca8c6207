// PSEQ-10 golden cases, worked by hand from Nicholas 2007, Eur J Pain 11:153; Nicholas 2015, J Pain 16:153, https://pubmed.ncbi.nlm.nih.gov/25463701/ (sum of 10 items 0–6, 0–60; bands severe
// 0–19, moderate 20–30, mild 31–40, minimal 41–60; no missing-item rule → incomplete). The doc has no
// golden table for the PSEQ, so every case is built on a band edge.
import type { InstrumentGolden } from '../golden.ts';

const S9 =
  'Nicholas 2007, Eur J Pain 11:153; Nicholas 2015, J Pain 16:153, https://pubmed.ncbi.nlm.nih.gov/25463701/ (sum 0–60; bands 0–19 / 20–30 / 31–40 / 41–60)';
const items = (...v: number[]): Record<string, number> => Object.fromEntries(v.map((x, i) => [String(i + 1), x]));

export const PSEQ_10_GOLDEN: readonly InstrumentGolden[] = [
  {
    name: 'all 0 → 0, severe',
    source: S9,
    answers: items(0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
    expected: { kind: 'scored', score: 0, scores: { total: 0 }, band: 'severe', missing: [] },
  },
  {
    name: 'cut-off: 19 is severe',
    source: S9,
    answers: items(2, 2, 2, 2, 2, 2, 2, 2, 2, 1),
    expected: { kind: 'scored', score: 19, band: 'severe' },
  },
  {
    name: 'cut-off: 20 is moderate',
    source: S9,
    answers: items(2, 2, 2, 2, 2, 2, 2, 2, 2, 2),
    expected: { kind: 'scored', score: 20, band: 'moderate' },
  },
  {
    name: 'cut-off: 30 is moderate',
    source: S9,
    answers: items(3, 3, 3, 3, 3, 3, 3, 3, 3, 3),
    expected: { kind: 'scored', score: 30, band: 'moderate' },
  },
  {
    name: 'cut-off: 31 is mild',
    source: S9,
    answers: items(4, 3, 3, 3, 3, 3, 3, 3, 3, 3),
    expected: { kind: 'scored', score: 31, band: 'mild' },
  },
  {
    name: 'cut-off: 40 is mild',
    source: S9,
    answers: items(4, 4, 4, 4, 4, 4, 4, 4, 4, 4),
    expected: { kind: 'scored', score: 40, band: 'mild' },
  },
  {
    name: 'cut-off: 41 is minimal',
    source: S9,
    answers: items(5, 4, 4, 4, 4, 4, 4, 4, 4, 4),
    expected: { kind: 'scored', score: 41, band: 'minimal' },
  },
  {
    name: 'all 6 → 60, minimal',
    source: S9,
    answers: items(6, 6, 6, 6, 6, 6, 6, 6, 6, 6),
    expected: { kind: 'scored', score: 60, scores: { total: 60 }, band: 'minimal' },
  },
  {
    name: 'one item missing → not scored',
    source:
      'Nicholas 2007, Eur J Pain 11:153; Nicholas 2015, J Pain 16:153, https://pubmed.ncbi.nlm.nih.gov/25463701/ (missing rule UNCONFIRMED) and',
    answers: { ...items(5, 5, 5, 5, 5, 5, 5, 5, 5, 5), 7: null },
    expected: { kind: 'incomplete', missing: ['7'] },
  },
  {
    name: 'answer 7 is out of range (0–6)',
    source: 'Nicholas 2007, Eur J Pain 11:153; Nicholas 2015, J Pain 16:153, https://pubmed.ncbi.nlm.nih.gov/25463701/ (items 0–6)',
    answers: { ...items(3, 3, 3, 3, 3, 3, 3, 3, 3, 3), 10: 7 },
    expected: { kind: 'invalid', item: '10' },
  },
];
