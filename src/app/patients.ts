// Patient records: create my own, read, update, and list the people I can see.
import { toLocalDateTime, type TimeZone } from '../domain/time/local-date.ts';
import { AppError, notFound } from './errors.ts';
import { nowIso, type AppDeps, type RequestContext } from './context.ts';
import type { Repositories } from './ports.ts';
import { auditEvent, authorizePatientAccess, requireUser } from './access.ts';
import { isActive, scopesGrant } from './policy.ts';
import { CLINICIAN_ROLES, type Patient, type Sex } from './model.ts';
import { isUniqueViolationError } from './unique.ts';

export interface PatientInput {
  readonly displayName?: string;
  readonly timeZone: string;
  readonly birthYear?: number | null;
  readonly sex?: Sex;
}

export async function createMyPatientRecord(deps: AppDeps, ctx: RequestContext, input: PatientInput): Promise<Patient> {
  const userId = requireUser(ctx);
  const user = await deps.store.users.findById(userId);
  if (!user) throw new AppError('authentication-required', 'Sign in to continue.');
  const patient: Patient = {
    id: deps.ids.newId(),
    userId,
    displayName: input.displayName?.trim() || user.displayName,
    timeZone: input.timeZone,
    birthYear: input.birthYear ?? null,
    sex: input.sex ?? 'unknown',
    createdAt: nowIso(deps),
  };
  try {
    await deps.store.transaction(async (tx) => {
      await tx.patients.insert(patient);
      await tx.audit.append([
        auditEvent(deps, ctx, {
          actorBasis: 'owner',
          organizationId: null,
          patientId: patient.id,
          action: 'patient.create',
          resourceType: 'patient',
          resourceId: patient.id,
        }),
      ]);
    });
  } catch (error) {
    if (isUniqueViolationError(error)) throw new AppError('patient-record-exists', 'You already have a patient record.');
    throw error;
  }
  return patient;
}

export async function getPatient(deps: AppDeps, ctx: RequestContext, patientId: string): Promise<Patient> {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'read');
  const patient = await deps.store.patients.findById(patientId);
  if (!patient) throw new AppError('not-found', 'The patient was not found.');
  await deps.store.audit.append([access.audit('patient.read', 'patient', patientId)]);
  return patient;
}

export async function updatePatient(deps: AppDeps, ctx: RequestContext, patientId: string, patch: Partial<PatientInput>): Promise<Patient> {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'manage-access');
  return deps.store.transaction(async (tx) => {
    await tx.patients.update(patientId, {
      ...patch,
      ...(patch.displayName !== undefined ? { displayName: patch.displayName.trim() } : {}),
    });
    await tx.audit.append([access.audit('patient.update', 'patient', patientId)]);
    const updated = await tx.patients.findById(patientId);
    if (!updated) throw new AppError('not-found', 'The patient was not found.');
    return updated;
  });
}

/**
 * A patient as a list shows them. Everyone the patient shares with sees the name and time zone (a
 * caregiver who only writes the diary must know whose diary it is and on which local dates); birth
 * year and sex are part of the record, shown only to those who may read it.
 */
export type ListedPatient = Pick<Patient, 'id' | 'displayName' | 'timeZone' | 'createdAt'> & Partial<Pick<Patient, 'birthYear' | 'sex'>>;

export function listedPatient(patient: Patient, basis: VisiblePatient['basis'], scopes: readonly string[]): ListedPatient {
  if (scopesGrant(basis, scopes, 'read')) return patient;
  return { id: patient.id, displayName: patient.displayName, timeZone: patient.timeZone, createdAt: patient.createdAt };
}

export interface VisiblePatient {
  readonly patient: ListedPatient;
  readonly basis: 'owner' | 'caregiver' | 'clinician';
  readonly organizationId: string | null;
  readonly scopes: readonly string[];
}

/** The patients this user can open: their own record, people they care for, and their clinics' patients. */
export async function listVisiblePatients(deps: AppDeps, ctx: RequestContext): Promise<readonly VisiblePatient[]> {
  const userId = requireUser(ctx);
  const now = nowIso(deps);
  const [own, caring, memberships] = await Promise.all([
    deps.store.patients.findByUserId(userId),
    deps.store.patients.listAsCaregiver(userId),
    deps.store.organizations.listMembershipsOfUser(userId),
  ]);
  // A token limited to some patients lists only those, as if the others were not there.
  const limited = ctx.actor.kind === 'user' ? (ctx.actor.tokenLimits?.patientIds ?? null) : null;
  const within = (patientId: string) => limited === null || limited.includes(patientId);
  const result: VisiblePatient[] = [];
  if (own && within(own.id)) result.push({ patient: own, basis: 'owner', organizationId: null, scopes: ['all'] });
  const events = [];
  for (const p of caring) {
    const d = p.delegation;
    if (d.acceptedAt && isActive(d, now) && within(p.id)) {
      const { delegation: _d, ...patient } = p;
      result.push({ patient: listedPatient(patient, 'caregiver', d.scopes), basis: 'caregiver', organizationId: null, scopes: d.scopes });
      // The caregiver read the patient's record (name, time zone, birth year, sex): it shows in their access log.
      events.push(
        auditEvent(deps, ctx, {
          actorBasis: 'caregiver',
          organizationId: null,
          patientId: patient.id,
          action: 'patient.list',
          resourceType: 'patient',
          resourceId: patient.id,
        }),
      );
    }
  }
  const secondFactorMissingIn = ctx.actor.kind === 'user' ? (ctx.actor.secondFactorMissingIn ?? []) : [];
  for (const m of memberships) {
    // A clinic that demands a second factor shows its patients to none of its clinicians who lack one.
    if (!CLINICIAN_ROLES.includes(m.role) || secondFactorMissingIn.includes(m.organizationId)) continue;
    for (const p of await deps.store.patients.listForOrganization(m.organizationId, now)) {
      const { relationship, ...patient } = p;
      if (!within(patient.id)) continue;
      result.push({
        patient: listedPatient(patient, 'clinician', relationship.scopes),
        basis: 'clinician',
        organizationId: m.organizationId,
        scopes: relationship.scopes,
      });
      events.push(
        auditEvent(deps, ctx, {
          actorBasis: 'clinician',
          organizationId: m.organizationId,
          patientId: patient.id,
          action: 'patient.list',
          resourceType: 'patient',
          resourceId: patient.id,
        }),
      );
    }
  }
  await deps.store.audit.append(events);
  return result;
}

/** Today's date and the age reached this calendar year, for the patient's own time zone. */
export async function patientToday(
  deps: AppDeps,
  stores: Repositories,
  patientId: string,
): Promise<{ today: string; ageThisYear: number | undefined }> {
  const patient = await stores.patients.findById(patientId);
  if (!patient) throw notFound('The patient');
  const today = toLocalDateTime(deps.clock.now(), patient.timeZone as TimeZone).date;
  const ageThisYear = patient.birthYear === null ? undefined : Number(today.slice(0, 4)) - patient.birthYear;
  return { today, ageThisYear };
}
