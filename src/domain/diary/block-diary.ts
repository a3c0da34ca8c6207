// Block diary for a diagnostic or therapeutic procedure (e.g. medial branch block): baseline pain of
// the index (treated) pain, readings at scheduled offsets, NRS-derived percent relief beside the
// patient-reported percent relief, peak relief, and how long relief stayed ≥ 50 % and ≥ 80 %.
//
// Sources (UW Health HF 5656, https://patient.uwhealth.org/healthfacts/5656; Interv Pain Med 2022, https://doi.org/10.1016/j.inpm.2022.100083; CMS LCD L38773, https://www.cms.gov/medicare-coverage-database/view/lcd.aspx?lcdid=38773):
// - reliefPct(t) = (baselineNRS − NRS(t)) / baselineNRS × 100, baseline > 0, same scale, same index
//   pain; peakRelief = max reliefPct; durationAt80 = length of the contiguous interval where
//   reliefPct ≥ 80 (thresholds inclusive). CMS LCD L38773 (facet joint interventions) requires
//   ≥ 80 % relief of the index pain for diagnostic blocks; ≥ 50 % is the LCD threshold for repeat
//   therapeutic procedures.
// - NRS-derived and patient-reported relief disagree (Interv Pain Med 2022, PMC11372915: ≥ 80 % at
//   30 min in 32 % by NRS vs 42.7 % by patient report) → both are stored and analysed separately.
// - Default schedule 15 min, 30 min, 1 h, 2 h, 4 h, 6 h, 8 h: a design choice consistent with the
//   published protocols (UW Health HF 5656: every 15 min for 1 h then hourly for 8 h; Serenity:
//   hourly for 6 h; research diary: every 30 min for 5 h) — not a single published standard; it is
//   configurable. Expected block durations per anaesthetic are UNCONFIRMED, so no "duration
//   consistent with agent" verdict is made here.
//
// How duration is measured between discrete readings (our rule; the source says only "contiguous
// interval"):
// - A run is a maximal sequence of consecutive readings (in offset order) that all meet the
//   threshold. Readings that lack a value for the series analysed (e.g. no NRS, only a patient
//   report) are skipped, not treated as breaking the run.
// - observedMinutes = last qualifying reading − first qualifying reading of the run: a lower bound
//   (relief was seen at both ends). A single qualifying reading gives 0.
// - boundedMinutes = first non-qualifying reading after the run − first qualifying reading: an upper
//   bound; null when relief still met the threshold at the last reading (`ongoingAtLastReading`).
// - The longest run (by observedMinutes; ties → earliest) is reported. The time before the first
//   reading is not counted: onset is unknown until the first reading.
// - Percentages keep full precision; the threshold test is done on exact integer arithmetic.
//
// Pure: time is an argument (scheduleReadings takes the procedure instant).

import { isNrs } from './entry.ts';
import { canonicalTimeZone, parseInstant, type TimeZone } from '../time/local-date.ts';

export const DEFAULT_BLOCK_OFFSETS_MINUTES: readonly number[] = [15, 30, 60, 120, 240, 360, 480];

/** Longest offset accepted: 14 days (UW Health asks for daily ratings for 2 weeks). */
export const MAX_BLOCK_OFFSET_MINUTES = 14 * 24 * 60;

export const RELIEF_THRESHOLDS = [50, 80] as const;

export interface BlockDiaryReading {
  /** Minutes after the procedure, integer ≥ 1. */
  offsetMinutes: number;
  /** NRS 0–10 of the index pain, or null when only a patient-reported relief was given. */
  intensity: number | null;
  /** The patient's own estimate of relief, 0–100 %, or null. */
  patientReportedReliefPct: number | null;
  /** When the reading was actually made (ISO instant), or null. */
  recordedAt: string | null;
}

export interface BlockDiary {
  id: string;
  /** Until the care-plan issue links a procedure record: a label and time stand alone. */
  procedureLabel: string;
  procedureAt: string;
  timeZone: TimeZone;
  /** NRS 0–10 of the index pain before the procedure. */
  baselineIntensity: number;
  /** Reminder schedule, ascending, unique. */
  offsetsMinutes: number[];
  /** In ascending offset order, one per offset at most. */
  readings: BlockDiaryReading[];
}

export interface ReliefRun {
  fromMinutes: number;
  /** Offset of the last qualifying reading of the run. */
  toMinutes: number;
  observedMinutes: number;
  /** Offset of the first non-qualifying reading after the run, or null when none followed. */
  untilMinutes: number | null;
  boundedMinutes: number | null;
  ongoingAtLastReading: boolean;
}

export interface ReliefAnalysis {
  kind: 'computed';
  /** Readings that had a value in this series. */
  readingCount: number;
  peakReliefPct: number | null;
  /** Offset of the earliest reading at the peak. */
  peakAtMinutes: number | null;
  atLeast50: ReliefRun | null;
  atLeast80: ReliefRun | null;
}

