// Activity pacing: baseline tolerance, a starting quota below it, weekly increases, step back after a flare.
//
// Source: none of the guidelines cited in this repository gives numbers for activity pacing. Every percentage and count below is a
// documented setting labelled "clinical convention, unconfirmed" (PACING_SETTING_DOCS and
// docs/clinical-sources/medications.md); clinics should set their own.
//
// Model
// - Activity amounts are whole units the patient names (minutes walked, steps, metres).
// - Baseline tolerance = mean of the logged sessions (at least `minimumBaselineSessions`).
// - Starting quota = floor(baseline × startingQuotaPercentOfBaseline / 100): below tolerance.
// - Level L quota = floor(startingQuota × (1 + weeklyIncreasePercent/100)^L), capped at the goal if any;
//   the level rises by one every 7 days from the plan start.
// - Bounds, so that a plan left running for years stays sensible: without a goal the level stops rising
//   at `maximumLevelWithoutGoal` (a product choice: progression then holds until the plan is reviewed);
//   a quota in minutes never exceeds MINUTES_PER_DAY (1,440, the minutes in a day: a physical bound).
// - A flare that starts on day F steps the level back `flareStepBackWeeks` (not below 0) from the level
//   of day F; the level is held while the flare lasts and progression restarts from the day it ended
//   (today while it goes on). Several flares starting on the same day step back once. A flare that
//   started before the plan start but lasts into it holds level 0 until it ends; one that ended before
//   the start has no effect. Floors make every quota a whole unit that never exceeds the exact value.
// Invariants (property-tested): starting quota ≤ baseline; without flares the quota never decreases over
// time; a flare never raises the quota on any later day; the quota never exceeds the goal; the level
// never exceeds `maximumLevelWithoutGoal` without a goal; a quota in minutes never exceeds 1,440.
// Pure; exact integer arithmetic (bigint); `asOf` is an argument.

import { differenceInCalendarDays, type LocalDate } from '../time/local-date.ts';

export interface PacingSettings {
  readonly startingQuotaPercentOfBaseline: number;
  readonly weeklyIncreasePercent: number;
  readonly flareStepBackWeeks: number;
  readonly minimumBaselineSessions: number;
  /** Without a goal, the level at which progression stops (0: the starting quota is kept). */
  readonly maximumLevelWithoutGoal: number;
}

/** Minutes in a day: no daily quota in minutes can be larger (a physical bound, not a clinical one). */
export const MINUTES_PER_DAY = 1440;

export const DEFAULT_PACING_SETTINGS: PacingSettings = {
  startingQuotaPercentOfBaseline: 80,
  weeklyIncreasePercent: 10,
  flareStepBackWeeks: 1,
  minimumBaselineSessions: 3,
  maximumLevelWithoutGoal: 12,
};

export const PACING_SETTING_DOCS: readonly { key: keyof PacingSettings; source: string }[] = [
  { key: 'startingQuotaPercentOfBaseline', source: 'clinical convention, unconfirmed (no published number)' },
  { key: 'weeklyIncreasePercent', source: 'clinical convention, unconfirmed (no published number)' },
  { key: 'flareStepBackWeeks', source: 'clinical convention, unconfirmed (no published number)' },
  { key: 'minimumBaselineSessions', source: 'clinical convention, unconfirmed (no published number)' },
  {
    key: 'maximumLevelWithoutGoal',
    source:
      'product choice, clinically unconfirmed (no published number): about a quarter-year of weekly increases, after which a plan without a goal holds until it is reviewed',
  },
];

export interface PacingSession {
  readonly date: LocalDate;
  /** Whole units of the activity (minutes, steps, metres). */
  readonly amount: number;
}

export interface PacingPlan {
  readonly activity: string;
  readonly unit: string;
  readonly startDate: LocalDate;
  /** Mean of the baseline sessions as exact text (e.g. "12.5"). */
  readonly baselineText: string;
  readonly baseline: number;
  readonly startingQuota: number;
  readonly goal?: number;
  readonly settings: PacingSettings;
}

