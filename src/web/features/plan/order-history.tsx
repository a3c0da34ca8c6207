// Every order the patient has had, stopped ones included; a failed load says so with a Retry.
import { Empty, Loading, LoadFailed } from '../../components/ui.tsx';
import { t } from '../../i18n/index.ts';
import type { MedicationOrderView } from './plan-api.ts';
import { doseInWords, drugName, orderPeriodInWords } from './plan-format.ts';

export function OrderHistory(props: { history: MedicationOrderView[] | null | 'failed'; onRetry: () => void }) {
  const { history } = props;
  return (
    <section class="card" aria-labelledby="med-history-heading">
      <h2 id="med-history-heading">{t('meds.history')}</h2>
      {history === null ? (
        <Loading />
      ) : history === 'failed' ? (
        <LoadFailed message={t('meds.history.failed')} onRetry={props.onRetry} />
      ) : history.length === 0 ? (
        <Empty>{t('meds.none')}</Empty>
      ) : (
        <ul class="list" aria-label={t('meds.history')}>
          {history.map((o) => (
            <li key={o.id}>
              <span>
                <strong>{drugName(o.formularyId)}</strong> — {doseInWords(o)} · {orderPeriodInWords(o)}
                {o.instructions ? (
                  <>
                    <br />
                    <span class="hint">{o.instructions}</span>
                  </>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
