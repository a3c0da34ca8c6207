import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BODY_REGION_CODES } from './body-map.ts';
import { parseShape } from './diary-shape-parts.ts';
import { DOSE_UNITS, HELP_LEVELS, MOODS, PAIN_QUALITIES, SLEEP_QUALITIES, TECHNIQUES, TRIGGERS } from './entry-vocabulary.ts';
import type * as DiaryEntryShapeModule from './diary-entry-shape.ts';

// Each rule of a diary entry's shape, with its exact message and JSON pointer. The schemas are built once
// per module load, so every test loads the module anew and the schema it checks is built inside the test.
let shapes: typeof DiaryEntryShapeModule;
beforeEach(async () => {
  vi.resetModules();
  shapes = await import('./diary-entry-shape.ts');
});

const base = {
  id: '01936b2e-7c1a-7d4e-8f00-0123456789ab',
  localDate: '2026-03-08',
  localTime: '15:05',
  timeZone: 'Europe/Berlin',
  recordedAt: '2026-03-08T14:05:00Z',
  intensity: 6,
  provenance: { enteredBy: 'user-1', mode: 'real-time', source: 'self' },
};
const NRS = 'must be a whole number from 0 to 10';
const SLEEP = 'must be hours from 0 to 24 in quarter hours (e.g. 6.75)';
const MINUTES = 'must be whole minutes from 0 to 1440';
const TIME = 'must be a time HH:MM (24-hour)';
const DOSE = 'must be a positive amount';
const oneOf = (values: readonly string[]) => `must be one of: ${values.join(', ')}`;

const check = (input: unknown) => parseShape(shapes.diaryEntrySchemas().entry, input);
const errorsOf = (input: unknown) => {
  const r = check(input);
  return r.ok ? [] : r.errors;
};
const medicine = (more: Record<string, unknown> = {}) => ({ name: 'ibuprofen', regimen: 'as-needed', ...more });

