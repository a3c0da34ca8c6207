// PEG golden cases, worked by hand from Krebs 2009, J Gen Intern Med 24:733, https://pubmed.ncbi.nlm.nih.gov/19418100/ (mean of 3; LOINC 91147-9 rounds for display;
// no proration) and its table Krebs 2009, J Gen Intern Med 24:733, https://pubmed.ncbi.nlm.nih.gov/19418100/.
import type { InstrumentGolden } from '../golden.ts';

const G2 = 'Krebs 2009, J Gen Intern Med 24:733, https://pubmed.ncbi.nlm.nih.gov/19418100/ (PEG)';
export const PEG_GOLDEN: readonly InstrumentGolden[] = [
  {
    name: 'case 1: 6, 7, 4 → mean 5.667, display 6',
    source: G2,
    answers: { 1: 6, 2: 7, 3: 4 },
    expected: { kind: 'scored', score: 17 / 3, scores: { rounded: 6 }, band: null },
  },
  {
    name: 'case 2: 0, 0, 0 → 0',
    source: G2,
    answers: { 1: 0, 2: 0, 3: 0 },
    expected: { kind: 'scored', score: 0, scores: { rounded: 0 }, band: null },
  },
  { name: 'case 3: 7, missing, 5 → not scored', source: G2, answers: { 1: 7, 3: 5 }, expected: { kind: 'incomplete', missing: ['2'] } },
  {
    name: 'maximum 10, 10, 10 → 10',
    source: 'Krebs 2009, J Gen Intern Med 24:733, https://pubmed.ncbi.nlm.nih.gov/19418100/ (items 0–10, mean)',
    answers: { 1: 10, 2: 10, 3: 10 },
    expected: { kind: 'scored', score: 10, band: null },
  },
  {
    name: 'answer 11 is out of range',
    source: 'Krebs 2009, J Gen Intern Med 24:733, https://pubmed.ncbi.nlm.nih.gov/19418100/ (items 0–10)',
    answers: { 1: 11, 2: 1, 3: 1 },
    expected: { kind: 'invalid', item: '1' },
  },
];
