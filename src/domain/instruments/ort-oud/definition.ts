// ORT-OUD (Cheatle et al. 2019, J Pain 20:842). Every fact: Cheatle 2019, J Pain 20:842, https://pmc.ncbi.nlm.nih.gov/articles/PMC6768552/.
// The revised, unweighted ORT with the preadolescent-sexual-abuse item removed: 9 yes/no items, 1 point
// each, 0–9 (item set as implied by the abstract; exact scoring sheet UNCONFIRMED). Sex plays no part.
// Risk cut-off UNCONFIRMED from the paper; secondary sources give "2 or lower = low", so low 0–2,
// high 3–9 (setting ORT_OUD_CUTOFF). No missing-item rule: any unanswered item → incomplete.

import type { InstrumentDefinition, ScoreResult } from '../model.ts';
import { bandFor, completeSum, YES_NO } from '../scoring.ts';

export const ORT_OUD_HIGH_FROM = 3;

const FAMILY = 'Family history of substance abuse';
const PERSONAL = 'Personal history of substance abuse';
const PSYCH = 'Psychological disease';

/** Cheatle 2019, J Pain 20:842, https://pmc.ncbi.nlm.nih.gov/articles/PMC6768552/ listing order: 3 family history, 3 personal history, age, ADD/OCD/bipolar/schizophrenia, depression. */
const ITEMS = [
  { key: '1', construct: 'Family history of substance abuse: alcohol', group: FAMILY },
  { key: '2', construct: 'Family history of substance abuse: illegal drugs', group: FAMILY },
  { key: '3', construct: 'Family history of substance abuse: prescription drugs', group: FAMILY },
  { key: '4', construct: 'Personal history of substance abuse: alcohol', group: PERSONAL },
  { key: '5', construct: 'Personal history of substance abuse: illegal drugs', group: PERSONAL },
  { key: '6', construct: 'Personal history of substance abuse: prescription drugs', group: PERSONAL },
  { key: '7', construct: 'Age between 16 and 45 years', group: 'Age' },
  {
    key: '8',
    construct: 'Psychological disease: attention deficit disorder, obsessive-compulsive disorder, bipolar disorder or schizophrenia',
    group: PSYCH,
  },
  { key: '9', construct: 'Psychological disease: depression', group: PSYCH },
].map((i) => ({ ...i, options: YES_NO }));
const KEYS = ITEMS.map((i) => i.key);

const BANDS = [
  {
    id: 'low',
    label: 'Low risk',
    from: 0,
    inclusive: true,
    range: '0–2',
    patientText: 'Your answers suggest a low risk of developing problems with opioid medicines.',
  },
  {
    id: 'high',
    label: 'High risk',
    from: ORT_OUD_HIGH_FROM,
    inclusive: true,
    range: '3–9',
    patientText:
      'Your answers suggest a higher risk of developing problems with opioid medicines. Your care team will talk with you about safer options and extra support.',
  },
] as const;

export const ortOud: InstrumentDefinition = {
  id: 'ort-oud',
  version: 'ORT-OUD (Cheatle 2019)',
  scoringVersion: '1',
  title: 'Opioid Risk Tool – Opioid Use Disorder (ORT-OUD)',
  shortTitle: 'ORT-OUD',
  measures: 'Risk of opioid use disorder in chronic non-cancer pain on long-term opioids',
  recallPeriod: 'Lifetime history',
  items: ITEMS,
  scoreRange: { min: 0, max: 9 },
  primaryScore: 'total',
  scoreUnit: 'points',
  direction: 'lower-is-better',
  bands: BANDS,
  change: {
    kind: 'none',
    reason:
      'A risk screen; no clinically important change in the sources (Cheatle 2019, J Pain 20:842, https://pmc.ncbi.nlm.nih.gov/articles/PMC6768552/).',
  },
  monotone: true,
  loinc: {},
  licence: {
    kind: 'licensed',
    holder: 'Dr. Lynn Webster (presumed, as for the ORT)',
    attribution: 'ORT-OUD: Cheatle et al. J Pain 2019;20:842. Derived from the Opioid Risk Tool © Dr. Lynn Webster.',
    note: 'Presumably licensed as the ORT (permission via lynnwebstermd.com) — UNCONFIRMED (Cheatle 2019, J Pain 20:842, https://pmc.ncbi.nlm.nih.gov/articles/PMC6768552/); treated as licensed until confirmed.',
    unconfirmed: true,
  },
  source:
    'Cheatle et al. J Pain 2019;20:842 (PMC6768552, abstract); cut-off per bicyclehealth.com (secondary). Cheatle 2019, J Pain 20:842, https://pmc.ncbi.nlm.nih.gov/articles/PMC6768552/.',
  settings: [
    {
      name: 'ORT_OUD_CUTOFF',
      value: 'low 0–2, high ≥ 3',
      why: 'Secondary source ("a score of two or lower indicates low risk"); the cut-off is UNCONFIRMED from the paper (Cheatle 2019, J Pain 20:842, https://pmc.ncbi.nlm.nih.gov/articles/PMC6768552/).',
    },
    {
      name: 'ORT_OUD_ITEMS',
      value: 'the 9 ORT items without preadolescent sexual abuse, 1 point each, in  order',
      why: 'Item set as implied by the abstract; the exact scoring sheet is UNCONFIRMED (Cheatle 2019, J Pain 20:842, https://pmc.ncbi.nlm.nih.gov/articles/PMC6768552/).',
    },
    {
      name: 'ORT_OUD_MISSING_RULE',
      value: 'all 9 items required',
      why: 'No missing-item rule in the sources; a skipped item is not assumed to be "no".',
    },
  ],
  score(answers): ScoreResult {
    const total = completeSum(answers, KEYS);
    if (total === null) return { kind: 'incomplete', missing: KEYS.filter((k) => !answers.has(k)), scores: {}, flags: [] };
    return { kind: 'scored', score: total, scores: { total }, band: bandFor(BANDS, total)?.id ?? null, flags: [], missing: [] };
  },
};
