// Opioid taper planner (decision support: a schedule to discuss, never an order).
//
// Source: CDC 2022 R5 and its implementation considerations (https://doi.org/10.15585/mmwr.rr7103a1):
// - default: ~10 % of the ORIGINAL dose per month or slower, better tolerated after long-term use
//   (≥ 1 year) — draft lines 2422–2424, 2636–2637;
// - alternative: 10 % of the original dose per week until ~30 % of the original is reached, then ~10 %
//   of the REMAINING dose per week (Berna 2015, via draft lines 2637–2641), for use over weeks–months;
// - follow up at least monthly; the taper may be paused; once the smallest available dose is reached,
//   extend the interval and stop when taken less than once daily; offer naloxone; when tapering opioids
//   and benzodiazepines, taper opioids first (draft lines 2414–2441, 3606–3612).
// The exact final-MMWR wording of these percentages is UNCONFIRMED, so every
// percentage is a TaperOptions setting with the draft values as defaults.
//
// Rounding: each step's total daily dose per drug is rounded to the nearest total that can be made from
// the drug's available strengths (ties go to the higher dose, i.e. the slower taper), never above the
// previous step and never below the target. Strengths come from TaperOptions.strengthsByDrug or the
// formulary's cited (non-exhaustive) strengths; a drug with neither is not rounded (doses to 0.0001).
//
// Invariants (property-tested): per drug, doses never increase from one step to the next; the last step
// is exactly the target dose; pauses move dates, never doses. Exact arithmetic (bigint rationals).

import { addDays, type LocalDate } from '../time/local-date.ts';
import { addCalendarMonths } from '../care-plan/calendar-months.ts';
import { classBit, findCompiledDrug } from './formulary.ts';
import { DOSE_DECIMALS, PER_DAY_DECIMALS } from './compute-regimen.ts';
import { formatScaled, fromScaled, toScaled } from './exact-decimal.ts';
import { DAILY_DECIMALS, MME_DECIMALS } from './safety-flags.ts';
import type { MmeUnit, Regimen } from './regimen.ts';
import { DEFAULT_TAPER_RATE, TAPER_SOURCE, type TaperOptions, type TaperPlanResult, type TaperStep } from './taper-model.ts';

export {
  DEFAULT_TAPER_RATE,
  TAPER_SOURCE,
  WEEKLY_THEN_REMAINING_RATE,
  type TaperOptions,
  type TaperPlan,
  type TaperPlanResult,
  type TaperRate,
  type TaperStep,
  type TaperStepItem,
} from './taper-model.ts';
export { applyTaperPauses, type PausedScheduleResult, type ScheduledTaperStep, type TaperPauseEvent } from './taper-pauses.ts';

/** Safety bound on the number of intervals a plan may span (a programming guard, not a clinical number). */
const MAX_INTERVALS = 2_000;
const MAX_ACHIEVABLE_CELLS = 1_000_000;
const OPIOID = classBit('opioid');
const BENZO = classBit('benzodiazepine');
const PCT = 10_000n; // percentages carry 2 fraction digits: 100 % = 10_000
const TO_DAILY = 10 ** (DAILY_DECIMALS - DOSE_DECIMALS); // dose (10^-4) → daily unit (10^-7)

interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

interface DrugTaper {
  readonly id: string;
  readonly unit: MmeUnit;
  readonly originalU: bigint; // daily dose in 10^-7 units
  readonly factorScaled: number | undefined;
  readonly reasonNotCalculable: boolean;
  /** Ascending achievable daily totals (10^-7 units), including 0; undefined when not rounded. */
  readonly achievable: readonly bigint[] | undefined;
  readonly targetU: bigint;
}

