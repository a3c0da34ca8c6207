// Exact decimal arithmetic for medication quantities.
//
// Source of the requirement: CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1 (MME conversion table) ("no rounding before threshold comparison"; M17
// 37 × 2.4 = 88.8 must compare exactly against 50 and 90). Binary floating point cannot hold 0.1
// or 2.4 exactly, so every quantity that feeds a threshold is held as an integer count of a fixed
// decimal unit ("scaled integer"): 88.8 MME is 88_800_000_000 units of 10^-9 MME.
//
// Invariants
// - A JS number is read as the shortest decimal with at most `decimals` fraction digits that rounds to
//   it (what the user typed in JSON). Numbers with more digits are rejected, never rounded.
// - Every product and sum is checked to stay a safe integer; callers validate input ranges so the
//   checks never fail in practice (overflow is a programmer error → RangeError).

const POW10: readonly number[] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000];

export function pow10(decimals: number): number {
  const p = POW10[decimals];
  if (p === undefined) throw new RangeError(`unsupported decimal scale ${decimals}`);
  return p;
}

/**
 * `value` as an integer count of 10^-decimals, or undefined when `value` is not finite, negative, has
 * more than `decimals` fraction digits, or is too large to scale exactly.
 * Example: toScaled(2.4, 2) === 240; toScaled(0.1 + 0.2, 4) === undefined.
 */
export function toScaled(value: number, decimals: number): number | undefined {
  if (!Number.isFinite(value) || value < 0) return undefined;
  const p = pow10(decimals);
  const units = Math.round(value * p);
  if (!Number.isSafeInteger(units)) return undefined;
  // n / 10^k is correctly rounded, so equality means the decimal n·10^-k is the one that produced `value`.
  return units / p === value ? units : undefined;
}

/** Like toScaled but throws on values that do not fit (for constants and validated input). */
export function toScaledOrThrow(value: number, decimals: number): number {
  const units = toScaled(value, decimals);
  if (units === undefined) throw new RangeError(`${value} is not an exact decimal with at most ${decimals} fraction digits`);
  return units;
}

/** Exact product of two scaled integers; throws when the result would leave the safe-integer range. */
export function multiplyScaled(a: number, b: number): number {
  const r = a * b;
  if (!Number.isSafeInteger(r)) throw new RangeError('quantity too large for exact arithmetic');
  return r;
}

/** Exact sum of two scaled integers of the same scale. */
export function addScaled(a: number, b: number): number {
  const r = a + b;
  if (!Number.isSafeInteger(r)) throw new RangeError('quantity too large for exact arithmetic');
  return r;
}

/**
 * The nearest double to units·10^-decimals. Division of two exactly representable integers is
 * correctly rounded, so 88_800_000_000 / 10^9 is the double that prints as 88.8.
 */
export function fromScaled(units: number, decimals: number): number {
  return units / pow10(decimals);
}

/** Exact decimal text of a scaled integer, without trailing zeros: (888, 1) → "88.8". */
export function formatScaled(units: number, decimals: number): string {
  const negative = units < 0;
  const abs = Math.abs(units);
  const p = pow10(decimals);
  const whole = Math.floor(abs / p);
  let frac = String(abs - whole * p)
    .padStart(decimals, '0')
    .replace(/0+$/, '');
  if (decimals === 0) frac = '';
  return `${negative ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

/** Rescale a scaled integer from `from` to `to` fraction digits (to ≥ from), exactly. */
export function rescale(units: number, from: number, to: number): number {
  if (to < from) throw new RangeError('rescale only widens the scale');
  return multiplyScaled(units, pow10(to - from));
}