describe('diary entry shape', () => {
  it('takes the required fields alone', () => {
    expect(check(base)).toEqual({ ok: true, value: base });
  });

  it('takes every optional field at its limits', () => {
    const full = {
      ...base,
      intensity: 0,
      worstSinceLast: 0,
      leastSinceLast: 0,
      regions: [{ code: BODY_REGION_CODES[0], intensity: 10, qualities: [...PAIN_QUALITIES] }],
      interference: { activity: 0, sleep: 10, mood: null, stress: 5 },
      sleep: { hours: 24, quality: SLEEP_QUALITIES[0] },
      activity: { minutes: 1440, meaningful: ['gardening'] },
      mood: MOODS[0],
      triggers: [...TRIGGERS],
      ownTriggers: Array.from({ length: 20 }, () => 'x'.repeat(200)),
      medicines: [
        medicine({
          dose: 1_000_000,
          unit: DOSE_UNITS[0],
          takenAt: '23:59',
          formularyId: 'f'.repeat(100),
          medicationOrderId: '01936b2e-7c1a-7d4e-8f00-0123456789ab',
        }),
        medicine({ dose: null, unit: null, takenAt: null, formularyId: null, medicationOrderId: null, regimen: 'scheduled' }),
      ],
      techniques: [
        { id: 'own', label: 'walk', helped: HELP_LEVELS[0] },
        { id: 'heat', label: '  ' },
        { id: 'cold', label: null, helped: null },
      ],
      notes: 'n'.repeat(10_000),
    };
    expect(check(full)).toEqual({ ok: true, value: full });
    expect(check({ ...base, sleep: { hours: 0 }, activity: { minutes: 0 } }).ok).toBe(true);
    expect(check({ ...base, sleep: { hours: 6.75 } }).ok).toBe(true);
    expect(check({ ...base, localDate: '2024-02-29', localTime: '00:00' }).ok).toBe(true);
    expect(check({ ...base, medicines: [medicine({ dose: 0.001, unit: 'mg' })] }).ok).toBe(true);
  });

  it('says which required fields are missing, each in its words and in field order', () => {
    expect(errorsOf({})).toEqual([
      { pointer: '/id', message: 'must be a UUID' },
      { pointer: '/localDate', message: 'must be a calendar date YYYY-MM-DD' },
      { pointer: '/localTime', message: TIME },
      { pointer: '/timeZone', message: 'must be an IANA time zone name, e.g. Europe/Berlin (not an offset such as +01:00)' },
      { pointer: '/recordedAt', message: 'must be an ISO-8601 instant with a zone, e.g. 2026-03-08T14:05:00Z' },
      { pointer: '/intensity', message: 'is required (a whole number from 0 to 10)' },
      { pointer: '/provenance', message: 'is required (enteredBy, mode, source)' },
    ]);
    expect(errorsOf(null)).toEqual([{ pointer: '', message: 'must be an object' }]);
  });

  it('refuses a date or time that does not exist and a zone that is an offset', () => {
    expect(
      errorsOf({
        ...base,
        localDate: '2026-02-29',
        localTime: '24:00',
        timeZone: '+01:00',
        recordedAt: '2026-03-08T14:05:00',
        intensity: 11,
      }),
    ).toEqual([
      { pointer: '/localDate', message: 'must be a calendar date YYYY-MM-DD' },
      { pointer: '/localTime', message: TIME },
      { pointer: '/timeZone', message: 'must be an IANA time zone name, e.g. Europe/Berlin (not an offset such as +01:00)' },
      { pointer: '/recordedAt', message: 'must be an ISO-8601 instant with a zone, e.g. 2026-03-08T14:05:00Z' },
      { pointer: '/intensity', message: NRS },
    ]);
    expect(errorsOf({ ...base, localDate: '2026-3-8' })).toEqual([
      { pointer: '/localDate', message: 'must be a calendar date YYYY-MM-DD' },
    ]);
    expect(errorsOf({ ...base, localTime: '7:05' })).toEqual([{ pointer: '/localTime', message: TIME }]);
  });

  it('checks the provenance: who entered it, how and by whom', () => {
    expect(errorsOf({ ...base, provenance: {} })).toEqual([
      { pointer: '/provenance/enteredBy', message: 'is required' },
      { pointer: '/provenance/mode', message: 'is required (one of: real-time, recalled)' },
      { pointer: '/provenance/source', message: 'is required (one of: self, caregiver, clinician, device)' },
    ]);
    expect(errorsOf({ ...base, provenance: { enteredBy: 'u'.repeat(101), mode: 'live', source: 'robot' } })).toEqual([
      { pointer: '/provenance/enteredBy', message: 'must be at most 100 characters' },
      { pointer: '/provenance/mode', message: 'must be one of: real-time, recalled' },
      { pointer: '/provenance/source', message: 'must be one of: self, caregiver, clinician, device' },
    ]);
    expect(errorsOf({ ...base, provenance: { ...base.provenance, enteredBy: 'u'.repeat(100) } })).toEqual([]);
  });

  it('checks a body region: its code, rating and qualities', () => {
    expect(errorsOf({ ...base, regions: [{ code: 'tail', intensity: 11, qualities: ['itchy'] }, 'head'] })).toEqual([
      { pointer: '/regions/0/code', message: 'must be a body-map region code' },
      { pointer: '/regions/0/intensity', message: NRS },
      { pointer: '/regions/0/qualities/0', message: oneOf(PAIN_QUALITIES) },
      { pointer: '/regions/1', message: 'must be an object with a region code' },
    ]);
    expect(errorsOf({ ...base, regions: [{}] })).toEqual([{ pointer: '/regions/0/code', message: 'must be a body-map region code' }]);
    expect(
      errorsOf({ ...base, regions: Array.from({ length: BODY_REGION_CODES.length + 1 }, () => ({ code: BODY_REGION_CODES[0] })) }),
    ).toEqual([{ pointer: '/regions', message: `must have at most ${BODY_REGION_CODES.length} items` }]);
  });

  it('checks interference ratings and refuses other fields in it', () => {
    expect(errorsOf({ ...base, interference: { activity: 11, sleep: -1, mood: 2.5, stress: '3', work: 1 } })).toEqual([
      { pointer: '/interference/activity', message: NRS },
      { pointer: '/interference/sleep', message: NRS },
      { pointer: '/interference/mood', message: NRS },
      { pointer: '/interference/stress', message: NRS },
      { pointer: '/interference/work', message: 'is not a known field' },
    ]);
    expect(errorsOf({ ...base, interference: 5 })).toEqual([{ pointer: '/interference', message: 'must be an object' }]);
  });

  it('takes sleep of 0 to 24 hours in quarter hours, with a quality from the list', () => {
    for (const hours of [-0.25, 24.25, 6.1, '6'])
      expect(errorsOf({ ...base, sleep: { hours } })).toEqual([{ pointer: '/sleep/hours', message: SLEEP }]);
    expect(errorsOf({ ...base, sleep: { quality: 'great' } })).toEqual([{ pointer: '/sleep/quality', message: oneOf(SLEEP_QUALITIES) }]);
    expect(errorsOf({ ...base, sleep: [] })).toEqual([{ pointer: '/sleep', message: 'must be an object' }]);
  });

  it('takes 0 to 1440 whole minutes of activity and up to 20 meaningful activities', () => {
    for (const minutes of [-1, 1441, 1.5, '30'])
      expect(errorsOf({ ...base, activity: { minutes } })).toEqual([{ pointer: '/activity/minutes', message: MINUTES }]);
    expect(errorsOf({ ...base, activity: { meaningful: ['', 'x'.repeat(201)] } })).toEqual([
      { pointer: '/activity/meaningful/0', message: 'must not be empty' },
      { pointer: '/activity/meaningful/1', message: 'must be at most 200 characters' },
    ]);
    expect(errorsOf({ ...base, activity: { meaningful: Array.from({ length: 21 }, () => 'a') } })).toEqual([
      { pointer: '/activity/meaningful', message: 'must have at most 20 items' },
    ]);
    expect(errorsOf({ ...base, activity: 'walk' })).toEqual([{ pointer: '/activity', message: 'must be an object' }]);
  });

  it('takes mood, triggers and own triggers from their lists and limits', () => {
    expect(errorsOf({ ...base, mood: 'elated', triggers: ['moon'], ownTriggers: ['  '] })).toEqual([
      { pointer: '/mood', message: oneOf(MOODS) },
      { pointer: '/triggers/0', message: oneOf(TRIGGERS) },
      { pointer: '/ownTriggers/0', message: 'must not be empty' },
    ]);
    expect(errorsOf({ ...base, ownTriggers: Array.from({ length: 21 }, () => 'a') })).toEqual([
      { pointer: '/ownTriggers', message: 'must have at most 20 items' },
    ]);
    expect(check({ ...base, mood: null }).ok).toBe(true);
  });

  it('checks a medicine: name, positive dose up to the limit, unit, time, regimen, ids', () => {
    expect(
      errorsOf({
        ...base,
        medicines: [
          { dose: 0, unit: 'spoon', takenAt: '25:00', formularyId: 'f'.repeat(101), medicationOrderId: 'abc', extra: 1 },
          'aspirin',
        ],
      }),
    ).toEqual([
      { pointer: '/medicines/0/name', message: 'is required' },
      { pointer: '/medicines/0/dose', message: DOSE },
      { pointer: '/medicines/0/unit', message: oneOf(DOSE_UNITS) },
      { pointer: '/medicines/0/takenAt', message: TIME },
      { pointer: '/medicines/0/regimen', message: 'is required (one of: scheduled, as-needed)' },
      { pointer: '/medicines/0/formularyId', message: 'must be at most 100 characters' },
      { pointer: '/medicines/0/medicationOrderId', message: 'must be a UUID' },
      { pointer: '/medicines/0/extra', message: 'is not a known field' },
      { pointer: '/medicines/1', message: 'must be an object with a medicine name' },
    ]);
    for (const dose of [-1, 1_000_001, '5'])
      expect(errorsOf({ ...base, medicines: [medicine({ dose, unit: 'mg' })] })).toEqual([{ pointer: '/medicines/0/dose', message: DOSE }]);
    expect(errorsOf({ ...base, medicines: [medicine({ regimen: 'daily' })] })).toEqual([
      { pointer: '/medicines/0/regimen', message: 'must be one of: scheduled, as-needed' },
    ]);
    expect(errorsOf({ ...base, medicines: Array.from({ length: 51 }, () => medicine()) })).toEqual([
      { pointer: '/medicines', message: 'must have at most 50 items' },
    ]);
  });

  it('a dose and its unit go together, reported at the one missing', () => {
    const TOGETHER = 'dose and unit go together: give both or neither';
    expect(errorsOf({ ...base, medicines: [medicine({ dose: 400 })] })).toEqual([{ pointer: '/medicines/0/unit', message: TOGETHER }]);
    expect(errorsOf({ ...base, medicines: [medicine({ dose: 400, unit: null })] })).toEqual([
      { pointer: '/medicines/0/unit', message: TOGETHER },
    ]);
    expect(errorsOf({ ...base, medicines: [medicine({ unit: 'mg' })] })).toEqual([{ pointer: '/medicines/0/dose', message: TOGETHER }]);
    expect(errorsOf({ ...base, medicines: [medicine({ dose: null, unit: 'mg' })] })).toEqual([
      { pointer: '/medicines/0/dose', message: TOGETHER },
    ]);
    // A wrong dose or unit is reported as wrong, not also as unpaired; other problems do not hide the rule.
    expect(errorsOf({ ...base, medicines: [medicine({ dose: -1 })] })).toEqual([{ pointer: '/medicines/0/dose', message: DOSE }]);
    expect(errorsOf({ ...base, medicines: [medicine({ unit: 'spoon' })] })).toEqual([
      { pointer: '/medicines/0/unit', message: oneOf(DOSE_UNITS) },
    ]);
    expect(errorsOf({ ...base, medicines: [medicine({ dose: 5, unit: 'spoon' })] })).toEqual([
      { pointer: '/medicines/0/unit', message: oneOf(DOSE_UNITS) },
    ]);
    expect(errorsOf({ ...base, medicines: [medicine({ name: '', dose: 5 })] })).toEqual([
      { pointer: '/medicines/0/name', message: 'must not be empty' },
      { pointer: '/medicines/0/unit', message: TOGETHER },
    ]);
  });

  it('a label names one’s own technique, and only that one', () => {
    const techniqueIds = oneOf(TECHNIQUES);
    expect(errorsOf({ ...base, techniques: [{ id: 'own' }, { id: 'own', label: '  ' }, { id: 'heat', label: 'warm bath' }] })).toEqual([
      { pointer: '/techniques/0/label', message: "is required for the person's own technique" },
      { pointer: '/techniques/1/label', message: "is required for the person's own technique" },
      { pointer: '/techniques/2/label', message: "is only for the person's own technique (id 'own')" },
    ]);
    expect(errorsOf({ ...base, techniques: [{}, { id: 'yoga-x' }, { id: 'heat', helped: 'hugely' }, 7] })).toEqual([
      { pointer: '/techniques/0/id', message: `is required (one of: ${TECHNIQUES.join(', ')})` },
      { pointer: '/techniques/1/id', message: techniqueIds },
      { pointer: '/techniques/2/helped', message: oneOf(HELP_LEVELS) },
      { pointer: '/techniques/3', message: 'must be an object with a technique id' },
    ]);
    // The rule needs a known id; it still runs when another field of the technique is wrong.
    expect(errorsOf({ ...base, techniques: [{ id: 'yoga-x', label: 'walk' }] })).toEqual([
      { pointer: '/techniques/0/id', message: techniqueIds },
    ]);
    expect(errorsOf({ ...base, techniques: [{ id: 'own', helped: 5 }] })).toEqual([
      { pointer: '/techniques/0/label', message: "is required for the person's own technique" },
      { pointer: '/techniques/0/helped', message: oneOf(HELP_LEVELS) },
    ]);
    expect(errorsOf({ ...base, techniques: [{ id: 'own', extra: 5 }] })).toEqual([
      { pointer: '/techniques/0/label', message: "is required for the person's own technique" },
      { pointer: '/techniques/0/extra', message: 'is not a known field' },
    ]);
    // A label of the wrong type is reported as such, not also as missing.
    expect(errorsOf({ ...base, techniques: [{ id: 'own', label: 5 }] })).toEqual([
      { pointer: '/techniques/0/label', message: 'must be text' },
    ]);
    expect(errorsOf({ ...base, techniques: [{ id: 'own', label: 'x'.repeat(201) }] })).toEqual([
      { pointer: '/techniques/0/label', message: 'must be at most 200 characters' },
    ]);
    expect(errorsOf({ ...base, techniques: Array.from({ length: 31 }, () => ({ id: 'heat' })) })).toEqual([
      { pointer: '/techniques', message: 'must have at most 30 items' },
    ]);
  });

  it('takes notes up to 10000 characters of text', () => {
    expect(errorsOf({ ...base, notes: 'n'.repeat(10_001) })).toEqual([{ pointer: '/notes', message: 'must be at most 10000 characters' }]);
    expect(errorsOf({ ...base, notes: 3 })).toEqual([{ pointer: '/notes', message: 'must be text' }]);
  });

  it('the worst pain since the last entry is not below the pain now, the least not above', () => {
    expect(check({ ...base, intensity: 6, worstSinceLast: 6, leastSinceLast: 6 }).ok).toBe(true);
    expect(check({ ...base, intensity: 6, worstSinceLast: 10, leastSinceLast: 0 }).ok).toBe(true);
    expect(errorsOf({ ...base, intensity: 6, worstSinceLast: 5, leastSinceLast: 7 })).toEqual([
      { pointer: '/worstSinceLast', message: 'the worst pain since the last entry cannot be lower than the pain now' },
      { pointer: '/leastSinceLast', message: 'the least pain since the last entry cannot be higher than the pain now' },
    ]);
    // A rating out of range is reported once, as out of range.
    expect(errorsOf({ ...base, intensity: 6, worstSinceLast: -1, leastSinceLast: 11 })).toEqual([
      { pointer: '/worstSinceLast', message: NRS },
      { pointer: '/leastSinceLast', message: NRS },
    ]);
    // Without a pain now there is nothing to compare with.
    expect(errorsOf({ ...base, intensity: 11, worstSinceLast: 0, leastSinceLast: 10 })).toEqual([{ pointer: '/intensity', message: NRS }]);
    // Problems elsewhere do not hide the rule.
    expect(errorsOf({ ...base, notes: 3, worstSinceLast: 5 })).toEqual([
      { pointer: '/worstSinceLast', message: 'the worst pain since the last entry cannot be lower than the pain now' },
      { pointer: '/notes', message: 'must be text' },
    ]);
  });

  it('gives the contract the pain-range rule and the body fields without id and provenance', () => {
    const schemas = shapes.diaryEntrySchemas();
    expect(shapes.diaryEntrySchemas()).toBe(schemas);
    expect(Object.keys(schemas.bodyFields)).not.toContain('id');
    expect(Object.keys(schemas.bodyFields)).not.toContain('provenance');
    expect(Object.keys(schemas.bodyFields)).toEqual(Object.keys(schemas.entry.shape).filter((k) => k !== 'id' && k !== 'provenance'));
    expect(schemas.painRangeCheck).toBeDefined();
  });
});
