// DN4-interview: the 7 patient-reported DN4 items, without clinician examination. Every fact:
// Bouhassira 2005, Pain 114:29, https://doi.org/10.1016/j.pain.2004.12.010. Sum 0–7, ≥ 3 positive (Spallone 2012). All 7 items required (no missing rule).

import type { InstrumentDefinition, ScoreResult } from '../model.ts';
import { bandFor, completeSum } from '../scoring.ts';
import { DN4_INTERVIEW_ITEMS, DN4_LICENCE } from '../dn4/definition.ts';

export const DN4_INTERVIEW_POSITIVE_FROM = 3;

const KEYS = DN4_INTERVIEW_ITEMS.map((i) => i.key);

const BANDS = [
  {
    id: 'negative',
    label: 'Not suggestive of neuropathic pain',
    from: 0,
    inclusive: true,
    range: '0–2',
    patientText: 'Your answers do not point to nerve-related (neuropathic) pain.',
  },
  {
    id: 'positive',
    label: 'Suggestive of neuropathic pain',
    from: DN4_INTERVIEW_POSITIVE_FROM,
    inclusive: true,
    range: '3–7',
    patientText:
      'Your answers suggest part of your pain may come from the nerves (neuropathic pain). Your care team may examine the painful area.',
  },
] as const;

export const dn4Interview: InstrumentDefinition = {
  id: 'dn4-interview',
  version: 'DN4-interview (Bouhassira 2005)',
  scoringVersion: '1',
  title: 'DN4-interview (patient-reported DN4 items 1–7)',
  shortTitle: 'DN4-interview',
  measures: 'Likelihood that pain has a neuropathic component (self-report only)',
  recallPeriod: 'Current pain',
  items: DN4_INTERVIEW_ITEMS,
  scoreRange: { min: 0, max: 7 },
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
    'Bouhassira D et al. Pain 2005;114:29–36; cut-off ≥ 3/7: Spallone 2012 Diabet Med (sens/spec 84 %). Bouhassira 2005, Pain 114:29, https://doi.org/10.1016/j.pain.2004.12.010.',
  settings: [
    {
      name: 'DN4_INTERVIEW_POSITIVE_FROM',
      value: DN4_INTERVIEW_POSITIVE_FROM,
      why: '≥ 3/7 per Spallone 2012; the Dutch validation (van Seventer 2013) found 4/7 optimal in its sample (Bouhassira 2005, Pain 114:29, https://doi.org/10.1016/j.pain.2004.12.010).',
    },
    {
      name: 'DN4_INTERVIEW_MISSING_RULE',
      value: 'all 7 items required',
      why: 'Not specified — UNCONFIRMED; no score with missing items (Bouhassira 2005, Pain 114:29, https://doi.org/10.1016/j.pain.2004.12.010).',
    },
    {
      name: 'DN4_LICENCE',
      value: 'treated as licensed',
      why: 'Licence not found in the sources — UNCONFIRMED (Bouhassira 2005, Pain 114:29, https://doi.org/10.1016/j.pain.2004.12.010).',
    },
  ],
  score(answers): ScoreResult {
    const total = completeSum(answers, KEYS);
    if (total === null) return { kind: 'incomplete', missing: KEYS.filter((k) => !answers.has(k)), scores: {}, flags: [] };
    return { kind: 'scored', score: total, scores: { total }, band: bandFor(BANDS, total)?.id ?? null, flags: [], missing: [] };
  },
};
