// PROMIS PI 4a golden cases, worked by hand from the published table in https://www.healthmeasures.net/explore-measurement-systems/promis (raw = sum of
// 4 items 1–5; raw → T, SE) and table PROMIS, HealthMeasures, https://www.healthmeasures.net/explore-measurement-systems/promis. No cut-offs (band null); summed-score tables need all items.
import type { InstrumentGolden } from '../golden.ts';

const G13 = 'https://www.healthmeasures.net/explore-measurement-systems/promis (PROMIS, PI 4a published table)';
const T = 'PROMIS, HealthMeasures, https://www.healthmeasures.net/explore-measurement-systems/promis PI 4a table';

export const PROMIS_PI_4A_GOLDEN: readonly InstrumentGolden[] = [
  {
    name: 'PROMIS, HealthMeasures, https://www.healthmeasures.net/explore-measurement-systems/promis: 3,3,3,3 → raw 12, T 61.2, SE 1.8',
    source: G13,
    answers: { 1: 3, 2: 3, 3: 3, 4: 3 },
    expected: { kind: 'scored', score: 61.2, scores: { raw: 12, tScore: 61.2, se: 1.8 }, band: null, missing: [] },
  },
  {
    name: 'PROMIS, HealthMeasures, https://www.healthmeasures.net/explore-measurement-systems/promis: 1,1,1,1 → raw 4, T 41.6 (table floor), SE 6.1',
    source: G13,
    answers: { 1: 1, 2: 1, 3: 1, 4: 1 },
    expected: { kind: 'scored', score: 41.6, scores: { raw: 4, tScore: 41.6, se: 6.1 }, band: null },
  },
  {
    name: '2,1,1,1 → raw 5, T 49.6',
    source: T,
    answers: { 1: 2, 2: 1, 3: 1, 4: 1 },
    expected: { kind: 'scored', score: 49.6, scores: { raw: 5, se: 2.5 }, band: null },
  },
  {
    name: '5,5,5,5 → raw 20, T 75.6 (table ceiling), SE 3.7',
    source: T,
    answers: { 1: 5, 2: 5, 3: 5, 4: 5 },
    expected: { kind: 'scored', score: 75.6, scores: { raw: 20, se: 3.7 }, band: null },
  },
  {
    name: 'PROMIS, HealthMeasures, https://www.healthmeasures.net/explore-measurement-systems/promis: 3,3,–,3 → not scored (proration UNCONFIRMED)',
    source: G13,
    answers: { 1: 3, 2: 3, 4: 3 },
    expected: { kind: 'incomplete', missing: ['3'], scores: { raw: null, tScore: null } },
  },
  {
    name: 'answer 0 is out of range (1–5)',
    source: 'PROMIS, HealthMeasures, https://www.healthmeasures.net/explore-measurement-systems/promis (items scored 1–5)',
    answers: { 1: 3, 2: 0, 3: 3, 4: 3 },
    expected: { kind: 'invalid', item: '2' },
  },
];