export type NrsReliefAnalysis = ReliefAnalysis | { kind: 'not-computable'; reason: 'baseline-zero' };

export interface BlockRelief {
  readings: { offsetMinutes: number; intensity: number | null; reliefPct: number | null; patientReportedReliefPct: number | null }[];
  /** From NRS readings against the baseline. */
  nrs: NrsReliefAnalysis;
  /** From the patient's own percent-relief answers. */
  patientReported: ReliefAnalysis;
}

/** Percent relief of one NRS reading: (baseline − reading) / baseline × 100; null if baseline is 0. */
export function reliefPercent(baseline: number, reading: number): number | null {
  if (baseline <= 0) return null;
  return ((baseline - reading) * 100) / baseline;
}

interface Point {
  offset: number;
  meets: (threshold: number) => boolean;
  pct: number;
}

function analyse(points: Point[]): ReliefAnalysis {
  let peak: Point | null = null;
  for (const p of points) if (peak === null || p.pct > peak.pct) peak = p;
  const runFor = (threshold: number): ReliefRun | null => {
    let best: ReliefRun | null = null;
    let i = 0;
    while (i < points.length) {
      if (!points[i]!.meets(threshold)) {
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < points.length && points[j + 1]!.meets(threshold)) j++;
      const from = points[i]!.offset;
      const to = points[j]!.offset;
      const after = points[j + 1];
      const run: ReliefRun = {
        fromMinutes: from,
        toMinutes: to,
        observedMinutes: to - from,
        untilMinutes: after ? after.offset : null,
        boundedMinutes: after ? after.offset - from : null,
        ongoingAtLastReading: !after,
      };
      if (best === null || run.observedMinutes > best.observedMinutes) best = run;
      i = j + 1;
    }
    return best;
  };
  return {
    kind: 'computed',
    readingCount: points.length,
    peakReliefPct: peak ? peak.pct : null,
    peakAtMinutes: peak ? peak.offset : null,
    atLeast50: runFor(50),
    atLeast80: runFor(80),
  };
}

/** Relief analysis of a block diary (see the module header for the duration rule). */
export function computeBlockRelief(diary: Pick<BlockDiary, 'baselineIntensity' | 'readings'>): BlockRelief {
  const baseline = diary.baselineIntensity;
  const readings = [...diary.readings].sort((a, b) => a.offsetMinutes - b.offsetMinutes);
  const nrsPoints: Point[] = [];
  const pprPoints: Point[] = [];
  for (const r of readings) {
    if (r.intensity !== null && baseline > 0) {
      const drop = baseline - r.intensity;
      // Exact: relief ≥ t  ⇔  (baseline − reading) × 100 ≥ t × baseline, all integers.
      nrsPoints.push({ offset: r.offsetMinutes, pct: reliefPercent(baseline, r.intensity)!, meets: (t) => drop * 100 >= t * baseline });
    }
    if (r.patientReportedReliefPct !== null) {
      const pct = r.patientReportedReliefPct;
      pprPoints.push({ offset: r.offsetMinutes, pct, meets: (t) => pct >= t });
    }
  }
  return {
    readings: readings.map((r) => ({
      offsetMinutes: r.offsetMinutes,
      intensity: r.intensity,
      reliefPct: r.intensity === null ? null : reliefPercent(baseline, r.intensity),
      patientReportedReliefPct: r.patientReportedReliefPct,
    })),
    nrs: baseline > 0 ? analyse(nrsPoints) : { kind: 'not-computable', reason: 'baseline-zero' },
    patientReported: analyse(pprPoints),
  };
}

/** Reminder times for the readings: procedure instant + each offset, as ISO instants. */
export function scheduleReadings(
  procedureAt: Date | string,
  offsetsMinutes: readonly number[] = DEFAULT_BLOCK_OFFSETS_MINUTES,
): { offsetMinutes: number; dueAt: string }[] {
  const start = typeof procedureAt === 'string' ? Date.parse(procedureAt) : procedureAt.getTime();
  if (Number.isNaN(start)) throw new RangeError('scheduleReadings: invalid procedure instant');
  return [...offsetsMinutes].sort((a, b) => a - b).map((m) => ({ offsetMinutes: m, dueAt: new Date(start + m * 60_000).toISOString() }));
}

// ---------------------------------------------------------------------------------------------
// Validation

