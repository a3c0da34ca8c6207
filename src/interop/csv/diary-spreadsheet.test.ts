import { describe, expect, it } from 'vitest';
import { validateDiaryEntry, type DiaryEntry } from '../../domain/diary/entry.ts';
import { parseCsvRecords } from './csv-records.ts';
import { DIARY_SPREADSHEET_COLUMNS, exportDiarySpreadsheet } from './diary-spreadsheet.ts';

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
      { code: 'knee-left', intensity: 7, qualities: ['aching'] },
      { code: 'lumbar-spine', qualities: [] },
    ],
    interference: { activity: 5, sleep: 7 },
    sleep: { hours: 5.5, quality: 'very-poor' },
    activity: { minutes: 30, meaningful: ['walked the dog'] },
    mood: 'low',
    triggers: ['poor-sleep', 'weather-change'],
    ownTriggers: ['my chair'],
    medicines: [
      { name: 'Ibuprofen', dose: 400, unit: 'mg', regimen: 'as-needed', takenAt: '14:30', formularyId: 'ibuprofen' },
      { name: 'Duloxetine', regimen: 'scheduled' },
    ],
    techniques: [
      { id: 'heat', helped: 'a-lot' },
      { id: 'own', label: 'Knitting', helped: null },
    ],
    notes: 'Line one, with a comma;\nline two "quoted".',
    provenance: { enteredBy: '019a0000-0000-7000-8000-000000000001', mode: 'recalled', source: 'caregiver' },
    ...overrides,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.entry;
}

const rowsOf = (csv: string) => {
  const parsed = parseCsvRecords(csv.replace(/^\uFEFF/, ''));
  if (!parsed.ok) throw new Error('unparseable');
  return parsed.records.map((r) => r.cells);
};

describe('exportDiarySpreadsheet', () => {
  it('starts with a UTF-8 byte-order mark and a header of one column per measure', () => {
    const csv = exportDiarySpreadsheet([]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(rowsOf(csv)).toEqual([[...DIARY_SPREADSHEET_COLUMNS]]);
  });

  it('writes words and names instead of codes and ids, and the local date and time', () => {
    const [header, row] = rowsOf(exportDiarySpreadsheet([entry()]));
    const cell = (name: (typeof DIARY_SPREADSHEET_COLUMNS)[number]) => row![header!.indexOf(name)];
    expect(cell('Date')).toBe('2026-03-08');
    expect(cell('Time')).toBe('15:05');
    expect(cell('Pain now (0–10)')).toBe('6');
    expect(cell('Least since last (0–10)')).toBe('');
    expect(cell('Interference with sleep (0–10)')).toBe('7');
    expect(cell('Sleep quality')).toBe('Very poor');
    expect(cell('Mood')).toBe('Low');
    expect(cell('Where it hurt')).toBe('Knee, left 7; Lumbar spine (low-back bones)');
    expect(cell('Medicines taken')).toBe('Ibuprofen 400 mg at 14:30 (as needed); Duloxetine');
    expect(cell('What helped')).toBe('Heat: helped a lot; Knitting');
    expect(cell('Triggers')).toBe('Poor sleep; Weather change; my chair');
    expect(cell('Notes')).toBe('Line one, with a comma;\nline two "quoted".');
    expect(cell('Entered by')).toBe('A caregiver');
    expect(cell('Entered')).toBe('Later, from memory');
    // No id of the entry or of the person who typed it.
    expect(row!.join(' ')).not.toContain('019a0000');
    expect(row!.join(' ')).not.toContain('01936b2e');
  });

  it('keeps a spreadsheet from running free text as a formula', () => {
    const [header, row] = rowsOf(exportDiarySpreadsheet([entry({ notes: '=HYPERLINK("http://x")', ownTriggers: [], triggers: [] })]));
    expect(row![header!.indexOf('Notes')]).toBe('\'=HYPERLINK("http://x")');
  });
});
