// Pain conditions: mechanism, chronicity as of a date, and CDC 2022 scope.
//
// Source: CDC Clinical Practice Guideline for Prescribing Opioids for Pain — United States, 2022
// (MMWR Recomm Rep 2022;71(RR-3)), scope and definitions (CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1):
//   acute pain: duration < 1 month; subacute: 1–3 months; chronic: > 3 months;
//   population: outpatients ≥ 18 years; excluded: sickle-cell-disease-related pain, cancer pain,
//   palliative care and end-of-life care.
// Mechanism categories: nociceptive, neuropathic, nociplastic (IASP; Kosek 2021, Pain 162:2629; Finnerup 2016, Pain 157:1599, https://pmc.ncbi.nlm.nih.gov/articles/PMC4949003), mixed, unknown.
//
// Boundaries (our reading of the published ranges, documented): months are calendar months from the
// onset date (day clamped to the month's end: onset Jan 31 → one month is Feb 28/29).
//   asOf <  onset + 1 month            → acute
//   onset + 1 month ≤ asOf ≤ onset + 3 months → subacute (both ends inclusive: "1–3 months")
//   asOf >  onset + 3 months           → chronic ("> 3 months")
// Pure; `asOf` is an argument.

import { differenceInCalendarDays, type LocalDate } from '../time/local-date.ts';
import { addCalendarMonths } from './calendar-months.ts';

export const PAIN_MECHANISMS = ['nociceptive', 'neuropathic', 'nociplastic', 'mixed', 'unknown'] as const;
export type PainMechanism = (typeof PAIN_MECHANISMS)[number];

export type Chronicity = 'acute' | 'subacute' | 'chronic';

export interface Condition {
  readonly label: string;
  readonly bodySite?: string;
  readonly mechanism: PainMechanism;
  readonly onsetDate: LocalDate;
  /** Cancer-related pain (outside CDC 2022 scope). */
  readonly cancerRelated: boolean;
  /** End-of-life care (outside CDC 2022 scope). */
  readonly endOfLife: boolean;
  readonly palliativeCare?: boolean;
  readonly sickleCellDisease?: boolean;
}

export type ChronicityResult =
  | { readonly kind: 'classified'; readonly chronicity: Chronicity; readonly source: string }
  | { readonly kind: 'onset-in-future' };

export const CHRONICITY_SOURCE =
  'CDC 2022 pain-duration definitions (acute < 1 month, subacute 1–3 months, chronic > 3 months) — https://doi.org/10.15585/mmwr.rr7103a1';

/** Calendar months from onset: subacute from `subacuteFromMonths` (inclusive), chronic after `chronicAfterMonths`. */
export const CHRONICITY_MONTHS = { subacuteFromMonths: 1, chronicAfterMonths: 3 } as const;

/** CDC 2022 covers outpatients aged 18 or over. */
export const CDC_2022_MIN_AGE = 18;

/** Chronicity of pain that began on `onset`, as of `asOf` (see header for the boundary rule). */
export function classifyChronicity(onset: LocalDate, asOf: LocalDate): ChronicityResult {
  if (differenceInCalendarDays(asOf, onset) < 0) return { kind: 'onset-in-future' };
  const oneMonth = addCalendarMonths(onset, CHRONICITY_MONTHS.subacuteFromMonths);
  const threeMonths = addCalendarMonths(onset, CHRONICITY_MONTHS.chronicAfterMonths);
  let chronicity: Chronicity;
  if (differenceInCalendarDays(asOf, oneMonth) < 0) chronicity = 'acute';
  else if (differenceInCalendarDays(asOf, threeMonths) <= 0) chronicity = 'subacute';
  else chronicity = 'chronic';
  return { kind: 'classified', chronicity, source: CHRONICITY_SOURCE };
}

export type Cdc2022ScopeReason = 'cancer-related' | 'end-of-life' | 'palliative-care' | 'sickle-cell-disease' | 'under-18';

/**
 * Whether CDC 2022 opioid recommendations apply to this condition (https://doi.org/10.15585/mmwr.rr7103a1). Outside scope
 * means the opioid rules are shown for information only, not that care is withheld.
 */
export function cdc2022Scope(
  condition: Condition,
  patientAge?: number,
): { readonly inScope: boolean; readonly reasons: readonly Cdc2022ScopeReason[] } {
  const reasons: Cdc2022ScopeReason[] = [];
  if (condition.cancerRelated) reasons.push('cancer-related');
  if (condition.endOfLife) reasons.push('end-of-life');
  if (condition.palliativeCare === true) reasons.push('palliative-care');
  if (condition.sickleCellDisease === true) reasons.push('sickle-cell-disease');
  if (patientAge !== undefined && patientAge < CDC_2022_MIN_AGE) reasons.push('under-18');
  return { inScope: reasons.length === 0, reasons };
}
