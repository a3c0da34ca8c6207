// Keele STarT Back Screening Tool, 9 items (Hill et al. 2008). Every fact: Hill 2008, Arthritis Rheum 59:632, https://doi.org/10.1002/art.23563; https://www.keele.ac.uk/sbst/startbacktool/usingandscoring/.
// Items 1–8: disagree = 0, agree = 1. Item 9 (bothersomeness) has five answers stored as 0–4
// (not at all, slightly, moderately, very much, extremely) and counts 1 only for "very much" or
// "extremely". Total = items 1–9 as counted (0–9, the primary score); distress subscore = items 5–9 (0–5).
// Risk: total ≤ 3 → low; total ≥ 4 → distress ≤ 3 medium, distress ≥ 4 high (LOINC 91352-5, Keele).
// The band is that risk group: it depends on the distress subscore as well, so `from` is only the lower
// bound of the total for each group. No missing-item rule (UNCONFIRMED, doc recommends not scoring).

import type { InstrumentDefinition, ScoreResult } from '../model.ts';
import { scaleOptions } from '../scoring.ts';

const AGREE = [
  { value: 0, label: 'Disagree' },
  { value: 1, label: 'Agree' },
] as const;
const BOTHER = scaleOptions(['Not at all', 'Slightly', 'Moderately', 'Very much', 'Extremely']);

/** Item 9 answers that count as positive: "very much" (3) and "extremely" (4). */
export const START_BACK_ITEM9_POSITIVE_FROM = 3;
/** Risk rule (Keele; LOINC 91352-5): total from 4 is not low; then distress from 4 is high, else medium. */
export const START_BACK_RISK = { notLowFromTotal: 4, highFromDistress: 4 } as const;

const ITEMS = [
  { key: '1', construct: 'Back pain spreading down the leg(s) in the last 2 weeks', loinc: '91340-0', options: AGREE },
  { key: '2', construct: 'Shoulder or neck pain in the last 2 weeks', loinc: '91341-8', options: AGREE },
  { key: '3', construct: 'Walking limited to short distances because of back pain', loinc: '91342-6', options: AGREE },
  { key: '4', construct: 'Dressing more slowly than usual because of back pain in the last 2 weeks', loinc: '91343-4', options: AGREE },
  { key: '5', construct: 'Belief that being physically active is unsafe with this condition (fear)', loinc: '91344-2', options: AGREE },
  { key: '6', construct: 'Frequent worrying thoughts (anxiety)', loinc: '91345-9', options: AGREE },
  { key: '7', construct: 'Feeling that the back pain is awful and will not improve (catastrophising)', loinc: '91346-7', options: AGREE },
  { key: '8', construct: 'Not enjoying things that used to be enjoyable (low mood)', loinc: '91347-5', options: AGREE },
  { key: '9', construct: 'How bothersome the back pain has been overall in the last 2 weeks', loinc: '91348-3', options: BOTHER },
];
const KEYS = ITEMS.map((i) => i.key);
const DISTRESS_KEYS = ['5', '6', '7', '8', '9'];

/** LOINC codes for the subscore and risk-level observations, and the risk answers (Hill 2008, Arthritis Rheum 59:632, https://doi.org/10.1002/art.23563; https://www.keele.ac.uk/sbst/startbacktool/usingandscoring/). */
export const START_BACK_LOINC = {
  distress: '91350-9',
  total: '91351-7',
  risk: '91352-5',
  riskAnswers: { high: 'LA9193-9', medium: 'LA8982-6', low: 'LA9194-7' },
} as const;

const BANDS = [
  {
    id: 'low',
    label: 'Low risk',
    from: 0,
    inclusive: true,
    range: 'total 0–3',
    patientText: 'Your answers suggest a low risk of your back pain becoming long-lasting and disabling.',
  },
  {
    id: 'medium',
    label: 'Medium risk',
    from: 4,
    inclusive: true,
    range: 'total 4–9 and distress 0–3',
    patientText: 'Your answers suggest a medium risk of your back pain becoming long-lasting. Your care team may suggest physiotherapy.',
  },
  {
    id: 'high',
    label: 'High risk',
    from: 4,
    inclusive: true,
    range: 'total 4–9 and distress 4–5',
    patientText:
      'Your answers suggest a higher risk of your back pain becoming long-lasting. Your care team may suggest care that also looks at worry and mood.',
  },
] as const;

