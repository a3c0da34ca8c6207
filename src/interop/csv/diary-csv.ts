// Diary entries ⇄ CSV: export every field of every entry, and parse our own export back with a
// validation report. Format documented in docs/diary-csv.md (format "painwise-diary-csv/1").
//
// Source: RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180) for records, quoting and CRLF
// (csv-records.ts). Interop imports the domain only.
//
// Invariants:
// - export → parse gives back equal entries (property-tested), whatever the text contains;
// - parse returns either every entry or every problem (row, line, column), never a partial list;
// - free-text cells that a spreadsheet could run as a formula (starting with = + - @ tab CR or ')
//   are written with a leading apostrophe, which the parser removes again.

import { validateDiaryEntry, type DiaryEntry, type EntryRegion, type MedicineTaken, type TechniqueUse } from '../../domain/diary/entry.ts';

import { formatCsvRecord, parseCsvRecords } from './csv-records.ts';

export { formatCsvRecord, parseCsvRecords } from './csv-records.ts';

export const DIARY_CSV_FORMAT = 'painwise-diary-csv/1';

export const DIARY_CSV_COLUMNS = [
  'id',
  'local_date',
  'local_time',
  'time_zone',
  'recorded_at',
  'intensity',
  'worst_since_last',
  'least_since_last',
  'interference_activity',
  'interference_sleep',
  'interference_mood',
  'interference_stress',
  'sleep_hours',
  'sleep_quality',
  'activity_minutes',
  'meaningful_activities',
  'mood',
  'triggers',
  'own_triggers',
  'regions',
  'medicines',
  'techniques',
  'notes',
  'entered_by',
  'mode',
  'source',
] as const;
export type DiaryCsvColumn = (typeof DIARY_CSV_COLUMNS)[number];

