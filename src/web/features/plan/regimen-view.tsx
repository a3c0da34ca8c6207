// The regimen's MME, per drug and in total, with the cited safety flags it raises.
import type { RegimenResult } from '../../../domain/medications/regimen.ts';
import { t } from '../../i18n/index.ts';
import { citationOf, drugName, formatNumber, opioidComponentOf } from './plan-format.ts';
import { label } from './plan-ui.tsx';

/** Total MME with per-drug detail, what is not calculable, acetaminophen and the flags with their sources. */
export function RegimenView(props: { result: RegimenResult; updating: boolean; uncounted?: number }) {
  const r = props.result;
  return (
    <div>
      <p class="mme-total" role="status">
        {t('meds.total', { mme: r.totalMmeText })}
        {' · '}
        {r.flags.length === 0 ? t('meds.flags.none') : t('meds.flags.count', { n: r.flags.length })}
        {props.uncounted ? ` · ${t('meds.uncounted', { n: props.uncounted })}` : ''}
        {props.updating ? ` · ${t('meds.updating')}` : ''}
      </p>
      {r.perDrug.length > 0 && (
        <div class="table-wrap" tabIndex={0} role="region" aria-label={t('meds.perDrug')}>
          <table>
            <caption class="visually-hidden">{t('meds.perDrug')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('meds.drug')}</th>
                <th scope="col">{t('meds.dailyDose')}</th>
                <th scope="col">{t('meds.factor')}</th>
                <th scope="col">{t('meds.mme')}</th>
              </tr>
            </thead>
            <tbody>
              {r.perDrug.map((p, i) => (
                <tr key={`${p.drug}-${i}`}>
                  <td>{drugName(p.drug)}</td>
                  <td>
                    {formatNumber(p.dailyDose)} {p.unit}
                    {opioidComponentOf(p.drug) ? ` ${t('meds.ofComponent', { component: opioidComponentOf(p.drug)! })}` : ''}
                  </td>
                  <td>{formatNumber(p.factor)}</td>
                  <td>{formatNumber(p.mme)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {r.notCalculable.length > 0 && (
        <ul aria-label={t('meds.notCalculable')}>
          {r.notCalculable.map((n, i) => (
            <li key={`${n.drug}-${i}`}>
              {t('meds.notCalculableLine', { drug: drugName(n.drug) })} {n.message}{' '}
              <span class="hint">{t('meds.source', { source: citationOf(n.source) })}</span>
            </li>
          ))}
        </ul>
      )}
      {r.acetaminophenMgPerDay > 0 && <p>{t('meds.acetaminophenTotal', { mg: formatNumber(r.acetaminophenMgPerDay) })}</p>}
      {r.flags.length > 0 && (
        <ul class="flags" aria-label={t('meds.flags')}>
          {r.flags.map((f) => (
            <li key={f.id} class={`flag ${f.severity}`}>
              <p>
                <strong>{label('meds.flag', f.id)}</strong> · {label('meds.severity', f.severity)}
              </p>
              <p>{f.message}</p>
              <p class="hint">{t('meds.source', { source: citationOf(f.source) })}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
