// Organizations (clinics), their members and member invitations.
import { sql } from 'kysely';
import type { OrganizationStore } from '../../app/ports.ts';
import type { CareScope, MemberInvitation, Membership, OrganizationRole } from '../../app/model.ts';
import type { MemberInvitationRow, MembershipRow } from '../schema.ts';
import { parseJsonArray, type Executor } from './executor.ts';

const toMembership = (r: MembershipRow): Membership => ({
  id: r.id,
  organizationId: r.organization_id,
  userId: r.user_id,
  role: r.role as OrganizationRole,
  createdAt: r.created_at,
});
const toInvitation = (r: MemberInvitationRow): MemberInvitation => ({
  id: r.id,
  organizationId: r.organization_id,
  email: r.email,
  role: r.role as OrganizationRole,
  invitedBy: r.invited_by,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  acceptedAt: r.accepted_at,
  revokedAt: r.revoked_at,
});

export function organizationRepository(db: Executor, dialect: 'sqlite' | 'postgres'): OrganizationStore {
  return {
    async lockForMembershipChange(organizationId) {
      if (dialect === 'postgres') await sql`select id from organization where id = ${organizationId} for update`.execute(db);
    },
    async insert(o) {
      await db.insertInto('organization').values({ id: o.id, name: o.name, share_code: o.shareCode, created_at: o.createdAt }).execute();
    },
    async findById(id) {
      const r = await db.selectFrom('organization').selectAll().where('id', '=', id).executeTakeFirst();
      return r && { id: r.id, name: r.name, shareCode: r.share_code, createdAt: r.created_at };
    },
    async findByShareCode(code) {
      const r = await db.selectFrom('organization').selectAll().where('share_code', '=', code).executeTakeFirst();
      return r && { id: r.id, name: r.name, shareCode: r.share_code, createdAt: r.created_at };
    },
    async updateShareCode(id, code) {
      await db.updateTable('organization').set({ share_code: code }).where('id', '=', id).execute();
    },
    async insertMembership(m) {
      await db
        .insertInto('membership')
        .values({ id: m.id, organization_id: m.organizationId, user_id: m.userId, role: m.role, created_at: m.createdAt })
        .execute();
    },
    async findMembership(organizationId, userId) {
      const r = await db
        .selectFrom('membership')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return r && toMembership(r);
    },
    async findMembershipById(organizationId, membershipId) {
      const r = await db
        .selectFrom('membership')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .where('id', '=', membershipId)
        .executeTakeFirst();
      return r && toMembership(r);
    },
    async listMembers(organizationId) {
      const rows = await db
        .selectFrom('membership')
        .innerJoin('user_account', 'user_account.id', 'membership.user_id')
        .selectAll('membership')
        .select(['user_account.email', 'user_account.display_name'])
        .where('membership.organization_id', '=', organizationId)
        .orderBy('user_account.display_name')
        .execute();
      return rows.map((r) => ({ ...toMembership(r), email: r.email, displayName: r.display_name }));
    },
    async listMembershipsOfUser(userId) {
      const rows = await db
        .selectFrom('membership')
        .innerJoin('organization', 'organization.id', 'membership.organization_id')
        .selectAll('membership')
        .select('organization.name as organization_name')
        .where('membership.user_id', '=', userId)
        .orderBy('organization.name')
        .execute();
      return rows.map((r) => ({ ...toMembership(r), organizationName: r.organization_name }));
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
        .where('organization_id', '=', organizationId)
        .where('role', '=', 'admin')
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async insertInvitation(inv, codeHash) {
      await db
        .insertInto('member_invitation')
        .values({
          id: inv.id,
          organization_id: inv.organizationId,
          email: inv.email,
          role: inv.role,
          code_hash: codeHash,
          invited_by: inv.invitedBy,
          created_at: inv.createdAt,
          expires_at: inv.expiresAt,
          accepted_at: null,
          revoked_at: null,
        })
        .execute();
    },
    async findInvitationByCodeHash(codeHash) {
      const r = await db.selectFrom('member_invitation').selectAll().where('code_hash', '=', codeHash).executeTakeFirst();
      return r && toInvitation(r);
    },
    async listInvitations(organizationId) {
      const rows = await db
        .selectFrom('member_invitation')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toInvitation);
    },
    async markInvitationAccepted(id, at) {
      const r = await db
        .updateTable('member_invitation')
        .set({ accepted_at: at })
        .where('id', '=', id)
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async revokeInvitation(organizationId, id, at) {
      const r = await db
        .updateTable('member_invitation')
        .set({ revoked_at: at })
        .where('organization_id', '=', organizationId)
        .where('id', '=', id)
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async insertPatientInvitation(inv, codeHash) {
      await db
        .insertInto('patient_invitation')
        .values({
          id: inv.id,
          organization_id: inv.organizationId,
          code_hash: codeHash,
          scopes: JSON.stringify(inv.scopes),
          created_by: inv.createdBy,
          created_at: inv.createdAt,
          expires_at: inv.expiresAt,
          used_at: null,
        })
        .execute();
    },
    async findPatientInvitationByCodeHash(codeHash) {
      const r = await db.selectFrom('patient_invitation').selectAll().where('code_hash', '=', codeHash).executeTakeFirst();
      return (
        r && {
          id: r.id,
          organizationId: r.organization_id,
          scopes: parseJsonArray<CareScope>(r.scopes),
          expiresAt: r.expires_at,
          usedAt: r.used_at,
        }
      );
    },
    async usePatientInvitation(id, at) {
      const r = await db
        .updateTable('patient_invitation')
        .set({ used_at: at })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
  };
}
