// The record engine: one protocol for every record a device creates under its own id (diary entries,
// flares, block diaries, conditions, procedures, conservative care, medication orders, taper plans, the
// naloxone check).
//
// - Create or replace by client id. A byte-identical retry (an outbox that never heard the answer), or
//   a save of what is already stored, is answered with the stored version: no new version, no audit
//   row, since nothing changed and the answer carries back only what the caller sent.
// - An edit names the version it was made on (If-Match). Anything else is a conflict that answers with
//   the server's copy, but only to a writer who may read it, and that disclosure is audited as a read.
//   An edit already applied whose answer was lost (sent again with the version it edited, same body)
//   is a retry, not a conflict with itself.
// - A delete leaves a tombstone that keeps its id; deleting again is done; a tombstone is never
//   written over (the device must save under a new id).
// - The patient's write turn is taken first, and access is decided inside that same transaction from
//   one grant lookup: a caregiver revoked while the request was on its way cannot write, because
//   revoking takes the same turn.
// - The usual write is done first, as one conditional statement with its audit row (a create of a new
//   id, or an edit of the live version the writer saw); only when it writes nothing (a retry, a
//   conflict, another patient's id) is the stored record read and the answer decided from it. A kind
//   whose save checks or adds something (a hook) reads first instead, as the hook needs the record.
// - Every write takes the patient's next change sequence, so the patient's change feed
//   (`record-feed.ts`) holds every record of every kind once, at its last write, in the order of the
//   writes.
import { authorizePatientAccess, type Granted } from './access.ts';
import { nowIso, type AppDeps, type RequestContext } from './context.ts';
import { notFound } from './errors.ts';
import type { PatientAction } from './policy.ts';
import type { Repositories } from './ports.ts';
import type { RecordStore, StoredRecord } from './record-store.ts';
import { isUniqueViolationError } from './unique.ts';

export interface RecordKind<T> {
  /** Audit resource type and the feed's name of the kind (`condition`). */
  readonly resource: string;
  /** Audit action prefix (`condition` → `condition.create`), when it is not `resource`. */
  readonly auditPrefix?: string;
  /** How a message names one ("The flare"). */
  readonly label: string;
  /** What a write needs of the grant. */
  readonly writeAction: PatientAction;
  store(tx: Repositories): RecordStore<T>;
  /** The key lists are ordered by, newest first. */
  sortAt(value: T): string;
}

export type SaveOutcome<T> =
  | { readonly status: 'created' | 'updated' | 'unchanged'; readonly record: StoredRecord<T> }
  | { readonly status: 'conflict'; readonly current: StoredRecord<T> | null; readonly reason: string };

/** A delete done now or before: `record` is the tombstone. */
export type DeleteOutcome<T> =
  | { readonly status: 'deleted' | 'unchanged'; readonly record: StoredRecord<T | null> }
  | { readonly status: 'conflict'; readonly current: StoredRecord<T> | null; readonly reason: string };

/** Checks that need the database (e.g. a linked record exists); throw an AppError to refuse. */
export type RecordCheck<T> = (tx: Repositories, access: Granted, value: T) => Promise<void>;

/** Work done in the same transaction after a record was created or changed (`previous` is null on create). */
export type RecordAfterWrite<T> = (
  tx: Repositories,
  access: Granted,
  write: { readonly value: T; readonly previous: StoredRecord<T> | null; readonly version: number },
) => Promise<void>;

/** Work done in the same transaction after a record was deleted (`deleted` is the record as it was). */
export type RecordAfterDelete<T> = (tx: Repositories, access: Granted, deleted: StoredRecord<T>) => Promise<void>;

export interface SaveHooks<T> {
  readonly check?: RecordCheck<T>;
  readonly afterWrite?: RecordAfterWrite<T>;
}

/**
 * What is saved: the value, or how to make it once access is decided (e.g. a diary entry's provenance
 * names who wrote it and on what basis).
 */
export type RecordInput<T> = T | ((access: Granted) => T);

const ID_TAKEN = 'This id is already used. Create the record with a new id.';

const auditOf = <T>(kind: RecordKind<T>, access: Granted, verb: string, id: string | null) =>
  access.audit(`${kind.auditPrefix ?? kind.resource}.${verb}`, kind.resource, id);

/**
 * Runs `work` in one transaction that holds the patient's write turn, with access to `action` decided
 * inside it. Every write of a patient's records goes through here.
 */