function percentScaled(value: number): bigint | undefined {
  const s = toScaled(value, 2);
  return s === undefined ? undefined : BigInt(s);
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** All totals ≤ maxU (10^-7 units) reachable as sums of `strengthsU`, ascending, including 0. */
function achievableTotals(strengthsU: readonly bigint[], maxU: bigint): bigint[] | undefined {
  const g = strengthsU.reduce((acc, s) => gcd(acc, s), 0n);
  if (g === 0n) return undefined;
  const cells = maxU / g;
  if (cells > BigInt(MAX_ACHIEVABLE_CELLS)) return undefined;
  const n = Number(cells);
  const steps = strengthsU.map((s) => Number(s / g));
  const reach = new Uint8Array(n + 1);
  reach[0] = 1;
  for (let i = 1; i <= n; i++)
    for (const s of steps)
      if (s <= i && reach[i - s]) {
        reach[i] = 1;
        break;
      }
  const out: bigint[] = [];
  for (let i = 0; i <= n; i++) if (reach[i]) out.push(BigInt(i) * g);
  return out;
}

/** Nearest achievable total to `ideal` (ties to the higher total). */
function nearestAchievable(ideal: Rational, achievable: readonly bigint[]): bigint {
  // largest a with a·d ≤ n
  let lo = 0;
  let hi = achievable.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (achievable[mid]! * ideal.d <= ideal.n) lo = mid;
    else hi = mid - 1;
  }
  const below = achievable[lo]!;
  const above = achievable[lo + 1];
  if (above === undefined || below * ideal.d === ideal.n) return below;
  const distBelow = ideal.n - below * ideal.d;
  const distAbove = above * ideal.d - ideal.n;
  return distAbove <= distBelow ? above : below;
}

/** `ideal` quantized to 0.0001 of the dose unit (round half up), in 10^-7 units. */
function quantize(ideal: Rational): bigint {
  const q = BigInt(TO_DAILY) * ideal.d;
  return ((2n * ideal.n + q) / (2n * q)) * BigInt(TO_DAILY);
}

function ceilToAchievable(ideal: Rational, achievable: readonly bigint[], fallback: bigint): bigint {
  for (const a of achievable) if (a * ideal.d >= ideal.n) return a;
  return fallback;
}

function roundDose(drug: DrugTaper, ideal: Rational, previousU: bigint): bigint {
  const candidate = drug.achievable ? nearestAchievable(ideal, drug.achievable) : quantize(ideal);
  const capped = candidate < previousU ? candidate : previousU;
  return capped > drug.targetU ? capped : drug.targetU;
}

function validateOptions(options: TaperOptions): string[] {
  const problems: string[] = [];
  const rate = options.rate ?? DEFAULT_TAPER_RATE;
  const pct = (name: string, v: number, allowZero: boolean) => {
    const s = percentScaled(v);
    if (s === undefined || s > PCT || (!allowZero && s === 0n))
      problems.push(`${name} must be a percentage ${allowZero ? '0' : '> 0'}–100 with at most 2 decimals`);
  };
  if (rate.kind === 'percent-of-original') pct('rate.percent', rate.percent, false);
  else {
    pct('rate.percentOfOriginal', rate.percentOfOriginal, false);
    pct('rate.switchAtPercentOfOriginal', rate.switchAtPercentOfOriginal, true);
    pct('rate.percentOfRemaining', rate.percentOfRemaining, false);
  }
  const target = options.targetPercentOfOriginal ?? 0;
  const t = percentScaled(target);
  if (t === undefined || t >= PCT) problems.push('targetPercentOfOriginal must be a percentage 0–< 100 with at most 2 decimals');
  for (const [id, strengths] of Object.entries(options.strengthsByDrug ?? {})) {
    if (strengths.length === 0 || strengths.some((s) => toScaled(s, DOSE_DECIMALS) === undefined || s <= 0)) {
      problems.push(`strengthsByDrug.${id} must be positive doses with at most ${DOSE_DECIMALS} decimals`);
    }
  }
  return problems;
}

/**
 * A taper schedule for every opioid in `regimen` (non-opioids are left unchanged and not listed).
 * Example: oxycodone 10 mg × 6/day (60 mg), default rate, strengths 5/10 mg → 55, 50 (rounded from 48 → 50),
 * 40 (from 42), 35 (from 36), 30, 25 (from 24), 20 (from 18), 10 (from 12), 5 (from 6), 0 over 10 months.
 */
