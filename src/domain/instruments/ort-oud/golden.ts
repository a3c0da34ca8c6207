// ORT-OUD golden cases, worked by hand from Cheatle 2019, J Pain 20:842, https://pmc.ncbi.nlm.nih.gov/articles/PMC6768552/ (9 yes/no items, 1 point each, 0–9;
// cut-off UNCONFIRMED, setting low ≤ 2 / high ≥ 3) and table Webster & Webster 2005, Pain Med 6:432; https://loinc.org/91392-1 (ORT-OUD column). Items in Cheatle 2019, J Pain 20:842, https://pmc.ncbi.nlm.nih.gov/articles/PMC6768552/
// order: 1–3 family history (alcohol, illegal, prescription), 4–6 personal history, 7 age 16–45,
// 8 ADD/OCD/bipolar/schizophrenia, 9 depression.
import type { InstrumentGolden } from '../golden.ts';

const G11 = 'Webster & Webster 2005, Pain Med 6:432; https://loinc.org/91392-1 (ORT-OUD column)';
const yes = (...keys: number[]): Record<string, boolean> =>
  Object.fromEntries(Array.from({ length: 9 }, (_, i) => [String(i + 1), keys.includes(i + 1)]));

export const ORT_OUD_GOLDEN: readonly InstrumentGolden[] = [
  {
    name: 'profile 1: age 30, family hx alcohol, personal hx prescription, depression → 4, high',
    source: G11,
    answers: yes(7, 1, 6, 9),
    expected: { kind: 'scored', score: 4, scores: { total: 4 }, band: 'high', missing: [] },
  },
  {
    name: 'profile 2: age 50, abuse item does not exist → 0, low',
    source: G11,
    answers: yes(),
    expected: { kind: 'scored', score: 0, band: 'low' },
  },
  {
    name: 'profile 3: age 40, ADD…, family hx illegal → 3, high (on the ≥ 3 cut-off)',
    source: `${G11}; ORT_OUD_CUTOFF`,
    answers: yes(7, 8, 2),
    expected: { kind: 'scored', score: 3, band: 'high' },
  },
  {
    name: 'cut-off: 2 is low',
    source: 'Cheatle 2019, J Pain 20:842, https://pmc.ncbi.nlm.nih.gov/articles/PMC6768552/ (secondary: two or lower = low)',
    answers: yes(7, 9),
    context: { sex: 'female' },
    expected: { kind: 'scored', score: 2, band: 'low' },
  },
  {
    name: 'all yes → 9',
    source: 'Cheatle 2019, J Pain 20:842, https://pmc.ncbi.nlm.nih.gov/articles/PMC6768552/ (0–9)',
    answers: yes(1, 2, 3, 4, 5, 6, 7, 8, 9),
    expected: { kind: 'scored', score: 9, band: 'high' },
  },
  { name: 'item 9 unanswered → not scored', source: '', answers: { ...yes(1), 9: null }, expected: { kind: 'incomplete', missing: ['9'] } },
  {
    name: 'item 10 does not exist in the ORT-OUD',
    source: 'Cheatle 2019, J Pain 20:842, https://pmc.ncbi.nlm.nih.gov/articles/PMC6768552/ (9 items)',
    answers: { ...yes(), 10: true },
    expected: { kind: 'invalid', item: '10' },
  },
];
