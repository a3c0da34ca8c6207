import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseShape } from './diary-shape-parts.ts';
import { DIARY_LIMITS, TECHNIQUES, TRIGGERS } from './entry-vocabulary.ts';
import type * as FlareShapeModule from './flare-shape.ts';

// Each rule of a flare's shape, with its exact message and JSON pointer. The schemas are built once per
// module load, so every test loads the module anew and the schema it checks is built inside the test.
let shapes: typeof FlareShapeModule;
beforeEach(async () => {
  vi.resetModules();
  shapes = await import('./flare-shape.ts');
});

const base = {
  id: '01936b2e-7c1a-7d4e-8f00-0123456789ab',
  startedAt: '2026-03-07T22:00:00Z',
  timeZone: 'America/New_York',
};
const ZONE = 'must be an IANA time zone name, e.g. Europe/Berlin (not an offset such as +01:00)';
const START = 'must be an ISO-8601 instant with a zone';
const END = 'must be an ISO-8601 instant with a zone, or empty while the flare goes on';
const WORDS = 'must be text of 1 to 200 characters';
const WORD_LIST = 'must be a list of at most 20 items';
const NOTES = 'must be text of at most 10000 characters';

const check = (input: unknown) => parseShape(shapes.flareSchemas().flare, input);
const errorsOf = (input: unknown) => {
  const r = check(input);
  return r.ok ? [] : r.errors;
};

