// PROMIS Short Form v1.2 – Physical Function 6b. Every fact: https://www.healthmeasures.net/explore-measurement-systems/promis.
// Six items (PFA11, PFA21, PFA23, PFA53, PFB1, PFC12; PROMIS, HealthMeasures, https://www.healthmeasures.net/explore-measurement-systems/promis), no recall period. Answers are stored
// 5 (without any difficulty / not at all limited) … 1 (unable / cannot do), so a higher raw score and a
// higher T-score mean BETTER function (direction higher-is-better). Raw = sum (6–30) → T-score and SE
// from the DERIVED summed-score table in PROMIS, HealthMeasures, https://www.healthmeasures.net/explore-measurement-systems/promis (not official — UNCONFIRMED; raw 17 → 36.8 matches a public
// FHIR example). All items required.

import type { InstrumentDefinition, ResponseOption, ScoreResult } from '../model.ts';
import {
  PROMIS_ITEM_TEXT_SETTING,
  PROMIS_LICENCE,
  PROMIS_PRORATION_SETTING,
  promisChange,
  promisMidSetting,
  promisTableScore,
  tableRange,
  type PromisTable,
} from '../promis-pi-4a/definition.ts';

/** PROMIS, HealthMeasures, https://www.healthmeasures.net/explore-measurement-systems/promis, PF 6b — derived table, raw 6…30. */
export const PF_6B_TABLE: PromisTable = {
  minRaw: 6,
  t: [
    21.5, 25.4, 27.5, 29.1, 30.4, 31.5, 32.5, 33.4, 34.3, 35.1, 36.0, 36.8, 37.6, 38.5, 39.3, 40.2, 41.1, 42.1, 43.1, 44.2, 45.4, 46.8,
    48.6, 50.9, 58.7,
  ],
  se: [3.8, 2.6, 2.2, 2.1, 2.0, 1.9, 1.8, 1.8, 1.8, 1.8, 1.8, 1.8, 1.8, 1.8, 1.8, 1.8, 1.8, 1.8, 1.9, 1.9, 2.0, 2.2, 2.6, 2.9, 6.2],
};

/** LOINC for the PF 6b raw score (the T-score is the definition's score code); secondary (Chen 2018, J Pain, https://minnesota-staging.pure.elsevier.com/en/publications/estimating-minimally-important-differences-for-the-promis-pain-in; https://www.healthmeasures.net/explore-measurement-systems/promis/obtain-administer-measures). */
export const PF_6B_RAW_LOINC = '77797-9';

/** "Are you able to …" items: 5 without any difficulty … 1 unable to do. */
const ABLE: readonly ResponseOption[] = [
  { value: 5, label: 'Without any difficulty' },
  { value: 4, label: 'With a little difficulty' },
  { value: 3, label: 'With some difficulty' },
  { value: 2, label: 'With much difficulty' },
  { value: 1, label: 'Unable to do' },
];
/** "Does your health now limit you …" items: 5 not at all … 1 cannot do. */
const LIMIT: readonly ResponseOption[] = [
  { value: 5, label: 'Not at all' },
  { value: 4, label: 'Very little' },
  { value: 3, label: 'Somewhat' },
  { value: 2, label: 'Quite a lot' },
  { value: 1, label: 'Cannot do' },
];

const ITEMS = [
  { key: '1', construct: 'Ability to do chores such as vacuuming or yard work (PFA11)', options: ABLE },
  { key: '2', construct: 'Ability to go up and down stairs at a normal pace (PFA21)', options: ABLE },
  { key: '3', construct: 'Ability to go for a walk of at least 15 minutes (PFA23)', options: ABLE },
  { key: '4', construct: 'Ability to run errands and shop (PFA53)', options: ABLE },
  { key: '5', construct: 'Whether health now limits moderate work around the house (PFB1)', options: LIMIT },
  { key: '6', construct: 'Whether health now limits a couple of hours of physical labour (PFC12)', options: LIMIT },
];
const KEYS = ITEMS.map((i) => i.key);

export const promisPf6b: InstrumentDefinition = {
  id: 'promis-pf-6b',
  version: 'PROMIS Short Form v1.2 – Physical Function 6b',
  scoringVersion: '1',
  title: 'PROMIS Physical Function – Short Form 6b',
  shortTitle: 'PROMIS PF 6b',
  measures: 'Physical function: everyday physical activities',
  recallPeriod: null,
  items: ITEMS,
  scoreRange: tableRange(PF_6B_TABLE),
  primaryScore: 'tScore',
  scoreUnit: 'T-score (mean 50, SD 10, US general population)',
  direction: 'higher-is-better',
  bands: [],
  change: promisChange(false),
  monotone: true,
  loinc: { panel: '76804-4', score: '77866-2' },
  licence: PROMIS_LICENCE,
  source:
    'PROMIS PF SF v1.2 6b; item composition per the PROMIS Assessment Center form data; T-scores from the derived Lord–Wingersky summed-score table in https://www.healthmeasures.net/explore-measurement-systems/promis (not official). https://www.healthmeasures.net/explore-measurement-systems/promis.',
  settings: [
    {
      name: 'PROMIS_PF_6B_TABLE',
      value: 'derived table (https://www.healthmeasures.net/explore-measurement-systems/promis), UNCONFIRMED',
      why: 'The official HealthMeasures summed-score table was not retrievable; the table was computed from the PROMIS item calibrations (raw 17 → 36.8 matches a public FHIR example). Verify against the HealthMeasures scoring manual before clinical use.',
    },
    PROMIS_PRORATION_SETTING,
    promisMidSetting(false),
    {
      name: 'PROMIS_PF_6B_LOINC',
      value: 'panel 76804-4, raw 77797-9, T-score 77866-2',
      why: 'Secondary, from public FHIR IG examples — verify on loinc.org (Chen 2018, J Pain, https://minnesota-staging.pure.elsevier.com/en/publications/estimating-minimally-important-differences-for-the-promis-pain-in; https://www.healthmeasures.net/explore-measurement-systems/promis/obtain-administer-measures).',
    },
    PROMIS_ITEM_TEXT_SETTING,
  ],
  score(answers): ScoreResult {
    return promisTableScore(KEYS, PF_6B_TABLE, answers);
  },
};
