import { loadReportRecord } from '../../../app/patient-report.ts';
import { PatientParams } from '../../../contract/common.ts';
import { ReportQuery, reportSectionsOf } from '../../../contract/reports.ts';
import { renderFittedReportPdf } from '../../../reports/report-pdf.ts';
import { contextOf } from '../../request-context.ts';
import type { ApiDeps, ZodApp } from '../../types.ts';

const tags = ['reports'];

export function registerReportRoutes(app: ZodApp, deps: ApiDeps): void {
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
      const sections = reportSectionsOf(req.query.sections);
      const record = await loadReportRecord(deps, contextOf(req), req.params.patientId, {
        from: req.query.from,
        to: req.query.to,
        sections,
      });
      const { pdf } = await renderFittedReportPdf({ ...record, sections });
      return reply
        .type('application/pdf')
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="painwise-report-${record.from}-to-${record.to}.pdf"`)
        .send(pdf);
    },
  );
}
