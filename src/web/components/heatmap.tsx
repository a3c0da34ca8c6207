// A calendar heat map of daily mean pain (rows = weekdays, Monday first; columns = weeks, oldest on the
// left), coloured by the pain bands (painBandOf), with weekday and month labels and a colour key beside it, a summary
// as its accessible name, and the day-by-day figures in a table for screen readers.
import type { DaySummaryView } from '../api/client.ts';
import { addDays, differenceInCalendarDays, type LocalDate } from '../../domain/time/local-date.ts';
import { PAIN_BANDS, painBandOf, type IntensityBand } from '../../domain/diary/pain-band.ts';
import { formatLocalDate, t } from '../i18n/index.ts';
import { painBandLabel } from './pain-bands.ts';

const KEY: readonly { band: IntensityBand | 'empty'; label: () => string }[] = [
  { band: 'empty', label: () => t('heatmap.key.empty') },
  ...PAIN_BANDS.map((b) => ({ band: b.band, label: () => painBandLabel(b.band) })),
];

/** 0 = Monday … 6 = Sunday. */
const weekdayOf = (date: LocalDate): number => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;

const CELL = 12;
const STEP = CELL + 2;
const LEFT = 28; // room for the weekday labels
const TOP = 14; // room for the month labels

export function HeatMap(props: { days: readonly DaySummaryView[]; lastDate: string; weeks?: number }) {
  const weeks = props.weeks ?? 12;
  if (props.days.length === 0) return <p class="empty">{t('heatmap.none')}</p>;
  const byDate = new Map(props.days.map((d) => [d.localDate, d]));
  const last = props.lastDate as LocalDate;
  const first = addDays(last, 1 - weeks * 7);
  // Columns are whole weeks from the Monday on or before the first day, so each row is one weekday.
  const gridStart = addDays(first, -weekdayOf(first));
  const columns = Math.floor(differenceInCalendarDays(last, gridStart) / 7) + 1;
  const cells = Array.from({ length: differenceInCalendarDays(last, first) + 1 }, (_, i) => {
    const date = addDays(first, i);
    const offset = differenceInCalendarDays(date, gridStart);
    return { date, day: byDate.get(date), col: Math.floor(offset / 7), row: offset % 7 };
  });
  // A month's name over the first week that has its 1st (and over the first week, unless a month starts just after).
  const monthStarts = cells.filter((c) => c.date.endsWith('-01')).map((c) => ({ col: c.col, date: c.date }));
  const months = [...(monthStarts.some((m) => m.col <= 2) ? [] : [{ col: 0, date: first }]), ...monthStarts];
  const weekdays = Array.from({ length: 7 }, (_, row) => formatLocalDate(addDays(gridStart, row), 'weekday'));
  const max = props.days.reduce((m, d) => (d.meanIntensity > m.meanIntensity ? d : m));
  const summary = t('heatmap.summary', { days: props.days.length, max: max.meanIntensity.toFixed(1), date: max.localDate });
  return (
    <figure class="heatmap-figure">
      <svg class="heatmap" viewBox={`0 0 ${LEFT + columns * STEP} ${TOP + 7 * STEP}`} role="img" aria-label={summary}>
        {months.map((m) => (
          <text key={`m-${m.date}`} class="heatmap-label" x={LEFT + m.col * STEP} y={TOP - 4}>
            {formatLocalDate(m.date, 'month')}
          </text>
        ))}
        {weekdays.map((name, row) => (
          <text key={`d-${row}`} class="heatmap-label" x={LEFT - 4} y={TOP + row * STEP + CELL - 2} text-anchor="end">
            {name}
          </text>
        ))}
        {cells.map((c) => (
          <rect
            key={c.date}
            x={LEFT + c.col * STEP}
            y={TOP + c.row * STEP}
            width={CELL}
            height={CELL}
            rx={2}
            class={c.day ? `cell ${painBandOf(c.day.meanIntensity)}` : 'cell empty'}
          >
            <title>
              {c.day
                ? t('heatmap.day', { date: c.date, mean: c.day.meanIntensity.toFixed(1), count: c.day.entryCount })
                : t('heatmap.dayEmpty', { date: c.date })}
            </title>
          </rect>
        ))}
      </svg>
      <p class="hint">{t('heatmap.range', { from: formatLocalDate(first, 'date'), to: formatLocalDate(last, 'date') })}</p>
      <div class="heatmap-key">
        <p class="hint" id="heatmap-key-title">
          {t('heatmap.key')}
        </p>
        <ul aria-labelledby="heatmap-key-title">
          {KEY.map((k) => (
            <li key={k.band}>
              <svg class="heatmap-swatch" viewBox={`0 0 ${CELL} ${CELL}`} aria-hidden="true">
                <rect width={CELL} height={CELL} rx={2} class={`cell ${k.band}`} />
              </svg>
              {k.label()}
            </li>
          ))}
        </ul>
      </div>
      <figcaption class="hint">{summary}</figcaption>
      <table class="visually-hidden">
        <caption>{t('heatmap.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('heatmap.date')}</th>
            <th scope="col">{t('heatmap.average')}</th>
          </tr>
        </thead>
        <tbody>
          {props.days.map((d) => (
            <tr key={d.localDate}>
              <td>{d.localDate}</td>
              <td>{d.meanIntensity.toFixed(1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
