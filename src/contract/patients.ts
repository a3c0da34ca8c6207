import { z } from 'zod';
import { DisplayName, Id, Instant, InstantInput, PageQuery, TimeZoneName } from './common.ts';
import { CARE_SCOPES_LIST, CAREGIVER_SCOPES_LIST, SEX_LIST } from './enums.ts';

export const PatientView = z
  .object({
    id: Id,
    displayName: z.string(),
    timeZone: z.string(),
    // Part of the record: left out of a list for someone the patient shares with who may not read it.
    birthYear: z.number().int().nullable().optional(),
    sex: z.enum(SEX_LIST).optional(),
    createdAt: Instant,
  })
  .meta({ id: 'Patient' });

export const CreatePatientBody = z.strictObject({
  displayName: DisplayName.optional(),
  timeZone: TimeZoneName,
  birthYear: z.number().int().min(1900).max(2100).nullable().optional(),
  sex: z.enum(SEX_LIST).optional(),
});
export const UpdatePatientBody = CreatePatientBody.partial().refine((b) => Object.keys(b).length > 0, {
  error: 'Send at least one field to change.',
});

export const VisiblePatientView = z.object({
  patient: PatientView,
  basis: z.enum(['owner', 'caregiver', 'clinician']),
  organizationId: Id.nullable(),
  scopes: z.array(z.string()).readonly(),
});

export const InviteCaregiverBody = z.strictObject({
  label: z.string().trim().min(1).max(100),
  scopes: z.array(z.enum(CAREGIVER_SCOPES_LIST)).min(1).max(CAREGIVER_SCOPES_LIST.length),
  expiresAt: InstantInput.nullable().optional(),
});
export const DelegationView = z.object({
  id: Id,
  label: z.string(),
  scopes: z.array(z.enum(CAREGIVER_SCOPES_LIST)).readonly(),
  createdAt: Instant,
  expiresAt: Instant.nullable(),
  acceptedAt: Instant.nullable(),
  revokedAt: Instant.nullable(),
  caregiverEmail: z.string().nullable(),
  caregiverName: z.string().nullable(),
});
export const InvitedCaregiver = z.object({ code: z.string(), delegation: DelegationView });
export const AcceptInvitationBody = z.strictObject({ code: z.string().trim().min(1).max(200) });
export const DelegationParams = z.strictObject({ patientId: Id, delegationId: Id });

export const ShareBody = z.strictObject({
  shareCode: z.string().trim().min(1).max(40),
  scopes: z.array(z.enum(CARE_SCOPES_LIST)).min(1).max(CARE_SCOPES_LIST.length),
  expiresAt: InstantInput.nullable().optional(),
});
export const CareRelationshipView = z.object({
  id: Id,
  organizationId: Id,
  organizationName: z.string(),
  scopes: z.array(z.enum(CARE_SCOPES_LIST)).readonly(),
  createdAt: Instant,
  expiresAt: Instant.nullable(),
  revokedAt: Instant.nullable(),
});
export const CareRelationshipParams = z.strictObject({ patientId: Id, relationshipId: Id });

export const AuditEventView = z.object({
  id: Id,
  at: Instant,
  actorName: z.string().nullable(),
  actorBasis: z.string(),
  organizationId: Id.nullable(),
  action: z.string(),
  resourceType: z.string(),
  resourceId: z.string().nullable(),
});
/** Whose actions the access log lists: everyone's (the default), or only other people's. */
export const ACCESS_LOG_WHO = ['everyone', 'others'] as const;
export const AccessLogQuery = PageQuery.extend({ who: z.enum(ACCESS_LOG_WHO).default('everyone') });
export const AuditPage = z.object({ items: z.array(AuditEventView), nextCursor: z.string().nullable() });