export function inPatientWrite<R>(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  action: PatientAction,
  work: (tx: Repositories, access: Granted) => Promise<R>,
): Promise<R> {
  return deps.store.transaction(async (tx) => {
    await tx.patients.lockForWrite(patientId);
    const access = await authorizePatientAccess(deps, ctx, patientId, action, tx);
    return work(tx, access);
  });
}

/**
 * The server's copy a conflict answers with, as this writer may see it: without `read` there is no
 * copy; with it, showing the copy is a read and is audited as one.
 */
export async function conflictCopy<C>(
  tx: Repositories,
  access: Granted,
  current: C | null,
  resourceType: string,
  resourceId: string | null,
  auditPrefix = resourceType,
): Promise<C | null> {
  if (current === null || !access.mayRead) return null;
  await tx.audit.append([access.audit(`${auditPrefix}.read`, resourceType, resourceId)]);
  return current;
}

const copyFor = <T>(kind: RecordKind<T>, tx: Repositories, access: Granted, current: StoredRecord<T> | null, id: string) =>
  conflictCopy(tx, access, current, kind.resource, id, kind.auditPrefix ?? kind.resource);

export async function saveRecord<T>(
  kind: RecordKind<T>,
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  id: string,
  input: RecordInput<T>,
  baseVersion?: number,
  hooks: SaveHooks<T> = {},
): Promise<SaveOutcome<T>> {
  const at = nowIso(deps);
  try {
    return await inPatientWrite(deps, ctx, patientId, kind.writeAction, (tx, access) => {
      const value = typeof input === 'function' ? (input as (access: Granted) => T)(access) : input;
      return writeRecord(kind, tx, access, id, value, at, baseVersion, hooks);
    });
  } catch (error) {
    // The same id created at the same moment for another patient (only this patient's writes take turns).
    if (isUniqueViolationError(error)) return { status: 'conflict', current: null, reason: ID_TAKEN };
    throw error;
  }
}

/**
 * One save inside a transaction that already holds the patient's write turn (`inPatientWrite`), for a
 * use case that writes several records at once; conflicts are outcomes, so each gets its own answer.
 */
export async function writeRecord<T>(
  kind: RecordKind<T>,
  tx: Repositories,
  access: Granted,
  id: string,
  value: T,
  at: string,
  baseVersion: number | undefined,
  hooks: SaveHooks<T> = {},
): Promise<SaveOutcome<T>> {
  const store = kind.store(tx);
  const patientId = access.patientId;
  const sortKey = kind.sortAt(value);
  const live = (version: number, changeSeq: number): StoredRecord<T> => ({
    id,
    patientId,
    version,
    changeSeq,
    updatedAt: at,
    deletedAt: null,
    body: value,
  });
  if (!hooks.check && !hooks.afterWrite) {
    if (baseVersion === undefined) {
      const created = await store.create(patientId, id, value, sortKey, at, auditOf(kind, access, 'create', id));
      if (created) return { status: 'created', record: live(1, created.changeSeq) };
    } else {
      const edited = await store.edit(patientId, id, value, sortKey, baseVersion, at, auditOf(kind, access, 'update', id));
      if (edited) return { status: 'updated', record: live(edited.version, edited.changeSeq) };
    }
  }
  const existing = await store.find(id);
  // Never reveal or touch another patient's record: the client must pick a new id.
  if (existing && existing.patientId !== patientId) return { status: 'conflict', current: null, reason: ID_TAKEN };
  if (!existing) {
    if (baseVersion !== undefined) return { status: 'conflict', current: null, reason: 'It does not exist on the server.' };
    if (hooks.check) await hooks.check(tx, access, value);
    const created = await store.create(patientId, id, value, sortKey, at, auditOf(kind, access, 'create', id));
    if (!created) return { status: 'conflict', current: null, reason: ID_TAKEN };
    if (hooks.afterWrite) await hooks.afterWrite(tx, access, { value, previous: null, version: 1 });
    return { status: 'created', record: live(1, created.changeSeq) };
  }
  if (existing.deletedAt !== null) {
    return { status: 'conflict', current: null, reason: 'It was deleted on another device; save it under a new id to keep it.' };
  }
  // Nothing to change: a retry (with no version, or the version an edit already applied was made on)
  // or a save of what is already stored. Answered as stored, without a new version.
  const same = JSON.stringify(existing.body) === JSON.stringify(value);
  if (same && (baseVersion === undefined || baseVersion === existing.version || baseVersion === existing.version - 1)) {
    return { status: 'unchanged', record: existing };
  }
  if (baseVersion === undefined) {
    return {
      status: 'conflict',
      current: await copyFor(kind, tx, access, existing, id),
      reason: 'It already exists with other content; send its version (If-Match) to change it.',
    };
  }
  if (baseVersion !== existing.version) {
    return {
      status: 'conflict',
      current: await copyFor(kind, tx, access, existing, id),
      reason: `It changed on the server (version ${existing.version}, you edited version ${baseVersion}).`,
    };
  }
  if (hooks.check) await hooks.check(tx, access, value);
  const edited = await store.edit(patientId, id, value, sortKey, baseVersion, at, auditOf(kind, access, 'update', id));
  if (!edited) {
    // Unreachable while writes take the patient's turn; kept so a lost race can never overwrite.
    return {
      status: 'conflict',
      current: await copyFor(kind, tx, access, (await store.find(id)) ?? null, id),
      reason: 'It changed on the server while you saved.',
    };
  }
  if (hooks.afterWrite) await hooks.afterWrite(tx, access, { value, previous: existing, version: edited.version });
  return { status: 'updated', record: live(edited.version, edited.changeSeq) };
}

