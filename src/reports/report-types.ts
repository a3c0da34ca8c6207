// The report's input and model types: plain data, shared by the section builders and the renderer.
import type { BlockDiary } from '../domain/diary/block-diary.ts';
import type { DiaryEntry } from '../domain/diary/entry.ts';
import type { Flare } from '../domain/diary/flare.ts';
import type { RegimenResult } from '../domain/medications/regimen.ts';
import type { LocalDate, TimeZone } from '../domain/time/local-date.ts';
import type { ReportSection } from './report-sections.ts';

/** What the report is built from: the record of the range, read by the caller for the chosen sections. */
export interface ReportInput {
  readonly patientName: string;
  readonly timeZone: TimeZone;
  readonly from: LocalDate;
  readonly to: LocalDate;
  /** ISO-8601 instant the report is made (shown in the patient's zone on every page). */
  readonly generatedAt: string;
  readonly sections: readonly ReportSection[];
  /** Live diary entries whose local date is within the range. */
  readonly entries: readonly DiaryEntry[];
  /** Flares that started within the range. */
  readonly flares: readonly Flare[];
  /** The medicines in effect on `asOf` (the day the report is made), or null when none are listed. */
  readonly medicines: {
    readonly asOf: string;
    readonly orders: readonly ReportMedicationOrder[];
    readonly regimen: RegimenResult;
  } | null;
  /** Scored and unscored questionnaire responses completed within the range. */
  readonly responses: readonly ReportResponse[];
  /** The latest care plan, or null when none was written. */
  readonly carePlan: ReportCarePlan | null;
  /** Procedures dated within the range. */
  readonly procedures: readonly ReportProcedure[];
  /** Block diaries of those procedures and any others made within the range. */
  readonly blockDiaries: readonly BlockDiary[];
  /** Visits dated within the range or after it, earliest first, with the questions prepared for them. */
  readonly visits: readonly ReportVisit[];
}

export interface ReportVisit {
  readonly date: string;
  readonly kind: 'first-consultation' | 'follow-up' | 'procedure';
  readonly with: string;
  readonly whatMattersMost: string;
  readonly questions: readonly { readonly text: string; readonly answer: string }[];
}

export interface ReportMedicationOrder {
  readonly formularyId: string;
  readonly schedule: 'scheduled' | 'as-needed';
  readonly doseMg: number | null;
  readonly doseMcgPerHour: number | null;
  readonly timesPerDay: number | null;
  readonly maxPerDay: number | null;
  readonly route: string;
}

export interface ReportResponse {
  readonly instrumentId: string;
  readonly completedAt: string;
  readonly score: number | null;
  readonly band: string | null;
}

export interface ReportCarePlan {
  readonly version: number;
  readonly goals: readonly {
    readonly activity: string;
    readonly measure: string;
    readonly baseline: string;
    readonly target: string;
    readonly targetDate: string | null;
  }[];
  readonly interventions: readonly {
    readonly modality: string;
    readonly description: string;
    readonly frequency: string;
    readonly status: string;
  }[];
}

export interface ReportProcedure {
  readonly type: string;
  readonly label: string;
  readonly date: string;
  readonly levels: readonly string[];
  readonly side: string;
  readonly intent: 'diagnostic' | 'therapeutic';
  readonly blockDiaryId: string | null;
}

export interface ReportFact {
  readonly label: string;
  readonly value: string;
}

export interface ReportChartPeriod {
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly mean: number | null;
}

export type ReportBlock =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'facts'; readonly facts: readonly ReportFact[] }
  | {
      readonly kind: 'table';
      readonly columns: readonly string[];
      /** Share of the width each column takes, summing to 1. */
      readonly widths: readonly number[];
      readonly rows: readonly (readonly string[])[];
    }
  | {
      readonly kind: 'line-chart';
      readonly title: string;
      /** What the figure shows, in words, for a screen reader. */
      readonly alt: string;
      readonly unit: string;
      readonly scale: { readonly min: number; readonly max: number };
      readonly from: LocalDate;
      readonly to: LocalDate;
      /** One value per local date from `from` to `to`; null where nothing was recorded. */
      readonly days: readonly (number | null)[];
      readonly weeks: readonly { readonly from: LocalDate; readonly to: LocalDate; readonly value: number | null }[];
      /** The values that would be a clinically important improvement on the baseline, when a rule is published. */
      readonly band: { readonly from: number; readonly to: number; readonly label: string } | null;
      readonly baseline: ReportChartPeriod | null;
      readonly latest: ReportChartPeriod;
    }
  | {
      readonly kind: 'body-map';
      readonly alt: string;
      /** Body-map region codes with the days each was marked, most days first. */
      readonly regions: readonly { readonly code: string; readonly days: number }[];
      readonly daysWithEntries: number;
    };

export interface ReportSectionModel {
  readonly id: ReportSection;
  readonly heading: string;
  readonly blocks: readonly ReportBlock[];
}

export interface ReportModel {
  readonly title: string;
  readonly patientName: string;
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly days: number;
  /** "YYYY-MM-DD HH:MM" in the patient's zone, and the zone. */
  readonly generated: string;
  readonly timeZone: TimeZone;
  readonly sections: readonly ReportSectionModel[];
}

/** How many items each list shows before it says how many more there are. */
export interface ReportLimits {
  readonly flares: number;
  readonly regions: number;
  readonly findings: number;
  readonly notes: number;
  readonly orders: number;
  readonly questionnaires: number;
  readonly goals: number;
  readonly interventions: number;
  readonly procedures: number;
}

export type SectionBuilder = (input: ReportInput, limits: ReportLimits) => readonly ReportBlock[];
