import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DIARY_CSV_COLUMNS, exportDiaryCsv, formatCsvRecord, parseCsvRecords, parseDiaryCsv } from './diary-csv.ts';
import { diaryEntryArbitrary } from '../../domain/diary/diary.arbitraries.ts';
import { validateDiaryEntry, type DiaryEntry } from '../../domain/diary/entry.ts';

function entry(overrides: Record<string, unknown> = {}): DiaryEntry {
  const r = validateDiaryEntry({
    id: '01936b2e-7c1a-7d4e-8f00-0123456789ab',
    localDate: '2026-03-08',
    localTime: '15:05',
    timeZone: 'Europe/Berlin',
    recordedAt: '2026-03-08T14:05:00Z',
    intensity: 6,
    worstSinceLast: 8,
    regions: [
      { code: 'knee-left', intensity: 7, qualities: ['aching', 'burning'] },
      { code: 'lumbar-spine', qualities: [] },
    ],
    interference: { activity: 5, sleep: 7 },
    sleep: { hours: 5.5, quality: 'poor' },
    activity: { minutes: 30, meaningful: ['walked the dog, slowly'] },
    mood: 'low',
    triggers: ['poor-sleep', 'weather-change'],
    ownTriggers: ['my "favourite" chair'],
    medicines: [{ name: 'Ibuprofen', dose: 400, unit: 'mg', regimen: 'as-needed', takenAt: '14:30', formularyId: 'ibuprofen' }],
    techniques: [
      { id: 'heat', helped: 'a-lot' },
      { id: 'own', label: 'Knitting', helped: 'a-little' },
    ],
    notes: 'Line one, with a comma;\nline two "quoted".',
    provenance: { enteredBy: 'user-1', mode: 'real-time', source: 'self' },
    ...overrides,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.entry;
}

describe('exportDiaryCsv', () => {
  it('writes the documented header and one RFC 4180 record per entry', () => {
    const csv = exportDiaryCsv([entry()]);
    const [header, ...rest] = csv.split('\r\n');
    expect(header).toBe(DIARY_CSV_COLUMNS.join(','));
    expect(csv.endsWith('\r\n')).toBe(true);
    const records = parseCsvRecords(csv);
    expect(records.ok && records.records.length).toBe(2);
    const cells = records.ok ? records.records[1]!.cells : [];
    const cell = (c: string) => cells[DIARY_CSV_COLUMNS.indexOf(c as never)];
    expect(cell('regions')).toBe('knee-left:7:burning|aching;lumbar-spine::');
    expect(cell('triggers')).toBe('poor-sleep;weather-change');
    expect(cell('sleep_hours')).toBe('5.5');
    expect(cell('least_since_last')).toBe('');
    expect(JSON.parse(cell('medicines')!)).toEqual([
      {
        name: 'Ibuprofen',
        dose: 400,
        unit: 'mg',
        takenAt: '14:30',
        regimen: 'as-needed',
        formularyId: 'ibuprofen',
        medicationOrderId: null,
      },
    ]);
    expect(cell('notes')).toBe('Line one, with a comma;\nline two "quoted".');
    expect(rest.join('\r\n')).toContain('"Line one, with a comma;\nline two ""quoted""."');
  });

  it('guards free text a spreadsheet would run as a formula, and the parser undoes it', () => {
    const e = entry({ notes: '=HYPERLINK("http://evil")', provenance: { enteredBy: "'quoted", mode: 'real-time', source: 'self' } });
    const csv = exportDiaryCsv([e]);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain(`''quoted`);
    const back = parseDiaryCsv(csv);
    expect(back.ok && back.entries).toEqual([e]);
  });
});

describe('parseDiaryCsv', () => {
  it('round-trips an entry with every field filled', () => {
    const e = entry();
    // The notes hold a line break, but the record starts on line 2 all the same.
    expect(parseDiaryCsv(exportDiaryCsv([e]))).toEqual({ ok: true, entries: [e], positions: [{ row: 2, line: 2 }] });
  });

  it('accepts LF line ends, a BOM, columns in another order and blank lines', () => {
    const e = entry();
    const records = parseCsvRecords(exportDiaryCsv([e]));
    if (!records.ok) throw new Error('export must parse');
    const order = [...DIARY_CSV_COLUMNS.keys()].reverse();
    const text = `\uFEFF${records.records.map((r) => formatCsvRecord(order.map((i) => r.cells[i]!))).join('\n')}\n\n`;
    expect(parseDiaryCsv(text)).toEqual({ ok: true, entries: [e], positions: [{ row: 2, line: 2 }] });
  });

  it('returns all problems with row, line and column — and no entries', () => {
    const good = entry();
    const csv = exportDiaryCsv([good, entry({ id: '01936b2e-7c1a-7d4e-8f00-0000000000aa' })]);
    const lines = csv.split('\r\n');
    // Split on CRLF, element 2 is record 3; it starts on physical line 4 because the notes of
    // record 2 hold a line break.
    const broken = lines[2]!
      .replace('01936b2e-7c1a-7d4e-8f00-0000000000aa', 'not-an-id')
      .replace(',6,8,', ',eleven,8,')
      .replace('knee-left:7:', 'knee-left:12:')
      .replace('real-time', 'live');
    const text = [...lines.slice(0, 2), broken, ...lines.slice(3)].join('\r\n');
    const result = parseDiaryCsv(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.row, e.line, e.column])).toEqual([
      [3, 4, 'id'],
      [3, 4, 'intensity'],
      [3, 4, 'regions'],
      [3, 4, 'mode'],
    ]);
    expect(result.errors[2]!.message).toContain('regions/0/intensity');
  });

  it('refuses a row whose local time the zone skipped when clocks went forward', () => {
    const e = entry({
      localDate: '2026-03-28',
      localTime: '02:30',
      recordedAt: '2026-03-30T08:00:00Z',
      provenance: { enteredBy: 'user-1', mode: 'recalled', source: 'self' },
    });
    const result = parseDiaryCsv(exportDiaryCsv([e]).replace(',2026-03-28,', ',2026-03-29,'));
    expect(result).toMatchObject({
      ok: false,
      errors: [{ row: 2, column: 'local_time', message: '02:30 did not exist on 2026-03-29 in Europe/Berlin: clocks went forward' }],
    });
  });

  it("with the server's time given, refuses a row recorded more than a day in the future", () => {
    const csv = exportDiaryCsv([entry()]);
    expect(parseDiaryCsv(csv, { asOf: new Date('2026-03-07T14:05:00Z') })).toMatchObject({ ok: true });
    expect(parseDiaryCsv(csv, { asOf: new Date('2026-03-07T14:04:59Z') })).toMatchObject({
      ok: false,
      errors: [{ row: 2, column: 'recorded_at', message: expect.stringMatching(/^cannot be in the future/) }],
    });
  });

  it('says where each entry was: row counts records from the header as 1 (blank lines too), line is where the record starts', () => {
    const first = entry();
    const second = entry({ id: '01936b2e-7c1a-7d4e-8f00-0000000000bb', notes: '' });
    const [header, ...records] = exportDiaryCsv([first, second]).split('\r\n');
    // first's notes span lines 2–3; a blank line 4 is row 3; second is row 4 on line 5.
    const text = [header, records[0], '', ...records.slice(1)].join('\r\n');
    expect(parseDiaryCsv(text)).toMatchObject({
      ok: true,
      positions: [
        { row: 2, line: 2 },
        { row: 4, line: 5 },
      ],
    });
    const broken = text.replace(',6,8,', ',eleven,8,').replace('01936b2e-7c1a-7d4e-8f00-0000000000bb', 'not-an-id');
    expect(parseDiaryCsv(broken)).toMatchObject({
      ok: false,
      errors: [
        { row: 2, line: 2, column: 'intensity' },
        { row: 4, line: 5, column: 'id' },
      ],
    });
    // A record the parser cannot read is numbered like the others.
    expect(parseDiaryCsv(`${text}"unterminated`)).toMatchObject({ ok: false, errors: [{ row: 5, line: 6, column: null }] });
  });

  it('recognises the same id twice in one file', () => {
    const e = entry();
    const result = parseDiaryCsv(exportDiaryCsv([e, e]));
    expect(result).toEqual({ ok: false, errors: [{ row: 3, line: 4, column: 'id', message: 'the same entry id is already on row 2' }] });
  });

  it('reports header, cell-count, JSON and quoting problems', () => {
    expect(parseDiaryCsv('')).toMatchObject({ ok: false, errors: [{ row: 1, column: null }] });
    const noNotes = `${DIARY_CSV_COLUMNS.filter((c) => c !== 'notes').join(',')},extra\r\n`;
    expect(parseDiaryCsv(noNotes)).toMatchObject({
      ok: false,
      errors: [{ message: 'unknown column "extra"' }, { column: 'notes', message: 'column is missing' }],
    });
    const header = DIARY_CSV_COLUMNS.join(',');
    expect(parseDiaryCsv(`${header}\r\na,b\r\n`)).toMatchObject({ ok: false, errors: [{ row: 2, line: 2, column: null }] });
    const cells = parseCsvRecords(exportDiaryCsv([entry()]));
    if (!cells.ok) throw new Error('export must parse');
    const row = [...cells.records[1]!.cells];
    row[DIARY_CSV_COLUMNS.indexOf('medicines')] = '[{"name": "x"';
    expect(parseDiaryCsv(`${header}\r\n${formatCsvRecord(row)}\r\n`)).toMatchObject({
      ok: false,
      errors: [{ row: 2, column: 'medicines', message: 'is not a valid JSON list' }],
    });
    expect(parseDiaryCsv(`${header}\r\n"unterminated`)).toMatchObject({ ok: false, errors: [{ line: 2, column: null }] });
    expect(parseDiaryCsv(`${header}\r\nab"c`)).toMatchObject({ ok: false, errors: [{ line: 2 }] });
  });

  it('property: export → parse gives back equal entries', () => {
    fc.assert(
      fc.property(fc.uniqueArray(diaryEntryArbitrary(), { selector: (e) => e.id, maxLength: 8 }), (entries) => {
        expect(parseDiaryCsv(exportDiaryCsv(entries))).toMatchObject({ ok: true, entries });
      }),
      { numRuns: 200 },
    );
  });

  it('property: the RFC 4180 record layer round-trips any cells', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', ',', '"', '\r', '\n', ' ', 'é', '😀', ';') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const text = `${rows.map(formatCsvRecord).join('\r\n')}\r\n`;
        const parsed = parseCsvRecords(text);
        expect(parsed.ok && parsed.records.map((r) => r.cells)).toEqual(rows);
      }),
    );
  });
});