/**
 * Deletes (a tombstone). With `baseVersion` (If-Match) a device that has not seen the latest edit gets
 * a conflict instead of wiping it; deleting what is already deleted is answered as done (a retry).
 */
export function deleteRecord<T>(
  kind: RecordKind<T>,
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  id: string,
  baseVersion?: number,
  afterDelete?: RecordAfterDelete<T>,
): Promise<DeleteOutcome<T>> {
  const at = nowIso(deps);
  return inPatientWrite(deps, ctx, patientId, kind.writeAction, async (tx, access): Promise<DeleteOutcome<T>> => {
    const store = kind.store(tx);
    const tombstone = (version: number, changeSeq: number): StoredRecord<T | null> => ({
      id,
      patientId,
      version,
      changeSeq,
      updatedAt: at,
      deletedAt: at,
      body: null,
    });
    // The usual delete (of the version the device saw) first, as for a save.
    if (baseVersion !== undefined && !afterDelete) {
      const done = await store.softDelete(patientId, id, baseVersion, at, auditOf(kind, access, 'delete', id));
      if (done) return { status: 'deleted', record: tombstone(baseVersion + 1, done.changeSeq) };
    }
    const existing = await store.find(id);
    if (!existing || existing.patientId !== patientId) throw notFound(kind.label);
    if (existing.deletedAt !== null) return { status: 'unchanged', record: { ...existing, body: null } };
    if (baseVersion !== undefined && baseVersion !== existing.version) {
      return {
        status: 'conflict',
        current: await copyFor(kind, tx, access, existing, id),
        reason: `It changed on the server (version ${existing.version}); look at the change before deleting.`,
      };
    }
    const done = await store.softDelete(patientId, id, existing.version, at, auditOf(kind, access, 'delete', id));
    if (!done) return { status: 'conflict', current: null, reason: 'It changed on the server while you deleted it.' };
    if (afterDelete) await afterDelete(tx, access, existing);
    return { status: 'deleted', record: tombstone(existing.version + 1, done.changeSeq) };
  });
}

export async function listRecords<T>(
  kind: RecordKind<T>,
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  limit: number,
): Promise<readonly StoredRecord<T>[]> {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'read');
  const list = await kind.store(deps.store).list(patientId, limit);
  await deps.store.audit.append([auditOf(kind, access, 'list', null)]);
  return list;
}

export async function getRecord<T>(
  kind: RecordKind<T>,
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  id: string,
): Promise<StoredRecord<T>> {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'read');
  const record = await kind.store(deps.store).find(id);
  if (!record || record.patientId !== patientId || record.deletedAt !== null) throw notFound(kind.label);
  await deps.store.audit.append([auditOf(kind, access, 'read', id)]);
  return record;
}

/**
 * Like getRecord, but a record not made yet is `undefined` rather than an error: for a record each
 * patient has at most one of, whose absence is an answer ("not asked yet"), such as the naloxone check.
 */
export async function findRecord<T>(
  kind: RecordKind<T>,
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  id: string,
): Promise<StoredRecord<T> | undefined> {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'read');
  const record = await kind.store(deps.store).find(id);
  if (!record || record.patientId !== patientId || record.deletedAt !== null) return undefined;
  await deps.store.audit.append([auditOf(kind, access, 'read', id)]);
  return record;
}
