// Pausing a taper: the plan's steps with their start dates moved by pause and resume events. Pauses
// move dates, never doses (CDC 2022 R5: the taper may be paused; https://doi.org/10.15585/mmwr.rr7103a1).
import { addDays, differenceInCalendarDays, type LocalDate } from '../time/local-date.ts';
import type { TaperPlan, TaperStep } from './taper-model.ts';

export interface TaperPauseEvent {
  readonly kind: 'pause' | 'resume';
  readonly on: LocalDate;
}

export interface ScheduledTaperStep extends TaperStep {
  /** Start after pauses; null while an open pause holds this step. */
  readonly scheduledStart: LocalDate | null;
}

export type PausedScheduleResult =
  | { readonly kind: 'scheduled'; readonly steps: readonly ScheduledTaperStep[]; readonly pausedSince: LocalDate | null }
  | { readonly kind: 'invalid-events'; readonly problem: string };

/**
 * The plan's steps with start dates moved by pauses: a pause on day X (at or before a step's start)
 * holds that step and every later one until the resume, and the remaining schedule shifts by the pause
 * length. Steps already started before the pause keep their dates. Doses never change.
 * Events must alternate pause/resume in date order.
 */
export function applyTaperPauses(plan: TaperPlan, events: readonly TaperPauseEvent[]): PausedScheduleResult {
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.kind !== (i % 2 === 0 ? 'pause' : 'resume'))
      return { kind: 'invalid-events', problem: `event ${i} should be a ${i % 2 === 0 ? 'pause' : 'resume'}` };
    if (i > 0 && differenceInCalendarDays(e.on, events[i - 1]!.on) < 0)
      return { kind: 'invalid-events', problem: `event ${i} is earlier than event ${i - 1}` };
  }
  let shiftDays = 0;
  let next = 0; // index of the next unconsumed pause event
  let held = false;
  const steps: ScheduledTaperStep[] = [];
  for (const step of plan.steps) {
    if (step.index === 0) {
      steps.push({ ...step, scheduledStart: step.plannedStart });
      continue;
    }
    let start = addDays(step.plannedStart, shiftDays);
    while (!held && next < events.length && differenceInCalendarDays(start, events[next]!.on) >= 0) {
      const pause = events[next]!;
      const resume = events[next + 1];
      if (!resume) {
        held = true;
        break;
      }
      shiftDays += differenceInCalendarDays(resume.on, pause.on);
      start = addDays(step.plannedStart, shiftDays);
      next += 2;
    }
    steps.push({ ...step, scheduledStart: held ? null : start });
  }
  const last = events[events.length - 1];
  return { kind: 'scheduled', steps, pausedSince: last && last.kind === 'pause' ? last.on : null };
}
