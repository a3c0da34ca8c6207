// GAD-2 golden cases, worked by hand from Kroenke 2007, Ann Intern Med 146:317, https://doi.org/10.7326/0003-4819-146-5-200703060-00004 (sum of items 1–2; ≥ 3 positive) and the
// GAD-2 column of Spitzer 2006, Arch Intern Med 166:1092, https://doi.org/10.1001/archinte.166.10.1092.
import type { InstrumentGolden } from '../golden.ts';

const G6 = 'Spitzer 2006, Arch Intern Med 166:1092, https://doi.org/10.1001/archinte.166.10.1092 (GAD-2 column)';
export const GAD2_GOLDEN: readonly InstrumentGolden[] = [
  {
    name: 'case 1: 1 + 1 = 2 → negative',
    source: G6,
    answers: { 1: 1, 2: 1 },
    expected: { kind: 'scored', score: 2, scores: { total: 2 }, band: 'negative', flags: [], missing: [] },
  },
  { name: 'case 2: 3 + 2 = 5 → positive', source: G6, answers: { 1: 3, 2: 2 }, expected: { kind: 'scored', score: 5, band: 'positive' } },
  { name: 'case 3: 2 + 2 = 4 → positive', source: G6, answers: { 1: 2, 2: 2 }, expected: { kind: 'scored', score: 4, band: 'positive' } },
  {
    name: 'cut-off: 2 + 1 = 3 → positive (≥ 3)',
    source: 'Kroenke 2007, Ann Intern Med 146:317, https://doi.org/10.7326/0003-4819-146-5-200703060-00004 (≥ 3 positive)',
    answers: { 1: 2, 2: 1 },
    expected: { kind: 'scored', score: 3, band: 'positive' },
  },
  {
    name: 'item 1 missing → not scored',
    source: ' (no source rule → not scored)',
    answers: { 2: 3 },
    expected: { kind: 'incomplete', missing: ['1'] },
  },
  {
    name: 'answer −1 is out of range',
    source: 'Spitzer 2006, Arch Intern Med 166:1092, https://doi.org/10.1001/archinte.166.10.1092 (0–3 scale)',
    answers: { 1: -1 },
    expected: { kind: 'invalid', item: '1' },
  },
];
