// Organizations (clinics): creation, members and roles, member invitations, share code, audit.
import { AppError, invalid, notFound } from './errors.ts';
import { nowIso, addMinutesIso, type AppDeps, type RequestContext } from './context.ts';
import { auditEvent, permissionMissing, requireClinicAction, requireUser, requireUserForEveryPatient } from './access.ts';
import {
  DEFAULT_CLINIC_ROLE_SETTINGS,
  parseClinicRoleSettings,
  roleMay,
  type ClinicAction,
  type ClinicRoleSettings,
} from './permissions.ts';
import { newShareCode } from './share-codes.ts';
import { normalizeEmail } from './accounts.ts';
import type { CareScope, MemberInvitation, Membership, Organization, OrganizationRole } from './model.ts';
import { isUniqueViolationError } from './unique.ts';
import { sha256 } from './system.ts';
import { hasStrongSecondFactor } from './second-factor.ts';

/** The member's role in the clinic, when it may do `action`: for the routes that check it and act elsewhere. */
export async function requireClinicPermission(deps: AppDeps, ctx: RequestContext, organizationId: string, action: ClinicAction) {
  return requireClinicAction(deps.store, organizationId, requireUser(ctx), action);
}

export async function createOrganization(
  deps: AppDeps,
  ctx: RequestContext,
  input: { name: string },
): Promise<{ organization: Organization; membership: Membership }> {
  const userId = requireUser(ctx);
  const now = nowIso(deps);
  const organization: Organization = {
    id: deps.ids.newId(),
    name: input.name.trim(),
    shareCode: newShareCode(deps.ids),
    createdAt: now,
    requireSecondFactor: false,
    roleSettings: DEFAULT_CLINIC_ROLE_SETTINGS,
  };
  const membership: Membership = { id: deps.ids.newId(), organizationId: organization.id, userId, role: 'admin', createdAt: now };
  await deps.store.transaction(async (tx) => {
    await tx.organizations.insert(organization);
    await tx.organizations.insertMembership(membership);
    await tx.audit.append([
      auditEvent(deps, ctx, {
        actorBasis: 'admin',
        organizationId: organization.id,
        patientId: null,
        action: 'organization.create',
        resourceType: 'organization',
        resourceId: organization.id,
      }),
    ]);
  });
  return { organization, membership };
}

export async function listMyMemberships(deps: AppDeps, ctx: RequestContext) {
  return deps.store.organizations.listMembershipsOfUser(requireUser(ctx));
}

export async function getOrganization(
  deps: AppDeps,
  ctx: RequestContext,
  organizationId: string,
): Promise<{ organization: Organization; role: OrganizationRole }> {
  const m = await requireClinicAction(deps.store, organizationId, requireUser(ctx), 'view-clinic');
  const organization = await deps.store.organizations.findById(organizationId);
  if (!organization) throw notFound('The organization');
  return { organization, role: m.role };
}

/**
 * Turns the clinic's second-factor requirement on or off (admins). An admin without a second factor
 * cannot turn it on: the clinic's routes would refuse them at once, the switch among them.
 */
export async function setSecondFactorRequirement(
  deps: AppDeps,
  ctx: RequestContext,
  organizationId: string,
  required: boolean,
): Promise<void> {
  const userId = requireUser(ctx);
  await requireClinicAction(deps.store, organizationId, userId, 'manage-settings');
  if (required && !(await hasStrongSecondFactor(deps, userId)))
    throw new AppError('second-factor-required', 'Turn on two-step sign-in for your own account before requiring it of everyone.', {
      extra: { enrolUrl: '/account#two-step' },
    });
  await deps.store.transaction(async (tx) => {
    await tx.secondFactors.setOrganizationRequirement(organizationId, required);
    await tx.audit.append([
      auditEvent(deps, ctx, {
        actorBasis: 'admin',
        organizationId,
        patientId: null,
        action: required ? 'organization.second-factor.require' : 'organization.second-factor.allow-without',
        resourceType: 'organization',
        resourceId: organizationId,
      }),
    ]);
  });
}

/**
 * What the clinic sets about its roles (admins): permissions taken away from a role, and whether its
 * nurses may order medicines and plan tapers. The settings only narrow the role matrix (or reach the
 * nurse-order limit it names); an admin cannot take `manage-settings` from admins, which would leave
 * no one able to give it back.
 */
