// GCPS-R golden cases, worked by hand from Von Korff 2020, Pain 161:651, https://pmc.ncbi.nlm.nih.gov/articles/PMC7097879/ (Q1 never/some days → 0; Q2 most/every day
// → 3; Q3+Q4+Q5 ≥ 12 → 2; else 1; Q1/Q2 stored never 0 … every day 3) and its table Von Korff 2020, Pain 161:651, https://pmc.ncbi.nlm.nih.gov/articles/PMC7097879/.
import type { InstrumentGolden } from '../golden.ts';

const G12 = 'Von Korff 2020, Pain 161:651, https://pmc.ncbi.nlm.nih.gov/articles/PMC7097879/ (GCPS-R, secondary algorithm)';
const S12 = 'Von Korff 2020, Pain 161:651, https://pmc.ncbi.nlm.nih.gov/articles/PMC7097879/ algorithm';

export const GCPS_R_GOLDEN: readonly InstrumentGolden[] = [
  {
    name: 'case 1: some days, rest unanswered → grade 0, no chronic pain',
    source: G12,
    answers: { 1: 1 },
    expected: { kind: 'scored', score: 0, scores: { grade: 0, pegSum: null }, band: 'no-chronic-pain', missing: ['2', '3', '4', '5'] },
  },
  {
    name: 'case 2: every day, limited some days, 6+7+5 = 18 → grade 2, bothersome',
    source: G12,
    answers: { 1: 3, 2: 1, 3: 6, 4: 7, 5: 5 },
    expected: { kind: 'scored', score: 2, scores: { grade: 2, pegSum: 18 }, band: 'bothersome', missing: [] },
  },
  {
    name: 'case 3: most days, never limited, 3+4+4 = 11 → grade 1, mild',
    source: G12,
    answers: { 1: 2, 2: 0, 3: 3, 4: 4, 5: 4 },
    expected: { kind: 'scored', score: 1, scores: { grade: 1, pegSum: 11 }, band: 'mild' },
  },
  {
    name: 'case 4: most days, limited most days, PEG items any (here 0,0,0) → grade 3',
    source: G12,
    answers: { 1: 2, 2: 2, 3: 0, 4: 0, 5: 0 },
    expected: { kind: 'scored', score: 3, scores: { grade: 3, pegSum: 0 }, band: 'high-impact', missing: [] },
  },
  {
    name: 'case 4 without PEG items: grade 3 is reached, items 3–5 not needed',
    source: G12,
    answers: { 1: 2, 2: 3 },
    expected: { kind: 'scored', score: 3, scores: { grade: 3, pegSum: null }, band: 'high-impact', missing: ['3', '4', '5'] },
  },
  {
    name: 'cut-off: sum exactly 12 (4+4+4) → grade 2, bothersome',
    source: `${S12} (Q3+Q4+Q5 ≥ 12)`,
    answers: { 1: 3, 2: 0, 3: 4, 4: 4, 5: 4 },
    expected: { kind: 'scored', score: 2, scores: { pegSum: 12 }, band: 'bothersome' },
  },
  {
    name: 'never with high PEG items → still grade 0',
    source: `${S12} (Q1 never → 0)`,
    answers: { 1: 0, 2: 3, 3: 10, 4: 10, 5: 10 },
    expected: { kind: 'scored', score: 0, scores: { grade: 0, pegSum: 30 }, band: 'no-chronic-pain', missing: [] },
  },
  {
    name: 'most days, never limited, item 4 missing → grade unreachable',
    source: `${S12}; no missing-item rule (UNCONFIRMED)`,
    answers: { 1: 2, 2: 0, 3: 5, 5: 5 },
    expected: { kind: 'incomplete', missing: ['4'], scores: { grade: null, pegSum: null } },
  },
  {
    name: 'every day, Q2 missing → grade unreachable, Q2 named',
    source: `${S12}; no missing-item rule (UNCONFIRMED)`,
    answers: { 1: 3, 3: 5, 4: 5, 5: 5 },
    expected: { kind: 'incomplete', missing: ['2'], scores: { grade: null, pegSum: 15 } },
  },
  {
    name: 'nothing answered → incomplete, every item named',
    source: S12,
    answers: {},
    expected: { kind: 'incomplete', missing: ['1', '2', '3', '4', '5'] },
  },
  {
    name: 'Q1 answered 4 (options 0–3) names the item',
    source: 'Von Korff 2020, Pain 161:651, https://pmc.ncbi.nlm.nih.gov/articles/PMC7097879/ (never / some days / most days / every day)',
    answers: { 1: 4 },
    expected: { kind: 'invalid', item: '1' },
  },
];
