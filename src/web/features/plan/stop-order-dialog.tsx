// Stopping a medicine order: the first day without it, asked in a dialog.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiError } from '../../api/client.ts';
import { Dialog, Field } from '../../components/ui.tsx';
import { t } from '../../i18n/index.ts';
import type { MedicationOrderView } from './plan-api.ts';
import { drugName } from './plan-format.ts';
import { errorAt } from './plan-ui.tsx';

/** Asks for the first day without the medicine; stays open with the reason beside the date when it is refused. */
export function StopOrderDialog(props: {
  order: MedicationOrderView | null;
  today: string;
  onCancel: () => void;
  onStop: (order: MedicationOrderView, on: string) => Promise<ApiError | null>;
}) {
  const [on, setOn] = useState(props.today);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    setOn(props.today);
    setError(undefined);
  }, [props.order?.id]);
  const focusDate = () => requestAnimationFrame(() => form.current?.querySelector<HTMLInputElement>('input[name="stopOn"]')?.focus());
  async function submit(e: Event) {
    e.preventDefault();
    if (!props.order) return;
    if (on === '') {
      setError(t('meds.stopOnMissing'));
      focusDate();
      return;
    }
    setBusy(true);
    const refused = await props.onStop(props.order, on);
    setBusy(false);
    if (refused) {
      setError(errorAt(refused, '/stopDate') ?? refused.message);
      focusDate();
    }
  }
  const name = props.order ? drugName(props.order.formularyId) : '';
  return (
    <Dialog open={props.order !== null} title={t('meds.stopTitle', { drug: name })} onClose={props.onCancel}>
      <form
        ref={form}
        onSubmit={(e) => {
          void submit(e);
        }}
        noValidate
      >
        <Field
          label={t('meds.stopOn')}
          name="stopOn"
          type="date"
          value={on}
          onInput={(value) => {
            setOn(value);
            setError(undefined);
          }}
          hint={t('meds.stopOnHint')}
          error={error}
          required
        />
        <div class="row">
          <button type="submit" class="button" disabled={busy}>
            {t('meds.stop', { drug: name })}
          </button>
          <button type="button" class="button secondary" onClick={props.onCancel}>
            {t('plan.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
