// Defense and Veterans Pain Rating Scale 2.0 (DoD/VA). Every fact: Buckenmaier 2013, Pain Med 14:110, https://doi.org/10.1111/j.1526-4637.2012.01516.x.
// Intensity: 0–10 NRS with functional word descriptors (paraphrased from Buckenmaier 2013, Pain Med 14:110, https://doi.org/10.1111/j.1526-4637.2012.01516.x), colour bands mild 1–4
// (green), moderate 5–6 (yellow), severe 7–10 (red), 0 no pain. Four supplementary 0–10 items: pain's
// interference with usual activity and sleep, effect on mood, contribution to stress.
// Each item is reported separately; no official composite exists (Buckenmaier 2013, Pain Med 14:110, https://doi.org/10.1111/j.1526-4637.2012.01516.x), so the primary score is the
// intensity rating. Items are independent ("Missing: N/A"): intensity is required, each supplementary item
// is optional and reported as null when unanswered. Change: IMMPACT percent on intensity.

import type { InstrumentDefinition, ResponseOption, ScoreResult } from '../model.ts';
import { bandFor, scaleOptions } from '../scoring.ts';

export const DVPRS_INTENSITY = 'intensity';
const SUPPLEMENTARY = ['activity', 'sleep', 'mood', 'stress'] as const;

// Paraphrased descriptors (Buckenmaier 2013, Pain Med 14:110, https://doi.org/10.1111/j.1526-4637.2012.01516.x); the DoD/VA English wording was not retrieved.
const INTENSITY_OPTIONS = scaleOptions([
  '0 — No pain',
  '1 — Hardly noticeable',
  '2 — Noticeable, does not interfere with activities',
  '3 — Sometimes distracts',
  '4 — Distracts, can still do usual activities',
  '5 — Interrupts some activities',
  '6 — Hard to ignore, avoids usual activities',
  '7 — Focus of attention, prevents daily activities',
  '8 — Awful, hard to do anything',
  '9 — Cannot bear it, unable to do anything',
  '10 — As bad as it could be, nothing else matters',
]);

const ZERO_TEN = (low: string, high: string): readonly ResponseOption[] =>
  scaleOptions(Array.from({ length: 11 }, (_, i) => (i === 0 ? `0 — ${low}` : i === 10 ? `10 — ${high}` : String(i))));

const GROUP = 'Supplementary questions';

const BANDS = [
  { id: 'no-pain', label: 'No pain', from: 0, inclusive: true, range: '0', patientText: 'You reported no pain.' },
  { id: 'mild', label: 'Mild (green)', from: 1, inclusive: true, range: '1–4', patientText: 'You reported mild pain.' },
  { id: 'moderate', label: 'Moderate (yellow)', from: 5, inclusive: true, range: '5–6', patientText: 'You reported moderate pain.' },
  {
    id: 'severe',
    label: 'Severe (red)',
    from: 7,
    inclusive: true,
    range: '7–10',
    patientText: 'You reported severe pain. Let your care team know if this is new or worse than usual.',
  },
] as const;

export const dvprs: InstrumentDefinition = {
  id: 'dvprs',
  version: 'DVPRS 2.0',
  scoringVersion: '1',
  title: 'Defense and Veterans Pain Rating Scale 2.0 (DVPRS)',
  shortTitle: 'DVPRS',
  measures: 'Pain intensity, with pain interference with activity and sleep and effect on mood and stress',
  recallPeriod: null,
  items: [
    { key: DVPRS_INTENSITY, construct: 'Pain intensity, using the word descriptors, colours and faces', options: INTENSITY_OPTIONS },
    {
      key: 'activity',
      construct: 'How much pain has interfered with usual activity',
      options: ZERO_TEN('Does not interfere', 'Completely interferes'),
      optional: true,
      group: GROUP,
    },
    {
      key: 'sleep',
      construct: 'How much pain has interfered with sleep',
      options: ZERO_TEN('Does not interfere', 'Completely interferes'),
      optional: true,
      group: GROUP,
    },
    {
      key: 'mood',
      construct: 'How much pain has affected mood',
      options: ZERO_TEN('Does not affect', 'Completely affects'),
      optional: true,
      group: GROUP,
    },
    {
      key: 'stress',
      construct: 'How much pain has contributed to stress',
      options: ZERO_TEN('Does not contribute', 'Contributes a great deal'),
      optional: true,
      group: GROUP,
    },
  ],
  scoreRange: { min: 0, max: 10 },
  primaryScore: 'intensity',
  scoreUnit: 'points (0–10)',
  direction: 'lower-is-better',
  bands: BANDS,
  change: {
    kind: 'immpact-percent',
    source:
      'Dworkin 2008, J Pain 9:105 (Farrar 2001, Pain 94:149, https://pubmed.ncbi.nlm.nih.gov/11690728/; https://doi.org/10.1016/j.jpain.2007.09.005) applied to the DVPRS intensity NRS',
  },
  monotone: true,
  loinc: {},
  licence: {
    kind: 'free',
    holder: 'US Department of Defense / Department of Veterans Affairs',
    attribution:
      'Defense and Veterans Pain Rating Scale 2.0, US Department of Defense and Department of Veterans Affairs (Buckenmaier et al., Pain Med 2013).',
    note: 'Prepared partly by US Government employees as part of official duties; described as free for clinical use — formal statement UNCONFIRMED (Buckenmaier 2013, Pain Med 14:110, https://doi.org/10.1111/j.1526-4637.2012.01516.x).',
    unconfirmed: true,
  },
  source:
    'Buckenmaier CC et al. Pain Med 2013 (doi 10.1111/j.1526-4637.2012.01516.x); DVPRS 2.0 psychometrics, Pain Med (doi 10.1093/pm/pnw105). Buckenmaier 2013, Pain Med 14:110, https://doi.org/10.1111/j.1526-4637.2012.01516.x.',
  settings: [
    {
      name: 'DVPRS_COMPOSITE',
      value: 'none; primary score = intensity',
      why: 'Each item is reported separately; no official composite score was found — UNCONFIRMED (Buckenmaier 2013, Pain Med 14:110, https://doi.org/10.1111/j.1526-4637.2012.01516.x).',
    },
    {
      name: 'DVPRS_RECALL',
      value: 'stated by the asking form',
      why: 'Recall period UNCONFIRMED (commonly "past 24 hours" for the supplementary items) (Buckenmaier 2013, Pain Med 14:110, https://doi.org/10.1111/j.1526-4637.2012.01516.x).',
    },
    {
      name: 'DVPRS_WORDING',
      value: 'paraphrased descriptors and anchors',
      why: 'Intensity descriptors are paraphrased from a translation; the English wording and the supplementary anchors were not retrieved (Buckenmaier 2013, Pain Med 14:110, https://doi.org/10.1111/j.1526-4637.2012.01516.x).',
    },
  ],
  score(answers): ScoreResult {
    const supplementary = Object.fromEntries(SUPPLEMENTARY.map((k) => [k, answers.get(k) ?? null]));
    const intensity = answers.get(DVPRS_INTENSITY);
    if (intensity === undefined)
      return { kind: 'incomplete', missing: [DVPRS_INTENSITY], scores: { intensity: null, ...supplementary }, flags: [] };
    return {
      kind: 'scored',
      score: intensity,
      scores: { intensity, ...supplementary },
      band: bandFor(BANDS, intensity)?.id ?? null,
      flags: [],
      missing: SUPPLEMENTARY.filter((k) => !answers.has(k)),
    };
  },
};
