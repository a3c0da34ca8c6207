import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { loadReportRecord } from '../../../app/patient-report.ts';
import { PatientParams } from '../../../contract/common.ts';
import { ReportQuery, reportSectionsOf } from '../../../contract/reports.ts';
import { buildReportModel } from '../../../reports/report-model.ts';
import { renderFittedReportPdf } from '../../../reports/report-pdf.ts';
import { contextOf } from '../../request-context.ts';
import type { ApiDeps, ZodApp } from '../../types.ts';

const tags = ['reports'];

export function registerReportRoutes(app: ZodApp, deps: ApiDeps): void {
  // The record of the range and sections asked for, as the PDF and the data are both made from it.
  const chosenReport = async (req: FastifyRequest) => {
    const params = req.params as z.infer<typeof PatientParams>;
    const query = req.query as z.infer<typeof ReportQuery>;
    const sections = reportSectionsOf(query.sections);
    const record = await loadReportRecord(deps, contextOf(req), params.patientId, { from: query.from, to: query.to, sections });
    return { ...record, sections };
  };

  app.get(
    '/api/patients/:patientId/report.pdf',
    {
      config: { patientAction: 'read' },
      schema: {
        tags,
        params: PatientParams,
        querystring: ReportQuery,
        summary:
          "The doctor-ready report as a tagged PDF (application/pdf): the chosen sections for a range of the patient's local dates (at most 366 days; by default the latest 90 and every section but notes), with page numbers and the date it was made",
      },
    },
    async (req, reply) => {
      const input = await chosenReport(req);
      const { pdf } = await renderFittedReportPdf(input);
      return reply
        .type('application/pdf')
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="painwise-report-${input.from}-to-${input.to}.pdf"`)
        .send(pdf);
    },
  );

  // The same report as data, for screens that show it (a clinician's one-screen summary of a patient):
  // read and audited exactly as the PDF is, so what is on the screen is what would print.
  app.get(
    '/api/patients/:patientId/report',
    {
      config: { patientAction: 'read' },
      schema: {
        tags,
        params: PatientParams,
        querystring: ReportQuery,
        summary:
          'The doctor-ready report as data: the same sections, range and figures as report.pdf, each section a list of text, facts, tables and chart series',
      },
    },
    async (req, reply) => {
      const input = await chosenReport(req);
      reply.header('cache-control', 'no-store');
      return buildReportModel(input);
    },
  );
}
