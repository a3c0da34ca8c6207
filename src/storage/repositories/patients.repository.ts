// Patients, caregiver delegations and care relationships — and the facts the policy reads.
import type { CareRelationshipStore, DelegationStore, PatientStore } from '../../app/ports.ts';
import type { CareRelationship, CareScope, CaregiverScope, Delegation, OrganizationRole, Patient, Sex } from '../../app/model.ts';
import type { CareRelationshipRow, DelegationRow, PatientRow } from '../schema.ts';
import { sql } from 'kysely';
import { parseJsonArray, preparedQuery, type Executor } from './executor.ts';

const toPatient = (r: PatientRow): Patient => ({
  id: r.id,
  userId: r.user_id,
  displayName: r.display_name,
  timeZone: r.time_zone,
  birthYear: r.birth_year,
  sex: r.sex as Sex,
  createdAt: r.created_at,
});
const toDelegation = (r: DelegationRow): Delegation => ({
  id: r.id,
  patientId: r.patient_id,
  caregiverUserId: r.caregiver_user_id,
  label: r.label,
  scopes: parseJsonArray<CaregiverScope>(r.scopes),
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  acceptedAt: r.accepted_at,
  revokedAt: r.revoked_at,
});
const toRelationship = (r: CareRelationshipRow): CareRelationship => ({
  id: r.id,
  patientId: r.patient_id,
  organizationId: r.organization_id,
  scopes: parseJsonArray<CareScope>(r.scopes),
  grantedByUserId: r.granted_by_user_id,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
});