const counted = (key: string, value: number): number => (key === '9' ? (value >= START_BACK_ITEM9_POSITIVE_FROM ? 1 : 0) : value);

export const startBack: InstrumentDefinition = {
  id: 'start-back',
  version: 'Keele STarT Back Screening Tool, 9-item (Hill 2008)',
  scoringVersion: '1',
  title: 'Keele STarT Back Screening Tool',
  shortTitle: 'STarT Back',
  measures: 'Risk of persistent disabling low back pain (for stratified care)',
  recallPeriod: 'Last 2 weeks',
  items: ITEMS,
  scoreRange: { min: 0, max: 9 },
  primaryScore: 'total',
  scoreUnit: 'points',
  direction: 'lower-is-better',
  bands: BANDS,
  change: {
    kind: 'none',
    reason:
      'A prognostic screening tool; no clinically important change in the sources (Hill 2008, Arthritis Rheum 59:632, https://doi.org/10.1002/art.23563; https://www.keele.ac.uk/sbst/startbacktool/usingandscoring/).',
  },
  monotone: true,
  loinc: { panel: '91349-1', score: '91351-7' },
  licence: {
    kind: 'free',
    holder: 'Keele University',
    attribution:
      'Keele STarT Back Screening Tool © 2007 Keele University. Funded by Arthritis Research UK. The copyright and funding statement must be kept with the tool.',
    note: 'No licence is required for non-commercial use; commercial products must contact Keele University (Hill 2008, Arthritis Rheum 59:632, https://doi.org/10.1002/art.23563; https://www.keele.ac.uk/sbst/startbacktool/usingandscoring/). The separate STarT MSK tool needs a licence.',
  },
  source:
    'Hill JC et al. 2008; Keele University SBST scoring page (keele.ac.uk/sbst); LOINC 91349-1, 91350-9, 91351-7, 91352-5. Hill 2008, Arthritis Rheum 59:632, https://doi.org/10.1002/art.23563; https://www.keele.ac.uk/sbst/startbacktool/usingandscoring/.',
  settings: [
    {
      name: 'START_BACK_MISSING_RULE',
      value: 'all 9 items required',
      why: 'No missing-item rule found — UNCONFIRMED; Hill 2008, Arthritis Rheum 59:632, https://doi.org/10.1002/art.23563; https://www.keele.ac.uk/sbst/startbacktool/usingandscoring/ recommends not scoring.',
    },
    {
      name: 'START_BACK_DISTRESS_ITEMS',
      value: '5, 6, 7, 8, 9',
      why: 'Keele and LOINC 91350-9 use items 5–9; the Shirley Ryan RMD mirror\'s "1, 4, 7, 8, 9" conflicts and is not used (Hill 2008, Arthritis Rheum 59:632, https://doi.org/10.1002/art.23563; https://www.keele.ac.uk/sbst/startbacktool/usingandscoring/).',
    },
  ],
  score(answers): ScoreResult {
    const missing = KEYS.filter((k) => !answers.has(k));
    if (missing.length > 0) return { kind: 'incomplete', missing, scores: {}, flags: [] };
    let total = 0;
    let distress = 0;
    for (const k of KEYS) {
      const c = counted(k, answers.get(k)!);
      total += c;
      if (DISTRESS_KEYS.includes(k)) distress += c;
    }
    const band = total < START_BACK_RISK.notLowFromTotal ? 'low' : distress < START_BACK_RISK.highFromDistress ? 'medium' : 'high';
    return { kind: 'scored', score: total, scores: { total, distress }, band, flags: [], missing: [] };
  },
};
