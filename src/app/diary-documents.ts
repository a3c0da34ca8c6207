// Flares and block diaries: create or update by client id with optional version check, soft delete,
// list. Validation and the relief arithmetic are the domain's (domain/diary/flare.ts, block-diary.ts).
import { computeBlockRelief, scheduleReadings, validateBlockDiary, type BlockDiary } from '../domain/diary/block-diary.ts';
import { flareTimeline, validateFlare, type Flare } from '../domain/diary/flare.ts';
import { authorizePatientAccess, mayAlsoRead } from './access.ts';
import { nowIso, type AppDeps, type RequestContext } from './context.ts';
import { AppError, notFound } from './errors.ts';
import type { DocumentStore, Stores, StoredDocument } from './ports.ts';

interface DocumentKind<T> {
  readonly resource: 'flare' | 'block_diary';
  readonly label: string;
  store(tx: Stores): DocumentStore<T>;
  validate(input: unknown, now: Date): { ok: true; value: T } | { ok: false; errors: readonly { pointer: string; message: string }[] };
  sortAt(value: T): string;
}

export const FLARES: DocumentKind<Flare> = {
  resource: 'flare',
  label: 'The flare',
  store: (tx) => tx.flares,
  validate: (input, now) => { const r = validateFlare(input, { asOf: now }); return r.ok ? { ok: true, value: r.flare } : r; },
  sortAt: (f) => f.startedAt,
};

export const BLOCK_DIARIES: DocumentKind<BlockDiary> = {
  resource: 'block_diary',
  label: 'The block diary',
  store: (tx) => tx.blockDiaries,
  validate: (input) => { const r = validateBlockDiary(input); return r.ok ? { ok: true, value: r.diary } : r; },
  sortAt: (d) => d.procedureAt,
};

export type DocumentOutcome<T> =
  | { readonly status: 'created' | 'updated' | 'unchanged'; readonly document: StoredDocument<T> }
  | { readonly status: 'conflict'; readonly current: StoredDocument<T> | null; readonly reason: string };

export async function saveDocument<T>(
  kind: DocumentKind<T>, deps: AppDeps, ctx: RequestContext, patientId: string, id: string, input: Record<string, unknown>, baseVersion?: number,
): Promise<DocumentOutcome<T>> {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'write-diary');
  const reveal = await mayAlsoRead(deps, ctx, access);
  const checked = kind.validate({ ...input, id }, deps.clock.now());
  if (!checked.ok) throw new AppError('validation-failed', `${kind.label} has invalid fields.`, { errors: checked.errors.map((e) => ({ pointer: e.pointer, detail: e.message })) });
  const value = checked.value;
  const at = nowIso(deps);
  return deps.store.transaction(async (tx): Promise<DocumentOutcome<T>> => {
    const store = kind.store(tx);
    // The server's copy goes back with a conflict only to a writer who may read it, audited as a read.
    const conflictCopy = async (stored: StoredDocument<T>): Promise<StoredDocument<T> | null> => {
      if (!reveal) return null;
      await tx.audit.append([access.audit(`${kind.resource}.read`, kind.resource, stored.id)]);
      return stored;
    };
    await tx.patients.lockForWrite(patientId);
    const existing = await store.find(id);
    if (existing && existing.patientId !== patientId) return { status: 'conflict', current: null, reason: 'This id is already used. Create it with a new id.' };
    if (!existing) {
      if (baseVersion !== undefined) return { status: 'conflict', current: null, reason: 'It does not exist on the server.' };
      await store.insert(patientId, id, value, kind.sortAt(value), at);
      await tx.audit.append([access.audit(`${kind.resource}.create`, kind.resource, id)]);
      return { status: 'created', document: { id, patientId, version: 1, updatedAt: at, deletedAt: null, body: value } };
    }
    // Deleted on another device: no copy to compare with or to save over (a tombstone keeps its id).
    if (existing.deletedAt !== null) return { status: 'conflict', current: null, reason: 'It was deleted on another device; save it under a new id to keep it.' };
    const same = JSON.stringify(existing.body) === JSON.stringify(value);
    // A retry answered from the stored copy carries it back, so it is audited as a read (as for diary entries).
    const unchanged = async (): Promise<DocumentOutcome<T>> => {
      await tx.audit.append([access.audit(`${kind.resource}.read`, kind.resource, existing.id)]);
      return { status: 'unchanged', document: existing };
    };
    if (baseVersion === undefined) {
      return same ? unchanged() : { status: 'conflict', current: await conflictCopy(existing), reason: 'It already exists with other content; send its version to change it.' };
    }
    if (baseVersion !== existing.version) {
      // A retry of an edit the server already applied (its answer was lost) is answered as the first time was.
      if (baseVersion === existing.version - 1 && same) return unchanged();
      return { status: 'conflict', current: await conflictCopy(existing), reason: `It changed on the server (version ${existing.version}).` };
    }
    await store.update(patientId, id, value, kind.sortAt(value), existing.version + 1, at);
    await tx.audit.append([access.audit(`${kind.resource}.update`, kind.resource, id)]);
    return { status: 'updated', document: { id, patientId, version: existing.version + 1, updatedAt: at, deletedAt: null, body: value } };
  });
}

