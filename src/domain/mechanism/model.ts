// Shared shapes of the mechanism grading: a criterion is answered yes, no or not assessed, and every
// grade comes back with the list of criteria it was worked from, so a clinician sees why.
// "Not assessed" is kept apart from "no" so the record says what was never examined, but no rule
// ever reads it as yes.

export const ANSWERS = ['yes', 'no', 'not-assessed'] as const;
export type Answer = (typeof ANSWERS)[number];

export interface CriterionResult<Id extends string = string> {
  readonly id: Id;
  readonly answer: Answer;
  /** What was recorded, in words (e.g. "6 months; at least 3 needed"). */
  readonly detail: string;
  /** The published rule the criterion comes from. */
  readonly source: string;
}

/** A boolean finding: true is yes, false is no, null or absent is not assessed. */
export function answerOf(value: boolean | null | undefined): Answer {
  if (value === true) return 'yes';
  if (value === false) return 'no';
  return 'not-assessed';
}
