import { readWhatWorks } from '../../../app/insight.ts';
import { PatientParams } from '../../../contract/common.ts';
import { WhatWorksQuery, WhatWorksResponse } from '../../../contract/insight.ts';
import { contextOf } from '../../request-context.ts';
import type { ApiDeps, ZodApp } from '../../types.ts';

const tags = ['insights'];

export function registerInsightRoutes(app: ZodApp, deps: ApiDeps) {
  app.get(
    '/api/patients/:patientId/insights/what-works',
    {
      config: { patientAction: 'read' },
      schema: {
        tags,
        params: PatientParams,
        querystring: WhatWorksQuery,
        summary:
          'What works for me: per factor the diary records (technique, medicine, trigger, sleep, activity, mood) and lag (0 same day, 1 next day), the difference in the outcome between days with and without it, with a 95 % Newey–West interval, a Benjamini–Hochberg q-value across all of the person’s comparisons, a verdict and a sentence in plain words. A pattern, never a cause.',
        response: { 200: WhatWorksResponse },
      },
    },
    async (req) => readWhatWorks(deps, contextOf(req), req.params.patientId, req.query.outcome, req.query.days),
  );
}
