// Activity pacing: baseline tolerance, a starting quota below it, weekly increases, step back after a flare.
//
// Source: guidelines.md gives NO numbers for activity pacing. Every percentage and count below is a
// documented setting labelled "clinical convention, unconfirmed" (PACING_SETTING_DOCS and
// docs/clinical-sources/medications.md); clinics should set their own.
//
// Model
// - Activity amounts are whole units the patient names (minutes walked, steps, metres).
// - Baseline tolerance = mean of the logged sessions (at least `minimumBaselineSessions`).
// - Starting quota = floor(baseline × startingQuotaPercentOfBaseline / 100): below tolerance.
// - Level L quota = floor(startingQuota × (1 + weeklyIncreasePercent/100)^L), capped at the goal if any;
//   the level rises by one every 7 days from the plan start.
// - A flare on day F steps the level back `flareStepBackWeeks` (not below 0) and progression restarts
//   from F. Floors make every quota a whole unit that never exceeds the exact pacing value.
// Invariants (property-tested): starting quota ≤ baseline; without flares the quota never decreases over
// time; a flare never raises the quota on any later day; the quota never exceeds the goal.
// Pure; exact integer arithmetic (bigint); `asOf` is an argument.

import { differenceInCalendarDays, type LocalDate } from '../time/local-date.ts';

export interface PacingSettings {
  readonly startingQuotaPercentOfBaseline: number;
  readonly weeklyIncreasePercent: number;
  readonly flareStepBackWeeks: number;
  readonly minimumBaselineSessions: number;
}

export const DEFAULT_PACING_SETTINGS: PacingSettings = {
  startingQuotaPercentOfBaseline: 80,
  weeklyIncreasePercent: 10,
  flareStepBackWeeks: 1,
  minimumBaselineSessions: 3,
};

export const PACING_SETTING_DOCS: readonly { key: keyof PacingSettings; source: string }[] = [
  { key: 'startingQuotaPercentOfBaseline', source: 'clinical convention, unconfirmed (not in guidelines.md)' },
  { key: 'weeklyIncreasePercent', source: 'clinical convention, unconfirmed (not in guidelines.md)' },
  { key: 'flareStepBackWeeks', source: 'clinical convention, unconfirmed (not in guidelines.md)' },
  { key: 'minimumBaselineSessions', source: 'clinical convention, unconfirmed (not in guidelines.md)' },
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
  if (!isWhole(s.startingQuotaPercentOfBaseline) || s.startingQuotaPercentOfBaseline > 100) problems.push('startingQuotaPercentOfBaseline must be a whole percentage 0–100');
  if (!isWhole(s.weeklyIncreasePercent) || s.weeklyIncreasePercent > 100) problems.push('weeklyIncreasePercent must be a whole percentage 0–100');
  if (!isWhole(s.flareStepBackWeeks)) problems.push('flareStepBackWeeks must be a whole number ≥ 0');
  if (!isWhole(s.minimumBaselineSessions) || s.minimumBaselineSessions < 1) problems.push('minimumBaselineSessions must be a whole number ≥ 1');
  return problems;
}

/** A pacing plan from logged sessions (the caller chooses which sessions form the baseline). */
export function planPacing(input: {
  readonly activity: string;
  readonly unit: string;
  readonly sessions: readonly PacingSession[];
  readonly startDate: LocalDate;
  readonly goal?: number;
}, overrides?: Partial<PacingSettings>): PacingPlanResult {
  const settings = { ...DEFAULT_PACING_SETTINGS, ...overrides };
  const problems = validateSettings(settings);
  input.sessions.forEach((s, i) => { if (!isWhole(s.amount)) problems.push(`sessions[${i}].amount must be a whole number ≥ 0`); });
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

/** Quota at pacing level `level` (0 = starting quota), capped at the goal. */
export function quotaAtLevel(plan: PacingPlan, level: number): number {
  const inc = BigInt(plan.settings.weeklyIncreasePercent);
  let value = BigInt(plan.startingQuota);
  const goal = plan.goal === undefined ? undefined : BigInt(plan.goal);
  // Exact: startingQuota × (100 + inc)^L / 100^L, floored once at the end.
  let num = value;
  let den = 1n;
  for (let i = 0; i < level; i++) {
    num *= 100n + inc;
    den *= 100n;
    value = num / den;
    if (goal !== undefined && value >= goal) return Number(goal);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) return Number.MAX_SAFE_INTEGER;
  }
  value = num / den;
  return Number(goal !== undefined && value > goal ? goal : value);
}

export type TodaysQuota =
  | { readonly kind: 'quota'; readonly quota: number; readonly level: number; readonly lastFlare: LocalDate | null }
  | { readonly kind: 'not-started' };

/** Today's quota given the flares logged so far (flares outside [startDate, asOf] are ignored). */
export function computeTodaysQuota(plan: PacingPlan, flares: readonly LocalDate[], asOf: LocalDate): TodaysQuota {
  if (differenceInCalendarDays(asOf, plan.startDate) < 0) return { kind: 'not-started' };
  const relevant = flares
    .filter((f) => differenceInCalendarDays(f, plan.startDate) >= 0 && differenceInCalendarDays(asOf, f) >= 0)
    .sort();
  let anchor = plan.startDate;
  let anchorLevel = 0;
  let lastFlare: LocalDate | null = null;
  for (const flare of relevant) {
    const levelAtFlare = anchorLevel + Math.floor(differenceInCalendarDays(flare, anchor) / 7);
    anchorLevel = Math.max(0, levelAtFlare - plan.settings.flareStepBackWeeks);
    anchor = flare;
    lastFlare = flare;
  }
  const level = anchorLevel + Math.floor(differenceInCalendarDays(asOf, anchor) / 7);
  return { kind: 'quota', quota: quotaAtLevel(plan, level), level, lastFlare };
}
