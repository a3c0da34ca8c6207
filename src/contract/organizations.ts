import { z } from 'zod';
import { Email, Id, Instant } from './common.ts';
import { ORGANIZATION_ROLES_LIST, PERMISSIONS_LIST } from './enums.ts';

export const CreateOrganizationBody = z.strictObject({ name: z.string().trim().min(1).max(200) });
export const OrganizationView = z
  .object({
    id: Id,
    name: z.string(),
    shareCode: z.string(),
    role: z.enum(ORGANIZATION_ROLES_LIST),
    createdAt: Instant,
    /** Every clinician and admin must use two-step sign-in to reach the clinic's routes and patients. */
    requireSecondFactor: z.boolean(),
  })
  .meta({ id: 'Organization' });

/** A clinic's role settings: permissions withheld from a role, and whether nurses may order medicines and plan tapers. */
export const ClinicRoleSettingsBody = z
  .strictObject({
    allowNurseOrders: z.boolean(),
    withheld: z.partialRecord(z.enum(ORGANIZATION_ROLES_LIST), z.array(z.enum(PERMISSIONS_LIST)).max(PERMISSIONS_LIST.length).readonly()),
  })
  .meta({ id: 'ClinicRoleSettings' });
export const SecondFactorRequirementBody = z.strictObject({ required: z.boolean() });
export const MemberView = z.object({
  id: Id,
  userId: Id,
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ORGANIZATION_ROLES_LIST),
  createdAt: Instant,
});
export const InviteMemberBody = z.strictObject({ email: Email, role: z.enum(ORGANIZATION_ROLES_LIST) });
export const MemberInvitationView = z.object({
  id: Id,
  email: z.string(),
  role: z.enum(ORGANIZATION_ROLES_LIST),
  createdAt: Instant,
  expiresAt: Instant,
});
export const InvitedMember = z.object({ code: z.string(), invitation: MemberInvitationView });
export const MembershipParams = z.strictObject({ organizationId: Id, membershipId: Id });
export const InvitationParams = z.strictObject({ organizationId: Id, invitationId: Id });
export const ChangeRoleBody = z.strictObject({ role: z.enum(ORGANIZATION_ROLES_LIST) });
