// Diary entries as a spreadsheet reads them: one column per measure, words instead of codes, the
// local date and time as the person lived them. It is for reading and charting, not for coming back:
// the lossless export (diary-csv.ts) is the one Painwise imports.
//
// A spreadsheet opens this as it is: a byte-order mark tells it the text is UTF-8, records end in CRLF
// (RFC 4180), and any free-text cell a spreadsheet could run as a formula starts with an apostrophe.
import { findBodyRegion } from '../../domain/diary/body-map.ts';
import type { DiaryEntry, MedicineTaken, TechniqueUse } from '../../domain/diary/entry.ts';
import { formatCsvRecord } from './csv-records.ts';

export const DIARY_SPREADSHEET_COLUMNS = [
  'Date',
  'Time',
  'Time zone',
  'Pain now (0–10)',
  'Worst since last (0–10)',
  'Least since last (0–10)',
  'Interference with activity (0–10)',
  'Interference with sleep (0–10)',
  'Interference with mood (0–10)',
  'Interference with stress (0–10)',
  'Sleep (hours)',
  'Sleep quality',
  'Activity (minutes)',
  'Meaningful activities',
  'Mood',
  'Where it hurt',
  'Medicines taken',
  'What helped',
  'Triggers',
  'Notes',
  'Entered by',
  'Entered',
] as const;

const FORMULA_START = /^[=+\-@\t\r']/;
const text = (v: string) => (FORMULA_START.test(v) ? `'${v}` : v);
/** `poor-sleep` → `Poor sleep`: the vocabulary's codes are kebab-case English already. */
const words = (code: string) => {
  const spaced = code.replace(/-/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
};
const num = (v: number | null) => (v === null ? '' : String(v));

const ENTERED_BY = { self: 'The patient', caregiver: 'A caregiver', clinician: 'A clinician', device: 'A device' } as const;

function medicine(m: MedicineTaken): string {
  const dose = m.dose === null ? '' : ` ${m.dose} ${m.unit ?? ''}`.trimEnd();
  const at = m.takenAt === null ? '' : ` at ${m.takenAt}`;
  return `${m.name}${dose}${at}${m.regimen === 'as-needed' ? ' (as needed)' : ''}`;
}

function technique(t: TechniqueUse): string {
  const name = t.id === 'own' ? (t.label ?? 'Own technique') : words(t.id);
  return t.helped === null ? name : `${name}: helped ${words(t.helped).toLowerCase()}`;
}

function cells(e: DiaryEntry): string[] {
  const regions = e.regions.map((r) => {
    const name = findBodyRegion(r.code)?.label ?? r.code;
    return r.intensity === null ? name : `${name} ${r.intensity}`;
  });
  return [
    e.localDate,
    e.localTime,
    e.timeZone,
    String(e.intensity),
    num(e.worstSinceLast),
    num(e.leastSinceLast),
    num(e.interference.activity),
    num(e.interference.sleep),
    num(e.interference.mood),
    num(e.interference.stress),
    num(e.sleep.hours),
    e.sleep.quality === null ? '' : words(e.sleep.quality),
    num(e.activity.minutes),
    text(e.activity.meaningful.join('; ')),
    e.mood === null ? '' : words(e.mood),
    regions.join('; '),
    text(e.medicines.map(medicine).join('; ')),
    text(e.techniques.map(technique).join('; ')),
    text([...e.triggers.map(words), ...e.ownTriggers].join('; ')),
    text(e.notes),
    ENTERED_BY[e.provenance.source],
    e.provenance.mode === 'recalled' ? 'Later, from memory' : 'At the time',
  ];
}

/** The entries, oldest first as given, as spreadsheet-friendly CSV (with a UTF-8 byte-order mark). */
export function exportDiarySpreadsheet(entries: readonly DiaryEntry[]): string {
  const lines = [formatCsvRecord(DIARY_SPREADSHEET_COLUMNS), ...entries.map((e) => formatCsvRecord(cells(e)))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
