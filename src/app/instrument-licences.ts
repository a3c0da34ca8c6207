// Questionnaire licences and the catalogue: which instruments an organization has confirmed a licence
// for, and what a requester may be shown.
//
// Licence guard: a licensed instrument is presented and accepted only through an
// organization that has enabled it — the clinician's own organization, or, for a patient or caregiver,
// any organization with an active care relationship to the patient. Scoring itself is never gated.

import { describeInstrument, findInstrument, INSTRUMENTS, type InstrumentDefinition } from '../domain/instruments/index.ts';
import { auditEvent, authorizePatientAccess, requireClinicAction, requireUser, type Granted } from './access.ts';
import { nowIso, type AppDeps, type RequestContext } from './context.ts';
import { AppError, notFound } from './errors.ts';
import type { Repositories } from './ports.ts';

export function requireInstrument(id: string): InstrumentDefinition {
  const d = findInstrument(id);
  if (!d) throw notFound('The questionnaire');
  return d;
}

/**
 * Licensed instruments whose item text this requester may be shown: through the
 * patient's caring organizations when a patient is named (as for answering), else through the
 * requester's own memberships and own patient record. Free instruments need nothing.
 */
export async function presentableInstruments(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string | undefined,
): Promise<ReadonlySet<string>> {
  if (patientId !== undefined) {
    // Whoever may answer for the patient may see what they answer (a caregiver may hold the
    // questionnaire scope without `read`); the definition is not patient data, the caring organizations are.
    const access = await authorizePatientAccess(deps, ctx, patientId, 'read').catch(async (error: unknown) => {
      if (error instanceof AppError && error.code === 'forbidden')
        return authorizePatientAccess(deps, ctx, patientId, 'answer-questionnaires');
      throw error;
    });
    const enabled = await deps.store.instrumentLicences.enabledFor(await licensingOrganizations(deps, deps.store, access));
    // The patient's caring organizations were read on their account: their access log shows it.
    await deps.store.audit.append([access.audit('instrument.definition.read', 'instrument', null)]);
    return enabled;
  }
  const userId = requireUser(ctx);
  const memberOf = (await deps.store.organizations.listMembershipsOfUser(userId)).map((m) => m.organizationId);
  const own =
    ctx.actor.kind === 'user' && ctx.actor.ownPatientId ? ctx.actor.ownPatientId : (await deps.store.patients.findByUserId(userId))?.id;
  const caring = own ? await activeOrganizations(deps.store, own, nowIso(deps)) : [];
  return deps.store.instrumentLicences.enabledFor([...new Set([...memberOf, ...caring])]);
}

/** A definition as the requester may see it: a licensed one without a licence here keeps everything but its item text. */
function presentedAs(d: InstrumentDefinition, presentable: ReadonlySet<string>) {
  const described = describeInstrument(d);
  if (d.licence.kind === 'free' || presentable.has(d.id)) return { ...described, itemTextWithheld: false };
  return {
    ...described,
    itemTextWithheld: true,
    items: described.items.map((i) => ({ ...i, construct: null, options: i.options.map((o) => ({ ...o, label: null })) })),
  };
}

export async function listCatalogue(deps: AppDeps, ctx: RequestContext, patientId?: string) {
  const presentable = await presentableInstruments(deps, ctx, patientId);
  return INSTRUMENTS.map((d) => presentedAs(d, presentable));
}

export async function getCatalogueEntry(deps: AppDeps, ctx: RequestContext, id: string, patientId?: string) {
  const d = requireInstrument(id);
  return presentedAs(d, d.licence.kind === 'free' ? new Set() : await presentableInstruments(deps, ctx, patientId));
}

/** Whether the requester may see a licensed instrument's item text (for the FHIR Questionnaire). */
export async function mayPresentItems(deps: AppDeps, ctx: RequestContext, d: InstrumentDefinition, patientId?: string): Promise<boolean> {
  return d.licence.kind === 'free' || (await presentableInstruments(deps, ctx, patientId)).has(d.id);
}

