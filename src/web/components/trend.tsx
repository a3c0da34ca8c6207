// A 28-day pain trend: an SVG line of daily mean intensity on a 0–10 scale, with its text alternative.
import type { DaySummaryView } from '../api/client.ts';
import { t } from '../i18n/index.ts';

export function Trend(props: { days: readonly DaySummaryView[] }) {
  if (props.days.length === 0) return <p class="empty">{t('trend.empty')}</p>;
  const width = 280;
  const height = 100;
  const first = props.days[0]!;
  const last = props.days.at(-1)!;
  const start = Date.parse(`${first.localDate}T00:00:00Z`);
  const span = Math.max(1, (Date.parse(`${last.localDate}T00:00:00Z`) - start) / 86_400_000);
  const x = (d: DaySummaryView) => 10 + ((Date.parse(`${d.localDate}T00:00:00Z`) - start) / 86_400_000 / span) * (width - 20);
  const y = (v: number) => height - 10 - (v / 10) * (height - 20);
  const points = props.days.map((d) => `${x(d).toFixed(1)},${y(d.meanIntensity).toFixed(1)}`).join(' ');
  const mean = props.days.reduce((n, d) => n + d.meanIntensity, 0) / props.days.length;
  const summary = t('trend.summary', {
    mean: mean.toFixed(1),
    first: first.meanIntensity.toFixed(1),
    firstDate: first.localDate,
    last: last.meanIntensity.toFixed(1),
    lastDate: last.localDate,
  });
  return (
    <figure>
      <svg class="trend" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary}>
        {/* Reference band: the DVPRS "mild" range, 1–4. */}
        <rect class="band" x={10} y={y(4)} width={width - 20} height={y(1) - y(4)} />
        <text class="band-label" x={width - 12} y={y(4) + 10} text-anchor="end">
          {t('trend.mild')}
        </text>
        <line class="axis" x1={10} x2={width - 10} y1={y(0)} y2={y(0)} />
        <polyline class="line" points={points} />
      </svg>
      <figcaption class="hint">{summary}</figcaption>
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
