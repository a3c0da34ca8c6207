// Opioid Risk Tool (Webster & Webster 2005, Pain Med 6:432). Every fact: https://loinc.org/91392-1.
// Ten yes/no items, each scored with sex-specific points if present (table from Can Fam Physician, adapted
// from Webster & Webster); total 0–26 for either sex. Bands (LOINC 91392-1): low 0–3, moderate 4–7,
// high ≥ 8.
// Sex: weights exist only for female and male. For `other`, `unknown` or an absent sex the tool is scored
// both ways and the higher total is the primary score (setting ORT_SEX_POLICY, flag `sex-weights-both`);
// `scores.female` and `scores.male` are always reported.
// Missing: the doc says absent items are "effectively no" but marks it UNCONFIRMED; this definition does
// not assume "no" — any unanswered item leaves the response incomplete (setting ORT_MISSING_RULE).

import type { InstrumentDefinition, ScoreResult } from '../model.ts';
import { bandFor, YES_NO } from '../scoring.ts';

/** Item key, paraphrased construct, points if female, points if male (Webster & Webster 2005, Pain Med 6:432; https://loinc.org/91392-1 table, in its row order). */
export const ORT_ITEMS = [
  ['1', 'Family history of substance abuse: alcohol', 1, 3],
  ['2', 'Family history of substance abuse: illegal drugs', 2, 3],
  ['3', 'Family history of substance abuse: prescription drugs', 4, 4],
  ['4', 'Personal history of substance abuse: alcohol', 3, 3],
  ['5', 'Personal history of substance abuse: illegal drugs', 4, 4],
  ['6', 'Personal history of substance abuse: prescription drugs', 5, 5],
  ['7', 'Age between 16 and 45 years', 1, 1],
  ['8', 'History of preadolescent sexual abuse', 3, 0],
  ['9', 'Psychological disease: attention deficit disorder, obsessive-compulsive disorder, bipolar disorder or schizophrenia', 2, 2],
  ['10', 'Psychological disease: depression', 1, 1],
] as const;

const FAMILY = 'Family history of substance abuse';
const PERSONAL = 'Personal history of substance abuse';
const PSYCH = 'Psychological disease';
/** The form's sections (Webster & Webster 2005, Pain Med 6:432; https://loinc.org/91392-1 row labels). */
const GROUPS: Readonly<Record<string, string>> = {
  1: FAMILY,
  2: FAMILY,
  3: FAMILY,
  4: PERSONAL,
  5: PERSONAL,
  6: PERSONAL,
  7: 'Age',
  8: 'Preadolescent sexual abuse',
  9: PSYCH,
  10: PSYCH,
};

const KEYS = ORT_ITEMS.map(([key]) => key);

const BANDS = [
  {
    id: 'low',
    label: 'Low risk',
    from: 0,
    inclusive: true,
    range: '0–3',
    patientText: 'Your answers suggest a low risk of problems with opioid medicines.',
  },
  {
    id: 'moderate',
    label: 'Moderate risk',
    from: 4,
    inclusive: true,
    range: '4–7',
    patientText:
      'Your answers suggest a moderate risk of problems with opioid medicines. Your care team will talk with you about how to use them safely.',
  },
  {
    id: 'high',
    label: 'High risk',
    from: 8,
    inclusive: true,
    range: '8–26',
    patientText:
      'Your answers suggest a higher risk of problems with opioid medicines. Your care team will talk with you about safer options and extra support.',
  },
] as const;

export const ort: InstrumentDefinition = {
  id: 'ort',
  usesSex: true,
  version: 'Opioid Risk Tool (Webster & Webster 2005)',
  scoringVersion: '1',
  title: 'Opioid Risk Tool (ORT)',
  shortTitle: 'ORT',
  measures: 'Risk of aberrant opioid-related behaviour before long-term opioid therapy',
  recallPeriod: 'Lifetime history',
  items: ORT_ITEMS.map(([key, construct]) => ({ key, construct, options: YES_NO, group: GROUPS[key] ?? 'Opioid Risk Tool' })),
  scoreRange: { min: 0, max: 26 },
  primaryScore: 'total',
  scoreUnit: 'points',
  direction: 'lower-is-better',
  bands: BANDS,
  change: {
    kind: 'none',
    reason:
      'A baseline risk screen given at the initial visit; no clinically important change applies (Webster & Webster 2005, Pain Med 6:432; https://loinc.org/91392-1).',
  },
  monotone: true,
  loinc: { panel: '91393-9', score: '91392-1' },
  licence: {
    kind: 'licensed',
    holder: 'Dr. Lynn R. Webster',
    attribution: 'Opioid Risk Tool © 2018 Dr. Lynn Webster. Webster & Webster, Pain Med 2005;6:432.',
    note: 'Clinicians are asked to request permission via lynnwebstermd.com/opioid-risk-tool (Webster & Webster 2005, Pain Med 6:432; https://loinc.org/91392-1); permission is needed before item text is shown in software.',
  },
  source:
    'Webster & Webster, Pain Med 2005;6:432; weights per Can Fam Physician table (adapted); bands LOINC 91392-1. Webster & Webster 2005, Pain Med 6:432; https://loinc.org/91392-1.',
  settings: [
    {
      name: 'ORT_SEX_POLICY',
      value: 'other/unknown/absent sex: score with both weightings, report the higher',
      why: 'The tool defines weights only for female and male; handling of other or unknown sex is UNCONFIRMED and the doc suggests "compute both and report the higher" (Webster & Webster 2005, Pain Med 6:432; https://loinc.org/91392-1). The higher total never under-states risk.',
    },
    {
      name: 'ORT_MISSING_RULE',
      value: 'all 10 items required',
      why: 'Not specified in the sources; "absent items are effectively no" is UNCONFIRMED (Webster & Webster 2005, Pain Med 6:432; https://loinc.org/91392-1). Treating a skipped item as "no" could under-state risk, so the response is incomplete instead.',
    },
  ],
  score(answers, context): ScoreResult {
    const missing = KEYS.filter((k) => !answers.has(k));
    if (missing.length > 0) return { kind: 'incomplete', missing, scores: {}, flags: [] };
    let female = 0;
    let male = 0;
    for (const [key, , f, m] of ORT_ITEMS) {
      if (answers.get(key) === 1) {
        female += f;
        male += m;
      }
    }
    const sex = context.sex ?? 'unknown';
    const total = sex === 'female' ? female : sex === 'male' ? male : Math.max(female, male);
    const flags = sex === 'female' || sex === 'male' ? [] : ['sex-weights-both'];
    return { kind: 'scored', score: total, scores: { total, female, male }, band: bandFor(BANDS, total)?.id ?? null, flags, missing: [] };
  },
};
