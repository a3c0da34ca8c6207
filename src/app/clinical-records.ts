// Clinical records of a patient (conditions, medication orders, procedures, conservative care):
// create or update by client id with optional version check, soft delete, list and read — the
// diary documents' protocol (diary-documents.ts) for data that needs the `write-clinical` action.
import { toLocalDateTime, type TimeZone } from '../domain/time/local-date.ts';
import { authorizePatientAccess, mayAlsoRead, type Granted } from './access.ts';
import type { RecordStore, StoredRecord } from './care-plan-records.ts';
import { nowIso, type AppDeps, type RequestContext } from './context.ts';
import { AppError, notFound } from './errors.ts';
import type { PatientAction } from './policy.ts';
import type { Stores } from './ports.ts';
import { isUniqueViolationError } from './unique.ts';

export interface RecordKind<T> {
  /** Audit resource type and action prefix (`condition` → `condition.create`). */
  readonly resource: string;
  readonly label: string;
  store(tx: Stores): RecordStore<T>;
  sortAt(value: T): string;
  /** The action a write needs (default `write-clinical`). */
  readonly writeAction?: PatientAction;
}

export type RecordOutcome<T> =
  | { readonly status: 'created' | 'updated' | 'unchanged'; readonly record: StoredRecord<T> }
  | { readonly status: 'conflict'; readonly current: StoredRecord<T> | null; readonly reason: string };

/** Checks that need the database (e.g. a linked record exists); throw an AppError to refuse. */
export type RecordCheck<T> = (tx: Stores, access: Granted, value: T) => Promise<void>;

/** Work done in the same transaction after a record was created or changed (`previous` is null on create). */
export type RecordAfterWrite<T> = (tx: Stores, access: Granted, write: { readonly value: T; readonly previous: StoredRecord<T> | null; readonly version: number }) => Promise<void>;

export async function saveRecord<T>(
  kind: RecordKind<T>, deps: AppDeps, ctx: RequestContext, patientId: string, id: string, value: T, baseVersion?: number, check?: RecordCheck<T>,
  afterWrite?: RecordAfterWrite<T>,
): Promise<RecordOutcome<T>> {
  const access = await authorizePatientAccess(deps, ctx, patientId, kind.writeAction ?? 'write-clinical');
  const reveal = await mayAlsoRead(deps, ctx, access);
  const at = nowIso(deps);
  try {
    return await deps.store.transaction(async (tx): Promise<RecordOutcome<T>> => {
      await tx.patients.lockForWrite(patientId);
      const outcome = await writeRecord(kind, tx, access, patientId, id, value, at, baseVersion, check, afterWrite);
      if (outcome.status !== 'conflict') return outcome;
      return { ...outcome, current: await conflictCopy(tx, access, reveal, outcome.current, `${kind.resource}.read`, kind.resource, id) };
    });
  } catch (error) {
    // The same id created at the same moment for another patient (this patient's writes take turns).
    if (isUniqueViolationError(error)) return { status: 'conflict', current: null, reason: ID_TAKEN };
    throw error;
  }
}

const ID_TAKEN = 'This id is already used. Create the record with a new id.';

async function writeRecord<T>(
  kind: RecordKind<T>, tx: Stores, access: Granted, patientId: string, id: string, value: T, at: string, baseVersion: number | undefined,
  check: RecordCheck<T> | undefined, afterWrite: RecordAfterWrite<T> | undefined,
): Promise<RecordOutcome<T>> {
  const store = kind.store(tx);
  const existing = await store.find(id);
  if (existing && existing.patientId !== patientId) return { status: 'conflict', current: null, reason: ID_TAKEN };
  if (check) await check(tx, access, value);
  if (!existing) {
    if (baseVersion !== undefined) return { status: 'conflict', current: null, reason: 'It does not exist on the server.' };
    await store.insert(patientId, id, value, kind.sortAt(value), at);
    await tx.audit.append([access.audit(`${kind.resource}.create`, kind.resource, id)]);
    if (afterWrite) await afterWrite(tx, access, { value, previous: null, version: 1 });
    return { status: 'created', record: { id, patientId, version: 1, updatedAt: at, deletedAt: null, body: value } };
  }
  const same = existing.deletedAt === null && JSON.stringify(existing.body) === JSON.stringify(value);
  if (baseVersion === undefined) {
    return same ? { status: 'unchanged', record: existing } : { status: 'conflict', current: existing, reason: 'It already exists with other content; send its version (If-Match) to change it.' };
  }
  if (baseVersion !== existing.version || existing.deletedAt !== null) {
    return { status: 'conflict', current: existing, reason: `It changed on the server (version ${existing.version}, you edited version ${baseVersion}).` };
  }
  if (!await store.update(patientId, id, value, kind.sortAt(value), existing.version + 1, at)) {
    return { status: 'conflict', current: (await store.find(id)) ?? null, reason: 'It changed on the server while you saved.' };
  }
  await tx.audit.append([access.audit(`${kind.resource}.update`, kind.resource, id)]);
  if (afterWrite) await afterWrite(tx, access, { value, previous: existing, version: existing.version + 1 });
  return { status: 'updated', record: { id, patientId, version: existing.version + 1, updatedAt: at, deletedAt: null, body: value } };
}

