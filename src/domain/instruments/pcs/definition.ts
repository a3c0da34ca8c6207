// Pain Catastrophizing Scale (Sullivan, Bishop & Pivik 1995). Every fact: Sullivan 1995, Psychol Assess 7:524, https://sullivan-painresearch.mcgill.ca/pcs.php.
// 13 items 0–4, no reverse scoring. Total = sum of 13 (0–52); rumination = 8–11 (0–16); magnification =
// 6, 7, 13 (0–12); helplessness = 1–5, 12 (0–24). No developer missing rule was retrieved, so every item is
// required and an incomplete response reports every score as null (Sullivan 1995, Psychol Assess 7:524, https://sullivan-painresearch.mcgill.ca/pcs.php).
// Clinically relevant catastrophizing: the RMD says "above 30", summaries of the user manual say "30 or
// above" — the boundary at exactly 30 is UNCONFIRMED. PCS_CUTOFF_INCLUSIVE picks the reading (default ≥ 30,
// the manual's 75th-percentile wording); both are tested against Sullivan 1995, Psychol Assess 7:524, https://sullivan-painresearch.mcgill.ca/pcs.php row 2 in pcs.test.ts.
// No bands (the flag carries the cut-off); no MCID in the sources.
// Item constructs paraphrase the published content areas; the licensed form's wording is not reproduced.

import type { InstrumentDefinition, ScoreResult } from '../model.ts';
import { completeSum, scaleOptions } from '../scoring.ts';

export const PCS_CLINICAL_CUTOFF = 30;
/** true: total ≥ 30 is clinically relevant (manual summaries); false: total > 30 (RMD). */
export const PCS_CUTOFF_INCLUSIVE = true;

/** Whether a total meets the clinically-relevant cut-off under the given reading of the boundary. */
export function pcsClinicallyRelevant(total: number, inclusive: boolean = PCS_CUTOFF_INCLUSIVE): boolean {
  return inclusive ? total >= PCS_CLINICAL_CUTOFF : total > PCS_CLINICAL_CUTOFF;
}

const OPTIONS = scaleOptions(['Not at all', 'To a slight degree', 'To a moderate degree', 'To a great degree', 'All the time']);

const ITEMS = [
  ['1', 'Worrying constantly whether the pain will end'],
  ['2', 'Feeling unable to go on'],
  ['3', 'Thinking the pain is terrible and will never improve'],
  ['4', 'Feeling the pain is awful and overwhelming'],
  ['5', 'Feeling unable to stand the pain any longer'],
  ['6', 'Fearing the pain will get worse'],
  ['7', 'Recalling other painful events'],
  ['8', 'Anxiously wanting the pain to go away'],
  ['9', 'Being unable to keep the pain out of mind'],
  ['10', 'Dwelling on how much it hurts'],
  ['11', 'Dwelling on how badly one wants the pain to stop'],
  ['12', 'Feeling nothing can be done to lessen the pain'],
  ['13', 'Wondering whether something serious may happen'],
] as const;

const KEYS = ITEMS.map(([key]) => key);
const RUMINATION = ['8', '9', '10', '11'];
const MAGNIFICATION = ['6', '7', '13'];
const HELPLESSNESS = ['1', '2', '3', '4', '5', '12'];

export const pcs: InstrumentDefinition = {
  id: 'pcs',
  version: 'PCS (Sullivan 1995)',
  scoringVersion: '1',
  title: 'Pain Catastrophizing Scale (PCS)',
  shortTitle: 'PCS',
  measures: 'Catastrophic thinking about pain: rumination, magnification, helplessness',
  // No recall period: respondents reflect on past painful experiences (Sullivan 1995, Psychol Assess 7:524, https://sullivan-painresearch.mcgill.ca/pcs.php).
  recallPeriod: null,
  items: ITEMS.map(([key, construct]) => ({ key, construct, options: OPTIONS })),
  scoreRange: { min: 0, max: 52 },
  primaryScore: 'total',
  scoreUnit: 'points',
  direction: 'lower-is-better',
  bands: [],
  change: {
    kind: 'none',
    reason:
      'No minimal clinically important difference for the PCS was established in the retrieved sources (Sullivan 1995, Psychol Assess 7:524, https://sullivan-painresearch.mcgill.ca/pcs.php, UNCONFIRMED).',
  },
  monotone: true,
  loinc: {},
  licence: {
    kind: 'licensed',
    holder: 'Michael J. L. Sullivan; distributed by Mapi Research Trust',
    attribution: 'Pain Catastrophizing Scale © 1995 Michael J. L. Sullivan. Licensed and distributed by Mapi Research Trust.',
    note: 'Item text is copyrighted; obtain a licence from Mapi Research Trust (ePROVIDE) before showing the items to patients (Sullivan 1995, Psychol Assess 7:524, https://sullivan-painresearch.mcgill.ca/pcs.php).',
  },
  source:
    'Sullivan MJL, Bishop SR, Pivik J. Psychological Assessment 1995;7:524–532; PCS User Manual (2009); Rehabilitation Measures Database. Sullivan 1995, Psychol Assess 7:524, https://sullivan-painresearch.mcgill.ca/pcs.php.',
  settings: [
    {
      name: 'PCS_CLINICAL_CUTOFF',
      value: PCS_CLINICAL_CUTOFF,
      why: 'Clinically relevant catastrophizing around a total of 30 (RMD; PCS manual summaries) (Sullivan 1995, Psychol Assess 7:524, https://sullivan-painresearch.mcgill.ca/pcs.php).',
    },
    {
      name: 'PCS_CUTOFF_INCLUSIVE',
      value: PCS_CUTOFF_INCLUSIVE,
      why: 'RMD says "above 30", manual summaries "30 or above"; the boundary at exactly 30 is UNCONFIRMED (Sullivan 1995, Psychol Assess 7:524, https://sullivan-painresearch.mcgill.ca/pcs.php). Default: ≥ 30.',
    },
    {
      name: 'PCS_MISSING_RULE',
      value: 'all 13 items required',
      why: 'No developer missing-item rule retrieved — UNCONFIRMED (Sullivan 1995, Psychol Assess 7:524, https://sullivan-painresearch.mcgill.ca/pcs.php; awell-score requires all items).',
    },
    {
      name: 'PCS_SUBSCALE_CUTOFFS',
      value: 'not applied',
      why: 'Helplessness ≥ 13 / magnification ≥ 5 come from one secondary source with rumination truncated — UNCONFIRMED (Sullivan 1995, Psychol Assess 7:524, https://sullivan-painresearch.mcgill.ca/pcs.php).',
    },
  ],
  score(answers): ScoreResult {
    const missing = KEYS.filter((k) => !answers.has(k));
    if (missing.length > 0) {
      return { kind: 'incomplete', missing, scores: { total: null, rumination: null, magnification: null, helplessness: null }, flags: [] };
    }
    const total = completeSum(answers, KEYS)!;
    const scores = {
      total,
      rumination: completeSum(answers, RUMINATION),
      magnification: completeSum(answers, MAGNIFICATION),
      helplessness: completeSum(answers, HELPLESSNESS),
    };
    return {
      kind: 'scored',
      score: total,
      scores,
      band: null,
      flags: pcsClinicallyRelevant(total) ? ['clinically-relevant'] : [],
      missing: [],
    };
  },
};
