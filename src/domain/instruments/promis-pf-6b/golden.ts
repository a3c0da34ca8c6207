// PROMIS PF 6b golden cases, worked by hand from the DERIVED table in https://www.healthmeasures.net/explore-measurement-systems/promis (answers 5 =
// without any difficulty … 1 = unable; raw = sum; raw → T, SE; higher = better) and table PROMIS, HealthMeasures, https://www.healthmeasures.net/explore-measurement-systems/promis.
import type { InstrumentGolden } from '../golden.ts';

const G13 = 'https://www.healthmeasures.net/explore-measurement-systems/promis (PROMIS, PF 6b derived table)';
const T = 'PROMIS, HealthMeasures, https://www.healthmeasures.net/explore-measurement-systems/promis PF 6b derived table';

export const PROMIS_PF_6B_GOLDEN: readonly InstrumentGolden[] = [
  {
    name: 'PROMIS, HealthMeasures, https://www.healthmeasures.net/explore-measurement-systems/promis: 3,3,3,3,3,2 → raw 17, T 36.8 (matches a public FHIR example)',
    source: G13,
    answers: { 1: 3, 2: 3, 3: 3, 4: 3, 5: 3, 6: 2 },
    expected: { kind: 'scored', score: 36.8, scores: { raw: 17, tScore: 36.8, se: 1.8 }, band: null, missing: [] },
  },
  {
    name: 'all 5 (no difficulty) → raw 30, T 58.7, SE 6.2',
    source: T,
    answers: { 1: 5, 2: 5, 3: 5, 4: 5, 5: 5, 6: 5 },
    expected: { kind: 'scored', score: 58.7, scores: { raw: 30, se: 6.2 }, band: null },
  },
  {
    name: 'all 1 (unable) → raw 6, T 21.5, SE 3.8',
    source: T,
    answers: { 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1 },
    expected: { kind: 'scored', score: 21.5, scores: { raw: 6, se: 3.8 }, band: null },
  },
  {
    name: '4,4,4,4,4,4 → raw 24, T 43.1',
    source: T,
    answers: { 1: 4, 2: 4, 3: 4, 4: 4, 5: 4, 6: 4 },
    expected: { kind: 'scored', score: 43.1, scores: { raw: 24, se: 1.9 }, band: null },
  },
  {
    name: 'item 1 missing → not scored',
    source:
      'Chen 2018, J Pain, https://minnesota-staging.pure.elsevier.com/en/publications/estimating-minimally-important-differences-for-the-promis-pain-in; https://www.healthmeasures.net/explore-measurement-systems/promis/obtain-administer-measures (summed-score tables need all items; proration UNCONFIRMED)',
    answers: { 2: 3, 3: 3, 4: 3, 5: 3, 6: 3 },
    expected: { kind: 'incomplete', missing: ['1'] },
  },
  {
    name: 'answer 0 is out of range (1–5)',
    source: 'PROMIS, HealthMeasures, https://www.healthmeasures.net/explore-measurement-systems/promis (5 … 1)',
    answers: { 1: 0, 2: 3, 3: 3, 4: 3, 5: 3, 6: 3 },
    expected: { kind: 'invalid', item: '1' },
  },
];
