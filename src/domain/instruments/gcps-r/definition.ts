// Graded Chronic Pain Scale – Revised (Von Korff et al. 2020, Pain 161:651). Every fact: Von Korff 2020, Pain 161:651, https://pmc.ncbi.nlm.nih.gov/articles/PMC7097879/.
// Items: Q1 pain days and Q2 activity-limitation days in the past 3 months (never 0, some days 1, most
// days 2, every day 3); Q3–Q5 PEG-type items for the past 7 days (average pain, interference with
// enjoyment of life, with general activity; 0–10 each).
// Grade (algorithm from two secondary implementations — the paper's appendix was not retrieved, UNCONFIRMED):
//   Q1 never/some days → 0 no chronic pain;
//   else Q2 most days/every day → 3 high-impact;
//   else Q3 + Q4 + Q5 ≥ 12 (mean ≥ 4) → 2 bothersome; otherwise 1 mild.
// Missing: no published rule. Items 2–5 are optional in the definition because the algorithm stops early;
// the response is incomplete only when a grade cannot be reached (Q1 missing; Q2 missing when Q1 is most
// days or every day; any of Q3–Q5 missing when the grade is 1 or 2). Items left out but not needed are
// listed in `missing` of the scored result.
// The grade is monotone: raising Q1 or Q2 only moves towards grades 1–3, raising Q3–Q5 only from 1 to 2.

import type { InstrumentDefinition, ScoreResult } from '../model.ts';
import { completeSum, scaleOptions } from '../scoring.ts';

const DAYS = scaleOptions(['Never', 'Some days', 'Most days', 'Every day']);
const ZERO_TEN = (low: string, high: string) =>
  scaleOptions(Array.from({ length: 11 }, (_, i) => (i === 0 ? `0 — ${low}` : i === 10 ? `10 — ${high}` : String(i))));

/** Q1/Q2 answers from which pain counts as chronic (Q1) or activity-limiting (Q2): "most days". */
export const GCPS_R_MOST_DAYS = 2;
/** Q3 + Q4 + Q5 at or above which chronic pain is bothersome (mean ≥ 4). */
export const GCPS_R_BOTHERSOME_SUM = 12;

const THREE_MONTHS = 'Past 3 months';
const SEVEN_DAYS = 'Past 7 days';

const ITEMS = [
  { key: '1', construct: 'On how many days you had pain in the past 3 months', options: DAYS, group: THREE_MONTHS },
  {
    key: '2',
    construct: 'On how many days pain limited your life or work activities in the past 3 months',
    options: DAYS,
    group: THREE_MONTHS,
    optional: true,
  },
  {
    key: '3',
    construct: 'Average pain intensity in the past 7 days',
    options: ZERO_TEN('No pain', 'Pain as bad as you can imagine'),
    group: SEVEN_DAYS,
    optional: true,
  },
  {
    key: '4',
    construct: 'How much pain interfered with enjoyment of life in the past 7 days',
    options: ZERO_TEN('Does not interfere', 'Completely interferes'),
    group: SEVEN_DAYS,
    optional: true,
  },
  {
    key: '5',
    construct: 'How much pain interfered with general activity in the past 7 days',
    options: ZERO_TEN('Does not interfere', 'Completely interferes'),
    group: SEVEN_DAYS,
    optional: true,
  },
];
const KEYS = ITEMS.map((i) => i.key);
const PEG_KEYS = ['3', '4', '5'];

const BANDS = [
  {
    id: 'no-chronic-pain',
    label: 'Grade 0: no chronic pain',
    from: 0,
    inclusive: true,
    range: '0',
    patientText: 'Your answers do not suggest chronic pain: pain on fewer than most days in the past 3 months.',
  },
  {
    id: 'mild',
    label: 'Grade 1: mild chronic pain',
    from: 1,
    inclusive: true,
    range: '1',
    patientText: 'Your answers suggest mild chronic pain: pain on most days, with lower intensity and little effect on your activities.',
  },
  {
    id: 'bothersome',
    label: 'Grade 2: bothersome chronic pain',
    from: 2,
    inclusive: true,
    range: '2',
    patientText: 'Your answers suggest bothersome chronic pain: moderate to severe pain that does not often limit your activities.',
  },
  {
    id: 'high-impact',
    label: 'Grade 3: high-impact chronic pain',
    from: 3,
    inclusive: true,
    range: '3',
    patientText:
      'Your answers suggest high-impact chronic pain: pain that limits your life or work activities on most days. Your care team should know.',
  },
] as const;

