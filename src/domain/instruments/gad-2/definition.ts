// GAD-2 (Kroenke et al. 2007). Every fact: Kroenke 2007, Ann Intern Med 146:317, https://doi.org/10.7326/0003-4819-146-5-200703060-00004.
// Score: sum of GAD-7 items 1–2 (0–6); ≥ 3 positive. No missing rule is published for the GAD-2, so
// either item missing → incomplete. No dedicated LOINC panel or total code found.

import type { InstrumentDefinition, ScoreResult } from '../model.ts';
import { bandFor, completeSum } from '../scoring.ts';
import { GAD7_FREQUENCY, GAD7_ITEMS } from '../gad-7/definition.ts';

export const GAD2_POSITIVE_FROM = 3;

// Items 1–2 of the GAD-7, with its answer scale.
const ITEMS = GAD7_ITEMS.slice(0, 2).map(([key, construct, loinc]) => ({ key, construct, loinc, options: GAD7_FREQUENCY }));
const KEYS = ITEMS.map((i) => i.key);

const BANDS = [
  {
    id: 'negative',
    label: 'Negative screen',
    from: 0,
    inclusive: true,
    range: '0–2',
    patientText: 'Your answers do not suggest an anxiety disorder right now.',
  },
  {
    id: 'positive',
    label: 'Positive screen',
    from: GAD2_POSITIVE_FROM,
    inclusive: true,
    range: '3–6',
    patientText: 'Your answers suggest you may have significant anxiety. Your care team may ask a few more questions (GAD-7).',
  },
] as const;

export const gad2: InstrumentDefinition = {
  id: 'gad-2',
  version: 'GAD-2 (Kroenke 2007)',
  scoringVersion: '1',
  title: 'Generalized Anxiety Disorder 2-item screen (GAD-2)',
  shortTitle: 'GAD-2',
  measures: 'Anxiety screen',
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
      'A screener; no clinically important change for the GAD-2 is given in the sources (Kroenke 2007, Ann Intern Med 146:317, https://doi.org/10.7326/0003-4819-146-5-200703060-00004).',
  },
  monotone: true,
  loinc: {},
  licence: {
    kind: 'free',
    holder: 'Pfizer Inc.',
    attribution:
      'GAD-2 © Pfizer Inc. Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues. No permission required to reproduce, translate, display or distribute.',
    note: 'As PHQ-9/GAD-7: Pfizer states no permission is required (Spitzer 2006, Arch Intern Med 166:1092, https://doi.org/10.1001/archinte.166.10.1092).',
  },
  source:
    'Kroenke K et al. Ann Intern Med 2007;146:317 (cut-off ≥ 3, secondary tabulation). Kroenke 2007, Ann Intern Med 146:317, https://doi.org/10.7326/0003-4819-146-5-200703060-00004.',
  settings: [
    {
      name: 'GAD2_MISSING_RULE',
      value: 'both items required',
      why: 'No missing-item rule for the GAD-2 in the sources — everything without a source rule is not scored when an item is missing.',
    },
    {
      name: 'GAD2_LOINC',
      value: 'none',
      why: 'No dedicated GAD-2 panel or total code found — UNCONFIRMED (Kroenke 2007, Ann Intern Med 146:317, https://doi.org/10.7326/0003-4819-146-5-200703060-00004).',
    },
  ],
  score(answers): ScoreResult {
    const total = completeSum(answers, KEYS);
    if (total === null) return { kind: 'incomplete', missing: KEYS.filter((k) => !answers.has(k)), scores: {}, flags: [] };
    return { kind: 'scored', score: total, scores: { total }, band: bandFor(BANDS, total)?.id ?? null, flags: [], missing: [] };
  },
};
