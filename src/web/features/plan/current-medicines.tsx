// The orders in effect, each with Change and Stop, and the patient's answer to the naloxone check.
import { Empty, Loading } from '../../components/ui.tsx';
import { t } from '../../i18n/index.ts';
import type { MedicationOrderView, MedicationSummaryView } from './plan-api.ts';
import { doseInWords, drugName, orderPeriodInWords } from './plan-format.ts';
import { NaloxoneCheck } from './naloxone-check.tsx';
import { label } from './plan-ui.tsx';

export function CurrentMedicines(props: {
  pid: string;
  timeZone: string;
  summary: MedicationSummaryView | null;
  error: string | null;
  editedIds: ReadonlySet<string>;
  /** Absent where the member's role may not order: the list is read, not changed. */
  onChange?: (order: MedicationOrderView) => void;
  onStop?: (order: MedicationOrderView) => void;
}) {
  const { pid, summary, error, editedIds } = props;
  const current = summary?.orders ?? [];
  return (
    <section class="card" aria-labelledby="current-meds-heading">
      <h2 id="current-meds-heading" tabIndex={-1}>
        {t('meds.current')}
      </h2>
      {summary === null ? (
        !error && <Loading />
      ) : current.length === 0 ? (
        <Empty>{t('meds.none')}</Empty>
      ) : (
        <ul class="list" aria-label={t('meds.current')}>
          {current.map((o) => (
            <li key={o.id}>
              <span>
                <strong>{drugName(o.formularyId)}</strong> — {doseInWords(o)} · {label('meds.route', o.route)} · {orderPeriodInWords(o)}
              </span>
              {props.onChange && (
                <span class="row">
                  <button type="button" class="button secondary" disabled={editedIds.has(o.id)} onClick={() => props.onChange?.(o)}>
                    {t('meds.change', { drug: drugName(o.formularyId) })}
                  </button>
                  <button type="button" class="button secondary" onClick={() => props.onStop?.(o)}>
                    {t('meds.stop', { drug: drugName(o.formularyId) })}
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <h3 id="naloxone-check-heading">{t('my.naloxone')}</h3>
      <NaloxoneCheck pid={pid} editable={false} timeZone={props.timeZone} />
    </section>
  );
}
