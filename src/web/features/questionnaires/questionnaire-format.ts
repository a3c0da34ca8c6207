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

export interface AxisDate {
  readonly x: number;
  readonly text: string;
  readonly anchor: 'start' | 'middle' | 'end';
}

/**
 * The time axis's labels: the first and the last date at their points, or one label when they are the
 * same date or would overlap (`charWidth`: an estimate of one character's width in the chart's units).
 */
export function axisDates(first: { x: number; text: string }, last: { x: number; text: string }, charWidth: number): AxisDate[] {
  if (first.text === last.text) return [{ x: (first.x + last.x) / 2, text: first.text, anchor: 'middle' }];
  if (first.x + (first.text.length + 2) * charWidth > last.x - last.text.length * charWidth) {
    return [{ x: (first.x + last.x) / 2, text: `${first.text} – ${last.text}`, anchor: 'middle' }];
  }
  return [
    { x: first.x, text: first.text, anchor: 'start' },
    { x: last.x, text: last.text, anchor: 'end' },
  ];
}

/** A score as shown: whole numbers as they are, others to one decimal. */
export const formatScore = (score: number): string => (Number.isInteger(score) ? String(score) : score.toFixed(1));
