// DN4-interview golden cases, worked by hand from Bouhassira 2005, Pain 114:29, https://doi.org/10.1016/j.pain.2004.12.010 (items 1–7, sum 0–7, ≥ 3 positive, all
// required) and the DN4-interview column of Bouhassira 2005, Pain 114:29, https://doi.org/10.1016/j.pain.2004.12.010.
import type { InstrumentGolden } from '../golden.ts';

const G8 = 'Bouhassira 2005, Pain 114:29, https://doi.org/10.1016/j.pain.2004.12.010 (DN4-interview column)';
const none = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0 };

export const DN4_INTERVIEW_GOLDEN: readonly InstrumentGolden[] = [
  {
    name: 'case 1 (cut-off): burning, tingling, numbness → 3, positive',
    source: G8,
    answers: { ...none, 1: 1, 4: 1, 6: 1 },
    expected: { kind: 'scored', score: 3, scores: { total: 3 }, band: 'positive', flags: [], missing: [] },
  },
  {
    name: 'case 2: electric shocks, itching → 2, negative (edge 2/3)',
    source: G8,
    answers: { ...none, 3: true, 7: true },
    expected: { kind: 'scored', score: 2, band: 'negative' },
  },
  {
    name: 'case 3: 4 interview yes → 4, positive',
    source: G8,
    answers: { ...none, 1: 1, 2: 1, 3: 1, 4: 1 },
    expected: { kind: 'scored', score: 4, band: 'positive' },
  },
  {
    name: 'item 7 unanswered → not scored',
    source: 'Bouhassira 2005, Pain 114:29, https://doi.org/10.1016/j.pain.2004.12.010 (missing not specified → not scored)',
    answers: { 1: 1, 2: 1, 3: 1, 4: 0, 5: 0, 6: 0 },
    expected: { kind: 'incomplete', missing: ['7'] },
  },
  {
    name: 'examination item 8 is not part of the DN4-interview',
    source: 'Bouhassira 2005, Pain 114:29, https://doi.org/10.1016/j.pain.2004.12.010 (interview = 7 items)',
    answers: { ...none, 8: 1 },
    expected: { kind: 'invalid', item: '8' },
  },
  {
    name: 'answer 3 is not yes/no',
    source: 'Bouhassira 2005, Pain 114:29, https://doi.org/10.1016/j.pain.2004.12.010 (yes = 1, no = 0)',
    answers: { 1: 3 },
    expected: { kind: 'invalid', item: '1' },
  },
];
