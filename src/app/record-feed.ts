// The patient's change feed: every write of every versioned record (diary entries, flares, block
// diaries, clinical records, taper plans, the naloxone check), oldest first, each once at the place its
// last write took. A device pulls what changed since the cursor it was given and keeps the new one.
//
// The cursor is the change sequence of the last change read, opaque to clients. Sequences are unique
// per patient across kinds and only grow (an edit or a delete moves the record to a new one), so no
// write is skipped and every cursor handed out stays at or below the feed's maximum.
import { authorizePatientAccess } from './access.ts';
import type { AppDeps, RequestContext } from './context.ts';
import { AppError } from './errors.ts';
import type { RecordChange } from './record-store.ts';

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

export interface ChangePage {
  readonly items: readonly RecordChange[];
  readonly cursor: string;
  readonly hasMore: boolean;
}

/**
 * Changes since a cursor, oldest first (of one kind only when `kind` is given, as the diary's own pull
 * asks); the bodies come back as stored JSON text, to be served as they are.
 */
export async function pullChanges(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  since: string | undefined,
  limit: number,
  only?: { readonly kind: string; readonly auditAction: string },
): Promise<ChangePage> {
  const afterSeq = decodeSyncCursor(since);
  const access = await authorizePatientAccess(deps, ctx, patientId, 'read');
  const rows = await deps.store.records.listChanges(patientId, afterSeq, limit + 1, only?.kind);
  const page = rows.slice(0, limit);
  // A cursor past the feed's last change (forged, another patient's, or from before a restore) would
  // be echoed back on every empty page, and its holder would never see another change. Only an empty
  // page can come from such a cursor, so the usual pull costs no extra query.
  if (page.length === 0 && afterSeq > 0 && afterSeq > (await deps.store.records.lastChangeSeq(patientId))) {
    throw invalidCursor('This cursor is past the last change of this record.');
  }
  await deps.store.audit.append([
    only ? access.audit(only.auditAction, only.kind, null) : access.audit('records.pull', 'versioned_record', null),
  ]);
  const last = page.at(-1);
  return { items: page, cursor: encodeSyncCursor(last ? last.changeSeq : afterSeq), hasMore: rows.length > limit };
}
