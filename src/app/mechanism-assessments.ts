// A condition's mechanism assessment: the clinician's answers to the neuropathic (Finnerup 2016) and
// nociplastic (Kosek 2021) grading criteria, one versioned record per condition (its id is the
// condition's id), written under `record-conditions` (a diagnosis: physicians, in the role matrix). Only the answers are stored; the grades, the
// per-criterion list and "mixed" are worked out by domain/mechanism whenever the record is shown, so
// a stored assessment always reads with the rules of the running version.
import {
  gradeNeuropathic,
  gradeNociplastic,
  summarizeMechanisms,
  type NeuropathicFindings,
  type NociplasticComorbidity,
  type NociplasticFindings,
} from '../domain/mechanism/index.ts';
import { wholeCalendarMonthsBetween } from '../domain/care-plan/index.ts';
import { parseLocalDate, type LocalDate } from '../domain/time/local-date.ts';
import { authorizePatientAccess } from './access.ts';
import type { MechanismAssessmentRecord } from './care-plan-records.ts';
import type { AppDeps, RequestContext } from './context.ts';
import { invalid, notFound } from './errors.ts';
import { patientToday } from './patients.ts';
import type { StoredRecord } from './record-store.ts';
import { deleteRecord, listRecords, saveRecord, type RecordKind, type SaveOutcome } from './versioned-records.ts';

export const MECHANISM_ASSESSMENTS: RecordKind<MechanismAssessmentRecord> = {
  resource: 'mechanism_assessment',
  label: 'The mechanism assessment',
  writeAction: 'record-conditions',
  store: (tx) => tx.carePlan.mechanismAssessments,
  sortAt: (a) => a.assessedOn,
};

export interface MechanismAssessmentInput {
  readonly assessedOn: string;
  readonly neuropathic?: NeuropathicFindings | null | undefined;
  readonly nociplastic?: NociplasticFindings | null | undefined;
  readonly notes?: string | undefined;
}

// Every finding is kept, null where not assessed, so the stored body says what was never examined.
const neuropathicOf = (f: NeuropathicFindings): Required<NeuropathicFindings> => ({
  historySuggestive: f.historySuggestive ?? null,
  distributionPlausible: f.distributionPlausible ?? null,
  sensorySigns: f.sensorySigns ?? null,
  confirmatoryTest: f.confirmatoryTest ?? null,
});

const nociplasticOf = (f: NociplasticFindings): Required<NociplasticFindings> => ({
  durationMonths: f.durationMonths ?? null,
  regional: f.regional ?? null,
  notEntirelyExplained: f.notEntirelyExplained ?? null,
  clinicalHypersensitivity: f.clinicalHypersensitivity ?? null,
  historyOfHypersensitivity: f.historyOfHypersensitivity ?? null,
  comorbidities: f.comorbidities ? ([...f.comorbidities] as NociplasticComorbidity[]) : null,
});

export function saveMechanismAssessment(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  conditionId: string,
  input: MechanismAssessmentInput,
  baseVersion?: number,
): Promise<SaveOutcome<MechanismAssessmentRecord>> {
  const value: MechanismAssessmentRecord = {
    assessedOn: input.assessedOn,
    neuropathic: input.neuropathic ? neuropathicOf(input.neuropathic) : null,
    nociplastic: input.nociplastic ? nociplasticOf(input.nociplastic) : null,
    notes: input.notes ?? '',
  };
  if (!parseLocalDate(value.assessedOn))
    throw invalid('The mechanism assessment', [{ pointer: '/assessedOn', detail: 'Must be a date YYYY-MM-DD.' }]);
  return saveRecord(MECHANISM_ASSESSMENTS, deps, ctx, patientId, conditionId, value, baseVersion, {
    // An assessment belongs to a live condition of this patient; another patient's id reads as absent.
    async check(tx) {
      const condition = await tx.carePlan.conditions.find(conditionId);
      if (!condition || condition.patientId !== patientId || condition.deletedAt !== null) throw notFound('The condition');
    },
  });
}

