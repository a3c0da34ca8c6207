// Pacing sessions the patient records against an activity of their care plan: written into the latest
// plan version's activity, never into an older version.
import { isMinutesUnit, MINUTES_PER_DAY } from '../domain/care-plan/index.ts';
import { differenceInCalendarDays, parseLocalDate, type LocalDate } from '../domain/time/local-date.ts';
import type { CarePlanVersion } from './care-plan-records.ts';
import { nowIso, type AppDeps, type RequestContext } from './context.ts';
import type { FieldErrors } from './check-date-range.ts';
import { invalid, notFound } from './errors.ts';
import { patientToday } from './patients.ts';
import { inPatientWrite } from './versioned-records.ts';
import { isUniqueViolationError } from './unique.ts';

/** The most sessions an activity keeps (the care-plan contract's limit). */
export const MAX_PACING_SESSIONS = 60;

export type PacingSessionOutcome =
  | {
      readonly status: 'created' | 'updated';
      readonly plan: CarePlanVersion;
      readonly activityId: string;
      readonly session: { readonly date: string; readonly amount: number };
    }
  | {
      readonly status: 'unchanged';
      readonly plan: CarePlanVersion;
      readonly activityId: string;
      readonly session: { readonly date: string; readonly amount: number };
    }
  | { readonly status: 'conflict'; readonly reason: string };

/**
 * Records the baseline session of one day of a `recorded` pacing activity (an idempotent upsert by
 * date: a retry changes nothing; a new amount replaces that day's session), as a new version of the
 * plan, so the plan's history shows who added it. Under `record-pacing-sessions`: the patient, a
 * caregiver with diary scope, or a clinician with write scope whose role paces — logging what was done
 * is diary-like, while the plan itself stays `edit-care-plan`. The day must be before the activity's start (sessions form the
 * baseline) and not after the patient's today.
 */
export async function recordPacingSession(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  activityId: string,
  dateText: string,
  input: { readonly amount: number },
): Promise<PacingSessionOutcome> {
  const date = parseLocalDate(dateText);
  if (!date) throw invalid('The session', [{ pointer: '/date', detail: 'Must be a date YYYY-MM-DD.' }]);
  const session = { date, amount: input.amount };
  const at = nowIso(deps);
  try {
    // Sessions of different days sent at once each add to the latest plan in turn (without the turn,
    // one of them met the other's new version and was refused).
    return await inPatientWrite(deps, ctx, patientId, 'record-pacing-sessions', async (tx, access): Promise<PacingSessionOutcome> => {
      const latest = await tx.carePlan.plans.findLatest(patientId);
      if (!latest) throw notFound('The care plan');
      const activities = latest.plan.pacing ?? [];
      const index = activities.findIndex((a) => a.id === activityId);
      if (index < 0) throw notFound('The pacing activity');
      const activity = activities[index]!;
      const { today } = await patientToday(deps, tx, patientId);
      const errors: FieldErrors = [];
      if (activity.sessionSource !== 'recorded')
        errors.push({
          pointer: '',
          detail: "This activity takes its sessions from the diary's active minutes; log activity in the diary instead.",
        });
      if (differenceInCalendarDays(date, today as LocalDate) > 0)
        errors.push({ pointer: '/date', detail: 'The session cannot be after today.' });
      else if (differenceInCalendarDays(date, activity.startDate as LocalDate) >= 0) {
        errors.push({
          pointer: '/date',
          detail:
            'Sessions set the starting point, so they are before the activity starts; ask your care team to move the start to add more.',
        });
      }
      if (isMinutesUnit(activity.unit) && input.amount > MINUTES_PER_DAY)
        errors.push({ pointer: '/amount', detail: `A day has ${MINUTES_PER_DAY} minutes.` });
      const others = activity.sessions.filter((x) => x.date !== date);
      const replaced = others.length < activity.sessions.length;
      if (errors.length === 0 && !replaced && activity.sessions.length >= MAX_PACING_SESSIONS)
        errors.push({ pointer: '', detail: `This activity already has ${MAX_PACING_SESSIONS} sessions.` });
      if (errors.length > 0) throw invalid('The session', errors);
      if (
        replaced &&
        others.length === activity.sessions.length - 1 &&
        activity.sessions.some((x) => x.date === date && x.amount === input.amount)
      ) {
        // A retry: nothing is written, but the plan was read to tell.
        await tx.audit.append([access.audit('care_plan.pacing_session.read', 'care_plan', `${patientId}/${latest.version}`)]);
        return { status: 'unchanged', plan: latest, activityId, session };
      }
      const sessions = [...others, session].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      const pacing = activities.map((a, i) => (i === index ? { ...a, sessions } : a));
      const version: CarePlanVersion = {
        patientId,
        version: latest.version + 1,
        createdBy: access.userId,
        createdAt: at,
        plan: { ...latest.plan, pacing },
      };
      await tx.carePlan.plans.insert(version);
      await tx.audit.append([
        access.audit(`care_plan.pacing_session.${replaced ? 'update' : 'create'}`, 'care_plan', `${patientId}/${version.version}`),
      ]);
      return { status: replaced ? 'updated' : 'created', plan: version, activityId, session };
    });
  } catch (error) {
    // Someone saved the plan at the same moment (the primary key refused the second version).
    if (!isUniqueViolationError(error)) throw error;
    return { status: 'conflict', reason: 'The plan was saved by someone else at the same time; try again.' };
  }
}
