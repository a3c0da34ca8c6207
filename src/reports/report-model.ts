// The doctor-ready report as plain data: what the patient chose to show for a range of their local
// dates, section by section, as headings, sentences, label/value facts, tables and the figures' data.
// Pure: the caller gathers the record (and the clock's reading); this only arranges it, with the
// domain's own computations (day values and trends judged by the published thresholds, what works,
// block-diary relief, MME), so the report says what the app's screens say. The PDF is drawn from
// this model alone (render-report-pdf.ts).
//
// Invariants:
// - Only the chosen sections appear, in REPORT_SECTIONS order; notes only when chosen.
// - Days are the patient's local dates; a day without a check-in is a gap, never a 0.
// - A section whose record is empty says so in words rather than disappearing, so a reader can tell
//   "nothing recorded" from "not chosen".
// - Lists are cut to what fits two pages for a quarter of daily check-ins, and say how many were left out.
import { differenceInCalendarDays, toLocalDateTime } from '../domain/time/local-date.ts';
import { careSections } from './report-care-sections.ts';
import { diarySections } from './report-diary-sections.ts';
import { REPORT_SECTION_HEADINGS, REPORT_SECTIONS, type ReportSection } from './report-sections.ts';
import type { ReportInput, ReportModel, SectionBuilder } from './report-types.ts';

const BUILDERS: Readonly<Record<ReportSection, SectionBuilder>> = { ...diarySections, ...careSections };

export function buildReportModel(input: ReportInput): ReportModel {
  const chosen = new Set(input.sections);
  const generated = toLocalDateTime(new Date(input.generatedAt), input.timeZone);
  return {
    title: `Pain report for ${input.patientName}, ${input.from} to ${input.to}`,
    patientName: input.patientName,
    from: input.from,
    to: input.to,
    days: differenceInCalendarDays(input.to, input.from) + 1,
    generated: `${generated.date} ${generated.time.slice(0, 5)}`,
    timeZone: input.timeZone,
    sections: REPORT_SECTIONS.filter((s) => chosen.has(s)).map((id) => ({
      id,
      heading: REPORT_SECTION_HEADINGS[id],
      blocks: BUILDERS[id](input),
    })),
  };
}
