// NRS golden cases, worked by hand from Farrar 2001, Pain 94:149, https://pubmed.ncbi.nlm.nih.gov/11690728/; Dworkin 2008, J Pain 9:105, https://doi.org/10.1016/j.jpain.2007.09.005 (single 0–10 item; score = the rating; bands
// 0 / 1–4 / 5–6 / 7–10, a documented setting). Change cases (Farrar 2001, Pain 94:149, https://pubmed.ncbi.nlm.nih.gov/11690728/; Dworkin 2008, J Pain 9:105, https://doi.org/10.1016/j.jpain.2007.09.005) live in nrs.test.ts.
import type { InstrumentGolden } from '../golden.ts';

const S1 =
  'Farrar 2001, Pain 94:149, https://pubmed.ncbi.nlm.nih.gov/11690728/; Dworkin 2008, J Pain 9:105, https://doi.org/10.1016/j.jpain.2007.09.005 (response 0–10; bands 1–4 mild, 5–6 moderate, 7–10 severe)';
export const NRS_GOLDEN: readonly InstrumentGolden[] = [
  {
    name: '0 is no pain',
    source: S1,
    answers: { intensity: 0 },
    expected: { kind: 'scored', score: 0, scores: { intensity: 0 }, band: 'no-pain', flags: [], missing: [] },
  },
  { name: 'cut-off: 4 is mild (edge 4/5)', source: S1, answers: { intensity: 4 }, expected: { kind: 'scored', score: 4, band: 'mild' } },
  {
    name: 'cut-off: 5 is moderate (edge 4/5)',
    source: S1,
    answers: { intensity: 5 },
    expected: { kind: 'scored', score: 5, band: 'moderate' },
  },
  {
    name: 'cut-off: 7 is severe (edge 6/7)',
    source: S1,
    answers: { intensity: 7 },
    expected: { kind: 'scored', score: 7, band: 'severe' },
  },
  { name: '10 is severe', source: S1, answers: { intensity: 10 }, expected: { kind: 'scored', score: 10, band: 'severe' } },
  {
    name: 'unanswered → not scored (single item, no proration)',
    source:
      'Farrar 2001, Pain 94:149, https://pubmed.ncbi.nlm.nih.gov/11690728/; Dworkin 2008, J Pain 9:105, https://doi.org/10.1016/j.jpain.2007.09.005 "Missing: single item — no proration"',
    answers: { intensity: null },
    expected: { kind: 'incomplete', missing: ['intensity'] },
  },
  {
    name: '11 is out of range',
    source:
      'Farrar 2001, Pain 94:149, https://pubmed.ncbi.nlm.nih.gov/11690728/; Dworkin 2008, J Pain 9:105, https://doi.org/10.1016/j.jpain.2007.09.005 (integers 0–10)',
    answers: { intensity: 11 },
    expected: { kind: 'invalid', item: 'intensity' },
  },
];