export const gcpsR: InstrumentDefinition = {
  id: 'gcps-r',
  version: 'GCPS-R (Von Korff 2020)',
  scoringVersion: '1',
  title: 'Graded Chronic Pain Scale – Revised (GCPS-R)',
  shortTitle: 'GCPS-R',
  measures: 'Chronic pain grade: none, mild, bothersome or high-impact',
  recallPeriod: 'Past 3 months (items 1–2); past 7 days (items 3–5)',
  items: ITEMS,
  scoreRange: { min: 0, max: 3 },
  primaryScore: 'grade',
  scoreUnit: 'grade (0–3)',
  direction: 'lower-is-better',
  bands: BANDS,
  change: {
    kind: 'none',
    reason:
      'No clinically important change of the grade in the sources (Von Korff 2020, Pain 161:651, https://pmc.ncbi.nlm.nih.gov/articles/PMC7097879/).',
  },
  monotone: true,
  loinc: {},
  licence: {
    kind: 'free',
    holder: 'Von Korff et al. (published in Pain 2020); licence UNCONFIRMED',
    attribution:
      'GCPS-R: Von Korff M, DeBar LL, Krebs EE, Kerns RD, Deyo RA, Keefe FJ. Graded chronic pain scale revised: mild, bothersome, and high-impact chronic pain. Pain 2020;161:651–661.',
    note: 'No licence statement found (Von Korff 2020, Pain 161:651, https://pmc.ncbi.nlm.nih.gov/articles/PMC7097879/, UNCONFIRMED). Treated as free because only BPI, PCS, ODI and PROMIS are known to need a licence; confirm before distribution.',
    unconfirmed: true,
  },
  source:
    'Von Korff M et al. Pain 2020;161:651–661 (PMC7097879); algorithm per the Millisecond Inquisit GCPS-R manual and a public R script (secondary). Von Korff 2020, Pain 161:651, https://pmc.ncbi.nlm.nih.gov/articles/PMC7097879/.',
  settings: [
    {
      name: 'GCPS_R_ALGORITHM',
      value: 'Q1 < most days → 0; Q2 ≥ most days → 3; Q3+Q4+Q5 ≥ 12 → 2; else 1',
      why: "From two secondary implementations (Inquisit manual, an R script); the paper's appendix was not retrieved, so the thresholds are UNCONFIRMED against the primary (Von Korff 2020, Pain 161:651, https://pmc.ncbi.nlm.nih.gov/articles/PMC7097879/).",
    },
    {
      name: 'GCPS_R_BOTHERSOME_SUM',
      value: GCPS_R_BOTHERSOME_SUM,
      why: 'Q3 + Q4 + Q5 ≥ 12 (PEG mean ≥ 4) per the secondary implementations — UNCONFIRMED (Von Korff 2020, Pain 161:651, https://pmc.ncbi.nlm.nih.gov/articles/PMC7097879/).',
    },
    {
      name: 'GCPS_R_MISSING_RULE',
      value: 'incomplete only when the grade cannot be reached',
      why: 'No missing-item rule in the sources (UNCONFIRMED, Von Korff 2020, Pain 161:651, https://pmc.ncbi.nlm.nih.gov/articles/PMC7097879/). Items the algorithm does not read for the grade reached may be left out.',
    },
  ],
  score(answers): ScoreResult {
    const pegSum = completeSum(answers, PEG_KEYS);
    const q1 = answers.get('1');
    const q2 = answers.get('2');
    const unanswered = (keys: readonly string[]) => keys.filter((k) => !answers.has(k));
    const scored = (grade: number): ScoreResult => ({
      kind: 'scored',
      score: grade,
      scores: { grade, pegSum },
      band: BANDS[grade]!.id,
      flags: [],
      missing: unanswered(KEYS),
    });
    if (q1 === undefined) {
      // Without Q1 no grade is reachable; Q2 and Q3–Q5 may be needed too, depending on Q1.
      return { kind: 'incomplete', missing: unanswered(KEYS), scores: { grade: null, pegSum }, flags: [] };
    }
    if (q1 < GCPS_R_MOST_DAYS) return scored(0);
    if (q2 === undefined)
      return { kind: 'incomplete', missing: unanswered(['2', ...PEG_KEYS]), scores: { grade: null, pegSum }, flags: [] };
    if (q2 >= GCPS_R_MOST_DAYS) return scored(3);
    if (pegSum === null) return { kind: 'incomplete', missing: unanswered(PEG_KEYS), scores: { grade: null, pegSum }, flags: [] };
    return scored(pegSum >= GCPS_R_BOTHERSOME_SUM ? 2 : 1);
  },
};
