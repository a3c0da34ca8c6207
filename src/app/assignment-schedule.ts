// When an assigned questionnaire falls due. Instants are ISO-8601 UTC strings.
// once: at dueAt. recurring: startAt, then every `everyDays` × 24 h until endAt (inclusive).
// before-visit: visitAt − daysBefore × 24 h.
import type { AssignmentSchedule } from './ports.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export function firstDue(schedule: AssignmentSchedule): string {
  switch (schedule.kind) {
    case 'once':
      return schedule.dueAt;
    case 'recurring':
      return schedule.startAt;
    case 'before-visit':
      return new Date(Date.parse(schedule.visitAt) - schedule.daysBefore * DAY_MS).toISOString();
  }
}

/** The occurrence after `current`, or null when the schedule has no more. */
export function nextDue(schedule: AssignmentSchedule, current: string): string | null {
  if (schedule.kind !== 'recurring') return null;
  const next = new Date(Date.parse(current) + schedule.everyDays * DAY_MS).toISOString();
  return schedule.endAt !== null && next > schedule.endAt ? null : next;
}
