// The patient's change feed over HTTP: every write of every versioned record since a cursor.
import type { z } from 'zod';
import { pullChanges } from '../../../app/record-feed.ts';
import { PatientParams } from '../../../contract/common.ts';
import { ChangesPage, ChangesQuery } from '../../../contract/records.ts';
import { renderChangePage } from '../../change-page.ts';
import { contextOf } from '../../request-context.ts';
import type { ApiDeps, ZodApp } from '../../types.ts';

export function registerChangeFeedRoutes(app: ZodApp, deps: ApiDeps): void {
  app.get(
    '/api/patients/:patientId/changes',
    {
      config: { patientAction: 'read' },
      schema: {
        tags: ['records'],
        params: PatientParams,
        querystring: ChangesQuery,
        summary:
          "Every change to the patient's records (diary entries, flares, block diaries, conditions, medication orders, procedures, conservative care, taper plans, the naloxone check) since a cursor, oldest first. Deleted records come as tombstones (body null). Pass the returned cursor as `since` next time.",
        response: { 200: ChangesPage },
      },
    },
    async (req, reply) => {
      const page = await pullChanges(deps, contextOf(req), req.params.patientId, req.query.since, req.query.limit);
      // Stored bodies are spliced in as they are: the bytes are the documented page (Fastify sends a
      // Buffer without serialising it; the schema above is what the OpenAPI document publishes).
      const bytes = renderChangePage(page, { bodyField: 'body', withKind: true });
      return reply.type('application/json; charset=utf-8').send(bytes as unknown as z.infer<typeof ChangesPage>);
    },
  );
}
