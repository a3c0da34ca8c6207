import { VISITS, listVisits, presentVisit, saveVisit, visitPreparation, visitQuestions } from '../../../app/visits.ts';
import { deleteRecord, getRecord } from '../../../app/versioned-records.ts';
import { PatientParams } from '../../../contract/common.ts';
import { VisitBody, VisitParams } from '../../../contract/visits.ts';
import { registerRecordRoutes } from '../../record-routes.ts';
import { contextOf } from '../../request-context.ts';
import type { ApiDeps, ZodApp } from '../../types.ts';

const tags = ['visits'];

export function registerVisitRoutes(app: ZodApp, deps: ApiDeps): void {
  registerRecordRoutes(app, {
    tags,
    collection: 'visits',
    idParam: 'visitId',
    params: VisitParams,
    writeAction: 'write-diary',
    conflictCode: 'visit-conflict',
    present: presentVisit,
    put: {
      summary: 'Prepare a visit, or complete it with the answers and plan changes, by its client-generated id (If-Match to edit)',
      body: VisitBody,
      save: (ctx, patientId, id, body, baseVersion) => saveVisit(deps, ctx, patientId, id, body, baseVersion),
    },
    getOne: {
      summary: 'One visit with its questions and answers',
      read: async (ctx, patientId, id) => presentVisit(await getRecord(VISITS, deps, ctx, patientId, id)),
    },
    remove: {
      summary: 'Delete a visit (If-Match: refused with a conflict if it changed since; deleting it again is done)',
      run: (ctx, patientId, id, baseVersion) => deleteRecord(VISITS, deps, ctx, patientId, id, baseVersion),
    },
    list: {
      summary: 'Visits, latest date first',
      params: PatientParams,
      read: async (ctx, patientId) => ({ items: await listVisits(deps, ctx, patientId) }),
    },
  });

  app.get(
    '/api/patients/:patientId/visits/:visitId/preparation',
    {
      config: { patientAction: 'read' },
      schema: {
        tags,
        params: VisitParams,
        summary:
          'What to bring to a visit, read from the record since the last visit: the pain story with its change against the clinically important threshold, flares, worst days, medicines and as-needed use, what went with lower or higher pain, questionnaires answered, and the five suggested questions',
      },
    },
    async (req) => visitPreparation(deps, contextOf(req), req.params.patientId, req.params.visitId.toLowerCase()),
  );

  app.get(
    '/api/visit-questions',
    { schema: { tags, summary: 'The five questions to bring to a first consultation, each with why it is worth asking' } },
    async () => ({ items: visitQuestions() }),
  );
}
