// PROMIS Short Form v1.0 – Pain Interference 6a. Every fact: https://www.healthmeasures.net/explore-measurement-systems/promis.
// Six items: the PI 4a items plus PAININ12 and PAININ36 (PROMIS, HealthMeasures, https://www.healthmeasures.net/explore-measurement-systems/promis), each 1 (not at all) … 5 (very much),
// 7-day recall. Raw = sum (6–30) → T-score and SE from the DERIVED summed-score table in PROMIS, HealthMeasures, https://www.healthmeasures.net/explore-measurement-systems/promis (computed
// with the Lord–Wingersky summed-score algorithm from the PROMIS item calibrations; not the official HealthMeasures table —
// UNCONFIRMED, see setting PROMIS_PI_6A_TABLE). Higher T = more interference. All items required.

import type { InstrumentDefinition, ScoreResult } from '../model.ts';
import {
  INTERFERENCE,
  PI_4A_ITEMS,
  PROMIS_ITEM_TEXT_SETTING,
  PROMIS_LICENCE,
  PROMIS_PI_LOINC_SETTING,
  PROMIS_PRORATION_SETTING,
  promisChange,
  promisMidSetting,
  promisTableScore,
  tableRange,
  type PromisTable,
} from '../promis-pi-4a/definition.ts';

/** PROMIS, HealthMeasures, https://www.healthmeasures.net/explore-measurement-systems/promis, PI 6a — derived table, raw 6…30. */
export const PI_6A_TABLE: PromisTable = {
  minRaw: 6,
  t: [
    41.1, 48.6, 50.7, 52.2, 53.4, 54.5, 55.6, 56.6, 57.6, 58.6, 59.5, 60.4, 61.2, 62.1, 63.0, 63.8, 64.8, 65.7, 66.7, 67.6, 68.7, 69.8,
    71.0, 72.6, 76.3,
  ],
  se: [6.0, 2.4, 1.8, 1.6, 1.6, 1.6, 1.5, 1.5, 1.5, 1.5, 1.5, 1.4, 1.4, 1.4, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.6, 2.0, 3.6],
};

const ITEMS = [
  ...PI_4A_ITEMS,
  {
    key: '5',
    construct: 'How much pain interfered with the things usually done for fun in the past 7 days (PAININ12)',
    options: INTERFERENCE,
  },
  {
    key: '6',
    construct: 'How much pain interfered with enjoyment of social activities in the past 7 days (PAININ36)',
    options: INTERFERENCE,
  },
];
const KEYS = ITEMS.map((i) => i.key);

export const promisPi6a: InstrumentDefinition = {
  id: 'promis-pi-6a',
  version: 'PROMIS Short Form v1.0 – Pain Interference 6a',
  scoringVersion: '1',
  title: 'PROMIS Pain Interference – Short Form 6a',
  shortTitle: 'PROMIS PI 6a',
  measures: 'Pain interference with daily, social, household and leisure activities',
  recallPeriod: 'In the past 7 days',
  items: ITEMS,
  scoreRange: tableRange(PI_6A_TABLE),
  primaryScore: 'tScore',
  scoreUnit: 'T-score (mean 50, SD 10, US general population)',
  direction: 'lower-is-better',
  bands: [],
  change: promisChange(true),
  monotone: true,
  loinc: { panel: '90973-9' },
  licence: PROMIS_LICENCE,
  source:
    'PROMIS PI SF v1.0 6a; item composition per the PROMIS Assessment Center form data; T-scores from the derived Lord–Wingersky summed-score table in https://www.healthmeasures.net/explore-measurement-systems/promis (not official). https://www.healthmeasures.net/explore-measurement-systems/promis.',
  settings: [
    {
      name: 'PROMIS_PI_6A_TABLE',
      value: 'derived table (https://www.healthmeasures.net/explore-measurement-systems/promis), UNCONFIRMED',
      why: 'The official HealthMeasures summed-score table was not retrievable; the table was computed from the PROMIS item calibrations (the method reproduces the published PI 4a table exactly). Verify against the HealthMeasures scoring manual before clinical use.',
    },
    PROMIS_PRORATION_SETTING,
    promisMidSetting(true),
    PROMIS_PI_LOINC_SETTING,
    {
      name: 'PROMIS_PI_6A_PANEL_LOINC',
      value: '90973-9',
      why: 'Secondary, from public FHIR IG examples — verify on loinc.org (Chen 2018, J Pain, https://minnesota-staging.pure.elsevier.com/en/publications/estimating-minimally-important-differences-for-the-promis-pain-in; https://www.healthmeasures.net/explore-measurement-systems/promis/obtain-administer-measures).',
    },
    {
      ...PROMIS_ITEM_TEXT_SETTING,
      why: `${PROMIS_ITEM_TEXT_SETTING.why} One public app lists PAININ37 instead of PAININ12; the Assessment-Center-derived item list (PAININ12) is used (https://www.healthmeasures.net/explore-measurement-systems/promis).`,
    },
  ],
  score(answers): ScoreResult {
    return promisTableScore(KEYS, PI_6A_TABLE, answers);
  },
};
