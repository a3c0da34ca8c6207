// PROMIS Short Form v1.0 – Pain Interference 4a. Every fact: https://www.healthmeasures.net/explore-measurement-systems/promis.
// Four items (PAININ9, PAININ22, PAININ31, PAININ34; PROMIS, HealthMeasures, https://www.healthmeasures.net/explore-measurement-systems/promis), each 1 (not at all) … 5 (very much), 7-day
// recall. Raw = sum (4–20) → T-score and SE from the PUBLISHED summed-score table (PROMIS, HealthMeasures, https://www.healthmeasures.net/explore-measurement-systems/promis, confirmed by two
// independent sources). Higher T = more interference. Summed-score tables need every item: proration
// (HealthMeasures ≥ 50 %) is UNCONFIRMED, so any missing item leaves the response incomplete.
// This file also holds what the four PROMIS short forms share (table scoring, licence, MID setting); the
// other three (promis-pi-6a, promis-pf-6b, promis-pain-intensity-3a) use derived tables marked UNCONFIRMED.

import type { ChangeRule, InstrumentDefinition, Licence, ResponseOption, ScoreResult, SettingDoc } from '../model.ts';
import { scaleOptions } from '../scoring.ts';

/** A raw-summed-score → T-score look-up: `t[i]` and `se[i]` belong to raw score `minRaw + i`. */
export interface PromisTable {
  readonly minRaw: number;
  readonly t: readonly number[];
  readonly se: readonly number[];
}

/** Score a PROMIS short form from its summed-score table; every item required (no proration). */
export function promisTableScore(keys: readonly string[], table: PromisTable, answers: ReadonlyMap<string, number>): ScoreResult {
  const missing = keys.filter((k) => !answers.has(k));
  if (missing.length > 0) return { kind: 'incomplete', missing, scores: { raw: null, tScore: null, se: null }, flags: [] };
  let raw = 0;
  for (const k of keys) raw += answers.get(k)!;
  const i = raw - table.minRaw;
  const tScore = table.t[i];
  const se = table.se[i];
  if (tScore === undefined || se === undefined) throw new Error(`PROMIS table has no row for raw score ${raw}`);
  return { kind: 'scored', score: tScore, scores: { raw, tScore, se }, band: null, flags: [], missing: [] };
}

export function tableRange(table: PromisTable): { readonly min: number; readonly max: number } {
  return { min: Math.min(...table.t), max: Math.max(...table.t) };
}

export const PROMIS_LICENCE: Licence = {
  kind: 'licensed',
  holder: 'PROMIS Health Organization',
  attribution:
    'PROMIS® measures are copyrighted by the PROMIS Health Organization (PHO). Distributed by HealthMeasures (healthmeasures.net).',
  note: 'Free for individual research and clinical practice; commercial use and integration into proprietary technology need written permission, electronic administration a HealthMeasures Electronic Administration Permission; open-source distribution of item text or tables needs explicit permission — ask HealthMeasures (Chen 2018, J Pain, https://minnesota-staging.pure.elsevier.com/en/publications/estimating-minimally-important-differences-for-the-promis-pain-in; https://www.healthmeasures.net/explore-measurement-systems/promis/obtain-administer-measures).',
};

export const PROMIS_T_MID = 2;

/** The PROMIS important-change rule: a T-score change of at least PROMIS_T_MID points. */
export function promisChange(confirmedForThisDomain: boolean): ChangeRule {
  return confirmedForThisDomain
    ? {
        kind: 'threshold',
        points: PROMIS_T_MID,
        source:
          'PROMIS PI MID 2–3 T-score points in chronic pain, Chen 2018 J Pain (https://minnesota-staging.pure.elsevier.com/en/publications/estimating-minimally-important-differences-for-the-promis-pain-in; https://www.healthmeasures.net/explore-measurement-systems/promis/obtain-administer-measures); the lower end is used',
      }
    : {
        kind: 'threshold',
        points: PROMIS_T_MID,
        source:
          'PROMIS PI MID (Chen 2018, https://minnesota-staging.pure.elsevier.com/en/publications/estimating-minimally-important-differences-for-the-promis-pain-in; https://www.healthmeasures.net/explore-measurement-systems/promis/obtain-administer-measures) applied to this domain — UNCONFIRMED',
        unconfirmed: true,
      };
}

export function promisMidSetting(confirmedForThisDomain: boolean): SettingDoc {
  return confirmedForThisDomain
    ? {
        name: 'PROMIS_T_MID',
        value: PROMIS_T_MID,
        why: 'Chen 2018 (J Pain) reports a PROMIS Pain Interference MID of 2–3 T-score points in chronic pain samples (3.5–4.5 in stroke); the lower end is used (https://minnesota-staging.pure.elsevier.com/en/publications/estimating-minimally-important-differences-for-the-promis-pain-in; https://www.healthmeasures.net/explore-measurement-systems/promis/obtain-administer-measures).',
      }
    : {
        name: 'PROMIS_T_MID',
        value: PROMIS_T_MID,
        why: 'UNCONFIRMED for this domain: the only MID in the sources is Chen 2018 for Pain Interference (2–3 T points, https://minnesota-staging.pure.elsevier.com/en/publications/estimating-minimally-important-differences-for-the-promis-pain-in; https://www.healthmeasures.net/explore-measurement-systems/promis/obtain-administer-measures); the same 2 points is used until a domain-specific MID is sourced.',
      };
}

