// Pain diary use cases: idempotent upsert by client id with version checks, tombstone deletes, batch
// push in one transaction, pull by change sequence, and day summaries computed from the entries when read.
// A write stores the entry row and its audit row and nothing derived.
import { summarizeAccumulator, type DaySummary } from '../domain/diary/day-summary.ts';
import { validateDiaryEntry, type DiaryEntry, type EntrySource } from '../domain/diary/entry.ts';
import { addDays, parseLocalDate, differenceInCalendarDays, toLocalDateTime, type TimeZone } from '../domain/time/local-date.ts';
import { authorizePatientAccess, type Granted } from './access.ts';
import { nowIso, type AppDeps, type RequestContext } from './context.ts';
import { sha256Hex } from './system.ts';
import { AppError, notFound } from './errors.ts';
import type { StoredDiaryEntry, Stores } from './ports.ts';
import type { AuditEvent } from './model.ts';

export type DiaryEntryInput = Record<string, unknown> & { mode?: 'real-time' | 'recalled' };

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

const toRecord = (s: StoredDiaryEntry): DiaryRecord => ({
  id: s.id,
  version: s.version,
  changeSeq: s.changeSeq,
  updatedAt: s.updatedAt,
  deleted: s.deletedAt !== null,
  entry: s.entry,
});