/** Columns holding free text that we guard against spreadsheet formula injection. */
const _GUARDED: ReadonlySet<DiaryCsvColumn> = new Set(['notes', 'entered_by']);
const FORMULA_START = /^[=+\-@\t\r']/;

/**
 * Where a record is in the file. `row` is the record number, 1-based: the header is row 1, so the first
 * entry is row 2, and a blank line between records counts as a row (as a spreadsheet shows it).
 * `line` is the physical line (1-based) where the record starts; it differs from `row` after a cell
 * holding a line break. Every report about a row — the parser's and the importer's — uses these.
 */
export interface CsvRowPosition {
  row: number;
  line: number;
}

export interface CsvIssue extends CsvRowPosition {
  /** 0 for a problem of the whole file (not of one record). */
  row: number;
  /** 0 when the problem has no place in the file. */
  line: number;
  /** The column the problem is in, or null for the whole record or file. */
  column: DiaryCsvColumn | null;
  message: string;
}

/** `positions[i]` is where `entries[i]` was in the file. */
export type DiaryCsvParse = { ok: true; entries: DiaryEntry[]; positions: CsvRowPosition[] } | { ok: false; errors: CsvIssue[] };

// ---------------------------------------------------------------------------------------------
// Sub-field encodings

/** `code:intensity:quality|quality` per region, regions joined by `;`; empty intensity = not rated. */
export function formatRegions(regions: readonly EntryRegion[]): string {
  return regions.map((r) => `${r.code}:${r.intensity ?? ''}:${r.qualities.join('|')}`).join(';');
}

function parseRegions(cell: string): unknown[] | string {
  if (cell === '') return [];
  const out: unknown[] = [];
  for (const part of cell.split(';')) {
    const bits = part.split(':');
    if (bits.length !== 3) return `each region must be written code:intensity:qualities, got "${part}"`;
    const [code, intensity, qualities] = bits as [string, string, string];
    out.push({
      code,
      intensity: intensity === '' ? null : numberOrText(intensity),
      qualities: qualities === '' ? [] : qualities.split('|'),
    });
  }
  return out;
}

const medicineJson = (m: MedicineTaken) => ({
  name: m.name,
  dose: m.dose,
  unit: m.unit,
  takenAt: m.takenAt,
  regimen: m.regimen,
  formularyId: m.formularyId,
  medicationOrderId: m.medicationOrderId,
});
const techniqueJson = (t: TechniqueUse) => ({ id: t.id, label: t.label, helped: t.helped });

const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** A number when the cell looks like one; otherwise the text, for the validator to reject with its message. */
function numberOrText(cell: string): number | string {
  return NUMBER.test(cell) ? Number(cell) : cell;
}

function guard(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
function unguard(text: string): string {
  return text.startsWith("'") ? text.slice(1) : text;
}

// ---------------------------------------------------------------------------------------------
// Export

function entryCells(e: DiaryEntry): Record<DiaryCsvColumn, string> {
  const n = (v: number | null) => (v === null ? '' : String(v));
  const s = (v: string | null) => v ?? '';
  const json = (v: unknown[]) => (v.length === 0 ? '' : JSON.stringify(v));
  return {
    id: e.id,
    local_date: e.localDate,
    local_time: e.localTime,
    time_zone: e.timeZone,
    recorded_at: e.recordedAt,
    intensity: String(e.intensity),
    worst_since_last: n(e.worstSinceLast),
    least_since_last: n(e.leastSinceLast),
    interference_activity: n(e.interference.activity),
    interference_sleep: n(e.interference.sleep),
    interference_mood: n(e.interference.mood),
    interference_stress: n(e.interference.stress),
    sleep_hours: n(e.sleep.hours),
    sleep_quality: s(e.sleep.quality),
    activity_minutes: n(e.activity.minutes),
    meaningful_activities: json(e.activity.meaningful),
    mood: s(e.mood),
    triggers: e.triggers.join(';'),
    own_triggers: json(e.ownTriggers),
    regions: formatRegions(e.regions),
    medicines: json(e.medicines.map(medicineJson)),
    techniques: json(e.techniques.map(techniqueJson)),
    notes: guard(e.notes),
    entered_by: guard(e.provenance.enteredBy),
    mode: e.provenance.mode,
    source: e.provenance.source,
  };
}

/** CSV text of the entries (header + one record per entry, CRLF line ends, in the order given). */
export function exportDiaryCsv(entries: readonly DiaryEntry[]): string {
  const lines = [formatCsvRecord(DIARY_CSV_COLUMNS)];
  for (const e of entries) {
    const cells = entryCells(e);
    lines.push(formatCsvRecord(DIARY_CSV_COLUMNS.map((c) => cells[c])));
  }
  return `${lines.join('\r\n')}\r\n`;
}

// ---------------------------------------------------------------------------------------------
// Parse

/** The CSV column a validator JSON pointer falls in. */
function columnOf(pointer: string): DiaryCsvColumn | null {
  const [a, b] = pointer.split('/').slice(1);
  switch (a) {
    case 'id':
      return 'id';
    case 'localDate':
      return 'local_date';
    case 'localTime':
      return 'local_time';
    case 'timeZone':
      return 'time_zone';
    case 'recordedAt':
      return 'recorded_at';
    case 'intensity':
      return 'intensity';
    case 'worstSinceLast':
      return 'worst_since_last';
    case 'leastSinceLast':
      return 'least_since_last';
    case 'interference':
      return b === 'activity' || b === 'sleep' || b === 'mood' || b === 'stress' ? `interference_${b}` : null;
    case 'sleep':
      return b === 'quality' ? 'sleep_quality' : 'sleep_hours';
    case 'activity':
      return b === 'meaningful' ? 'meaningful_activities' : 'activity_minutes';
    case 'mood':
      return 'mood';
    case 'triggers':
      return 'triggers';
    case 'ownTriggers':
      return 'own_triggers';
    case 'regions':
      return 'regions';
    case 'medicines':
      return 'medicines';
    case 'techniques':
      return 'techniques';
    case 'notes':
      return 'notes';
    case 'provenance':
      return b === 'mode' ? 'mode' : b === 'source' ? 'source' : 'entered_by';
    default:
      return null;
  }
}

const MAX_ERRORS = 1000;

/**
 * Parse a CSV produced by `exportDiaryCsv` (columns in any order, all required). Every record is
 * validated with the domain rules (`asOf`, the server's now, refuses a recordedAt in the future, as for
 * an entry sent alone); the result is all entries or all problems. Duplicate ids within the file are
 * problems; recognising ids already stored is the caller's job.
 */
export function parseDiaryCsv(text: string, opts: { asOf?: Date } = {}): DiaryCsvParse {
  const parsed = parseCsvRecords(text);
  if (!parsed.ok) return { ok: false, errors: [{ row: parsed.record, line: parsed.line, column: null, message: parsed.message }] };
  const [header, ...rows] = parsed.records;
  if (!header || (header.cells.length === 1 && header.cells[0] === '')) {
    return { ok: false, errors: [{ row: 1, line: 1, column: null, message: 'the file is empty (expected a header row)' }] };
  }

  const errors: CsvIssue[] = [];
  const index = new Map<string, number>();
  header.cells.forEach((name, i) => {
    if (!(DIARY_CSV_COLUMNS as readonly string[]).includes(name))
      errors.push({ row: 1, line: header.line, column: null, message: `unknown column "${name}"` });
    else if (index.has(name)) errors.push({ row: 1, line: header.line, column: name as DiaryCsvColumn, message: 'column appears twice' });
    else index.set(name, i);
  });
  for (const c of DIARY_CSV_COLUMNS) if (!index.has(c)) errors.push({ row: 1, line: header.line, column: c, message: 'column is missing' });
  if (errors.length > 0) return { ok: false, errors };

  const entries: DiaryEntry[] = [];
  const positions: CsvRowPosition[] = [];
  const seenIds = new Map<string, number>();
  rows.forEach((rec, k) => {
    if (errors.length >= MAX_ERRORS) return;
    const row = k + 2;
    const at = (column: DiaryCsvColumn | null, message: string) => errors.push({ row, line: rec.line, column, message });
    // A blank line (one empty cell) between records is tolerated.
    if (rec.cells.length === 1 && rec.cells[0] === '') return;
    if (rec.cells.length !== header.cells.length) {
      at(null, `has ${rec.cells.length} cells, the header has ${header.cells.length}`);
      return;
    }
    const get = (c: DiaryCsvColumn) => rec.cells[index.get(c)!]!;
    const nullable = (c: DiaryCsvColumn) => (get(c) === '' ? null : numberOrText(get(c)));
    const textOrNull = (c: DiaryCsvColumn) => (get(c) === '' ? null : get(c));
    let cellProblem = false;
    const jsonList = (c: DiaryCsvColumn): unknown => {
      const cell = get(c);
      if (cell === '') return [];
      try {
        return JSON.parse(cell);
      } catch {
        at(c, 'is not a valid JSON list');
        cellProblem = true;
        return [];
      }
    };
    const regions = parseRegions(get('regions'));
    if (typeof regions === 'string') {
      at('regions', regions);
      cellProblem = true;
    }
    const input = {
      id: get('id'),
      localDate: get('local_date'),
      localTime: get('local_time'),
      timeZone: get('time_zone'),
      recordedAt: get('recorded_at'),
      intensity: nullable('intensity'),
      worstSinceLast: nullable('worst_since_last'),
      leastSinceLast: nullable('least_since_last'),
      interference: {
        activity: nullable('interference_activity'),
        sleep: nullable('interference_sleep'),
        mood: nullable('interference_mood'),
        stress: nullable('interference_stress'),
      },
      sleep: { hours: nullable('sleep_hours'), quality: textOrNull('sleep_quality') },
      activity: { minutes: nullable('activity_minutes'), meaningful: jsonList('meaningful_activities') },
      mood: textOrNull('mood'),
      triggers: get('triggers') === '' ? [] : get('triggers').split(';'),
      ownTriggers: jsonList('own_triggers'),
      regions: typeof regions === 'string' ? [] : regions,
      medicines: jsonList('medicines'),
      techniques: jsonList('techniques'),
      notes: unguard(get('notes')),
      provenance: { enteredBy: unguard(get('entered_by')), mode: get('mode'), source: get('source') },
    };
    const result = validateDiaryEntry(input, opts);
    if (!result.ok) {
      for (const e of result.errors) {
        const column = columnOf(e.pointer);
        const where = column && e.pointer.split('/').length > 2 ? ` (${e.pointer.slice(1)})` : '';
        at(column, `${e.message}${where}`);
      }
      return;
    }
    if (cellProblem) return;
    const first = seenIds.get(result.entry.id);
    if (first !== undefined) {
      at('id', `the same entry id is already on row ${first}`);
      return;
    }
    seenIds.set(result.entry.id, row);
    entries.push(result.entry);
    positions.push({ row, line: rec.line });
  });

  if (errors.length >= MAX_ERRORS) {
    errors.length = MAX_ERRORS;
    errors.push({ row: 0, line: 0, column: null, message: `more than ${MAX_ERRORS} problems; the rest are not listed` });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, entries, positions };
}
