// Flares and block diaries: kept by the record engine (versioned-records.ts) under the diary scope.
// Validation and the relief arithmetic are the domain's (domain/diary/flare.ts, block-diary.ts).
import { computeBlockRelief, scheduleReadings, validateBlockDiary, type BlockDiary } from '../domain/diary/block-diary.ts';
import { flareTimeline, validateFlare, type Flare } from '../domain/diary/flare.ts';
import type { AppDeps, RequestContext } from './context.ts';
import { invalid } from './errors.ts';
import type { StoredRecord } from './record-store.ts';
import { saveRecord, type RecordKind, type SaveOutcome } from './versioned-records.ts';

interface DocumentKind<T> extends RecordKind<T> {
  validate(input: unknown, now: Date): { ok: true; value: T } | { ok: false; errors: readonly { pointer: string; message: string }[] };
}

export const FLARES: DocumentKind<Flare> = {
  resource: 'flare',
  label: 'The flare',
  writeAction: 'write-diary',
  store: (tx) => tx.flares,
  validate: (input, now) => {
    const r = validateFlare(input, { asOf: now });
    return r.ok ? { ok: true, value: r.flare } : r;
  },
  sortAt: (f) => f.startedAt,
};

export const BLOCK_DIARIES: DocumentKind<BlockDiary> = {
  resource: 'block_diary',
  label: 'The block diary',
  writeAction: 'write-diary',
  store: (tx) => tx.blockDiaries,
  validate: (input) => {
    const r = validateBlockDiary(input);
    return r.ok ? { ok: true, value: r.diary } : r;
  },
  sortAt: (d) => d.procedureAt,
};

/** Validates a flare or block diary as the domain defines it, then saves it through the record engine. */
export function saveDocument<T>(
  kind: DocumentKind<T>,
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  id: string,
  input: Record<string, unknown>,
  baseVersion?: number,
): Promise<SaveOutcome<T>> {
  const checked = kind.validate({ ...input, id }, deps.clock.now());
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
