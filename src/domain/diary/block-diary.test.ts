import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_BLOCK_OFFSETS_MINUTES,
  computeBlockRelief,
  reliefPercent,
  scheduleReadings,
  validateBlockDiary,
  type BlockDiaryReading,
} from './block-diary.ts';
import { BLOCK_DIARY_GOLDEN } from './block-diary.golden.ts';

describe('block-diary golden cases (worked by hand, UW Health HF 5656, https://patient.uwhealth.org/healthfacts/5656; Interv Pain Med 2022, https://doi.org/10.1016/j.inpm.2022.100083)', () => {
  for (const g of BLOCK_DIARY_GOLDEN) {
    it(g.name, () => {
      const result = computeBlockRelief(g.input);
      expect(result.nrs).toEqual(g.expected.nrs);
      expect(result.patientReported).toEqual(g.expected.patientReported);
    });
  }

  it('stores the NRS-derived relief beside the patient-reported one for every reading', () => {
    const result = computeBlockRelief({
      baselineIntensity: 8,
      readings: [{ offsetMinutes: 30, intensity: 2, patientReportedReliefPct: 90, recordedAt: null }],
    });
    expect(result.readings).toEqual([{ offsetMinutes: 30, intensity: 2, reliefPct: 75, patientReportedReliefPct: 90 }]);
  });
});

describe('reliefPercent', () => {
  it('is (baseline − reading) / baseline × 100, and null at baseline 0', () => {
    expect(reliefPercent(8, 2)).toBe(75);
    expect(reliefPercent(5, 1)).toBe(80);
    expect(reliefPercent(0, 0)).toBeNull();
  });
});

describe('scheduleReadings', () => {
  it('defaults to 15 min, 30 min, 1 h, 2 h, 4 h, 6 h, 8 h after the procedure', () => {
    expect(DEFAULT_BLOCK_OFFSETS_MINUTES).toEqual([15, 30, 60, 120, 240, 360, 480]);
    expect(scheduleReadings('2026-03-09T14:00:00Z').map((s) => s.dueAt)).toEqual([
      '2026-03-09T14:15:00.000Z',
      '2026-03-09T14:30:00.000Z',
      '2026-03-09T15:00:00.000Z',
      '2026-03-09T16:00:00.000Z',
      '2026-03-09T18:00:00.000Z',
      '2026-03-09T20:00:00.000Z',
      '2026-03-09T22:00:00.000Z',
    ]);
  });
  it('takes a configurable schedule, across a DST change by elapsed time', () => {
    // New York springs forward at 2026-03-08T07:00Z; reminders are elapsed minutes, not wall-clock hours.
    expect(scheduleReadings(new Date('2026-03-08T06:30:00Z'), [60, 30])).toEqual([
      { offsetMinutes: 30, dueAt: '2026-03-08T07:00:00.000Z' },
      { offsetMinutes: 60, dueAt: '2026-03-08T07:30:00.000Z' },
    ]);
    expect(() => scheduleReadings('not a time')).toThrow(RangeError);
  });
});

