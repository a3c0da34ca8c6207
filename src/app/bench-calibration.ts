// The least durable work a write can do, for benchmarks to measure the write scenarios against: a
// small body validated, one record row and its audit row inserted in one transaction, on the same
// driver, pool and commit path as every write. The patient's write lock is taken, as every record
// write takes it: the row's place in the patient's change feed is decided under it. No session and no
// authorization, so it is only ever served when the benchmark-only setting turns it on
// (PAINWISE_BENCH_CALIBRATION).
import { validateFlare } from '../domain/diary/flare.ts';
import { auditEvent } from './access.ts';
import { nowIso, type AppDeps, type RequestContext } from './context.ts';
import { AppError } from './errors.ts';

export async function calibrationWrite(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  input: Record<string, unknown>,
): Promise<{ id: string }> {
  const id = deps.ids.newId();
  const checked = validateFlare({ ...input, id }, { asOf: deps.clock.now() });
  if (!checked.ok)
    throw new AppError('validation-failed', 'The flare has invalid fields.', {
      errors: checked.errors.map((e) => ({ pointer: e.pointer, detail: e.message })),
    });
  const at = nowIso(deps);
  await deps.store.transaction(async (tx) => {
    await tx.patients.lockForWrite(patientId);
    await tx.flares.create(
      patientId,
      id,
      checked.flare,
      checked.flare.startedAt,
      at,
      auditEvent(deps, ctx, {
        actorBasis: 'system',
        organizationId: null,
        patientId,
        action: 'flare.create',
        resourceType: 'flare',
        resourceId: id,
      }),
    );
  });
  return { id };
}
