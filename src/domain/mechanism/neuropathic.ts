// Neuropathic pain grading system: unlikely / possible / probable / definite.
//
// Source: Finnerup NB, Haroutounian S, Kamerman P, et al. Neuropathic pain: an updated grading system
// for research and clinical practice. Pain 2016;157(8):1599–1606, Figure 2,
// https://pmc.ncbi.nlm.nih.gov/articles/PMC4949003
//   1. history suggestive of a relevant lesion or disease AND a neuroanatomically plausible pain
//      distribution → possible (a working hypothesis); otherwise unlikely;
//   2. sensory signs in the same neuroanatomically plausible distribution → probable;
//   3. a diagnostic test confirming a lesion or disease of the somatosensory nervous system that
//      explains the pain → definite (from probable).
//   Figure 2 footnote c: when sensory signs are hard to demonstrate but a test confirms the lesion,
//   "probable" remains the grade — so possible + confirmatory test → probable, never definite.
// Invariants: only "yes" moves the grade up; "no" and "not assessed" give the same grade; turning any
// answer to yes never lowers the grade. Pure.

import { answerOf, type CriterionResult } from './model.ts';

export const NEUROPATHIC_GRADES = ['unlikely', 'possible', 'probable', 'definite'] as const;
export type NeuropathicGrade = (typeof NEUROPATHIC_GRADES)[number];

export type NeuropathicCriterionId = 'history-suggestive' | 'distribution-plausible' | 'sensory-signs' | 'confirmatory-test';

/** Each finding: true (yes), false (no), null or absent (not assessed). */
export interface NeuropathicFindings {
  readonly historySuggestive?: boolean | null;
  readonly distributionPlausible?: boolean | null;
  readonly sensorySigns?: boolean | null;
  readonly confirmatoryTest?: boolean | null;
}

export interface NeuropathicGrading {
  readonly grade: NeuropathicGrade;
  readonly criteria: readonly CriterionResult<NeuropathicCriterionId>[];
}

export const NEUROPATHIC_SOURCE = 'Finnerup 2016, Pain 157:1599, Figure 2 — https://pmc.ncbi.nlm.nih.gov/articles/PMC4949003';

const CRITERIA: readonly { id: NeuropathicCriterionId; key: keyof NeuropathicFindings; detail: string }[] = [
  {
    id: 'history-suggestive',
    key: 'historySuggestive',
    detail: 'history of a relevant neurological lesion or disease, with pain descriptors and a time course suggestive of neural origin',
  },
  { id: 'distribution-plausible', key: 'distributionPlausible', detail: 'pain distribution neuroanatomically plausible' },
  {
    id: 'sensory-signs',
    key: 'sensorySigns',
    detail: 'negative or positive sensory signs in the same neuroanatomically plausible distribution',
  },
  {
    id: 'confirmatory-test',
    key: 'confirmatoryTest',
    detail: 'diagnostic test confirming a lesion or disease of the somatosensory nervous system explaining the pain',
  },
];

export function gradeNeuropathic(findings: NeuropathicFindings): NeuropathicGrading {
  const criteria = CRITERIA.map(({ id, key, detail }) => ({
    id,
    answer: answerOf(findings[key]),
    detail,
    source: NEUROPATHIC_SOURCE,
  }));
  const yes = (id: NeuropathicCriterionId) => criteria.find((c) => c.id === id)?.answer === 'yes';
  let grade: NeuropathicGrade;
  if (!(yes('history-suggestive') && yes('distribution-plausible'))) grade = 'unlikely';
  else if (yes('sensory-signs')) grade = yes('confirmatory-test') ? 'definite' : 'probable';
  // Footnote c: a confirmed lesion without demonstrable signs stays "probable".
  else grade = yes('confirmatory-test') ? 'probable' : 'possible';
  return { grade, criteria };
}
