// The one door to patient data: load the facts, ask the policy, refuse with a typed error, and hand
// back an audit-event builder stamped with who is acting and on what basis.
import { AppError, notFound } from './errors.ts';
import type { AppDeps, RequestContext } from './context.ts';
import { nowIso } from './context.ts';
import type { AuditEvent, Membership } from './model.ts';
import { decidePatientAccess, isActive, type AccessBasis, type PatientAction } from './policy.ts';
import { roleMay, type ClinicAction, type ClinicRoleSettings, type Permission } from './permissions.ts';
import type { Repositories } from './ports.ts';

export interface Granted {
  readonly userId: string;
  readonly patientId: string;
  readonly basis: AccessBasis;
  /**
   * Whether the same grant also allows reading the record, decided from the facts already loaded: a
   * caregiver may hold the diary scope without `read`, and must then not be shown the server's copy
   * when a write conflicts.
   */
  readonly mayRead: boolean;
  /** An audit event for this actor, patient and request. */
  audit(action: string, resourceType: string, resourceId: string | null): AuditEvent;
}

export function requireUser(ctx: RequestContext): string {
  if (ctx.actor.kind !== 'user') throw new AppError('authentication-required', 'Sign in to continue.');
  return ctx.actor.userId;
}

/**
 * The signed-in user, when they signed in with their password (a session). Managing the account's
 * credentials — its password, e-mail and API tokens — needs that: an API token is for scripts, and
 * a token that leaked must not be able to lock its owner out or make itself a successor.
 */
export function requireSessionUser(ctx: RequestContext): string {
  const userId = requireUser(ctx);
  if (ctx.actor.kind === 'user' && ctx.actor.via !== 'session') {
    throw new AppError(
      'session-required',
      'Sign in with your password to manage your account’s password, e-mail or API tokens; an API token cannot.',
    );
  }
  return userId;
}

/**
 * The signed-in user, unless they came with an API token limited to some patients: a clinic-wide list
 * (the panel, the alerts inbox, the audit trail) names every patient of the clinic, which such a token
 * must never reach.
 */
export function requireUserForEveryPatient(ctx: RequestContext): string {
  const userId = requireUser(ctx);
  if (ctx.actor.kind === 'user' && ctx.actor.tokenLimits?.patientIds)
    throw new AppError('forbidden', 'This API token is limited to some patients; clinic-wide lists need a token for every patient.');
  return userId;
}

/**
 * A refusal for the member's role: a 403 that names the permission the role lacks, so that the
 * member (and the browser, which hides what the role cannot do) knows what is missing, not only that
 * something is.
 */
export function permissionMissing(permission: Permission): AppError {
  return new AppError('forbidden', `Your role in this clinic does not include the permission "${permission}".`, {
    extra: { permission },
  });
}

/**
 * The actor's membership of the clinic, when their role there may do `action` (the role matrix); a
 * stranger to the clinic learns nothing of it, a member whose role lacks the action is told which.
 */
export async function requireClinicAction(
  stores: Repositories,
  organizationId: string,
  userId: string,
  action: ClinicAction,
): Promise<Membership & { readonly roleSettings: ClinicRoleSettings }> {
  const m = await stores.organizations.findMembershipWithRoleSettings(organizationId, userId);
  if (!m) throw notFound('The organization');
  if (!roleMay(m.role, action, m.roleSettings)) throw permissionMissing(action);
  return m;
}

/** A clinic demands a second factor of this member, who has none yet. */
export function secondFactorRequired(): AppError {
  return new AppError(
    'second-factor-required',
    'Your clinic asks every clinician and admin to use two-step sign-in. Turn it on in your account settings to continue.',
    { extra: { enrolUrl: '/account#two-step' } },
  );
}

