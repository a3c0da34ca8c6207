// A taper plan's schedule as a table, for the clinician's planner.
import { formatLocalDate, t } from '../../i18n/index.ts';
import type { TaperPlanView } from './plan-api.ts';
import { drugName, taperDosesInWords } from './plan-format.ts';

/** A taper's steps: when each starts, the daily doses and MME/day; the step in effect today is marked. */
export function TaperSteps(props: { taper: TaperPlanView }) {
  const { steps, currentStepIndex } = props.taper.schedule;
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={t('meds.taper.steps')}>
      <table>
        <caption class="visually-hidden">{t('meds.taper.steps')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('meds.taper.step')}</th>
            <th scope="col">{t('meds.taper.starts')}</th>
            <th scope="col">{t('meds.taper.doses')}</th>
            <th scope="col">{t('meds.mme')}</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((s) => (
            <tr
              key={s.index}
              class={s.index === currentStepIndex ? 'current-step' : undefined}
              aria-current={s.index === currentStepIndex ? 'step' : undefined}
            >
              <td>
                {s.index === 0 ? t('meds.taper.stepStart') : String(s.index)}
                {s.index === currentStepIndex ? ` (${t('meds.taper.now')})` : ''}
              </td>
              <td>{s.scheduledStart ? formatLocalDate(s.scheduledStart, 'date') : t('meds.taper.onHold')}</td>
              <td>{taperDosesInWords(s.items, 'clinician')}</td>
              <td>
                {s.totalMmeText}
                {s.notCalculable.length > 0
                  ? ` (${t('meds.taper.plusNotCalculable', { drugs: s.notCalculable.map(drugName).join(', ') })})`
                  : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
