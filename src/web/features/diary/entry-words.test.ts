import { describe, expect, it } from 'vitest';
import { enteredByOf, medicineInWords, notePreview } from './entry-words.ts';

const naproxen = {
  name: 'Naproxen',
  dose: 250,
  unit: 'mg',
  takenAt: null,
  regimen: 'as-needed',
  formularyId: null,
  medicationOrderId: null,
};

describe('notePreview', () => {
  it('keeps a short note whole', () => {
    expect(notePreview('Slept badly.', 20)).toEqual({ text: 'Slept badly.', truncated: false });
  });
  it('cuts a long note at a word boundary and marks it', () => {
    expect(notePreview('Walked to the park and back again', 20)).toEqual({ text: 'Walked to the park…', truncated: true });
  });
  it('never cuts a character in two', () => {
    expect(notePreview('😀😀😀😀', 2)).toEqual({ text: '😀😀…', truncated: true });
  });
});

describe('medicineInWords', () => {
  it('gives the dose when there is one', () => {
    expect(medicineInWords(naproxen)).toBe('Naproxen 250 mg');
    expect(medicineInWords({ ...naproxen, dose: null, unit: null })).toBe('Naproxen');
  });
});

describe('enteredByOf', () => {
  it('says "you" to whoever typed it, else the role it was entered in', () => {
    const by = (enteredBy: string, source: string) => enteredByOf({ enteredBy, mode: 'real-time', source }, 'u-rosa');
    expect(by('u-rosa', 'caregiver')).toBe('you');
    expect(by('u-patient', 'self')).toBe('patient');
    expect(by('u-other', 'caregiver')).toBe('caregiver');
    expect(by('u-doctor', 'clinician')).toBe('clinic');
    expect(by('dev-1', 'device')).toBe('device');
  });
});
