import { describe, expect, it } from 'vitest';
import { DOSE_QUESTION_ABOVE, doseNeedsConfirming } from './dose-check.ts';
import { DIARY_LIMITS, DOSE_UNITS } from './entry-vocabulary.ts';

// The typing check asks only above each unit's amount ("strictly greater"): the amount itself is saved
// without a question, the next representable amount up is questioned.
describe('doseNeedsConfirming', () => {
  it('asks above each unit’s amount, not at it', () => {
    for (const unit of DOSE_UNITS) {
      const above = DOSE_QUESTION_ABOVE[unit];
      expect(doseNeedsConfirming(above, unit), unit).toBe(false);
      expect(doseNeedsConfirming(above + 0.001, unit), unit).toBe(true);
      expect(doseNeedsConfirming(above - 0.001, unit), unit).toBe(false);
    }
  });

  it('has an amount for every unit, positive and below what the store refuses', () => {
    for (const unit of DOSE_UNITS) {
      expect(DOSE_QUESTION_ABOVE[unit], unit).toBeGreaterThan(0);
      expect(DOSE_QUESTION_ABOVE[unit], unit).toBeLessThan(DIARY_LIMITS.medicineAmount);
    }
  });

  it('uses the thresholds it is given', () => {
    expect(doseNeedsConfirming(3, 'mg', { ...DOSE_QUESTION_ABOVE, mg: 2 })).toBe(true);
    expect(doseNeedsConfirming(2, 'mg', { ...DOSE_QUESTION_ABOVE, mg: 2 })).toBe(false);
  });
});
