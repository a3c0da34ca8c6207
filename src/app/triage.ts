// The clinic panel: each patient's summary (last check-in, pain trend, PEG, MME and safety flags,
// questionnaires due) is derived from their records off the write path and kept in one row per
// patient, so that a page of a clinic's thousands of patients, sorted worst-first, is one indexed read.
//
// A summary is recomputed a moment after a write to the patient's records is answered (the
// projector below, per serving thread), when a questionnaire falls due (the due job), and in any
// case every `panelRefreshMinutes` (the sweep job, which also covers time passing: a 7-day mean
// moves with the calendar). Each row says when it was computed, and the panel shows it.
import { computeTriage, type Triage } from '../domain/triage/triage.ts';
import { addDays, differenceInCalendarDays, type LocalDate, type TimeZone, toLocalDateTime } from '../domain/time/local-date.ts';
import { BASELINE_DAYS, RECENT_DAYS } from '../domain/triage/triage.ts';
import { auditEvent, requireClinicAction, requireUserForEveryPatient } from './access.ts';
import { addMinutesIso, type AppDeps, nowIso, type RequestContext } from './context.ts';
import { DIARY_ENTRIES, diaryEntriesBetween } from './diary.ts';
import { listDueFor } from './instrument-assignments.ts';
import { scheduleRecurringJob, type JobHandler } from './jobs.ts';
import { medicationSummaryOf } from './medication-summary.ts';
import { type ListedPatient, listedPatient } from './patients.ts';
import type { PanelQuery, PanelRow } from './triage-store.ts';

/** Recomputes one patient's panel summary from their records; a patient deleted meanwhile is skipped. */
export async function refreshTriage(deps: AppDeps, patientId: string): Promise<Triage | undefined> {
  const stores = deps.store;
  // Stamped before reading: a slower refresh that read older records cannot overwrite a newer one.
  const computedAt = nowIso(deps);
  const patient = await stores.patients.findById(patientId);
  if (!patient) return undefined;
  const today = toLocalDateTime(deps.clock.now(), patient.timeZone as TimeZone).date;
  const [entries, newest, pegResults, medicines, due] = await Promise.all([
    diaryEntriesBetween(stores, patientId, addDays(today, -(RECENT_DAYS + BASELINE_DAYS - 1)), today),
    DIARY_ENTRIES.store(stores).list(patientId, 1),
    // A few, so that an unscored one does not leave fewer than two scored.
    stores.instrumentResponses.list(patientId, 'peg', 5),
    medicationSummaryOf(deps, stores, patientId),
    listDueFor(deps, patientId),
  ]);
  const { regimen } = medicines.summary;
  const triage = computeTriage(
    {
      today,
      entries: entries.map((e) => ({ localDate: e.localDate, intensity: e.intensity })),
      lastEntryDate: (newest[0]?.body.localDate as LocalDate | undefined) ?? null,
      peg: pegResults.flatMap((r) => (r.score === null ? [] : [{ score: r.score, completedAt: r.completedAt }])).slice(0, 2),
      // No opioid with a conversion factor: no MME to show (0 would read as a measured dose).
      mmePerDay: regimen.perDrug.length > 0 ? regimen.totalMme : null,
      mmeNotCalculable: regimen.notCalculable.length,
      flags: regimen.flags,
      dueQuestionnaires: due.filter((d) => d.status === 'due').length,
      overdueQuestionnaires: due.filter((d) => d.status === 'overdue').length,
    },
    { painWorseningPoints: deps.settings.panelPainWorseningPoints, lapsedAfterDays: deps.settings.panelLapsedDays },
  );
  await stores.triage.upsert({ ...triage, patientId, computedAt });
  return triage;
}

export interface PanelPage {
  readonly rows: readonly (Omit<PanelRow, 'patient'> & { readonly patient: ListedPatient; readonly daysSinceCheckIn: number | null })[];
  readonly total: number;
}

/**
 * One page of the organization's panel, for its clinicians. Only the patients on the page are read,
 * and each shows in their access log: as a look at the list, or, where the clinic may read the record
 * and the page showed their summary (pain, questionnaires, medicines), as a read of that summary.
 */
