import type { FastifyReply, FastifyRequest } from 'fastify';
import { getCarePlan, listCarePlanVersions, saveCarePlan, type CarePlanOutcome } from '../../../app/care-plan.ts';
import {
  CONSERVATIVE_CARE,
  PROCEDURES,
  deleteProcedure,
  presentConservativeCare,
  presentProcedure,
  saveConservativeCare,
  saveProcedure,
} from '../../../app/care-history.ts';
import { CONDITIONS, getCondition, listConditions, saveCondition } from '../../../app/conditions.ts';
import { recordPacingSession } from '../../../app/pacing-sessions.ts';
import type { CarePlanVersion } from '../../../app/care-plan-records.ts';
import { loadCarePlanProgress } from '../../../app/care-plan-progress.ts';
import { deleteRecord, listRecords } from '../../../app/versioned-records.ts';
import { PatientParams } from '../../../contract/common.ts';
import {
  CarePlanBody,
  CarePlanVersionParams,
  ConditionBody,
  ConditionParams,
  ConservativeCareBody,
  ConservativeCareParams,
  PacingSessionBody,
  PacingSessionParams,
  ProcedureBody,
  ProcedureParams,
  RecordListQuery,
  VersionListQuery,
} from '../../../contract/care-plan.ts';
import { baseVersionFrom } from '../../if-match.ts';
import { presentRecord } from '../../record-replies.ts';
import { registerRecordRoutes } from '../../record-routes.ts';
import { sendProblem } from '../../problem.ts';
import { contextOf } from '../../request-context.ts';
import type { ApiDeps, ZodApp } from '../../types.ts';

const presentPlan = (p: CarePlanVersion) => ({ version: p.version, createdBy: p.createdBy, createdAt: p.createdAt, ...p.plan });

function sendPlanOutcome(request: FastifyRequest, reply: FastifyReply, outcome: CarePlanOutcome) {
  if (outcome.status === 'conflict')
    return sendProblem(request, reply, 'care-plan-conflict', {
      detail: outcome.reason,
      extra: { current: outcome.current && presentPlan(outcome.current) },
    });
  reply.header('etag', `"${outcome.plan.version}"`);
  return reply.code(201).send({ status: 'created', ...presentPlan(outcome.plan) });
}

const tags = ['care plan'];

