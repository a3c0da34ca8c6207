import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseShape } from './diary-shape-parts.ts';
import type * as BlockDiaryShapeModule from './block-diary-shape.ts';

// Each rule of a block diary's shape, with its exact message and JSON pointer. The schemas are built once
// per module load, so every test loads the module anew: the schema it checks is then built inside the
// test (and mutation testing, which changes the code one test at a time, changes the schema it checks).
let shapes: typeof BlockDiaryShapeModule;
beforeEach(async () => {
  vi.resetModules();
  shapes = await import('./block-diary-shape.ts');
});

const base = {
  id: '01936b2e-7c1a-7d4e-8f00-0123456789ab',
  procedureLabel: 'L4 medial branch block',
  procedureAt: '2026-03-08T09:00:00Z',
  timeZone: 'Europe/Berlin',
  baselineIntensity: 7,
};
const OFFSET = 'must be whole minutes from 1 to 20160';
const OFFSETS = 'must be a list of 1 to 50 offsets in minutes';
const INSTANT = 'must be an ISO-8601 instant with a zone';
const PERCENT = 'must be a percentage from 0 to 100';
const LABEL = 'must be text of 1 to 200 characters';

const check = (input: unknown) => parseShape(shapes.blockDiarySchemas().blockDiary, input);
const errorsOf = (input: unknown) => {
  const r = check(input);
  return r.ok ? [] : r.errors;
};
const reading = (offsetMinutes: unknown, more: Record<string, unknown> = { intensity: 3 }) => ({ offsetMinutes, ...more });

