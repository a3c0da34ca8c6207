// BPI-SF golden cases, worked by hand from Cleeland, Brief Pain Inventory, https://www.commondataelements.ninds.nih.gov/report-viewer/25216/Brief%2520Pain%2520Inventory%2520(Short%2520Form) (severity = mean of 4, all required;
// interference = mean of answered items, valid with ≥ 4 of 7) and its table Cleeland, Brief Pain Inventory, https://www.commondataelements.ninds.nih.gov/report-viewer/25216/Brief%2520Pain%2520Inventory%2520(Short%2520Form).
import type { InstrumentGolden } from '../golden.ts';

const G3 =
  'Cleeland, Brief Pain Inventory, https://www.commondataelements.ninds.nih.gov/report-viewer/25216/Brief%2520Pain%2520Inventory%2520(Short%2520Form) (BPI-SF)';
export const BPI_SF_GOLDEN: readonly InstrumentGolden[] = [
  {
    name: 'case 1: severity 8,3,5,6 → 5.5; interference 6,5,7,4,6,5,8 → 41/7 = 5.857',
    source: G3,
    answers: { 3: 8, 4: 3, 5: 5, 6: 6, '9A': 6, '9B': 5, '9C': 7, '9D': 4, '9E': 6, '9F': 5, '9G': 8 },
    expected: {
      kind: 'scored',
      score: 41 / 7,
      scores: { interference: 41 / 7, severity: 5.5, worst: 8, least: 3, average: 5, now: 6 },
      band: null,
      flags: [],
      missing: [],
    },
  },
  {
    name: 'case 2 (cut-off): exactly 4 of 7 interference items → 27/4 = 6.75, valid; no severity answers → severity null',
    source: G3,
    answers: { '9A': 6, '9C': 7, '9E': 6, '9G': 8 },
    expected: {
      kind: 'scored',
      score: 6.75,
      scores: { interference: 6.75, severity: null, worst: null },
      band: null,
      missing: ['3', '4', '5', '6', '9B', '9D', '9F'],
    },
  },
  {
    name: 'case 3: 3 of 7 interference items → not scored; severity still reported',
    source: `${G3}; severity: Cleeland, Brief Pain Inventory, https://www.commondataelements.ninds.nih.gov/report-viewer/25216/Brief%2520Pain%2520Inventory%2520(Short%2520Form) (mean of 4)`,
    answers: { 3: 8, 4: 3, 5: 5, 6: 6, '9A': 6, '9C': 7, '9G': 8 },
    expected: { kind: 'incomplete', missing: ['9B', '9D', '9E', '9F'], scores: { interference: null, severity: 5.5, worst: 8 } },
  },
  {
    name: 'severity item missing → severity composite null, single items still reported, interference scored',
    source:
      'Cleeland, Brief Pain Inventory, https://www.commondataelements.ninds.nih.gov/report-viewer/25216/Brief%2520Pain%2520Inventory%2520(Short%2520Form) (severity missing rule UNCONFIRMED → all 4 required, setting BPI_SEVERITY_RULE)',
    answers: { 3: 9, 5: 6, 6: 4, '9A': 2, '9B': 2, '9C': 2, '9D': 2, '9E': 2, '9F': 2, '9G': 2 },
    expected: {
      kind: 'scored',
      score: 2,
      scores: { severity: null, worst: 9, least: null, average: 6, now: 4 },
      band: null,
      missing: ['4'],
    },
  },
  {
    name: 'interference item keys are case-insensitive ("9a")',
    source: 'BPI-SF numbering 9A–9G',
    answers: { '9a': 1, '9b': 2, '9c': 3, '9d': 4 },
    expected: { kind: 'scored', score: 2.5, band: null },
  },
  {
    name: 'interference answer 11 is out of range',
    source:
      'Cleeland, Brief Pain Inventory, https://www.commondataelements.ninds.nih.gov/report-viewer/25216/Brief%2520Pain%2520Inventory%2520(Short%2520Form) (0–10 each)',
    answers: { '9A': 11 },
    expected: { kind: 'invalid', item: '9A' },
  },
];
