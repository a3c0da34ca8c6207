// The record behind the doctor-ready report: what the chosen sections need for a range of the
// patient's local dates, read once under one grant decision and audited as one read of the report
// (plus the naloxone answer, as the medicines summary records it). The report itself is arranged and
// drawn from this by src/reports; nothing is stored.
import type { BlockDiary } from '../domain/diary/block-diary.ts';
import type { DiaryEntry } from '../domain/diary/entry.ts';
import type { Flare } from '../domain/diary/flare.ts';
import type { Visit } from '../domain/visits/visit.ts';
import {
  addDays,
  canAddDays,
  differenceInCalendarDays,
  parseLocalDate,
  toLocalDateTime,
  type LocalDate,
  type TimeZone,
} from '../domain/time/local-date.ts';
import { authorizePatientAccess } from './access.ts';
import type { CarePlanVersion, MedicationOrderRecord, ProcedureRecord } from './care-plan-records.ts';
import { PROCEDURES } from './care-history.ts';
import type { AppDeps, RequestContext } from './context.ts';
import { diaryEntriesBetween } from './diary.ts';
import { BLOCK_DIARIES, FLARES } from './diary-documents.ts';
import { AppError, notFound } from './errors.ts';
import { medicationSummaryOf, type MedicationSummary } from './medication-summary.ts';
import type { StoredInstrumentResponse } from './ports.ts';

/** The longest range a report covers: a year, leap day included. */
export const REPORT_MAX_DAYS = 366;
/** The range when none is given: the latest 90 days up to today. */
export const REPORT_DEFAULT_DAYS = 90;
/** Responses read for the questionnaires section, newest first (years of weekly answers to several questionnaires). */
const MAX_RESPONSES = 2000;
const DAY_MS = 86_400_000;

export interface ReportQuery {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  /** Section ids as the contract checked them. */
  readonly sections: readonly string[];
}

export interface PatientReportRecord {
  readonly patientName: string;
  readonly timeZone: TimeZone;
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly generatedAt: string;
  readonly entries: readonly DiaryEntry[];
  readonly flares: readonly Flare[];
  /** The medicines in effect today with MME and flags; null when not asked for or none are listed. */
  readonly medicines: {
    readonly asOf: string;
    readonly orders: readonly MedicationOrderRecord[];
    readonly regimen: MedicationSummary['regimen'];
  } | null;
  readonly responses: readonly StoredInstrumentResponse[];
  readonly carePlan: {
    readonly version: number;
    readonly goals: CarePlanVersion['plan']['goals'];
    readonly interventions: CarePlanVersion['plan']['interventions'];
  } | null;
  readonly procedures: readonly ProcedureRecord[];
  readonly blockDiaries: readonly BlockDiary[];
  readonly visits: readonly Visit[];
}

const badRange = (pointer: string, detail: string) => new AppError('validation-failed', detail, { errors: [{ pointer, detail }] });

/** The range asked for, checked: real dates, from ≤ to, at most REPORT_MAX_DAYS days; by default the latest 90 days. */
function reportRange(q: ReportQuery, today: LocalDate): { from: LocalDate; to: LocalDate } {
  const to = q.to === undefined ? today : parseLocalDate(q.to);
  if (!to) throw badRange('/querystring/to', 'Must be a calendar date YYYY-MM-DD.');
  let from: LocalDate | undefined;
  if (q.from === undefined) from = canAddDays(to, 1 - REPORT_DEFAULT_DAYS) ? addDays(to, 1 - REPORT_DEFAULT_DAYS) : undefined;
  else from = parseLocalDate(q.from);
  if (!from) throw badRange('/querystring/from', 'Must be a calendar date YYYY-MM-DD.');
  if (to < from) throw badRange('/querystring/to', 'The report must end on or after the day it starts.');
  if (differenceInCalendarDays(to, from) + 1 > REPORT_MAX_DAYS)
    throw badRange('/querystring/from', `A report covers at most ${REPORT_MAX_DAYS} days.`);
  return { from, to };
}