describe('flare shape', () => {
  it('takes the required fields alone', () => {
    expect(check(base)).toEqual({ ok: true, value: base });
  });

  it('takes every optional field at its limits', () => {
    const helped = TECHNIQUES.filter((t) => t !== 'own');
    const full = {
      ...base,
      endedAt: '2026-03-09T10:30:00-05:00',
      peakIntensity: 10,
      suspectedTriggers: [...TRIGGERS],
      ownTriggers: Array.from({ length: 20 }, () => 'x'.repeat(200)),
      helpedTechniques: helped,
      helpedText: [' a '],
      notes: 'n'.repeat(10_000),
    };
    expect(DIARY_LIMITS.shortText).toBe(200);
    expect(DIARY_LIMITS.notesLength).toBe(10_000);
    expect(check(full)).toEqual({ ok: true, value: full });
    expect(check({ ...base, endedAt: null, peakIntensity: null, notes: '' }).ok).toBe(true);
    expect(check({ ...base, peakIntensity: 0 }).ok).toBe(true);
  });

  it('refuses missing required fields, each with its message', () => {
    expect(errorsOf({})).toEqual([
      { pointer: '/id', message: 'must be a UUID' },
      { pointer: '/startedAt', message: START },
      { pointer: '/timeZone', message: ZONE },
    ]);
    expect(errorsOf([])).toEqual([{ pointer: '', message: 'must be an object' }]);
    expect(errorsOf({ ...base, cause: 'x' })).toEqual([{ pointer: '/cause', message: 'is not a known field' }]);
  });

  it('refuses times that are not instants with a zone, and a zone that is an offset', () => {
    expect(errorsOf({ ...base, startedAt: '2026-03-07T22:00:00', endedAt: '2026-03-07', timeZone: '-05:00' })).toEqual([
      { pointer: '/startedAt', message: START },
      { pointer: '/endedAt', message: END },
      { pointer: '/timeZone', message: ZONE },
    ]);
    expect(errorsOf({ ...base, timeZone: 'Not/AZone' })).toEqual([{ pointer: '/timeZone', message: ZONE }]);
    expect(errorsOf({ ...base, id: 'abc' })).toEqual([{ pointer: '/id', message: 'must be a UUID' }]);
  });

  it('refuses a peak out of 0 to 10', () => {
    for (const peakIntensity of [-1, 11, 2.5])
      expect(errorsOf({ ...base, peakIntensity })).toEqual([{ pointer: '/peakIntensity', message: 'must be a whole number from 0 to 10' }]);
  });

  it('takes triggers and helped techniques from the vocabulary, not one’s own technique', () => {
    expect(errorsOf({ ...base, suspectedTriggers: ['moon'] })).toEqual([
      { pointer: '/suspectedTriggers/0', message: `must be one of: ${TRIGGERS.join(', ')}` },
    ]);
    const helped = TECHNIQUES.filter((t) => t !== 'own');
    expect(errorsOf({ ...base, helpedTechniques: ['heat', 'own'] })).toEqual([
      { pointer: '/helpedTechniques/1', message: `must be one of: ${helped.join(', ')}` },
    ]);
    expect(errorsOf({ ...base, suspectedTriggers: [...TRIGGERS, TRIGGERS[0]] })).toEqual([
      { pointer: '/suspectedTriggers', message: `must have at most ${TRIGGERS.length} items` },
    ]);
    expect(errorsOf({ ...base, helpedTechniques: [...helped, 'heat'] })).toEqual([
      { pointer: '/helpedTechniques', message: `must have at most ${helped.length} items` },
    ]);
  });

  it('takes up to 20 own words of 1 to 200 characters, in either list', () => {
    for (const field of ['ownTriggers', 'helpedText']) {
      for (const word of ['', '  ', 'x'.repeat(201), 3])
        expect(errorsOf({ ...base, [field]: ['ok', word] })).toEqual([{ pointer: `/${field}/1`, message: WORDS }]);
      expect(errorsOf({ ...base, [field]: Array.from({ length: 21 }, () => 'w') })).toEqual([{ pointer: `/${field}`, message: WORD_LIST }]);
      expect(errorsOf({ ...base, [field]: 'w' })).toEqual([{ pointer: `/${field}`, message: WORD_LIST }]);
    }
  });

  it('takes notes up to 10000 characters', () => {
    expect(errorsOf({ ...base, notes: 'n'.repeat(10_001) })).toEqual([{ pointer: '/notes', message: NOTES }]);
    expect(errorsOf({ ...base, notes: null })).toEqual([{ pointer: '/notes', message: NOTES }]);
  });

  it('refuses an end before the start, even by a minute across zones, and takes an end at the start', () => {
    const BEFORE = 'a flare cannot end before it starts';
    expect(errorsOf({ ...base, endedAt: '2026-03-07T21:59:00Z' })).toEqual([{ pointer: '/endedAt', message: BEFORE }]);
    // 16:59 in New York (UTC−5) is 21:59 UTC; 23:00 in Berlin (UTC+1) is 22:00 UTC.
    expect(errorsOf({ ...base, endedAt: '2026-03-07T16:59:00-05:00' })).toEqual([{ pointer: '/endedAt', message: BEFORE }]);
    expect(check({ ...base, endedAt: '2026-03-07T23:00:00+01:00' }).ok).toBe(true);
    expect(check({ ...base, endedAt: '2026-03-07T22:00:00.001Z' }).ok).toBe(true);
    expect(check({ ...base, endedAt: null }).ok).toBe(true);
  });

  it('checks the order only when both times parsed, and beside other problems', () => {
    const BEFORE = 'a flare cannot end before it starts';
    expect(errorsOf({ ...base, startedAt: 'soon', endedAt: '2026-03-07T21:59:00Z' })).toEqual([{ pointer: '/startedAt', message: START }]);
    expect(errorsOf({ ...base, endedAt: '2026-03-07T21:59' })).toEqual([{ pointer: '/endedAt', message: END }]);
    expect(errorsOf({ ...base, endedAt: '2026-03-07T21:59:00Z', peakIntensity: 11 })).toEqual([
      { pointer: '/endedAt', message: BEFORE },
      { pointer: '/peakIntensity', message: 'must be a whole number from 0 to 10' },
    ]);
    expect(errorsOf({ ...base, id: 1, endedAt: '2026-03-07T21:59:00Z' })).toEqual([
      { pointer: '/id', message: 'must be a UUID' },
      { pointer: '/endedAt', message: BEFORE },
    ]);
  });

  it('gives the contract the end-before-start rule and the body fields without the id', () => {
    const schemas = shapes.flareSchemas();
    expect(shapes.flareSchemas()).toBe(schemas);
    expect(Object.keys(schemas.bodyFields)).toEqual([
      'startedAt',
      'endedAt',
      'timeZone',
      'peakIntensity',
      'suspectedTriggers',
      'ownTriggers',
      'helpedTechniques',
      'helpedText',
      'notes',
    ]);
    expect(schemas.endNotBeforeStartCheck).toBeDefined();
  });
});