export type DeleteOutcome<T> =
  | { readonly status: 'deleted' | 'unchanged' }
  | { readonly status: 'conflict'; readonly current: StoredDocument<T> | null; readonly reason: string };

/**
 * Deletes (a tombstone). With `baseVersion` (If-Match) a device that has not seen the latest edit gets
 * a conflict instead of wiping it; deleting what is already deleted is answered as done (a retry).
 */
export async function deleteDocument<T>(
  kind: DocumentKind<T>, deps: AppDeps, ctx: RequestContext, patientId: string, id: string, baseVersion?: number,
): Promise<DeleteOutcome<T>> {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'write-diary');
  const reveal = await mayAlsoRead(deps, ctx, access);
  return deps.store.transaction(async (tx): Promise<DeleteOutcome<T>> => {
    const store = kind.store(tx);
    await tx.patients.lockForWrite(patientId);
    const existing = await store.find(id);
    if (!existing || existing.patientId !== patientId) throw notFound(kind.label);
    if (existing.deletedAt !== null) return { status: 'unchanged' };
    if (baseVersion !== undefined && baseVersion !== existing.version) {
      if (reveal) await tx.audit.append([access.audit(`${kind.resource}.read`, kind.resource, id)]);
      return { status: 'conflict', current: reveal ? existing : null, reason: `It changed on the server (version ${existing.version}); look at the change before deleting.` };
    }
    await store.softDelete(patientId, id, existing.version + 1, nowIso(deps));
    await tx.audit.append([access.audit(`${kind.resource}.delete`, kind.resource, id)]);
    return { status: 'deleted' };
  });
}

export async function listDocuments<T>(kind: DocumentKind<T>, deps: AppDeps, ctx: RequestContext, patientId: string, limit: number) {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'read');
  const list = await kind.store(deps.store).list(patientId, limit);
  await deps.store.audit.append([access.audit(`${kind.resource}.list`, kind.resource, null)]);
  return list;
}

export async function getDocument<T>(kind: DocumentKind<T>, deps: AppDeps, ctx: RequestContext, patientId: string, id: string): Promise<StoredDocument<T>> {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'read');
  const doc = await kind.store(deps.store).find(id);
  if (!doc || doc.patientId !== patientId || doc.deletedAt !== null) throw notFound(kind.label);
  await deps.store.audit.append([access.audit(`${kind.resource}.read`, kind.resource, id)]);
  return doc;
}

/** A flare timeline: the flares with duration and whether each is ongoing. */
export function presentFlares(list: readonly StoredDocument<Flare>[]) {
  const versions = new Map(list.map((d) => [d.id, d.version]));
  return flareTimeline(list.map((d) => d.body)).map((f) => ({ ...f, version: versions.get(f.id)! }));
}

/** A block diary with its reminder schedule and relief analysis (NRS-derived beside patient-reported). */
export function presentBlockDiary(doc: StoredDocument<BlockDiary>) {
  return { ...doc.body, version: doc.version, schedule: scheduleReadings(doc.body.procedureAt, doc.body.offsetsMinutes), relief: computeBlockRelief(doc.body) };
}
