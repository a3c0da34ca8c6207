// GAD-7 (Spitzer, Kroenke, Williams, Löwe 2006). Every fact: Spitzer 2006, Arch Intern Med 166:1092, https://doi.org/10.1001/archinte.166.10.1092.
// Score: sum of items 1–7 (0–21). Missing: up to 2 items prorated, sum / (7 − missing) × 7 (DC/TMD scoring
// manual); kept unrounded and banded unrounded. More than 2 missing → incomplete,
// GAD-2 (items 1–2) still reported when both are answered (Spitzer 2006, Arch Intern Med 166:1092, https://doi.org/10.1001/archinte.166.10.1092 row 4 "as answered").
// Bands 0–4 minimal, 5–9 mild, 10–14 moderate, 15–21 severe. MCID 4 points (Toussaint 2020).
// Answer LOINC (LA) codes: the retrieved sources give them for the PHQ-9 only, so none are set here.

import type { InstrumentDefinition, ScoreResult } from '../model.ts';
import { bandFor, completeSum, proratedSum, scaleOptions } from '../scoring.ts';

export const GAD7_MAX_MISSING = 2;

// The correct 0 anchor is "Not at all" (not "not at all sure" — Zorowitz 2021, Spitzer 2006, Arch Intern Med 166:1092, https://doi.org/10.1001/archinte.166.10.1092).
/** The answer scale, shared with the GAD-2 (the same items 1–2). */
export const GAD7_FREQUENCY = scaleOptions(['Not at all', 'Several days', 'More than half the days', 'Nearly every day']);

export const GAD7_ITEMS = [
  ['1', 'Feeling nervous, anxious or on edge', '69725-0'],
  ['2', 'Being unable to stop or control worrying', '68509-9'],
  ['3', 'Worrying too much about different things', '69733-4'],
  ['4', 'Trouble relaxing', '69734-2'],
  ['5', 'Being so restless it is hard to sit still', '69735-9'],
  ['6', 'Becoming easily annoyed or irritable', '69689-8'],
  ['7', 'Feeling afraid that something awful might happen', '69736-7'],
] as const;

const KEYS = GAD7_ITEMS.map(([key]) => key);

const BANDS = [
  {
    id: 'minimal',
    label: 'Minimal',
    from: 0,
    inclusive: true,
    range: '0–4',
    patientText: 'Your answers suggest few or no symptoms of anxiety.',
  },
  { id: 'mild', label: 'Mild', from: 5, inclusive: true, range: '5–9', patientText: 'Your answers suggest mild symptoms of anxiety.' },
  {
    id: 'moderate',
    label: 'Moderate',
    from: 10,
    inclusive: true,
    range: '10–14',
    patientText: 'Your answers suggest moderate symptoms of anxiety. Talk them over with your care team.',
  },
  {
    id: 'severe',
    label: 'Severe',
    from: 15,
    inclusive: true,
    range: '15–21',
    patientText: 'Your answers suggest severe symptoms of anxiety. Please speak with your care team soon.',
  },
] as const;

export const gad7: InstrumentDefinition = {
  id: 'gad-7',
  version: 'GAD-7 (Spitzer 2006)',
  scoringVersion: '1',
  title: 'Generalized Anxiety Disorder 7-item scale (GAD-7)',
  shortTitle: 'GAD-7',
  measures: 'Anxiety severity',
  recallPeriod: 'Over the last 2 weeks',
  items: GAD7_ITEMS.map(([key, construct, loinc]) => ({ key, construct, loinc, options: GAD7_FREQUENCY })),
  scoreRange: { min: 0, max: 21 },
  primaryScore: 'total',
  scoreUnit: 'points',
  direction: 'lower-is-better',
  bands: BANDS,
  change: { kind: 'threshold', points: 4, source: 'Toussaint 2020, J Affect Disord 265:395, https://doi.org/10.1016/j.jad.2020.01.032' },
  monotone: true,
  loinc: { panel: '69737-5', score: '70274-6' },
  licence: {
    kind: 'free',
    holder: 'Pfizer Inc.',
    attribution:
      'GAD-7 © Pfizer Inc. Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues. No permission required to reproduce, translate, display or distribute.',
    note: 'As PHQ-9: Pfizer states no permission is required (Spitzer 2006, Arch Intern Med 166:1092, https://doi.org/10.1001/archinte.166.10.1092).',
  },
  source:
    'Spitzer RL, Kroenke K, Williams JB, Löwe B. Arch Intern Med 2006;166:1092. Proration: DC/TMD Scoring Manual for Self-Report Instruments (Ohrbach & Knibbe 2021). Spitzer 2006, Arch Intern Med 166:1092, https://doi.org/10.1001/archinte.166.10.1092.',
  settings: [
    {
      name: 'GAD7_MAX_MISSING',
      value: GAD7_MAX_MISSING,
      why: 'Up to 2 missing items are prorated per the DC/TMD scoring manual (Spitzer 2006, Arch Intern Med 166:1092, https://doi.org/10.1001/archinte.166.10.1092); as for the PHQ-9, developer endorsement was not retrieved.',
    },
    {
      name: 'GAD7_PRORATED_ROUNDING',
      value: 'unrounded',
      why: 'The manual does not specify rounding of prorated scores — UNCONFIRMED convention: keep full precision and band the unrounded value.',
    },
  ],
  score(answers): ScoreResult {
    const { total, missing } = proratedSum(answers, KEYS, GAD7_MAX_MISSING);
    const gad2 = completeSum(answers, ['1', '2']);
    if (total === null) return { kind: 'incomplete', missing, scores: { total: null, gad2 }, flags: [] };
    return {
      kind: 'scored',
      score: total,
      scores: { total, answered: 7 - missing.length, gad2 },
      band: bandFor(BANDS, total)?.id ?? null,
      flags: [],
      missing,
    };
  },
};
