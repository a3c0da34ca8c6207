// Which graded mechanisms are in play, and whether the pain is "mixed": more than one mechanism graded
// possible or better. Nociplastic pain can coexist with nociceptive or neuropathic pain — Kosek 2021's
// third criterion asks only that the pain is not *entirely* explained by them (Kosek 2021, Pain
// 162:2629; Finnerup 2016, Pain 157:1599, https://pmc.ncbi.nlm.nih.gov/articles/PMC4949003).
// Only the two graded mechanisms count: nociceptive pain has no grading system in these sources, so it
// is never inferred here. A mechanism not graded at all is simply absent. Pure.

import type { NeuropathicGrade } from './neuropathic.ts';
import type { NociplasticGrade } from './nociplastic.ts';

export type GradedMechanism = 'neuropathic' | 'nociplastic';

export interface MechanismGrades {
  readonly neuropathic?: NeuropathicGrade;
  readonly nociplastic?: NociplasticGrade;
}

export interface MechanismSummary {
  /** Mechanisms graded possible or better, neuropathic first. */
  readonly mechanisms: readonly GradedMechanism[];
  readonly mixed: boolean;
}

const POSSIBLE_OR_BETTER: { readonly [M in GradedMechanism]: ReadonlySet<string> } = {
  neuropathic: new Set<NeuropathicGrade>(['possible', 'probable', 'definite']),
  nociplastic: new Set<NociplasticGrade>(['possible', 'probable']),
};

export function summarizeMechanisms(grades: MechanismGrades): MechanismSummary {
  const mechanisms = (['neuropathic', 'nociplastic'] as const).filter((m) => {
    const grade = grades[m];
    return grade !== undefined && POSSIBLE_OR_BETTER[m].has(grade);
  });
  return { mechanisms, mixed: mechanisms.length > 1 };
}
