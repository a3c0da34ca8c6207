// The one authorization policy for patient data: (actor, action, facts about the patient) → allowed
// with the basis of access, or a typed refusal. Every use case that touches patient data asks it
// (through `authorizePatientAccess` in access.ts, which loads the facts); nothing else decides.
//
// Invariants:
// - the patient (the account that holds the record) may do everything;
// - a caregiver acts only within the scopes the patient delegated, while the delegation is accepted,
//   not revoked and not expired;
// - a clinician acts only through an organization they are a clinical member of (admins are not
//   clinicians), with a care relationship the patient granted that is neither revoked nor expired,
//   and only within its scopes;
// - a clinician's role must also allow the action (the role matrix in permissions.ts, as the clinic set
//   it): a refusal for the role names the permission the role lacks;
// - someone with no link to the patient learns nothing: the refusal is `not-found`, not `forbidden`;
// - an API token narrows its owner's access, never widens it: a patient outside the token's patients
//   is refused as for a stranger (`not-found`), and a read-only token is refused every change;
// - a clinic that demands a second factor lends its patients to none of its clinicians who lack one:
//   the refusal says so (`second-factor-required`), as the clinician is entitled to know what to fix.
import { CLINICIAN_ROLES, type ApiTokenLimits, type CaregiverScope, type CareScope, type OrganizationRole } from './model.ts';
import { roleMay, type ClinicRoleSettings, type PatientAction } from './permissions.ts';

export { PATIENT_ACTIONS, type PatientAction } from './permissions.ts';

export type Actor =
  | { readonly kind: 'anonymous' }
  | {
      readonly kind: 'user';
      readonly userId: string;
      readonly via: 'session' | 'token';
      /** The patient record this user owns, as read with the session (a record never changes owner). */
      readonly ownPatientId?: string | null;
      /** Present when the user acts through an API token: what that token allows. */
      readonly tokenLimits?: ApiTokenLimits;
      /** Organizations that demand a second factor of this member, who has none (read with the session or token). */
      readonly secondFactorMissingIn?: readonly string[];
    };

// `see-due-questionnaires`: which questionnaires can be answered and which are due (titles and times, no
// answers) — for whoever may read the record or answer questionnaires for the patient.

/** The actions that only look: all a read-only API token may do. */
const READ_ONLY_ACTIONS: readonly PatientAction[] = ['read', 'see-due-questionnaires', 'read-access-log'];

export interface AccessFacts {
  readonly patient: { readonly id: string; readonly userId: string } | undefined;
  /** The actor's delegations for this patient (normally zero or one). */
  readonly delegations: readonly {
    readonly scopes: readonly CaregiverScope[];
    readonly acceptedAt: string | null;
    readonly revokedAt: string | null;
    readonly expiresAt: string | null;
  }[];
  /** The patient's care relationships with organizations in which the actor is a member, with the actor's role there. */
  readonly careGrants: readonly {
    readonly organizationId: string;
    readonly role: OrganizationRole;
    readonly scopes: readonly CareScope[];
    readonly revokedAt: string | null;
    readonly expiresAt: string | null;
    /** What the clinic set about its roles; absent: the matrix's defaults. */
    readonly roleSettings?: ClinicRoleSettings;
  }[];
}

export type AccessBasis =
  | { readonly kind: 'owner' }
  | { readonly kind: 'caregiver' }
  | {
      readonly kind: 'clinician';
      readonly organizationId: string;
      readonly role: OrganizationRole;
      /** What the clinic set about its roles, when it set anything (for checks finer than a route). */
      readonly roleSettings?: ClinicRoleSettings;
    };

export type AccessDecision =
  | { readonly allowed: true; readonly basis: AccessBasis }
  | {
      readonly allowed: false;
      readonly refusal: 'unauthenticated' | 'not-found' | 'forbidden' | 'second-factor-required';
      /** On a refusal for a clinician's role: the permission that role lacks. */
      readonly permission?: PatientAction;
    };

/** The caregiver scopes that each grant an action (any one of them will do). */
const CAREGIVER_SCOPES_FOR: Partial<Record<PatientAction, readonly CaregiverScope[]>> = {
  read: ['read'],
  'write-diary': ['write-diary'],
  'answer-questionnaires': ['answer-questionnaires'],
  // What can be answered and what is due: for whoever may read the record or answer for the patient.
  'see-due-questionnaires': ['read', 'answer-questionnaires'],
  // A pacing baseline is a diary-like count of the patient's own sessions.
  'record-pacing-sessions': ['write-diary'],
};

