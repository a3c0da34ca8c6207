// Pure helpers shared by the patient's and the clinician's questionnaire screens.
import type { DueItem, Instrument } from '../../api/questionnaires.ts';

/** Who reads a screen: patients get plain language, clinicians the clinical wording. */
export type Audience = 'patient' | 'clinician';

/** The band's label from the definition (e.g. "Moderately severe"), or null when the result has none the definition knows. */
export function bandLabel(definition: Pick<Instrument, 'bands'>, bandId: string | null): string | null {
  if (bandId === null) return null;
  return definition.bands.find((b) => b.id === bandId)?.label ?? null;
}

/**
 * How much of an assignment was done: of the occurrences that have fallen due by `now` (the job
 * runner materialises each one when it falls due), how many were completed. `total` 0 means nothing
 * has fallen due yet — not "none completed".
 */
export function assignmentCompletion(due: readonly Pick<DueItem, 'dueAt' | 'completedAt'>[], now: string): { done: number; total: number } {
  const fallen = due.filter((d) => d.completedAt !== null || Date.parse(d.dueAt) <= Date.parse(now));
  return { done: fallen.filter((d) => d.completedAt !== null).length, total: fallen.length };
}
