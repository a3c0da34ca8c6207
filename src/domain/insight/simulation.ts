// Simulated diaries for validating "what works for me": pain as an AR(1) series (today's pain carries
// over into tomorrow's), a planted same-day effect of one factor and factors with no effect, each used
// on a random half of the days. The same seed gives the same people.
import type { DailySeries } from './diary-factors.ts';
import type { Random } from './prng.ts';

export interface SimulationDesign {
  readonly days: number;
  /** AR(1) coefficient of the day-to-day pain. */
  readonly phi: number;
  /** Marginal standard deviation of pain, points. */
  readonly sd: number;
  /** The planted factor's same-day effect on pain, points (negative lowers pain); 0 plants none. */
  readonly effect: number;
  /** How many further factors with no effect. */
  readonly nullFactors: number;
}

export const PLANTED_FACTOR_ID = 'planted';

/** Exactly half the days (rounded down), chosen at random (a partial Fisher–Yates shuffle). */
function randomHalf(random: Random, days: number): Int8Array {
  const order = Int32Array.from({ length: days }, (_, i) => i);
  const chosen = Math.floor(days / 2);
  const values = new Int8Array(days);
  for (let i = 0; i < chosen; i++) {
    const j = i + Math.floor(random.uniform() * (days - i));
    const pick = order[j]!;
    order[j] = order[i]!;
    order[i] = pick;
    values[pick] = 1;
  }
  return values;
}

/** One simulated person: the planted factor first (technique `planted`), then `null-1`, `null-2`, … */
export function simulatePerson(random: Random, design: SimulationDesign): DailySeries {
  const { days, phi, sd, effect } = design;
  const planted = randomHalf(random, days);
  const intensity = new Float64Array(days);
  const innovation = sd * Math.sqrt(1 - phi * phi);
  let e = sd * random.normal();
  for (let t = 0; t < days; t++) {
    if (t > 0) e = phi * e + innovation * random.normal();
    intensity[t] = 5 + e + effect * planted[t]!;
  }
  const factors = [{ kind: 'technique' as const, id: PLANTED_FACTOR_ID, label: 'the planted factor', values: planted }];
  for (let k = 1; k <= design.nullFactors; k++) {
    factors.push({ kind: 'technique', id: `null-${k}`, label: `factor ${k}`, values: randomHalf(random, days) });
  }
  return { days, outcomes: { intensity, interference: new Float64Array(days).fill(Number.NaN) }, factors };
}