export async function setClinicRoleSettings(
  deps: AppDeps,
  ctx: RequestContext,
  organizationId: string,
  settings: ClinicRoleSettings,
): Promise<void> {
  await requireClinicAction(deps.store, organizationId, requireUser(ctx), 'manage-settings');
  if (settings.withheld.admin?.includes('manage-settings'))
    throw invalid('The role settings', [
      { pointer: '/withheld/admin', detail: 'Admins keep manage-settings: without it no one could change these settings again.' },
    ]);
  // Stored in the table's order, each permission once, roles without any left out.
  const normalized = parseClinicRoleSettings(JSON.stringify(settings));
  await deps.store.transaction(async (tx) => {
    await tx.organizations.setRoleSettings(organizationId, normalized);
    await tx.audit.append([
      auditEvent(deps, ctx, {
        actorBasis: 'admin',
        organizationId,
        patientId: null,
        action: 'organization.role-settings',
        resourceType: 'organization',
        resourceId: organizationId,
      }),
    ]);
  });
}

export async function rotateShareCode(deps: AppDeps, ctx: RequestContext, organizationId: string): Promise<Organization> {
  await requireClinicAction(deps.store, organizationId, requireUser(ctx), 'manage-settings');
  const code = newShareCode(deps.ids);
  await deps.store.transaction(async (tx) => {
    await tx.organizations.updateShareCode(organizationId, code);
    await tx.audit.append([
      auditEvent(deps, ctx, {
        actorBasis: 'admin',
        organizationId,
        patientId: null,
        action: 'organization.rotate-share-code',
        resourceType: 'organization',
        resourceId: organizationId,
      }),
    ]);
  });
  const org = await deps.store.organizations.findById(organizationId);
  if (!org) throw notFound('The organization');
  return org;
}

export async function listMembers(deps: AppDeps, ctx: RequestContext, organizationId: string) {
  await requireClinicAction(deps.store, organizationId, requireUser(ctx), 'view-clinic');
  return deps.store.organizations.listMembers(organizationId);
}

export async function inviteMember(
  deps: AppDeps,
  ctx: RequestContext,
  organizationId: string,
  input: { email: string; role: OrganizationRole },
): Promise<{ code: string; invitation: MemberInvitation }> {
  const userId = requireUser(ctx);
  await requireClinicAction(deps.store, organizationId, userId, 'manage-members');
  const code = deps.ids.newSecret(18);
  const now = nowIso(deps);
  const invitation: MemberInvitation = {
    id: deps.ids.newId(),
    organizationId,
    email: normalizeEmail(input.email),
    role: input.role,
    invitedBy: userId,
    createdAt: now,
    expiresAt: addMinutesIso(now, deps.settings.invitationDays * 24 * 60),
    acceptedAt: null,
    revokedAt: null,
  };
  await deps.store.transaction(async (tx) => {
    await tx.organizations.insertInvitation(invitation, sha256(code));
    await tx.audit.append([
      auditEvent(deps, ctx, {
        actorBasis: 'admin',
        organizationId,
        patientId: null,
        action: 'member.invite',
        resourceType: 'member_invitation',
        resourceId: invitation.id,
      }),
    ]);
  });
  return { code, invitation };
}

export async function listMemberInvitations(deps: AppDeps, ctx: RequestContext, organizationId: string) {
  await requireClinicAction(deps.store, organizationId, requireUser(ctx), 'manage-members');
  return deps.store.organizations.listInvitations(organizationId);
}

export async function revokeMemberInvitation(
  deps: AppDeps,
  ctx: RequestContext,
  organizationId: string,
  invitationId: string,
): Promise<void> {
  await requireClinicAction(deps.store, organizationId, requireUser(ctx), 'manage-members');
  if (!(await deps.store.organizations.revokeInvitation(organizationId, invitationId, nowIso(deps)))) throw notFound('The invitation');
}

export async function acceptMemberInvitation(deps: AppDeps, ctx: RequestContext, code: string): Promise<Membership> {
  const userId = requireUser(ctx);
  const user = await deps.store.users.findById(userId);
  const inv = await deps.store.organizations.findInvitationByCodeHash(sha256(code.trim()));
  const now = nowIso(deps);
  if (!user || !inv || inv.acceptedAt || inv.revokedAt || inv.expiresAt <= now || inv.email !== user.email) {
    throw new AppError(
      'invalid-invitation',
      'This invitation code is not valid for your account. It may have been used, revoked or expired, or sent to another email address.',
    );
  }
  const membership: Membership = { id: deps.ids.newId(), organizationId: inv.organizationId, userId, role: inv.role, createdAt: now };
  try {
    await deps.store.transaction(async (tx) => {
      // Compare-and-set first: an invitation revoked (or used) since it was read above is refused.
      if (!(await tx.organizations.markInvitationAccepted(inv.id, now)))
        throw new AppError('invalid-invitation', 'This invitation code has just been used or revoked — ask for a new one.');
      await tx.organizations.insertMembership(membership);
      await tx.audit.append([
        auditEvent(deps, ctx, {
          actorBasis: 'member',
          organizationId: inv.organizationId,
          patientId: null,
          action: 'member.join',
          resourceType: 'membership',
          resourceId: membership.id,
        }),
      ]);
    });
  } catch (error) {
    if (isUniqueViolationError(error)) throw new AppError('already-member', 'You are already a member of this organization.');
    throw error;
  }
  return membership;
}

