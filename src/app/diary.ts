// Pain diary use cases. Entries are records of the record engine (versioned-records.ts): idempotent
// upsert by client id with version checks, tombstone deletes, batch push in one transaction, and the
// patient's change feed (here filtered to diary entries for the diary's own pull). This module adds what
// is the diary's own: validation with provenance, the answers' shape, day summaries computed from the
// entries when read, export and import. A write stores the entry row and its audit row, nothing derived.
import { accumulateDays, summarizeAccumulator, type DaySummary } from '../domain/diary/day-summary.ts';
import type { DiaryEntry, EntrySource } from '../domain/diary/entry.ts';
import type { DiaryEntryShape } from '../domain/diary/diary-entry-shape.ts';
import { normalizeDiaryEntry } from '../domain/diary/normalize-diary-entry.ts';
import { addDays, parseLocalDate, differenceInCalendarDays, toLocalDateTime, type TimeZone } from '../domain/time/local-date.ts';
import { authorizePatientAccess, type Granted } from './access.ts';
import { nowIso, type AppDeps, type RequestContext } from './context.ts';
import { daySummaryCache, type DaySummaryCache } from './day-summary-cache.ts';
import { sha256Hex } from './system.ts';
import { AppError, notFound } from './errors.ts';
import type { Repositories } from './ports.ts';
import { pullChanges } from './record-feed.ts';
import type { StoredRecord } from './record-store.ts';
import {
  deleteRecord,
  inPatientWrite,
  saveRecord,
  writeRecord,
  type DeleteOutcome,
  type RecordKind,
  type SaveOutcome,
} from './versioned-records.ts';

/** A diary entry's body as the API's schema parsed it: its shape is checked there, once. */
export type DiaryEntryInput = Omit<DiaryEntryShape, 'id' | 'provenance'> & { mode?: 'real-time' | 'recalled' };

/** A diary entry's sort key: its local date and wall-clock time (`YYYY-MM-DDTHH:MM`), so a date range is a key range. */
const sortKeyOf = (e: DiaryEntry) => `${e.localDate}T${e.localTime}`;

export const DIARY_ENTRIES: RecordKind<DiaryEntry> = {
  resource: 'diary_entry',
  auditPrefix: 'diary-entry',
  label: 'The diary entry',
  writeAction: 'write-diary',
  store: (tx) => tx.diaryEntries,
  sortAt: sortKeyOf,
};

export interface DiaryRecord {
  readonly id: string;
  readonly version: number;
  readonly changeSeq: number;
  readonly updatedAt: string;
  readonly deleted: boolean;
  readonly entry: DiaryEntry | null;
}

export type PutOutcome =
  | { readonly status: 'created' | 'updated' | 'unchanged'; readonly record: DiaryRecord }
  | { readonly status: 'conflict'; readonly current: DiaryRecord | null; readonly reason: string };

const SOURCE_FOR_BASIS: Record<Granted['basis']['kind'], EntrySource> = { owner: 'self', caregiver: 'caregiver', clinician: 'clinician' };

const toRecord = (s: StoredRecord<DiaryEntry | null>): DiaryRecord => ({
  id: s.id,
  version: s.version,
  changeSeq: s.changeSeq,
  updatedAt: s.updatedAt,
  deleted: s.deletedAt !== null,
  entry: s.deletedAt !== null ? null : s.body,
});

const answerOf = (outcome: SaveOutcome<DiaryEntry>): PutOutcome =>
  outcome.status === 'conflict'
    ? { status: 'conflict', current: outcome.current && toRecord(outcome.current), reason: outcome.reason }
    : { status: outcome.status, record: toRecord(outcome.record) };

/** The entry as stored, or a validation error; `now` (the server's clock) refuses a recordedAt in the future. */
function normalize(access: Granted, entryId: string, input: DiaryEntryInput, now: Date, pointerPrefix = ''): DiaryEntry {
  const { mode, ...fields } = input;
  // The shape was checked where the body was parsed; what is left are the rules no schema states.
  const result = normalizeDiaryEntry(
    {
      ...fields,
      id: entryId,
      provenance: { enteredBy: access.userId, mode: mode ?? 'real-time', source: SOURCE_FOR_BASIS[access.basis.kind] },
    },
    { asOf: now },
  );
  if (!result.ok) {
    throw new AppError('validation-failed', 'The diary entry has invalid fields.', {
      errors: result.errors.map((e) => ({ pointer: `${pointerPrefix}${e.pointer}`, detail: e.message })),
    });
  }
  return result.entry;
}