export type PacingPlanResult =
  | { readonly kind: 'planned'; readonly plan: PacingPlan }
  | { readonly kind: 'insufficient-sessions'; readonly have: number; readonly need: number }
  | { readonly kind: 'no-tolerance' }
  | { readonly kind: 'invalid'; readonly problems: readonly string[] };

function isWhole(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

function validateSettings(s: PacingSettings): string[] {
  const problems: string[] = [];
  if (!isWhole(s.startingQuotaPercentOfBaseline) || s.startingQuotaPercentOfBaseline > 100)
    problems.push('startingQuotaPercentOfBaseline must be a whole percentage 0–100');
  if (!isWhole(s.weeklyIncreasePercent) || s.weeklyIncreasePercent > 100)
    problems.push('weeklyIncreasePercent must be a whole percentage 0–100');
  if (!isWhole(s.flareStepBackWeeks)) problems.push('flareStepBackWeeks must be a whole number ≥ 0');
  if (!isWhole(s.minimumBaselineSessions) || s.minimumBaselineSessions < 1)
    problems.push('minimumBaselineSessions must be a whole number ≥ 1');
  if (!isWhole(s.maximumLevelWithoutGoal)) problems.push('maximumLevelWithoutGoal must be a whole number ≥ 0');
  return problems;
}

/** A pacing plan from logged sessions (the caller chooses which sessions form the baseline). */
export function planPacing(
  input: {
    readonly activity: string;
    readonly unit: string;
    readonly sessions: readonly PacingSession[];
    readonly startDate: LocalDate;
    readonly goal?: number;
  },
  overrides?: Partial<PacingSettings>,
): PacingPlanResult {
  const settings = { ...DEFAULT_PACING_SETTINGS, ...overrides };
  const problems = validateSettings(settings);
  input.sessions.forEach((s, i) => {
    if (!isWhole(s.amount)) problems.push(`sessions[${i}].amount must be a whole number ≥ 0`);
  });
  if (input.goal !== undefined && !isWhole(input.goal)) problems.push('goal must be a whole number ≥ 0');
  if (problems.length > 0) return { kind: 'invalid', problems };
  const n = input.sessions.length;
  if (n < settings.minimumBaselineSessions) return { kind: 'insufficient-sessions', have: n, need: settings.minimumBaselineSessions };
  const sum = input.sessions.reduce((acc, s) => acc + BigInt(s.amount), 0n);
  if (sum === 0n) return { kind: 'no-tolerance' };
  const startingQuota = Number((sum * BigInt(settings.startingQuotaPercentOfBaseline)) / (100n * BigInt(n)));
  return {
    kind: 'planned',
    plan: {
      activity: input.activity,
      unit: input.unit,
      startDate: input.startDate,
      baselineText: exactMean(sum, BigInt(n)),
      baseline: Number(sum) / n,
      startingQuota,
      ...(input.goal !== undefined ? { goal: input.goal } : {}),
      settings,
    },
  };
}

function exactMean(sum: bigint, n: bigint): string {
  const whole = sum / n;
  let rest = sum % n;
  if (rest === 0n) return whole.toString();
  let digits = '';
  for (let i = 0; i < 6 && rest !== 0n; i++) {
    rest *= 10n;
    digits += (rest / n).toString();
    rest %= n;
  }
  return `${whole}.${digits}${rest !== 0n ? '…' : ''}`;
}

/** True when the activity is counted in minutes, so that a day's quota is bounded by MINUTES_PER_DAY. */
export function isMinutesUnit(unit: string): boolean {
  return /^(minutes?|mins?)$/i.test(unit.trim());
}

/** The highest level the plan can reach: unbounded (up to the goal) with a goal, else the setting. */
export function maximumLevel(plan: PacingPlan): number {
  return plan.goal === undefined ? plan.settings.maximumLevelWithoutGoal : Number.MAX_SAFE_INTEGER;
}

/**
 * Quota at pacing level `level` (0 = starting quota), capped at the goal, at the plan's maximum level
 * and, for minutes, at MINUTES_PER_DAY.
 */
export function quotaAtLevel(plan: PacingPlan, level: number): number {
  const inc = BigInt(plan.settings.weeklyIncreasePercent);
  const levels = Math.min(Math.max(0, level), maximumLevel(plan));
  let cap = plan.goal === undefined ? BigInt(Number.MAX_SAFE_INTEGER) : BigInt(plan.goal);
  if (isMinutesUnit(plan.unit) && cap > BigInt(MINUTES_PER_DAY)) cap = BigInt(MINUTES_PER_DAY);
  const start = BigInt(plan.startingQuota);
  const capped = (v: bigint) => Number(v > cap ? cap : v);
  // A starting quota of 0 stays 0 at every level (and would never meet the cap below).
  if (inc === 0n || levels === 0 || start === 0n) return capped(start);
  // Exact: startingQuota × (100 + inc)^L / 100^L, floored once at the end; stops once the cap is met.
  // With start ≥ 1 and inc ≥ 1 the cap (≤ 2^53) is met within about 3,700 levels; comparing by
  // multiplication keeps each step linear in the size of the numbers.
  let num = start;
  let den = 1n;
  for (let i = 0; i < levels; i++) {
    num *= 100n + inc;
    den *= 100n;
    if (num >= cap * den) return capped(cap);
  }
  return capped(num / den);
}

/** A flare as pacing sees it: the local dates it started and ended (`end` null while it goes on). */
export interface PacingFlare {
  readonly start: LocalDate;
  readonly end?: LocalDate | null;
}

export type TodaysQuota =
  | {
      readonly kind: 'quota';
      readonly quota: number;
      readonly level: number;
      readonly lastFlare: LocalDate | null;
      /** The start of the earliest flare still going on (the level holds until it ends), or null. */
      readonly ongoingFlareSince: LocalDate | null;
    }
  | { readonly kind: 'not-started' };

function laterOf(a: LocalDate, b: LocalDate): LocalDate {
  return differenceInCalendarDays(a, b) >= 0 ? a : b;
}

/**
 * Today's quota given the flares logged so far. A bare date is a one-day flare. Flares that ended
 * before the plan start or start after `asOf` are ignored.
 */
export function computeTodaysQuota(plan: PacingPlan, flares: readonly (LocalDate | PacingFlare)[], asOf: LocalDate): TodaysQuota {
  if (differenceInCalendarDays(asOf, plan.startDate) < 0) return { kind: 'not-started' };
  const top = maximumLevel(plan);
  // One step back per start day; a longer flare on the same day holds longer.
  const byStart = new Map<LocalDate, LocalDate>();
  let ongoingFlareSince: LocalDate | null = null;
  for (const f of flares) {
    const flare: PacingFlare = typeof f === 'string' ? { start: f, end: f } : f;
    if (differenceInCalendarDays(asOf, flare.start) < 0) continue;
    const ongoingOrEnd = flare.end === null || flare.end === undefined ? asOf : flare.end;
    const end = differenceInCalendarDays(ongoingOrEnd, asOf) > 0 ? asOf : laterOf(ongoingOrEnd, flare.start);
    if (differenceInCalendarDays(end, plan.startDate) < 0) continue;
    if (
      (flare.end === null || flare.end === undefined || differenceInCalendarDays(flare.end, asOf) > 0) &&
      (ongoingFlareSince === null || differenceInCalendarDays(flare.start, ongoingFlareSince) < 0)
    )
      ongoingFlareSince = flare.start;
    const known = byStart.get(flare.start);
    byStart.set(flare.start, known === undefined ? end : laterOf(known, end));
  }
  let anchor = plan.startDate;
  let anchorLevel = 0;
  let lastFlare: LocalDate | null = null;
  const levelOn = (day: LocalDate) => Math.min(top, anchorLevel + Math.floor(Math.max(0, differenceInCalendarDays(day, anchor)) / 7));
  for (const start of [...byStart.keys()].sort()) {
    const end = byStart.get(start)!;
    const steppedFrom = laterOf(start, plan.startDate);
    anchorLevel = Math.max(0, levelOn(steppedFrom) - plan.settings.flareStepBackWeeks);
    anchor = laterOf(anchor, end);
    if (differenceInCalendarDays(start, plan.startDate) >= 0) lastFlare = start;
  }
  const level = levelOn(asOf);
  return { kind: 'quota', quota: quotaAtLevel(plan, level), level, lastFlare, ongoingFlareSince };
}
