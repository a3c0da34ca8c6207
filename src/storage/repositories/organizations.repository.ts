// Organizations (clinics), their members and member invitations.
import { sql } from 'kysely';
import { parseClinicRoleSettings } from '../../app/permissions.ts';
import type { OrganizationStore } from '../../app/ports.ts';
import type { CareScope, MemberInvitation } from '../../app/model.ts';
import { parseJsonArray, type Executor } from './executor.ts';

// An invitation as the app sees it: every column but the hash of its code.
const INVITATION_COLUMNS = [
  'id',
  'organizationId',
  'email',
  'role',
  'invitedBy',
  'createdAt',
  'expiresAt',
  'acceptedAt',
  'revokedAt',
] as const satisfies readonly (keyof MemberInvitation)[];

export function organizationRepository(db: Executor, dialect: 'sqlite' | 'postgres'): OrganizationStore {
  return {
    async lockForMembershipChange(organizationId) {
      if (dialect === 'postgres') await sql`select id from organization where id = ${organizationId} for update`.execute(db);
    },
    async insert(o) {
      await db.insertInto('organization').values({ id: o.id, name: o.name, shareCode: o.shareCode, createdAt: o.createdAt }).execute();
    },
    async findById(id) {
      const r = await db.selectFrom('organization').selectAll().where('id', '=', id).executeTakeFirst();
      return r && { ...r, requireSecondFactor: Number(r.requireSecondFactor) === 1, roleSettings: parseClinicRoleSettings(r.roleSettings) };
    },
    async findByShareCode(code) {
      const r = await db.selectFrom('organization').selectAll().where('shareCode', '=', code).executeTakeFirst();
      return r && { ...r, requireSecondFactor: Number(r.requireSecondFactor) === 1, roleSettings: parseClinicRoleSettings(r.roleSettings) };
    },
    async findMembershipWithRoleSettings(organizationId, userId) {
      const r = await db
        .selectFrom('membership')
        .innerJoin('organization', 'organization.id', 'membership.organizationId')
        .selectAll('membership')
        .select('organization.roleSettings')
        .where('membership.organizationId', '=', organizationId)
        .where('membership.userId', '=', userId)
        .executeTakeFirst();
      return r && { ...r, roleSettings: parseClinicRoleSettings(r.roleSettings) };
    },
    async setRoleSettings(organizationId, settings) {
      await db
        .updateTable('organization')
        .set({ roleSettings: JSON.stringify(settings) })
        .where('id', '=', organizationId)
        .execute();
    },
    async updateShareCode(id, code) {
      await db.updateTable('organization').set({ shareCode: code }).where('id', '=', id).execute();
    },
    async insertMembership(m) {
      await db
        .insertInto('membership')
        .values({ id: m.id, organizationId: m.organizationId, userId: m.userId, role: m.role, createdAt: m.createdAt })
        .execute();
    },
    async findMembership(organizationId, userId) {
      return db
        .selectFrom('membership')
        .selectAll()
        .where('organizationId', '=', organizationId)
        .where('userId', '=', userId)
        .executeTakeFirst();
    },
    async findMembershipById(organizationId, membershipId) {
      return db
        .selectFrom('membership')
        .selectAll()
        .where('organizationId', '=', organizationId)
        .where('id', '=', membershipId)
        .executeTakeFirst();
    },
    async listMembers(organizationId) {
      return db
        .selectFrom('membership')
        .innerJoin('user_account', 'user_account.id', 'membership.userId')
        .selectAll('membership')
        .select(['user_account.email', 'user_account.displayName'])
        .where('membership.organizationId', '=', organizationId)
        .orderBy('user_account.displayName')
        .execute();
    },
    async listMembershipsOfUser(userId) {
      return db
        .selectFrom('membership')
        .innerJoin('organization', 'organization.id', 'membership.organizationId')
        .selectAll('membership')
        .select(['organization.name as organizationName', 'organization.roleSettings'])
        .where('membership.userId', '=', userId)
        .orderBy('organization.name')
        .execute()
        .then((rows) => rows.map((r) => ({ ...r, roleSettings: parseClinicRoleSettings(r.roleSettings) })));
    },
    async updateRole(membershipId, role) {
      await db.updateTable('membership').set({ role }).where('id', '=', membershipId).execute();
    },
    async deleteMembership(membershipId) {
      await db.deleteFrom('membership').where('id', '=', membershipId).execute();
    },
    async countAdmins(organizationId) {
      const r = await db
        .selectFrom('membership')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('organizationId', '=', organizationId)
        .where('role', '=', 'admin')
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async insertInvitation(inv, codeHash) {
      await db
        .insertInto('member_invitation')
        .values({
          id: inv.id,
          organizationId: inv.organizationId,
          email: inv.email,
          role: inv.role,
          codeHash,
          invitedBy: inv.invitedBy,
          createdAt: inv.createdAt,
          expiresAt: inv.expiresAt,
          acceptedAt: null,
          revokedAt: null,
        })
        .execute();
    },
    async findInvitationByCodeHash(codeHash) {
      return db.selectFrom('member_invitation').select(INVITATION_COLUMNS).where('codeHash', '=', codeHash).executeTakeFirst();
    },
    async listInvitations(organizationId) {
      return db
        .selectFrom('member_invitation')
        .select(INVITATION_COLUMNS)
        .where('organizationId', '=', organizationId)
        .where('acceptedAt', 'is', null)
        .where('revokedAt', 'is', null)
        .orderBy('id', 'desc')
        .execute();
    },
    async markInvitationAccepted(id, at) {
      const r = await db
        .updateTable('member_invitation')
        .set({ acceptedAt: at })
        .where('id', '=', id)
        .where('acceptedAt', 'is', null)
        .where('revokedAt', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async revokeInvitation(organizationId, id, at) {
      const r = await db
        .updateTable('member_invitation')
        .set({ revokedAt: at })
        .where('organizationId', '=', organizationId)
        .where('id', '=', id)
        .where('acceptedAt', 'is', null)
        .where('revokedAt', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async insertPatientInvitation(inv, codeHash) {
      await db
        .insertInto('patient_invitation')
        .values({
          id: inv.id,
          organizationId: inv.organizationId,
          codeHash,
          scopes: JSON.stringify(inv.scopes),
          createdBy: inv.createdBy,
          createdAt: inv.createdAt,
          expiresAt: inv.expiresAt,
          usedAt: null,
        })
        .execute();
    },
    async findPatientInvitationByCodeHash(codeHash) {
      const r = await db.selectFrom('patient_invitation').selectAll().where('codeHash', '=', codeHash).executeTakeFirst();
      return (
        r && {
          id: r.id,
          organizationId: r.organizationId,
          scopes: parseJsonArray<CareScope>(r.scopes),
          expiresAt: r.expiresAt,
          usedAt: r.usedAt,
        }
      );
    },
    async usePatientInvitation(id, at) {
      const r = await db
        .updateTable('patient_invitation')
        .set({ usedAt: at })
        .where('id', '=', id)
        .where('usedAt', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
  };
}
