// Visits: the record a patient (or a caregiver who may write the diary) prepares before a clinic visit
// and completes after it, kept by the record engine, and the preparation read from the record — the
// pain story since the last visit, flares, the worst days, medicines and as-needed use, what went with
// lower or higher pain, and the questionnaires answered — so the person arrives with it in one place.
import { accumulateDays, summarizeAccumulator } from '../domain/diary/day-summary.ts';
import { dailySeries } from '../domain/insight/diary-factors.ts';
import { computeTrend, type DatedValue } from '../domain/insight/trends.ts';
import { whatWorks } from '../domain/insight/what-works.ts';
import { findInstrument } from '../domain/instruments/index.ts';
import { findDrug } from '../domain/medications/index.ts';
import { differenceInCalendarDays, toLocalDateTime, type LocalDate, type TimeZone } from '../domain/time/local-date.ts';
import { asNeededUse, FIVE_QUESTIONS, preparationWindow, worstDays, type Visit } from '../domain/visits/visit.ts';
import type { VisitInput } from '../contract/visits.ts';
import { authorizePatientAccess } from './access.ts';
import type { AppDeps, RequestContext } from './context.ts';
import { diaryEntriesBetween } from './diary.ts';
import { notFound } from './errors.ts';
import { medicationSummaryOf } from './medication-summary.ts';
import type { StoredRecord } from './record-store.ts';
import { listRecords, saveRecord, type RecordKind, type SaveOutcome } from './versioned-records.ts';

export const VISITS: RecordKind<Visit> = {
  resource: 'visit',
  label: 'The visit',
  // Preparing for a visit is the patient's own writing, like the diary: a caregiver with that scope may help.
  writeAction: 'write-diary',
  store: (tx) => tx.visits,
  sortAt: (v) => v.date,
};

/** The worst days a preparation names. */
const WORST_DAYS_SHOWN = 3;
/** Questionnaire answers a preparation looks through (newest first) for those within its days. */
const RESPONSES_READ = 200;

export function saveVisit(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  id: string,
  input: VisitInput,
  baseVersion?: number,
): Promise<SaveOutcome<Visit>> {
  const value: Visit = {
    date: input.date as LocalDate,
    kind: input.kind,
    with: input.with,
    whatMattersMost: input.whatMattersMost,
    goals: input.goals,
    questions: input.questions,
    planChanges: input.planChanges,
  };
  return saveRecord(VISITS, deps, ctx, patientId, id, value, baseVersion);
}

/** The five questions to bring to a first consultation, each with why it is worth asking. */
export const visitQuestions = () => FIVE_QUESTIONS;

export const presentVisit = (r: StoredRecord<Visit>) => ({ id: r.id, version: r.version, updatedAt: r.updatedAt, ...r.body });

export async function listVisits(deps: AppDeps, ctx: RequestContext, patientId: string) {
  return (await listRecords(VISITS, deps, ctx, patientId, 500)).map(presentVisit);
}

/**
 * What a visit's preparation shows, read from the record over the days since the last visit. Read as
 * one look at the patient's record: one grant decision, one audit row.
 */
export async function visitPreparation(deps: AppDeps, ctx: RequestContext, patientId: string, visitId: string) {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'read');
  const visit = await deps.store.visits.find(visitId);
  if (!visit || visit.patientId !== patientId || visit.deletedAt !== null) throw notFound('The visit');
  const patient = await deps.store.patients.findById(patientId);
  if (!patient) throw notFound('The patient');
  const zone = patient.timeZone as TimeZone;
  const today = toLocalDateTime(deps.clock.now(), zone).date;
  const others = (await deps.store.visits.list(patientId, 500)).filter((v) => v.id !== visitId).map((v) => v.body.date);
  const window = preparationWindow(visit.body.date, others, today);
  const days = differenceInCalendarDays(window.to, window.from) + 1;

  const entries = await diaryEntriesBetween(deps.store, patientId, window.from, window.to);
  const summaries = [...accumulateDays(entries).values()].map(summarizeAccumulator);
  const values: DatedValue[] = entries.map((e) => ({ date: e.localDate as LocalDate, value: e.intensity }));
  const trend = computeTrend({
    values,
    from: window.from,
    to: window.to,
    perDay: 'mean',
    rule: { kind: 'nrs' },
    direction: 'lower-is-better',
    scale: { min: 0, max: 10 },
  });

  const flares = (await deps.store.flares.list(patientId, 500)).filter((f) => {
    const date = toLocalDateTime(new Date(f.body.startedAt), f.body.timeZone).date;
    return date >= window.from && date <= window.to;
  });

  const { summary: medicines } = await medicationSummaryOf(deps, deps.store, patientId);

  const findings = whatWorks(dailySeries(entries, window.from, days)).filter(
    (i) => i.outcome === 'intensity' && (i.verdict === 'lower' || i.verdict === 'higher'),
  );

  const responses = (await deps.store.instrumentResponses.list(patientId, undefined, RESPONSES_READ)).filter((r) => {
    const date = toLocalDateTime(new Date(r.completedAt), zone).date;
    return date >= window.from && date <= window.to;
  });

  await deps.store.audit.append([access.audit('visit.prepare', 'visit', visitId)]);
  return {
    visit: presentVisit(visit),
    window: { ...window, days, firstVisit: others.every((d) => d >= visit.body.date) },
    pain: {
      daysWithEntries: summaries.length,
      baseline: trend.baseline,
      latest: trend.latest,
      change: trend.change,
      band: trend.band,
      worstDays: worstDays(summaries, WORST_DAYS_SHOWN).map((d) => ({ date: d.localDate, maxIntensity: d.maxIntensity })),
    },
    flares: flares.map((f) => ({ id: f.id, startedAt: f.body.startedAt, endedAt: f.body.endedAt, peakIntensity: f.body.peakIntensity })),
    medicines: {
      orders: medicines.orders.map((o) => ({
        id: o.id,
        name: findDrug(o.body.formularyId)?.generic ?? o.body.formularyId,
        schedule: o.body.schedule,
      })),
      totalMme: medicines.regimen.totalMme,
      asNeeded: asNeededUse(entries),
    },
    whatWorks: findings.map((i) => ({ factor: i.factor, lag: i.lag, verdict: i.verdict, sentence: i.sentence })),
    questionnaires: responses.map((r) => ({
      id: r.id,
      instrumentId: r.instrumentId,
      title: findInstrument(r.instrumentId)?.shortTitle ?? r.instrumentId,
      completedAt: r.completedAt,
      score: r.score,
      band: r.band,
    })),
    suggestedQuestions: FIVE_QUESTIONS,
  };
}
