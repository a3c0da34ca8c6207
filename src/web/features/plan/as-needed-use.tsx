import { useEffect, useId, useState } from 'preact/hooks';
import { t } from '../../i18n/index.ts';
import { useAbout } from '../../session.ts';
import { planApi, type AsNeededUseView } from './plan-api.ts';
import { drugName } from './plan-format.ts';

/** As-needed opioid use from the diary against the plan's allowance (shown only when there is any). */
export function AsNeededUse(props: { pid: string; clinician?: boolean }) {
  const [use, setUse] = useState<AsNeededUseView | null>(null);
  const headingId = useId();
  const about = useAbout();
  useEffect(() => {
    planApi.asNeededUse(props.pid).then(setUse, () => setUse(null));
  }, [props.pid]);
  if (!use || use.drugs.length === 0) return null;
  const window = use.days.length === 0 ? 14 : Math.round((Date.parse(use.to) - Date.parse(use.from)) / 86_400_000) + 1;
  return (
    <section class="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('asNeeded.title')}</h2>
      <ul class="list" aria-label={t('asNeeded.title')}>
        {use.drugs.map((d) => (
          <li key={d.drug}>
            {props.clinician ? (
              <span>
                {t('asNeeded.clinicianLine', {
                  drug: drugName(d.drug),
                  taken: d.taken,
                  days: d.daysUsed,
                  window,
                  over: d.daysOver,
                  allowed: d.allowedToday ?? '—',
                })}
              </span>
            ) : (
              <div>
                <p>
                  <strong>{t('asNeeded.line', { drug: drugName(d.drug), taken: d.taken, days: d.daysUsed, window })}</strong>
                </p>
                <p>{d.allowedToday !== null ? about('asNeeded.allowed', { allowed: d.allowedToday }) : about('asNeeded.noOrder')}</p>
                {d.taken > 0 && (
                  <p class={d.daysOver > 0 ? 'notice' : undefined}>
                    {d.daysOver > 0 ? about('asNeeded.over', { days: d.daysOver }) : about('asNeeded.within')}
                  </p>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
      <p class="hint">{about('asNeeded.fromDiary')}</p>
    </section>
  );
}
