// Brief Pain Inventory — Short Form (Cleeland). Every fact: https://www.commondataelements.ninds.nih.gov/report-viewer/25216/Brief%2520Pain%2520Inventory%2520(Short%2520Form).
// Item keys follow the BPI-SF numbering: severity 3 worst, 4 least, 5 average, 6 now; interference 9A–9G
// (general activity, mood, walking ability, normal work, relations with other people, sleep, enjoyment of
// life). Body diagram, treatments and % relief (items 1, 2, 7, 8) are not part of the two scores and are
// not modelled here.
// Interference (primary, LOINC 77565-0): mean of the answered interference items, valid when ≥ 4 of 7 are
// answered (BPI User Guide via LOINC 77565-0 and ePPOC); fewer → incomplete.
// Severity composite: mean of the 4 severity items. No missing rule is published, so all 4 are required
// (setting); each single severity item is also reported alone (null when unanswered).
// Bands: ePPOC's 0–4 / 5–6 / 7–10 apply to severity items, not to the interference score, so the primary
// score carries no band. Change: IMMPACT ≥ 1-point interference change (Dworkin 2008).

import type { InstrumentDefinition, ScoreResult } from '../model.ts';
import { scaleOptions } from '../scoring.ts';

export const BPI_INTERFERENCE_MIN_ANSWERED = 4;

const ZERO_TEN = (low: string, high: string) =>
  scaleOptions(Array.from({ length: 11 }, (_, i) => (i === 0 ? `0 — ${low}` : i === 10 ? `10 — ${high}` : String(i))));
const SEVERITY_OPTIONS = ZERO_TEN('No pain', 'Pain as bad as you can imagine');
const INTERFERENCE_OPTIONS = ZERO_TEN('Does not interfere', 'Completely interferes');

const SEVERITY = [
  ['3', 'worst', 'Pain at its worst in the recall period'],
  ['4', 'least', 'Pain at its least in the recall period'],
  ['5', 'average', 'Pain on average'],
  ['6', 'now', 'Pain right now'],
] as const;

const INTERFERENCE = [
  ['9A', 'How much pain has interfered with general activity'],
  ['9B', 'How much pain has interfered with mood'],
  ['9C', 'How much pain has interfered with walking ability'],
  ['9D', 'How much pain has interfered with normal work, inside and outside the home'],
  ['9E', 'How much pain has interfered with relations with other people'],
  ['9F', 'How much pain has interfered with sleep'],
  ['9G', 'How much pain has interfered with enjoyment of life'],
] as const;

const SEVERITY_KEYS = SEVERITY.map(([key]) => key);
const INTERFERENCE_KEYS = INTERFERENCE.map(([key]) => key);

export const bpiSf: InstrumentDefinition = {
  id: 'bpi-sf',
  version: 'BPI Short Form (Cleeland 1991)',
  scoringVersion: '1',
  title: 'Brief Pain Inventory — Short Form (BPI-SF)',
  shortTitle: 'BPI-SF',
  measures: 'Pain severity and pain interference with function',
  recallPeriod: 'Past 24 hours',
  items: [
    ...SEVERITY.map(([key, , construct]) => ({ key, construct, options: SEVERITY_OPTIONS, group: 'Pain severity' })),
    ...INTERFERENCE.map(([key, construct]) => ({ key, construct, options: INTERFERENCE_OPTIONS, group: 'Pain interference' })),
  ],
  scoreRange: { min: 0, max: 10 },
  primaryScore: 'interference',
  scoreUnit: 'points (mean of answered interference items)',
  direction: 'lower-is-better',
  bands: [],
  change: {
    kind: 'threshold',
    points: 1,
    source:
      'IMMPACT: BPI interference ≥ 1-point decrease is minimally important, Dworkin 2008 J Pain 9:105, https://doi.org/10.1016/j.jpain.2007.09.005',
  },
  monotone: true,
  loinc: { score: '77565-0' },
  licence: {
    kind: 'licensed',
    holder: 'Charles S. Cleeland, PhD (MD Anderson Department of Symptom Research)',
    attribution:
      'Brief Pain Inventory © 1991 Charles S. Cleeland, PhD, Pain Research Group. Used only with permission of Dr. Cleeland or his designee.',
    note: 'May not be used or reproduced without permission from Dr. Cleeland or his designee; fees may apply (NINDS CDE; SRALab). Item wording here is paraphrased (https://www.commondataelements.ninds.nih.gov/report-viewer/25216/Brief%2520Pain%2520Inventory%2520(Short%2520Form)).',
  },
  source:
    'Cleeland CS. The Brief Pain Inventory User Guide (2009), interference rule via LOINC 77565-0; ePPOC BPI scoring; Dworkin 2008 (IMMPACT). https://www.commondataelements.ninds.nih.gov/report-viewer/25216/Brief%2520Pain%2520Inventory%2520(Short%2520Form).',
  settings: [
    {
      name: 'BPI_SEVERITY_RULE',
      value: 'all 4 severity items required',
      why: 'No missing-item rule for the severity composite was found — UNCONFIRMED; requiring all 4 is the recommended default (Cleeland, Brief Pain Inventory, https://www.commondataelements.ninds.nih.gov/report-viewer/25216/Brief%2520Pain%2520Inventory%2520(Short%2520Form)).',
    },
    {
      name: 'BPI_RECALL',
      value: 'Past 24 hours',
      why: 'The short form and LOINC 77565-0 use the past 24 hours; some versions (ePPOC) use the past week (Cleeland, Brief Pain Inventory, https://www.commondataelements.ninds.nih.gov/report-viewer/25216/Brief%2520Pain%2520Inventory%2520(Short%2520Form)). The asking form must state the period used.',
    },
    {
      name: 'BPI_PANEL_LOINC',
      value: 'none',
      why: 'Panel and item LOINC codes were not found — UNCONFIRMED (Cleeland, Brief Pain Inventory, https://www.commondataelements.ninds.nih.gov/report-viewer/25216/Brief%2520Pain%2520Inventory%2520(Short%2520Form)); only the interference score code 77565-0 is set.',
    },
  ],
  score(answers): ScoreResult {
    const single = (key: string): number | null => answers.get(key) ?? null;
    const answeredInterference = INTERFERENCE_KEYS.filter((k) => answers.has(k));
    const interference =
      answeredInterference.length >= BPI_INTERFERENCE_MIN_ANSWERED
        ? answeredInterference.reduce((sum, k) => sum + answers.get(k)!, 0) / answeredInterference.length
        : null;
    const severity = SEVERITY_KEYS.every((k) => answers.has(k)) ? SEVERITY_KEYS.reduce((sum, k) => sum + answers.get(k)!, 0) / 4 : null;
    const scores: Record<string, number | null> = {
      interference,
      severity,
      interferenceAnswered: answeredInterference.length,
      ...Object.fromEntries(SEVERITY.map(([key, name]) => [name, single(key)])),
    };
    if (interference === null) {
      return { kind: 'incomplete', missing: INTERFERENCE_KEYS.filter((k) => !answers.has(k)), scores, flags: [] };
    }
    const missing = [...SEVERITY_KEYS, ...INTERFERENCE_KEYS].filter((k) => !answers.has(k));
    return { kind: 'scored', score: interference, scores, band: null, flags: [], missing };
  },
};
