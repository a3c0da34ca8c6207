// Patients, caregiver delegations and care relationships — and the facts the policy reads.
import type { CareRelationshipStore, DelegationStore, PatientStore } from '../../app/ports.ts';
import { parseClinicRoleSettings } from '../../app/permissions.ts';
import type { CareRelationship, CareScope, CaregiverScope, Delegation, OrganizationRole, Patient } from '../../app/model.ts';
import type { CareRelationshipRow, DelegationRow, PatientRow } from '../schema.ts';
import { sql } from 'kysely';
import { parseJsonArray, preparedQuery, type Executor } from './executor.ts';

/** The patient's own columns of a row joined with another table's. */
export const toPatient = (r: PatientRow): Patient => ({
  id: r.id,
  userId: r.userId,
  displayName: r.displayName,
  timeZone: r.timeZone,
  birthYear: r.birthYear,
  sex: r.sex,
  createdAt: r.createdAt,
});
const toDelegation = (r: DelegationRow): Delegation => ({
  id: r.id,
  patientId: r.patientId,
  caregiverUserId: r.caregiverUserId,
  label: r.label,
  scopes: parseJsonArray<CaregiverScope>(r.scopes),
  createdAt: r.createdAt,
  expiresAt: r.expiresAt,
  acceptedAt: r.acceptedAt,
  revokedAt: r.revokedAt,
});
const toRelationship = (r: CareRelationshipRow): CareRelationship => ({
  id: r.id,
  patientId: r.patientId,
  organizationId: r.organizationId,
  scopes: parseJsonArray<CareScope>(r.scopes),
  grantedByUserId: r.grantedByUserId,
  createdAt: r.createdAt,
  expiresAt: r.expiresAt,
  revokedAt: r.revokedAt,
});

// Every access decision by someone other than the patient starts here: the record's owner, the
// actor's delegations for it and the actor's organizations' care relationships with it, in one
// statement (one round trip), told apart by the first column.
const ACCESS_FACTS = preparedQuery((db, a: { patientId: string; actorUserId: string }) =>
  sql<{ kind: string; a: string; b: string | null; c: string | null; d: string | null; e: string | null; f: string | null }>`
    select 'patient' as kind, user_id as a, cast(null as text) as b, cast(null as text) as c, cast(null as text) as d, cast(null as text) as e,
           cast(null as text) as f
      from patient where id = ${a.patientId}
    union all
    select 'delegation', scopes, accepted_at, revoked_at, expires_at, cast(null as text), cast(null as text)
      from delegation where patient_id = ${a.patientId} and caregiver_user_id = ${a.actorUserId}
    union all
    select 'care', care_relationship.organization_id, membership.role, care_relationship.scopes, care_relationship.revoked_at, care_relationship.expires_at,
           organization.role_settings
      from care_relationship join membership on membership.organization_id = care_relationship.organization_id
      join organization on organization.id = care_relationship.organization_id
      where care_relationship.patient_id = ${a.patientId} and membership.user_id = ${a.actorUserId}`.compile(db),
);

