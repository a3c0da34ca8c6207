// Flares and block diaries: kept by the record engine (versioned-records.ts) under the diary scope.
// Validation and the relief arithmetic are the domain's (domain/diary/flare.ts, block-diary.ts).
import { checkBlockDiary, computeBlockRelief, scheduleReadings, type BlockDiary } from '../domain/diary/block-diary.ts';
import type { BlockDiaryShape } from '../domain/diary/block-diary-shape.ts';
import { checkFlare, flareTimeline, type Flare } from '../domain/diary/flare.ts';
import type { FlareShape } from '../domain/diary/flare-shape.ts';
import type { AppDeps, RequestContext } from './context.ts';
import { invalid } from './errors.ts';
import type { StoredRecord } from './record-store.ts';
import { saveRecord, type RecordKind, type SaveOutcome } from './versioned-records.ts';

/**
 * A kind of diary document. Its body arrives parsed with the domain's schema (the route parses it
 * once); `check` adds the client's id and what the shape cannot say: canonical values, times not in
 * the future.
 */
interface DocumentKind<T, S> extends RecordKind<T> {
  check(shape: S, now: Date): { ok: true; value: T } | { ok: false; errors: readonly { pointer: string; message: string }[] };
}

export const FLARES: DocumentKind<Flare, FlareShape> = {
  resource: 'flare',
  label: 'The flare',
  writeAction: 'write-diary',
  store: (tx) => tx.flares,
  check: (shape, now) => {
    const r = checkFlare(shape, { asOf: now });
    return r.ok ? { ok: true, value: r.flare } : r;
  },
  sortAt: (f) => f.startedAt,
};

export const BLOCK_DIARIES: DocumentKind<BlockDiary, BlockDiaryShape> = {
  resource: 'block_diary',
  label: 'The block diary',
  writeAction: 'write-diary',
  store: (tx) => tx.blockDiaries,
  check: (shape) => {
    const r = checkBlockDiary(shape);
    return r.ok ? { ok: true, value: r.diary } : r;
  },
  sortAt: (d) => d.procedureAt,
};

/** Checks a flare or block diary the route has parsed, then saves it through the record engine. */
export function saveDocument<T, S extends { id: string }>(
  kind: DocumentKind<T, S>,
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  id: string,
  body: Omit<S, 'id'>,
  baseVersion?: number,
): Promise<SaveOutcome<T>> {
  const checked = kind.check({ ...body, id } as S, deps.clock.now());
  if (!checked.ok)
    throw invalid(
      kind.label,
      checked.errors.map((e) => ({ pointer: e.pointer, detail: e.message })),
    );
  return saveRecord(kind, deps, ctx, patientId, id, checked.value, baseVersion);
}

/** A flare timeline: the flares with duration and whether each is ongoing. */
export function presentFlares(list: readonly StoredRecord<Flare>[]) {
  const versions = new Map(list.map((d) => [d.id, d.version]));
  return flareTimeline(list.map((d) => d.body)).map((f) => ({ ...f, version: versions.get(f.id)! }));
}

/** A block diary with its reminder schedule and relief analysis (NRS-derived beside patient-reported). */
export function presentBlockDiary(doc: StoredRecord<BlockDiary>) {
  return {
    ...doc.body,
    version: doc.version,
    schedule: scheduleReadings(doc.body.procedureAt, doc.body.offsetsMinutes),
    relief: computeBlockRelief(doc.body),
  };
}
