// Golden cases for the mechanism grading, worked by hand from the published rules — never produced by
// running the code.
//   Neuropathic: Finnerup 2016, Pain 157:1599, Figure 2 and its footnote c,
//   https://pmc.ncbi.nlm.nih.gov/articles/PMC4949003 (history AND plausible distribution → possible;
//   + sensory signs → probable; + confirmatory test → definite; test without signs stays probable).
//   Nociplastic: Kosek 2021, Pain 162:2629, criteria and steps as enumerated by Nijs 2021,
//   https://pmc.ncbi.nlm.nih.gov/articles/PMC8347369 (1–3 → applicable; 4 → possible; 5 and 6 → probable).
// `input` is the CLI / API findings document; an absent key is "not assessed".

import type { Answer } from './model.ts';
import type { NeuropathicGrade } from './neuropathic.ts';
import type { NociplasticGrade } from './nociplastic.ts';

export interface GradingGoldenCase<G extends string> {
  readonly name: string;
  readonly source: string;
  readonly input: Record<string, unknown>;
  readonly expected: { readonly grade: G; readonly answers: readonly Answer[] };
}

const FINNERUP = 'Finnerup 2016 Figure 2';
const FINNERUP_C = 'Finnerup 2016 Figure 2 footnote c';
const KOSEK = 'Kosek 2021 grading steps (Nijs 2021 enumeration)';

/** Answers in the order history, distribution, sensory signs, confirmatory test. */
export const NEUROPATHIC_GOLDEN_CASES: readonly GradingGoldenCase<NeuropathicGrade>[] = [
  {
    name: 'all four confirmed: definite',
    source: `${FINNERUP}: possible → probable (signs) → definite (test)`,
    input: { historySuggestive: true, distributionPlausible: true, sensorySigns: true, confirmatoryTest: true },
    expected: { grade: 'definite', answers: ['yes', 'yes', 'yes', 'yes'] },
  },
  {
    name: 'history, distribution and signs, no test: probable',
    source: `${FINNERUP}: step 2 met, step 3 not`,
    input: { historySuggestive: true, distributionPlausible: true, sensorySigns: true, confirmatoryTest: false },
    expected: { grade: 'probable', answers: ['yes', 'yes', 'yes', 'no'] },
  },
  {
    name: 'history and distribution only: possible (a working hypothesis)',
    source: `${FINNERUP}: step 1 met, no signs, no test`,
    input: { historySuggestive: true, distributionPlausible: true, sensorySigns: false, confirmatoryTest: false },
    expected: { grade: 'possible', answers: ['yes', 'yes', 'no', 'no'] },
  },
  {
    name: 'signs hard to demonstrate but a test confirms the lesion: stays probable',
    source: FINNERUP_C,
    input: { historySuggestive: true, distributionPlausible: true, sensorySigns: false, confirmatoryTest: true },
    expected: { grade: 'probable', answers: ['yes', 'yes', 'no', 'yes'] },
  },
  {
    name: 'history suggestive but distribution not plausible: unlikely, whatever follows',
    source: `${FINNERUP}: step 1 needs both history AND plausible distribution`,
    input: { historySuggestive: true, distributionPlausible: false, sensorySigns: true, confirmatoryTest: true },
    expected: { grade: 'unlikely', answers: ['yes', 'no', 'yes', 'yes'] },
  },
  {
    name: 'plausible distribution without a suggestive history: unlikely',
    source: `${FINNERUP}: step 1 needs both history AND plausible distribution`,
    input: { historySuggestive: false, distributionPlausible: true, sensorySigns: true, confirmatoryTest: false },
    expected: { grade: 'unlikely', answers: ['no', 'yes', 'yes', 'no'] },
  },
];

/** Answers in the order duration, regional, not entirely explained, clinical signs, history, comorbidity. */
export const NOCIPLASTIC_GOLDEN_CASES: readonly GradingGoldenCase<NociplasticGrade>[] = [
  {
    name: 'all six criteria met: probable',
    source: `${KOSEK}: 1–4 → possible; history of hypersensitivity and a comorbidity → probable`,
    input: {
      durationMonths: 6,
      regional: true,
      notEntirelyExplained: true,
      clinicalHypersensitivity: true,
      historyOfHypersensitivity: true,
      comorbidities: ['sleep-disturbance'],
    },
    expected: { grade: 'probable', answers: ['yes', 'yes', 'yes', 'yes', 'yes', 'yes'] },
  },
  {
    name: 'criteria 1–4 met, history but no comorbidity: possible',
    source: `${KOSEK}: probable needs both 5 and 6`,
    input: {
      durationMonths: 12,
      regional: true,
      notEntirelyExplained: true,
      clinicalHypersensitivity: true,
      historyOfHypersensitivity: true,
      comorbidities: [],
    },
    expected: { grade: 'possible', answers: ['yes', 'yes', 'yes', 'yes', 'yes', 'no'] },
  },
  {
    name: 'criteria 1–4 met, comorbidities but no history: possible',
    source: `${KOSEK}: probable needs both 5 and 6`,
    input: {
      durationMonths: 12,
      regional: true,
      notEntirelyExplained: true,
      clinicalHypersensitivity: true,
      historyOfHypersensitivity: false,
      comorbidities: ['fatigue', 'cognitive-problems'],
    },
    expected: { grade: 'possible', answers: ['yes', 'yes', 'yes', 'yes', 'no', 'yes'] },
  },
  {
    name: 'criteria 1–3 met, no clinical signs of hypersensitivity: unlikely, whatever history and comorbidity say',
    source: `${KOSEK}: criterion 4 not met → unlikely (criteria for possible not met)`,
    input: {
      durationMonths: 24,
      regional: true,
      notEntirelyExplained: true,
      clinicalHypersensitivity: false,
      historyOfHypersensitivity: true,
      comorbidities: ['sound-light-odour-sensitivity'],
    },
    expected: { grade: 'unlikely', answers: ['yes', 'yes', 'yes', 'no', 'yes', 'yes'] },
  },
  {
    name: 'discrete pain entirely explained by nociception: not applicable',
    source: `${KOSEK}: criteria 1–3 not all met → not applicable (consider nociceptive/neuropathic)`,
    input: {
      durationMonths: 8,
      regional: false,
      notEntirelyExplained: false,
      clinicalHypersensitivity: true,
      historyOfHypersensitivity: true,
      comorbidities: ['sleep-disturbance'],
    },
    expected: { grade: 'not-applicable', answers: ['yes', 'no', 'no', 'yes', 'yes', 'yes'] },
  },
  {
    name: 'pain of two months: not applicable, every other criterion met',
    source: `${KOSEK}: criterion 1 needs at least 3 months`,
    input: {
      durationMonths: 2,
      regional: true,
      notEntirelyExplained: true,
      clinicalHypersensitivity: true,
      historyOfHypersensitivity: true,
      comorbidities: ['fatigue'],
    },
    expected: { grade: 'not-applicable', answers: ['no', 'yes', 'yes', 'yes', 'yes', 'yes'] },
  },
];
