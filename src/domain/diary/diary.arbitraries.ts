// fast-check arbitraries for diary tests (test support only; never imported by production code).
// Every generated entry is valid: it is produced as input and passed through validateDiaryEntry.

import fc from 'fast-check';
import { BODY_REGION_CODES } from './body-map.ts';
import {
  DOSE_UNITS,
  HELP_LEVELS,
  MEDICINE_REGIMENS,
  MOODS,
  PAIN_QUALITIES,
  SLEEP_QUALITIES,
  TECHNIQUES,
  TRIGGERS,
  ENTRY_SOURCES,
  validateDiaryEntry,
  type DiaryEntry,
} from './entry.ts';
import { toLocalDateTime, type TimeZone } from '../time/local-date.ts';

export const TEST_ZONES = ['America/New_York', 'Asia/Tokyo', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'] as const;

const nrs = fc.integer({ min: 0, max: 10 });
const optional = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
/** Trimmed, non-empty text with characters CSV and JSON must survive: quotes, commas, semicolons, newlines. */
export const freeText = (maxLength: number) =>
  fc
    .string({
      unit: fc.constantFrom('a', 'Z', ' ', ',', ';', '"', "'", '\n', '\r\n', '=', '+', '-', '@', '|', ':', 'é', '痛', '😀', '\t', '[', '{'),
      maxLength,
    })
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && s.length <= maxLength);

const uuid = fc.uuid({ version: 7 });
const time = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

/** An instant between 2025 and 2027, whole seconds or milliseconds. */
export const instant = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 0, 1) }).map((ms) => new Date(ms));

export interface EntryArbitraryOptions {
  zones?: readonly string[];
  instants?: fc.Arbitrary<Date>;
}

export function diaryEntryArbitrary(opts: EntryArbitraryOptions = {}): fc.Arbitrary<DiaryEntry> {
  const zones = opts.zones ?? TEST_ZONES;
  const region = fc.record({
    code: fc.constantFrom(...BODY_REGION_CODES),
    intensity: optional(nrs),
    qualities: fc.subarray([...PAIN_QUALITIES]),
  });
  const medicine = fc
    .record({
      name: freeText(40),
      dosed: fc.option(
        fc.tuple(
          fc.integer({ min: 1, max: 400_000 }).map((n) => n / 4),
          fc.constantFrom(...DOSE_UNITS),
        ),
        { nil: null },
      ),
      takenAt: optional(time),
      regimen: fc.constantFrom(...MEDICINE_REGIMENS),
      formularyId: optional(fc.constantFrom('oxycodone', 'paracetamol', 'gabapentin')),
      medicationOrderId: optional(uuid),
    })
    .map(({ dosed, ...m }) => ({ ...m, dose: dosed ? dosed[0] : null, unit: dosed ? dosed[1] : null }));
  const technique = fc.oneof(
    fc.record({
      id: fc.constantFrom(...TECHNIQUES.filter((t) => t !== 'own')),
      label: fc.constant(null),
      helped: optional(fc.constantFrom(...HELP_LEVELS)),
    }),
    fc.record({ id: fc.constant('own' as const), label: freeText(30), helped: optional(fc.constantFrom(...HELP_LEVELS)) }),
  );

  return fc
    .record({
      id: uuid,
      zone: fc.constantFrom(...zones),
      recordedAt: opts.instants ?? instant,
      recalledMinutesAgo: fc.option(fc.integer({ min: 0, max: 60 * 24 * 3 }), { nil: null }),
      intensity: nrs,
      worstDelta: optional(fc.integer({ min: 0, max: 10 })),
      leastDelta: optional(fc.integer({ min: 0, max: 10 })),
      regions: fc.uniqueArray(region, { selector: (r) => r.code, maxLength: 5 }),
      interference: fc.record({ activity: optional(nrs), sleep: optional(nrs), mood: optional(nrs), stress: optional(nrs) }),
      sleep: fc.record({
        hours: optional(fc.integer({ min: 0, max: 96 }).map((q) => q / 4)),
        quality: optional(fc.constantFrom(...SLEEP_QUALITIES)),
      }),
      activity: fc.record({ minutes: optional(fc.integer({ min: 0, max: 1440 })), meaningful: fc.array(freeText(30), { maxLength: 3 }) }),
      mood: optional(fc.constantFrom(...MOODS)),
      triggers: fc.subarray([...TRIGGERS], { maxLength: 4 }),
      ownTriggers: fc.array(freeText(30), { maxLength: 3 }),
      medicines: fc.array(medicine, { maxLength: 3 }),
      techniques: fc.uniqueArray(technique, { selector: (t) => (t.id === 'own' ? `own:${t.label.toLowerCase()}` : t.id), maxLength: 3 }),
      notes: fc.oneof(fc.constant(''), freeText(300)),
      enteredBy: fc.oneof(uuid, freeText(20)),
      source: fc.constantFrom(...ENTRY_SOURCES),
    })
    .map((g) => {
      const painAt = g.recalledMinutesAgo === null ? g.recordedAt : new Date(g.recordedAt.getTime() - g.recalledMinutesAgo * 60_000);
      const local = toLocalDateTime(painAt, g.zone as TimeZone);
      const input = {
        id: g.id,
        localDate: local.date,
        localTime: local.time,
        timeZone: g.zone,
        recordedAt: g.recordedAt.toISOString(),
        intensity: g.intensity,
        worstSinceLast: g.worstDelta === null ? null : Math.min(10, g.intensity + g.worstDelta),
        leastSinceLast: g.leastDelta === null ? null : Math.max(0, g.intensity - g.leastDelta),
        regions: g.regions,
        interference: g.interference,
        sleep: g.sleep,
        activity: g.activity,
        mood: g.mood,
        triggers: g.triggers,
        ownTriggers: g.ownTriggers,
        medicines: g.medicines,
        techniques: g.techniques,
        notes: g.notes,
        provenance: { enteredBy: g.enteredBy, mode: g.recalledMinutesAgo === null ? 'real-time' : 'recalled', source: g.source },
      };
      const result = validateDiaryEntry(input);
      if (!result.ok) throw new Error(`arbitrary produced an invalid entry: ${JSON.stringify(result.errors)}`);
      return result.entry;
    });
}