describe('validateBlockDiary', () => {
  const base = {
    id: '01936b2e-7c1a-7d4e-8f00-0123456789ab',
    procedureLabel: 'L4–L5 medial branch block, right',
    procedureAt: '2026-03-09T14:00:00Z',
    timeZone: 'America/New_York',
    baselineIntensity: 7,
  };
  it('normalises: default schedule, readings sorted', () => {
    const r = validateBlockDiary({
      ...base,
      readings: [
        { offsetMinutes: 60, intensity: 1 },
        { offsetMinutes: 15, patientReportedReliefPct: 40 },
      ],
    });
    expect(r.ok && r.diary).toEqual({
      ...base,
      procedureAt: '2026-03-09T14:00:00.000Z',
      offsetsMinutes: [15, 30, 60, 120, 240, 360, 480],
      readings: [
        { offsetMinutes: 15, intensity: null, patientReportedReliefPct: 40, recordedAt: null },
        { offsetMinutes: 60, intensity: 1, patientReportedReliefPct: null, recordedAt: null },
      ],
    });
  });
  it('stores the canonical spelling of an IANA zone and refuses offsets', () => {
    const r = validateBlockDiary({ ...base, timeZone: 'america/new_york' });
    expect(r.ok && r.diary.timeZone).toBe('America/New_York');
    for (const timeZone of ['+01:00', '-23:59']) {
      const bad = validateBlockDiary({ ...base, timeZone });
      expect(bad.ok ? [] : bad.errors.map((e) => e.pointer)).toEqual(['/timeZone']);
    }
  });
  it('reports problems with JSON pointers', () => {
    const r = validateBlockDiary({
      ...base,
      baselineIntensity: 12,
      offsetsMinutes: [0, 30],
      readings: [
        { offsetMinutes: 30, intensity: 3 },
        { offsetMinutes: 30, intensity: 2 },
        { offsetMinutes: 45 },
        { offsetMinutes: 60, patientReportedReliefPct: 120 },
      ],
    });
    expect(r.ok ? [] : r.errors.map((e) => e.pointer)).toEqual([
      '/baselineIntensity',
      '/offsetsMinutes/0',
      '/readings/1/offsetMinutes',
      '/readings/2',
      '/readings/3/patientReportedReliefPct',
    ]);
  });
  it('refuses a procedure so late that a reading would fall after the year 9999 (its due time could not be written)', () => {
    const late = validateBlockDiary({ ...base, procedureAt: '9999-12-31T20:00:00Z' });
    expect(late.ok ? [] : late.errors.map((e) => e.pointer)).toEqual(['/procedureAt']);
    // The last default reading is at 8 h: 15:59:59.999 still fits.
    expect(validateBlockDiary({ ...base, procedureAt: '9999-12-31T15:59:59.999Z' }).ok).toBe(true);
    expect(validateBlockDiary({ ...base, procedureAt: '9999-12-31T16:00:00Z' }).ok).toBe(false);
  });
});

describe('properties', () => {
  const reading = fc.record({
    offsetMinutes: fc.integer({ min: 1, max: 2000 }),
    intensity: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
    patientReportedReliefPct: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
    recordedAt: fc.constant(null),
  });
  const readings = fc.uniqueArray(reading, { selector: (r) => r.offsetMinutes, maxLength: 12 });

  it('relief never exceeds 100 %, the ≥ 80 % run lies within a ≥ 50 % run, and bounds are ordered', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), readings, (baseline, rs) => {
        const res = computeBlockRelief({ baselineIntensity: baseline, readings: rs });
        if (res.nrs.kind !== 'computed') throw new Error('baseline > 0 must be computable');
        for (const x of res.readings) if (x.reliefPct !== null) expect(x.reliefPct).toBeLessThanOrEqual(100);
        for (const a of [res.nrs, res.patientReported]) {
          for (const run of [a.atLeast50, a.atLeast80]) {
            if (!run) continue;
            expect(run.observedMinutes).toBeGreaterThanOrEqual(0);
            if (run.boundedMinutes !== null) expect(run.boundedMinutes).toBeGreaterThan(run.observedMinutes);
            expect(run.ongoingAtLastReading).toBe(run.untilMinutes === null);
          }
          if (a.atLeast80) {
            expect(a.atLeast50).not.toBeNull();
            expect(a.atLeast50!.observedMinutes).toBeGreaterThanOrEqual(a.atLeast80.observedMinutes);
            expect(a.peakReliefPct!).toBeGreaterThanOrEqual(80);
          }
        }
      }),
    );
  });

  it('the order readings are given in does not matter', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 }),
        readings.chain((rs) => fc.shuffledSubarray(rs, { minLength: rs.length, maxLength: rs.length }).map((s) => [rs, s] as const)),
        (baseline, [rs, shuffled]) => {
          expect(computeBlockRelief({ baselineIntensity: baseline, readings: shuffled as BlockDiaryReading[] })).toEqual(
            computeBlockRelief({ baselineIntensity: baseline, readings: rs as BlockDiaryReading[] }),
          );
        },
      ),
    );
  });
});