/** Instants a day either side of the local dates: any zone's date lies within them; the local dates then decide. */
function instantsAround(from: LocalDate, to: LocalDate): { from: string; to: string } {
  return {
    from: new Date(Date.parse(`${from}T00:00:00Z`) - DAY_MS).toISOString(),
    to: new Date(Date.parse(`${to}T00:00:00Z`) + 2 * DAY_MS).toISOString(),
  };
}

export async function loadReportRecord(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  q: ReportQuery,
): Promise<PatientReportRecord> {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'read');
  const patient = await deps.store.patients.findById(patientId);
  if (!patient) throw notFound('The patient');
  const timeZone = patient.timeZone as TimeZone;
  const now = deps.clock.now();
  const { from, to } = reportRange(q, toLocalDateTime(now, timeZone).date);
  const chosen = new Set(q.sections);
  const wants = (...sections: string[]) => sections.some((s) => chosen.has(s));
  const around = instantsAround(from, to);
  const within = (instant: string, zone: string) => {
    const date = toLocalDateTime(new Date(instant), zone as TimeZone).date;
    return date >= from && date <= to;
  };

  const entries = wants('summary', 'trends', 'body-map', 'what-works', 'medicines', 'notes')
    ? await diaryEntriesBetween(deps.store, patientId, from, to)
    : [];
  const flares = wants('summary', 'flares')
    ? (await FLARES.store(deps.store).listBetween(patientId, around.from, around.to)).filter((f) => within(f.startedAt, f.timeZone))
    : [];
  let medicines: PatientReportRecord['medicines'] = null;
  let naloxoneCheckId: string | null = null;
  if (wants('summary', 'medicines')) {
    const read = await medicationSummaryOf(deps, deps.store, patientId);
    naloxoneCheckId = read.naloxoneCheckId;
    if (read.summary.orders.length > 0)
      medicines = { asOf: read.summary.asOf, regimen: read.summary.regimen, orders: read.summary.orders.map((o) => o.body) };
  }
  const responses = wants('questionnaires')
    ? (await deps.store.instrumentResponses.list(patientId, undefined, MAX_RESPONSES)).filter((r) => within(r.completedAt, timeZone))
    : [];
  const plan = wants('care-plan') ? await deps.store.carePlan.plans.findLatest(patientId) : undefined;
  let procedures: readonly ProcedureRecord[] = [];
  let blockDiaries: BlockDiary[] = [];
  if (wants('procedures')) {
    // A procedure's sort key is its local date; every key of a day on `to` sorts below `<to>U`.
    procedures = await PROCEDURES.store(deps.store).listBetween(patientId, from, `${to}U`);
    const inRange = (await BLOCK_DIARIES.store(deps.store).listBetween(patientId, around.from, around.to)).filter((d) =>
      within(d.procedureAt, d.timeZone),
    );
    // A procedure's block diary may have been started outside the range; it is read by its id.
    const linkedIds = procedures.flatMap((p) => (p.blockDiaryId && !inRange.some((d) => d.id === p.blockDiaryId) ? [p.blockDiaryId] : []));
    const linked = [...(await BLOCK_DIARIES.store(deps.store).findMany(linkedIds)).values()]
      .filter((r) => r.patientId === patientId && r.deletedAt === null)
      .map((r) => r.body);
    blockDiaries = [...inRange, ...linked];
  }

  // Visits from the start of the period on, earliest first: the questions for the visit ahead.
  const visits = wants('visit-questions')
    ? (await deps.store.visits.list(patientId, 500))
        .map((v) => v.body)
        .filter((v) => v.date >= from)
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    : [];

  await deps.store.audit.append([
    access.audit('report.read', 'report', null),
    ...(naloxoneCheckId ? [access.audit('naloxone_check.read', 'naloxone_check', naloxoneCheckId)] : []),
  ]);
  return {
    patientName: patient.displayName,
    timeZone,
    from,
    to,
    generatedAt: now.toISOString(),
    entries,
    flares,
    medicines,
    responses,
    carePlan: plan ? { version: plan.version, goals: plan.plan.goals, interventions: plan.plan.interventions } : null,
    procedures,
    blockDiaries,
    visits,
  };
}
