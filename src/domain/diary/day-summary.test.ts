import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  accumulateDay,
  accumulateDays,
  applyToSummary,
  datesAffectedBy,
  summarizeAccumulator,
  summarizeDay,
  type DaySummaryAccumulator,
} from './day-summary.ts';
import type { DiaryEntry } from './entry.ts';
import { testEntry } from './entry.fixtures.ts';
import { diaryEntryArbitrary } from './diary.arbitraries.ts';
import type { LocalDate } from '../time/local-date.ts';

const entry = (overrides: Record<string, unknown>): DiaryEntry => testEntry(overrides);

describe('summarizeDay', () => {
  it('computes exact means, max and region counts', () => {
    const a = entry({
      intensity: 4,
      worstSinceLast: 7,
      interference: { sleep: 6, mood: 3 },
      sleep: { hours: 5.5, quality: 'poor' },
      activity: { minutes: 20 },
      regions: [{ code: 'knee-left', intensity: 6, qualities: ['aching'] }],
      medicines: [{ name: 'Ibuprofen', dose: 400, unit: 'mg', regimen: 'as-needed' }],
      triggers: ['poor-sleep'],
    });
    const b = entry({
      localTime: '15:10',
      intensity: 7,
      interference: { sleep: 4 },
      activity: { minutes: 15 },
      regions: [
        { code: 'knee-left', intensity: 8, qualities: ['aching', 'burning'] },
        { code: 'hip-left', qualities: [] },
      ],
      medicines: [
        { name: 'Paracetamol', regimen: 'scheduled' },
        { name: 'Ibuprofen', regimen: 'as-needed' },
      ],
    });
    const c = entry({ localTime: '15:00', intensity: 2, sleep: { hours: 7 } });
    const s = summarizeDay([a, b, c])!;
    expect(s).toMatchObject({
      localDate: '2026-03-08',
      entryCount: 3,
      meanIntensity: 13 / 3,
      maxIntensity: 7,
      minIntensity: 2,
      worstSinceLast: { count: 1, mean: 7, min: 7, max: 7 },
      sleepHours: 6.25,
      activityMinutes: 35,
      sleepQuality: { poor: 1 },
      medicinesTaken: 3,
      medicinesScheduled: 1,
      medicinesAsNeeded: 2,
      regions: [
        { code: 'knee-left', entries: 2, meanIntensity: 7, maxIntensity: 8 },
        { code: 'hip-left', entries: 1, meanIntensity: null, maxIntensity: null },
      ],
      qualities: { burning: 1, aching: 2 },
      triggers: { 'poor-sleep': 1 },
    });
    expect(s.interference.sleep).toEqual({ count: 2, mean: 5, min: 4, max: 6 });
    expect(s.interference.mood).toEqual({ count: 1, mean: 3, min: 3, max: 3 });
    expect(s.interference.stress).toEqual({ count: 0, mean: null, min: null, max: null });
  });

  it('is undefined for no entries and refuses entries of different days', () => {
    expect(summarizeDay([])).toBeUndefined();
    const other = entry({ localDate: '2026-03-07', localTime: '10:00', provenance: { enteredBy: 'u', mode: 'recalled', source: 'self' } });
    expect(() => summarizeDay([entry({}), other])).toThrow();
  });

  it('serialises the stored accumulator as plain JSON (one row per patient and local date)', () => {
    const acc = accumulateDay([entry({ regions: [{ code: 'neck-front', intensity: 3, qualities: [] }] })])!;
    expect(JSON.parse(JSON.stringify(acc))).toEqual(acc);
    expect(acc.regions).toEqual({ 'neck-front': { entries: 1, intensity: [0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0] } });
  });
});