/** The stored answers with the grades they give today, each criterion listed with its answer and source. */
export function presentMechanismAssessment(r: StoredRecord<MechanismAssessmentRecord>) {
  const neuropathic = r.body.neuropathic && gradeNeuropathic(r.body.neuropathic);
  const nociplastic = r.body.nociplastic && gradeNociplastic(r.body.nociplastic);
  const summary = summarizeMechanisms({
    ...(neuropathic ? { neuropathic: neuropathic.grade } : {}),
    ...(nociplastic ? { nociplastic: nociplastic.grade } : {}),
  });
  return {
    id: r.id,
    conditionId: r.id,
    version: r.version,
    updatedAt: r.updatedAt,
    assessedOn: r.body.assessedOn,
    notes: r.body.notes,
    neuropathic: neuropathic && { findings: r.body.neuropathic, grade: neuropathic.grade, criteria: neuropathic.criteria },
    nociplastic: nociplastic && { findings: r.body.nociplastic, grade: nociplastic.grade, criteria: nociplastic.criteria },
    mechanisms: summary.mechanisms,
    mixed: summary.mixed,
  };
}

/** The questionnaires whose latest result is shown beside the criteria (DN4 for neuropathic, ACR 2016 for widespread pain). */
export const EVIDENCE_INSTRUMENTS = ['dn4', 'dn4-interview', 'acr-2016-fm'] as const;

/**
 * One assessment with the evidence on the record shown beside it: the condition's onset and whole
 * calendar months since, as of the patient's today, and the latest DN4 / DN4-interview / ACR 2016
 * result. Evidence is shown, never used: only the clinician's answers grade, so a missing answer stays
 * "not assessed" even when the record holds a hint. Each record looked at is audited as read.
 */
export async function getMechanismAssessment(deps: AppDeps, ctx: RequestContext, patientId: string, conditionId: string) {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'read');
  const record = await MECHANISM_ASSESSMENTS.store(deps.store).find(conditionId);
  if (!record || record.patientId !== patientId || record.deletedAt !== null) throw notFound(MECHANISM_ASSESSMENTS.label);
  const condition = await deps.store.carePlan.conditions.find(conditionId);
  const live = condition && condition.patientId === patientId && condition.deletedAt === null ? condition : undefined;
  const { today } = await patientToday(deps, deps.store, patientId);
  const responses = (await Promise.all(EVIDENCE_INSTRUMENTS.map((id) => deps.store.instrumentResponses.list(patientId, id, 1)))).flatMap(
    (list) => list.slice(0, 1),
  );
  await deps.store.audit.append([
    access.audit('mechanism_assessment.read', 'mechanism_assessment', conditionId),
    ...(live ? [access.audit('condition.read', 'condition', conditionId)] : []),
    ...responses.map((r) => access.audit('instrument-response.read', 'instrument_response', r.id)),
  ]);
  return {
    ...presentMechanismAssessment(record),
    evidence: {
      condition: live && {
        label: live.body.label,
        onsetDate: live.body.onsetDate,
        asOf: today,
        monthsSinceOnset: wholeCalendarMonthsBetween(live.body.onsetDate as LocalDate, today as LocalDate),
      },
      instruments: responses.map((r) => ({
        instrumentId: r.instrumentId,
        responseId: r.id,
        completedAt: r.completedAt,
        score: r.score,
        band: r.band,
        scores: r.result.scores ?? null,
      })),
    },
  };
}

export async function listMechanismAssessments(deps: AppDeps, ctx: RequestContext, patientId: string, limit: number) {
  return (await listRecords(MECHANISM_ASSESSMENTS, deps, ctx, patientId, limit)).map(presentMechanismAssessment);
}

export function deleteMechanismAssessment(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  conditionId: string,
  baseVersion?: number,
) {
  return deleteRecord(MECHANISM_ASSESSMENTS, deps, ctx, patientId, conditionId, baseVersion);
}
