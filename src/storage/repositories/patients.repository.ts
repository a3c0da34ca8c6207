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

// Every access decision starts here.
const PATIENT_OWNER = preparedQuery((db, a: { id: string }) => db.selectFrom('patient').select(['id', 'user_id']).where('id', '=', a.id));

export function patientRepository(db: Executor, dialect: 'sqlite' | 'postgres'): PatientStore {
  return {
    async lockForWrite(patientId) {
      if (dialect === 'postgres') await sql`select id from patient where id = ${patientId} for update`.execute(db);
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
      const patient = await PATIENT_OWNER.first(db, { id: patientId });
      if (!patient) return { patient: undefined, delegations: [], careGrants: [] };
      if (patient.user_id === actorUserId) return { patient: { id: patient.id, userId: patient.user_id }, delegations: [], careGrants: [] };
      const [delegations, grants] = await Promise.all([
        db
          .selectFrom('delegation')
          .select(['scopes', 'accepted_at', 'revoked_at', 'expires_at'])
          .where('patient_id', '=', patientId)
          .where('caregiver_user_id', '=', actorUserId)
          .execute(),
        db
          .selectFrom('care_relationship')
          .innerJoin('membership', 'membership.organization_id', 'care_relationship.organization_id')
          .select([
            'care_relationship.organization_id',
            'membership.role',
            'care_relationship.scopes',
            'care_relationship.revoked_at',
            'care_relationship.expires_at',
          ])
          .where('care_relationship.patient_id', '=', patientId)
          .where('membership.user_id', '=', actorUserId)
          .execute(),
      ]);
      return {
        patient: { id: patient.id, userId: patient.user_id },
        delegations: delegations.map((d) => ({
          scopes: parseJsonArray<CaregiverScope>(d.scopes),
          acceptedAt: d.accepted_at,
          revokedAt: d.revoked_at,
          expiresAt: d.expires_at,
        })),
        careGrants: grants.map((g) => ({
          organizationId: g.organization_id,
          role: g.role as OrganizationRole,
          scopes: parseJsonArray<CareScope>(g.scopes),
          revokedAt: g.revoked_at,
          expiresAt: g.expires_at,
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