export interface BlockDiaryIssue {
  pointer: string;
  message: string;
}
export type BlockDiaryValidation = { ok: true; diary: BlockDiary } | { ok: false; errors: BlockDiaryIssue[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The last instant `toISOString` writes with a four-digit year. */
const LATEST_INSTANT_MS = Date.parse('9999-12-31T23:59:59.999Z');

const isOffset = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= MAX_BLOCK_OFFSET_MINUTES;

/**
 * Validate and normalise a block diary. `offsetsMinutes` defaults to the standard schedule;
 * offsets and readings are returned in ascending order.
 */
export function validateBlockDiary(input: unknown): BlockDiaryValidation {
  const errors: BlockDiaryIssue[] = [];
  const fail = (pointer: string, message: string) => errors.push({ pointer, message });
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, errors: [{ pointer: '', message: 'must be an object' }] };
  const v = input as Record<string, unknown>;

  const id = typeof v.id === 'string' && UUID.test(v.id.toLowerCase()) ? v.id.toLowerCase() : undefined;
  if (!id) fail('/id', 'must be a UUID');
  const label = typeof v.procedureLabel === 'string' ? v.procedureLabel.trim() : '';
  if (label.length === 0 || label.length > 200) fail('/procedureLabel', 'must be text of 1 to 200 characters');
  const procedureAt = parseInstant(v.procedureAt);
  if (!procedureAt) fail('/procedureAt', 'must be an ISO-8601 instant with a zone');
  const timeZone = typeof v.timeZone === 'string' ? canonicalTimeZone(v.timeZone) : undefined;
  if (!timeZone) fail('/timeZone', 'must be an IANA time zone name, e.g. Europe/Berlin (not an offset such as +01:00)');
  if (!isNrs(v.baselineIntensity)) fail('/baselineIntensity', 'must be a whole number from 0 to 10');

  let offsets: number[] = [...DEFAULT_BLOCK_OFFSETS_MINUTES];
  if (v.offsetsMinutes !== undefined && v.offsetsMinutes !== null) {
    if (!Array.isArray(v.offsetsMinutes) || v.offsetsMinutes.length === 0 || v.offsetsMinutes.length > 64) {
      fail('/offsetsMinutes', 'must be a list of 1 to 64 offsets in minutes');
    } else {
      v.offsetsMinutes.forEach((o, i) => {
        if (!isOffset(o)) fail(`/offsetsMinutes/${i}`, `must be whole minutes from 1 to ${MAX_BLOCK_OFFSET_MINUTES}`);
      });
      offsets = [...new Set(v.offsetsMinutes.filter(isOffset))].sort((a, b) => a - b);
    }
  }

  // Every reading's due time must be writable as an ISO instant with a four-digit year.
  if (procedureAt && Date.parse(procedureAt) + Math.max(...offsets) * 60_000 > LATEST_INSTANT_MS) {
    fail('/procedureAt', 'is so late that the readings would fall after the year 9999');
  }

  const readings: BlockDiaryReading[] = [];
  if (v.readings !== undefined && v.readings !== null && !Array.isArray(v.readings)) fail('/readings', 'must be a list');
  const seen = new Set<number>();
  (Array.isArray(v.readings) ? v.readings : []).forEach((r: unknown, i) => {
    const at = `/readings/${i}`;
    if (typeof r !== 'object' || r === null) {
      fail(at, 'must be an object');
      return;
    }
    const x = r as Record<string, unknown>;
    let ok = true;
    if (!isOffset(x.offsetMinutes)) {
      fail(`${at}/offsetMinutes`, `must be whole minutes from 1 to ${MAX_BLOCK_OFFSET_MINUTES}`);
      ok = false;
    } else if (seen.has(x.offsetMinutes)) {
      fail(`${at}/offsetMinutes`, 'a reading at this offset is already recorded');
      ok = false;
    }
    const intensity = x.intensity ?? null;
    if (intensity !== null && !isNrs(intensity)) {
      fail(`${at}/intensity`, 'must be a whole number from 0 to 10');
      ok = false;
    }
    const ppr = x.patientReportedReliefPct ?? null;
    if (ppr !== null && (typeof ppr !== 'number' || !Number.isFinite(ppr) || ppr < 0 || ppr > 100)) {
      fail(`${at}/patientReportedReliefPct`, 'must be a percentage from 0 to 100');
      ok = false;
    }
    if (intensity === null && ppr === null) {
      fail(at, 'needs a pain rating, a percent relief, or both');
      ok = false;
    }
    let recordedAt: string | null = null;
    if (x.recordedAt !== undefined && x.recordedAt !== null) {
      recordedAt = parseInstant(x.recordedAt) ?? null;
      if (recordedAt === null) {
        fail(`${at}/recordedAt`, 'must be an ISO-8601 instant with a zone');
        ok = false;
      }
    }
    if (ok) {
      seen.add(x.offsetMinutes as number);
      readings.push({
        offsetMinutes: x.offsetMinutes as number,
        intensity: intensity as number | null,
        patientReportedReliefPct: ppr as number | null,
        recordedAt,
      });
    }
  });

  if (errors.length > 0 || !id || !procedureAt || !timeZone) return { ok: false, errors };
  return {
    ok: true,
    diary: {
      id,
      procedureLabel: label,
      procedureAt,
      timeZone,
      baselineIntensity: v.baselineIntensity as number,
      offsetsMinutes: offsets,
      readings: readings.sort((a, b) => a.offsetMinutes - b.offsetMinutes),
    },
  };
}