export async function readPanel(deps: AppDeps, ctx: RequestContext, organizationId: string, query: PanelQuery): Promise<PanelPage> {
  const userId = requireUserForEveryPatient(ctx);
  await requireClinicAction(deps.store, organizationId, userId, 'view-panel');
  const now = nowIso(deps);
  const { rows, total } = await deps.store.triage.panel(organizationId, now, query);
  await deps.store.audit.append(
    rows.map((r) =>
      auditEvent(deps, ctx, {
        actorBasis: 'clinician',
        organizationId,
        patientId: r.patient.id,
        action: r.triage ? 'patient.panel-summary' : 'patient.list',
        resourceType: 'patient',
        resourceId: r.patient.id,
      }),
    ),
  );
  return {
    total,
    rows: rows.map((r) => {
      const patient = listedPatient(r.patient, 'clinician', r.scopes);
      if (!r.triage) return { ...r, patient, daysSinceCheckIn: null };
      const last = r.triage.lastEntryDate;
      const today = toLocalDateTime(deps.clock.now(), r.patient.timeZone as TimeZone).date;
      const daysSinceCheckIn = last === null ? null : Math.max(0, differenceInCalendarDays(today, last));
      // Days pass between recomputations: the lapse shown agrees with the days shown beside it.
      const lapsed = daysSinceCheckIn === null || daysSinceCheckIn >= deps.settings.panelLapsedDays;
      return { ...r, patient, triage: { ...r.triage, lapsed }, daysSinceCheckIn };
    }),
  };
}

// ── Keeping summaries fresh ──────────────────────────────────────────────────────────────────────

export interface TriageProjector {
  /** The patient's records changed: recompute their summary soon, off the request that changed them. */
  markChanged(patientId: string): void;
  /** Recomputes every summary marked so far, now. */
  flush(): Promise<void>;
  /** Forgets what is marked (the sweep will catch up), waits for a refresh under way, and ignores further marks. */
  stop(): Promise<void>;
}

export interface TriageProjectorOptions {
  /** How long after the first mark a batch is recomputed (a burst of writes to one patient counts once). */
  readonly delayMs: number;
  /**
   * At most this many summaries a second: under a write storm the recomputation yields to the requests
   * (a clinic writes a few check-ins a second; what is still marked waits, and the sweep is the backstop).
   */
  readonly maxPerSecond?: number;
  readonly onError?: (error: unknown) => void;
}

export function createTriageProjector(deps: AppDeps, options: TriageProjectorOptions): TriageProjector {
  const pause = options.maxPerSecond ? 1000 / options.maxPerSecond : 0;
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const run = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const batch = pending;
    pending = new Set();
    running = running.then(async () => {
      for (const patientId of batch) {
        if (stopped) return;
        try {
          await refreshTriage(deps, patientId);
        } catch (error) {
          // The sweep recomputes it later; the error names no patient.
          options.onError?.(error);
        }
        if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause).unref());
      }
    });
    return running;
  };
  return {
    markChanged(patientId) {
      if (stopped) return;
      pending.add(patientId);
      if (!timer) {
        timer = setTimeout(run, options.delayMs);
        timer.unref();
      }
    },
    flush: run,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      pending.clear();
      await running;
    },
  };
}

export const TRIAGE_SWEEP_JOB = 'triage.sweep';
/** How often the sweep looks for old summaries, how many it asks for at a time, and how long one sweep may run. */
const SWEEP_EVERY_MINUTES = 5;
const SWEEP_BATCH = 500;
const SWEEP_BUDGET_MS = 4 * 60_000;
/** Between two summaries, so that a sweep over a large clinic yields to the requests (at most 50 a second). */
const SWEEP_PAUSE_MS = 20;

/**
 * Recomputes every summary older than `panelRefreshMinutes` (and creates missing ones) of patients who
 * share with a clinic, oldest first, batch after batch until none is left or the sweep's time is up,
 * then schedules the next sweep whatever happened: one patient whose summary cannot be computed must
 * not stop the others, nor the sweeps after it.
 */
export const triageSweepHandler: JobHandler = async (deps) => {
  try {
    const started = Date.now();
    const failed = new Set<string>();
    while (Date.now() - started < SWEEP_BUDGET_MS) {
      const before = addMinutesIso(nowIso(deps), -deps.settings.panelRefreshMinutes);
      const batch = (await deps.store.triage.staleBefore(before, nowIso(deps), SWEEP_BATCH)).filter((id) => !failed.has(id));
      if (batch.length === 0) break;
      for (const patientId of batch) {
        try {
          await refreshTriage(deps, patientId);
        } catch {
          // Deleted meanwhile, or records that cannot be summarised: the next sweep tries again.
          failed.add(patientId);
        }
        await new Promise((resolve) => setTimeout(resolve, SWEEP_PAUSE_MS));
      }
    }
  } finally {
    await scheduleRecurringJob(deps, TRIAGE_SWEEP_JOB, addMinutesIso(nowIso(deps), SWEEP_EVERY_MINUTES), 'after-run');
  }
};

/** A job that changes what is due for a patient, followed by a refresh of their summary (which the sweep redoes if it fails). */
export function thenRefreshTriage(handler: JobHandler): JobHandler {
  return async (deps, job) => {
    await handler(deps, job);
    if (job.patientId) await refreshTriage(deps, job.patientId).catch(() => undefined);
  };
}

export async function ensureTriageSweepScheduled(deps: AppDeps): Promise<void> {
  await scheduleRecurringJob(deps, TRIAGE_SWEEP_JOB, nowIso(deps), 'at-start');
}