export function patientRepository(db: Executor, dialect: 'sqlite' | 'postgres'): PatientStore {
  return {
    async lockForWrite(patientId) {
      // The id goes in as a literal: a statement without parameters travels with the transaction's BEGIN.
      if (dialect === 'postgres') await sql`select id from patient where id = ${sql.lit(patientId)} for update`.execute(db);
    },
    async insert(p) {
      await db
        .insertInto('patient')
        .values({
          id: p.id,
          userId: p.userId,
          displayName: p.displayName,
          timeZone: p.timeZone,
          birthYear: p.birthYear,
          sex: p.sex,
          createdAt: p.createdAt,
        })
        .execute();
    },
    async findById(id) {
      return db.selectFrom('patient').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async findByUserId(userId) {
      return db.selectFrom('patient').selectAll().where('userId', '=', userId).executeTakeFirst();
    },
    async update(id, patch) {
      const set: Partial<PatientRow> = {};
      if (patch.displayName !== undefined) set.displayName = patch.displayName;
      if (patch.timeZone !== undefined) set.timeZone = patch.timeZone;
      if (patch.birthYear !== undefined) set.birthYear = patch.birthYear;
      if (patch.sex !== undefined) set.sex = patch.sex;
      if (Object.keys(set).length > 0) await db.updateTable('patient').set(set).where('id', '=', id).execute();
    },
    async loadAccessFacts(patientId, actorUserId) {
      const rows = await ACCESS_FACTS.rows(db, { patientId, actorUserId });
      const owner = rows.find((r) => r.kind === 'patient');
      if (!owner) return { patient: undefined, delegations: [], careGrants: [] };
      const patient = { id: patientId, userId: owner.a };
      if (owner.a === actorUserId) return { patient, delegations: [], careGrants: [] };
      return {
        patient,
        delegations: rows
          .filter((r) => r.kind === 'delegation')
          .map((r) => ({ scopes: parseJsonArray<CaregiverScope>(r.a), acceptedAt: r.b, revokedAt: r.c, expiresAt: r.d })),
        careGrants: rows
          .filter((r) => r.kind === 'care')
          .map((r) => ({
            organizationId: r.a,
            role: r.b as OrganizationRole,
            scopes: parseJsonArray<CareScope>(r.c!),
            revokedAt: r.d,
            expiresAt: r.e,
            roleSettings: parseClinicRoleSettings(r.f),
          })),
      };
    },
    async listAsCaregiver(userId) {
      const rows = await db
        .selectFrom('delegation')
        .innerJoin('patient', 'patient.id', 'delegation.patientId')
        .selectAll('patient')
        .select([
          'delegation.id as dId',
          'delegation.label',
          'delegation.scopes',
          'delegation.inviteCodeHash',
          'delegation.createdAt as dCreatedAt',
          'delegation.expiresAt',
          'delegation.acceptedAt',
          'delegation.revokedAt',
          'delegation.caregiverUserId',
        ])
        .where('delegation.caregiverUserId', '=', userId)
        .where('delegation.revokedAt', 'is', null)
        .orderBy('patient.displayName')
        .execute();
      return rows.map((r) => ({
        ...toPatient(r),
        delegation: toDelegation({ ...r, id: r.dId, patientId: r.id, createdAt: r.dCreatedAt }),
      }));
    },
    async listForOrganization(organizationId, now) {
      const rows = await db
        .selectFrom('care_relationship')
        .innerJoin('patient', 'patient.id', 'care_relationship.patientId')
        .selectAll('patient')
        .select([
          'care_relationship.id as rId',
          'care_relationship.organizationId',
          'care_relationship.scopes',
          'care_relationship.grantedByUserId',
          'care_relationship.createdAt as rCreatedAt',
          'care_relationship.expiresAt',
          'care_relationship.revokedAt',
        ])
        .where('care_relationship.organizationId', '=', organizationId)
        .where('care_relationship.revokedAt', 'is', null)
        .where((eb) => eb.or([eb('care_relationship.expiresAt', 'is', null), eb('care_relationship.expiresAt', '>', now)]))
        .orderBy('patient.displayName')
        .execute();
      return rows.map((r) => ({
        ...toPatient(r),
        relationship: toRelationship({ ...r, id: r.rId, patientId: r.id, createdAt: r.rCreatedAt }),
      }));
    },
  };
}

export function delegationRepository(db: Executor): DelegationStore {
  return {
    async insert(d, inviteCodeHash) {
      await db
        .insertInto('delegation')
        .values({
          id: d.id,
          patientId: d.patientId,
          caregiverUserId: d.caregiverUserId,
          label: d.label,
          scopes: JSON.stringify(d.scopes),
          inviteCodeHash,
          createdAt: d.createdAt,
          expiresAt: d.expiresAt,
          acceptedAt: d.acceptedAt,
          revokedAt: d.revokedAt,
        })
        .execute();
    },
    async findByInviteCodeHash(codeHash) {
      const r = await db.selectFrom('delegation').selectAll().where('inviteCodeHash', '=', codeHash).executeTakeFirst();
      return r && toDelegation(r);
    },
    async findById(patientId, id) {
      const r = await db.selectFrom('delegation').selectAll().where('patientId', '=', patientId).where('id', '=', id).executeTakeFirst();
      return r && toDelegation(r);
    },
    async listForPatient(patientId) {
      const rows = await db
        .selectFrom('delegation')
        .leftJoin('user_account', 'user_account.id', 'delegation.caregiverUserId')
        .selectAll('delegation')
        .select(['user_account.email', 'user_account.displayName'])
        .where('delegation.patientId', '=', patientId)
        .orderBy('delegation.id', 'desc')
        .execute();
      return rows.map((r) => ({ ...toDelegation(r), caregiverEmail: r.email, caregiverName: r.displayName }));
    },
    async accept(id, caregiverUserId, at) {
      const r = await db
        .updateTable('delegation')
        .set({ caregiverUserId, acceptedAt: at })
        .where('id', '=', id)
        .where('acceptedAt', 'is', null)
        .where('revokedAt', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async revoke(id, at) {
      const r = await db
        .updateTable('delegation')
        .set({ revokedAt: at })
        .where('id', '=', id)
        .where('revokedAt', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
  };
}

export function careRelationshipRepository(db: Executor): CareRelationshipStore {
  return {
    async insert(r) {
      await db
        .insertInto('care_relationship')
        .values({
          id: r.id,
          patientId: r.patientId,
          organizationId: r.organizationId,
          scopes: JSON.stringify(r.scopes),
          grantedByUserId: r.grantedByUserId,
          createdAt: r.createdAt,
          expiresAt: r.expiresAt,
          revokedAt: r.revokedAt,
        })
        .execute();
    },
    async findById(patientId, id) {
      const r = await db
        .selectFrom('care_relationship')
        .selectAll()
        .where('patientId', '=', patientId)
        .where('id', '=', id)
        .executeTakeFirst();
      return r && toRelationship(r);
    },
    async listForPatient(patientId) {
      const rows = await db
        .selectFrom('care_relationship')
        .innerJoin('organization', 'organization.id', 'care_relationship.organizationId')
        .selectAll('care_relationship')
        .select('organization.name as organizationName')
        .where('care_relationship.patientId', '=', patientId)
        .orderBy('care_relationship.id', 'desc')
        .execute();
      return rows.map((r) => ({ ...toRelationship(r), organizationName: r.organizationName }));
    },
    async revoke(id, at) {
      const r = await db
        .updateTable('care_relationship')
        .set({ revokedAt: at })
        .where('id', '=', id)
        .where('revokedAt', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
  };
}