/**
 * The server's copy a conflict answers with, as this writer may see it: a write scope does not imply
 * `read` (a caregiver with diary scope, a clinic granted only `write`), so without it there is no copy;
 * with it, showing the copy is a read and is audited as one.
 */
export async function conflictCopy<C>(tx: Stores, access: Granted, reveal: boolean, current: C | null, action: string, resourceType: string, resourceId: string | null): Promise<C | null> {
  if (current === null) return null;
  if (!reveal) return null;
  await tx.audit.append([access.audit(action, resourceType, resourceId)]);
  return current;
}

/** Work done in the same transaction after a record was deleted (`deleted` is the record as it was). */
export type RecordAfterDelete<T> = (tx: Stores, access: Granted, deleted: StoredRecord<T>) => Promise<void>;

export async function deleteRecord<T>(
  kind: RecordKind<T>, deps: AppDeps, ctx: RequestContext, patientId: string, id: string, afterDelete?: RecordAfterDelete<T>,
): Promise<void> {
  const access = await authorizePatientAccess(deps, ctx, patientId, kind.writeAction ?? 'write-clinical');
  await deps.store.transaction(async (tx) => {
    await tx.patients.lockForWrite(patientId);
    const store = kind.store(tx);
    const existing = await store.find(id);
    if (!existing || existing.patientId !== patientId || existing.deletedAt !== null) throw notFound(kind.label);
    if (!await store.softDelete(patientId, id, existing.version + 1, nowIso(deps))) throw new AppError('clinical-record-conflict', `${kind.label} changed while you deleted it; reload and try again.`);
    await tx.audit.append([access.audit(`${kind.resource}.delete`, kind.resource, id)]);
    if (afterDelete) await afterDelete(tx, access, existing);
  });
}

export async function listRecords<T>(kind: RecordKind<T>, deps: AppDeps, ctx: RequestContext, patientId: string, limit: number): Promise<readonly StoredRecord<T>[]> {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'read');
  const list = await kind.store(deps.store).list(patientId, limit);
  await deps.store.audit.append([access.audit(`${kind.resource}.list`, kind.resource, null)]);
  return list;
}

export async function getRecord<T>(kind: RecordKind<T>, deps: AppDeps, ctx: RequestContext, patientId: string, id: string): Promise<StoredRecord<T>> {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'read');
  const record = await kind.store(deps.store).find(id);
  if (!record || record.patientId !== patientId || record.deletedAt !== null) throw notFound(kind.label);
  await deps.store.audit.append([access.audit(`${kind.resource}.read`, kind.resource, id)]);
  return record;
}

/**
 * Like getRecord, but a record not made yet is `undefined` rather than an error: for a record each
 * patient has at most one of, whose absence is an answer ("not asked yet"), such as the naloxone check.
 */
export async function findRecord<T>(kind: RecordKind<T>, deps: AppDeps, ctx: RequestContext, patientId: string, id: string): Promise<StoredRecord<T> | undefined> {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'read');
  const record = await kind.store(deps.store).find(id);
  if (!record || record.patientId !== patientId || record.deletedAt !== null) return undefined;
  await deps.store.audit.append([access.audit(`${kind.resource}.read`, kind.resource, id)]);
  return record;
}

/** Today's date and the age reached this calendar year, for the patient's own time zone. */
export async function patientToday(deps: AppDeps, stores: Stores, patientId: string): Promise<{ today: string; ageThisYear: number | undefined }> {
  const patient = await stores.patients.findById(patientId);
  if (!patient) throw notFound('The patient');
  const today = toLocalDateTime(deps.clock.now(), patient.timeZone as TimeZone).date;
  const ageThisYear = patient.birthYear === null ? undefined : Number(today.slice(0, 4)) - patient.birthYear;
  return { today, ageThisYear };
}

/** `AppError('validation-failed')` for field errors found by the use case. */
export function invalid(what: string, errors: readonly { pointer: string; detail: string }[]): AppError {
  return new AppError('validation-failed', `${what} has invalid fields.`, { errors });
}
