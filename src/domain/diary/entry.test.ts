import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { carryForward, dvprsDescriptor, validateDiaryEntry, type DiaryEntry } from './entry.ts';
import { diaryEntryArbitrary } from './diary.arbitraries.ts';
import { toLocalDateTime, type TimeZone } from '../time/local-date.ts';

const ID = '01936b2e-7c1a-7d4e-8f00-0123456789ab';

/** A minimal valid real-time entry recorded 2026-03-08T14:05Z in Berlin (15:05 CET). */
function input(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: ID,
    localDate: '2026-03-08',
    localTime: '15:05',
    timeZone: 'Europe/Berlin',
    recordedAt: '2026-03-08T14:05:00Z',
    intensity: 6,
    provenance: { enteredBy: 'user-1', mode: 'real-time', source: 'self' },
    ...overrides,
  };
}

function ok(value: unknown): DiaryEntry {
  const r = validateDiaryEntry(value);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.entry;
}

function pointers(value: unknown): string[] {
  const r = validateDiaryEntry(value);
  return r.ok ? [] : r.errors.map((e) => e.pointer);
}

describe('dvprsDescriptor (DVPRS 2.0, Buckenmaier 2013, Pain Med 14:110, https://doi.org/10.1111/j.1526-4637.2012.01516.x)', () => {
  it('gives a descriptor and colour band for every value 0–10', () => {
    expect(dvprsDescriptor(0)).toMatchObject({ value: 0, band: 'none', text: 'No pain' });
    expect(dvprsDescriptor(1).band).toBe('mild');
    expect(dvprsDescriptor(4).band).toBe('mild');
    expect(dvprsDescriptor(5).band).toBe('moderate');
    expect(dvprsDescriptor(6).band).toBe('moderate');
    expect(dvprsDescriptor(7).band).toBe('severe');
    expect(dvprsDescriptor(10)).toMatchObject({ band: 'severe', text: 'As bad as it could be, nothing else matters' });
    for (let n = 0; n <= 10; n++) expect(dvprsDescriptor(n).text.length).toBeGreaterThan(0);
  });
  it('rejects values outside the scale (programmer error)', () => {
    expect(() => dvprsDescriptor(11)).toThrow(RangeError);
    expect(() => dvprsDescriptor(2.5)).toThrow(RangeError);
    expect(() => dvprsDescriptor(-1)).toThrow(RangeError);
  });
});

