// PHQ-2 (Kroenke, Spitzer, Williams 2003). Every fact: Kroenke 2003, Med Care 41:1284, https://indiana.pure.elsevier.com/en/publications/the-patient-health-questionnaire-2-validity-of-a-two-item-depress (items and answer codes as
// PHQ-9 items 1–2, Kroenke 2001, J Gen Intern Med 16:606, https://doi.org/10.1046/j.1525-1497.2001.016009606.x).
// Score: sum of items 1–2 (0–6); ≥ 3 is a positive screen (Kroenke 2003 "optimal cutpoint"; Arroll 2010
// found ≥ 2 more sensitive — not used). No proration for a 2-item screener: either item missing → incomplete.

import type { InstrumentDefinition, ScoreResult } from '../model.ts';
import { bandFor, completeSum } from '../scoring.ts';
import { PHQ9_FREQUENCY, PHQ9_ITEMS } from '../phq-9/definition.ts';

export const PHQ2_POSITIVE_FROM = 3;

// Items 1–2 of the PHQ-9, with its answer scale.
const ITEMS = PHQ9_ITEMS.slice(0, 2).map(([key, construct, loinc]) => ({ key, construct, loinc, options: PHQ9_FREQUENCY }));
const KEYS = ITEMS.map((i) => i.key);

const BANDS = [
  {
    id: 'negative',
    label: 'Negative screen',
    from: 0,
    inclusive: true,
    range: '0–2',
    patientText: 'Your answers do not suggest depression right now.',
  },
  {
    id: 'positive',
    label: 'Positive screen',
    from: PHQ2_POSITIVE_FROM,
    inclusive: true,
    range: '3–6',
    patientText: 'Your answers suggest you may be depressed. Your care team may ask a few more questions (PHQ-9).',
  },
] as const;

export const phq2: InstrumentDefinition = {
  id: 'phq-2',
  version: 'PHQ-2 (Kroenke 2003)',
  scoringVersion: '1',
  title: 'Patient Health Questionnaire-2 (PHQ-2)',
  shortTitle: 'PHQ-2',
  measures: 'Depression screen (anhedonia and depressed mood)',
  recallPeriod: 'Over the last 2 weeks',
  items: ITEMS,
  scoreRange: { min: 0, max: 6 },
  primaryScore: 'total',
  scoreUnit: 'points',
  direction: 'lower-is-better',
  bands: BANDS,
  change: {
    kind: 'none',
    reason:
      'A screener; no clinically important change for the PHQ-2 is given in the sources (Kroenke 2003, Med Care 41:1284, https://indiana.pure.elsevier.com/en/publications/the-patient-health-questionnaire-2-validity-of-a-two-item-depress).',
  },
  monotone: true,
  loinc: { panel: '55757-9', score: '55758-7' },
  licence: {
    kind: 'free',
    holder: 'Pfizer Inc.',
    attribution:
      'PHQ-2 © Pfizer Inc. Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues. No permission required to reproduce, translate, display or distribute.',
    note: 'As PHQ-9: Pfizer states no permission is required (Kroenke 2001, J Gen Intern Med 16:606, https://doi.org/10.1046/j.1525-1497.2001.016009606.x).',
  },
  source:
    'Kroenke K, Spitzer RL, Williams JB. Med Care 2003;41:1284. LOINC 55757-9 / 55758-7. Kroenke 2003, Med Care 41:1284, https://indiana.pure.elsevier.com/en/publications/the-patient-health-questionnaire-2-validity-of-a-two-item-depress.',
  settings: [
    {
      name: 'PHQ2_MISSING_RULE',
      value: 'both items required',
      why: 'No proration rule for a 2-item screener found — UNCONFIRMED; "not scored" is the recommended default (Kroenke 2003, Med Care 41:1284, https://indiana.pure.elsevier.com/en/publications/the-patient-health-questionnaire-2-validity-of-a-two-item-depress).',
    },
    {
      name: 'PHQ2_PANEL_LOINC',
      value: '55757-9',
      why: 'The panel code is as used in several public FHIR questionnaires; the doc asks to verify it on loinc.org (Kroenke 2003, Med Care 41:1284, https://indiana.pure.elsevier.com/en/publications/the-patient-health-questionnaire-2-validity-of-a-two-item-depress).',
    },
  ],
  score(answers): ScoreResult {
    const total = completeSum(answers, KEYS);
    if (total === null) return { kind: 'incomplete', missing: KEYS.filter((k) => !answers.has(k)), scores: {}, flags: [] };
    return { kind: 'scored', score: total, scores: { total }, band: bandFor(BANDS, total)?.id ?? null, flags: [], missing: [] };
  },
};
