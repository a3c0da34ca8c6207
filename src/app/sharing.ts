// Consented access: the patient invites caregivers and grants clinics access, and can revoke either;
// revocation takes effect on the very next request because the policy reads the current rows.
import { AppError, notFound } from './errors.ts';
import { addMinutesIso, nowIso, type AppDeps, type RequestContext } from './context.ts';
import { auditEvent, authorizePatientAccess, hasActiveRelationship, requireUser, type Granted } from './access.ts';
import { normalizeShareCode } from './share-codes.ts';
import type { CareRelationship, CareScope, CaregiverScope, Delegation } from './model.ts';
import type { Repositories } from './ports.ts';
import { sha256 } from './system.ts';

export async function inviteCaregiver(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  input: { label: string; scopes: readonly CaregiverScope[]; expiresAt?: string | null },
): Promise<{ code: string; delegation: Delegation }> {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'manage-access');
  if (input.expiresAt && input.expiresAt <= nowIso(deps)) {
    throw new AppError('validation-failed', 'The end date must be in the future.', {
      errors: [{ pointer: '/expiresAt', detail: 'Choose a date in the future.' }],
    });
  }
  const code = deps.ids.newSecret(18);
  const delegation: Delegation = {
    id: deps.ids.newId(),
    patientId,
    caregiverUserId: null,
    label: input.label.trim(),
    scopes: [...new Set(input.scopes)],
    createdAt: nowIso(deps),
    expiresAt: input.expiresAt ?? null,
    acceptedAt: null,
    revokedAt: null,
  };
  await deps.store.transaction(async (tx) => {
    await tx.delegations.insert(delegation, sha256(code));
    await tx.audit.append([access.audit('caregiver.invite', 'delegation', delegation.id)]);
  });
  return { code, delegation };
}

export async function acceptCaregiverInvitation(deps: AppDeps, ctx: RequestContext, code: string): Promise<Delegation> {
  const userId = requireUser(ctx);
  const found = await deps.store.delegations.findByInviteCodeHash(sha256(code.trim()));
  const now = nowIso(deps);
  const validUntil = found && addMinutesIso(found.createdAt, deps.settings.invitationDays * 24 * 60);
  if (!found || found.acceptedAt || found.revokedAt || (validUntil && validUntil <= now)) {
    throw new AppError(
      'invalid-invitation',
      'This invitation code is not valid. It may have been used, revoked or expired — ask for a new one.',
    );
  }
  const patient = await deps.store.patients.findById(found.patientId);
  if (patient?.userId === userId) throw new AppError('invalid-invitation', 'You cannot be your own caregiver.');
  await deps.store.transaction(async (tx) => {
    // Compare-and-set: two people (or two tabs) sending one code at once, or a revoke in between,
    // must not leave an earlier acceptance answered as successful while a later one replaced it.
    if (!(await tx.delegations.accept(found.id, userId, now)))
      throw new AppError('invalid-invitation', 'This invitation code has just been used or revoked — ask for a new one.');
    await tx.audit.append([
      auditEvent(deps, ctx, {
        actorBasis: 'caregiver',
        organizationId: null,
        patientId: found.patientId,
        action: 'caregiver.accept',
        resourceType: 'delegation',
        resourceId: found.id,
      }),
    ]);
  });
  return { ...found, caregiverUserId: userId, acceptedAt: now };
}

export async function listDelegations(deps: AppDeps, ctx: RequestContext, patientId: string) {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'manage-access');
  const list = await deps.store.delegations.listForPatient(patientId);
  await deps.store.audit.append([access.audit('caregiver.list', 'delegation', null)]);
  return list;
}

export async function revokeDelegation(deps: AppDeps, ctx: RequestContext, patientId: string, delegationId: string): Promise<void> {
  const userId = requireUser(ctx);
  const delegation = await deps.store.delegations.findById(patientId, delegationId);
  // The patient may revoke; a caregiver may also step back from their own delegation.
  const isOwnDelegation = delegation?.caregiverUserId === userId;
  const access = isOwnDelegation ? null : await authorizePatientAccess(deps, ctx, patientId, 'manage-access');
  if (!delegation) throw notFound('The caregiver invitation');
  await deps.store.transaction(async (tx) => {
    // Revoking again changes nothing (still 204), and the access log says it once.
    if (!(await tx.delegations.revoke(delegationId, nowIso(deps)))) return;
    await tx.audit.append([
      access
        ? access.audit('caregiver.revoke', 'delegation', delegationId)
        : auditEvent(deps, ctx, {
            actorBasis: 'caregiver',
            organizationId: null,
            patientId,
            action: 'caregiver.revoke',
            resourceType: 'delegation',
            resourceId: delegationId,
          }),
    ]);
  });
}

export async function shareWithOrganization(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  input: { shareCode: string; scopes: readonly CareScope[]; expiresAt?: string | null },
): Promise<CareRelationship & { organizationName: string }> {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'manage-access');
  const org = await deps.store.organizations.findByShareCode(normalizeShareCode(input.shareCode));
  if (!org)
    throw new AppError('invalid-share-code', 'No clinic has this share code. Check it with your clinic.', {
      errors: [{ pointer: '/shareCode', detail: 'No clinic has this share code.' }],
    });
  const now = nowIso(deps);
  if (input.expiresAt && input.expiresAt <= now) {
    throw new AppError('validation-failed', 'The end date must be in the future.', {
      errors: [{ pointer: '/expiresAt', detail: 'Choose a date in the future.' }],
    });
  }
  const relationship: CareRelationship = {
    id: deps.ids.newId(),
    patientId,
    organizationId: org.id,
    scopes: [...new Set(input.scopes)],
    grantedByUserId: access.userId,
    createdAt: now,
    expiresAt: input.expiresAt ?? null,
    revokedAt: null,
  };
  await deps.store.transaction(async (tx) => {
    await grantReplacing(tx, access, relationship, now);
  });
  return { ...relationship, organizationName: org.name };
}

