// Patient Global Impression of Change (PGIC), NINDS CDE version. Every fact: https://www.commondataelements.ninds.nih.gov/ReportViewer.aspx?/nindscdereports/rptNOC&rs:Command=Render&rc:Parameters=false&crfID=F2677.
// One 7-point rating: 1 very much improved … 4 no change … 7 very much worse (from Guy's CGI-Improvement).
// Score = the rating; band = the rating's kebab id. The rating is itself the change (change kind 'rating');
// its IMMPACT meaning (Dworkin 2008) is PGIC_IMMPACT_CATEGORY, not a numeric score.
// Lower is better; raising the rating never lowers the score, so the instrument is monotone.
// The reversed Hurst & Bolton 2004 variant (1 = no change or worse … 7 = a great deal better) is a
// different instrument version and is not scored here.

import type { InstrumentDefinition, ScoreResult } from '../model.ts';
import { bandFor } from '../scoring.ts';

export const PGIC_ITEM = 'rating';

const RATINGS = [
  [1, 'very-much-improved', 'Very much improved', 'You feel very much improved since treatment started.'],
  [2, 'much-improved', 'Much improved', 'You feel much improved since treatment started.'],
  [3, 'minimally-improved', 'Minimally improved', 'You feel a little improved since treatment started.'],
  [4, 'no-change', 'No change', 'You feel about the same as when treatment started.'],
  [5, 'minimally-worse', 'Minimally worse', 'You feel a little worse since treatment started. Let your care team know.'],
  [6, 'much-worse', 'Much worse', 'You feel much worse since treatment started. Please tell your care team.'],
  [7, 'very-much-worse', 'Very much worse', 'You feel very much worse since treatment started. Please tell your care team soon.'],
] as const;

const BANDS = RATINGS.map(([value, id, label, patientText]) => ({
  id,
  label,
  from: value,
  inclusive: true,
  range: String(value),
  patientText,
}));

/** IMMPACT meaning of the improved ratings (Dworkin 2008 via Bandolier, PGIC, NINDS CDE, https://www.commondataelements.ninds.nih.gov/ReportViewer.aspx?/nindscdereports/rptNOC&rs:Command=Render&rc:Parameters=false&crfID=F2677); others: none. */
export const PGIC_IMMPACT_CATEGORY: Readonly<Record<string, 'substantial' | 'moderate' | 'minimal' | 'none'>> = {
  'very-much-improved': 'substantial',
  'much-improved': 'moderate',
  'minimally-improved': 'minimal',
  'no-change': 'none',
  'minimally-worse': 'none',
  'much-worse': 'none',
  'very-much-worse': 'none',
};

export const pgic: InstrumentDefinition = {
  id: 'pgic',
  version: 'PGIC (NINDS CDE; 1 = very much improved)',
  scoringVersion: '1',
  title: 'Patient Global Impression of Change (PGIC)',
  shortTitle: 'PGIC',
  measures: "Patient's overall rating of change since the start of treatment",
  recallPeriod: 'Since the start of treatment',
  items: [
    {
      key: PGIC_ITEM,
      construct: 'Overall, how your condition has changed since treatment began',
      options: RATINGS.map(([value, , label]) => ({ value, label })),
    },
  ],
  scoreRange: { min: 1, max: 7 },
  primaryScore: 'rating',
  scoreUnit: 'rating (1–7)',
  direction: 'lower-is-better',
  bands: BANDS,
  change: {
    kind: 'rating',
    source:
      'IMMPACT, Dworkin 2008: minimally improved = minimal, much improved = moderate, very much improved = substantial, https://doi.org/10.1016/j.jpain.2007.09.005',
  },
  monotone: true,
  loinc: {},
  licence: {
    kind: 'free',
    holder: 'Public domain (NINDS Common Data Elements)',
    attribution:
      'Patient Global Impression of Change (NINDS Common Data Elements), derived from Guy W. ECDEU Assessment Manual, 1976 (CGI-Improvement).',
    note: '"Available in the public domain" (NINDS CDE) (PGIC, NINDS CDE, https://www.commondataelements.ninds.nih.gov/ReportViewer.aspx?/nindscdereports/rptNOC&rs:Command=Render&rc:Parameters=false&crfID=F2677).',
  },
  source:
    'NINDS CDE PGIC notice (form F2677); Guy 1976 CGI-I; Dworkin 2008 J Pain 9:105; Farrar 2001 Pain 94:149. https://www.commondataelements.ninds.nih.gov/ReportViewer.aspx?/nindscdereports/rptNOC&rs:Command=Render&rc:Parameters=false&crfID=F2677.',
  settings: [
    {
      name: 'PGIC_VERSION',
      value: 'NINDS CDE, 1 = very much improved … 7 = very much worse',
      why: 'The Hurst & Bolton 2004 variant reverses the direction — UNCONFIRMED here; the version is stored with each response (https://www.commondataelements.ninds.nih.gov/ReportViewer.aspx?/nindscdereports/rptNOC&rs:Command=Render&rc:Parameters=false&crfID=F2677).',
    },
  ],
  score(answers): ScoreResult {
    const rating = answers.get(PGIC_ITEM);
    if (rating === undefined) return { kind: 'incomplete', missing: [PGIC_ITEM], scores: {}, flags: [] };
    return { kind: 'scored', score: rating, scores: { rating }, band: bandFor(BANDS, rating)?.id ?? null, flags: [], missing: [] };
  },
};
