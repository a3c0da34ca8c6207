// The doctor-ready report's query: a range of the patient's local dates and the sections to show.
import { z } from 'zod';

/** The report's sections, in the order it prints them (src/reports keeps the same list; a test holds them equal). */
export const REPORT_SECTION_IDS = [
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
export type ReportSectionId = (typeof REPORT_SECTION_IDS)[number];

/** Every section but the person's own notes, which they add only when they choose to. */
export const DEFAULT_REPORT_SECTION_IDS: readonly ReportSectionId[] = REPORT_SECTION_IDS.filter((s) => s !== 'notes');

const QueryDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Must be a date YYYY-MM-DD.' });
const SECTION_LIST = new RegExp(`^(${REPORT_SECTION_IDS.join('|')})(,(${REPORT_SECTION_IDS.join('|')}))*$`);

export const ReportQuery = z.strictObject({
  from: QueryDate.optional().meta({ description: 'First local date of the report; by default 89 days before `to`.' }),
  to: QueryDate.optional().meta({ description: "Last local date of the report; by default today in the patient's time zone." }),
  sections: z
    .string()
    .regex(SECTION_LIST, { error: `A comma-separated list of: ${REPORT_SECTION_IDS.join(', ')}.` })
    .optional()
    .meta({ description: `Comma-separated, any of ${REPORT_SECTION_IDS.join(', ')}; by default all but notes.` }),
});

/** The sections a checked `sections` parameter names, without repeats; the default when absent. */
export function reportSectionsOf(sections: string | undefined): readonly ReportSectionId[] {
  if (sections === undefined) return DEFAULT_REPORT_SECTION_IDS;
  const named = new Set(sections.split(','));
  return REPORT_SECTION_IDS.filter((s) => named.has(s));
}
