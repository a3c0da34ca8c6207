import { loadTrend } from '../../../app/insight-trends.ts';
import { PatientParams } from '../../../contract/common.ts';
import { TrendQuery, TrendResponse } from '../../../contract/insight-trends.ts';
import { contextOf } from '../../request-context.ts';
import type { ApiDeps, ZodApp } from '../../types.ts';

const tags = ['insights'];

export function registerTrendRoutes(app: ZodApp, deps: ApiDeps): void {
  app.get(
    '/api/patients/:patientId/insights/trends',
    {
      config: { patientAction: 'read' },
      schema: {
        tags,
        params: PatientParams,
        querystring: TrendQuery,
        summary:
          "The trend of one measure over 30, 90 or 365 days or all: every local date's mean (null where nothing was recorded), weekly means, and the baseline (the first 14 days with data of the range, or a chosen period) against the latest 14 days, classified by the measure's published threshold (NRS: IMMPACT and Farrar; a questionnaire: its own), or 'no threshold published'",
        response: { 200: TrendResponse },
      },
    },
    async (req, reply) => {
      const trend = await loadTrend(deps, contextOf(req), req.params.patientId, req.query);
      // The response schema documents the answer; thousands of days go out through JSON.stringify as
      // they are, not through a validation of each that the types already guarantee.
      return reply.type('application/json; charset=utf-8').serializer(JSON.stringify).send(trend);
    },
  );
}
