// The intake for a first consultation: what the patient (or a caregiver who may write the diary) tells
// the clinic before the first visit, kept by the record engine, one or more per patient.
//
// Treatments already tried are also kept as conservative-care records, in the same transaction, so that
// the history of care reads them like any other (coverage criteria ask for it). The intake owns the
// records it made: each is written under the treatment's id, changed only when the person changes that
// treatment in the intake (so a correction made on the record itself survives later saves of other
// parts), deleted when the treatment is taken out of the intake or the intake is deleted, and never
// brought back once the care team deleted it. Writing them needs only the intake's grant (the diary
// scope): they are the person's own account of their care, and each write has its audit row naming who
// made it.
//
// A red flag answered yes (domain/intake/intake.ts, AHCPR guideline No. 14, Table 1) raises an urgent
// alert for every clinic caring for the patient, once: a later save raises one only for a flag that was
// not yes before. The answer tells the person to seek urgent care now every time the intake is shown.
import {
  newlyPositiveRedFlags,
  positiveRedFlags,
  unansweredRedFlags,
  URGENT_CARE_ADVICE,
  type Intake,
  type TreatmentTried,
} from '../domain/intake/intake.ts';
import type { LocalDate } from '../domain/time/local-date.ts';
import type { IntakeInput } from '../contract/intake.ts';
import type { Granted } from './access.ts';
import { raiseAlert } from './alerts.ts';
import { CONSERVATIVE_CARE } from './care-history.ts';
import type { ConservativeCareRecord } from './care-plan-records.ts';
import { checkDateRange, type FieldErrors } from './check-date-range.ts';
import { nowIso, type AppDeps, type RequestContext } from './context.ts';
import { AppError, invalid } from './errors.ts';
import type { Repositories } from './ports.ts';
import type { StoredRecord } from './record-store.ts';
import { deleteRecord, listRecords, saveRecord, writeRecord, type RecordKind, type SaveOutcome } from './versioned-records.ts';

export const INTAKE_RED_FLAG_ALERT_RULE = 'intake-red-flag';

export const INTAKES: RecordKind<Intake> = {
  resource: 'intake',
  label: 'The intake',
  // Telling the clinic one's own story is the patient's writing, like the diary: a caregiver with that scope may help.
  writeAction: 'write-diary',
  store: (tx) => tx.intakes,
  // An intake has no date of its own; lists fall back to the id, which the web app makes time-ordered (UUIDv7).
  sortAt: () => '',
};

const conservativeCareOf = (t: TreatmentTried): ConservativeCareRecord => ({
  treatment: t.treatment,
  modality: t.kind,
  startDate: t.startDate,
  endDate: t.endDate,
  sessions: t.sessions,
  outcome: t.effect,
  outcomeNotes: t.notes,
});

function intakeOf(input: IntakeInput): Intake {
  return {
    visitId: input.visitId?.toLowerCase() ?? null,
    onsetDate: input.onsetDate as LocalDate | null,
    onsetAbout: input.onsetAbout,
    course: input.course,
    locations: input.locations.map((l) => ({ region: l.region, qualities: [...new Set(l.qualities)] })),
    betterWith: input.betterWith,
    worseWith: input.worseWith,
    treatmentsTried: input.treatmentsTried.map((t) => ({
      id: t.id.toLowerCase(),
      treatment: t.treatment,
      kind: t.kind,
      startDate: t.startDate as LocalDate,
      endDate: t.endDate as LocalDate | null,
      sessions: t.sessions,
      effect: t.effect,
      notes: t.notes,
    })),
    imagingAndTests: input.imagingAndTests.map((i) => ({ what: i.what, date: i.date as LocalDate | null })),
    otherConditions: input.otherConditions,
    medicines: input.medicines,
    allergies: input.allergies,
    redFlags: input.redFlags,
    finished: input.finished,
  };
}

/** What the schema cannot say: regions and treatments once each, treatment dates in order, a finished screen answered. */
function checkIntake(value: Intake): void {
  const errors: FieldErrors = [];
  const regions = new Set<string>();
  value.locations.forEach((l, i) => {
    if (regions.has(l.region)) errors.push({ pointer: `/locations/${i}/region`, detail: 'This area is already listed.' });
    regions.add(l.region);
  });
  const ids = new Set<string>();
  value.treatmentsTried.forEach((t, i) => {
    if (ids.has(t.id)) errors.push({ pointer: `/treatmentsTried/${i}/id`, detail: 'Each treatment needs its own id.' });
    ids.add(t.id);
    checkDateRange(errors, t.startDate, t.endDate, `/treatmentsTried/${i}/startDate`, `/treatmentsTried/${i}/endDate`);
  });
  if (value.finished) {
    for (const flag of unansweredRedFlags(value.redFlags))
      errors.push({ pointer: `/redFlags/${flag}`, detail: 'Answer this question before finishing the intake.' });
  }
  if (errors.length > 0) throw invalid('The intake', errors);
}

