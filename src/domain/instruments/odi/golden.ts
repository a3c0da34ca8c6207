// ODI golden cases, worked by hand from Fairbank & Pynsent 2000, Spine 25:2940, https://doi.org/10.1097/00007632-200011150-00017 (percent = total / (5 × answered) × 100; at most
// 1 unanswered section; bands 0–20 / >20–40 / >40–60 / >60–80 / >80) and its table Fairbank & Pynsent 2000, Spine 25:2940, https://doi.org/10.1097/00007632-200011150-00017.
import type { InstrumentGolden } from '../golden.ts';

const G7 = 'Fairbank & Pynsent 2000, Spine 25:2940, https://doi.org/10.1097/00007632-200011150-00017 (ODI)';
const sections = (values: readonly (number | null)[]): Record<string, number | null> =>
  Object.fromEntries(values.map((v, i) => [String(i + 1), v]));

export const ODI_GOLDEN: readonly InstrumentGolden[] = [
  {
    name: 'case 1: 10 answered, sum 16 → 16/50 = 32 %, moderate',
    source: G7,
    answers: sections([2, 2, 2, 2, 2, 2, 1, 1, 1, 1]),
    expected: { kind: 'scored', score: 32, scores: { percent: 32, total: 16, answered: 10 }, band: 'moderate', flags: [], missing: [] },
  },
  {
    name: 'case 2: section 8 not applicable, sum 16 of 9 → 16/45 = 35.56 %, moderate',
    source: `${G7} (form prints 35.5)`,
    answers: sections([2, 2, 2, 2, 2, 2, 2, null, 1, 1]),
    expected: { kind: 'scored', score: (16 / 45) * 100, scores: { total: 16, answered: 9 }, band: 'moderate', missing: ['8'] },
  },
  {
    name: 'case 2 variant: a section other than 8 unanswered is allowed the same way',
    source: `${G7}; Fairbank & Pynsent 2000, Spine 25:2940, https://doi.org/10.1097/00007632-200011150-00017 missing rule`,
    answers: sections([2, 2, null, 2, 2, 2, 2, 2, 1, 1]),
    expected: { kind: 'scored', score: (16 / 45) * 100, band: 'moderate', missing: ['3'] },
  },
  {
    name: 'case 3: 8 answered (8 and 10 unanswered) → not scored under the 1-missing cap',
    source: G7,
    answers: sections([2, 2, 2, 2, 2, 2, 2, null, 2, null]),
    expected: { kind: 'incomplete', missing: ['8', '10'], scores: { percent: null } },
  },
  {
    name: 'case 4: sum 21 of 10 → 42 %, severe (edge 40/41)',
    source: G7,
    answers: sections([3, 3, 3, 2, 2, 2, 2, 2, 1, 1]),
    expected: { kind: 'scored', score: 42, band: 'severe' },
  },
  {
    name: 'cut-off: exactly 20 % (10/50) is minimal',
    source: 'Fairbank & Pynsent 2000, Spine 25:2940, https://doi.org/10.1097/00007632-200011150-00017 bands (0–20 minimal) ODI 20/21',
    answers: sections([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]),
    expected: { kind: 'scored', score: 20, band: 'minimal' },
  },
  {
    name: 'cut-off: 22 % (11/50) is moderate',
    source: 'Fairbank & Pynsent 2000, Spine 25:2940, https://doi.org/10.1097/00007632-200011150-00017 bands (21–40 moderate)',
    answers: sections([2, 1, 1, 1, 1, 1, 1, 1, 1, 1]),
    expected: { kind: 'scored', score: 22, band: 'moderate' },
  },
  {
    name: 'cut-off: 10/45 = 22.2 % with one section missing is above 20 → moderate',
    source: 'Fairbank & Pynsent 2000, Spine 25:2940, https://doi.org/10.1097/00007632-200011150-00017 ("21–40 %" read as above 20)',
    answers: sections([2, 1, 1, 1, 1, 1, 1, null, 1, 1]),
    expected: { kind: 'scored', score: (10 / 45) * 100, band: 'moderate', missing: ['8'] },
  },
  {
    name: 'cut-off: exactly 40 % (20/50) is moderate',
    source: 'Fairbank & Pynsent 2000, Spine 25:2940, https://doi.org/10.1097/00007632-200011150-00017 bands ODI 40/41, 80/81',
    answers: sections([2, 2, 2, 2, 2, 2, 2, 2, 2, 2]),
    expected: { kind: 'scored', score: 40, band: 'moderate' },
  },
  {
    name: 'cut-off: exactly 60 % (30/50) is severe',
    source: 'Fairbank & Pynsent 2000, Spine 25:2940, https://doi.org/10.1097/00007632-200011150-00017 bands (41–60 severe) ODI 60/61',
    answers: sections([3, 3, 3, 3, 3, 3, 3, 3, 3, 3]),
    expected: { kind: 'scored', score: 60, band: 'severe' },
  },
  {
    name: 'cut-off: 62 % (31/50) is crippled',
    source: 'Fairbank & Pynsent 2000, Spine 25:2940, https://doi.org/10.1097/00007632-200011150-00017 bands (61–80 crippled) ODI 60/61',
    answers: sections([4, 3, 3, 3, 3, 3, 3, 3, 3, 3]),
    expected: { kind: 'scored', score: 62, band: 'crippled' },
  },
  {
    name: 'cut-off: exactly 80 % (40/50) is crippled',
    source: 'Fairbank & Pynsent 2000, Spine 25:2940, https://doi.org/10.1097/00007632-200011150-00017 bands (61–80 crippled)',
    answers: sections([4, 4, 4, 4, 4, 4, 4, 4, 4, 4]),
    expected: { kind: 'scored', score: 80, band: 'crippled' },
  },
  {
    name: 'cut-off: 82 % (41/50) is bed-bound',
    source: 'Fairbank & Pynsent 2000, Spine 25:2940, https://doi.org/10.1097/00007632-200011150-00017 bands (81–100 bed-bound) ODI 80/81',
    answers: sections([5, 4, 4, 4, 4, 4, 4, 4, 4, 4]),
    expected: { kind: 'scored', score: 82, band: 'bed-bound' },
  },
  {
    name: 'maximum 50/50 = 100 % is bed-bound',
    source: 'Fairbank & Pynsent 2000, Spine 25:2940, https://doi.org/10.1097/00007632-200011150-00017 bands (81–100)',
    answers: sections([5, 5, 5, 5, 5, 5, 5, 5, 5, 5]),
    expected: { kind: 'scored', score: 100, band: 'bed-bound' },
  },
  {
    name: 'section score 6 is out of range',
    source: 'Fairbank & Pynsent 2000, Spine 25:2940, https://doi.org/10.1097/00007632-200011150-00017 (0–5 per section)',
    answers: { 1: 6 },
    expected: { kind: 'invalid', item: '1' },
  },
];
