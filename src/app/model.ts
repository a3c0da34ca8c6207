// The records use cases work with. Row shapes stay in storage/; these are what crosses the port.
import type { Permission } from './permission-names.ts';

export const ORGANIZATION_ROLES = ['physician', 'nurse', 'physical_therapist', 'psychologist', 'pharmacist', 'admin'] as const;
export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];

/** What a clinic has set about its roles (the role matrix, permissions.ts): it only narrows the matrix, or reaches the nurse-order limit the matrix names. */
export interface ClinicRoleSettings {
  /** Nurses may order medicines and plan tapers themselves. Off by default. */
  readonly allowNurseOrders: boolean;
  /** Permissions the clinic has taken away from a role. */
  readonly withheld: { readonly [R in OrganizationRole]?: readonly Permission[] };
}

export const CLINICIAN_ROLES: readonly OrganizationRole[] = ['physician', 'nurse', 'physical_therapist', 'psychologist', 'pharmacist'];
/** The roles a clinic's second-factor requirement applies to: whoever reaches patients' records or runs the clinic (every role). */
export const SECOND_FACTOR_ROLES: readonly OrganizationRole[] = [...CLINICIAN_ROLES, 'admin'];

/** What a caregiver may do for the patient who invited them. */
export const CAREGIVER_SCOPES = ['read', 'write-diary', 'answer-questionnaires'] as const;
export type CaregiverScope = (typeof CAREGIVER_SCOPES)[number];

/** What a clinic may do with a patient's record once the patient has granted access. */
export const CARE_SCOPES = ['read', 'write'] as const;
export type CareScope = (typeof CARE_SCOPES)[number];

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

export interface User {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly passwordHash: string;
  readonly createdAt: string;
}

export interface Session {
  readonly id: string; // sha-256 of the token, never the token itself
  readonly userId: string;
  readonly csrfToken: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly idleExpiresAt: string;
  readonly absoluteExpiresAt: string;
  /** The second factor the session's person proved at its sign-in or since; null: none (the password alone). */
  readonly secondFactor: SessionSecondFactor | null;
}

/**
 * What can make a session a two-step one: a code from the authenticator app, one of its recovery codes,
 * or a passkey (something held and a PIN or biometric checked on it, which is two factors in one).
 */
export type SessionSecondFactor = 'totp' | 'recovery-code' | 'passkey';

/** What an API token may do: only read, or read and change what its owner may change. */
export const API_TOKEN_ACCESS = ['read', 'read-write'] as const;
export type ApiTokenAccess = (typeof API_TOKEN_ACCESS)[number];

/** The limits an API token puts on its owner's access, on top of the owner's own. */
export interface ApiTokenLimits {
  readonly access: ApiTokenAccess;
  /** The patients the token may reach; `null`: every patient its owner may reach. */
  readonly patientIds: readonly string[] | null;
}

export interface ApiToken extends ApiTokenLimits {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
  /** After this instant the token no longer signs in; `null`: until revoked. */
  readonly expiresAt: string | null;
}

export interface Organization {
  readonly id: string;
  readonly name: string;
  readonly shareCode: string;
  readonly createdAt: string;
  /** Every clinician and admin must use two-step sign-in to reach the clinic's routes and patients. */
  readonly requireSecondFactor: boolean;
  /** What the clinic set about its roles (the role matrix's defaults narrowed, nurse orders allowed). */
  readonly roleSettings: ClinicRoleSettings;
}

export interface Membership {
  readonly id: string;
  readonly organizationId: string;
  readonly userId: string;
  readonly role: OrganizationRole;
  readonly createdAt: string;
}

export interface MemberInvitation {
  readonly id: string;
  readonly organizationId: string;
  readonly email: string;
  readonly role: OrganizationRole;
  readonly invitedBy: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly acceptedAt: string | null;
  readonly revokedAt: string | null;
}

export interface Patient {
  readonly id: string;
  readonly userId: string;
  readonly displayName: string;
  readonly timeZone: string;
  readonly birthYear: number | null;
  readonly sex: Sex;
  readonly createdAt: string;
}

export interface Delegation {
  readonly id: string;
  readonly patientId: string;
  readonly caregiverUserId: string | null;
  readonly label: string;
  readonly scopes: readonly CaregiverScope[];
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly acceptedAt: string | null;
  readonly revokedAt: string | null;
}

export interface CareRelationship {
  readonly id: string;
  readonly patientId: string;
  readonly organizationId: string;
  readonly scopes: readonly CareScope[];
  readonly grantedByUserId: string;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
}

export interface AuditEvent {
  readonly id: string;
  readonly at: string;
  readonly actorUserId: string | null;
  /** How the actor reached the record: owner, caregiver, clinician (with organization), admin, system. */
  readonly actorBasis: string;
  readonly organizationId: string | null;
  readonly patientId: string | null;
  readonly action: string;
  readonly resourceType: string;
  readonly resourceId: string | null;
  readonly requestId: string | null;
}

/** The signed-in person as every page needs them: loaded with the session, in one query. */
export interface ActorProfile {
  readonly user: { readonly id: string; readonly email: string; readonly displayName: string };
  readonly patient: { readonly id: string; readonly displayName: string; readonly timeZone: string } | null;
  readonly memberships: readonly {
    readonly id: string;
    readonly organizationId: string;
    readonly organizationName: string;
    readonly role: OrganizationRole;
    /** The organization demands a second factor of this member, who has none. */
    readonly secondFactorMissing: boolean;
    /** What the clinic set about its roles, for this membership's permissions. */
    readonly roleSettings: ClinicRoleSettings;
  }[];
}
