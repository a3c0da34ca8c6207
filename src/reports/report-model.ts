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
// - Lists are cut to the limits of the density asked for, and say how many were left out; the
//   renderer asks for a denser one when a report would not fit two pages (report-pdf.ts).
import { differenceInCalendarDays, toLocalDateTime } from '../domain/time/local-date.ts';
import { careSections } from './report-care-sections.ts';
import { diarySections } from './report-diary-sections.ts';
import { REPORT_SECTION_HEADINGS, REPORT_SECTIONS, type ReportSection } from './report-sections.ts';
import type { ReportInput, ReportLimits, ReportModel, SectionBuilder } from './report-types.ts';

const BUILDERS: Readonly<Record<ReportSection, SectionBuilder>> = { ...diarySections, ...careSections };

/** From most to fewest items per list: `full` fits two pages for an ordinary record, `brief` for a full one. */
export const REPORT_DENSITIES = ['full', 'compact', 'brief'] as const;
export type ReportDensity = (typeof REPORT_DENSITIES)[number];

export const REPORT_LIMITS: Readonly<Record<ReportDensity, ReportLimits>> = {
  full: { flares: 8, regions: 8, findings: 6, notes: 12, orders: 10, questionnaires: 8, goals: 6, interventions: 6, procedures: 6 },
  compact: { flares: 5, regions: 5, findings: 4, notes: 8, orders: 6, questionnaires: 5, goals: 4, interventions: 4, procedures: 4 },
  brief: { flares: 3, regions: 3, findings: 2, notes: 5, orders: 4, questionnaires: 3, goals: 2, interventions: 2, procedures: 2 },
};

export function buildReportModel(input: ReportInput, density: ReportDensity = 'full'): ReportModel {
  const limits = REPORT_LIMITS[density];
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
      blocks: BUILDERS[id](input, limits),
    })),
  };
}
