// The baseline against the latest 14 days in words: both means with their dates and days, the change,
// and the published threshold's verdict with its source — or that no threshold is published.
import { formatLocalDate, t, type MessageKey } from '../../i18n/index.ts';
import { oneDecimal } from './trend-chart.tsx';
import type { TrendView } from './insights-api.ts';

const dates = (p: { from: string; to: string }) => ({ from: formatLocalDate(p.from, 'date'), to: formatLocalDate(p.to, 'date') });

export function TrendComparison(props: { trend: Pick<TrendView, 'baseline' | 'latest' | 'change'> }) {
  const { baseline, latest, change } = props.trend;
  return (
    <section class="insight-compare" aria-labelledby="insight-compare-heading" data-testid="trend-comparison">
      <h3 id="insight-compare-heading">{t('insights.compare.title')}</h3>
      {baseline?.mean != null ? (
        <p>{t('insights.compare.baseline', { ...dates(baseline), value: oneDecimal(baseline.mean), days: baseline.days })}</p>
      ) : (
        <p>{t('insights.compare.noBaseline')}</p>
      )}
      {latest.mean !== null ? (
        <p>{t('insights.compare.latest', { ...dates(latest), value: oneDecimal(latest.mean), days: latest.days })}</p>
      ) : (
        <p>{t('insights.compare.noLatest')}</p>
      )}
      {change && (
        <>
          <p>
            {t('insights.compare.change', {
              absolute: `${change.absolute > 0 ? '+' : change.absolute < 0 ? '−' : ''}${oneDecimal(Math.abs(change.absolute))}`,
              direction: t(`insights.compare.${change.direction}` as MessageKey),
              percent:
                change.percent === null
                  ? ''
                  : t('insights.compare.percent', {
                      percent: oneDecimal(Math.abs(change.percent)),
                      way: t(change.percent >= 0 ? 'insights.compare.lower' : 'insights.compare.higher'),
                    }),
            })}
          </p>
          <p>
            <strong data-testid="trend-verdict">
              {change.thresholdPublished
                ? t('insights.compare.category', {
                    category: t(`insights.category.${change.category ?? 'undefined'}` as MessageKey),
                  })
                : t('insights.compare.noThreshold')}
            </strong>
          </p>
          {change.farrar && (
            <p>
              {t('insights.compare.farrar', {
                twoPoints: t(change.farrar.twoPoints ? 'insights.compare.met' : 'insights.compare.notMet'),
                thirty: t(change.farrar.thirtyPercent ? 'insights.compare.met' : 'insights.compare.notMet'),
              })}
            </p>
          )}
          {change.thresholdPublished && <p class="hint insight-source">{t('insights.compare.source', { rule: change.rule })}</p>}
        </>
      )}
    </section>
  );
}
