// The opioid taper planner's settings and results: the taper rates (CDC 2022 R5 draft values as
// defaults; see taper.ts for the source and what is UNCONFIRMED), the options a plan is made with, and
// the plan's steps.
import type { LocalDate } from '../time/local-date.ts';
import type { MmeUnit } from './regimen.ts';

export type TaperRate =
  | { readonly kind: 'percent-of-original'; readonly percent: number; readonly interval: 'week' | 'month' }
  | {
      readonly kind: 'weekly-then-remaining';
      readonly percentOfOriginal: number;
      readonly switchAtPercentOfOriginal: number;
      readonly percentOfRemaining: number;
    };

/** Default: 10 % of the original dose per month (CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1, draft; UNCONFIRMED final wording). */
export const DEFAULT_TAPER_RATE: TaperRate = { kind: 'percent-of-original', percent: 10, interval: 'month' };
/** 10 % of original per week to 30 %, then 10 % of remaining per week (CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1, Berna 2015). */
export const WEEKLY_THEN_REMAINING_RATE: TaperRate = {
  kind: 'weekly-then-remaining',
  percentOfOriginal: 10,
  switchAtPercentOfOriginal: 30,
  percentOfRemaining: 10,
};

export interface TaperOptions {
  readonly rate?: TaperRate;
  /** Target as a percentage of each drug's original daily dose; 0 (default) means discontinue. */
  readonly targetPercentOfOriginal?: number;
  /** Available strengths per formulary id (mg, or mcg/h for patches), replacing the formulary's list. */
  readonly strengthsByDrug?: Readonly<Record<string, readonly number[]>>;
}

export interface TaperStepItem {
  readonly drug: string;
  readonly dailyDose: number;
  readonly unit: MmeUnit;
  readonly roundedToStrengths: boolean;
}

export interface TaperStep {
  /** 0 is the current regimen; later steps are dose changes only (steps that would not change any dose are merged). */
  readonly index: number;
  /** Weeks or months from the start at which this dose begins (the rate's interval). */
  readonly interval: number;
  readonly plannedStart: LocalDate;
  readonly items: readonly TaperStepItem[];
  readonly totalMme: number;
  readonly totalMmeText: string;
  readonly notCalculable: readonly string[];
}

export interface TaperPlan {
  readonly startDate: LocalDate;
  readonly rate: TaperRate;
  readonly targetPercentOfOriginal: number;
  readonly steps: readonly TaperStep[];
  readonly notes: readonly string[];
  readonly source: string;
}

export type TaperPlanResult =
  | { readonly kind: 'planned'; readonly plan: TaperPlan }
  | { readonly kind: 'nothing-to-taper' }
  | { readonly kind: 'needs-strengths'; readonly drugs: readonly string[] }
  | { readonly kind: 'invalid-options'; readonly problems: readonly string[] };

export const TAPER_SOURCE =
  'CDC 2022 R5 and implementation considerations (draft) — https://doi.org/10.15585/mmwr.rr7103a1; percentages UNCONFIRMED in final wording';
