import { describe, expect, it } from 'vitest';
import { bodyOf, draftOf, itemOfDraft, itemOfOrder, missingForCount, newDraft, type OrderDraft } from './order-draft.ts';
import type { MedicationOrderView } from './plan-api.ts';

const TODAY = '2026-06-15';
const draft = (fields: Partial<OrderDraft>): OrderDraft => ({ ...newDraft(TODAY), ...fields });

const saved: MedicationOrderView = {
  id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  version: 3,
  updatedAt: '2026-06-01T08:00:00Z',
  formularyId: 'hydrocodone-acetaminophen',
  strength: { value: 10, unit: 'mg' },
  doseMg: 10,
  doseMcgPerHour: null,
  acetaminophenMg: 325,
  schedule: 'as-needed',
  timesPerDay: null,
  maxPerDay: 4,
  route: 'oral',
  startDate: '2026-05-01',
  stopDate: null,
  instructions: 'One tablet every 6 hours if needed.',
};

describe('a medication order typed as a draft', () => {
  it('is not counted until the medicine is in the formulary and its dose and frequency are given', () => {
    expect(itemOfDraft(draft({ drug: 'oxycod' }), TODAY)).toBeNull();
    expect(itemOfDraft(draft({ drug: 'oxycodone', dose: '10' }), TODAY)).toBeNull();
    expect(itemOfDraft(draft({ drug: 'oxycodone', dose: '10', perDay: '4' }), TODAY)).toEqual({
      drug: 'oxycodone',
      doseMg: 10,
      perDay: 4,
      prn: false,
    });
  });

  it('finds the medicine by brand name and sends the formulary id', () => {
    expect(bodyOf(draft({ drug: 'Xanax', dose: '0.5', perDay: '3' }))).toMatchObject({
      formularyId: 'alprazolam',
      doseMg: 0.5,
      timesPerDay: 3,
    });
  });

  it('counts an as-needed order at its maximum per day, as the API does', () => {
    const d = draft({ drug: 'oxycodone', dose: '5', perDay: '4', schedule: 'as-needed' });
    expect(bodyOf(d)).toMatchObject({ maxPerDay: 4 });
    expect(bodyOf(d)).not.toHaveProperty('timesPerDay');
    expect(itemOfDraft(d, TODAY)).toEqual({ drug: 'oxycodone', doseMg: 5, perDay: 4, prn: true });
  });

  it('gives a fentanyl patch its strength in mcg/h and no frequency', () => {
    const d = draft({ drug: 'fentanyl transdermal', dose: '25', perDay: '3', route: 'transdermal' });
    expect(bodyOf(d)).toMatchObject({ formularyId: 'fentanyl-transdermal', doseMcgPerHour: 25 });
    expect(bodyOf(d)).not.toHaveProperty('doseMg');
    expect(bodyOf(d)).not.toHaveProperty('timesPerDay');
    expect(itemOfDraft(d, TODAY)).toEqual({ drug: 'fentanyl-transdermal', doseMcgPerHour: 25, prn: false });
  });

  it('needs the acetaminophen content of a combination product before it counts', () => {
    const d = draft({ drug: 'hydrocodone-acetaminophen', dose: '10', perDay: '6' });
    expect(itemOfDraft(d, TODAY)).toBeNull();
    expect(itemOfDraft({ ...d, acetaminophenMg: '325' }, TODAY)).toEqual({
      drug: 'hydrocodone-acetaminophen',
      doseMg: 10,
      perDay: 6,
      prn: false,
      acetaminophenMg: 325,
    });
  });

  it('leaves out an order that stops by today', () => {
    const d = draft({ drug: 'oxycodone', dose: '10', perDay: '4' });
    expect(itemOfDraft({ ...d, stopDate: TODAY }, TODAY)).toBeNull();
    expect(itemOfDraft({ ...d, stopDate: '2026-06-16' }, TODAY)).not.toBeNull();
  });

  it('round-trips a saved order: editing nothing sends the same order and counts it as the API does', () => {
    const d = draftOf(saved);
    expect(d.version).toBe(3);
    expect(bodyOf(d)).toEqual({
      formularyId: 'hydrocodone-acetaminophen',
      strength: { value: 10, unit: 'mg' },
      doseMg: 10,
      acetaminophenMg: 325,
      schedule: 'as-needed',
      maxPerDay: 4,
      route: 'oral',
      startDate: '2026-05-01',
      stopDate: null,
      instructions: 'One tablet every 6 hours if needed.',
    });
    expect(itemOfDraft(d, TODAY)).toEqual(itemOfOrder(saved));
  });
});

describe('why a draft is not counted in the MME and flags', () => {
  it('names what is missing, including the acetaminophen of a combination product', () => {
    expect(missingForCount(draft({ drug: 'oxycod' }), TODAY)).toEqual(['drug']);
    expect(missingForCount(draft({ drug: 'oxycodone' }), TODAY)).toEqual(['dose', 'perDay']);
    expect(missingForCount(draft({ drug: 'Norco', dose: '10', perDay: '4' }), TODAY)).toEqual(['acetaminophen']);
    expect(missingForCount(draft({ drug: 'oxycodone', dose: '0', perDay: '4' }), TODAY)).toEqual(['values']);
  });

  it('says nothing when it is counted, or when it stops by today', () => {
    expect(missingForCount(draft({ drug: 'oxycodone', dose: '10', perDay: '4' }), TODAY)).toEqual([]);
    expect(missingForCount(draft({ drug: 'oxycodone', stopDate: TODAY }), TODAY)).toEqual([]);
  });
});
