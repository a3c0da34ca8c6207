// Pain Self-Efficacy Questionnaire, 10 items (Nicholas 1989; Nicholas 2007). Every fact: Nicholas 2015, J Pain 16:153, https://pubmed.ncbi.nlm.nih.gov/25463701/.
// Score: sum of items 1–10, each 0 (not at all confident) … 6 (completely confident), no reversed items;
// 0–60, higher = more self-efficacy. Bands (secondary, normative data cited by measurely): severe 0–19,
// moderate 20–30, mild 31–40, minimal 41–60. No missing-item rule and no MCID in the sources: any missing
// item leaves the response incomplete and no change category is given.

import type { InstrumentDefinition, ScoreResult } from '../model.ts';
import { bandFor, completeSum, scaleOptions } from '../scoring.ts';

export const PSEQ_OPTIONS = scaleOptions(['0 — Not at all confident', '1', '2', '3', '4', '5', '6 — Completely confident']);

// Paraphrases of what each item asks (confidence to do it despite the pain). Nicholas 2007, Eur J Pain 11:153; Nicholas 2015, J Pain 16:153, https://pubmed.ncbi.nlm.nih.gov/25463701/ quotes only
// examples (enjoying things, socialising) and, for PSEQ-2, "work" and "a normal life"; the numbering of
// the rest is not in the doc — see the PSEQ_ITEM_CONSTRUCTS setting.
const ITEMS = [
  ['1', 'Confidence in enjoying things despite the pain'],
  ['2', 'Confidence in doing most household chores despite the pain'],
  ['3', 'Confidence in seeing friends or family as often as before, despite the pain'],
  ['4', 'Confidence in coping with the pain in most situations'],
  ['5', 'Confidence in doing some kind of work (paid, unpaid or housework) despite the pain'],
  ['6', 'Confidence in still doing enjoyed activities such as hobbies despite the pain'],
  ['7', 'Confidence in coping with the pain without medication'],
  ['8', 'Confidence in reaching most life goals despite the pain'],
  ['9', 'Confidence in living a normal lifestyle despite the pain'],
  ['10', 'Confidence in gradually becoming more active despite the pain'],
] as const;

const KEYS = ITEMS.map(([key]) => key);

const BANDS = [
  {
    id: 'severe',
    label: 'Severe',
    from: 0,
    inclusive: true,
    range: '0–19',
    patientText:
      'You feel little confidence in doing things despite your pain. Building this confidence is something your care team can help with.',
  },
  {
    id: 'moderate',
    label: 'Moderate',
    from: 20,
    inclusive: true,
    range: '20–30',
    patientText: 'You feel some confidence in doing things despite your pain; there is room to build more with your care team.',
  },
  {
    id: 'mild',
    label: 'Mild',
    from: 31,
    inclusive: true,
    range: '31–40',
    patientText: 'You feel fairly confident in doing things despite your pain.',
  },
  {
    id: 'minimal',
    label: 'Minimal',
    from: 41,
    inclusive: true,
    range: '41–60',
    patientText: 'You feel confident in doing things despite your pain.',
  },
] as const;

export const PSEQ_LICENCE = {
  kind: 'free',
  holder: 'Nicholas (developer); licence holder UNCONFIRMED',
  attribution: 'Pain Self-Efficacy Questionnaire: Nicholas 2007, Eur J Pain 11:153.',
  note: 'No licence statement found in the sources (Nicholas 2007, Eur J Pain 11:153; Nicholas 2015, J Pain 16:153, https://pubmed.ncbi.nlm.nih.gov/25463701/, UNCONFIRMED). Treated as free to show because only BPI, PCS, ODI and PROMIS are known to need a licence; check with the author before distribution.',
  unconfirmed: true,
} as const;

export const pseq10: InstrumentDefinition = {
  id: 'pseq-10',
  version: 'PSEQ 10-item (Nicholas 1989/2007)',
  scoringVersion: '1',
  title: 'Pain Self-Efficacy Questionnaire (PSEQ)',
  shortTitle: 'PSEQ-10',
  measures: 'Confidence in doing activities despite pain (pain self-efficacy)',
  recallPeriod: 'At present',
  items: ITEMS.map(([key, construct]) => ({ key, construct, options: PSEQ_OPTIONS })),
  scoreRange: { min: 0, max: 60 },
  primaryScore: 'total',
  scoreUnit: 'points',
  direction: 'higher-is-better',
  bands: BANDS,
  change: {
    kind: 'none',
    reason:
      'No minimal clinically important difference for the PSEQ in the sources (Nicholas 2007, Eur J Pain 11:153; Nicholas 2015, J Pain 16:153, https://pubmed.ncbi.nlm.nih.gov/25463701/, UNCONFIRMED).',
  },
  monotone: true,
  loinc: {},
  licence: PSEQ_LICENCE,
  source:
    'Nicholas 1989; Nicholas 2007, Eur J Pain 11:153; bands from Nicholas et al. normative data (Pain 2019) as cited by measurely.com.au (secondary). Nicholas 2015, J Pain 16:153, https://pubmed.ncbi.nlm.nih.gov/25463701/.',
  settings: [
    {
      name: 'PSEQ_MISSING_RULE',
      value: 'all 10 items required',
      why: 'No missing-item rule found (Nicholas 2007, Eur J Pain 11:153; Nicholas 2015, J Pain 16:153, https://pubmed.ncbi.nlm.nih.gov/25463701/, UNCONFIRMED); scoring only complete responses is the default.',
    },
    {
      name: 'PSEQ_BANDS',
      value: 'severe 0–19; moderate 20–30; mild 31–40; minimal 41–60',
      why: "Secondary source (measurely page citing Nicholas et al. 2019 normative data), not the developer's manual (Nicholas 2007, Eur J Pain 11:153; Nicholas 2015, J Pain 16:153, https://pubmed.ncbi.nlm.nih.gov/25463701/).",
    },
    {
      name: 'PSEQ_ITEM_CONSTRUCTS',
      value: 'items 1–10 paraphrased in the usual form order',
      why: 'The full item list is UNCONFIRMED in Nicholas 2007, Eur J Pain 11:153; Nicholas 2015, J Pain 16:153, https://pubmed.ncbi.nlm.nih.gov/25463701/ (only examples are quoted); check the paraphrases against the form before showing them to patients. Scoring does not depend on the order (plain sum).',
    },
    {
      name: 'PSEQ_RECALL',
      value: 'At present',
      why: 'Recall wording "at present, despite the pain" is UNCONFIRMED (Nicholas 2007, Eur J Pain 11:153; Nicholas 2015, J Pain 16:153, https://pubmed.ncbi.nlm.nih.gov/25463701/).',
    },
  ],
  score(answers): ScoreResult {
    const total = completeSum(answers, KEYS);
    if (total === null) return { kind: 'incomplete', missing: KEYS.filter((k) => !answers.has(k)), scores: {}, flags: [] };
    return { kind: 'scored', score: total, scores: { total }, band: bandFor(BANDS, total)?.id ?? null, flags: [], missing: [] };
  },
};
