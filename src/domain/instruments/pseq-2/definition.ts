// PSEQ-2 (Nicholas, McGuire, Asghari 2015, J Pain 16:153). Every fact: Nicholas 2007, Eur J Pain 11:153; Nicholas 2015, J Pain 16:153, https://pubmed.ncbi.nlm.nih.gov/25463701/.
// Two items, each 0 (not at all confident) … 6 (completely confident): confidence to work and to lead a
// normal life despite pain. Score: sum 0–12, higher = more self-efficacy. No bands, no MCID, no
// missing-item rule in the sources: both items required.
// Item keys are the PSEQ-2's own numbering ("1", "2"); which PSEQ-10 items they are (commonly 5 and 9)
// is UNCONFIRMED and kept as a setting, so stored answers never depend on that mapping.

import type { InstrumentDefinition, ScoreResult } from '../model.ts';
import { completeSum } from '../scoring.ts';
import { PSEQ_LICENCE, PSEQ_OPTIONS } from '../pseq-10/definition.ts';

/** PSEQ-2 item → PSEQ-10 item, as commonly reported (Nicholas 2007, Eur J Pain 11:153; Nicholas 2015, J Pain 16:153, https://pubmed.ncbi.nlm.nih.gov/25463701/, UNCONFIRMED). */
export const PSEQ2_ITEM_MAPPING: Readonly<Record<string, string>> = { 1: '5', 2: '9' };

const ITEMS = [
  { key: '1', construct: 'Confidence in doing some kind of work (paid, unpaid or housework) despite the pain', options: PSEQ_OPTIONS },
  { key: '2', construct: 'Confidence in living a normal lifestyle despite the pain', options: PSEQ_OPTIONS },
];
const KEYS = ITEMS.map((i) => i.key);

export const pseq2: InstrumentDefinition = {
  id: 'pseq-2',
  version: 'PSEQ-2 (Nicholas 2015)',
  scoringVersion: '1',
  title: 'Pain Self-Efficacy Questionnaire, 2-item short form (PSEQ-2)',
  shortTitle: 'PSEQ-2',
  measures: 'Confidence in working and leading a normal life despite pain',
  recallPeriod: 'At present',
  items: ITEMS,
  scoreRange: { min: 0, max: 12 },
  primaryScore: 'total',
  scoreUnit: 'points',
  direction: 'higher-is-better',
  bands: [],
  change: {
    kind: 'none',
    reason:
      'No minimal clinically important difference for the PSEQ-2 in the sources (Nicholas 2007, Eur J Pain 11:153; Nicholas 2015, J Pain 16:153, https://pubmed.ncbi.nlm.nih.gov/25463701/, UNCONFIRMED).',
  },
  monotone: true,
  loinc: {},
  licence: PSEQ_LICENCE,
  source:
    'Nicholas, McGuire, Asghari 2015, J Pain 16:153 (PMID 25463701, abstract). Nicholas 2007, Eur J Pain 11:153; Nicholas 2015, J Pain 16:153, https://pubmed.ncbi.nlm.nih.gov/25463701/.',
  settings: [
    {
      name: 'PSEQ2_ITEM_MAPPING',
      value: 'PSEQ-2 item 1 = PSEQ-10 item 5; item 2 = PSEQ-10 item 9',
      why: 'The abstract names the constructs (work, normal life) but not the item numbers; "items 5 and 9" is commonly reported, UNCONFIRMED (Nicholas 2007, Eur J Pain 11:153; Nicholas 2015, J Pain 16:153, https://pubmed.ncbi.nlm.nih.gov/25463701/). Used only to describe the items; scoring is the plain sum.',
    },
    {
      name: 'PSEQ2_MISSING_RULE',
      value: 'both items required',
      why: 'No missing-item rule found (Nicholas 2007, Eur J Pain 11:153; Nicholas 2015, J Pain 16:153, https://pubmed.ncbi.nlm.nih.gov/25463701/, UNCONFIRMED) default.',
    },
    {
      name: 'PSEQ_RECALL',
      value: 'At present',
      why: 'Recall wording is UNCONFIRMED (Nicholas 2007, Eur J Pain 11:153; Nicholas 2015, J Pain 16:153, https://pubmed.ncbi.nlm.nih.gov/25463701/).',
    },
  ],
  score(answers): ScoreResult {
    const total = completeSum(answers, KEYS);
    if (total === null) return { kind: 'incomplete', missing: KEYS.filter((k) => !answers.has(k)), scores: {}, flags: [] };
    return { kind: 'scored', score: total, scores: { total }, band: null, flags: [], missing: [] };
  },
};