export async function putDiaryEntry(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  entryId: string,
  input: DiaryEntryInput,
  baseVersion?: number,
): Promise<PutOutcome> {
  const now = deps.clock.now();
  // The entry's provenance names who writes it and on what basis, so it is made once access is decided.
  const outcome = await saveRecord(
    DIARY_ENTRIES,
    deps,
    ctx,
    patientId,
    entryId,
    (access) => normalize(access, entryId, input, now),
    baseVersion,
  );
  return answerOf(outcome);
}

export type BatchItemResult =
  | { readonly id: string; readonly status: 'created' | 'updated' | 'unchanged'; readonly version: number }
  | { readonly id: string; readonly status: 'conflict'; readonly reason: string; readonly current: DiaryRecord | null }
  | { readonly id: string; readonly status: 'invalid'; readonly errors: readonly { pointer: string; detail: string }[] };

/** Up to 500 entries in one transaction; each item gets its own result (invalid and conflicting items are skipped). */
export async function pushDiaryBatch(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  // `invalid`: the item was already refused by the API's schema check; it is reported as such, in its place.
  items: readonly ({ id: string; baseVersion?: number | null | undefined } & (
    | { entry: DiaryEntryInput; invalid?: undefined }
    | { invalid: readonly { pointer: string; detail: string }[] }
  ))[],
): Promise<readonly BatchItemResult[]> {
  const now = deps.clock.now();
  const at = nowIso(deps);
  return inPatientWrite(deps, ctx, patientId, DIARY_ENTRIES.writeAction, async (tx, access) => {
    const seen = new Set<string>();
    const results: BatchItemResult[] = [];
    for (const [i, item] of items.entries()) {
      const id = item.id.toLowerCase();
      if (item.invalid !== undefined) {
        results.push({ id, status: 'invalid', errors: item.invalid });
        continue;
      }
      let entry: DiaryEntry;
      try {
        entry = normalize(access, id, item.entry, now, `/items/${i}/entry`);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        results.push({ id, status: 'invalid', errors: error.errors });
        continue;
      }
      if (seen.has(id)) {
        results.push({
          id,
          status: 'invalid',
          errors: [{ pointer: '/items', detail: `Entry ${id} appears more than once in this batch.` }],
        });
        continue;
      }
      seen.add(id);
      const outcome = answerOf(await writeRecord(DIARY_ENTRIES, tx, access, id, entry, at, item.baseVersion ?? undefined));
      results.push(
        outcome.status === 'conflict'
          ? { id, status: 'conflict', reason: outcome.reason, current: outcome.current }
          : { id, status: outcome.status, version: outcome.record.version },
      );
    }
    return results;
  });
}

export async function deleteDiaryEntry(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  entryId: string,
  baseVersion?: number,
): Promise<PutOutcome> {
  const outcome: DeleteOutcome<DiaryEntry> = await deleteRecord(DIARY_ENTRIES, deps, ctx, patientId, entryId, baseVersion);
  if (outcome.status === 'conflict')
    return { status: 'conflict', current: outcome.current && toRecord(outcome.current), reason: outcome.reason };
  // The diary answers a delete with the tombstone, as other devices will pull it.
  return { status: outcome.status === 'deleted' ? 'updated' : 'unchanged', record: toRecord(outcome.record) };
}

/** Diary changes since a cursor, oldest first: the patient's change feed, diary entries only. */
export function pullDiaryChanges(deps: AppDeps, ctx: RequestContext, patientId: string, since: string | undefined, limit: number) {
  return pullChanges(deps, ctx, patientId, since, limit, { kind: DIARY_ENTRIES.resource, auditAction: 'diary-entry.pull' });
}

/** Live entries whose local date is within [from, to], oldest first: one range scan of the sort key. */
export function diaryEntriesBetween(stores: Repositories, patientId: string, from: string, to: string): Promise<readonly DiaryEntry[]> {
  // Every key of a time on `to` (`<to>T<time>`) sorts below `<to>U`, and every later date above it.
  return DIARY_ENTRIES.store(stores).listBetween(patientId, from, `${to}U`);
}

