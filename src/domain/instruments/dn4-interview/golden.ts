// DN4-interview golden cases, worked by hand from instruments.md §7 (items 1–7, sum 0–7, ≥ 3 positive, all
// required) and the DN4-interview column of G8.
import type { InstrumentGolden } from '../golden.ts';

const G8 = 'instruments.md G8 (DN4-interview column)';
const none = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0 };

export const DN4_INTERVIEW_GOLDEN: readonly InstrumentGolden[] = [
  { name: 'G8 row 1 (cut-off): burning, tingling, numbness → 3, positive', source: G8, answers: { ...none, 1: 1, 4: 1, 6: 1 }, expected: { kind: 'scored', score: 3, scores: { total: 3 }, band: 'positive', flags: [], missing: [] } },
  { name: 'G8 row 2: electric shocks, itching → 2, negative (edge 2/3)', source: G8, answers: { ...none, 3: true, 7: true }, expected: { kind: 'scored', score: 2, band: 'negative' } },
  { name: 'G8 row 3: 4 interview yes → 4, positive', source: G8, answers: { ...none, 1: 1, 2: 1, 3: 1, 4: 1 }, expected: { kind: 'scored', score: 4, band: 'positive' } },
  { name: 'item 7 unanswered → not scored', source: 'instruments.md §7 (missing not specified → not scored, §17.2)', answers: { 1: 1, 2: 1, 3: 1, 4: 0, 5: 0, 6: 0 }, expected: { kind: 'incomplete', missing: ['7'] } },
  { name: 'examination item 8 is not part of the DN4-interview', source: 'instruments.md §7 (interview = 7 items)', answers: { ...none, 8: 1 }, expected: { kind: 'invalid', item: '8' } },
  { name: 'answer 3 is not yes/no', source: 'instruments.md §7 (yes = 1, no = 0)', answers: { 1: 3 }, expected: { kind: 'invalid', item: '1' } },
];
