// From an entry whose shape is right (diaryEntrySchemas) to the entry as stored: what a schema does not
// say, on typed input. Pure: the server's clock comes in as `asOf`.
//
// - Normalisation: text trimmed (blank optional text becomes null), the id in lower case, the zone in
//   its canonical spelling, the instant as `YYYY-MM-DDTHH:MM:SS.sssZ`, id lists de-duplicated in their
//   vocabulary's order, and absent optional fields as null or empty — so equal content is equal data.
// - Rules: a region or a technique is listed once; the wall clock is one the zone showed; a real-time
//   entry's wall clock agrees with recordedAt (±15 min), a recalled one is not later than it (to the
//   minute); with `asOf`, recordedAt is at most a day after the server's time.
import type { DiaryEntryShape } from './diary-entry-shape.ts';
import { jsonPointer } from './diary-shape-parts.ts';
import type { DiaryEntry, DiaryEntryValidation, EntryRegion, MedicineTaken, TechniqueUse, ValidationIssue } from './entry-model.ts';
import { DIARY_LIMITS, PAIN_QUALITIES, TRIGGERS } from './entry-vocabulary.ts';
import {
  canonicalTimeZone,
  differenceInWallClockMinutes,
  localDateTimeExists,
  parseInstant,
  parseLocalDate,
  parseLocalTime,
  toLocalDateTime,
  type LocalDate,
  type LocalTime,
  type TimeZone,
} from '../time/local-date.ts';

const trimmedOrNull = (text: string | null | undefined): string | null => {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/** The ids of `vocabulary` that `ids` names, once each, in vocabulary order. */
const inVocabularyOrder = <T extends string>(vocabulary: readonly T[], ids: readonly T[] | undefined): T[] =>
  vocabulary.filter((id) => ids?.includes(id));

/** Parsing a text the shape already accepted: undefined here is a programmer error. */
function accepted<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`normalizeDiaryEntry: ${what} passed the shape but does not parse`);
  return value;
}

function medicineTaken(m: NonNullable<DiaryEntryShape['medicines']>[number]): MedicineTaken {
  return {
    name: m.name.trim(),
    dose: m.dose ?? null,
    unit: m.unit ?? null,
    takenAt: m.takenAt == null ? null : accepted(parseLocalTime(m.takenAt), 'takenAt'),
    regimen: m.regimen,
    formularyId: trimmedOrNull(m.formularyId),
    medicationOrderId: trimmedOrNull(m.medicationOrderId),
  };
}

/** The wall clock against the zone and against the instant of recording; problems, or none. */
function wallClockProblems(
  at: { date: LocalDate; time: LocalTime; timeZone: TimeZone; recordedAt: string },
  mode: DiaryEntry['provenance']['mode'],
): ValidationIssue[] {
  const { date, time, timeZone } = at;
  // A wall clock the zone skipped (clocks went forward over it) names no moment: refused, not moved.
  if (!localDateTimeExists(date, time, timeZone)) {
    const wholeDay =
      !localDateTimeExists(date, '00:00' as LocalTime, timeZone) && !localDateTimeExists(date, '23:59' as LocalTime, timeZone);
    return wholeDay
      ? [{ pointer: '/localDate', message: `${date} did not exist in ${timeZone}: clocks went forward over the whole day` }]
      : [{ pointer: '/localTime', message: `${time} did not exist on ${date} in ${timeZone}: clocks went forward` }];
  }
  // The stated wall clock against the instant of recording, read in the entry's own zone.
  const atRecording = toLocalDateTime(new Date(at.recordedAt), timeZone);
  const skew = differenceInWallClockMinutes({ date, time }, { date: atRecording.date, time: atRecording.time as LocalTime });
  if (mode === 'real-time' && Math.abs(skew) > DIARY_LIMITS.realTimeSkewMinutes) {
    return [
      {
        pointer: '/localTime',
        message: `a real-time entry must match when it was recorded (${atRecording.date} ${atRecording.time} in ${timeZone}); mark it as recalled otherwise`,
      },
    ];
  }
  // Recalled pain was felt before it was written down: its minute may be the minute of recording, not later.
  if (mode === 'recalled' && skew > 0) {
    return [
      {
        pointer: '/localTime',
        message: `a recalled entry cannot be later than when it was recorded (${atRecording.date} ${atRecording.time} in ${timeZone})`,
      },
    ];
  }
  return [];
}