const treatmentIdTaken = (i: number) =>
  new AppError('intake-conflict', 'A treatment id is already used by another record. Give the treatment a new id.', {
    errors: [{ pointer: `/treatmentsTried/${i}/id`, detail: 'This id is already used.' }],
  });

/** Keeps the conservative-care records of an intake's treatments in step with it (see the header). */
async function keepTreatments(tx: Repositories, access: Granted, previous: Intake | null, value: Intake, at: string): Promise<void> {
  const store = CONSERVATIVE_CARE.store(tx);
  const before = new Map((previous?.treatmentsTried ?? []).map((t) => [t.id, t]));
  for (const [i, t] of value.treatmentsTried.entries()) {
    const was = before.get(t.id);
    if (was && JSON.stringify(was) === JSON.stringify(t)) continue;
    const existing = await store.find(t.id);
    if (!was) {
      if (existing) throw treatmentIdTaken(i);
      const created = await writeRecord(CONSERVATIVE_CARE, tx, access, t.id, conservativeCareOf(t), at, undefined);
      if (created.status === 'conflict') throw treatmentIdTaken(i);
      continue;
    }
    // Deleted by the care team (or by hand): it stays deleted; the intake keeps the person's words.
    if (!existing || existing.patientId !== access.patientId || existing.deletedAt !== null) continue;
    const edited = await writeRecord(CONSERVATIVE_CARE, tx, access, t.id, conservativeCareOf(t), at, existing.version);
    if (edited.status === 'conflict') throw treatmentIdTaken(i);
  }
  const kept = new Set(value.treatmentsTried.map((t) => t.id));
  for (const id of before.keys()) if (!kept.has(id)) await removeTreatment(tx, access, id, at);
}

async function removeTreatment(tx: Repositories, access: Granted, id: string, at: string): Promise<void> {
  const store = CONSERVATIVE_CARE.store(tx);
  const existing = await store.find(id);
  if (!existing || existing.patientId !== access.patientId || existing.deletedAt !== null) return;
  await store.softDelete(
    access.patientId,
    id,
    existing.version,
    at,
    access.audit('conservative_care.delete', CONSERVATIVE_CARE.resource, id),
  );
}

export function saveIntake(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  id: string,
  input: IntakeInput,
  baseVersion?: number,
): Promise<SaveOutcome<Intake>> {
  const value = intakeOf(input);
  checkIntake(value);
  const at = nowIso(deps);
  return saveRecord(INTAKES, deps, ctx, patientId, id, value, baseVersion, {
    async check(tx) {
      if (value.visitId === null) return;
      const visit = await tx.visits.find(value.visitId);
      if (!visit || visit.patientId !== patientId || visit.deletedAt !== null)
        throw invalid('The intake', [{ pointer: '/visitId', detail: 'No visit of this patient has this id.' }]);
    },
    async afterWrite(tx, access, write) {
      await keepTreatments(tx, access, write.previous?.body ?? null, write.value, at);
      const raised = newlyPositiveRedFlags(write.previous?.body.redFlags ?? null, write.value.redFlags);
      if (raised.length > 0) {
        await raiseAlert(deps, tx, patientId, INTAKE_RED_FLAG_ALERT_RULE, 'urgent', {
          intakeId: id,
          redFlags: positiveRedFlags(write.value.redFlags),
        });
      }
    },
  });
}

/** Deletes an intake and the conservative-care records of its treatments, in one transaction. */
export function deleteIntake(deps: AppDeps, ctx: RequestContext, patientId: string, id: string, baseVersion?: number) {
  const at = nowIso(deps);
  return deleteRecord(INTAKES, deps, ctx, patientId, id, baseVersion, async (tx, access, deleted) => {
    for (const t of deleted.body.treatmentsTried) await removeTreatment(tx, access, t.id, at);
  });
}

/** An intake as shown, with the urgent-care advice whenever a red flag is answered yes. */
export function presentIntake(r: StoredRecord<Intake>) {
  const positive = positiveRedFlags(r.body.redFlags);
  return {
    id: r.id,
    version: r.version,
    updatedAt: r.updatedAt,
    ...r.body,
    urgentCare: positive.length === 0 ? null : { redFlags: positive, advice: URGENT_CARE_ADVICE },
  };
}

export async function listIntakes(deps: AppDeps, ctx: RequestContext, patientId: string) {
  return (await listRecords(INTAKES, deps, ctx, patientId, 500)).map(presentIntake);
}