describe('day bucketing uses the local date, never the UTC day', () => {
  it('an entry made in New York then one made in Tokyo keep their own local dates', () => {
    // 30 minutes apart in UTC, but on different local dates.
    const ny = entry({
      timeZone: 'America/New_York',
      recordedAt: '2026-03-08T04:30:00Z',
      localDate: '2026-03-07',
      localTime: '23:30',
      intensity: 3,
    });
    const tokyo = entry({
      timeZone: 'Asia/Tokyo',
      recordedAt: '2026-03-08T05:00:00Z',
      localDate: '2026-03-08',
      localTime: '14:00',
      intensity: 8,
    });
    const days = accumulateDays([tokyo, ny]);
    expect([...days.keys()]).toEqual(['2026-03-07', '2026-03-08']);
    expect(summarizeAccumulator(days.get('2026-03-07' as LocalDate)!).meanIntensity).toBe(3);
    expect(summarizeAccumulator(days.get('2026-03-08' as LocalDate)!).meanIntensity).toBe(8);
  });

  it('a 23-hour DST day holds all its entries (America/New_York, 2026-03-08)', () => {
    const nyEntry = (recordedAt: string, localDate: string, localTime: string, intensity: number) =>
      entry({ timeZone: 'America/New_York', recordedAt, localDate, localTime, intensity });
    const early = nyEntry('2026-03-08T05:10:00Z', '2026-03-08', '00:10', 2); // EST
    const late = nyEntry('2026-03-09T03:50:00Z', '2026-03-08', '23:50', 6); // EDT, UTC day is 03-09
    const next = nyEntry('2026-03-09T04:10:00Z', '2026-03-09', '00:10', 9);
    const days = accumulateDays([early, late, next]);
    expect(days.get('2026-03-08' as LocalDate)!.entryCount).toBe(2);
    expect(days.get('2026-03-09' as LocalDate)!.entryCount).toBe(1);
  });

  it('a 25-hour DST day holds all its entries (Europe/Berlin, 2026-10-25)', () => {
    const be = (recordedAt: string, localDate: string, localTime: string) =>
      entry({ timeZone: 'Europe/Berlin', recordedAt, localDate, localTime });
    const first = be('2026-10-24T22:05:00Z', '2026-10-25', '00:05'); // CEST (UTC+2), UTC day is 10-24
    const repeatedHourA = be('2026-10-25T00:30:00Z', '2026-10-25', '02:30'); // 02:30 CEST
    const repeatedHourB = be('2026-10-25T01:30:00Z', '2026-10-25', '02:30'); // 02:30 CET, an hour later
    const last = be('2026-10-25T22:55:00Z', '2026-10-25', '23:55'); // CET (UTC+1)
    const days = accumulateDays([first, repeatedHourA, repeatedHourB, last]);
    expect([...days.keys()]).toEqual(['2026-10-25']);
    expect(days.get('2026-10-25' as LocalDate)!.entryCount).toBe(4);
  });
});

describe('applyToSummary (incremental)', () => {
  it('handles insert, edit and delete, and drops the row when the day is empty', () => {
    const a = entry({ intensity: 4 });
    const a2 = { ...a, intensity: 6 };
    let s = applyToSummary(undefined, { after: a });
    expect(summarizeAccumulator(s!).meanIntensity).toBe(4);
    s = applyToSummary(s, { before: a, after: a2 });
    expect(summarizeAccumulator(s!).meanIntensity).toBe(6);
    expect(applyToSummary(s, { before: a2 })).toBeUndefined();
  });

  it('an edit that moves an entry to another day touches both rows', () => {
    const a = entry({});
    const moved = { ...a, localDate: '2026-03-07' as LocalDate, provenance: { ...a.provenance, mode: 'recalled' as const } };
    const change = { before: a, after: moved };
    expect(datesAffectedBy(change)).toEqual(['2026-03-08', '2026-03-07']);
    const day8 = applyToSummary(accumulateDay([a]), change, '2026-03-08' as LocalDate);
    const day7 = applyToSummary(undefined, change, '2026-03-07' as LocalDate);
    expect(day8).toBeUndefined();
    expect(day7).toEqual(accumulateDay([moved]));
  });

  it('refuses to remove what the stored summary does not contain (drift), and does not mutate its input', () => {
    const a = entry({ intensity: 4 });
    const b = entry({ intensity: 9, regions: [{ code: 'foot-left', qualities: [] }] });
    const s = accumulateDay([a])!;
    const copy = structuredClone(s);
    expect(() => applyToSummary(s, { before: b })).toThrow(/does not match/);
    applyToSummary(s, { after: b });
    expect(s).toEqual(copy);
    // Removing and adding an entry with a region, qualities, triggers, sleep and medicines leaves the stored summary as it was.
    const c = entry({
      intensity: 7,
      regions: [{ code: 'foot-left', intensity: 6, qualities: ['burning'] }],
      triggers: ['weather-change'],
      sleep: { hours: 6, quality: 'poor' },
      interference: { activity: 3, sleep: 4, mood: 2, stress: 5 },
      medicines: [{ name: 'Ibuprofen', dose: 400, unit: 'mg', takenAt: '08:00', regimen: 'scheduled' }],
    });
    const full = accumulateDay([a, c])!;
    const fullCopy = structuredClone(full);
    expect(applyToSummary(full, { before: c })).toEqual(s);
    applyToSummary(full, { after: c });
    applyToSummary(full, { before: c, after: { ...c, intensity: 2, regions: [{ code: 'foot-left', intensity: 1, qualities: [] }] } });
    expect(full).toEqual(fullCopy);
  });
});