export function auditEvent(
  deps: Pick<AppDeps, 'clock' | 'ids'>,
  ctx: RequestContext,
  fields: Omit<AuditEvent, 'id' | 'at' | 'actorUserId' | 'requestId'>,
): AuditEvent {
  return {
    id: deps.ids.newId(),
    at: nowIso(deps),
    actorUserId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    requestId: ctx.requestId,
    ...fields,
  };
}

/**
 * A change to how the signed-in person proves who they are (a second factor on or off, recovery codes, a
 * passkey added, renamed or removed): an event of their own account, on no patient and no clinic. It
 * names what changed and which item, never a secret, a code or a key.
 */
export function accountSecurityEvent(
  deps: Pick<AppDeps, 'clock' | 'ids'>,
  ctx: RequestContext,
  action: `account.${string}`,
  resource: { type: 'user' | 'passkey'; id: string },
): AuditEvent {
  return auditEvent(deps, ctx, {
    actorBasis: 'owner',
    organizationId: null,
    patientId: null,
    action,
    resourceType: resource.type,
    resourceId: resource.id,
  });
}

async function decideAccess(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  action: PatientAction,
  stores: Repositories,
): Promise<Granted> {
  const userId = requireUser(ctx);
  // A person's own record needs no lookup: the session was read with it moments ago, and a record
  // never changes owner. Everyone else's access is read from the relationships, in this transaction.
  const facts =
    ctx.actor.kind === 'user' && ctx.actor.ownPatientId === patientId
      ? { patient: { id: patientId, userId }, delegations: [], careGrants: [] }
      : await stores.patients.loadAccessFacts(patientId, userId);
  const now = nowIso(deps);
  const decision = decidePatientAccess(ctx.actor, action, facts, now);
  if (!decision.allowed) {
    if (decision.refusal === 'unauthenticated') throw new AppError('authentication-required', 'Sign in to continue.');
    if (decision.refusal === 'forbidden' && decision.permission) throw permissionMissing(decision.permission);
    if (decision.refusal === 'forbidden') throw new AppError('forbidden', 'Your access to this patient does not include this action.');
    if (decision.refusal === 'second-factor-required') throw secondFactorRequired();
    throw notFound('The patient');
  }
  const basis = decision.basis;
  return {
    userId,
    patientId,
    basis,
    mayRead: basis.kind === 'owner' || action === 'read' || decidePatientAccess(ctx.actor, 'read', facts, now).allowed,
    audit: (action, resourceType, resourceId) =>
      auditEvent(deps, ctx, {
        actorBasis: basis.kind,
        organizationId: basis.kind === 'clinician' ? basis.organizationId : null,
        patientId,
        action,
        resourceType,
        resourceId,
      }),
  };
}

/**
 * Outside a transaction an action is decided once per request: a read that looks twice (the patient's
 * time zone, then the days) asks the database once. Inside a transaction every call decides afresh from
 * that transaction's reads, so a write sees a grant revoked a moment before it.
 */
const readDecisions = new WeakMap<RequestContext, Map<string, Promise<Granted>>>();

/** Whether the actor of `ctx` may do `action` on the patient's record, decided from the relationships read in `stores`. */
export function authorizePatientAccess(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  action: PatientAction,
  stores: Repositories = deps.store,
): Promise<Granted> {
  if (stores !== deps.store) return decideAccess(deps, ctx, patientId, action, stores);
  let decisions = readDecisions.get(ctx);
  if (!decisions) readDecisions.set(ctx, (decisions = new Map()));
  const key = `${action} ${patientId}`;
  let decision = decisions.get(key);
  if (!decision) decisions.set(key, (decision = decideAccess(deps, ctx, patientId, action, stores)));
  return decision;
}

/** Whether the patient shares with the organization at `now` (a care relationship neither revoked nor expired). */
export async function hasActiveRelationship(
  stores: Repositories,
  patientId: string,
  organizationId: string,
  now: string,
): Promise<boolean> {
  return (await stores.careRelationships.listForPatient(patientId)).some((r) => r.organizationId === organizationId && isActive(r, now));
}
