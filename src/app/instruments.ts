// Questionnaire responses: what a patient can answer, answers scored by the domain and stored with their
// scoring version, change versus the previous result, and PHQ-9 crisis handling. The catalogue and
// licences are in instrument-licences.ts, assignments in instrument-assignments.ts.

import {
  computeChange,
  findInstrument,
  INSTRUMENTS,
  scoreRaw,
  type Change,
  type ScoreResult,
  type Sex,
} from '../domain/instruments/index.ts';
import { authorizePatientAccess } from './access.ts';
import { raiseAlert } from './alerts.ts';
import { nowIso, type AppDeps, type RequestContext } from './context.ts';
import { crisisResourcesFor, type CrisisResource } from './crisis.ts';
import { AppError, notFound } from './errors.ts';
import { listDueFor } from './instrument-assignments.ts';
import { isAvailable, licensingOrganizations, notLicensed, requireInstrument } from './instrument-licences.ts';
import { isUniqueViolationError } from './unique.ts';
import type { StoredInstrumentResponse } from './ports.ts';

/** The instrument definition by id (for the API, which reads the domain through the use cases). */
export { findInstrument };

export const CRISIS_ALERT_RULE = 'phq9-item9-positive';

export type ResponseView = StoredInstrumentResponse & { readonly attribution: string };

const view = (r: StoredInstrumentResponse): ResponseView => ({
  ...r,
  attribution: findInstrument(r.instrumentId)?.licence.attribution ?? '',
});

/** What the patient (or someone acting for them) can answer, with what is due. */
export async function listPatientInstruments(deps: AppDeps, ctx: RequestContext, patientId: string) {
  // What can be answered here and what is due (no answers): what someone who answers needs.
  const access = await authorizePatientAccess(deps, ctx, patientId, 'see-due-questionnaires');
  const enabled = await deps.store.instrumentLicences.enabledFor(await licensingOrganizations(deps, deps.store, access));
  const due = await listDueFor(deps, patientId);
  await deps.store.audit.append([access.audit('instrument.list', 'instrument', null)]);
  return INSTRUMENTS.map((d) => ({
    id: d.id,
    title: d.title,
    shortTitle: d.shortTitle,
    measures: d.measures,
    recallPeriod: d.recallPeriod,
    itemCount: d.items.length,
    licence: d.licence.kind,
    attribution: d.licence.attribution,
    available: d.licence.kind === 'free' || enabled.has(d.id),
    due: due.filter((x) => x.instrumentId === d.id),
  }));
}

export interface SubmitInput {
  readonly id: string | undefined;
  readonly instrumentId: string;
  readonly answers: unknown;
  readonly sex: Sex | undefined;
  readonly completedAt: string | undefined;
}

export interface SubmitOutcome {
  readonly status: 'created' | 'unchanged';
  readonly response: ResponseView;
  readonly change: (Change & { readonly previousId: string; readonly previousScore: number }) | null;
  readonly crisis: { readonly resources: readonly CrisisResource[]; readonly alertsRaised: number } | null;
  readonly completedDueId: string | null;
}

