// PROMIS Scale v1.0 – Pain Intensity 3a. Every fact: https://www.healthmeasures.net/explore-measurement-systems/promis.
// Three items (PAINQU6 worst pain and PAINQU8 average pain in the past 7 days, PAINQU21 pain right now;
// PROMIS, HealthMeasures, https://www.healthmeasures.net/explore-measurement-systems/promis), each 1 (no pain) … 5 (very severe). Raw = sum (3–15) → T-score and SE from the DERIVED
// summed-score table in PROMIS, HealthMeasures, https://www.healthmeasures.net/explore-measurement-systems/promis (not official — UNCONFIRMED). Higher T = more pain. All items required.

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
import { scaleOptions } from '../scoring.ts';

/** PROMIS, HealthMeasures, https://www.healthmeasures.net/explore-measurement-systems/promis, Pain Intensity 3a — derived table, raw 3…15. */
export const PAIN_INTENSITY_3A_TABLE: PromisTable = {
  minRaw: 3,
  t: [30.7, 36.3, 40.2, 43.5, 46.3, 49.4, 52.1, 54.5, 57.5, 60.5, 64.1, 67.4, 71.9],
  se: [4.5, 3.1, 3.0, 3.0, 3.0, 2.9, 2.8, 2.9, 3.1, 3.1, 3.8, 4.2, 5.1],
};

const PAST: readonly ResponseOption[] = scaleOptions(['Had no pain', 'Mild', 'Moderate', 'Severe', 'Very severe'], 1);
const NOW: readonly ResponseOption[] = scaleOptions(['No pain', 'Mild', 'Moderate', 'Severe', 'Very severe'], 1);

const ITEMS = [
  { key: '1', construct: 'Intensity of the worst pain in the past 7 days (PAINQU6)', options: PAST },
  { key: '2', construct: 'Intensity of the average pain in the past 7 days (PAINQU8)', options: PAST },
  { key: '3', construct: 'Intensity of the pain right now (PAINQU21)', options: NOW },
];
const KEYS = ITEMS.map((i) => i.key);

export const promisPainIntensity3a: InstrumentDefinition = {
  id: 'promis-pain-intensity-3a',
  version: 'PROMIS Scale v1.0 – Pain Intensity 3a',
  scoringVersion: '1',
  title: 'PROMIS Pain Intensity – Short Form 3a',
  shortTitle: 'PROMIS Pain Intensity 3a',
  measures: 'Pain intensity: worst and average in the past 7 days, and now',
  recallPeriod: 'In the past 7 days (item 3: right now)',
  items: ITEMS,
  scoreRange: tableRange(PAIN_INTENSITY_3A_TABLE),
  primaryScore: 'tScore',
  scoreUnit: 'T-score (mean 50, SD 10, US general population)',
  direction: 'lower-is-better',
  bands: [],
  change: promisChange(false),
  monotone: true,
  loinc: {},
  licence: PROMIS_LICENCE,
  source:
    'PROMIS Pain Intensity v1.0 3a; item composition per the PROMIS Assessment Center form data; T-scores from the derived Lord–Wingersky summed-score table in https://www.healthmeasures.net/explore-measurement-systems/promis (not official). https://www.healthmeasures.net/explore-measurement-systems/promis.',
  settings: [
    {
      name: 'PROMIS_PAIN_INTENSITY_3A_TABLE',
      value: 'derived table (https://www.healthmeasures.net/explore-measurement-systems/promis), UNCONFIRMED',
      why: 'The official HealthMeasures summed-score table was not retrievable; the table was computed from the PROMIS item calibrations. Verify against the HealthMeasures scoring manual before clinical use.',
    },
    PROMIS_PRORATION_SETTING,
    promisMidSetting(false),
    PROMIS_ITEM_TEXT_SETTING,
  ],
  score(answers): ScoreResult {
    return promisTableScore(KEYS, PAIN_INTENSITY_3A_TABLE, answers);
  },
};
