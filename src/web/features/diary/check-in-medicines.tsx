// The check-in's medicines: quick picks from the person's medicine list, the ones already added, and
// boxes to type another. What is typed is read by readMedicineDraft, the same way for "Add medicine"
// and for Save, so a typed medicine is either added or explained beside its field, never dropped.
import { useEffect, useState } from 'preact/hooks';
import { request, type DiaryEntryView } from '../../api/client.ts';
import { Checkbox, SelectField } from '../../components/ui.tsx';
import { DOSE_UNITS } from '../../../domain/diary/entry.ts';
import { t } from '../../i18n/index.ts';
import type { MedicationOrderView } from '../plan/plan-api.ts';
import { EMPTY_MEDICINE_DRAFT, readMedicineDraft, type MedicineDraft } from './medicine-draft.ts';
import { useAbout } from '../../session.ts';

type MedicineTaken = DiaryEntryView['medicines'][number];

export const MEDICINE_NAME_ID = 'check-in-medicine-name';
export const MEDICINE_DOSE_ID = 'check-in-medicine-dose';

/**
 * The medicines on the person's list today, as diary medicines ready to add. The formulary (for the
 * drug names) loads only when there is a list, keeping it off the quick check-in's path otherwise.
 */
export function useMedicineList(patientId: string): readonly MedicineTaken[] {
  const [picks, setPicks] = useState<readonly MedicineTaken[]>([]);
  useEffect(() => {
    let live = true;
    request<{ current: MedicationOrderView[] }>('GET', `/api/patients/${patientId}/medication-orders`)
      .then(async ({ current }) => {
        if (current.length === 0) return;
        const { findDrug } = await import('../../../domain/medications/formulary.ts');
        const name = (id: string) => {
          const g = findDrug(id)?.generic ?? id;
          return g.charAt(0).toUpperCase() + g.slice(1);
        };
        if (live) {
          setPicks(
            current.map((o) => ({
              name: name(o.formularyId),
              dose: o.doseMg,
              unit: o.doseMg === null ? null : 'mg',
              takenAt: null,
              regimen: o.schedule,
              formularyId: o.formularyId,
              medicationOrderId: o.id,
            })),
          );
        }
      })
      .catch(() => {
        /* no list (offline, or not allowed to see it): the typed form still works */
      });
    return () => {
      live = false;
    };
  }, [patientId]);
  return picks;
}

export function CheckInMedicines(props: {
  patientId: string;
  medicines: readonly MedicineTaken[];
  onMedicines: (update: (list: readonly MedicineTaken[]) => MedicineTaken[]) => void;
  draft: MedicineDraft;
  onDraft: (draft: MedicineDraft) => void;
  /** Show what is wrong with the typed medicine (after Add or Save found a problem). */
  checked: boolean;
  onChecked: (checked: boolean) => void;
}) {
  const about = useAbout();
  const picks = useMedicineList(props.patientId);
  const d = props.draft;
  const reading = readMedicineDraft(d, props.medicines.length);
  const problem = props.checked && (reading.kind === 'problem' || reading.kind === 'confirm') ? reading : null;
  const nameError =
    problem?.kind === 'problem' && problem.field === 'name'
      ? problem.message
      : props.checked && reading.kind === 'empty'
        ? t('checkIn.medicine.nameToAdd')
        : undefined;
  const doseError = problem && (problem.kind === 'confirm' || problem.field === 'dose') ? problem.message : undefined;
  // The confirmation box stays once shown, so ticking it does not make it vanish under the pointer.
  const asking = reading.kind === 'confirm' || d.doseConfirmed;
  const set = (patch: Partial<MedicineDraft>) =>
    props.onDraft({ ...d, ...patch, ...('dose' in patch || 'unit' in patch ? { doseConfirmed: false } : {}) });
  function add() {
    if (reading.kind === 'ready') {
      props.onMedicines((list) => [...list, reading.medicine]);
      props.onDraft({ ...EMPTY_MEDICINE_DRAFT, unit: d.unit, asNeeded: d.asNeeded });
      props.onChecked(false);
      document.getElementById(MEDICINE_NAME_ID)?.focus();
      return;
    }
    props.onChecked(true);
    document
      .getElementById(
        reading.kind === 'confirm' || (reading.kind === 'problem' && reading.field === 'dose') ? MEDICINE_DOSE_ID : MEDICINE_NAME_ID,
      )
      ?.focus();
  }
  return (
    <fieldset>
      <legend class="legend">{t('checkIn.medicines')}</legend>
      {picks.length > 0 && (
        <div class="row" role="group" aria-label={about('checkIn.tookFromList')}>
          {picks.map((m) => (
            <button
              key={m.medicationOrderId}
              type="button"
              class="button secondary"
              disabled={props.medicines.some((x) => x.medicationOrderId === m.medicationOrderId)}
              onClick={() => props.onMedicines((list) => [...list, m])}
            >
              {t('checkIn.took', { drug: m.name })}
            </button>
          ))}
        </div>
      )}
      {props.medicines.length > 0 && (
        <ul class="list">
          {props.medicines.map((m, i) => (
            <li key={`${m.name}-${i}`}>
              <span>
                {m.name}
                {m.dose !== null ? ` ${m.dose} ${m.unit}` : ''}
              </span>
              <button type="button" class="button secondary" onClick={() => props.onMedicines((list) => list.filter((_, j) => j !== i))}>
                {t('checkIn.removeMedicine', { name: m.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="row">
        <div class="field">
          <label for={MEDICINE_NAME_ID}>{t('checkIn.medicineName')}</label>
          <input
            id={MEDICINE_NAME_ID}
            name="medicineName"
            type="text"
            value={d.name}
            aria-invalid={nameError ? 'true' : undefined}
            aria-describedby={nameError ? `${MEDICINE_NAME_ID}-error` : undefined}
            onInput={(e) => set({ name: (e.currentTarget as HTMLInputElement).value })}
          />
          {nameError && (
            <span id={`${MEDICINE_NAME_ID}-error`} class="error">
              {nameError}
            </span>
          )}
        </div>
        <div class="field">
          <label for={MEDICINE_DOSE_ID}>{t('checkIn.dose')}</label>
          <input
            id={MEDICINE_DOSE_ID}
            name="medicineDose"
            type="number"
            inputMode="decimal"
            value={d.dose}
            aria-invalid={doseError ? 'true' : undefined}
            aria-describedby={doseError ? `${MEDICINE_DOSE_ID}-error` : undefined}
            // A number box reports text it cannot read as '': badInput tells "nothing typed" from "not a number".
            onInput={(e) => {
              const el = e.currentTarget as HTMLInputElement;
              set({ dose: el.value, doseUnreadable: el.validity.badInput });
            }}
          />
          {doseError && (
            <span id={`${MEDICINE_DOSE_ID}-error`} class="error">
              {doseError}
            </span>
          )}
        </div>
        <SelectField
          label={t('checkIn.unit')}
          name="medicineUnit"
          value={d.unit}
          options={DOSE_UNITS.map((u) => ({ value: u, label: u }))}
          onChange={(unit) => set({ unit })}
        />
      </div>
      {asking && (
        <Checkbox
          label={t('checkIn.medicine.doseConfirmBox')}
          checked={d.doseConfirmed}
          onChange={(doseConfirmed) => props.onDraft({ ...d, doseConfirmed })}
        />
      )}
      <Checkbox label={t('checkIn.asNeeded')} checked={d.asNeeded} onChange={(asNeeded) => set({ asNeeded })} />
      <button type="button" class="button secondary" onClick={add}>
        {t('checkIn.addMedicine')}
      </button>
    </fieldset>
  );
}