export async function changeMemberRole(
  deps: AppDeps,
  ctx: RequestContext,
  organizationId: string,
  membershipId: string,
  role: OrganizationRole,
): Promise<void> {
  const userId = requireUser(ctx);
  await requireClinicAction(deps.store, organizationId, userId, 'manage-members');
  await deps.store.transaction(async (tx) => {
    await tx.organizations.lockForMembershipChange(organizationId);
    // Still an admin now that changes take turns (another admin may have just demoted or removed us).
    await requireClinicAction(tx, organizationId, userId, 'manage-members');
    const target = await tx.organizations.findMembershipById(organizationId, membershipId);
    if (!target) throw notFound('The member');
    if (target.role === 'admin' && role !== 'admin' && (await tx.organizations.countAdmins(organizationId)) <= 1) {
      throw new AppError('last-admin', 'An organization needs at least one admin. Make someone else an admin first.');
    }
    await tx.organizations.updateRole(membershipId, role);
    await tx.audit.append([
      auditEvent(deps, ctx, {
        actorBasis: 'admin',
        organizationId,
        patientId: null,
        action: 'member.change-role',
        resourceType: 'membership',
        resourceId: membershipId,
      }),
    ]);
  });
}

export async function removeMember(deps: AppDeps, ctx: RequestContext, organizationId: string, membershipId: string): Promise<void> {
  const userId = requireUser(ctx);
  await requireClinicAction(deps.store, organizationId, userId, 'view-clinic');
  await deps.store.transaction(async (tx) => {
    await tx.organizations.lockForMembershipChange(organizationId);
    // Read again now that changes take turns (another admin may have just demoted or removed us).
    const me = await requireClinicAction(tx, organizationId, userId, 'view-clinic');
    const target = await tx.organizations.findMembershipById(organizationId, membershipId);
    if (!target) throw notFound('The member');
    // Admins remove anyone; any member may leave.
    if (!roleMay(me.role, 'manage-members', me.roleSettings) && target.userId !== userId) throw permissionMissing('manage-members');
    if (target.role === 'admin' && (await tx.organizations.countAdmins(organizationId)) <= 1) {
      throw new AppError('last-admin', 'An organization needs at least one admin. Make someone else an admin first.');
    }
    await tx.organizations.deleteMembership(membershipId);
    await tx.audit.append([
      auditEvent(deps, ctx, {
        actorBasis: 'admin',
        organizationId,
        patientId: null,
        action: 'member.remove',
        resourceType: 'membership',
        resourceId: membershipId,
      }),
    ]);
  });
}

export async function readOrganizationAudit(deps: AppDeps, ctx: RequestContext, organizationId: string, limit: number, before?: string) {
  await requireClinicAction(deps.store, organizationId, requireUserForEveryPatient(ctx), 'read-audit');
  return deps.store.audit.listForOrganization(organizationId, limit, before);
}

/** A one-time code a clinic gives a patient; the patient shares their record by accepting it. Any member may create one. */
export async function invitePatient(
  deps: AppDeps,
  ctx: RequestContext,
  organizationId: string,
  input: { scopes: readonly CareScope[] },
): Promise<{ code: string; expiresAt: string }> {
  const userId = requireUser(ctx);
  await requireClinicAction(deps.store, organizationId, userId, 'invite-patients');
  const code = deps.ids.newSecret(18);
  const now = nowIso(deps);
  const invitation = {
    id: deps.ids.newId(),
    organizationId,
    scopes: [...new Set(input.scopes)],
    createdBy: userId,
    createdAt: now,
    expiresAt: addMinutesIso(now, deps.settings.invitationDays * 24 * 60),
  };
  await deps.store.transaction(async (tx) => {
    await tx.organizations.insertPatientInvitation(invitation, sha256(code));
    await tx.audit.append([
      auditEvent(deps, ctx, {
        actorBasis: 'member',
        organizationId,
        patientId: null,
        action: 'patient.invite',
        resourceType: 'patient_invitation',
        resourceId: invitation.id,
      }),
    ]);
  });
  return { code, expiresAt: invitation.expiresAt };
}
