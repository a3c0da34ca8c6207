// DN4 — Douleur Neuropathique en 4 questions (Bouhassira et al. 2005). Every fact: Bouhassira 2005, Pain 114:29, https://doi.org/10.1016/j.pain.2004.12.010.
// Ten yes(1)/no(0) items numbered 1–10 in form order: interview items 1–7 (question 1: burning, painful
// cold, electric shocks; question 2: tingling, pins and needles, numbness, itching) and examination items
// 8–10 (question 3: hypoaesthesia to touch, to pinprick; question 4: pain caused or increased by brushing).
// DN4 = sum of 10 (0–10), ≥ 4 positive. No missing rule is published, so all 10 are required; the
// interview sub-score (items 1–7) is still reported when those 7 are answered (Bouhassira 2005, Pain 114:29, https://doi.org/10.1016/j.pain.2004.12.010 row 3: exam not done).

import type { InstrumentDefinition, ItemDefinition, ScoreResult } from '../model.ts';
import { bandFor, completeSum, YES_NO } from '../scoring.ts';

export const DN4_POSITIVE_FROM = 4;

const Q1 = 'Question 1 — the pain has one or more of these characteristics';
const Q2 = 'Question 2 — the pain is associated with one or more of these symptoms in the same area';
const Q3 = 'Question 3 — examination: in the painful area there is';
const Q4 = 'Question 4 — examination: in the painful area the pain is caused or increased by';

export const DN4_INTERVIEW_ITEMS: readonly ItemDefinition[] = [
  { key: '1', construct: 'Burning', options: YES_NO, group: Q1 },
  { key: '2', construct: 'Painful cold', options: YES_NO, group: Q1 },
  { key: '3', construct: 'Electric shocks', options: YES_NO, group: Q1 },
  { key: '4', construct: 'Tingling', options: YES_NO, group: Q2 },
  { key: '5', construct: 'Pins and needles', options: YES_NO, group: Q2 },
  { key: '6', construct: 'Numbness', options: YES_NO, group: Q2 },
  { key: '7', construct: 'Itching', options: YES_NO, group: Q2 },
];

const EXAMINATION_ITEMS: readonly ItemDefinition[] = [
  { key: '8', construct: 'Reduced sensation to touch (hypoaesthesia)', options: YES_NO, group: Q3 },
  { key: '9', construct: 'Reduced sensation to pinprick (hypoaesthesia)', options: YES_NO, group: Q3 },
  { key: '10', construct: 'Brushing', options: YES_NO, group: Q4 },
];

const ITEMS = [...DN4_INTERVIEW_ITEMS, ...EXAMINATION_ITEMS];
const KEYS = ITEMS.map((i) => i.key);
const INTERVIEW_KEYS = DN4_INTERVIEW_ITEMS.map((i) => i.key);

const BANDS = [
  {
    id: 'negative',
    label: 'Not suggestive of neuropathic pain',
    from: 0,
    inclusive: true,
    range: '0–3',
    patientText: 'Your answers and examination do not point to nerve-related (neuropathic) pain.',
  },
  {
    id: 'positive',
    label: 'Suggestive of neuropathic pain',
    from: DN4_POSITIVE_FROM,
    inclusive: true,
    range: '4–10',
    patientText:
      'Your answers and examination suggest part of your pain may come from the nerves (neuropathic pain). Your care team will discuss what this means.',
  },
] as const;

/** Licence not found in the sources: treated as needing permission until confirmed. */
export const DN4_LICENCE = {
  kind: 'licensed',
  holder: 'UNCONFIRMED (Bouhassira et al. 2005, authors)',
  attribution: 'DN4: Bouhassira D et al. Pain 2005;114:29–36.',
  note: 'No licence statement was found in the sources (Bouhassira 2005, Pain 114:29, https://doi.org/10.1016/j.pain.2004.12.010, UNCONFIRMED); treated as requiring permission before item text is shown to patients until confirmed.',
  unconfirmed: true,
} as const;

export const dn4: InstrumentDefinition = {
  id: 'dn4',
  version: 'DN4 (Bouhassira 2005)',
  scoringVersion: '1',
  title: 'DN4 — Douleur Neuropathique en 4 questions',
  shortTitle: 'DN4',
  measures: 'Likelihood that pain has a neuropathic component (interview + clinician examination)',
  recallPeriod: 'Current pain',
  items: ITEMS,
  scoreRange: { min: 0, max: 10 },
  primaryScore: 'total',
  scoreUnit: 'points (items answered yes)',
  direction: 'lower-is-better',
  bands: BANDS,
  change: {
    kind: 'none',
    reason:
      'A diagnostic screening tool; no clinically important change in the sources (Bouhassira 2005, Pain 114:29, https://doi.org/10.1016/j.pain.2004.12.010).',
  },
  monotone: true,
  loinc: {},
  licence: DN4_LICENCE,
  source:
    'Bouhassira D et al. Pain 2005;114:29–36; cut-off ≥ 4/10: Spallone 2012 Diabet Med, VanDenKerkhof 2018 Clin J Pain, physio-pedia. Bouhassira 2005, Pain 114:29, https://doi.org/10.1016/j.pain.2004.12.010.',
  settings: [
    {
      name: 'DN4_POSITIVE_FROM',
      value: DN4_POSITIVE_FROM,
      why: '≥ 4/10 is the standard cut-off (Spallone 2012, physio-pedia); NINDS CDE says "greater than 4", and the original Bouhassira 2005 figures could not be retrieved — UNCONFIRMED (https://doi.org/10.1016/j.pain.2004.12.010).',
    },
    {
      name: 'DN4_MISSING_RULE',
      value: 'all 10 items required',
      why: 'Not specified — UNCONFIRMED; each item shifts the total by 1, so no score with missing items (Bouhassira 2005, Pain 114:29, https://doi.org/10.1016/j.pain.2004.12.010).',
    },
    {
      name: 'DN4_LICENCE',
      value: 'treated as licensed',
      why: 'Licence not found in the sources — UNCONFIRMED (Bouhassira 2005, Pain 114:29, https://doi.org/10.1016/j.pain.2004.12.010).',
    },
  ],
  score(answers): ScoreResult {
    const interview = completeSum(answers, INTERVIEW_KEYS);
    const missing = KEYS.filter((k) => !answers.has(k));
    if (missing.length > 0) return { kind: 'incomplete', missing, scores: { total: null, interview }, flags: [] };
    const total = completeSum(answers, KEYS)!;
    return { kind: 'scored', score: total, scores: { total, interview }, band: bandFor(BANDS, total)?.id ?? null, flags: [], missing: [] };
  },
};
