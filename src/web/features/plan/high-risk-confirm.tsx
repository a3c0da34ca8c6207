// The pause before a high-risk order: the server refused to save an order that newly takes the
// regimen to 50 or 90 MME a day, or newly pairs an opioid with a benzodiazepine, until the clinician
// has read the flags. Shown inside the order's own fields, with each flag's words and source.
import { t } from '../../i18n/index.ts';
import type { HighRiskFlag } from './plan-api.ts';
import { citationOf } from './plan-format.ts';
import { label } from './plan-ui.tsx';

const CONFIRMABLE = ['mme-at-least-50', 'mme-at-least-90', 'opioid-benzodiazepine'] as const;

/** Whether a flag is one a high-risk order must confirm (the API takes only these). */
export function isConfirmableFlag(id: string): id is (typeof CONFIRMABLE)[number] {
  return (CONFIRMABLE as readonly string[]).includes(id);
}

export function HighRiskConfirm(props: { flags: readonly HighRiskFlag[]; busy: boolean; onConfirm: () => void; onChange: () => void }) {
  return (
    <div class="alert" role="alert">
      <p>
        <strong>{t('meds.highRisk.title')}</strong>
      </p>
      <ul class="flags" aria-label={t('meds.highRisk.flags')}>
        {props.flags.map((f) => (
          <li key={f.id} class={`flag ${f.severity}`}>
            <p>
              <strong>{label('meds.flag', f.id)}</strong>
            </p>
            <p>{f.message}</p>
            <p class="hint">{t('meds.source', { source: citationOf(f.source) })}</p>
          </li>
        ))}
      </ul>
      <div class="row">
        <button type="button" class="button" disabled={props.busy} onClick={props.onConfirm}>
          {t('meds.highRisk.confirm')}
        </button>
        <button type="button" class="button secondary" disabled={props.busy} onClick={props.onChange}>
          {t('meds.highRisk.change')}
        </button>
      </div>
    </div>
  );
}
