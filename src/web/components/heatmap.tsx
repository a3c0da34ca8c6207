// A calendar heat map of daily mean pain (rows = weekdays, columns = weeks), coloured by the DVPRS
// bands, with a summary as its accessible name and the day-by-day figures in a table for screen readers.
import type { DaySummaryView } from '../api/client.ts';
import { addDays, type LocalDate } from '../../domain/time/local-date.ts';
import { t } from '../i18n/index.ts';

const band = (mean: number) => (mean === 0 ? 'none' : mean < 4.5 ? 'mild' : mean < 6.5 ? 'moderate' : 'severe');

export function HeatMap(props: { days: readonly DaySummaryView[]; lastDate: string; weeks?: number }) {
  const weeks = props.weeks ?? 12;
  if (props.days.length === 0) return <p class="empty">{t('heatmap.none')}</p>;
  const byDate = new Map(props.days.map((d) => [d.localDate, d]));
  const first = addDays(props.lastDate as LocalDate, 1 - weeks * 7);
  const cell = 12;
  const cells = Array.from({ length: weeks * 7 }, (_, i) => {
    const date = addDays(first, i);
    return { date, day: byDate.get(date), col: Math.floor(i / 7), row: i % 7 };
  });
  const max = props.days.reduce((m, d) => (d.meanIntensity > m.meanIntensity ? d : m));
  const summary = t('heatmap.summary', { days: props.days.length, max: max.meanIntensity.toFixed(1), date: max.localDate });
  return (
    <figure>
      <svg class="heatmap" viewBox={`0 0 ${weeks * (cell + 2)} ${7 * (cell + 2)}`} role="img" aria-label={summary}>
        {cells.map((c) => (
          <rect key={c.date} x={c.col * (cell + 2)} y={c.row * (cell + 2)} width={cell} height={cell} rx={2} class={c.day ? `cell ${band(c.day.meanIntensity)}` : 'cell empty'}>
            <title>{c.day ? t('heatmap.day', { date: c.date, mean: c.day.meanIntensity.toFixed(1), count: c.day.entryCount }) : c.date}</title>
          </rect>
        ))}
      </svg>
      <figcaption class="hint">{summary}</figcaption>
      <table class="visually-hidden">
        <caption>{t('heatmap.title')}</caption>
        <thead><tr><th scope="col">{t('heatmap.date')}</th><th scope="col">{t('heatmap.average')}</th></tr></thead>
        <tbody>{props.days.map((d) => <tr key={d.localDate}><td>{d.localDate}</td><td>{d.meanIntensity.toFixed(1)}</td></tr>)}</tbody>
      </table>
    </figure>
  );
}