describe('validateDiaryEntry', () => {
  it('normalises a minimal entry: absent optional fields become null or empty', () => {
    expect(ok(input())).toEqual({
      id: ID,
      localDate: '2026-03-08',
      localTime: '15:05',
      timeZone: 'Europe/Berlin',
      recordedAt: '2026-03-08T14:05:00.000Z',
      intensity: 6,
      worstSinceLast: null,
      leastSinceLast: null,
      regions: [],
      interference: { activity: null, sleep: null, mood: null, stress: null },
      sleep: { hours: null, quality: null },
      activity: { minutes: null, meaningful: [] },
      mood: null,
      triggers: [],
      ownTriggers: [],
      medicines: [],
      techniques: [],
      notes: '',
      provenance: { enteredBy: 'user-1', mode: 'real-time', source: 'self' },
    });
  });

  it('normalises id case, instant form, text whitespace and id-list order', () => {
    const e = ok(
      input({
        id: ID.toUpperCase(),
        recordedAt: '2026-03-08T15:05:00+01:00',
        regions: [{ code: 'knee-left', intensity: 5, qualities: ['stabbing', 'burning', 'burning'] }],
        triggers: ['stress', 'poor-sleep', 'stress'],
        ownTriggers: ['  long drive  '],
        notes: '  slept badly\n',
      }),
    );
    expect(e.id).toBe(ID);
    expect(e.recordedAt).toBe('2026-03-08T14:05:00.000Z');
    expect(e.regions[0]!.qualities).toEqual(['burning', 'stabbing']);
    expect(e.triggers).toEqual(['poor-sleep', 'stress']);
    expect(e.ownTriggers).toEqual(['long drive']);
    expect(e.notes).toBe('slept badly');
  });

  it('reports every problem with a JSON pointer', () => {
    const bad = input({
      id: 'nope',
      intensity: 11,
      regions: [{ code: 'knee-left', intensity: 12, qualities: ['sharp'] }, { code: 'elbow-middle' }],
      interference: { sleep: -1 },
      medicines: [{ name: '', regimen: 'sometimes', dose: 5 }],
      notes: 'x'.repeat(10_001),
    });
    expect(validateDiaryEntry(bad).ok).toBe(false);
    expect(pointers(bad)).toEqual([
      '/id',
      '/intensity',
      '/regions/0/intensity',
      '/regions/0/qualities/0',
      '/regions/1/code',
      '/interference/sleep',
      '/medicines/0/name',
      '/medicines/0/unit',
      '/medicines/0/regimen',
      '/notes',
    ]);
  });

  it('accepts notes of exactly 10,000 characters and rejects 10,001', () => {
    expect(validateDiaryEntry(input({ notes: 'x'.repeat(10_000) })).ok).toBe(true);
    expect(pointers(input({ notes: 'x'.repeat(10_001) }))).toEqual(['/notes']);
  });

  it('rejects a region listed twice', () => {
    expect(pointers(input({ regions: [{ code: 'hip-left' }, { code: 'knee-left' }, { code: 'hip-left', intensity: 3 }] }))).toEqual([
      '/regions/2/code',
    ]);
  });

  it('keeps least ≤ now ≤ worst since the last entry', () => {
    expect(validateDiaryEntry(input({ intensity: 6, worstSinceLast: 8, leastSinceLast: 2 })).ok).toBe(true);
    expect(validateDiaryEntry(input({ intensity: 6, worstSinceLast: 6, leastSinceLast: 6 })).ok).toBe(true);
    expect(pointers(input({ intensity: 6, worstSinceLast: 5, leastSinceLast: 7 }))).toEqual(['/worstSinceLast', '/leastSinceLast']);
  });

  it('requires dose and unit together, and a label only for own techniques', () => {
    expect(pointers(input({ medicines: [{ name: 'Ibuprofen', dose: 400, regimen: 'as-needed' }] }))).toEqual(['/medicines/0/unit']);
    expect(pointers(input({ medicines: [{ name: 'Ibuprofen', unit: 'mg', regimen: 'as-needed' }] }))).toEqual(['/medicines/0/dose']);
    expect(
      ok(input({ medicines: [{ name: 'Ibuprofen', dose: 400, unit: 'mg', regimen: 'as-needed', takenAt: '14:00' }] })).medicines,
    ).toEqual([
      { name: 'Ibuprofen', dose: 400, unit: 'mg', takenAt: '14:00', regimen: 'as-needed', formularyId: null, medicationOrderId: null },
    ]);
    expect(pointers(input({ techniques: [{ id: 'own' }, { id: 'heat', label: 'hot bath' }] }))).toEqual([
      '/techniques/0/label',
      '/techniques/1/label',
    ]);
    expect(pointers(input({ techniques: [{ id: 'heat', helped: 'a-lot' }, { id: 'heat' }] }))).toEqual(['/techniques/1']);
  });

  it('takes sleep in quarter hours and activity in whole minutes', () => {
    expect(ok(input({ sleep: { hours: 6.75, quality: 'poor' } })).sleep).toEqual({ hours: 6.75, quality: 'poor' });
    expect(pointers(input({ sleep: { hours: 6.8 } }))).toEqual(['/sleep/hours']);
    expect(pointers(input({ sleep: { hours: 25 } }))).toEqual(['/sleep/hours']);
    expect(pointers(input({ activity: { minutes: 30.5 } }))).toEqual(['/activity/minutes']);
  });

  it('rejects non-objects, unknown zones and impossible dates', () => {
    expect(validateDiaryEntry(null)).toEqual({ ok: false, errors: [{ pointer: '', message: 'must be an object' }] });
    expect(pointers(input({ timeZone: 'Mars/Olympus' }))).toEqual(['/timeZone']);
    expect(pointers(input({ localDate: '2026-02-30' }))).toEqual(['/localDate']);
    expect(pointers(input({ localTime: '24:00' }))).toEqual(['/localTime']);
    expect(pointers(input({ recordedAt: '2026-03-08 14:05' }))).toEqual(['/recordedAt']);
  });
});