// Every access decision by someone other than the patient starts here: the record's owner, the
// actor's delegations for it and the actor's organizations' care relationships with it, in one
// statement (one round trip), told apart by the first column.
const ACCESS_FACTS = preparedQuery((db, a: { patientId: string; actorUserId: string }) =>
  sql<{ kind: string; a: string; b: string | null; c: string | null; d: string | null; e: string | null }>`
    select 'patient' as kind, user_id as a, cast(null as text) as b, cast(null as text) as c, cast(null as text) as d, cast(null as text) as e
      from patient where id = ${a.patientId}
    union all
    select 'delegation', scopes, accepted_at, revoked_at, expires_at, cast(null as text)
      from delegation where patient_id = ${a.patientId} and caregiver_user_id = ${a.actorUserId}
    union all
    select 'care', care_relationship.organization_id, membership.role, care_relationship.scopes, care_relationship.revoked_at, care_relationship.expires_at
      from care_relationship join membership on membership.organization_id = care_relationship.organization_id
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
          user_id: p.userId,
          display_name: p.displayName,
          time_zone: p.timeZone,
          birth_year: p.birthYear,
          sex: p.sex,
          created_at: p.createdAt,
        })
        .execute();
    },
    async findById(id) {
      const r = await db.selectFrom('patient').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toPatient(r);
    },
    async findByUserId(userId) {
      const r = await db.selectFrom('patient').selectAll().where('user_id', '=', userId).executeTakeFirst();
      return r && toPatient(r);
    },
    async update(id, patch) {
      const set: Partial<PatientRow> = {};
      if (patch.displayName !== undefined) set.display_name = patch.displayName;
      if (patch.timeZone !== undefined) set.time_zone = patch.timeZone;
      if (patch.birthYear !== undefined) set.birth_year = patch.birthYear;
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
          })),
      };
    },
    async listAsCaregiver(userId) {
      const rows = await db
        .selectFrom('delegation')
        .innerJoin('patient', 'patient.id', 'delegation.patient_id')
        .selectAll('patient')
        .select([
          'delegation.id as d_id',
          'delegation.label',
          'delegation.scopes',
          'delegation.invite_code_hash',
          'delegation.created_at as d_created_at',
          'delegation.expires_at',
          'delegation.accepted_at',
          'delegation.revoked_at',
          'delegation.caregiver_user_id',
        ])
        .where('delegation.caregiver_user_id', '=', userId)
        .where('delegation.revoked_at', 'is', null)
        .orderBy('patient.display_name')
        .execute();
      return rows.map((r) => ({
        ...toPatient(r),
        delegation: toDelegation({ ...r, id: r.d_id, patient_id: r.id, created_at: r.d_created_at }),
      }));
    },
    async listForOrganization(organizationId, now) {
      const rows = await db
        .selectFrom('care_relationship')
        .innerJoin('patient', 'patient.id', 'care_relationship.patient_id')
        .selectAll('patient')
        .select([
          'care_relationship.id as r_id',
          'care_relationship.organization_id',
          'care_relationship.scopes',
          'care_relationship.granted_by_user_id',
          'care_relationship.created_at as r_created_at',
          'care_relationship.expires_at',
          'care_relationship.revoked_at',
        ])
        .where('care_relationship.organization_id', '=', organizationId)
        .where('care_relationship.revoked_at', 'is', null)
        .where((eb) => eb.or([eb('care_relationship.expires_at', 'is', null), eb('care_relationship.expires_at', '>', now)]))
        .orderBy('patient.display_name')
        .execute();
      return rows.map((r) => ({
        ...toPatient(r),
        relationship: toRelationship({ ...r, id: r.r_id, patient_id: r.id, created_at: r.r_created_at }),
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
          patient_id: d.patientId,
          caregiver_user_id: d.caregiverUserId,
          label: d.label,
          scopes: JSON.stringify(d.scopes),
          invite_code_hash: inviteCodeHash,
          created_at: d.createdAt,
          expires_at: d.expiresAt,
          accepted_at: d.acceptedAt,
          revoked_at: d.revokedAt,
        })
        .execute();
    },
    async findByInviteCodeHash(codeHash) {
      const r = await db.selectFrom('delegation').selectAll().where('invite_code_hash', '=', codeHash).executeTakeFirst();
      return r && toDelegation(r);
    },
    async findById(patientId, id) {
      const r = await db.selectFrom('delegation').selectAll().where('patient_id', '=', patientId).where('id', '=', id).executeTakeFirst();
      return r && toDelegation(r);
    },
    async listForPatient(patientId) {
      const rows = await db
        .selectFrom('delegation')
        .leftJoin('user_account', 'user_account.id', 'delegation.caregiver_user_id')
        .selectAll('delegation')
        .select(['user_account.email', 'user_account.display_name'])
        .where('delegation.patient_id', '=', patientId)
        .orderBy('delegation.id', 'desc')
        .execute();
      return rows.map((r) => ({ ...toDelegation(r), caregiverEmail: r.email, caregiverName: r.display_name }));
    },
    async accept(id, caregiverUserId, at) {
      const r = await db
        .updateTable('delegation')
        .set({ caregiver_user_id: caregiverUserId, accepted_at: at })
        .where('id', '=', id)
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async revoke(id, at) {
      const r = await db
        .updateTable('delegation')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
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
          patient_id: r.patientId,
          organization_id: r.organizationId,
          scopes: JSON.stringify(r.scopes),
          granted_by_user_id: r.grantedByUserId,
          created_at: r.createdAt,
          expires_at: r.expiresAt,
          revoked_at: r.revokedAt,
        })
        .execute();
    },
    async findById(patientId, id) {
      const r = await db
        .selectFrom('care_relationship')
        .selectAll()
        .where('patient_id', '=', patientId)
        .where('id', '=', id)
        .executeTakeFirst();
      return r && toRelationship(r);
    },
    async listForPatient(patientId) {
      const rows = await db
        .selectFrom('care_relationship')
        .innerJoin('organization', 'organization.id', 'care_relationship.organization_id')
        .selectAll('care_relationship')
        .select('organization.name as organization_name')
        .where('care_relationship.patient_id', '=', patientId)
        .orderBy('care_relationship.id', 'desc')
        .execute();
      return rows.map((r) => ({ ...toRelationship(r), organizationName: r.organization_name }));
    },
    async revoke(id, at) {
      const r = await db
        .updateTable('care_relationship')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
  };
}