describe('block diary shape', () => {
  it('takes the required fields alone, and the longest offset is 14 days in minutes', () => {
    expect(check(base)).toEqual({ ok: true, value: base });
    // UW Health asks for daily ratings for 2 weeks.
    expect(shapes.MAX_BLOCK_OFFSET_MINUTES).toBe(14 * 24 * 60);
    expect(shapes.MAX_BLOCK_OFFSET_MINUTES).toBe(20160);
  });

  it('takes every optional field at its limits', () => {
    const full = {
      ...base,
      procedureLabel: 'x'.repeat(200),
      offsetsMinutes: [1, 20160],
      readings: [
        { offsetMinutes: 1, intensity: 0, patientReportedReliefPct: 0, recordedAt: '2026-03-08T09:01:00+01:00' },
        { offsetMinutes: 20160, intensity: 10, patientReportedReliefPct: 100, recordedAt: null },
        { offsetMinutes: 30, intensity: null, patientReportedReliefPct: 62.5 },
        { offsetMinutes: 60, patientReportedReliefPct: 50 },
      ],
    };
    expect(check(full)).toEqual({ ok: true, value: full });
    expect(check({ ...base, offsetsMinutes: Array.from({ length: 50 }, (_, i) => i + 1) }).ok).toBe(true);
    expect(check({ ...base, readings: Array.from({ length: 50 }, (_, i) => reading(i + 1)) }).ok).toBe(true);
  });

  it('refuses a missing or wrong id, label, time, zone and baseline, each with its message', () => {
    expect(errorsOf({})).toEqual([
      { pointer: '/id', message: 'must be a UUID' },
      { pointer: '/procedureLabel', message: LABEL },
      { pointer: '/procedureAt', message: INSTANT },
      { pointer: '/timeZone', message: 'must be an IANA time zone name, e.g. Europe/Berlin (not an offset such as +01:00)' },
      { pointer: '/baselineIntensity', message: 'must be a whole number from 0 to 10' },
    ]);
    expect(
      errorsOf({
        ...base,
        id: 'not-a-uuid',
        procedureLabel: '   ',
        procedureAt: '2026-03-08T09:00:00',
        timeZone: '+01:00',
        baselineIntensity: 11,
      }),
    ).toEqual([
      { pointer: '/id', message: 'must be a UUID' },
      { pointer: '/procedureLabel', message: LABEL },
      { pointer: '/procedureAt', message: INSTANT },
      { pointer: '/timeZone', message: 'must be an IANA time zone name, e.g. Europe/Berlin (not an offset such as +01:00)' },
      { pointer: '/baselineIntensity', message: 'must be a whole number from 0 to 10' },
    ]);
  });

  it('refuses a label that is empty, too long or not text', () => {
    for (const procedureLabel of ['', 'x'.repeat(201), 5])
      expect(errorsOf({ ...base, procedureLabel })).toEqual([{ pointer: '/procedureLabel', message: LABEL }]);
  });

  it('refuses a date that does not exist and a zone it does not know', () => {
    expect(errorsOf({ ...base, procedureAt: '2026-02-30T09:00:00Z' })).toEqual([{ pointer: '/procedureAt', message: INSTANT }]);
    expect(errorsOf({ ...base, timeZone: 'Mars/Olympus' })).toHaveLength(1);
    expect(errorsOf({ ...base, id: '01936b2e-7c1a-7d4e-8f00-0123456789abc' })).toEqual([{ pointer: '/id', message: 'must be a UUID' }]);
  });

  it('refuses unknown fields at the top and in a reading', () => {
    expect(errorsOf({ ...base, extra: 1 })).toEqual([{ pointer: '/extra', message: 'is not a known field' }]);
    expect(errorsOf({ ...base, readings: [reading(30, { intensity: 2, extra: 1 })] })).toEqual([
      { pointer: '/readings/0/extra', message: 'is not a known field' },
    ]);
    expect(errorsOf('diary')).toEqual([{ pointer: '', message: 'must be an object' }]);
    expect(errorsOf({ ...base, readings: [5] })).toEqual([{ pointer: '/readings/0', message: 'must be an object' }]);
  });

  it('takes offsets of 1 to 20160 whole minutes and refuses one step outside', () => {
    for (const bad of [0, 20161, 1.5, -30, '30', null])
      expect(errorsOf({ ...base, offsetsMinutes: [15, bad] })).toEqual([{ pointer: '/offsetsMinutes/1', message: OFFSET }]);
    for (const bad of [0, 20161, 1.5])
      expect(errorsOf({ ...base, readings: [reading(bad)] })).toEqual([{ pointer: '/readings/0/offsetMinutes', message: OFFSET }]);
    expect(errorsOf({ ...base, readings: [{ intensity: 3 }] })).toEqual([{ pointer: '/readings/0/offsetMinutes', message: OFFSET }]);
  });

  it('asks for 1 to 50 offsets in a list', () => {
    for (const offsetsMinutes of [[], Array.from({ length: 51 }, (_, i) => i + 1), 'abc', 30])
      expect(errorsOf({ ...base, offsetsMinutes })).toEqual([{ pointer: '/offsetsMinutes', message: OFFSETS }]);
  });

  it('takes at most 50 readings, in a list', () => {
    expect(errorsOf({ ...base, readings: Array.from({ length: 51 }, (_, i) => reading(i + 1)) })).toEqual([
      { pointer: '/readings', message: 'must have at most 50 items' },
    ]);
    expect(errorsOf({ ...base, readings: 'abc' })).toEqual([{ pointer: '/readings', message: 'must be a list' }]);
  });

  it('takes a percent relief from 0 to 100 and refuses one step outside', () => {
    for (const pct of [-1, 100.5, 101, '50'])
      expect(errorsOf({ ...base, readings: [reading(30, { patientReportedReliefPct: pct })] })).toEqual([
        { pointer: '/readings/0/patientReportedReliefPct', message: PERCENT },
      ]);
  });

  it('takes a pain rating of 0 to 10 in a reading, and refuses 11', () => {
    expect(errorsOf({ ...base, readings: [reading(30, { intensity: 11, patientReportedReliefPct: 50 })] })).toEqual([
      { pointer: '/readings/0/intensity', message: 'must be a whole number from 0 to 10' },
    ]);
  });

  it('takes a recorded time that is an instant with a zone, or null', () => {
    for (const recordedAt of ['2026-03-08T09:30:00', 'yesterday', 5, `2026-03-08T09:30:00.${'1'.repeat(30)}Z`])
      expect(errorsOf({ ...base, readings: [reading(30, { intensity: 2, recordedAt })] })).toEqual([
        { pointer: '/readings/0/recordedAt', message: INSTANT },
      ]);
  });

  it('a reading needs a pain rating, a percent relief or both', () => {
    const NEEDS = 'needs a pain rating, a percent relief, or both';
    for (const r of [{ offsetMinutes: 30 }, { offsetMinutes: 30, intensity: null, patientReportedReliefPct: null }])
      expect(errorsOf({ ...base, readings: [r] })).toEqual([{ pointer: '/readings/0', message: NEEDS }]);
    expect(check({ ...base, readings: [reading(30, { intensity: 0 })] }).ok).toBe(true);
    expect(check({ ...base, readings: [reading(30, { patientReportedReliefPct: 0 })] }).ok).toBe(true);
    // A wrong rating is reported as wrong, not also as missing.
    expect(errorsOf({ ...base, readings: [reading(30, { intensity: 'high' })] })).toEqual([
      { pointer: '/readings/0/intensity', message: 'must be a whole number from 0 to 10' },
    ]);
    expect(errorsOf({ ...base, readings: [reading(30, { patientReportedReliefPct: 120 })] })).toEqual([
      { pointer: '/readings/0/patientReportedReliefPct', message: PERCENT },
    ]);
    // Problems elsewhere in the reading do not hide it.
    expect(errorsOf({ ...base, readings: [{ offsetMinutes: 0 }] })).toEqual([
      { pointer: '/readings/0', message: NEEDS },
      { pointer: '/readings/0/offsetMinutes', message: OFFSET },
    ]);
    expect(errorsOf({ ...base, readings: [{ offsetMinutes: 'soon' }] })).toEqual([
      { pointer: '/readings/0', message: NEEDS },
      { pointer: '/readings/0/offsetMinutes', message: OFFSET },
    ]);
    expect(errorsOf({ ...base, readings: [{ offsetMinutes: 30, extra: 1 }] })).toEqual([
      { pointer: '/readings/0', message: NEEDS },
      { pointer: '/readings/0/extra', message: 'is not a known field' },
    ]);
  });

  it('refuses a second reading at an offset a well-formed reading took, at the later one', () => {
    const TAKEN = 'a reading at this offset is already recorded';
    expect(errorsOf({ ...base, readings: [reading(30), reading(60), reading(30), reading(30)] })).toEqual([
      { pointer: '/readings/2/offsetMinutes', message: TAKEN },
      { pointer: '/readings/3/offsetMinutes', message: TAKEN },
    ]);
    // A malformed reading takes no offset: the well-formed one after it is not a repeat.
    expect(errorsOf({ ...base, readings: [reading(30, { intensity: 11 }), reading(30)] })).toEqual([
      { pointer: '/readings/0/intensity', message: 'must be a whole number from 0 to 10' },
    ]);
    // A malformed reading at a taken offset is reported for both, in the reading's field order.
    expect(errorsOf({ ...base, readings: [reading(30), reading(30, { intensity: 11 })] })).toEqual([
      { pointer: '/readings/1/offsetMinutes', message: TAKEN },
      { pointer: '/readings/1/intensity', message: 'must be a whole number from 0 to 10' },
    ]);
    // Something that is not a reading does not stop the others being compared.
    expect(errorsOf({ ...base, readings: [null, reading(30), reading(30)] })).toEqual([
      { pointer: '/readings/0', message: 'must be an object' },
      { pointer: '/readings/2/offsetMinutes', message: TAKEN },
    ]);
    // Something that is not a reading, or a reading with a wrong offset, is compared with nothing.
    expect(errorsOf({ ...base, readings: [null, reading(30), reading(0), reading(0)] })).toEqual([
      { pointer: '/readings/0', message: 'must be an object' },
      { pointer: '/readings/2/offsetMinutes', message: OFFSET },
      { pointer: '/readings/3/offsetMinutes', message: OFFSET },
    ]);
  });

  it('builds the schemas once per load and gives the body the same fields as the diary without its id', () => {
    const first = shapes.blockDiarySchemas();
    expect(shapes.blockDiarySchemas()).toBe(first);
    expect(Object.keys(first.bodyFields)).toEqual([
      'procedureLabel',
      'procedureAt',
      'timeZone',
      'baselineIntensity',
      'offsetsMinutes',
      'readings',
    ]);
  });
});
