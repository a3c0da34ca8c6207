// PHQ-9 (Kroenke, Spitzer, Williams 2001). Every fact: Kroenke 2001, J Gen Intern Med 16:606, https://doi.org/10.1046/j.1525-1497.2001.016009606.x.
// Score: sum of items 1–9 (0–27). Missing: up to 3 items prorated, sum / (9 − missing) × 9 (DC/TMD
// scoring manual, 2021); the value is kept unrounded and bands compare it unrounded.
// Item 9 > 0 raises `crisis` whatever the total or missing status; item 9 missing raises `item-9-unknown`
// (Simon 2013, Psychiatr Serv 64:1195, https://doi.org/10.1176/appi.ps.201200587). The optional major-depressive-syndrome algorithm (CamCOPS phq9.py) is reported
// as scores.mds / scores.ods (1 = met, 0 = not met) when all nine items are answered.

import type { InstrumentDefinition, ScoreResult } from '../model.ts';
import { bandFor, completeSum, proratedSum, scaleOptions } from '../scoring.ts';

export const PHQ9_MAX_MISSING = 3;

/**
 * The optional syndrome algorithm (CamCOPS phq9.py): a symptom counts from `symptomFrom` ("more than
 * half the days"), item 9 from `item9From`; at least `coreAtLeast` of items 1–2 must count; major
 * depressive syndrome from `majorFromCount` symptoms, other depressive syndrome `otherFromCount`–`otherToCount`.
 */
export const PHQ9_SYNDROME = {
  symptomFrom: 2,
  item9From: 1,
  coreAtLeast: 1,
  majorFromCount: 5,
  otherFromCount: 2,
  otherToCount: 4,
} as const;

/** The answer scale, shared with the PHQ-2 (the same items 1–2). */
export const PHQ9_FREQUENCY = scaleOptions(['Not at all', 'Several days', 'More than half the days', 'Nearly every day'], 0, [
  'LA6568-5',
  'LA6569-3',
  'LA6570-1',
  'LA6571-9',
]);

export const PHQ9_ITEMS = [
  ['1', 'Little interest or pleasure in doing things', '44250-9'],
  ['2', 'Feeling down, depressed or hopeless', '44255-8'],
  ['3', 'Trouble with sleep (falling or staying asleep, or sleeping too much)', '44259-0'],
  ['4', 'Feeling tired or having little energy', '44254-1'],
  ['5', 'Poor appetite or overeating', '44251-7'],
  ['6', 'Feeling bad about yourself, or like a failure', '44258-2'],
  ['7', 'Trouble concentrating', '44252-5'],
  ['8', 'Moving or speaking slowly, or being fidgety or restless', '44253-3'],
  ['9', 'Thoughts that you would be better off dead, or of hurting yourself', '44260-8'],
] as const;

const KEYS = PHQ9_ITEMS.map(([key]) => key);

const BANDS = [
  {
    id: 'none-minimal',
    label: 'None or minimal',
    from: 0,
    inclusive: true,
    range: '0–4',
    patientText: 'Your answers suggest few or no symptoms of depression.',
  },
  { id: 'mild', label: 'Mild', from: 5, inclusive: true, range: '5–9', patientText: 'Your answers suggest mild symptoms of depression.' },
  {
    id: 'moderate',
    label: 'Moderate',
    from: 10,
    inclusive: true,
    range: '10–14',
    patientText: 'Your answers suggest moderate symptoms of depression. Talk them over with your care team.',
  },
  {
    id: 'moderately-severe',
    label: 'Moderately severe',
    from: 15,
    inclusive: true,
    range: '15–19',
    patientText: 'Your answers suggest moderately severe symptoms of depression. Your care team should know.',
  },
  {
    id: 'severe',
    label: 'Severe',
    from: 20,
    inclusive: true,
    range: '20–27',
    patientText: 'Your answers suggest severe symptoms of depression. Please speak with your care team soon.',
  },
] as const;

