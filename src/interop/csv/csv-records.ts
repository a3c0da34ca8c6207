// CSV records as RFC 4180 defines them (https://www.rfc-editor.org/rfc/rfc4180): cells quoted when
// they hold a comma, quote, line break or surrounding space; CRLF or LF line ends; a leading BOM is
// ignored. Knows nothing of the diary: diary-csv.ts maps records to entries.

function quoteCell(cell: string): string {
  return /[",\r\n]/.test(cell) || cell !== cell.trim() ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function formatCsvRecord(cells: readonly string[]): string {
  return cells.map(quoteCell).join(',');
}

export interface RawRecord {
  cells: string[];
  line: number;
}
/** On failure, `record` is the number of the record that could not be read (1-based) and `line` where it starts or breaks. */
export type RecordsResult = { ok: true; records: RawRecord[] } | { ok: false; record: number; line: number; message: string };

/** Split CSV text into records (RFC 4180; CRLF or LF line ends; a leading BOM is ignored). */
export function parseCsvRecords(text: string): RecordsResult {
  const s = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: RawRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let i = 0;
  let line = 1;
  let recordLine = 1;
  let quoted = false; // inside a quoted cell
  let wasQuoted = false; // current cell was quoted and has closed
  const endCell = () => {
    cells.push(cell);
    cell = '';
    wasQuoted = false;
  };
  const endRecord = () => {
    endCell();
    records.push({ cells, line: recordLine });
    cells = [];
  };
  while (i < s.length) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        wasQuoted = true;
        i++;
        continue;
      }
      if (ch === '\n') line++;
      cell += ch;
      i++;
      continue;
    }
    if (ch === ',') {
      endCell();
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && s[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    if (wasQuoted)
      return { ok: false, record: records.length + 1, line, message: 'text after a closing quote (a quote inside a cell must be doubled)' };
    if (ch === '"') {
      if (cell.length > 0)
        return {
          ok: false,
          record: records.length + 1,
          line,
          message: 'a quote inside an unquoted cell (quote the whole cell and double the quote)',
        };
      quoted = true;
      i++;
      continue;
    }
    cell += ch;
    i++;
  }
  if (quoted) return { ok: false, record: records.length + 1, line: recordLine, message: 'a quoted cell is never closed' };
  // A final record without a line end, unless the text ended with one.
  if (cell.length > 0 || cells.length > 0 || wasQuoted) endRecord();
  return { ok: true, records };
}