/** One field of the live entries whose local date is within [from, to], as [sort key, value] in no particular order: the same range scan. */
export function diaryFieldBetween(stores: Repositories, patientId: string, from: string, to: string, path: readonly string[]) {
  return DIARY_ENTRIES.store(stores).fieldBetween(patientId, from, `${to}U`, path);
}

/** The day summaries of the dates within [from, to] that have live entries, by date, computed from those entries. */
export async function daySummariesBetween(stores: Repositories, patientId: string, from: string, to: string) {
  // accumulateDays orders by date, and a day's accumulator is the same whatever order its entries come in.
  return [...accumulateDays(await diaryEntriesBetween(stores, patientId, from, to)).values()];
}

const MAX_SUMMARY_DAYS = 731;

/** Day summaries of the last `days` local dates up to today in the patient's own time zone. */
export async function listRecentDaySummaries(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  days: number,
): Promise<readonly DaySummary[]> {
  await authorizePatientAccess(deps, ctx, patientId, 'read');
  const patient = await deps.store.patients.findById(patientId);
  if (!patient) throw notFound('The patient');
  const today = toLocalDateTime(deps.clock.now(), patient.timeZone as TimeZone).date;
  return listDaySummaries(deps, ctx, patientId, addDays(today, 1 - days), today);
}

export async function listDaySummaries(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  fromText: string,
  toText: string,
): Promise<readonly DaySummary[]> {
  const from = parseLocalDate(fromText);
  const to = parseLocalDate(toText);
  if (!from || !to || to < from || differenceInCalendarDays(to, from) > MAX_SUMMARY_DAYS) {
    throw new AppError('validation-failed', `Give real dates with from ≤ to, at most ${MAX_SUMMARY_DAYS} days apart.`, {
      errors: [{ pointer: '/query/from', detail: 'Check the date range.' }],
    });
  }
  const access = await authorizePatientAccess(deps, ctx, patientId, 'read');
  const cache = summaryCacheOf(deps);
  const head = await deps.store.records.lastChangeSeq(patientId);
  let days = cache.get(patientId, from, to, head);
  if (!days) {
    days = (await daySummariesBetween(deps.store, patientId, from, to)).map(summarizeAccumulator);
    cache.set(patientId, from, to, head, days);
  }
  await deps.store.audit.append([access.audit('day-summary.read', 'day_summary', null)]);
  return days;
}

// One cache per database (tests run several apps, each over its own, in one process).
const summaryCaches = new WeakMap<object, DaySummaryCache>();
function summaryCacheOf(deps: AppDeps): DaySummaryCache {
  let cache = summaryCaches.get(deps.store);
  if (!cache) summaryCaches.set(deps.store, (cache = daySummaryCache()));
  return cache;
}

/** Every live entry of the patient, oldest first (for export). */
export async function exportDiary(deps: AppDeps, ctx: RequestContext, patientId: string): Promise<readonly DiaryEntry[]> {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'read');
  const entries = await diaryEntriesBetween(deps.store, patientId, '0000-01-01', '9999-12-31');
  await deps.store.audit.append([access.audit('diary.export', 'diary_entry', null)]);
  return entries;
}

export interface ImportReport {
  readonly imported: number;
  readonly alreadyPresent: number;
  /** Of the rows imported now, those whose id was not this account's, imported under an id of this account's own. */
  readonly newIds: number;
}

/** An entry read from a file, with where it was: `row` counts records with the header as row 1, `line` is where the record starts. */
export interface ImportRow {
  readonly entry: DiaryEntry;
  readonly row: number;
  readonly line: number;
}

/**
 * A problem of one row of an imported file, as every report about a row reads (the parser's and the
 * importer's): pointer `/rows/<row>/<column>`, detail starting with the line the record starts on.
 */
export function importRowProblem(
  at: { row: number; line: number },
  column: string | null,
  message: string,
): { pointer: string; detail: string } {
  return { pointer: `/rows/${at.row}${column ? `/${column}` : ''}`, detail: `Line ${at.line}: ${message}` };
}