/**
 * Grants `relationship`, ending any relationship the patient still has with the same organization,
 * so a patient shares with a clinic once, on the terms they chose last. Two active ones (sharing
 * twice, or accepting the clinic's invitation after typing its share code) meant that stopping
 * sharing with the clinic left it access through the other. Takes the patient's turn first, so two
 * grants at once on PostgreSQL also leave one.
 */
async function grantReplacing(tx: Repositories, access: Granted, relationship: CareRelationship, now: string): Promise<void> {
  await tx.patients.lockForWrite(relationship.patientId);
  const earlier = (await tx.careRelationships.listForPatient(relationship.patientId)).filter(
    (r) => r.organizationId === relationship.organizationId && r.revokedAt === null,
  );
  for (const r of earlier) await tx.careRelationships.revoke(r.id, now);
  await tx.careRelationships.insert(relationship);
  await tx.audit.append([
    ...earlier.map((r) => ({ ...access.audit('care-relationship.revoke', 'care_relationship', r.id), organizationId: r.organizationId })),
    { ...access.audit('care-relationship.grant', 'care_relationship', relationship.id), organizationId: relationship.organizationId },
  ]);
}

export async function listCareRelationships(deps: AppDeps, ctx: RequestContext, patientId: string) {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'manage-access');
  const list = await deps.store.careRelationships.listForPatient(patientId);
  await deps.store.audit.append([access.audit('care-relationship.list', 'care_relationship', null)]);
  return list;
}

export async function revokeCareRelationship(deps: AppDeps, ctx: RequestContext, patientId: string, relationshipId: string): Promise<void> {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'manage-access');
  const rel = await deps.store.careRelationships.findById(patientId, relationshipId);
  if (!rel) throw notFound('The clinic relationship');
  await deps.store.transaction(async (tx) => {
    await tx.patients.lockForWrite(patientId);
    const now = nowIso(deps);
    // Revoking again changes nothing (still 204), and the access log says it once.
    if (!(await tx.careRelationships.revoke(relationshipId, now))) return;
    // The clinic's questionnaires stop with its access: it could no longer see the answers, and the
    // patient would be reminded of them for ever (a recurring one, or a procedure's follow-ups).
    const stillShared = await hasActiveRelationship(tx, patientId, rel.organizationId, now);
    const cancelled = stillShared
      ? []
      : (await tx.instrumentAssignments.listForPatient(patientId)).filter(
          (a) => a.organizationId === rel.organizationId && a.cancelledAt === null,
        );
    for (const a of cancelled) {
      await tx.instrumentAssignments.cancel(a.id, now);
      await tx.instrumentAssignments.deleteOpenDue(a.id);
    }
    await tx.audit.append([
      { ...access.audit('care-relationship.revoke', 'care_relationship', relationshipId), organizationId: rel.organizationId },
      ...cancelled.map((a) => ({
        ...access.audit('instrument-assignment.cancel', 'instrument_assignment', a.id),
        organizationId: rel.organizationId,
      })),
    ]);
  });
}

/**
 * The patient's access log, newest first. `who: 'others'` leaves out the patient's own actions (their
 * devices read and sync the record all day), so the people who looked stand out; 'everyone' keeps them.
 */
export async function readAccessLog(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  limit: number,
  before?: string,
  who: 'everyone' | 'others' = 'everyone',
) {
  await authorizePatientAccess(deps, ctx, patientId, 'read-access-log');
  // Reading one's own log is not itself logged: it would only ever add noise to the log being read.
  return deps.store.audit.listForPatient(patientId, limit, before, { othersOnly: who === 'others' });
}

/** The patient accepts a clinic's one-time invitation: a care relationship with the invitation's scopes. */
export async function acceptPatientInvitation(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  code: string,
): Promise<CareRelationship & { organizationName: string }> {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'manage-access');
  const invitation = await deps.store.organizations.findPatientInvitationByCodeHash(sha256(code.trim()));
  const now = nowIso(deps);
  const org = invitation && (await deps.store.organizations.findById(invitation.organizationId));
  if (!invitation || !org || invitation.usedAt || invitation.expiresAt <= now) {
    throw new AppError(
      'invalid-invitation',
      'This invitation code is not valid. It may have been used or expired — ask your clinic for a new one.',
      { errors: [{ pointer: '/code', detail: 'Not a valid invitation code.' }] },
    );
  }
  const relationship: CareRelationship = {
    id: deps.ids.newId(),
    patientId,
    organizationId: org.id,
    scopes: invitation.scopes,
    grantedByUserId: access.userId,
    createdAt: now,
    expiresAt: null,
    revokedAt: null,
  };
  await deps.store.transaction(async (tx) => {
    if (!(await tx.organizations.usePatientInvitation(invitation.id, now)))
      throw new AppError('invalid-invitation', 'This invitation code has just been used.');
    await grantReplacing(tx, access, relationship, now);
  });
  return { ...relationship, organizationName: org.name };
}
