// 0–10 pain-intensity Numeric Rating Scale (PI-NRS). Every fact: Farrar 2001, Pain 94:149, https://pubmed.ncbi.nlm.nih.gov/11690728/; Dworkin 2008, J Pain 9:105, https://doi.org/10.1016/j.jpain.2007.09.005.
// Score: the rating itself (0–10). Single item, so no proration: unanswered → incomplete.
// Bands: the commonly used 1–4 mild / 5–6 moderate / 7–10 severe (DVPRS colour coding, ePPOC), with 0 as
// "no pain"; their original derivation (Serlin 1995) was not retrieved, so they are a documented setting.
// Change: IMMPACT percent categories (Dworkin 2008); percent change is undefined at baseline 0 (Farrar 2001, Pain 94:149, https://pubmed.ncbi.nlm.nih.gov/11690728/; https://doi.org/10.1016/j.jpain.2007.09.005 notes).

import type { InstrumentDefinition, ScoreResult } from '../model.ts';
import { bandFor, scaleOptions } from '../scoring.ts';

/** LOINC answer codes for 0…10 on 72514-3 (Farrar 2001, Pain 94:149, https://pubmed.ncbi.nlm.nih.gov/11690728/; Dworkin 2008, J Pain 9:105, https://doi.org/10.1016/j.jpain.2007.09.005). */
const ANSWER_LOINC = [
  'LA6111-4',
  'LA6112-2',
  'LA6113-0',
  'LA6114-8',
  'LA6115-5',
  'LA10137-0',
  'LA10138-8',
  'LA10139-6',
  'LA10140-4',
  'LA10141-2',
  'LA13942-0',
];

const OPTIONS = scaleOptions(
  Array.from({ length: 11 }, (_, i) => (i === 0 ? '0 — No pain' : i === 10 ? '10 — Worst pain imaginable' : String(i))),
  0,
  ANSWER_LOINC,
);

export const NRS_ITEM = 'intensity';

const BANDS = [
  { id: 'no-pain', label: 'No pain', from: 0, inclusive: true, range: '0', patientText: 'You reported no pain.' },
  { id: 'mild', label: 'Mild', from: 1, inclusive: true, range: '1–4', patientText: 'You reported mild pain.' },
  { id: 'moderate', label: 'Moderate', from: 5, inclusive: true, range: '5–6', patientText: 'You reported moderate pain.' },
  {
    id: 'severe',
    label: 'Severe',
    from: 7,
    inclusive: true,
    range: '7–10',
    patientText: 'You reported severe pain. Let your care team know if this is new or worse than usual.',
  },
] as const;

export const nrs: InstrumentDefinition = {
  id: 'nrs',
  version: 'PI-NRS 0–10',
  scoringVersion: '1',
  title: 'Pain intensity Numeric Rating Scale (0–10)',
  shortTitle: 'NRS',
  measures: 'Pain intensity',
  // The code defines no recall period; the asking form states it ("now", "average over the past week" …).
  recallPeriod: null,
  items: [
    { key: NRS_ITEM, construct: 'Rate your pain from 0 (no pain) to 10 (worst pain imaginable)', loinc: '72514-3', options: OPTIONS },
  ],
  scoreRange: { min: 0, max: 10 },
  primaryScore: 'intensity',
  scoreUnit: 'points (0–10)',
  direction: 'lower-is-better',
  bands: BANDS,
  change: {
    kind: 'immpact-percent',
    source:
      'Dworkin 2008, J Pain 9:105; Farrar 2001, Pain 94:149 (https://pubmed.ncbi.nlm.nih.gov/11690728/; https://doi.org/10.1016/j.jpain.2007.09.005)',
  },
  monotone: true,
  loinc: { score: '72514-3' },
  licence: {
    kind: 'free',
    holder: 'None identified (generic scale)',
    attribution: '0–10 pain intensity numeric rating scale (generic).',
    note: 'Generic scale; no copyright holder identified (Farrar 2001, Pain 94:149, https://pubmed.ncbi.nlm.nih.gov/11690728/; Dworkin 2008, J Pain 9:105, https://doi.org/10.1016/j.jpain.2007.09.005).',
  },
  source:
    'Farrar JT et al. Pain 2001;94:149 (PMID 11690728); Dworkin RH et al. J Pain 2008;9:105 (IMMPACT); LOINC 72514-3. Farrar 2001, Pain 94:149, https://pubmed.ncbi.nlm.nih.gov/11690728/; Dworkin 2008, J Pain 9:105, https://doi.org/10.1016/j.jpain.2007.09.005.',
  settings: [
    {
      name: 'NRS_BANDS',
      value: '0 no pain; 1–4 mild; 5–6 moderate; 7–10 severe',
      why: 'Commonly used cut-points (DVPRS colour coding, ePPOC); original derivation (Serlin 1995) not retrieved — UNCONFIRMED (Farrar 2001, Pain 94:149, https://pubmed.ncbi.nlm.nih.gov/11690728/; Dworkin 2008, J Pain 9:105, https://doi.org/10.1016/j.jpain.2007.09.005).',
    },
    {
      name: 'NRS_RECALL',
      value: 'stated by the asking form',
      why: 'The LOINC time axis of 72514-3 was not retrieved — UNCONFIRMED (Farrar 2001, Pain 94:149, https://pubmed.ncbi.nlm.nih.gov/11690728/; Dworkin 2008, J Pain 9:105, https://doi.org/10.1016/j.jpain.2007.09.005); the form must say "now", "average past week" etc.',
    },
  ],
  score(answers): ScoreResult {
    const intensity = answers.get(NRS_ITEM);
    if (intensity === undefined) return { kind: 'incomplete', missing: [NRS_ITEM], scores: {}, flags: [] };
    return { kind: 'scored', score: intensity, scores: { intensity }, band: bandFor(BANDS, intensity)?.id ?? null, flags: [], missing: [] };
  },
};