type Op = { kind: 'insert'; entry: DiaryEntry } | { kind: 'edit'; pick: number; entry: DiaryEntry } | { kind: 'delete'; pick: number };

describe('properties', () => {
  // Instants within three days so that many entries share a local date.
  const entries = diaryEntryArbitrary({
    zones: ['America/New_York', 'Asia/Tokyo', 'Europe/Berlin'],
    instants: fc.integer({ min: Date.UTC(2026, 2, 7), max: Date.UTC(2026, 2, 10) }).map((ms) => new Date(ms)),
  });
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ kind: fc.constant('insert' as const), entry: entries }),
    fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), entry: entries }),
    fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  );

  it('any sequence of inserts, edits and deletes gives the same summaries as a full recomputation', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const stored = new Map<string, DiaryEntry>();
        const rows = new Map<LocalDate, DaySummaryAccumulator>();
        const write = (before: DiaryEntry | undefined, after: DiaryEntry | undefined) => {
          const change = { before, after };
          for (const date of datesAffectedBy(change)) {
            const next = applyToSummary(rows.get(date), change, date);
            if (next) rows.set(date, next);
            else rows.delete(date);
          }
        };
        for (const o of ops) {
          const ids = [...stored.keys()];
          if (o.kind === 'insert') {
            if (stored.has(o.entry.id)) continue;
            stored.set(o.entry.id, o.entry);
            write(undefined, o.entry);
          } else if (ids.length > 0) {
            const id = ids[o.pick % ids.length]!;
            const before = stored.get(id)!;
            if (o.kind === 'edit') {
              const after = { ...o.entry, id };
              stored.set(id, after);
              write(before, after);
            } else {
              stored.delete(id);
              write(before, undefined);
            }
          }
        }
        const full = accumulateDays([...stored.values()]);
        expect(new Map([...rows].sort(([x], [y]) => (x < y ? -1 : 1)))).toEqual(full);
        expect(JSON.stringify([...rows].sort(([x], [y]) => (x < y ? -1 : 1)))).toBe(JSON.stringify([...full]));
        for (const acc of rows.values())
          expect(summarizeAccumulator(acc)).toEqual(summarizeDay([...stored.values()].filter((e) => e.localDate === acc.localDate)));
      }),
      { numRuns: 150 },
    );
  });

  it('reordering entries leaves every summary unchanged', () => {
    fc.assert(
      fc.property(
        fc
          .array(entries, { maxLength: 20 })
          .chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }))),
        ([list, shuffled]) => {
          expect(accumulateDays(shuffled)).toEqual(accumulateDays(list));
          expect(JSON.stringify([...accumulateDays(shuffled)])).toBe(JSON.stringify([...accumulateDays(list)]));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('summary values stay in range: means within min and max, all within 0–10', () => {
    fc.assert(
      fc.property(fc.array(entries, { minLength: 1, maxLength: 15 }), (list) => {
        for (const acc of accumulateDays(list).values()) {
          const s = summarizeAccumulator(acc);
          expect(s.meanIntensity).toBeGreaterThanOrEqual(s.minIntensity);
          expect(s.meanIntensity).toBeLessThanOrEqual(s.maxIntensity);
          expect(s.maxIntensity).toBeLessThanOrEqual(10);
          expect(s.entryCount).toBe(list.filter((e) => e.localDate === s.localDate).length);
        }
      }),
      { numRuns: 100 },
    );
  });
});
