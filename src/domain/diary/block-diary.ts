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

import { blockDiarySchemas, type BlockDiaryShape } from './block-diary-shape.ts';
import { parseShape } from './diary-shape-parts.ts';
import { canonicalTimeZone, parseInstant, type TimeZone } from '../time/local-date.ts';

export const DEFAULT_BLOCK_OFFSETS_MINUTES: readonly number[] = [15, 30, 60, 120, 240, 360, 480];

export { MAX_BLOCK_OFFSET_MINUTES } from './block-diary-shape.ts';

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

/** The last instant `toISOString` writes with a four-digit year. */
const LATEST_INSTANT_MS = Date.parse('9999-12-31T23:59:59.999Z');

function instant(text: string): string {
  const parsed = parseInstant(text);
  if (parsed === undefined) throw new Error('validateBlockDiary: an instant passed the shape but does not parse');
  return parsed;
}

/** Normalise a block diary whose shape is right: canonical instants and zone, offsets and readings ascending. */
function normalizeBlockDiary(shape: BlockDiaryShape): BlockDiary {
  const timeZone = canonicalTimeZone(shape.timeZone);
  if (timeZone === undefined) throw new Error('validateBlockDiary: the zone passed the shape but is not known');
  return {
    id: shape.id.toLowerCase(),
    procedureLabel: shape.procedureLabel.trim(),
    procedureAt: instant(shape.procedureAt),
    timeZone,
    baselineIntensity: shape.baselineIntensity,
    offsetsMinutes: [...new Set(shape.offsetsMinutes ?? DEFAULT_BLOCK_OFFSETS_MINUTES)].sort((a, b) => a - b),
    readings: (shape.readings ?? [])
      .map((r) => ({
        offsetMinutes: r.offsetMinutes,
        intensity: r.intensity ?? null,
        patientReportedReliefPct: r.patientReportedReliefPct ?? null,
        recordedAt: r.recordedAt == null ? null : instant(r.recordedAt),
      }))
      .sort((a, b) => a.offsetMinutes - b.offsetMinutes),
  };
}

/**
 * Validate and normalise a block diary: its shape (blockDiarySchemas), then that every reading's due time
 * can be written. `offsetsMinutes` defaults to the standard schedule; offsets and readings are
 * returned in ascending order.
 */
export function validateBlockDiary(input: unknown): BlockDiaryValidation {
  const parsed = parseShape(blockDiarySchemas().blockDiary, input);
  return parsed.ok ? checkBlockDiary(parsed.value) : parsed;
}

/** The checks after the shape, for a block diary already parsed with blockDiarySchemas (the API parses a body once, at the route). */
export function checkBlockDiary(shape: BlockDiaryShape): BlockDiaryValidation {
  const diary = normalizeBlockDiary(shape);
  // Every reading's due time must be writable as an ISO instant with a four-digit year.
  if (Date.parse(diary.procedureAt) + Math.max(...diary.offsetsMinutes) * 60_000 > LATEST_INSTANT_MS)
    return { ok: false, errors: [{ pointer: '/procedureAt', message: 'is so late that the readings would fall after the year 9999' }] };
  return { ok: true, diary };
}
