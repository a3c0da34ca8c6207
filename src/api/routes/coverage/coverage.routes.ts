// Coverage readiness of a planned procedure, read from the patient's record (app/coverage-readiness.ts).
import { loadCoverageReadiness } from '../../../app/coverage-readiness.ts';
import { PatientParams } from '../../../contract/common.ts';
import { CoverageReadinessBody } from '../../../contract/coverage.ts';
import { contextOf } from '../../request-context.ts';
import type { ApiDeps, ZodApp } from '../../types.ts';

export function registerCoverageRoutes(app: ZodApp, deps: ApiDeps): void {
  app.post(
    '/api/patients/:patientId/coverage-readiness',
    {
      // A read: the body describes the planned procedure; nothing is stored.
      config: { patientAction: 'read' },
      schema: {
        tags: ['care-plan'],
        params: PatientParams,
        body: CoverageReadinessBody,
        summary:
          'Medicare coverage criteria (facet LCD L38773 family, ESI LCDs, NCD 160.7 with LCD L36204) for a planned procedure, read from the record: each criterion met / not-met / missing with its source, the verdict (meets / does-not-meet / missing-documentation) and the request assembled from the record. Decision support, not a coverage decision.',
      },
    },
    async (req) => loadCoverageReadiness(deps, contextOf(req), req.params.patientId, req.body),
  );
}
