// Progress against the plan, shared by the patient's Plan page and the chart: goal progress from the
// diary and questionnaires. Today's pacing quota, as-needed use and the naloxone check have files of
// their own (pacing-today.tsx, as-needed-use.tsx, naloxone-check.tsx).
import { useEffect, useState } from 'preact/hooks';
import { formatDate, t, type MessageKey } from '../../i18n/index.ts';
import { planApi, type CarePlanProgressView, type GoalProgressView } from './plan-api.ts';

/** A patient's local date (YYYY-MM-DD) in words, without shifting it through a time zone. */
export function dateInWords(date: string): string {
  return formatDate(`${date}T00:00:00Z`, 'UTC');
}

const oneDecimal = (n: number) => new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(n);

/** Loads the plan's progress; null when there is no plan (404) or it failed. */
export function usePlanProgress(pid: string, reloadKey = 0): CarePlanProgressView | null | undefined {
  const [progress, setProgress] = useState<CarePlanProgressView | null | undefined>(undefined);
  useEffect(() => {
    planApi.carePlanProgress(pid).then(setProgress, () => setProgress(null));
  }, [pid, reloadKey]);
  return progress;
}

export function GoalProgressLine(props: { progress: GoalProgressView | undefined }) {
  const p = props.progress;
  if (!p) return null;
  if (!p.latest) return <p class="hint">{t('progress.goal.noData')}</p>;
  const when = p.source.kind === 'diary' ? t('progress.goal.weekOf', { date: dateInWords(p.latest.date) }) : dateInWords(p.latest.date);
  return (
    <p>
      {t('progress.goal.latest', { value: oneDecimal(p.latest.value), unit: p.unit, date: when })}
      {p.previous && <> {t('progress.goal.previous', { value: oneDecimal(p.previous.value) })}</>}
      {p.movement && (
        <>
          {' '}
          <strong>{t(`progress.goal.${p.movement}` as MessageKey)}</strong>
        </>
      )}
      {p.change?.category && (
        <>
          <br />
          <span class="hint">
            {t('progress.goal.change', { category: t(`progress.change.${p.change.category}` as MessageKey), rule: p.change.rule })}
          </span>
        </>
      )}
    </p>
  );
}
