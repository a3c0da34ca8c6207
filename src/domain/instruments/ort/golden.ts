// ORT golden cases, worked by hand from the published tool (Webster & Webster 2005, Pain Med 6:432;
// sex-specific points per item as tabulated in Can Fam Physician, http://www.cfp.ca/highwire/markup/26062/expansion ;
// bands low 0–3, moderate 4–7, high ≥ 8 per LOINC 91392-1, https://loinc.org/91392-1), with the edges
// 3/4 and 7/8. Items in the published row order:
// 1–3 family history (alcohol, illegal, prescription), 4–6 personal history (same), 7 age 16–45,
// 8 preadolescent sexual abuse, 9 ADD/OCD/bipolar/schizophrenia, 10 depression.
import type { InstrumentGolden } from '../golden.ts';

const G11 = 'Webster & Webster 2005, Pain Med 6:432; https://loinc.org/91392-1 (ORT)';
const EDGE = 'Webster & Webster 2005, Pain Med 6:432; https://loinc.org/91392-1 weights and bands; edges ORT 3/4, 7/8';
/** All ten items answered: the listed ones "yes", the rest "no". */
const yes = (...keys: number[]): Record<string, boolean> =>
  Object.fromEntries(Array.from({ length: 10 }, (_, i) => [String(i + 1), keys.includes(i + 1)]));

// Webster & Webster 2005, Pain Med 6:432; https://loinc.org/91392-1 profile 1: age 30; family hx alcohol; personal hx prescription drugs; depression.
const P1 = yes(7, 1, 6, 10);
// Webster & Webster 2005, Pain Med 6:432; https://loinc.org/91392-1 profile 2: age 50; preadolescent sexual abuse only.
const P2 = yes(8);
// Webster & Webster 2005, Pain Med 6:432; https://loinc.org/91392-1 profile 3: age 40; ADD/OCD/bipolar/schizophrenia; family hx illegal drugs.
const P3 = yes(7, 9, 2);

export const ORT_GOLDEN: readonly InstrumentGolden[] = [
  {
    name: 'profile 1, female: 1+5+1+1 = 8 → high (on the 8 cut-off)',
    source: G11,
    answers: P1,
    context: { sex: 'female' },
    expected: { kind: 'scored', score: 8, scores: { total: 8, female: 8, male: 10 }, band: 'high', flags: [], missing: [] },
  },
  {
    name: 'profile 1, male: 3+5+1+1 = 10 → high',
    source: G11,
    answers: P1,
    context: { sex: 'male' },
    expected: { kind: 'scored', score: 10, scores: { total: 10, female: 8, male: 10 }, band: 'high', flags: [] },
  },
  {
    name: 'profile 1, sex unknown: higher of 8 and 10 → 10, high',
    source: `${G11}; ORT_SEX_POLICY`,
    answers: P1,
    context: { sex: 'unknown' },
    expected: { kind: 'scored', score: 10, scores: { female: 8, male: 10 }, band: 'high', flags: ['sex-weights-both'] },
  },
  {
    name: 'profile 2, female: 3 → low',
    source: G11,
    answers: P2,
    context: { sex: 'female' },
    expected: { kind: 'scored', score: 3, band: 'low', flags: [] },
  },
  {
    name: 'profile 2, male: 0 → low',
    source: G11,
    answers: P2,
    context: { sex: 'male' },
    expected: { kind: 'scored', score: 0, band: 'low', flags: [] },
  },
  {
    name: 'profile 2, sex other: higher of 3 and 0 → 3, low',
    source: `${G11}; ORT_SEX_POLICY`,
    answers: P2,
    context: { sex: 'other' },
    expected: { kind: 'scored', score: 3, scores: { female: 3, male: 0 }, band: 'low', flags: ['sex-weights-both'] },
  },
  {
    name: 'profile 3, female: 1+2+2 = 5 → moderate',
    source: G11,
    answers: P3,
    context: { sex: 'female' },
    expected: { kind: 'scored', score: 5, band: 'moderate' },
  },
  {
    name: 'profile 3, male: 1+2+3 = 6 → moderate',
    source: G11,
    answers: P3,
    context: { sex: 'male' },
    expected: { kind: 'scored', score: 6, band: 'moderate' },
  },
  {
    name: 'profile 3, no sex given: treated as unknown → 6, moderate',
    source: `${G11}; ORT_SEX_POLICY`,
    answers: P3,
    expected: { kind: 'scored', score: 6, scores: { female: 5, male: 6 }, band: 'moderate', flags: ['sex-weights-both'] },
  },
  {
    name: 'edge: personal hx alcohol, female 3 → low',
    source: EDGE,
    answers: yes(4),
    context: { sex: 'female' },
    expected: { kind: 'scored', score: 3, band: 'low' },
  },
  {
    name: 'edge: personal hx alcohol + age 16–45, female 4 → moderate',
    source: EDGE,
    answers: yes(4, 7),
    context: { sex: 'female' },
    expected: { kind: 'scored', score: 4, band: 'moderate' },
  },
  {
    name: 'edge: personal hx prescription + ADD…, male 7 → moderate',
    source: EDGE,
    answers: yes(6, 9),
    context: { sex: 'male' },
    expected: { kind: 'scored', score: 7, band: 'moderate' },
  },
  {
    name: 'all yes → 26 for either sex',
    source: 'Webster & Webster 2005, Pain Med 6:432; https://loinc.org/91392-1 (total 0–26 for both sexes)',
    answers: yes(1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
    context: { sex: 'female' },
    expected: { kind: 'scored', score: 26, scores: { female: 26, male: 26 }, band: 'high' },
  },
  {
    name: 'one item unanswered → not scored (absent is not assumed "no")',
    source: 'Webster & Webster 2005, Pain Med 6:432; https://loinc.org/91392-1 (missing UNCONFIRMED); ORT_MISSING_RULE',
    answers: { ...yes(7), 8: null },
    context: { sex: 'male' },
    expected: { kind: 'incomplete', missing: ['8'] },
  },
  {
    name: 'answer 2 on a yes/no item names the item',
    source: 'Webster & Webster 2005, Pain Med 6:432; https://loinc.org/91392-1 (yes/no items)',
    answers: { ...yes(), 3: 2 },
    expected: { kind: 'invalid', item: '3' },
  },
];