export function planTaper(regimen: Regimen, startDate: LocalDate, options: TaperOptions = {}): TaperPlanResult {
  const problems = validateOptions(options);
  if (problems.length > 0) return { kind: 'invalid-options', problems };
  const rate = options.rate ?? DEFAULT_TAPER_RATE;
  const targetPct = percentScaled(options.targetPercentOfOriginal ?? 0)!;

  // Original daily dose per opioid (10^-7 units), aggregated by formulary id.
  const originals = new Map<string, bigint>();
  let mask = 0;
  for (const item of regimen.items) {
    const compiled = findCompiledDrug(item.drug);
    if (!compiled) throw new RangeError(`unknown drug ${JSON.stringify(item.drug)}`);
    mask |= compiled.classMask;
    if ((compiled.classMask & OPIOID) === 0) continue;
    let dailyU: number | undefined;
    if (compiled.drug.doseUnit === 'mcg/h') {
      const d = item.doseMcgPerHour === undefined ? undefined : toScaled(item.doseMcgPerHour, DOSE_DECIMALS);
      dailyU = d === undefined ? undefined : d * 10 ** PER_DAY_DECIMALS;
    } else {
      const d = item.doseMg === undefined ? undefined : toScaled(item.doseMg, DOSE_DECIMALS);
      const p = item.perDay === undefined ? undefined : toScaled(item.perDay, PER_DAY_DECIMALS);
      dailyU = d === undefined || p === undefined ? undefined : d * p;
    }
    if (dailyU === undefined) throw new RangeError(`${compiled.drug.id}: dose is required (validate input first)`);
    originals.set(compiled.drug.id, (originals.get(compiled.drug.id) ?? 0n) + BigInt(dailyU));
  }
  if (originals.size === 0 || [...originals.values()].every((u) => u === 0n)) return { kind: 'nothing-to-taper' };

  const drugs: DrugTaper[] = [];
  const missingStrengths: string[] = [];
  for (const id of [...originals.keys()].sort()) {
    const compiled = findCompiledDrug(id)!;
    const originalU = originals.get(id)!;
    const strengths = options.strengthsByDrug?.[id] ?? compiled.drug.strengths?.values;
    const strengthsU = strengths?.map((s) => BigInt(toScaled(s, DOSE_DECIMALS)!) * BigInt(TO_DAILY));
    const achievable = strengthsU ? achievableTotals(strengthsU, originalU) : undefined;
    if (!achievable && rate.kind === 'weekly-then-remaining') missingStrengths.push(id);
    const targetIdeal: Rational = { n: originalU * targetPct, d: PCT };
    const targetU = achievable ? ceilToAchievable(targetIdeal, achievable, originalU) : quantize(targetIdeal);
    drugs.push({
      id,
      unit: compiled.drug.doseUnit === 'mcg/h' ? 'mcg/h' : 'mg/day',
      originalU,
      factorScaled: compiled.factorScaled,
      reasonNotCalculable: compiled.factorScaled === undefined,
      achievable,
      targetU: targetU < originalU ? targetU : originalU,
    });
  }
  if (missingStrengths.length > 0) return { kind: 'needs-strengths', drugs: missingStrengths };

  const dateAt = (interval: number): LocalDate =>
    rate.kind === 'percent-of-original' && rate.interval === 'month'
      ? addCalendarMonths(startDate, interval)
      : addDays(startDate, 7 * interval);

  const steps: TaperStep[] = [];
  const current = drugs.map((d) => d.originalU);
  steps.push(makeStep(0, 0, startDate, drugs, current, false));

  if (rate.kind === 'percent-of-original') {
    const p = percentScaled(rate.percent)!;
    for (let k = 1; k <= MAX_INTERVALS && drugs.some((d, i) => current[i]! > d.targetU); k++) {
      const fraction = PCT - BigInt(k) * p; // may go ≤ 0: clamped to the target by roundDose
      const changed = advance(drugs, current, (d) => ({ n: d.originalU * (fraction > 0n ? fraction : 0n), d: PCT }));
      if (changed) steps.push(makeStep(steps.length, k, dateAt(k), drugs, current, true));
    }
  } else {
    const p = percentScaled(rate.percentOfOriginal)!;
    const s = percentScaled(rate.switchAtPercentOfOriginal)!;
    const r = percentScaled(rate.percentOfRemaining)!;
    let k = 0;
    // Phase 1: linear in the original dose down to the switch point.
    for (; PCT - BigInt(k) * p > s && k < MAX_INTERVALS; ) {
      k++;
      const fraction = PCT - BigInt(k) * p;
      const f = fraction > s ? fraction : s;
      const changed = advance(drugs, current, (d) => ({ n: d.originalU * f, d: PCT }));
      if (changed) steps.push(makeStep(steps.length, k, dateAt(k), drugs, current, true));
      if (!drugs.some((d, i) => current[i]! > d.targetU)) break;
    }
    // Phase 2: geometric in the remaining (ideal) dose; once a drug is at its smallest available dose,
    // its next step is the target ("extend the interval, then stop").
    const switchFraction: Rational = { n: PCT - BigInt(k) * p > s ? PCT - BigInt(k) * p : s, d: PCT };
    let geometric: Rational = { n: 1n, d: 1n };
    while (k < MAX_INTERVALS && drugs.some((d, i) => current[i]! > d.targetU)) {
      k++;
      geometric = { n: geometric.n * (PCT - r), d: geometric.d * PCT };
      const g = geometric;
      const changed = advance(drugs, current, (d, i) => {
        const smallest = d.achievable!.find((a) => a > 0n) ?? 0n;
        if (current[i]! <= smallest) return { n: 0n, d: 1n };
        return { n: d.originalU * switchFraction.n * g.n, d: switchFraction.d * g.d };
      });
      if (changed) steps.push(makeStep(steps.length, k, dateAt(k), drugs, current, true));
    }
  }

  if (drugs.some((d, i) => current[i]! > d.targetU)) {
    return { kind: 'invalid-options', problems: [`the rate does not reach the target within ${MAX_INTERVALS} intervals`] };
  }

  const notes = [
    'Follow up at least monthly during the taper; the taper can be paused and resumed (CDC 2022, https://doi.org/10.15585/mmwr.rr7103a1).',
    'Once the smallest available dose is reached, the dosing interval can be extended; the opioid may be stopped when taken less than once daily.',
    'Tolerance can be lost within a week: options to discuss include offering naloxone during the taper (CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1; https://www.cdc.gov/overdose-prevention/hcp/clinical-care/assess-risks-of-opioid-use.html).',
  ];
  if (mask & BENZO)
    notes.push(
      'A benzodiazepine is also listed: if both are to be tapered, tapering the opioid first may be safer; taper benzodiazepines gradually (CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1).',
    );
  const unrounded = drugs.filter((d) => !d.achievable).map((d) => d.id);
  // Named as the clinician knows them (generic names), and with what to do in words, not the API's field name.
  if (unrounded.length > 0)
    notes.push(
      `No strengths on file for ${unrounded.map((id) => findCompiledDrug(id)?.drug.generic ?? id).join(', ')}: doses are not rounded to available strengths (enter the strengths available to the patient).`,
    );

  return {
    kind: 'planned',
    plan: { startDate, rate, targetPercentOfOriginal: Number(targetPct) / 100, steps, notes, source: TAPER_SOURCE },
  };
}

