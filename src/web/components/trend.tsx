// A 28-day pain trend: an SVG line of daily mean intensity on a 0–10 scale, with a labelled y-axis, the
// first, middle and last dates under it (month and day; the caption gives the years), the mild band shaded as the domain defines it (painBandRange), and
// its text alternative (the figure's accessible name and caption; the SVG's own labels are for the eye).
import type { DaySummaryView } from '../api/client.ts';
import { painBandRange } from '../../domain/diary/pain-band.ts';
import { formatLocalDate, t } from '../i18n/index.ts';
import { painBandLabel } from './pain-bands.ts';

const WIDTH = 240;
const HEIGHT = 130;
const PLOT = { left: 20, right: 6, top: 6, bottom: 18 };
const Y_TICKS = [0, 2, 4, 6, 8, 10];
const DAY_MS = 86_400_000;

export function Trend(props: { days: readonly DaySummaryView[] }) {
  if (props.days.length === 0) return <p class="empty">{t('trend.empty')}</p>;
  const first = props.days[0]!;
  const last = props.days.at(-1)!;
  const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
  const start = dayNumber(first.localDate);
  const span = Math.max(1, dayNumber(last.localDate) - start);
  const xOfDay = (n: number) => PLOT.left + ((n - start) / span) * (WIDTH - PLOT.left - PLOT.right);
  const y = (v: number) => HEIGHT - PLOT.bottom - (v / 10) * (HEIGHT - PLOT.top - PLOT.bottom);
  const points = props.days.map((d) => `${xOfDay(dayNumber(d.localDate)).toFixed(1)},${y(d.meanIntensity).toFixed(1)}`).join(' ');
  const mean = props.days.reduce((n, d) => n + d.meanIntensity, 0) / props.days.length;
  const mild = painBandRange('mild');
  // The dates under the axis: first and last, and the middle one when there is room between them.
  const middle = start + Math.round(span / 2);
  const dateTicks = [
    { day: start, anchor: 'start' },
    ...(span >= 4 ? [{ day: middle, anchor: 'middle' }] : []),
    ...(dayNumber(last.localDate) !== start ? [{ day: start + span, anchor: 'end' }] : []),
  ];
  const dateOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
  const summary = t('trend.summary', {
    mean: mean.toFixed(1),
    first: first.meanIntensity.toFixed(1),
    firstDate: formatLocalDate(first.localDate, 'date'),
    last: last.meanIntensity.toFixed(1),
    lastDate: formatLocalDate(last.localDate, 'date'),
  });
  return (
    <figure class="trend-figure">
      <svg class="trend" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary}>
        <rect
          class="band"
          x={PLOT.left}
          y={y(mild.meanUpper.value)}
          width={WIDTH - PLOT.left - PLOT.right}
          height={y(mild.meanLower.value) - y(mild.meanUpper.value)}
        />
        <text class="band-label" x={WIDTH - PLOT.right - 2} y={y(mild.meanLower.value) - 4} text-anchor="end">
          {painBandLabel('mild')}
        </text>
        {Y_TICKS.map((v) => (
          <g key={`y-${v}`}>
            <line class={v === 0 ? 'axis' : 'grid'} x1={PLOT.left} x2={WIDTH - PLOT.right} y1={y(v)} y2={y(v)} />
            <text class="tick" x={PLOT.left - 4} y={y(v) + 3} text-anchor="end">
              {v}
            </text>
          </g>
        ))}
        <line class="axis" x1={PLOT.left} x2={PLOT.left} y1={y(0)} y2={y(10)} />
        {dateTicks.map((d) => (
          <text key={`x-${d.day}`} class="tick" x={xOfDay(d.day)} y={HEIGHT - 6} text-anchor={d.anchor}>
            {formatLocalDate(dateOf(d.day), 'monthDay')}
          </text>
        ))}
        <polyline class="line" points={points} />
      </svg>
      <figcaption class="hint">
        {t('trend.axis')}. {summary}
      </figcaption>
    </figure>
  );
}

/** A word-sized line of daily mean pain, for lists; its numbers are in the accessible name. */
export function Sparkline(props: { days: readonly DaySummaryView[]; label: string }) {
  if (props.days.length < 2) return null;
  const width = 80;
  const height = 20;
  const n = props.days.length;
  const points = props.days
    .map((d, i) => `${((i / (n - 1)) * width).toFixed(1)},${(height - (d.meanIntensity / 10) * height).toFixed(1)}`)
    .join(' ');
  const last = props.days.at(-1)!;
  return (
    <svg
      class="sparkline"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-label={t('trend.sparkline', { label: props.label, last: last.meanIntensity.toFixed(1), date: last.localDate })}
    >
      <polyline class="line" points={points} />
    </svg>
  );
}
