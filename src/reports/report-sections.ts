// The sections a patient can put in the doctor-ready report, in the order the report prints them.
// Notes are the person's own words about their days, which they may not want a clinician to read, so
// they are left out unless chosen.
export const REPORT_SECTIONS = [
  'summary',
  'trends',
  'body-map',
  'flares',
  'medicines',
  'questionnaires',
  'what-works',
  'care-plan',
  'procedures',
  'visit-questions',
  'notes',
] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export const DEFAULT_REPORT_SECTIONS: readonly ReportSection[] = REPORT_SECTIONS.filter((s) => s !== 'notes');

export const REPORT_SECTION_HEADINGS: Readonly<Record<ReportSection, string>> = {
  summary: 'Summary',
  trends: 'Pain and function trends',
  'body-map': 'Where it hurts',
  flares: 'Flares',
  medicines: 'Medicines and MME',
  questionnaires: 'Questionnaires',
  'what-works': 'What works',
  'care-plan': 'Care plan and goals',
  procedures: 'Procedures and block-diary relief',
  'visit-questions': 'Questions for the visit',
  notes: 'Notes',
};