function advance(drugs: readonly DrugTaper[], current: bigint[], idealOf: (d: DrugTaper, i: number) => Rational): boolean {
  let changed = false;
  const next = drugs.map((d, i) => (current[i]! > d.targetU ? roundDose(d, idealOf(d, i), current[i]!) : current[i]!));
  next.forEach((v, i) => {
    if (v !== current[i]) changed = true;
    current[i] = v;
  });
  return changed;
}

function makeStep(
  index: number,
  interval: number,
  plannedStart: LocalDate,
  drugs: readonly DrugTaper[],
  current: readonly bigint[],
  afterStart: boolean,
): TaperStep {
  let mme = 0;
  const notCalculable: string[] = [];
  const items = drugs.map((d, i) => {
    const u = current[i]!;
    if (d.factorScaled === undefined) notCalculable.push(d.id);
    else mme += Number(u) * d.factorScaled;
    if (!Number.isSafeInteger(mme)) throw new RangeError('taper MME too large for exact arithmetic');
    return {
      drug: d.id,
      dailyDose: fromScaled(Number(u), DAILY_DECIMALS),
      unit: d.unit,
      roundedToStrengths: afterStart && d.achievable !== undefined,
    };
  });
  return {
    index,
    interval,
    plannedStart,
    items,
    totalMme: fromScaled(mme, MME_DECIMALS),
    totalMmeText: formatScaled(mme, MME_DECIMALS),
    notCalculable,
  };
}
