// 2016 revised ACR fibromyalgia diagnostic criteria (Wolfe 2016). Every fact: https://doi.org/10.1016/j.semarthrit.2016.08.012.
//
// WPI (0–19): count of the 19 areas with pain in the past week. SSS (0–12): fatigue, waking unrefreshed and
// cognitive symptoms 0–3 each, plus 1 point each for headaches, lower-abdominal pain or cramps and
// depression in the previous 6 months. FS = WPI + SSS (0–31) — the primary score; its definition is
// UNCONFIRMED in the doc (Wolfe 2016 full text not retrieved), so it is a documented setting.
//
// Criteria met (scores.met = 1) when all of:
//   1. WPI ≥ 7 and SSS ≥ 5, or WPI 4–6 and SSS ≥ 9 (2016 wording; "3–6" is the 2010/2011 rule);
//   2. generalized pain: pain in ≥ 4 of the 5 regions, where jaw, chest and abdomen do not count;
//   3. symptoms generally present ≥ 3 months (item `duration-3-months`).
// The band (`criteria-met` / `criteria-not-met`) follows that rule, not the FS value: FS ≥ 12 is necessary
// for the criteria (7 + 5) but not sufficient, so `criteria-met.from` is that lower bound only.
// No missing-item rule is published: any unanswered item leaves the response incomplete.

import type { InstrumentDefinition, ItemDefinition, ScoreResult } from '../model.ts';
import { completeSum, scaleOptions, YES_NO } from '../scoring.ts';

interface Area {
  readonly key: string;
  readonly construct: string;
  readonly region: 1 | 2 | 3 | 4 | 5;
  readonly countsForGeneralized: boolean;
}

/** The 19 WPI areas by region (Wolfe 2016, Semin Arthritis Rheum 46:319, https://doi.org/10.1016/j.semarthrit.2016.08.012 table: 4 + 4 + 3 + 3 + 5). */
export const ACR_AREAS: readonly Area[] = [
  { key: 'jaw-left', construct: 'Pain in the left jaw', region: 1, countsForGeneralized: false },
  { key: 'shoulder-girdle-left', construct: 'Pain in the left shoulder girdle', region: 1, countsForGeneralized: true },
  { key: 'upper-arm-left', construct: 'Pain in the left upper arm', region: 1, countsForGeneralized: true },
  { key: 'lower-arm-left', construct: 'Pain in the left lower arm', region: 1, countsForGeneralized: true },
  { key: 'jaw-right', construct: 'Pain in the right jaw', region: 2, countsForGeneralized: false },
  { key: 'shoulder-girdle-right', construct: 'Pain in the right shoulder girdle', region: 2, countsForGeneralized: true },
  { key: 'upper-arm-right', construct: 'Pain in the right upper arm', region: 2, countsForGeneralized: true },
  { key: 'lower-arm-right', construct: 'Pain in the right lower arm', region: 2, countsForGeneralized: true },
  { key: 'hip-left', construct: 'Pain in the left hip (buttock, trochanter)', region: 3, countsForGeneralized: true },
  { key: 'upper-leg-left', construct: 'Pain in the left upper leg', region: 3, countsForGeneralized: true },
  { key: 'lower-leg-left', construct: 'Pain in the left lower leg', region: 3, countsForGeneralized: true },
  { key: 'hip-right', construct: 'Pain in the right hip (buttock, trochanter)', region: 4, countsForGeneralized: true },
  { key: 'upper-leg-right', construct: 'Pain in the right upper leg', region: 4, countsForGeneralized: true },
  { key: 'lower-leg-right', construct: 'Pain in the right lower leg', region: 4, countsForGeneralized: true },
  { key: 'neck', construct: 'Pain in the neck', region: 5, countsForGeneralized: true },
  { key: 'upper-back', construct: 'Pain in the upper back', region: 5, countsForGeneralized: true },
  { key: 'lower-back', construct: 'Pain in the lower back', region: 5, countsForGeneralized: true },
  { key: 'chest', construct: 'Pain in the chest', region: 5, countsForGeneralized: false },
  { key: 'abdomen', construct: 'Pain in the abdomen', region: 5, countsForGeneralized: false },
];

const SEVERITY = scaleOptions([
  'No problem',
  'Slight or mild: generally mild or comes and goes',
  'Moderate: considerable, often present',
  'Severe: pervasive, continuous, disturbs life',
]);

const SSS_SEVERITY = [
  ['fatigue', 'Fatigue over the past week'],
  ['waking-unrefreshed', 'Waking up unrefreshed over the past week'],
  ['cognitive', 'Cognitive symptoms (thinking, memory) over the past week'],
] as const;

const SSS_SOMATIC = [
  ['headaches', 'Headaches during the previous 6 months'],
  ['lower-abdomen', 'Pain or cramps in the lower abdomen during the previous 6 months'],
  ['depression', 'Depression during the previous 6 months'],
] as const;

export const ACR_DURATION = 'duration-3-months';

/** Wolfe 2016 criteria: WPI ≥ 7 and SSS ≥ 5, or WPI 4–6 and SSS ≥ 9; pain in ≥ 4 of the 5 regions. */
export const ACR_2016_CRITERIA = {
  wpiFrom: 7,
  sssWithWpiFrom: 5,
  lowWpiFrom: 4,
  lowWpiTo: 6,
  sssWithLowWpiFrom: 9,
  regionsFrom: 4,
} as const;

const WPI_KEYS = ACR_AREAS.map((a) => a.key);
const SSS_KEYS = [...SSS_SEVERITY, ...SSS_SOMATIC].map(([k]) => k);

