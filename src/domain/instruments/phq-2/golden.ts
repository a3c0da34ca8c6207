// PHQ-2 golden cases, worked by hand from Kroenke 2003, Med Care 41:1284, https://indiana.pure.elsevier.com/en/publications/the-patient-health-questionnaire-2-validity-of-a-two-item-depress (sum of items 1–2; ≥ 3 positive; no
// proration) and the PHQ-2 column of Kroenke 2001, J Gen Intern Med 16:606, https://doi.org/10.1046/j.1525-1497.2001.016009606.x.
import type { InstrumentGolden } from '../golden.ts';

const G5 = 'Kroenke 2001, J Gen Intern Med 16:606, https://doi.org/10.1046/j.1525-1497.2001.016009606.x (PHQ-2 column)';
export const PHQ2_GOLDEN: readonly InstrumentGolden[] = [
  {
    name: 'case 1: 1 + 1 = 2 → negative',
    source: G5,
    answers: { 1: 1, 2: 1 },
    expected: { kind: 'scored', score: 2, scores: { total: 2 }, band: 'negative', flags: [], missing: [] },
  },
  { name: 'case 2: 3 + 3 = 6 → positive', source: G5, answers: { 1: 3, 2: 3 }, expected: { kind: 'scored', score: 6, band: 'positive' } },
  { name: 'case 3: 2 + 2 = 4 → positive', source: G5, answers: { 1: 2, 2: 2 }, expected: { kind: 'scored', score: 4, band: 'positive' } },
  {
    name: 'cut-off: 1 + 2 = 3 → positive (≥ 3)',
    source:
      'Kroenke 2003, Med Care 41:1284, https://indiana.pure.elsevier.com/en/publications/the-patient-health-questionnaire-2-validity-of-a-two-item-depress (≥ 3 positive)',
    answers: { 1: 1, 2: 2 },
    expected: { kind: 'scored', score: 3, band: 'positive' },
  },
  {
    name: 'item 2 missing → not scored',
    source:
      'Kroenke 2003, Med Care 41:1284, https://indiana.pure.elsevier.com/en/publications/the-patient-health-questionnaire-2-validity-of-a-two-item-depress (no proration; recommended "not scored")',
    answers: { 1: 3 },
    expected: { kind: 'incomplete', missing: ['2'] },
  },
  {
    name: 'answer 4 is out of range',
    source: 'Kroenke 2001, J Gen Intern Med 16:606, https://doi.org/10.1046/j.1525-1497.2001.016009606.x (response 0–3)',
    answers: { 2: 4 },
    expected: { kind: 'invalid', item: '2' },
  },
];
