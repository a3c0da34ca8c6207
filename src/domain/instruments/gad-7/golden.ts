// GAD-7 golden cases, worked by hand from Spitzer 2006, Arch Intern Med 166:1092, https://doi.org/10.1001/archinte.166.10.1092 (sum; ≤ 2 missing prorated ×7/(7 − missing);
// bands 0–4/5–9/10–14/15–21) and its table Spitzer 2006, Arch Intern Med 166:1092, https://doi.org/10.1001/archinte.166.10.1092.
import type { InstrumentGolden } from '../golden.ts';

const G6 = 'Spitzer 2006, Arch Intern Med 166:1092, https://doi.org/10.1001/archinte.166.10.1092 (GAD-7 / GAD-2)';
export const GAD7_GOLDEN: readonly InstrumentGolden[] = [
  {
    name: 'case 1 (cut-off 4/5): 1,1,1,1,0,1,0 → 5, mild; GAD-2 2',
    source: G6,
    answers: { 1: 1, 2: 1, 3: 1, 4: 1, 5: 0, 6: 1, 7: 0 },
    expected: { kind: 'scored', score: 5, scores: { total: 5, gad2: 2 }, band: 'mild', flags: [], missing: [] },
  },
  {
    name: 'case 2 (cut-off 14/15): 3,2,2,3,1,2,2 → 15, severe; GAD-2 5',
    source: G6,
    answers: { 1: 3, 2: 2, 3: 2, 4: 3, 5: 1, 6: 2, 7: 2 },
    expected: { kind: 'scored', score: 15, scores: { gad2: 5 }, band: 'severe' },
  },
  {
    name: 'case 3: 2,2,–,1,–,2,1 → 8/5×7 = 11.2, moderate; GAD-2 4',
    source: G6,
    answers: { 1: 2, 2: 2, 4: 1, 6: 2, 7: 1 },
    expected: { kind: 'scored', score: 11.2, scores: { total: 11.2, answered: 5, gad2: 4 }, band: 'moderate', missing: ['3', '5'] },
  },
  {
    name: 'case 4: 3 items missing → not scored, GAD-2 as answered',
    source: G6,
    answers: { 1: 2, 2: 1, 3: 1, 4: 1 },
    expected: { kind: 'incomplete', missing: ['5', '6', '7'], scores: { total: null, gad2: 3 } },
  },
  {
    name: 'cut-off 9/10: total exactly 10 is moderate',
    source: 'Spitzer 2006, Arch Intern Med 166:1092, https://doi.org/10.1001/archinte.166.10.1092 bands GAD-7 9/10',
    answers: { 1: 2, 2: 2, 3: 2, 4: 2, 5: 2, 6: 0, 7: 0 },
    expected: { kind: 'scored', score: 10, band: 'moderate' },
  },
  {
    name: 'cut-off 9/10: total 9 is mild',
    source: 'Spitzer 2006, Arch Intern Med 166:1092, https://doi.org/10.1001/archinte.166.10.1092 bands',
    answers: { 1: 2, 2: 2, 3: 2, 4: 2, 5: 1, 6: 0, 7: 0 },
    expected: { kind: 'scored', score: 9, band: 'mild' },
  },
  {
    name: 'cut-off 4/5: total 4 (1,1,1,1,0,0,0) is minimal',
    source: 'Spitzer 2006, Arch Intern Med 166:1092, https://doi.org/10.1001/archinte.166.10.1092 bands (0–4 minimal) GAD-7 4/5',
    answers: { 1: 1, 2: 1, 3: 1, 4: 1, 5: 0, 6: 0, 7: 0 },
    expected: { kind: 'scored', score: 4, band: 'minimal' },
  },
  {
    name: 'cut-off 14/15: total 14 (2,2,2,2,2,2,2) is moderate',
    source: 'Spitzer 2006, Arch Intern Med 166:1092, https://doi.org/10.1001/archinte.166.10.1092 bands (10–14 moderate) GAD-7 14/15',
    answers: { 1: 2, 2: 2, 3: 2, 4: 2, 5: 2, 6: 2, 7: 2 },
    expected: { kind: 'scored', score: 14, band: 'moderate' },
  },
  {
    name: 'answer 4 is out of range',
    source: 'Spitzer 2006, Arch Intern Med 166:1092, https://doi.org/10.1001/archinte.166.10.1092 (0–3 scale)',
    answers: { 7: 4 },
    expected: { kind: 'invalid', item: '7' },
  },
];