async function activeOrganizations(tx: Repositories, patientId: string, now: string): Promise<string[]> {
  return [
    ...new Set(
      (await tx.careRelationships.listForPatient(patientId))
        .filter((r) => r.revokedAt === null && (r.expiresAt === null || r.expiresAt > now))
        .map((r) => r.organizationId),
    ),
  ];
}

/** The organizations through which this access may present a licensed instrument. */
export async function licensingOrganizations(deps: AppDeps, tx: Repositories, access: Granted): Promise<string[]> {
  return access.basis.kind === 'clinician' ? [access.basis.organizationId] : activeOrganizations(tx, access.patientId, nowIso(deps));
}

export async function isAvailable(deps: AppDeps, tx: Repositories, access: Granted, d: InstrumentDefinition): Promise<boolean> {
  if (d.licence.kind === 'free') return true;
  return (await tx.instrumentLicences.enabledAmong(await licensingOrganizations(deps, tx, access), d.id)).length > 0;
}

export function notLicensed(d: InstrumentDefinition): AppError {
  return new AppError(
    'instrument-not-licensed',
    `${d.shortTitle} is a licensed instrument. An admin of the clinic must confirm the licence before it can be used here.`,
  );
}

function requireMember(deps: AppDeps, organizationId: string, userId: string, admin: boolean) {
  return requireClinicAction(deps.store, organizationId, userId, admin ? 'manage-licences' : 'view-clinic');
}

export async function listOrganizationInstruments(deps: AppDeps, ctx: RequestContext, organizationId: string) {
  await requireMember(deps, organizationId, requireUser(ctx), false);
  const licences = new Map((await deps.store.instrumentLicences.listForOrganization(organizationId)).map((l) => [l.instrumentId, l]));
  return INSTRUMENTS.map((d) => {
    const l = licences.get(d.id);
    return {
      id: d.id,
      title: d.title,
      shortTitle: d.shortTitle,
      licence: d.licence.kind,
      holder: d.licence.holder,
      attribution: d.licence.attribution,
      note: d.licence.note,
      enabled: d.licence.kind === 'free' || l !== undefined,
      confirmation: l ? { by: l.enabledBy, byName: l.enabledByName, at: l.enabledAt, note: l.note } : null,
    };
  });
}

export async function enableInstrumentLicence(
  deps: AppDeps,
  ctx: RequestContext,
  organizationId: string,
  instrumentId: string,
  input: { confirm: boolean; note: string | null },
): Promise<void> {
  const userId = requireUser(ctx);
  await requireMember(deps, organizationId, userId, true);
  const d = requireInstrument(instrumentId);
  if (d.licence.kind === 'free')
    throw new AppError('validation-failed', `${d.shortTitle} needs no licence.`, {
      errors: [{ pointer: '/instrumentId', detail: 'free instruments are always enabled' }],
    });
  if (!input.confirm)
    throw new AppError('validation-failed', 'Confirm that the organization holds a licence.', {
      errors: [{ pointer: '/confirm', detail: 'must be true' }],
    });
  await deps.store.transaction(async (tx) => {
    await tx.instrumentLicences.enable({
      organizationId,
      instrumentId: d.id,
      enabledBy: userId,
      enabledAt: nowIso(deps),
      note: input.note,
    });
    await tx.audit.append([
      auditEvent(deps, ctx, {
        actorBasis: 'admin',
        organizationId,
        patientId: null,
        action: 'instrument-licence.enable',
        resourceType: 'instrument',
        resourceId: d.id,
      }),
    ]);
  });
}

export async function disableInstrumentLicence(
  deps: AppDeps,
  ctx: RequestContext,
  organizationId: string,
  instrumentId: string,
): Promise<void> {
  const userId = requireUser(ctx);
  await requireMember(deps, organizationId, userId, true);
  const d = requireInstrument(instrumentId);
  await deps.store.transaction(async (tx) => {
    if (!(await tx.instrumentLicences.disable(organizationId, d.id))) throw notFound('The licence');
    await tx.audit.append([
      auditEvent(deps, ctx, {
        actorBasis: 'admin',
        organizationId,
        patientId: null,
        action: 'instrument-licence.disable',
        resourceType: 'instrument',
        resourceId: d.id,
      }),
    ]);
  });
}