/** The care-relationship scopes that each grant an action to a clinician (any one of them will do). */
const CARE_SCOPES_FOR: Partial<Record<PatientAction, readonly CareScope[]>> = {
  read: ['read'],
  'write-diary': ['write'],
  'answer-questionnaires': ['write'],
  'see-due-questionnaires': ['read', 'write'],
  'record-pacing-sessions': ['write'],
  'assign-questionnaires': ['write'],
  'edit-care-plan': ['write'],
  'record-conditions': ['write'],
  'record-procedures': ['write'],
  'record-conservative-care': ['write'],
  'order-medications': ['write'],
  'plan-tapers': ['write'],
};

/**
 * Whether scopes granted on one basis include an action: the same table the access decision reads, for
 * the places that shape an answer by the grant (a list that shows a writer the name but not the record).
 */
export function scopesGrant(basis: 'owner' | 'caregiver' | 'clinician', scopes: readonly string[], action: PatientAction): boolean {
  if (basis === 'owner') return true;
  const granting: readonly string[] | undefined = basis === 'caregiver' ? CAREGIVER_SCOPES_FOR[action] : CARE_SCOPES_FOR[action];
  return granting?.some((scope) => scopes.includes(scope)) ?? false;
}

/**
 * Whether a grant (delegation or care relationship) is in force at `now`. Compared as instants, not
 * text: an expiry stored with an offset (before inputs were made canonical UTC, migration 0013) would
 * otherwise be off by up to 14 hours.
 */
export function isActive(grant: { readonly revokedAt: string | null; readonly expiresAt: string | null }, now: string): boolean {
  return grant.revokedAt === null && (grant.expiresAt === null || Date.parse(grant.expiresAt) > Date.parse(now));
}

/** `now` is an ISO-8601 UTC instant; expiries are compared with it as instants (`isActive`). */
export function decidePatientAccess(actor: Actor, action: PatientAction, facts: AccessFacts, now: string): AccessDecision {
  if (actor.kind === 'anonymous') return { allowed: false, refusal: 'unauthenticated' };
  if (!facts.patient) return { allowed: false, refusal: 'not-found' };
  const limits = actor.tokenLimits;
  if (limits?.patientIds && !limits.patientIds.includes(facts.patient.id)) return { allowed: false, refusal: 'not-found' };
  const decision = decideForUser(actor.userId, action, facts, now, actor.secondFactorMissingIn ?? []);
  if (decision.allowed && limits?.access === 'read' && !READ_ONLY_ACTIONS.includes(action)) return { allowed: false, refusal: 'forbidden' };
  return decision;
}

function decideForUser(
  userId: string,
  action: PatientAction,
  facts: AccessFacts,
  now: string,
  secondFactorMissingIn: readonly string[],
): AccessDecision {
  if (!facts.patient) return { allowed: false, refusal: 'not-found' };
  if (facts.patient.userId === userId) return { allowed: true, basis: { kind: 'owner' } };

  let linked = false;
  for (const d of facts.delegations) {
    if (d.acceptedAt === null || !isActive(d, now)) continue;
    linked = true;
    if (CAREGIVER_SCOPES_FOR[action]?.some((scope) => d.scopes.includes(scope))) return { allowed: true, basis: { kind: 'caregiver' } };
  }
  let needsSecondFactor = false;
  let roleLacks = false;
  for (const g of facts.careGrants) {
    if (!CLINICIAN_ROLES.includes(g.role) || !isActive(g, now)) continue;
    linked = true;
    if (secondFactorMissingIn.includes(g.organizationId)) {
      needsSecondFactor = true;
      continue;
    }
    if (!roleMay(g.role, action, g.roleSettings)) {
      roleLacks = true;
      continue;
    }
    if (CARE_SCOPES_FOR[action]?.some((scope) => g.scopes.includes(scope))) {
      const basis = { kind: 'clinician', organizationId: g.organizationId, role: g.role } as const;
      return { allowed: true, basis: g.roleSettings ? { ...basis, roleSettings: g.roleSettings } : basis };
    }
  }
  if (needsSecondFactor) return { allowed: false, refusal: 'second-factor-required' };
  if (roleLacks) return { allowed: false, refusal: 'forbidden', permission: action };
  return { allowed: false, refusal: linked ? 'forbidden' : 'not-found' };
}
