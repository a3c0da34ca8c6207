// The typed order changes: saved together, each refusal, conflict or high-risk confirmation shown on
// its own draft; discarding them offers Undo. A refused save lists the refused fields of every draft at
// the top of the form (ErrorSummary), which takes focus; a conflict or a confirmation to give, naming no
// field, takes focus itself.
import { useRef, useState, type Dispatch, type StateUpdater } from 'preact/hooks';
import type { ApiError } from '../../api/client.ts';
import { ErrorSummary, unplacedErrors } from '../../components/error-summary.tsx';
import { showToast } from '../../components/ui.tsx';
import type { RegimenItem } from '../../../domain/medications/regimen.ts';
import { t } from '../../i18n/index.ts';
import { isConfirmableFlag } from './high-risk-confirm.tsx';
import { OrderDraftFields, placedOrderPointers } from './order-draft-fields.tsx';
import { bodyOf, newDraft, type MissingForCount, type OrderDraft } from './order-draft.ts';
import { readableOrderError } from './order-errors.ts';
import { planApi, type HighRiskFlag, type MedicationOrderView } from './plan-api.ts';

export function OrderChanges(props: {
  pid: string;
  today: string;
  drafts: OrderDraft[];
  setDrafts: Dispatch<StateUpdater<OrderDraft[]>>;
  draftItems: readonly (RegimenItem | null)[];
  draftMissing: readonly MissingForCount[][];
  /** Loads the regimen, history and tapers again (after a save, or to take another's version). */
  reload: () => void;
}) {
  const { pid, today, drafts, setDrafts, draftItems, draftMissing } = props;
  const load = props.reload;
  const [saving, setSaving] = useState(false);
  // A new object on every refused save: the summary (or the conflict) takes focus, not the page.
  const changesForm = useRef<HTMLFormElement>(null);
  const [refusal, setRefusal] = useState<object | null>(null);

  // The Remove and Discard buttons go away with what they removed: focus moves on to "Add a medicine".
  const focusAddMedicine = () => requestAnimationFrame(() => document.getElementById('add-medicine')?.focus());
  const setDraft = (id: string, patch: Partial<OrderDraft>) => setDrafts((list) => list.map((d) => (d.id === id ? { ...d, ...patch } : d)));

  async function saveOne(d: OrderDraft, version: number | undefined): Promise<boolean> {
    try {
      await planApi.saveMedicationOrder(pid, d.id, bodyOf(d), version);
      setDrafts((list) => list.filter((x) => x.id !== d.id));
      return true;
    } catch (e) {
      const err = e as ApiError;
      const current = err.problem.current as MedicationOrderView | undefined;
      if (err.code === 'high-risk-order-unconfirmed')
        setDraft(d.id, { highRisk: err.problem.flags as HighRiskFlag[], error: null, conflict: null });
      else
        setDraft(
          d.id,
          err.code === 'clinical-record-conflict' && current
            ? { conflict: current, error: null }
            : { error: readableOrderError(err, d.drug), conflict: null },
        );
      return false;
    }
  }
  /** Typed orders are work: discarding them offers Undo (focus: the first draft back, else Add a medicine). */
  function discardAll() {
    const discarded = drafts;
    setRefusal(null);
    setDrafts([]);
    showToast(t('meds.discarded', { n: discarded.length }), {
      onUndo: () => setDrafts(discarded),
      focusAfter: (undone) =>
        undone ? document.querySelector<HTMLElement>('#changes-heading ~ fieldset input') : document.getElementById('add-medicine'),
    });
  }
  async function saveAll(e: Event) {
    e.preventDefault();
    setRefusal(null);
    setSaving(true);
    let saved = 0;
    for (const d of drafts) if (await saveOne(d, d.version)) saved += 1;
    setSaving(false);
    if (saved > 0) {
      showToast(t('meds.saved', { n: saved }));
      load();
    }
    if (saved < drafts.length) setRefusal({});
    else focusAddMedicine();
  }

  return (
    <form ref={changesForm} class="card" onSubmit={saveAll} noValidate aria-labelledby="changes-heading">
      <h2 id="changes-heading">{t('meds.changes')}</h2>
      <ErrorSummary
        failure={refusal}
        form={changesForm}
        messages={drafts.flatMap((d) => unplacedErrors(d.error, placedOrderPointers(d)))}
      />
      {drafts.length === 0 ? <p class="empty">{t('meds.changes.none')}</p> : <p class="hint">{t('meds.changes.hint')}</p>}
      {drafts.map((d, i) => (
        <OrderDraftFields
          key={d.id}
          draft={d}
          n={i + 1}
          counted={draftItems[i] !== null}
          missing={draftMissing[i] ?? []}
          set={(patch) => setDraft(d.id, patch)}
          onRemove={() => {
            // The summary would still list the removed draft's problems, linking to fields now gone.
            setRefusal(null);
            setDrafts((list) => list.filter((x) => x.id !== d.id));
            focusAddMedicine();
          }}
          onReapply={(version) => {
            setDraft(d.id, { version, conflict: null });
            void saveOne({ ...d, version }, version).then((ok) => {
              if (ok) {
                showToast(t('meds.saved', { n: 1 }));
                load();
              } else setRefusal({});
            });
          }}
          onConfirmHighRisk={() => {
            setSaving(true);
            void saveOne({ ...d, confirmed: (d.highRisk ?? []).map((f) => f.id).filter(isConfirmableFlag) }, d.version).then((ok) => {
              setSaving(false);
              if (ok) {
                showToast(t('meds.saved', { n: 1 }));
                load();
                focusAddMedicine();
              } else setRefusal({});
            });
          }}
          busy={saving}
          onTakeTheirs={() => {
            setDrafts((list) => list.filter((x) => x.id !== d.id));
            load();
          }}
        />
      ))}
      <div class="row">
        <button type="button" id="add-medicine" class="button secondary" onClick={() => setDrafts((list) => [...list, newDraft(today)])}>
          {t('meds.add')}
        </button>
        {drafts.length > 0 && (
          <button type="submit" class="button" disabled={saving}>
            {saving ? t('common.saving') : t('meds.saveChanges', { n: drafts.length })}
          </button>
        )}
        {drafts.length > 0 && (
          <button type="button" class="button secondary" onClick={discardAll}>
            {t('meds.discardChanges')}
          </button>
        )}
      </div>
    </form>
  );
}