const ITEMS: readonly ItemDefinition[] = [
  ...ACR_AREAS.map((a) => ({
    key: a.key,
    construct: `${a.construct} during the past week`,
    options: YES_NO,
    group: 'Widespread pain index — areas with pain in the past week',
  })),
  ...SSS_SEVERITY.map(([key, construct]) => ({ key, construct, options: SEVERITY, group: 'Symptom severity — past week' })),
  ...SSS_SOMATIC.map(([key, construct]) => ({ key, construct, options: YES_NO, group: 'Symptoms during the previous 6 months' })),
  { key: ACR_DURATION, construct: 'These symptoms have generally been present for at least 3 months', options: YES_NO, group: 'Duration' },
];

const CRITERIA =
  'WPI ≥ 7 and SSS ≥ 5, or WPI 4–6 and SSS ≥ 9; pain in ≥ 4 of 5 regions (jaw, chest, abdomen not counted); symptoms ≥ 3 months';

const BANDS = [
  {
    id: 'criteria-not-met',
    label: 'Criteria not met',
    from: 0,
    inclusive: true,
    range: 'any of the criteria not met',
    patientText:
      'Your answers do not meet the 2016 fibromyalgia criteria. This does not mean your pain is not real; talk it over with your care team.',
  },
  {
    id: 'criteria-met',
    label: 'Criteria met',
    from: 12,
    inclusive: true,
    range: CRITERIA,
    patientText:
      'Your answers meet the 2016 fibromyalgia criteria. Your clinician will discuss what this means alongside any other diagnoses.',
  },
] as const;

/** Number of the 5 regions with pain in at least one area that counts for generalized pain. */
function regionCount(answered: (key: string) => boolean): number {
  const regions = new Set<number>();
  for (const a of ACR_AREAS) if (a.countsForGeneralized && answered(a.key)) regions.add(a.region);
  return regions.size;
}

export const acr2016Fm: InstrumentDefinition = {
  id: 'acr-2016-fm',
  version: 'ACR 2016 revised fibromyalgia criteria (Wolfe 2016)',
  scoringVersion: '1',
  title: '2016 revised ACR fibromyalgia diagnostic criteria (WPI and SSS)',
  shortTitle: 'ACR 2016 FM',
  measures: 'Widespread pain and symptom severity; fibromyalgia diagnostic criteria',
  recallPeriod:
    'Past week (pain areas, fatigue, unrefreshed waking, cognitive symptoms); previous 6 months (headaches, lower-abdominal pain, depression)',
  items: ITEMS,
  scoreRange: { min: 0, max: 31 },
  primaryScore: 'fs',
  scoreUnit: 'points (FS = WPI + SSS)',
  direction: 'lower-is-better',
  bands: BANDS,
  change: {
    kind: 'none',
    reason:
      'No clinically important change for WPI, SSS or FS in the sources (Wolfe 2016, Semin Arthritis Rheum 46:319, https://doi.org/10.1016/j.semarthrit.2016.08.012).',
  },
  monotone: true,
  loinc: {},
  licence: {
    kind: 'free',
    holder: 'Published diagnostic criteria (Wolfe et al. 2016)',
    attribution:
      'Wolfe F, Clauw DJ, Fitzcharles M-A, et al. 2016 Revisions to the 2010/2011 fibromyalgia diagnostic criteria. Semin Arthritis Rheum 2016;46:319–329.',
    note: 'Published diagnostic criteria in a journal article; no questionnaire licence identified (Wolfe 2016, Semin Arthritis Rheum 46:319, https://doi.org/10.1016/j.semarthrit.2016.08.012).',
  },
  source:
    'Wolfe F et al. Semin Arthritis Rheum 2016;46:319–329; criteria table as reproduced in J Rheum Dis. Wolfe 2016, Semin Arthritis Rheum 46:319, https://doi.org/10.1016/j.semarthrit.2016.08.012.',
  settings: [
    {
      name: 'ACR_FS_SCALE',
      value: 'FS = WPI + SSS (0–31), primary score',
      why: 'The fibromyalgia severity scale is described in Wolfe 2016 but the full text was not retrieved — UNCONFIRMED (https://doi.org/10.1016/j.semarthrit.2016.08.012). The diagnosis itself (scores.met, band) does not depend on it.',
    },
    {
      name: 'ACR_MISSING_RULE',
      value: 'all 26 items required',
      why: 'No missing-item rule in the sources; any missing item leaves the response incomplete. WPI, SSS and regions are still reported when their own items are complete.',
    },
  ],
  score(answers): ScoreResult {
    const wpi = completeSum(answers, WPI_KEYS);
    const sss = completeSum(answers, SSS_KEYS);
    const regions = wpi === null ? null : regionCount((k) => answers.get(k) === 1);
    const fs = wpi !== null && sss !== null ? wpi + sss : null;
    const missing = ITEMS.map((i) => i.key).filter((k) => !answers.has(k));
    if (missing.length > 0 || wpi === null || sss === null || regions === null || fs === null) {
      return { kind: 'incomplete', missing, scores: { wpi, sss, fs, regions, met: null }, flags: [] };
    }
    const c = ACR_2016_CRITERIA;
    const severity =
      (wpi >= c.wpiFrom && sss >= c.sssWithWpiFrom) || (wpi >= c.lowWpiFrom && wpi <= c.lowWpiTo && sss >= c.sssWithLowWpiFrom);
    const met = severity && regions >= c.regionsFrom && answers.get(ACR_DURATION) === 1;
    return {
      kind: 'scored',
      score: fs,
      scores: { fs, wpi, sss, regions, met: met ? 1 : 0 },
      band: met ? 'criteria-met' : 'criteria-not-met',
      flags: [],
      missing: [],
    };
  },
};