describe('validateDiaryEntry — text no store keeps', () => {
  it('refuses NUL and unpaired surrogates wherever they are (a CSV row reaches here unchecked)', () => {
    expect(pointers(input({ ownTriggers: ['ok', 'cold\u0000'] }))).toEqual(['/ownTriggers/1']);
    expect(pointers(input({ notes: 'half a pair \ud83d' }))).toEqual(['/notes']);
    expect(pointers(input({ medicines: [{ name: 'Ibu\u0000profen', regimen: 'as-needed' }] }))).toEqual(['/medicines/0/name']);
    expect(ok(input({ notes: 'a whole pair 🙂' })).notes).toBe('a whole pair 🙂');
  });
});

describe('validateDiaryEntry — time zones', () => {
  it('stores the canonical spelling of an IANA zone', () => {
    expect(ok(input({ timeZone: 'europe/berlin' })).timeZone).toBe('Europe/Berlin');
    expect(ok(input({ timeZone: 'EUROPE/BERLIN' })).timeZone).toBe('Europe/Berlin');
    // UTC and Etc/… zones keep working (14:05Z is 14:05 there; Etc/GMT-1 is UTC+1, POSIX signs).
    expect(ok(input({ timeZone: 'UTC', localTime: '14:05' })).timeZone).toBe('UTC');
    expect(ok(input({ timeZone: 'Etc/UTC', localTime: '14:05' })).timeZone).toBe('UTC');
    expect(ok(input({ timeZone: 'Etc/GMT-1' })).timeZone).toBe('Etc/GMT-1');
  });
  it('refuses offsets, which are not zones (and "-23:59" would export as a formula-like CSV cell)', () => {
    for (const timeZone of ['+01:00', '-23:59', '+0100', '+01']) {
      const r = validateDiaryEntry(input({ timeZone }));
      expect(r.ok ? [] : r.errors, timeZone).toEqual([
        { pointer: '/timeZone', message: expect.stringMatching(/IANA time zone name.*not an offset/) },
      ]);
    }
  });
});