export function registerCarePlanRoutes(app: ZodApp, deps: ApiDeps): void {
  registerRecordRoutes(app, {
    tags,
    collection: 'conditions',
    idParam: 'conditionId',
    params: ConditionParams,
    writeAction: 'record-conditions',
    conflictCode: 'clinical-record-conflict',
    present: presentRecord,
    put: {
      summary: 'Record or edit a pain condition by its client-generated id (If-Match to edit)',
      body: ConditionBody,
      save: (ctx, patientId, id, body, baseVersion) => saveCondition(deps, ctx, patientId, id, body, baseVersion),
    },
    getOne: {
      summary:
        'A condition with its chronicity today (acute < 1 month, subacute 1–3 months, chronic > 3 months; CDC 2022) and whether the CDC 2022 opioid guideline applies',
      read: (ctx, patientId, id) => getCondition(deps, ctx, patientId, id),
    },
    remove: {
      summary: 'Delete a condition recorded in error (If-Match: refused with a conflict if it changed since; deleting it again is done)',
      run: (ctx, patientId, id, baseVersion) => deleteRecord(CONDITIONS, deps, ctx, patientId, id, baseVersion),
    },
    list: {
      summary: 'Conditions, latest onset first, each with its chronicity today and CDC 2022 scope',
      params: PatientParams,
      read: async (ctx, patientId) => ({ items: await listConditions(deps, ctx, patientId) }),
    },
  });

  app.put(
    '/api/patients/:patientId/care-plan',
    {
      config: { patientAction: 'edit-care-plan' },
      schema: {
        tags,
        params: PatientParams,
        body: CarePlanBody,
        summary:
          'Save the care plan (functional goals and interventions by modality) as a new version; earlier versions are kept. Send If-Match with the version you edited (none for the first plan); a stale version answers 409 with the current plan.',
      },
    },
    async (req, reply) =>
      sendPlanOutcome(req, reply, await saveCarePlan(deps, contextOf(req), req.params.patientId, req.body, baseVersionFrom(req))),
  );

  app.get(
    '/api/patients/:patientId/care-plan',
    {
      config: { patientAction: 'read' },
      schema: { tags, params: PatientParams, summary: 'The current (latest) version of the care plan' },
    },
    async (req, reply) => {
      const plan = await getCarePlan(deps, contextOf(req), req.params.patientId);
      reply.header('etag', `"${plan.version}"`);
      return presentPlan(plan);
    },
  );

  app.get(
    '/api/patients/:patientId/care-plan/progress',
    {
      config: { patientAction: 'read' },
      schema: {
        tags,
        params: PatientParams,
        summary:
          "Progress against the current plan: for each goal with a measure source, the latest value, the one before and which way it moved (diary weekly means or questionnaire scores, with the cited important-change rule where one exists); for each pacing activity, today's quota in the patient's local date",
      },
    },
    async (req) => loadCarePlanProgress(deps, contextOf(req), req.params.patientId),
  );

  app.put(
    '/api/patients/:patientId/care-plan/pacing/:activityId/sessions/:date',
    {
      config: { patientAction: 'record-pacing-sessions' },
      schema: {
        tags,
        params: PacingSessionParams,
        body: PacingSessionBody,
        summary:
          "Record the baseline session of one day (before the start, not after today) of a pacing activity whose sessions are recorded — the patient, a caregiver with diary scope or a clinician with write scope. Idempotent by date: a new amount replaces that day's session. Saved as a new plan version.",
      },
    },
    async (req, reply) => {
      const outcome = await recordPacingSession(
        deps,
        contextOf(req),
        req.params.patientId,
        req.params.activityId.toLowerCase(),
        req.params.date,
        req.body,
      );
      // No copy of the plan with the conflict: `write-diary` does not imply `read` (a caregiver may log
      // sessions without reading the plan); the client only needs to send the session again.
      if (outcome.status === 'conflict') return sendProblem(req, reply, 'care-plan-conflict', { detail: outcome.reason });
      reply.header('etag', `"${outcome.plan.version}"`);
      return reply
        .code(outcome.status === 'created' ? 201 : 200)
        .send({ status: outcome.status, version: outcome.plan.version, activityId: outcome.activityId, session: outcome.session });
    },
  );

  app.get(
    '/api/patients/:patientId/care-plan/versions',
    {
      config: { patientAction: 'read' },
      schema: {
        tags,
        params: PatientParams,
        querystring: VersionListQuery,
        summary: 'Every saved version of the care plan, newest first (who saved it, when, how many goals and interventions)',
      },
    },
    async (req) => ({ items: await listCarePlanVersions(deps, contextOf(req), req.params.patientId, req.query.limit) }),
  );

  app.get(
    '/api/patients/:patientId/care-plan/versions/:version',
    {
      config: { patientAction: 'read' },
      schema: { tags, params: CarePlanVersionParams, summary: 'One saved version of the care plan, as it was' },
    },
    async (req) => presentPlan(await getCarePlan(deps, contextOf(req), req.params.patientId, req.params.version)),
  );

  registerRecordRoutes(app, {
    tags,
    collection: 'procedures',
    idParam: 'procedureId',
    params: ProcedureParams,
    writeAction: 'record-procedures',
    conflictCode: 'clinical-record-conflict',
    present: presentProcedure,
    put: {
      summary:
        'Record or edit a procedure by its client-generated id (If-Match to edit); follow-ups 2, 6 and 12 weeks after assign a pain questionnaire (PEG by default, or NRS) and PGIC, due at 09:00 local time on each day not yet passed; changing the date or questionnaire re-assigns them',
      body: ProcedureBody,
      save: (ctx, patientId, id, body, baseVersion) => saveProcedure(deps, ctx, patientId, id, body, baseVersion),
    },
    remove: {
      summary:
        'Delete a procedure recorded in error; the follow-up questionnaires it assigned are cancelled (If-Match: refused with a conflict if it changed since; deleting it again is done)',
      run: (ctx, patientId, id, baseVersion) => deleteProcedure(deps, ctx, patientId, id, baseVersion),
    },
    list: {
      summary: 'Procedures, newest first, with their follow-up dates',
      params: PatientParams,
      query: RecordListQuery,
      read: async (ctx, patientId, query: { limit: number }) => ({
        items: (await listRecords(PROCEDURES, deps, ctx, patientId, query.limit)).map(presentProcedure),
      }),
    },
  });

  registerRecordRoutes(app, {
    tags,
    collection: 'conservative-care',
    idParam: 'conservativeCareId',
    params: ConservativeCareParams,
    writeAction: 'record-conservative-care',
    conflictCode: 'clinical-record-conflict',
    present: presentConservativeCare,
    put: {
      summary: 'Record or edit a conservative treatment tried (dates, sessions, documented outcome) by client id (If-Match to edit)',
      body: ConservativeCareBody,
      save: (ctx, patientId, id, body, baseVersion) => saveConservativeCare(deps, ctx, patientId, id, body, baseVersion),
    },
    remove: {
      summary:
        'Delete a conservative-care record entered in error (If-Match: refused with a conflict if it changed since; deleting it again is done)',
      run: (ctx, patientId, id, baseVersion) => deleteRecord(CONSERVATIVE_CARE, deps, ctx, patientId, id, baseVersion),
    },
    list: {
      summary: 'Conservative-care history, newest start first, with durations',
      params: PatientParams,
      query: RecordListQuery,
      read: async (ctx, patientId, query: { limit: number }) => ({
        items: (await listRecords(CONSERVATIVE_CARE, deps, ctx, patientId, query.limit)).map(presentConservativeCare),
      }),
    },
  });
}
