// One patient's line on a clinic's panel: what a clinician scans to decide whom to look at first.
//
// Clinical parts and their sources:
// - Pain change compares the mean of daily means of the last 7 local days with that of the 28 days
//   before them (a day with six check-ins counts as one day, as on the diary's heat map). A fall is
//   named with the IMMPACT percent categories (Dworkin 2008, J Pain 9:105,
//   https://doi.org/10.1016/j.jpain.2007.09.005) through the instrument module's change rules. IMMPACT
//   grades decreases only; a rise is called worsened from `painWorseningPoints` up, and no important
//   change below it.
// - PEG change uses PEG's own threshold rule from the instrument module (1 point either way), and only
//   while the latest PEG is within the same 35 days: two results years apart say nothing about now.
// - Safety flags are the medication module's (CDC 2022 and the sources it cites); only flags above
//   'info' count towards the order.
//
// Not clinical rules, and so settings with their defaults below:
// - a pain rise counts as worsening from `painWorseningPoints` up. Farrar 2001 (Pain 94:149) and
//   Ostelo 2008 (Spine 33:90) give about 2 points as a clinically important *reduction*; no source
//   here gives a threshold for a rise, so the same size is applied to a rise;
// - a patient with no check-in for `lapsedAfterDays` days has lapsed;
// - the order of the panel (below) is a product convention.

import { type ChangeCategory, computeChange, findInstrument } from '../instruments/index.ts';
import { addDays, differenceInCalendarDays, type LocalDate } from '../time/local-date.ts';

export interface TriageSettings {
  readonly painWorseningPoints: number;
  readonly lapsedAfterDays: number;
}

export const DEFAULT_TRIAGE_SETTINGS: TriageSettings = { painWorseningPoints: 2, lapsedAfterDays: 7 };

/** The days the recent mean covers (today and the 6 before), and the baseline after them. */
export const RECENT_DAYS = 7;
export const BASELINE_DAYS = 28;

export interface TriageInputs {
  /** The patient's local date now. */
  readonly today: LocalDate;
  /** Live diary entries of the last RECENT_DAYS + BASELINE_DAYS local days, any order. */
  readonly entries: readonly { readonly localDate: LocalDate; readonly intensity: number }[];
  /** The local date of the newest live diary entry, whenever it was. */
  readonly lastEntryDate: LocalDate | null;
  /** The newest two scored PEG results, newest first. */
  readonly peg: readonly { readonly score: number; readonly completedAt: string }[];
  readonly mmePerDay: number | null;
  /** Opioids in the regimen whose MME cannot be calculated (no CDC factor, or buprenorphine): the total leaves them out. */
  readonly mmeNotCalculable: number;
  /** Safety flags of the current regimen (id and severity). */
  readonly flags: readonly { readonly id: string; readonly severity: 'info' | 'caution' | 'warning' }[];
  readonly dueQuestionnaires: number;
  readonly overdueQuestionnaires: number;
}

export interface Triage {
  readonly lastEntryDate: LocalDate | null;
  readonly painRecent: number | null;
  readonly painBaseline: number | null;
  readonly painChange: ChangeCategory | null;
  readonly pegScore: number | null;
  readonly pegAt: string | null;
  readonly pegChange: ChangeCategory | null;
  readonly mmePerDay: number | null;
  readonly mmeNotCalculable: number;
  /** Ids of the flags above 'info'. */
  readonly flags: readonly string[];
  readonly dueQuestionnaires: number;
  readonly overdueQuestionnaires: number;
  readonly worsening: boolean;
  readonly lapsed: boolean;
  /** Larger is more urgent; see `priorityOf`. */
  readonly priority: number;
}

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Comparisons of means tolerate floating-point noise (5.857 − 3.857 is not exactly 2). */
const EPSILON = 1e-9;

/** Means are shown to one decimal; change is judged on the unrounded means. */
const oneDecimal = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

export function computeTriage(input: TriageInputs, settings: TriageSettings = DEFAULT_TRIAGE_SETTINGS): Triage {
  const recentFrom = addDays(input.today, -(RECENT_DAYS - 1));
  const baselineFrom = addDays(recentFrom, -BASELINE_DAYS);
  const byDay = new Map<string, number[]>();
  for (const e of input.entries) {
    if (e.localDate > input.today || e.localDate < baselineFrom) continue;
    const day = byDay.get(e.localDate);
    if (day) day.push(e.intensity);
    else byDay.set(e.localDate, [e.intensity]);
  }
  const recent: number[] = [];
  const baseline: number[] = [];
  for (const [date, values] of byDay) (date >= recentFrom ? recent : baseline).push(mean(values)!);
  const painRecent = mean(recent);
  const painBaseline = mean(baseline);
  const painRise = painRecent !== null && painBaseline !== null ? painRecent - painBaseline : 0;
  const painWorse = painRise >= settings.painWorseningPoints - EPSILON;
  const nrs = findInstrument('nrs');
  let painChange = painRecent !== null && painBaseline !== null && nrs ? computeChange(nrs, painBaseline, painRecent).category : null;
  if (painChange === 'worsened' && !painWorse) painChange = 'none';
  const [latestPeg, previousPeg] = input.peg;
  const peg = findInstrument('peg');
  // The result's UTC date: a day either way does not matter against 35 days.
  const pegRecent = latestPeg !== undefined && latestPeg.completedAt.slice(0, 10) >= baselineFrom;
  const pegChange = latestPeg && previousPeg && peg && pegRecent ? computeChange(peg, previousPeg.score, latestPeg.score).category : null;
  const worsening = painWorse || pegChange === 'worsened';
  const lapsed = input.lastEntryDate === null || differenceInCalendarDays(input.today, input.lastEntryDate) >= settings.lapsedAfterDays;
  const flags = input.flags.filter((f) => f.severity !== 'info').map((f) => f.id);
  const triage = {
    lastEntryDate: input.lastEntryDate,
    painRecent: oneDecimal(painRecent),
    painBaseline: oneDecimal(painBaseline),
    painChange,
    pegScore: latestPeg?.score ?? null,
    pegAt: latestPeg?.completedAt ?? null,
    pegChange,
    mmePerDay: input.mmePerDay,
    mmeNotCalculable: input.mmeNotCalculable,
    flags,
    dueQuestionnaires: input.dueQuestionnaires,
    overdueQuestionnaires: input.overdueQuestionnaires,
    worsening,
    lapsed,
  };
  return { ...triage, priority: priorityOf(triage) };
}

/**
 * The panel's default order, most urgent first, as tiers: a safety flag outranks any number of overdue
 * questionnaires, which outrank worsening, which outranks a lapsed diary. Within a tier more counts
 * more (up to 9). Open alerts belong to a clinic, not to the patient, so the panel puts them above all
 * of this when it reads.
 */
export function priorityOf(t: Pick<Triage, 'flags' | 'overdueQuestionnaires' | 'worsening' | 'lapsed'>): number {
  const upTo9 = (n: number) => Math.min(n, 9);
  return upTo9(t.flags.length) * 1000 + upTo9(t.overdueQuestionnaires) * 100 + (t.worsening ? 10 : 0) + (t.lapsed ? 1 : 0);
}
