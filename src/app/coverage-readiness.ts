// Coverage readiness of a planned procedure from a patient's stored record: the request the domain
// evaluates (src/domain/coverage) is assembled from the record, with the facts the record has no field
// for stated by the clinician, and answered with the evaluation and the request it was made from, so
// the clinician sees what was read.
//
// From the record, as of the planned date:
// - pain onset: the onset date of the condition the clinician names;
// - conservative care: every non-interventional conservative-care record started by then, its weeks
//   from start to end (or to the planned date while it goes on); outcome improved → helped, no change
//   or worse → failed, not tolerated → not tolerated; partly improved and unknown stay unrecorded (the
//   clinician judges whether partial help is failure);
// - baseline pain: the latest NRS answered by then (else PEG, on its own scale); baseline disability:
//   the latest ODI;
// - past procedures: facet, epidural and SCS procedures by type (a diagnostic facet-joint injection
//   counts as a diagnostic block), their spinal region from the first level's letter (C, T, L; a
//   procedure whose levels name no region cannot be placed and is left out), their level count, and
//   from a linked block diary: NRS before, the lowest NRS after, and hours of ≥ 80 % relief observed.
import { evaluateReadiness, validateReadinessRequest, type Readiness, type ReadinessRequest } from '../domain/coverage/index.ts';
import type { Procedure } from '../domain/coverage/request.ts';
import { computeBlockRelief } from '../domain/diary/block-diary.ts';
import { differenceInCalendarDays, toLocalDateTime, type LocalDate, type TimeZone } from '../domain/time/local-date.ts';
import type { CoverageReadinessBody } from '../contract/coverage.ts';
import { authorizePatientAccess } from './access.ts';
import type { ConservativeCareRecord, ProcedureRecord } from './care-plan-records.ts';
import type { AppDeps, RequestContext } from './context.ts';
import { invalid, notFound } from './errors.ts';
import { jsonPointer } from '../domain/shape/shape-problems.ts';

/** Enough for any real record; a bound on one read, not a clinical number. */
const MAX_RECORDS = 500;

const PROCEDURE_KINDS: Partial<Record<ProcedureRecord['type'], (p: ProcedureRecord) => Procedure>> = {
  'medial-branch-block': () => 'facet-mbb',
  'facet-joint-injection': (p) => (p.intent === 'diagnostic' ? 'facet-mbb' : 'facet-ia'),
  'radiofrequency-ablation': () => 'facet-rfa',
  'epidural-steroid-injection-interlaminar': () => 'esi-interlaminar',
  'epidural-steroid-injection-transforaminal': () => 'esi-transforaminal',
  'epidural-steroid-injection-caudal': () => 'esi-caudal',
  'spinal-cord-stimulator-trial': () => 'scs-trial',
  'spinal-cord-stimulator-implant': () => 'scs-permanent',
};

const REGION_OF_LETTER: Record<string, 'cervical' | 'thoracic' | 'lumbar'> = { C: 'cervical', T: 'thoracic', L: 'lumbar' };

const CARE_OUTCOME: Record<ConservativeCareRecord['outcome'], 'failed' | 'not-tolerated' | 'helped' | null> = {
  improved: 'helped',
  'partly-improved': null,
  'no-change': 'failed',
  worse: 'failed',
  'not-tolerated': 'not-tolerated',
  unknown: null,
};

export interface CoverageReadiness extends Readiness {
  readonly request: ReadinessRequest;
}