export const phq9: InstrumentDefinition = {
  id: 'phq-9',
  version: 'PHQ-9 (Kroenke 2001)',
  scoringVersion: '1',
  title: 'Patient Health Questionnaire-9 (PHQ-9)',
  shortTitle: 'PHQ-9',
  measures: 'Depression severity',
  recallPeriod: 'Over the last 2 weeks',
  items: PHQ9_ITEMS.map(([key, construct, loinc]) => ({ key, construct, loinc, options: PHQ9_FREQUENCY })),
  scoreRange: { min: 0, max: 27 },
  primaryScore: 'total',
  scoreUnit: 'points',
  direction: 'lower-is-better',
  bands: BANDS,
  change: { kind: 'threshold', points: 5, source: 'Löwe 2004, Med Care 42:1194, https://doi.org/10.1097/00005650-200412000-00006' },
  monotone: true,
  loinc: { panel: '44249-1', score: '44261-6' },
  licence: {
    kind: 'free',
    holder: 'Pfizer Inc.',
    attribution:
      'PHQ-9 © Pfizer Inc. Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues. No permission required to reproduce, translate, display or distribute.',
    note: 'Pfizer states that no permission is required to reproduce, translate, display or distribute the PHQ-9 (Kroenke 2001, J Gen Intern Med 16:606, https://doi.org/10.1046/j.1525-1497.2001.016009606.x).',
  },
  source:
    'Kroenke K, Spitzer RL, Williams JB. J Gen Intern Med 2001;16:606. Proration: DC/TMD Scoring Manual for Self-Report Instruments (Ohrbach & Knibbe 2021). Kroenke 2001, J Gen Intern Med 16:606, https://doi.org/10.1046/j.1525-1497.2001.016009606.x.',
  settings: [
    {
      name: 'PHQ9_MAX_MISSING',
      value: PHQ9_MAX_MISSING,
      why: 'Up to 3 missing items are prorated per the DC/TMD scoring manual; whether the PHQ developers endorse the same limit is UNCONFIRMED (Kroenke 2001, J Gen Intern Med 16:606, https://doi.org/10.1046/j.1525-1497.2001.016009606.x).',
    },
    {
      name: 'item-9 crisis flag',
      value: '> 0',
      why: 'Any answer above "not at all" prompts a same-visit suicide-risk assessment — widely used clinical convention, UNCONFIRMED as a developer rule (Kroenke 2001, J Gen Intern Med 16:606, https://doi.org/10.1046/j.1525-1497.2001.016009606.x).',
    },
  ],
  score(answers): ScoreResult {
    const flags: string[] = [];
    const item9 = answers.get('9');
    if (item9 === undefined) flags.push('item-9-unknown');
    else if (item9 > 0) flags.push('crisis');
    const { total, missing } = proratedSum(answers, KEYS, PHQ9_MAX_MISSING);
    const phq2 = completeSum(answers, ['1', '2']);
    if (total === null) return { kind: 'incomplete', missing, scores: { phq2 }, flags };
    const scores: Record<string, number | null> = { total, answered: 9 - missing.length, phq2, mds: null, ods: null };
    if (missing.length === 0) {
      // CamCOPS phq9.py: a symptom counts at ≥ 2 ("more than half the days"), item 9 at ≥ 1.
      const rule = PHQ9_SYNDROME;
      const counts = (k: string): boolean => answers.get(k)! >= (k === '9' ? rule.item9From : rule.symptomFrom);
      const core = ['1', '2'].filter(counts).length;
      const n = core + KEYS.slice(2).filter(counts).length;
      scores.mds = core >= rule.coreAtLeast && n >= rule.majorFromCount ? 1 : 0;
      scores.ods = core >= rule.coreAtLeast && n >= rule.otherFromCount && n <= rule.otherToCount ? 1 : 0;
    }
    return { kind: 'scored', score: total, scores, band: bandFor(BANDS, total)?.id ?? null, flags, missing };
  },
};
