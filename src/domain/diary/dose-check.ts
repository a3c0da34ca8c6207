// When the check-in asks "is this dose right?" before saving a medicine the person typed.
//
// Source: none. Painwise has no sourced maximum single dose per unit: the bundled formulary
// (domain/medications) holds MME factors and strengths, not maximum doses, and a typed medicine has no
// formulary entry anyway. So these are NOT clinical limits. They are a typing check, a named setting
// (UNCONFIRMED, see docs/body-map.md, "Dose typing check"), meant to catch an extra digit or the wrong
// unit. A larger amount is still saved once the person confirms it; nothing here refuses a dose.
//
// Invariant: every unit the diary accepts has a threshold, and each is a positive number below the
// store's own bound (DIARY_LIMITS.medicineAmount), so a question is always possible before a refusal.
import type { DoseUnit } from './entry.ts';

/** Above this amount (per unit, strictly greater) the check-in asks the person to confirm the dose. UNCONFIRMED setting. */
export const DOSE_QUESTION_ABOVE: Readonly<Record<DoseUnit, number>> = {
  mg: 5_000,
  mcg: 10_000,
  g: 10,
  ml: 100,
  tablet: 10,
  capsule: 10,
  patch: 5,
  drop: 50,
  puff: 10,
  spray: 10,
  sachet: 5,
  suppository: 2,
  unit: 1_000,
  application: 10,
};

/** Whether a dose should be confirmed before it is saved (see DOSE_QUESTION_ABOVE). */
export function doseNeedsConfirming(
  amount: number,
  unit: DoseUnit,
  thresholds: Readonly<Record<DoseUnit, number>> = DOSE_QUESTION_ABOVE,
): boolean {
  return amount > thresholds[unit];
}
