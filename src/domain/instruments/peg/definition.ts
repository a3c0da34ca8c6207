// PEG (Krebs et al. 2009). Every fact: Krebs 2009, J Gen Intern Med 24:733, https://pubmed.ncbi.nlm.nih.gov/19418100/.
// Score: mean of the three items (0–10), kept unrounded; `scores.rounded` is the LOINC 91147-9 clinical
// display ("round to the nearest whole number"). No proration rule is published, so any missing item
// leaves the response incomplete (Krebs 2009, J Gen Intern Med 24:733, https://pubmed.ncbi.nlm.nih.gov/19418100/ "Missing", recommended default). No bands.

import type { InstrumentDefinition, ScoreResult } from '../model.ts';
import { scaleOptions } from '../scoring.ts';

const ZERO_TEN = (low: string, high: string) =>
  scaleOptions(Array.from({ length: 11 }, (_, i) => (i === 0 ? `0 — ${low}` : i === 10 ? `10 — ${high}` : String(i))));

const ITEMS = [
  {
    key: '1',
    construct: 'Average pain in the past week',
    loinc: '75893-8',
    options: ZERO_TEN('No pain', 'Pain as bad as you can imagine'),
  },
  {
    key: '2',
    construct: 'How much pain has interfered with enjoyment of life in the past week',
    loinc: '91145-3',
    options: ZERO_TEN('Does not interfere', 'Completely interferes'),
  },
  {
    key: '3',
    construct: 'How much pain has interfered with general activity in the past week',
    loinc: '91146-1',
    options: ZERO_TEN('Does not interfere', 'Completely interferes'),
  },
];

export const peg: InstrumentDefinition = {
  id: 'peg',
  version: 'PEG (Krebs 2009)',
  scoringVersion: '1',
  title: 'PEG — Pain, Enjoyment of life, General activity',
  shortTitle: 'PEG',
  measures: 'Average pain intensity and pain interference',
  recallPeriod: 'Past week',
  items: ITEMS,
  scoreRange: { min: 0, max: 10 },
  primaryScore: 'mean',
  scoreUnit: 'points (mean of 3 items)',
  direction: 'lower-is-better',
  bands: [],
  change: {
    kind: 'threshold',
    points: 1,
    source:
      'anchor-based MID mostly 1.0–1.75 points, Reed 2023 J Pain 25:142, https://pmc.ncbi.nlm.nih.gov/articles/PMC10859144/; the lower end is used',
  },
  monotone: true,
  loinc: { panel: '91148-7', score: '91147-9' },
  licence: {
    kind: 'free',
    holder: 'Krebs et al. (open-access publication)',
    attribution: 'PEG: Krebs EE et al. J Gen Intern Med 2009;24:733–738.',
    note: 'Described as freely available in the public domain by secondary sources; primary licence statement UNCONFIRMED (Krebs 2009, J Gen Intern Med 24:733, https://pubmed.ncbi.nlm.nih.gov/19418100/).',
    unconfirmed: true,
  },
  source:
    'Krebs EE, Lorenz KA, Bair MJ, et al. J Gen Intern Med 2009;24:733–8 (PMID 19418100); LOINC 91147-9. Krebs 2009, J Gen Intern Med 24:733, https://pubmed.ncbi.nlm.nih.gov/19418100/.',
  settings: [
    {
      name: 'PEG_MISSING_RULE',
      value: 'all 3 items required',
      why: 'No published proration rule (Krebs 2009, J Gen Intern Med 24:733, https://pubmed.ncbi.nlm.nih.gov/19418100/, UNCONFIRMED); scoring only complete responses is the recommended default.',
    },
    {
      name: 'PEG_MCID_POINTS',
      value: 1,
      why: 'Reed 2023 reports anchor-based MIDs of mostly 1.0–1.75 points; no single MCID is published (Krebs 2009, J Gen Intern Med 24:733, https://pubmed.ncbi.nlm.nih.gov/19418100/).',
    },
  ],
  score(answers): ScoreResult {
    const missing = ITEMS.map((i) => i.key).filter((k) => !answers.has(k));
    if (missing.length > 0) return { kind: 'incomplete', missing, scores: {}, flags: [] };
    const mean = (answers.get('1')! + answers.get('2')! + answers.get('3')!) / 3;
    return {
      kind: 'scored',
      score: mean,
      scores: { mean, rounded: Math.round(mean), pain: answers.get('1')!, enjoyment: answers.get('2')!, activity: answers.get('3')! },
      band: null,
      flags: [],
      missing: [],
    };
  },
};
