// PCS golden cases, worked by hand from Sullivan 1995, Psychol Assess 7:524, https://sullivan-painresearch.mcgill.ca/pcs.php (sum of 13; rumination 8–11, magnification 6, 7,
// 13, helplessness 1–5, 12; all items required; clinically relevant at ≥ 30 by default) and its table Sullivan 1995, Psychol Assess 7:524, https://sullivan-painresearch.mcgill.ca/pcs.php.
import type { InstrumentGolden } from '../golden.ts';

const G4 = 'Sullivan 1995, Psychol Assess 7:524, https://sullivan-painresearch.mcgill.ca/pcs.php (PCS, items 1→13)';
const row = (values: readonly number[]): Record<string, number> => Object.fromEntries(values.map((v, i) => [String(i + 1), v]));

export const PCS_GOLDEN: readonly InstrumentGolden[] = [
  {
    name: 'case 1: 3,3,2,3,2,2,3,4,3,3,4,2,2 → 36 (rum 14, mag 7, help 15), clinically relevant',
    source: G4,
    answers: row([3, 3, 2, 3, 2, 2, 3, 4, 3, 3, 4, 2, 2]),
    expected: {
      kind: 'scored',
      score: 36,
      scores: { total: 36, rumination: 14, magnification: 7, helplessness: 15 },
      band: null,
      flags: ['clinically-relevant'],
      missing: [],
    },
  },
  {
    name: 'case 2 (cut-off): total exactly 30 (rum 11, mag 7, help 12) → clinically relevant under the default ≥ 30 reading',
    source: `${G4}; PCS_CUTOFF_INCLUSIVE = true`,
    answers: row([2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 2, 2, 1]),
    expected: {
      kind: 'scored',
      score: 30,
      scores: { rumination: 11, magnification: 7, helplessness: 12 },
      band: null,
      flags: ['clinically-relevant'],
    },
  },
  {
    name: 'total 29 is below the cut-off under either reading',
    source: 'Sullivan 1995, Psychol Assess 7:524, https://sullivan-painresearch.mcgill.ca/pcs.php cut-off 30 boundary PCS 30',
    answers: row([2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 2, 1, 1]),
    expected: { kind: 'scored', score: 29, scores: { helplessness: 11 }, band: null, flags: [] },
  },
  {
    name: 'case 3: any item missing → every score null',
    source: G4,
    answers: { ...row([3, 3, 2, 3, 2, 2, 3, 4, 3, 3, 4, 2, 2]), 13: null },
    expected: { kind: 'incomplete', missing: ['13'], scores: { total: null, rumination: null, magnification: null, helplessness: null } },
  },
  {
    name: 'answer 5 is out of range (0–4)',
    source: 'Sullivan 1995, Psychol Assess 7:524, https://sullivan-painresearch.mcgill.ca/pcs.php (items 0–4)',
    answers: { 1: 5 },
    expected: { kind: 'invalid', item: '1' },
  },
];
