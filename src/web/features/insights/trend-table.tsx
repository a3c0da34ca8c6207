// The chart's table alternative: one row a day for a month, weekly means for longer ranges, a day
// without a value written out as "No entry" (never a zero).
import { formatLocalDate, t } from '../../i18n/index.ts';
import { oneDecimal } from './trend-chart.tsx';
import type { TrendView } from './insights-api.ts';

export function TrendTable(props: { trend: TrendView; label: string }) {
  const { trend, label } = props;
  const daily = trend.days.length <= 31;
  const caption = t('insights.table.caption', {
    label,
    unit: trend.unit,
    kind: t(daily ? 'insights.table.daily' : 'insights.table.weekly'),
  });
  return (
    <details class="insight-table" data-testid="trend-table">
      <summary>{t('insights.table.show')}</summary>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t(daily ? 'insights.table.date' : 'insights.table.week')}</th>
            <th scope="col">{t('insights.table.value')}</th>
            <th scope="col">{t(daily ? 'insights.table.count' : 'insights.table.days')}</th>
          </tr>
        </thead>
        <tbody>
          {daily
            ? trend.days.map((d) => (
                <tr key={d.date}>
                  <th scope="row">{formatLocalDate(d.date, 'date')}</th>
                  <td>{d.value === null ? t('insights.table.none') : oneDecimal(d.value)}</td>
                  <td>{d.count}</td>
                </tr>
              ))
            : trend.weeks.map((w) => (
                <tr key={w.to}>
                  <th scope="row">
                    {formatLocalDate(w.from, 'date')} – {formatLocalDate(w.to, 'date')}
                  </th>
                  <td>{w.value === null ? t('insights.table.none') : oneDecimal(w.value)}</td>
                  <td>{w.days}</td>
                </tr>
              ))}
        </tbody>
      </table>
    </details>
  );
}