/**
 * Normalise an entry whose shape is right and apply the rules no schema says, reporting every problem
 * with a JSON pointer. `asOf` (the server's now) refuses a recordedAt more than a day after it.
 */
export function normalizeDiaryEntry(shape: DiaryEntryShape, opts: { asOf?: Date } = {}): DiaryEntryValidation {
  const errors: ValidationIssue[] = [];
  const localDate = accepted(parseLocalDate(shape.localDate), 'localDate');
  const localTime = accepted(parseLocalTime(shape.localTime), 'localTime');
  // Stored in its canonical spelling, so one zone is written one way (and never as an offset).
  const timeZone = accepted(canonicalTimeZone(shape.timeZone), 'timeZone');
  const recordedAt = accepted(parseInstant(shape.recordedAt), 'recordedAt');
  if (opts.asOf) {
    const latest = opts.asOf.getTime() + DIARY_LIMITS.recordedAtAheadOfServerMinutes * 60_000;
    if (Date.parse(recordedAt) > latest) {
      errors.push({
        pointer: '/recordedAt',
        message: `cannot be in the future (more than ${DIARY_LIMITS.recordedAtAheadOfServerMinutes} minutes after the server's time, ${opts.asOf.toISOString()}); check the device's clock`,
      });
    }
  }

  const regions: EntryRegion[] = [];
  const firstPositions = new Map<string, number>();
  (shape.regions ?? []).forEach((r, i) => {
    const first = firstPositions.get(r.code);
    if (first !== undefined) {
      errors.push({ pointer: jsonPointer(['regions', i, 'code']), message: `region ${r.code} is already listed at position ${first}` });
      return;
    }
    firstPositions.set(r.code, i);
    regions.push({ code: r.code, intensity: r.intensity ?? null, qualities: inVocabularyOrder(PAIN_QUALITIES, r.qualities) });
  });

  const techniques: TechniqueUse[] = [];
  const seenTechniques = new Set<string>();
  (shape.techniques ?? []).forEach((t, i) => {
    const label = trimmedOrNull(t.label);
    // One's own techniques differ by name, whatever its case.
    const key = t.id === 'own' ? `own:${(label ?? '').toLowerCase()}` : t.id;
    if (seenTechniques.has(key)) {
      errors.push({ pointer: jsonPointer(['techniques', i]), message: 'this technique is already listed' });
      return;
    }
    seenTechniques.add(key);
    techniques.push({ id: t.id, label, helped: t.helped ?? null });
  });

  const provenance = { enteredBy: shape.provenance.enteredBy.trim(), mode: shape.provenance.mode, source: shape.provenance.source };
  errors.push(...wallClockProblems({ date: localDate, time: localTime, timeZone, recordedAt }, provenance.mode));
  if (errors.length > 0) return { ok: false, errors };

  const interference = shape.interference ?? {};
  return {
    ok: true,
    entry: {
      id: shape.id.toLowerCase(),
      localDate,
      localTime,
      timeZone,
      recordedAt,
      intensity: shape.intensity,
      worstSinceLast: shape.worstSinceLast ?? null,
      leastSinceLast: shape.leastSinceLast ?? null,
      regions,
      interference: {
        activity: interference.activity ?? null,
        sleep: interference.sleep ?? null,
        mood: interference.mood ?? null,
        stress: interference.stress ?? null,
      },
      sleep: { hours: shape.sleep?.hours ?? null, quality: shape.sleep?.quality ?? null },
      activity: { minutes: shape.activity?.minutes ?? null, meaningful: (shape.activity?.meaningful ?? []).map((t) => t.trim()) },
      mood: shape.mood ?? null,
      triggers: inVocabularyOrder(TRIGGERS, shape.triggers),
      ownTriggers: (shape.ownTriggers ?? []).map((t) => t.trim()),
      medicines: (shape.medicines ?? []).map(medicineTaken),
      techniques,
      notes: (shape.notes ?? '').trim(),
      provenance,
    },
  };
}
