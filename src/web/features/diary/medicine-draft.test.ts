import { describe, expect, it } from 'vitest';
import { DIARY_LIMITS } from '../../../domain/diary/entry.ts';
import { EMPTY_MEDICINE_DRAFT, readMedicineDraft, type MedicineDraft } from './medicine-draft.ts';

const draft = (d: Partial<MedicineDraft>): MedicineDraft => ({ ...EMPTY_MEDICINE_DRAFT, ...d });

describe('the medicine typed into the check-in', () => {
  it('is nothing when the boxes are empty (Save goes on)', () => {
    expect(readMedicineDraft(draft({}), 0)).toEqual({ kind: 'empty' });
    expect(readMedicineDraft(draft({ name: '  ', dose: ' ' }), 0)).toEqual({ kind: 'empty' });
  });

  it('is a medicine to add when it is complete: typed but not Added is not lost', () => {
    const r = readMedicineDraft(draft({ name: ' Naproxen ', dose: '250', unit: 'mg', asNeeded: true }), 0);
    expect(r).toEqual({
      kind: 'ready',
      medicine: {
        name: 'Naproxen',
        dose: 250,
        unit: 'mg',
        takenAt: null,
        regimen: 'as-needed',
        formularyId: null,
        medicationOrderId: null,
      },
    });
    const noDose = readMedicineDraft(draft({ name: 'Heat cream', asNeeded: false }), 0);
    expect(noDose).toMatchObject({ kind: 'ready', medicine: { dose: null, unit: null, regimen: 'scheduled' } });
  });

  it('says beside the dose why a negative, zero or unreadable dose is not added', () => {
    expect(readMedicineDraft(draft({ name: 'Naproxen', dose: '-5' }), 0)).toMatchObject({
      kind: 'problem',
      field: 'dose',
      message: 'Enter a dose above 0, or leave it empty.',
    });
    expect(readMedicineDraft(draft({ name: 'Naproxen', dose: '0' }), 0)).toMatchObject({ kind: 'problem', field: 'dose' });
    expect(readMedicineDraft(draft({ name: 'Naproxen', doseUnreadable: true }), 0)).toMatchObject({
      kind: 'problem',
      field: 'dose',
      message: /as a number/,
    });
  });

  it('asks for a name when only a dose was typed', () => {
    expect(readMedicineDraft(draft({ dose: '250' }), 0)).toMatchObject({ kind: 'problem', field: 'name' });
  });

  it('refuses beside the dose, with the limit, an amount the diary cannot store', () => {
    const r = readMedicineDraft(draft({ name: 'Naproxen', dose: '999999999', unit: 'mg', doseConfirmed: true }), 0);
    expect(r).toEqual({ kind: 'problem', field: 'dose', message: 'Enter a dose of at most 1,000,000 mg.' });
  });

  it('questions a dose above the typing check for its unit, showing that limit, until confirmed', () => {
    const asked = readMedicineDraft(draft({ name: 'Naproxen', dose: '25000', unit: 'mg' }), 0);
    expect(asked.kind).toBe('confirm');
    expect(asked.kind === 'confirm' && asked.message).toContain('25,000 mg is more than 5,000 mg');
    // Per unit: 25 tablets is asked about, 25 mcg is not.
    expect(readMedicineDraft(draft({ name: 'Paracetamol', dose: '25', unit: 'tablet' }), 0).kind).toBe('confirm');
    expect(readMedicineDraft(draft({ name: 'Fentanyl', dose: '25', unit: 'mcg' }), 0).kind).toBe('ready');
    expect(readMedicineDraft(draft({ name: 'Naproxen', dose: '25000', unit: 'mg', doseConfirmed: true }), 0)).toMatchObject({
      kind: 'ready',
      medicine: { dose: 25000 },
    });
  });

  it("says so when the check-in's medicine list is full", () => {
    expect(readMedicineDraft(draft({ name: 'Naproxen' }), DIARY_LIMITS.medicines)).toMatchObject({ kind: 'problem', field: 'name' });
  });
});