export async function submitInstrumentResponse(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  input: SubmitInput,
): Promise<SubmitOutcome> {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'answer-questionnaires');
  // The change is against the previous result, which someone answering without `read` (a caregiver
  // with only the questionnaire scope, a clinic granted only `write`) may not see.
  const reveal = access.mayRead;
  const d = findInstrument(input.instrumentId);
  if (!d)
    throw new AppError('validation-failed', 'There is no such questionnaire.', {
      errors: [{ pointer: '/instrumentId', detail: `unknown instrument "${input.instrumentId}"` }],
    });
  // Sex-weighted instruments (ORT) use the sex given with the answers, else the patient record's.
  const sex = input.sex ?? (d.usesSex ? (await deps.store.patients.findById(patientId))?.sex : undefined);
  const scored = scoreRaw(d, input.answers, sex ? { sex: sex as Sex } : {});
  if (!scored.ok) {
    throw new AppError('validation-failed', `Some answers are not valid for ${d.shortTitle}.`, {
      errors: scored.errors.map((e) => ({
        pointer: e.item === '' ? '/answers' : `/answers/${e.item.replaceAll('~', '~0').replaceAll('/', '~1')}`,
        detail: e.message,
      })),
    });
  }
  if (scored.answers.size === 0) {
    throw new AppError('validation-failed', 'Answer at least one question before sending.', {
      errors: [{ pointer: '/answers', detail: 'no question is answered' }],
    });
  }
  const now = nowIso(deps);
  const completedAt = input.completedAt ?? now;
  if (completedAt > now)
    throw new AppError('validation-failed', 'A questionnaire cannot be completed in the future.', {
      errors: [{ pointer: '/completedAt', detail: 'must not be in the future' }],
    });
  const result: ScoreResult = scored.result;
  const answers = Object.fromEntries(scored.answers);
  const id = input.id ?? deps.ids.newId();
  try {
    return await deps.store.transaction(async (tx): Promise<SubmitOutcome> => {
      // A retry sent while the first attempt is still being written waits for it, and then finds it.
      await tx.patients.lockForWrite(patientId);
      if (!(await isAvailable(deps, tx, access, d))) throw notLicensed(d);
      if (input.id !== undefined) {
        const existing = await tx.instrumentResponses.findById(input.id);
        if (existing) {
          if (
            existing.patientId !== patientId ||
            existing.instrumentId !== d.id ||
            JSON.stringify(existing.answers) !== JSON.stringify(answers)
          ) {
            throw responseIdTaken();
          }
          // A retry whose first answer was lost must still show crisis resources; the alert was raised the first time.
          const crisis = existing.flags.includes('crisis')
            ? { resources: crisisResourcesFor(deps.settings.crisisLocale), alertsRaised: 0 }
            : null;
          return { status: 'unchanged', response: view(existing), change: null, crisis, completedDueId: null };
        }
      }
      const previous = await tx.instrumentResponses.previousScored(patientId, d.id, completedAt);
      const score = result.kind === 'scored' ? result.score : null;
      const response: StoredInstrumentResponse = {
        id,
        patientId,
        instrumentId: d.id,
        instrumentVersion: d.version,
        scoringVersion: d.scoringVersion,
        answers,
        result: { ...result },
        score,
        band: result.kind === 'scored' ? result.band : null,
        flags: [...result.flags],
        context: 'routine',
        enteredBy: access.userId,
        source: access.basis.kind === 'owner' ? 'self' : access.basis.kind,
        completedAt,
      };
      const showChange = previous !== undefined && score !== null && reveal;
      const events = [
        access.audit('instrument-response.create', 'instrument_response', id),
        ...(showChange ? [access.audit('instrument-response.read', 'instrument_response', previous.id)] : []),
      ];
      // Only a scored response completes what was assigned; an incomplete one stays visible as such.
      // It completes an occurrence due by when it was answered (as the job does, completed_at ≥ due_at):
      // an older result entered late is not an answer to what fell due since.
      const completedDueId = await tx.instrumentResponses.insertAudited(response, events, result.kind === 'scored');
      let crisis: SubmitOutcome['crisis'] = null;
      if (result.flags.includes('crisis')) {
        const alertsRaised = await raiseAlert(deps, tx, patientId, CRISIS_ALERT_RULE, 'urgent', {
          responseId: id,
          instrumentId: d.id,
          item: '9',
          answer: scored.answers.get('9') ?? null,
        });
        crisis = { resources: crisisResourcesFor(deps.settings.crisisLocale), alertsRaised };
      }
      const change = showChange
        ? { ...computeChange(d, previous.score, score), previousId: previous.id, previousScore: previous.score }
        : null;
      return { status: 'created', response: view(response), change, crisis, completedDueId };
    });
  } catch (error) {
    // The same id sent at the same moment for another patient (one patient's submissions take turns).
    if (isUniqueViolationError(error)) throw responseIdTaken();
    throw error;
  }
}

const responseIdTaken = () => new AppError('conflict', 'A different response already has this id. Submit it with a new id.');

export async function listInstrumentResponses(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  instrumentId: string | undefined,
  limit: number,
) {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'read');
  if (instrumentId !== undefined) requireInstrument(instrumentId);
  const items = await deps.store.instrumentResponses.list(patientId, instrumentId, limit);
  await deps.store.audit.append([access.audit('instrument-response.list', 'instrument_response', null)]);
  return items.map(view);
}

export async function getInstrumentResponse(deps: AppDeps, ctx: RequestContext, patientId: string, id: string): Promise<ResponseView> {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'read');
  const r = await deps.store.instrumentResponses.find(patientId, id);
  if (!r) throw notFound('The response');
  await deps.store.audit.append([access.audit('instrument-response.read', 'instrument_response', id)]);
  return view(r);
}
