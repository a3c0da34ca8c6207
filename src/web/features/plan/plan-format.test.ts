import { describe, expect, it } from 'vitest';
import { doseInWords, drugName } from './plan-format.ts';

const order = { doseMg: null, doseMcgPerHour: null, acetaminophenMg: null, schedule: 'scheduled', timesPerDay: null, maxPerDay: null } as const;

describe('medicines in words', () => {
  it('says how much and how often, as-needed at its maximum', () => {
    expect(doseInWords({ ...order, doseMg: 60, timesPerDay: 1 })).toBe('60 mg, once a day');
    expect(doseInWords({ ...order, doseMg: 75, timesPerDay: 2 })).toBe('75 mg, twice a day');
    expect(doseInWords({ ...order, doseMg: 10, acetaminophenMg: 325, timesPerDay: 6 })).toBe('10 mg with 325 mg acetaminophen, 6 times a day');
    expect(doseInWords({ ...order, doseMg: 5, schedule: 'as-needed', maxPerDay: 4 })).toBe('5 mg, up to 4 times a day when needed');
    expect(doseInWords({ ...order, doseMcgPerHour: 25 })).toBe('25 mcg/h patch');
  });

  it('names a medicine by its generic name, and an unknown id as it is', () => {
    expect(drugName('hydrocodone-acetaminophen')).toBe('hydrocodone and acetaminophen');
    expect(drugName('not-in-the-formulary')).toBe('not-in-the-formulary');
  });
});