export const PROMIS_PRORATION_SETTING: SettingDoc = {
  name: 'PROMIS_PRORATION',
  value: 'off — all items required',
  why: 'Summed-score tables require all items; HealthMeasures prorating (≥ 50 % answered, round(sum × n / answered)) is UNCONFIRMED (Chen 2018, J Pain, https://minnesota-staging.pure.elsevier.com/en/publications/estimating-minimally-important-differences-for-the-promis-pain-in; https://www.healthmeasures.net/explore-measurement-systems/promis/obtain-administer-measures). Response-pattern scoring via the HealthMeasures Scoring Service would handle missing items.',
};

export const PROMIS_ITEM_TEXT_SETTING: SettingDoc = {
  name: 'PROMIS_ITEM_TEXT',
  value: 'constructs paraphrased, identified by PROMIS item id',
  why: 'Item wording is not reproduced (licensed); item ids and order follow the https://www.healthmeasures.net/explore-measurement-systems/promis listing, which gives only the end anchors of the answers (the middle labels follow the usual PROMIS wording). Check order and wording against the licensed form before display.',
};

/** Pain interference answers (PROMIS PI v1.0): 1 not at all … 5 very much. */
export const INTERFERENCE: readonly ResponseOption[] = scaleOptions(
  ['Not at all', 'A little bit', 'Somewhat', 'Quite a bit', 'Very much'],
  1,
);

/** PROMIS, HealthMeasures, https://www.healthmeasures.net/explore-measurement-systems/promis, PI 4a — published table, raw 4…20. */
export const PI_4A_TABLE: PromisTable = {
  minRaw: 4,
  t: [41.6, 49.6, 52.0, 53.9, 55.6, 57.1, 58.5, 59.9, 61.2, 62.5, 63.8, 65.2, 66.6, 68.0, 69.7, 71.6, 75.6],
  se: [6.1, 2.5, 2.0, 1.9, 1.9, 1.9, 1.8, 1.8, 1.8, 1.8, 1.8, 1.8, 1.8, 1.8, 1.9, 2.1, 3.7],
};

/** The four PI 4a items (PROMIS, HealthMeasures, https://www.healthmeasures.net/explore-measurement-systems/promis); LOINC codes for the first two are secondary (Chen 2018, J Pain, https://minnesota-staging.pure.elsevier.com/en/publications/estimating-minimally-important-differences-for-the-promis-pain-in; https://www.healthmeasures.net/explore-measurement-systems/promis/obtain-administer-measures). */
export const PI_4A_ITEMS = [
  {
    key: '1',
    construct: 'How much pain interfered with day-to-day activities in the past 7 days (PAININ9)',
    loinc: '61758-9',
    options: INTERFERENCE,
  },
  {
    key: '2',
    construct: 'How much pain interfered with work around the home in the past 7 days (PAININ22)',
    loinc: '61769-6',
    options: INTERFERENCE,
  },
  {
    key: '3',
    construct: 'How much pain interfered with the ability to take part in social activities in the past 7 days (PAININ31)',
    options: INTERFERENCE,
  },
  { key: '4', construct: 'How much pain interfered with household chores in the past 7 days (PAININ34)', options: INTERFERENCE },
];

export const PROMIS_PI_LOINC_SETTING: SettingDoc = {
  name: 'PROMIS_PI_ITEM_LOINC',
  value: 'PAININ9 61758-9, PAININ22 61769-6',
  why: 'Secondary, from public FHIR IG examples — verify on loinc.org (Chen 2018, J Pain, https://minnesota-staging.pure.elsevier.com/en/publications/estimating-minimally-important-differences-for-the-promis-pain-in; https://www.healthmeasures.net/explore-measurement-systems/promis/obtain-administer-measures).',
};

const KEYS = PI_4A_ITEMS.map((i) => i.key);

export const promisPi4a: InstrumentDefinition = {
  id: 'promis-pi-4a',
  version: 'PROMIS Short Form v1.0 – Pain Interference 4a',
  scoringVersion: '1',
  title: 'PROMIS Pain Interference – Short Form 4a',
  shortTitle: 'PROMIS PI 4a',
  measures: 'Pain interference with daily, social and household activities',
  recallPeriod: 'In the past 7 days',
  items: PI_4A_ITEMS,
  scoreRange: tableRange(PI_4A_TABLE),
  primaryScore: 'tScore',
  scoreUnit: 'T-score (mean 50, SD 10, US general population)',
  direction: 'lower-is-better',
  bands: [],
  change: promisChange(true),
  monotone: true,
  loinc: {},
  licence: PROMIS_LICENCE,
  source:
    'PROMIS PI SF v1.0 4a; summed-score table from the PROMIS manual as reproduced by two independent public sources; item composition per the PROMIS Assessment Center form data. https://www.healthmeasures.net/explore-measurement-systems/promis.',
  settings: [
    PROMIS_PRORATION_SETTING,
    promisMidSetting(true),
    PROMIS_PI_LOINC_SETTING,
    PROMIS_ITEM_TEXT_SETTING,
    {
      name: 'PROMIS_PI_4A_TABLE',
      value: 'published table (raw 20 → 75.6)',
      why: 'Confirmed by two independent sources; a PROMIS-29 lookup ends at 75.8 for raw 20 — probably another profile version; discrepancy noted in https://www.healthmeasures.net/explore-measurement-systems/promis.',
    },
  ],
  score(answers): ScoreResult {
    return promisTableScore(KEYS, PI_4A_TABLE, answers);
  },
};
