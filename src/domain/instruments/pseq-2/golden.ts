// PSEQ-2 golden cases, worked by hand from Nicholas 2007, Eur J Pain 11:153; Nicholas 2015, J Pain 16:153, https://pubmed.ncbi.nlm.nih.gov/25463701/ (two items 0–6, sum 0–12, no bands; no
// missing-item rule → incomplete). The doc has no golden table for the PSEQ-2 and no cut-off.
import type { InstrumentGolden } from '../golden.ts';

const S9 =
  'Nicholas 2007, Eur J Pain 11:153; Nicholas 2015, J Pain 16:153, https://pubmed.ncbi.nlm.nih.gov/25463701/ (PSEQ-2: 2 items, total 0–12)';

export const PSEQ_2_GOLDEN: readonly InstrumentGolden[] = [
  {
    name: '4 + 5 → 9',
    source: S9,
    answers: { 1: 4, 2: 5 },
    expected: { kind: 'scored', score: 9, scores: { total: 9 }, band: null, missing: [] },
  },
  { name: 'minimum 0 + 0 → 0', source: S9, answers: { 1: 0, 2: 0 }, expected: { kind: 'scored', score: 0, band: null } },
  { name: 'maximum 6 + 6 → 12', source: S9, answers: { 1: 6, 2: 6 }, expected: { kind: 'scored', score: 12, band: null } },
  {
    name: 'item 2 missing → not scored',
    source:
      'Nicholas 2007, Eur J Pain 11:153; Nicholas 2015, J Pain 16:153, https://pubmed.ncbi.nlm.nih.gov/25463701/ (missing rule UNCONFIRMED) and',
    answers: { 1: 3 },
    expected: { kind: 'incomplete', missing: ['2'] },
  },
  {
    name: 'answer -1 names the item',
    source: 'Nicholas 2007, Eur J Pain 11:153; Nicholas 2015, J Pain 16:153, https://pubmed.ncbi.nlm.nih.gov/25463701/ (items 0–6)',
    answers: { 1: 3, 2: -1 },
    expected: { kind: 'invalid', item: '2' },
  },
  {
    name: 'PSEQ-10 item keys are not PSEQ-2 items',
    source: 'PSEQ-2 has items 1–2 (mapping to PSEQ-10 is a setting)',
    answers: { 5: 3, 9: 3 },
    expected: { kind: 'invalid', item: '5' },
  },
];