/** The entry as stored, or a validation error; `now` (the server's clock) refuses a recordedAt in the future. */
function normalize(access: Granted, entryId: string, input: DiaryEntryInput, now: Date, pointerPrefix = ''): DiaryEntry {
  const { mode, ...fields } = input;
  const result = validateDiaryEntry(
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

/**
 * What one or many writes in a transaction share: how to find the stored entry, where the next change
 * sequence comes from, and the audit events collected to be written once at the end.
 */
interface WriteBatch {
  find(id: string): Promise<StoredDiaryEntry | undefined>;
  nextSeq(): Promise<number>;
  readonly audits: AuditEvent[];
  /** Whether a conflict may carry the server's copy back (the writer may also read the record). */
  readonly reveal: boolean;
}

function singleWrite(tx: Stores, patientId: string, reveal: boolean): WriteBatch {
  return { find: (id) => tx.diary.findEntry(id), nextSeq: async () => (await tx.diary.lastChangeSeq(patientId)) + 1, audits: [], reveal };
}

/** The server's copy for a conflict: only to a writer who may read it, and then audited as a read. */
function conflictCopy(access: Granted, batch: WriteBatch, stored: StoredDiaryEntry): DiaryRecord | null {
  if (!batch.reveal) return null;
  batch.audits.push(access.audit('diary-entry.read', 'diary_entry', stored.id));
  return toRecord(stored);
}

/** The same content (both are normalised by validateDiaryEntry, so key order and defaults agree). */
function sameEntry(stored: DiaryEntry | null, incoming: DiaryEntry): boolean {
  return stored !== null && JSON.stringify(stored) === JSON.stringify(incoming);
}

/** The write itself, inside a transaction; conflicts are outcomes, not exceptions, so a batch can report them per item. */
async function applyPut(
  deps: AppDeps,
  tx: Stores,
  access: Granted,
  entry: DiaryEntry,
  baseVersion: number | undefined,
  batch: WriteBatch,
): Promise<PutOutcome> {
  const existing = await batch.find(entry.id);
  const at = nowIso(deps);
  if (existing && existing.patientId !== access.patientId) {
    // Never reveal or touch another patient's entry: the client must pick a new id.
    return { status: 'conflict', current: null, reason: 'This entry id is already used. Create the entry with a new id.' };
  }
  // A retry answered from the stored entry reads it: the answer carries it back, so it is audited as a read.
  const unchanged = (stored: StoredDiaryEntry): PutOutcome => {
    batch.audits.push(access.audit('diary-entry.read', 'diary_entry', stored.id));
    return { status: 'unchanged', record: toRecord(stored) };
  };
  if (!existing) {
    if (baseVersion !== undefined)
      return { status: 'conflict', current: null, reason: 'The entry does not exist on the server (it may never have been synced).' };
    const meta = { version: 1, changeSeq: await batch.nextSeq(), at };
    await tx.diary.insertEntry(access.patientId, entry, meta);
    batch.audits.push(access.audit('diary-entry.create', 'diary_entry', entry.id));
    return { status: 'created', record: { id: entry.id, version: 1, changeSeq: meta.changeSeq, updatedAt: at, deleted: false, entry } };
  }
  if (baseVersion === undefined) {
    // A retry of a write the server already has is answered as if it were the first time.
    if (sameEntry(existing.entry, entry)) return unchanged(existing);
    return {
      status: 'conflict',
      current: conflictCopy(access, batch, existing),
      reason: 'The entry already exists with other content; send its version to change it.',
    };
  }
  if (baseVersion !== existing.version) {
    // A retry of an edit the server already applied (its answer was lost on the way back, so the outbox
    // sends it again with the version it edited) is answered as if it were the first time.
    if (baseVersion === existing.version - 1 && existing.deletedAt === null && sameEntry(existing.entry, entry)) return unchanged(existing);
    return {
      status: 'conflict',
      current: conflictCopy(access, batch, existing),
      reason: `The entry changed on the server (version ${existing.version}, you edited version ${baseVersion}).`,
    };
  }
  if (existing.deletedAt !== null)
    return { status: 'conflict', current: conflictCopy(access, batch, existing), reason: 'The entry was deleted on another device.' };
  const meta = { version: existing.version + 1, changeSeq: await batch.nextSeq(), at };
  await tx.diary.updateEntry(access.patientId, entry, meta);
  batch.audits.push(access.audit('diary-entry.update', 'diary_entry', entry.id));
  return {
    status: 'updated',
    record: { id: entry.id, version: meta.version, changeSeq: meta.changeSeq, updatedAt: at, deleted: false, entry },
  };
}

export async function putDiaryEntry(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  entryId: string,
  input: DiaryEntryInput,
  baseVersion?: number,
): Promise<PutOutcome> {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'write-diary');
  const entry = normalize(access, entryId, input, deps.clock.now());
  const reveal = access.mayRead;
  return deps.store.transaction(async (tx): Promise<PutOutcome> => {
    await tx.patients.lockForWrite(patientId);
    const at = nowIso(deps);
    // The usual write first, as one conditional statement with its audit row: a create of a new id, or
    // an edit of the live version the writer saw. Only when that writes nothing (a retry, a conflict,
    // another patient's id) is the stored entry read, and applyPut decides the answer from it.
    if (baseVersion === undefined) {
      const created = await tx.diary.createEntry(patientId, entry, at, access.audit('diary-entry.create', 'diary_entry', entry.id));
      if (created)
        return {
          status: 'created',
          record: { id: entry.id, version: 1, changeSeq: created.changeSeq, updatedAt: at, deleted: false, entry },
        };
    } else {
      const edited = await tx.diary.editEntry(
        patientId,
        entry,
        baseVersion,
        at,
        access.audit('diary-entry.update', 'diary_entry', entry.id),
      );
      if (edited)
        return {
          status: 'updated',
          record: { id: entry.id, version: edited.version, changeSeq: edited.changeSeq, updatedAt: at, deleted: false, entry },
        };
    }
    const batch = singleWrite(tx, patientId, reveal);
    const outcome = await applyPut(deps, tx, access, entry, baseVersion, batch);
    await tx.audit.append(batch.audits);
    return outcome;
  });
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
  items: readonly {
    id: string;
    baseVersion?: number | null | undefined;
    entry: DiaryEntryInput;
    invalid?: readonly { pointer: string; detail: string }[];
  }[],
): Promise<readonly BatchItemResult[]> {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'write-diary');
  const now = deps.clock.now();
  const prepared = items.map((item, i) => {
    if (item.invalid) return { ok: false as const, item, errors: item.invalid };
    try {
      return { ok: true as const, item, entry: normalize(access, item.id.toLowerCase(), item.entry, now, `/items/${i}/entry`) };
    } catch (error) {
      if (error instanceof AppError) return { ok: false as const, item, errors: error.errors };
      throw error;
    }
  });
  const seen = new Set<string>();
  const reveal = access.mayRead;
  return deps.store.transaction(async (tx) => {
    await tx.patients.lockForWrite(patientId);
    const existing = await tx.diary.findEntries(prepared.filter((p) => p.ok).map((p) => p.item.id.toLowerCase()));
    // Under the lock no other write numbers changes of this diary, so the batch counts on from the last.
    let seq = prepared.some((p) => p.ok) ? await tx.diary.lastChangeSeq(patientId) : 0;
    const batch: WriteBatch = { find: async (id) => existing.get(id), nextSeq: async () => ++seq, audits: [], reveal };
    const results: BatchItemResult[] = [];
    for (const p of prepared) {
      const id = p.item.id.toLowerCase();
      if (!p.ok) {
        results.push({ id, status: 'invalid', errors: p.errors });
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
      const outcome = await applyPut(deps, tx, access, p.entry, p.item.baseVersion ?? undefined, batch);
      results.push(
        outcome.status === 'conflict'
          ? { id, status: 'conflict', reason: outcome.reason, current: outcome.current }
          : { id, status: outcome.status, version: outcome.record.version },
      );
    }
    await tx.audit.append(batch.audits);
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
  const access = await authorizePatientAccess(deps, ctx, patientId, 'write-diary');
  const reveal = access.mayRead;
  return deps.store.transaction(async (tx): Promise<PutOutcome> => {
    await tx.patients.lockForWrite(patientId);
    const existing = await tx.diary.findEntry(entryId);
    if (!existing || existing.patientId !== patientId) throw notFound('The diary entry');
    if (existing.deletedAt !== null) return { status: 'unchanged', record: toRecord(existing) };
    if (baseVersion !== undefined && baseVersion !== existing.version) {
      const batch = singleWrite(tx, patientId, reveal);
      const current = conflictCopy(access, batch, existing);
      await tx.audit.append(batch.audits);
      return { status: 'conflict', current, reason: `The entry changed on the server (version ${existing.version}).` };
    }
    const at = nowIso(deps);
    const meta = { version: existing.version + 1, changeSeq: (await tx.diary.lastChangeSeq(patientId)) + 1, at };
    await tx.diary.tombstone(patientId, entryId, meta);
    await tx.audit.append([access.audit('diary-entry.delete', 'diary_entry', entryId)]);
    return {
      status: 'updated',
      record: { id: entryId, version: meta.version, changeSeq: meta.changeSeq, updatedAt: at, deleted: true, entry: null },
    };
  });
}

export function encodeSyncCursor(changeSeq: number): string {
  return Buffer.from(`s${changeSeq}`, 'utf8').toString('base64url');
}

function invalidCursor(detail: string): AppError {
  return new AppError('validation-failed', 'The sync cursor is not valid; pull from the start without `since`.', {
    errors: [{ pointer: '/query/since', detail }],
  });
}

export function decodeSyncCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  const m = /^s(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw invalidCursor('Not a cursor this server issued.');
  return Number(m[1]);
}

/** Changes since a cursor, oldest first; the entry bodies come back as stored JSON text. */
export async function pullDiaryChanges(deps: AppDeps, ctx: RequestContext, patientId: string, since: string | undefined, limit: number) {
  const afterSeq = decodeSyncCursor(since);
  const access = await authorizePatientAccess(deps, ctx, patientId, 'read');
  const rows = await deps.store.diary.listChanges(patientId, afterSeq, limit + 1);
  const page = rows.slice(0, limit);
  // A cursor past the diary's last change (forged, another patient's, or from before a restore) would
  // be echoed back on every empty page, and its holder would never see another change. Only an empty
  // page can come from such a cursor, so the usual pull costs no extra query.
  if (page.length === 0 && afterSeq > 0 && afterSeq > (await deps.store.diary.lastChangeSeq(patientId))) {
    throw invalidCursor('This cursor is past the last change of this diary.');
  }
  await deps.store.audit.append([access.audit('diary-entry.pull', 'diary_entry', null)]);
  const last = page.at(-1);
  return { items: page, cursor: encodeSyncCursor(last ? last.changeSeq : afterSeq), hasMore: rows.length > limit };
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
  const rows = await deps.store.diary.listSummaries(patientId, from, to);
  await deps.store.audit.append([access.audit('day-summary.read', 'day_summary', null)]);
  return rows.map(summarizeAccumulator);
}

/** Every live entry of the patient, oldest first (for export). */
export async function exportDiary(deps: AppDeps, ctx: RequestContext, patientId: string): Promise<readonly DiaryEntry[]> {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'read');
  const entries = await deps.store.diary.listEntries(patientId, '0000-01-01', '9999-12-31');
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
  const access = await authorizePatientAccess(deps, ctx, patientId, 'write-diary');
  const entries = rows.map((r) => r.entry);
  return deps.store.transaction(async (tx) => {
    await tx.patients.lockForWrite(patientId);
    let imported = 0;
    let alreadyPresent = 0;
    let newIds = 0;
    const problems: { pointer: string; detail: string }[] = [];
    const stored = await tx.diary.findEntries(entries.map((e) => e.id));
    // A row entered into this account by this import is this person's entry (the file cannot claim
    // another author or source); its mode and times stay as recorded.
    const asImported = (e: DiaryEntry): DiaryEntry => ({
      ...e,
      id: importedEntryId(patientId, e.id),
      provenance: { ...e.provenance, enteredBy: access.userId, source: SOURCE_FOR_BASIS[access.basis.kind] },
    });
    const derived = entries.map((e) => (stored.get(e.id)?.patientId === patientId ? e : asImported(e)));
    const derivedTaken = await tx.diary.findEntries(derived.filter((e, i) => e.id !== entries[i]!.id).map((e) => e.id));
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
    const found = await tx.diary.findEntries(own.map((e) => e.id));
    const fresh = own.length - found.size;
    let seq = fresh > 0 ? await tx.diary.lastChangeSeq(patientId) : 0;
    const at = nowIso(deps);
    for (const [i, entry] of own.entries()) {
      const existing = found.get(entry.id);
      if (existing) {
        const same =
          existing.patientId === patientId && existing.entry !== null && JSON.stringify(existing.entry) === JSON.stringify(entry);
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
      await tx.diary.insertEntry(patientId, entry, { version: 1, changeSeq: ++seq, at });
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
