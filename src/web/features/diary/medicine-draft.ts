// The medicine the person is typing into the check-in (name, dose, unit), read the same way by
// "Add medicine" and by Save: either it is a medicine ready to add, or there is something to say next
// to a field. Nothing typed is dropped without a word: a half-typed medicine is added on Save when it
// is complete, and otherwise Save stops with the reason beside the field.
import type { DiaryEntryView } from '../../api/client.ts';
import { DOSE_QUESTION_ABOVE, doseNeedsConfirming } from '../../../domain/diary/dose-check.ts';
import { DIARY_LIMITS, DOSE_UNITS, type DoseUnit } from '../../../domain/diary/entry.ts';
import { formatNumber, t } from '../../i18n/index.ts';

type MedicineTaken = DiaryEntryView['medicines'][number];

export interface MedicineDraft {
  readonly name: string;
  /** The dose box's text as typed. */
  readonly dose: string;
  /** The browser could not read the dose box as a number (a number input reports its value as ''). */
  readonly doseUnreadable: boolean;
  readonly unit: string;
  readonly asNeeded: boolean;
  /** The person said a dose above the typing check is right. */
  readonly doseConfirmed: boolean;
}

export const EMPTY_MEDICINE_DRAFT: MedicineDraft = {
  name: '',
  dose: '',
  doseUnreadable: false,
  unit: 'mg',
  asNeeded: true,
  doseConfirmed: false,
};

export type MedicineDraftReading =
  | { readonly kind: 'empty' }
  | { readonly kind: 'ready'; readonly medicine: MedicineTaken }
  /** Something to fix; `field` is where the message goes. */
  | { readonly kind: 'problem'; readonly field: 'name' | 'dose'; readonly message: string }
  /** A dose above the typing check, not yet confirmed: asked beside the dose, with the limit shown. */
  | { readonly kind: 'confirm'; readonly message: string };

const isUnit = (u: string): u is DoseUnit => (DOSE_UNITS as readonly string[]).includes(u);

/** `listLength`: how many medicines the check-in already holds (the diary keeps a bounded list). */
export function readMedicineDraft(d: MedicineDraft, listLength: number): MedicineDraftReading {
  const name = d.name.trim();
  const doseText = d.dose.trim();
  if (name === '' && doseText === '' && !d.doseUnreadable) return { kind: 'empty' };
  if (name === '') return { kind: 'problem', field: 'name', message: t('checkIn.medicine.needName') };
  if (name.length > DIARY_LIMITS.shortText)
    return { kind: 'problem', field: 'name', message: t('checkIn.medicine.nameTooLong', { max: DIARY_LIMITS.shortText }) };
  if (listLength >= DIARY_LIMITS.medicines)
    return { kind: 'problem', field: 'name', message: t('checkIn.medicine.listFull', { max: DIARY_LIMITS.medicines }) };
  const unit = isUnit(d.unit) ? d.unit : 'mg';
  let dose: number | null = null;
  if (d.doseUnreadable || doseText !== '') {
    dose = d.doseUnreadable ? Number.NaN : Number(doseText);
    if (!Number.isFinite(dose)) return { kind: 'problem', field: 'dose', message: t('checkIn.medicine.doseNotNumber') };
    if (!(dose > 0)) return { kind: 'problem', field: 'dose', message: t('checkIn.medicine.doseNotPositive') };
    if (dose > DIARY_LIMITS.medicineAmount) {
      return {
        kind: 'problem',
        field: 'dose',
        message: t('checkIn.medicine.doseTooLarge', { max: formatNumber(DIARY_LIMITS.medicineAmount), unit }),
      };
    }
    if (!d.doseConfirmed && doseNeedsConfirming(dose, unit)) {
      return {
        kind: 'confirm',
        message: t('checkIn.medicine.doseConfirm', { dose: formatNumber(dose), unit, limit: formatNumber(DOSE_QUESTION_ABOVE[unit]) }),
      };
    }
  }
  return {
    kind: 'ready',
    medicine: {
      name,
      dose,
      unit: dose === null ? null : unit,
      takenAt: null,
      regimen: d.asNeeded ? 'as-needed' : 'scheduled',
      formularyId: null,
      medicationOrderId: null,
    },
  };
}
