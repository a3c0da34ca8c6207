// DN4 golden cases, worked by hand from Bouhassira 2005, Pain 114:29, https://doi.org/10.1016/j.pain.2004.12.010 (10 yes/no items, sum 0–10, ≥ 4 positive, all
// required; interview = items 1–7) and its table Bouhassira 2005, Pain 114:29, https://doi.org/10.1016/j.pain.2004.12.010. Items: 1 burning, 2 painful cold, 3 electric shocks,
// 4 tingling, 5 pins and needles, 6 numbness, 7 itching, 8 touch hypoaesthesia, 9 pinprick hypoaesthesia,
// 10 brushing.
import type { InstrumentGolden } from '../golden.ts';

const G8 = 'Bouhassira 2005, Pain 114:29, https://doi.org/10.1016/j.pain.2004.12.010 (DN4)';
const none = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 0, 10: 0 };

export const DN4_GOLDEN: readonly InstrumentGolden[] = [
  {
    name: 'case 1 (cut-off): burning, tingling, numbness + touch hypoaesthesia → 4, positive',
    source: G8,
    answers: { ...none, 1: 1, 4: 1, 6: 1, 8: 1 },
    expected: { kind: 'scored', score: 4, scores: { total: 4, interview: 3 }, band: 'positive', flags: [], missing: [] },
  },
  {
    name: 'case 2: electric shocks, itching + brushing → 3, negative (edge 3/4)',
    source: G8,
    answers: { ...none, 3: true, 7: true, 10: true, 1: false },
    expected: { kind: 'scored', score: 3, scores: { total: 3, interview: 2 }, band: 'negative' },
  },
  {
    name: 'case 3: 4 interview yes, examination not done → DN4 not scored, interview 4 reported',
    source: G8,
    answers: { 1: 1, 2: 1, 3: 1, 4: 1, 5: 0, 6: 0, 7: 0 },
    expected: { kind: 'incomplete', missing: ['8', '9', '10'], scores: { total: null, interview: 4 } },
  },
  {
    name: 'all yes → 10, positive',
    source: 'Bouhassira 2005, Pain 114:29, https://doi.org/10.1016/j.pain.2004.12.010 (sum 0–10)',
    answers: { 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1, 7: 1, 8: 1, 9: 1, 10: 1 },
    expected: { kind: 'scored', score: 10, band: 'positive' },
  },
  {
    name: 'answer 2 is not yes/no',
    source: 'Bouhassira 2005, Pain 114:29, https://doi.org/10.1016/j.pain.2004.12.010 (yes = 1, no = 0)',
    answers: { 1: 2 },
    expected: { kind: 'invalid', item: '1' },
  },
];