export async function loadCoverageReadiness(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  body: CoverageReadinessBody,
): Promise<CoverageReadiness> {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'read');
  const stores = deps.store;
  const patient = await stores.patients.findById(patientId);
  if (!patient) throw notFound('The patient');
  const timeZone = patient.timeZone as TimeZone;
  const planned = body.date as LocalDate;
  const localDate = (instant: string) => toLocalDateTime(new Date(instant), timeZone).date;

  let painOnset: string | undefined;
  if (body.conditionId !== undefined) {
    const condition = await stores.carePlan.conditions.find(body.conditionId);
    if (!condition || condition.patientId !== patientId || condition.deletedAt !== null)
      throw invalid('The readiness request', [{ pointer: '/conditionId', detail: 'No condition of this patient has this id.' }]);
    painOnset = condition.body.onsetDate;
  }

  const care = (await stores.carePlan.conservativeCare.list(patientId, MAX_RECORDS))
    .map((r) => r.body)
    .filter((c) => c.modality !== 'interventional' && c.startDate <= planned)
    .map((c) => {
      const end = c.endDate !== null && c.endDate < planned ? c.endDate : planned;
      const days = differenceInCalendarDays(end as LocalDate, c.startDate as LocalDate) + 1;
      const kind = c.modality === 'physical' ? ('physical-therapy' as const) : ('other' as const);
      return { kind, weeks: Math.floor((days * 10) / 7) / 10, outcome: CARE_OUTCOME[c.outcome] };
    });

  const latestScore = async (instrumentId: string) =>
    (await stores.instrumentResponses.list(patientId, instrumentId, MAX_RECORDS)).find(
      (r) => r.score !== null && localDate(r.completedAt) <= planned,
    );
  const nrs = await latestScore('nrs');
  const baselinePain = nrs
    ? { scale: 'nrs', value: nrs.score! }
    : await latestScore('peg').then((p) => (p ? { scale: 'peg', value: p.score! } : undefined));
  const odi = await latestScore('odi');

  const outcomes = new Map((body.procedureOutcomes ?? []).map((o) => [o.procedureId, o]));
  const procedures = (await stores.carePlan.procedures.list(patientId, MAX_RECORDS)).filter((r) => r.body.date <= planned);
  const diaryIds = procedures.map((r) => r.body.blockDiaryId).filter((id): id is string => id !== null);
  const diaries = await stores.blockDiaries.findMany(diaryIds);
  const history = procedures.flatMap((r) => {
    const kind = PROCEDURE_KINDS[r.body.type]?.(r.body);
    const region = REGION_OF_LETTER[r.body.levels[0]?.trim().charAt(0).toUpperCase() ?? ''];
    if (kind === undefined || region === undefined) return [];
    const stored = r.body.blockDiaryId === null ? undefined : diaries.get(r.body.blockDiaryId);
    const diary = stored && stored.patientId === patientId && stored.deletedAt === null ? stored.body : undefined;
    const after = diary?.readings.map((x) => x.intensity).filter((x): x is number => x !== null) ?? [];
    const relief = diary ? computeBlockRelief(diary) : undefined;
    const run = relief?.nrs.kind === 'computed' ? relief.nrs.atLeast80 : undefined;
    const outcome = outcomes.get(r.id);
    return [
      {
        procedure: kind,
        date: r.body.date as LocalDate,
        region,
        levels: r.body.levels.length,
        scale: diary ? 'nrs' : null,
        painBefore: diary ? diary.baselineIntensity : null,
        painAfter: after.length > 0 ? Math.min(...after) : null,
        reliefDurationHours: relief === undefined || after.length === 0 ? null : run ? run.observedMinutes / 60 : 0,
        reliefDurationMonths: outcome?.reliefDurationMonths ?? null,
        functionImproved: outcome?.functionImproved ?? null,
        analgesicReductionPercent: outcome?.analgesicReductionPercent ?? null,
      },
    ];
  });

  const assembled = {
    procedure: body.procedure,
    date: body.date,
    ...(body.region !== undefined ? { region: body.region } : {}),
    ...(body.levels !== undefined ? { levels: body.levels } : {}),
    ...(body.bilateral !== undefined ? { bilateral: body.bilateral } : {}),
    ...(body.guidance !== undefined ? { guidance: body.guidance } : {}),
    ...(body.contrast !== undefined ? { contrast: body.contrast } : {}),
    patient: {
      ...body.patient,
      ...(painOnset !== undefined ? { painOnset } : {}),
      ...(baselinePain ? { baselinePain } : {}),
      ...(odi ? { baselineDisability: { scale: 'odi', value: odi.score! } } : {}),
      // No conservative-care record says nothing either way: missing, not "none tried".
      ...(care.length > 0 ? { conservativeCare: care } : {}),
    },
    history,
  };
  const request = validateReadinessRequest(assembled);
  // What the body states was checked by the contract; a problem here is the record's (an onset after
  // the planned date), said in the request's words.
  if (request.kind === 'invalid')
    throw invalid(
      'The readiness request',
      request.problems.map((p) => ({ pointer: jsonPointer(p.path), detail: `From the record: ${p.message}.` })),
    );
  await stores.audit.append([access.audit('coverage_readiness.read', 'procedure', null)]);
  return { ...evaluateReadiness(request.request, body.settings ?? {}), request: request.request };
}
