// PHQ-9 golden cases, worked by hand from Kroenke 2001, J Gen Intern Med 16:606, https://doi.org/10.1046/j.1525-1497.2001.016009606.x (sum; ≤ 3 missing prorated ×9/(9 − missing);
// bands 0–4/5–9/10–14/15–19/20–27; item 9 > 0 → crisis) and its table Kroenke 2001, J Gen Intern Med 16:606, https://doi.org/10.1046/j.1525-1497.2001.016009606.x.
import type { InstrumentGolden } from '../golden.ts';

const G5 = 'Kroenke 2001, J Gen Intern Med 16:606, https://doi.org/10.1046/j.1525-1497.2001.016009606.x (PHQ-9 / PHQ-2)';
export const PHQ9_GOLDEN: readonly InstrumentGolden[] = [
  {
    name: 'case 1: total 6, mild, PHQ-2 2',
    source: G5,
    answers: { 1: 1, 2: 1, 3: 2, 4: 1, 5: 0, 6: 1, 7: 0, 8: 0, 9: 0 },
    expected: { kind: 'scored', score: 6, scores: { phq2: 2, mds: 0 }, band: 'mild', flags: [], missing: [] },
  },
  {
    name: 'case 2: total 19, moderately severe, item 9 positive → crisis',
    source: G5,
    answers: { 1: 3, 2: 3, 3: 3, 4: 2, 5: 2, 6: 2, 7: 2, 8: 1, 9: 1 },
    expected: { kind: 'scored', score: 19, scores: { phq2: 6, mds: 1 }, band: 'moderately-severe', flags: ['crisis'] },
  },
  {
    name: 'case 3: two missing, prorated 9/7×9 = 11.57, moderate',
    source: G5,
    answers: { 1: 2, 2: 2, 3: 1, 5: 1, 6: 2, 8: 1, 9: 0 },
    expected: { kind: 'scored', score: 81 / 7, band: 'moderate', flags: [], missing: ['4', '7'] },
  },
  {
    name: 'case 4: four missing → not scored, item 9 unknown',
    source: G5,
    answers: { 1: 2, 2: 2, 6: 2, 7: 1, 8: 1 },
    expected: { kind: 'incomplete', missing: ['3', '4', '5', '9'], scores: { phq2: 4 }, flags: ['item-9-unknown'] },
  },
  {
    name: 'cut-off: total exactly 10 is moderate (band 10–14)',
    source: 'Kroenke 2001, J Gen Intern Med 16:606, https://doi.org/10.1046/j.1525-1497.2001.016009606.x bands; edge 9/10',
    answers: { 1: 2, 2: 2, 3: 2, 4: 2, 5: 2, 6: 0, 7: 0, 8: 0, 9: 0 },
    expected: { kind: 'scored', score: 10, band: 'moderate', flags: [] },
  },
  {
    name: 'cut-off: total 4 is none-minimal, 20 is severe edge',
    source: 'Kroenke 2001, J Gen Intern Med 16:606, https://doi.org/10.1046/j.1525-1497.2001.016009606.x bands',
    answers: { 1: 1, 2: 1, 3: 1, 4: 1, 5: 0, 6: 0, 7: 0, 8: 0, 9: 0 },
    expected: { kind: 'scored', score: 4, band: 'none-minimal', flags: [] },
  },
  {
    name: 'cut-off: total 20 is severe',
    source: 'Kroenke 2001, J Gen Intern Med 16:606, https://doi.org/10.1046/j.1525-1497.2001.016009606.x bands',
    answers: { 1: 3, 2: 3, 3: 3, 4: 3, 5: 3, 6: 3, 7: 2, 8: 0, 9: 0 },
    expected: { kind: 'scored', score: 20, band: 'severe', flags: [] },
  },
  {
    name: 'cut-off 4/5: total exactly 5 (1,1,1,1,1,0,0,0,0) is mild',
    source: 'Kroenke 2001, J Gen Intern Med 16:606, https://doi.org/10.1046/j.1525-1497.2001.016009606.x bands (5–9 mild); edge 4/5',
    answers: { 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 0, 7: 0, 8: 0, 9: 0 },
    expected: { kind: 'scored', score: 5, band: 'mild', flags: [] },
  },
  {
    name: 'cut-off 9/10: total 9 (2,2,2,1,1,1,0,0,0) is mild',
    source: 'Kroenke 2001, J Gen Intern Med 16:606, https://doi.org/10.1046/j.1525-1497.2001.016009606.x bands (5–9 mild); edge 9/10',
    answers: { 1: 2, 2: 2, 3: 2, 4: 1, 5: 1, 6: 1, 7: 0, 8: 0, 9: 0 },
    expected: { kind: 'scored', score: 9, band: 'mild', flags: [] },
  },
  {
    name: 'cut-off 14/15: total 14 (2,2,2,2,2,2,2,0,0) is moderate',
    source:
      'Kroenke 2001, J Gen Intern Med 16:606, https://doi.org/10.1046/j.1525-1497.2001.016009606.x bands (10–14 moderate); edge 14/15',
    answers: { 1: 2, 2: 2, 3: 2, 4: 2, 5: 2, 6: 2, 7: 2, 8: 0, 9: 0 },
    expected: { kind: 'scored', score: 14, band: 'moderate', flags: [] },
  },
  {
    name: 'cut-off 14/15: total 15 (2,2,2,2,2,2,2,1,0) is moderately severe',
    source:
      'Kroenke 2001, J Gen Intern Med 16:606, https://doi.org/10.1046/j.1525-1497.2001.016009606.x bands (15–19 moderately severe); edge 14/15',
    answers: { 1: 2, 2: 2, 3: 2, 4: 2, 5: 2, 6: 2, 7: 2, 8: 1, 9: 0 },
    expected: { kind: 'scored', score: 15, band: 'moderately-severe', flags: [] },
  },
  {
    name: 'item 9 = 1 with everything else 0: crisis at total 1',
    source: 'Kroenke 2001, J Gen Intern Med 16:606, https://doi.org/10.1046/j.1525-1497.2001.016009606.x item-9 flag',
    answers: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 1 },
    expected: { kind: 'scored', score: 1, band: 'none-minimal', flags: ['crisis'] },
  },
  {
    name: 'out of range answer names the item',
    source: 'Kroenke 2001, J Gen Intern Med 16:606, https://doi.org/10.1046/j.1525-1497.2001.016009606.x response 0–3',
    answers: { 1: 4 },
    expected: { kind: 'invalid', item: '1' },
  },
  { name: 'unknown item names the item', source: 'PHQ-9 has items 1–9', answers: { 10: 1 }, expected: { kind: 'invalid', item: '10' } },
];
