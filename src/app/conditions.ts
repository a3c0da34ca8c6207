// Conditions on the patient's record, with chronicity and CDC 2022 scope as the domain reads them
// (domain/care-plan/condition.ts) as of the patient's today.
import { cdc2022Scope, classifyChronicity } from '../domain/care-plan/index.ts';
import { parseLocalDate, type LocalDate } from '../domain/time/local-date.ts';
import { authorizePatientAccess } from './access.ts';
import type { ConditionRecord } from './care-plan-records.ts';
import type { AppDeps, RequestContext } from './context.ts';
import { invalid, notFound } from './errors.ts';
import { patientToday } from './patients.ts';
import type { StoredRecord } from './record-store.ts';
import { saveRecord, type RecordKind, type SaveOutcome } from './versioned-records.ts';

export const CONDITIONS: RecordKind<ConditionRecord> = {
  resource: 'condition',
  label: 'The condition',
  writeAction: 'record-conditions',
  store: (tx) => tx.carePlan.conditions,
  sortAt: (c) => c.onsetDate,
};

export type ConditionInput = Omit<ConditionRecord, 'bodySite' | 'notes' | 'cancerRelated' | 'endOfLife'> & {
  readonly bodySite?: string | null;
  readonly notes?: string;
  readonly cancerRelated?: boolean;
  readonly endOfLife?: boolean;
};

export function saveCondition(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  id: string,
  input: ConditionInput,
  baseVersion?: number,
): Promise<SaveOutcome<ConditionRecord>> {
  const value: ConditionRecord = {
    label: input.label,
    bodySite: input.bodySite ?? null,
    mechanism: input.mechanism,
    onsetDate: input.onsetDate,
    cancerRelated: input.cancerRelated ?? false,
    endOfLife: input.endOfLife ?? false,
    notes: input.notes ?? '',
  };
  if (!parseLocalDate(value.onsetDate)) throw invalid('The condition', [{ pointer: '/onsetDate', detail: 'Must be a date YYYY-MM-DD.' }]);
  return saveRecord(CONDITIONS, deps, ctx, patientId, id, value, baseVersion);
}

/** A condition with its chronicity as of `asOf` (the patient's today) and whether CDC 2022 applies. */
export function presentCondition(r: StoredRecord<ConditionRecord>, asOf: string, ageThisYear: number | undefined) {
  const chronicity = classifyChronicity(r.body.onsetDate as LocalDate, asOf as LocalDate);
  return {
    id: r.id,
    version: r.version,
    updatedAt: r.updatedAt,
    ...r.body,
    chronicity:
      chronicity.kind === 'classified'
        ? { asOf, value: chronicity.chronicity, source: chronicity.source }
        : { asOf, value: null, source: 'The onset date is after today.' },
    cdc2022Scope: cdc2022Scope(
      { ...r.body, bodySite: r.body.bodySite ?? undefined, onsetDate: r.body.onsetDate as LocalDate },
      ageThisYear,
    ),
  };
}

export async function listConditions(deps: AppDeps, ctx: RequestContext, patientId: string) {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'read');
  const { today, ageThisYear } = await patientToday(deps, deps.store, patientId);
  const list = await deps.store.carePlan.conditions.list(patientId, 500);
  await deps.store.audit.append([access.audit('condition.list', 'condition', null)]);
  return list.map((r) => presentCondition(r, today, ageThisYear));
}

export async function getCondition(deps: AppDeps, ctx: RequestContext, patientId: string, id: string) {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'read');
  const { today, ageThisYear } = await patientToday(deps, deps.store, patientId);
  const r = await deps.store.carePlan.conditions.find(id);
  if (!r || r.patientId !== patientId || r.deletedAt !== null) throw notFound('The condition');
  await deps.store.audit.append([access.audit('condition.read', 'condition', id)]);
  return presentCondition(r, today, ageThisYear);
}
