// PROMIS Pain Intensity 3a golden cases, worked by hand from the DERIVED table in https://www.healthmeasures.net/explore-measurement-systems/promis
// (raw = sum of 3 items 1–5; raw → T, SE) and table PROMIS, HealthMeasures, https://www.healthmeasures.net/explore-measurement-systems/promis.
import type { InstrumentGolden } from '../golden.ts';

const G13 = 'https://www.healthmeasures.net/explore-measurement-systems/promis (PROMIS, Pain Intensity 3a derived table)';
const T = 'PROMIS, HealthMeasures, https://www.healthmeasures.net/explore-measurement-systems/promis Pain Intensity 3a derived table';

export const PROMIS_PAIN_INTENSITY_3A_GOLDEN: readonly InstrumentGolden[] = [
  {
    name: 'PROMIS, HealthMeasures, https://www.healthmeasures.net/explore-measurement-systems/promis: 3,3,3 → raw 9, T 52.1, SE 2.8',
    source: G13,
    answers: { 1: 3, 2: 3, 3: 3 },
    expected: { kind: 'scored', score: 52.1, scores: { raw: 9, tScore: 52.1, se: 2.8 }, band: null, missing: [] },
  },
  {
    name: 'all 1 (no pain) → raw 3, T 30.7, SE 4.5',
    source: T,
    answers: { 1: 1, 2: 1, 3: 1 },
    expected: { kind: 'scored', score: 30.7, scores: { raw: 3, se: 4.5 }, band: null },
  },
  {
    name: 'all 5 (very severe) → raw 15, T 71.9, SE 5.1',
    source: T,
    answers: { 1: 5, 2: 5, 3: 5 },
    expected: { kind: 'scored', score: 71.9, scores: { raw: 15, se: 5.1 }, band: null },
  },
  {
    name: '4,3,2 → raw 9, T 52.1 (only the sum matters)',
    source: T,
    answers: { 1: 4, 2: 3, 3: 2 },
    expected: { kind: 'scored', score: 52.1, scores: { raw: 9 }, band: null },
  },
  {
    name: 'item 3 (right now) missing → not scored',
    source:
      'Chen 2018, J Pain, https://minnesota-staging.pure.elsevier.com/en/publications/estimating-minimally-important-differences-for-the-promis-pain-in; https://www.healthmeasures.net/explore-measurement-systems/promis/obtain-administer-measures (summed-score tables need all items; proration UNCONFIRMED)',
    answers: { 1: 4, 2: 3 },
    expected: { kind: 'incomplete', missing: ['3'] },
  },
  {
    name: 'answer 6 is out of range (1–5)',
    source: 'PROMIS, HealthMeasures, https://www.healthmeasures.net/explore-measurement-systems/promis (items scored 1–5)',
    answers: { 1: 6, 2: 3, 3: 3 },
    expected: { kind: 'invalid', item: '1' },
  },
];