/**
 * The id a row takes when its own is not this account's (a diary exported from another account, or
 * a file from elsewhere): derived from both ids, so importing the same file again finds it present.
 * A UUID of version 8 (RFC 9562: custom), from SHA-256.
 */
export function importedEntryId(patientId: string, entryId: string): string {
  const h = sha256Hex(`painwise-diary-import:${patientId}:${entryId}`);
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Imports entries (from our own CSV export) all-or-nothing. A row whose id is this account's is
 * recognised as a duplicate when its content is the same and refuses the whole file otherwise. Every
 * other row is imported under `importedEntryId` (whether or not another account uses its id, so the
 * answer reveals nothing about other accounts; should another account hold even that id, a fresh one)
 * as entered by the importer: the file's author and source are not taken on trust.
 */
export async function importDiary(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  rows: readonly ImportRow[],
): Promise<ImportReport> {
  const entries = rows.map((r) => r.entry);
  return inPatientWrite(deps, ctx, patientId, DIARY_ENTRIES.writeAction, async (tx, access) => {
    const store = DIARY_ENTRIES.store(tx);
    let imported = 0;
    let alreadyPresent = 0;
    let newIds = 0;
    const problems: { pointer: string; detail: string }[] = [];
    const stored = await store.findMany(entries.map((e) => e.id));
    // A row entered into this account by this import is this person's entry (the file cannot claim
    // another author or source); its mode and times stay as recorded.
    const asImported = (e: DiaryEntry): DiaryEntry => ({
      ...e,
      id: importedEntryId(patientId, e.id),
      provenance: { ...e.provenance, enteredBy: access.userId, source: SOURCE_FOR_BASIS[access.basis.kind] },
    });
    const derived = entries.map((e) => (stored.get(e.id)?.patientId === patientId ? e : asImported(e)));
    const derivedTaken = await store.findMany(derived.filter((e, i) => e.id !== entries[i]!.id).map((e) => e.id));
    const own = derived.map((e, i) => {
      const holder = e.id === entries[i]!.id ? undefined : derivedTaken.get(e.id);
      return holder && holder.patientId !== patientId ? { ...e, id: deps.ids.newId() } : e;
    });
    // Two rows that come to the same id (a row may carry another row's derived id): name the later one.
    const firstRow = new Map<string, number>();
    own.forEach((e, i) => {
      const earlier = firstRow.get(e.id);
      if (earlier === undefined) firstRow.set(e.id, i);
      else {
        const first = rows[earlier]!;
        problems.push(
          importRowProblem(
            rows[i]!,
            'id',
            `this row is the same entry as row ${first.row} (line ${first.line}) once imported; remove one of them.`,
          ),
        );
      }
    });
    const found = await store.findMany(own.map((e) => e.id));
    const at = nowIso(deps);
    for (const [i, entry] of own.entries()) {
      const existing = found.get(entry.id);
      if (existing) {
        const same =
          existing.patientId === patientId && existing.deletedAt === null && JSON.stringify(existing.body) === JSON.stringify(entry);
        if (same) alreadyPresent += 1;
        else
          problems.push(
            importRowProblem(
              rows[i]!,
              'id',
              `entry ${entry.id} already exists with different content (or was deleted); remove the row or give it a new id.`,
            ),
          );
        continue;
      }
      if (problems.length > 0) continue;
      // The import is audited once, as one act, below; each entry still takes its place in the feed.
      if (!(await store.create(patientId, entry.id, entry, sortKeyOf(entry), at, null))) {
        // Taken by another account's write a moment ago (only this patient's writes take turns).
        problems.push(importRowProblem(rows[i]!, 'id', `entry ${entry.id} is already used; give the row a new id.`));
        continue;
      }
      imported += 1;
      if (entry.id !== entries[i]!.id) newIds += 1;
    }
    if (problems.length > 0) {
      // Throwing rolls the whole transaction back: nothing of the file is kept, and no count is reported.
      throw new AppError(
        'validation-failed',
        `The import was not applied: ${problems.length} row(s) cannot be imported; nothing was imported.`,
        { errors: problems },
      );
    }
    await tx.audit.append([access.audit('diary.import', 'diary_entry', null)]);
    return { imported, alreadyPresent, newIds };
  });
}
