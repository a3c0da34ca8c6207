// The report that fits: built and drawn at the fullest density first, and again with fewer items per
// list while it runs past the page limit (a clinician reads two pages; a record full of flares,
// medicines and goals would otherwise push the last sections onto a third). The densest one is kept
// whatever its length: the chosen notes, or a name that wraps, may still need more.
import { buildReportModel, REPORT_DENSITIES, type ReportDensity } from './report-model.ts';
import { renderReportPdf, type RenderedReport } from './render-report-pdf.ts';
import type { ReportInput } from './report-types.ts';

/** Pages a report should fit. */
export const REPORT_PAGE_LIMIT = 2;

export async function renderFittedReportPdf(input: ReportInput): Promise<RenderedReport & { density: ReportDensity }> {
  let rendered: RenderedReport | undefined;
  for (const density of REPORT_DENSITIES) {
    rendered = await renderReportPdf(buildReportModel(input, density), { generatedAt: input.generatedAt });
    if (rendered.pages <= REPORT_PAGE_LIMIT) return { ...rendered, density };
  }
  return { ...rendered!, density: REPORT_DENSITIES.at(-1)! };
}
