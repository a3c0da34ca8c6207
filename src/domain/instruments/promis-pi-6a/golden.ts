// PROMIS PI 6a golden cases, worked by hand from the DERIVED table in https://www.healthmeasures.net/explore-measurement-systems/promis (raw = sum of
// 6 items 1–5; raw → T, SE) and table PROMIS, HealthMeasures, https://www.healthmeasures.net/explore-measurement-systems/promis. No cut-offs (band null); all items required.
import type { InstrumentGolden } from '../golden.ts';

const G13 = 'https://www.healthmeasures.net/explore-measurement-systems/promis (PROMIS, PI 6a derived table)';
const T = 'PROMIS, HealthMeasures, https://www.healthmeasures.net/explore-measurement-systems/promis PI 6a derived table';

export const PROMIS_PI_6A_GOLDEN: readonly InstrumentGolden[] = [
  {
    name: 'PROMIS, HealthMeasures, https://www.healthmeasures.net/explore-measurement-systems/promis: 3,3,3,3,3,3 → raw 18, T 61.2, SE 1.4',
    source: G13,
    answers: { 1: 3, 2: 3, 3: 3, 4: 3, 5: 3, 6: 3 },
    expected: { kind: 'scored', score: 61.2, scores: { raw: 18, tScore: 61.2, se: 1.4 }, band: null, missing: [] },
  },
  {
    name: 'all 1 → raw 6, T 41.1 (floor ≈ 41, not 38.6)',
    source: T,
    answers: { 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1 },
    expected: { kind: 'scored', score: 41.1, scores: { raw: 6, se: 6.0 }, band: null },
  },
  {
    name: '2,2,2,2,2,1 → raw 11, T 54.5',
    source: T,
    answers: { 1: 2, 2: 2, 3: 2, 4: 2, 5: 2, 6: 1 },
    expected: { kind: 'scored', score: 54.5, scores: { raw: 11, se: 1.6 }, band: null },
  },
  {
    name: 'all 5 → raw 30, T 76.3, SE 3.6',
    source: T,
    answers: { 1: 5, 2: 5, 3: 5, 4: 5, 5: 5, 6: 5 },
    expected: { kind: 'scored', score: 76.3, scores: { raw: 30, se: 3.6 }, band: null },
  },
  {
    name: 'item 6 missing → not scored',
    source:
      'Chen 2018, J Pain, https://minnesota-staging.pure.elsevier.com/en/publications/estimating-minimally-important-differences-for-the-promis-pain-in; https://www.healthmeasures.net/explore-measurement-systems/promis/obtain-administer-measures (summed-score tables need all items; proration UNCONFIRMED)',
    answers: { 1: 3, 2: 3, 3: 3, 4: 3, 5: 3 },
    expected: { kind: 'incomplete', missing: ['6'] },
  },
  {
    name: 'answer 6 is out of range (1–5)',
    source: 'PROMIS, HealthMeasures, https://www.healthmeasures.net/explore-measurement-systems/promis (items scored 1–5)',
    answers: { 1: 3, 2: 3, 3: 3, 4: 3, 5: 6, 6: 3 },
    expected: { kind: 'invalid', item: '5' },
  },
];