describe('local date and time against the instant of recording', () => {
  it('a real-time entry must match recordedAt read in its own zone', () => {
    // 14:05Z is 15:05 in Berlin but 10:05 in New York (EDT: clocks went forward at 07:00Z that day; EST would say 09:05).
    expect(pointers(input({ timeZone: 'America/New_York' }))).toEqual(['/localTime']);
    expect(validateDiaryEntry(input({ timeZone: 'America/New_York', localTime: '09:05' })).ok).toBe(false);
    expect(validateDiaryEntry(input({ timeZone: 'America/New_York', localTime: '10:05' })).ok).toBe(true);
    expect(validateDiaryEntry(input({ localTime: '15:20' })).ok).toBe(true); // within ±15 min
    expect(validateDiaryEntry(input({ localTime: '15:21' })).ok).toBe(false);
  });

  it('a recalled entry may be earlier, even days earlier, but not later than when it was recorded', () => {
    const recalled = { enteredBy: 'user-1', mode: 'recalled', source: 'self' };
    expect(validateDiaryEntry(input({ localDate: '2026-03-06', localTime: '22:00', provenance: recalled })).ok).toBe(true);
    expect(pointers(input({ localDate: '2026-03-09', localTime: '08:00', provenance: recalled }))).toEqual(['/localTime']);
  });

  it('a recalled entry may be the minute it was recorded, not a minute later', () => {
    const recalled = { enteredBy: 'user-1', mode: 'recalled', source: 'self' };
    // Recorded at 14:05:00Z and at 14:05:59Z, which are 15:05 in Berlin.
    expect(validateDiaryEntry(input({ localTime: '15:05', provenance: recalled })).ok).toBe(true);
    expect(validateDiaryEntry(input({ localTime: '15:05', recordedAt: '2026-03-08T14:05:59Z', provenance: recalled })).ok).toBe(true);
    expect(pointers(input({ localTime: '15:06', recordedAt: '2026-03-08T14:05:59Z', provenance: recalled }))).toEqual(['/localTime']);
    expect(pointers(input({ localTime: '15:20', provenance: recalled }))).toEqual(['/localTime']);
  });

  it("with the server's time given, refuses a recordedAt more than a day after it", () => {
    const asOf = new Date('2026-03-07T14:05:00Z');
    expect(validateDiaryEntry(input({ localTime: '15:05', recordedAt: '2026-03-08T14:05:00Z' }), { asOf }).ok).toBe(true);
    const ahead = validateDiaryEntry(input({ localTime: '15:05', recordedAt: '2026-03-08T14:05:01Z' }), { asOf });
    expect(ahead.ok ? [] : ahead.errors).toEqual([
      {
        pointer: '/recordedAt',
        message: expect.stringMatching(
          /^cannot be in the future \(more than 1440 minutes after the server's time, 2026-03-07T14:05:00.000Z\)/,
        ),
      },
    ]);
    // The year 9999, recorded then: consistent with itself, refused against the server's clock.
    const farFuture = input({ localDate: '9999-12-31', localTime: '12:00', timeZone: 'UTC', recordedAt: '9999-12-31T12:00:00Z' });
    expect(validateDiaryEntry(farFuture).ok).toBe(true);
    expect(pointers(farFuture)).toEqual([]);
    const refused = validateDiaryEntry(farFuture, { asOf });
    expect(refused.ok ? [] : refused.errors.map((e) => e.pointer)).toEqual(['/recordedAt']);
    // A recalled entry dated 9999 but recorded now is after its recording.
    const later = validateDiaryEntry(
      input({ localDate: '9999-12-31', localTime: '12:00', provenance: { enteredBy: 'user-1', mode: 'recalled', source: 'self' } }),
      { asOf: new Date('2026-03-08T14:05:00Z') },
    );
    expect(later.ok ? [] : later.errors.map((e) => e.pointer)).toEqual(['/localTime']);
  });

  it('an entry in New York then one in Tokyo keep their own local dates', () => {
    const ny = ok(input({ timeZone: 'America/New_York', recordedAt: '2026-03-08T04:30:00Z', localDate: '2026-03-07', localTime: '23:30' }));
    const tokyo = ok(input({ timeZone: 'Asia/Tokyo', recordedAt: '2026-03-08T05:00:00Z', localDate: '2026-03-08', localTime: '14:00' }));
    expect([ny.localDate, tokyo.localDate]).toEqual(['2026-03-07', '2026-03-08']);
    // The same instant stated with the other zone's wall clock is refused.
    expect(
      validateDiaryEntry(input({ timeZone: 'Asia/Tokyo', recordedAt: '2026-03-08T04:30:00Z', localDate: '2026-03-07', localTime: '23:30' }))
        .ok,
    ).toBe(false);
  });

  it('accepts the local wall clock on both sides of a DST change (America/New_York, 2026-03-08)', () => {
    // 06:30Z = 01:30 EST; 07:30Z = 03:30 EDT (02:00–03:00 does not exist that night).
    expect(validateDiaryEntry(input({ timeZone: 'America/New_York', recordedAt: '2026-03-08T06:30:00Z', localTime: '01:30' })).ok).toBe(
      true,
    );
    expect(validateDiaryEntry(input({ timeZone: 'America/New_York', recordedAt: '2026-03-08T07:30:00Z', localTime: '03:30' })).ok).toBe(
      true,
    );
  });

  it('refuses a wall clock the zone skipped when clocks went forward, saying why (recalled and real-time)', () => {
    const recalled = { enteredBy: 'user-1', mode: 'recalled', source: 'self' };
    const errors = (overrides: Record<string, unknown>) => {
      const r = validateDiaryEntry(input(overrides));
      return r.ok ? [] : r.errors;
    };
    expect(errors({ localDate: '2026-03-29', localTime: '02:30', recordedAt: '2026-03-30T10:00:00Z', provenance: recalled })).toEqual([
      { pointer: '/localTime', message: '02:30 did not exist on 2026-03-29 in Europe/Berlin: clocks went forward' },
    ]);
    expect(
      errors({
        localDate: '2026-03-08',
        localTime: '02:30',
        timeZone: 'America/New_York',
        recordedAt: '2026-03-09T10:00:00Z',
        provenance: recalled,
      }),
    ).toEqual([{ pointer: '/localTime', message: '02:30 did not exist on 2026-03-08 in America/New_York: clocks went forward' }]);
    expect(
      errors({
        localDate: '2011-12-30',
        localTime: '12:00',
        timeZone: 'Pacific/Apia',
        recordedAt: '2012-01-02T00:00:00Z',
        provenance: recalled,
      }),
    ).toEqual([{ pointer: '/localDate', message: '2011-12-30 did not exist in Pacific/Apia: clocks went forward over the whole day' }]);
    // Real time: 01:00Z is 03:00 CEST, within 15 minutes of a stated 02:55 — which no clock in Berlin showed.
    expect(errors({ localDate: '2026-03-29', localTime: '02:55', recordedAt: '2026-03-29T01:00:00Z' })).toEqual([
      { pointer: '/localTime', message: '02:55 did not exist on 2026-03-29 in Europe/Berlin: clocks went forward' },
    ]);
    // Either side of the gap, and the repeated hour in autumn, are fine.
    expect(validateDiaryEntry(input({ localDate: '2026-03-29', localTime: '01:59', recordedAt: '2026-03-29T00:59:00Z' })).ok).toBe(true);
    expect(validateDiaryEntry(input({ localDate: '2026-03-29', localTime: '03:00', recordedAt: '2026-03-29T01:00:00Z' })).ok).toBe(true);
    expect(validateDiaryEntry(input({ localDate: '2026-10-25', localTime: '02:30', recordedAt: '2026-10-25T00:30:00Z' })).ok).toBe(true);
  });

  it('property: any generated entry re-validates to itself (validation is idempotent)', () => {
    fc.assert(
      fc.property(diaryEntryArbitrary(), (entry) => {
        expect(ok(entry)).toEqual(entry);
        expect(toLocalDateTime(new Date(entry.recordedAt), entry.timeZone as TimeZone).date.length).toBe(10);
      }),
      { numRuns: 200 },
    );
  });
});

describe('carryForward', () => {
  const previous = ok(
    input({
      intensity: 7,
      regions: [
        { code: 'lower-back-left', intensity: 7, qualities: ['aching'] },
        { code: 'thigh-left', qualities: ['burning', 'tingling'] },
      ],
      medicines: [{ name: 'Paracetamol', dose: 1000, unit: 'mg', regimen: 'scheduled', takenAt: '08:00', formularyId: 'paracetamol' }],
      notes: 'bad morning',
      triggers: ['poor-sleep'],
    }),
  );

  it('pre-fills regions, qualities and medicines, not notes or times', () => {
    expect(carryForward(previous)).toEqual({
      regions: [
        { code: 'lower-back-left', intensity: 7, qualities: ['aching'] },
        { code: 'thigh-left', intensity: null, qualities: ['burning', 'tingling'] },
      ],
      medicines: [
        {
          name: 'Paracetamol',
          dose: 1000,
          unit: 'mg',
          takenAt: null,
          regimen: 'scheduled',
          formularyId: 'paracetamol',
          medicationOrderId: null,
        },
      ],
    });
  });

  it('returns copies: editing the draft leaves the previous entry untouched', () => {
    const draft = carryForward(previous);
    draft.regions[0]!.qualities.push('burning');
    draft.medicines[0]!.dose = 500;
    expect(previous.regions[0]!.qualities).toEqual(['aching']);
    expect(previous.medicines[0]!.dose).toBe(1000);
  });

  it('property: a draft completed with a new time and intensity is a valid entry', () => {
    fc.assert(
      fc.property(diaryEntryArbitrary(), (prev) => {
        const draft = carryForward(prev);
        const next = validateDiaryEntry({ ...input(), ...draft });
        expect(next.ok).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
