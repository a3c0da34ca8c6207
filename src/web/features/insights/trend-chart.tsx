// One measure's daily values as an SVG chart: the line breaks where a day has no value (a gap, never a
// zero), each day with a value is a dot, the baseline mean is a dashed line, and the band of values
// that would be a clinically important improvement on the baseline is shaded and hatched with its edge
// labelled in words, so it reads without colour. The figure's caption says all of it in text.
import { formatLocalDate, t } from '../../i18n/index.ts';
import type { TrendView } from './insights-api.ts';

const WIDTH = 320;
const HEIGHT = 170;
const PLOT = { left: 30, right: 8, top: 8, bottom: 20 };

export const oneDecimal = (n: number) => new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(n);

/** Nice tick values from min to max: about five of them. */
function ticks(min: number, max: number): number[] {
  const raw = (max - min) / 5;
  const step = [1, 2, 5, 10, 20, 30, 60, 120].find((s) => s >= raw) ?? Math.ceil(raw);
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + 1e-9; v += step) out.push(v);
  return out;
}

export function TrendChart(props: { trend: TrendView; label: string }) {
  const { trend, label } = props;
  const values = trend.days.flatMap((d) => (d.value === null ? [] : [d.value]));
  const yMin = Math.min(trend.scale.min, ...values);
  const yMax = Math.max(trend.scale.max, ...values);
  const n = trend.days.length;
  const x = (i: number) => PLOT.left + (n <= 1 ? 0.5 : i / (n - 1)) * (WIDTH - PLOT.left - PLOT.right);
  const y = (v: number) => HEIGHT - PLOT.bottom - ((v - yMin) / (yMax - yMin || 1)) * (HEIGHT - PLOT.top - PLOT.bottom);
  // Runs of consecutive days with a value: one polyline each, so a missing day breaks the line.
  const runs: string[][] = [];
  let run: string[] = [];
  trend.days.forEach((d, i) => {
    if (d.value === null) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push(`${x(i).toFixed(1)},${y(d.value).toFixed(1)}`);
  });
  if (run.length) runs.push(run);
  const band = trend.band;
  const baseline = trend.baseline?.mean ?? null;
  const bandTop = band ? y(Math.min(band.to, yMax)) : 0;
  const bandBottom = band ? y(Math.max(band.from, yMin)) : 0;
  const first = trend.days[0]!;
  const last = trend.days.at(-1)!;
  const dateTicks = n > 1 ? [0, Math.floor((n - 1) / 2), n - 1] : [0];
  const summary = t('insights.chart.label', {
    label,
    from: formatLocalDate(first.date, 'date'),
    to: formatLocalDate(last.date, 'date'),
    days: values.length,
    total: n,
  });
  return (
    <figure class="trend-figure insight-chart">
      <svg class="trend" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} data-testid="trend-chart">
        <defs>
          <pattern id="band-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <line class="hatch" x1="0" y1="0" x2="0" y2="6" />
          </pattern>
        </defs>
        {band && bandBottom > bandTop && (
          <g data-testid="important-band">
            <rect class="band" x={PLOT.left} y={bandTop} width={WIDTH - PLOT.left - PLOT.right} height={bandBottom - bandTop} />
            <rect x={PLOT.left} y={bandTop} width={WIDTH - PLOT.left - PLOT.right} height={bandBottom - bandTop} fill="url(#band-hatch)" />
            <line class="band-edge" x1={PLOT.left} x2={WIDTH - PLOT.right} y1={y(band.threshold)} y2={y(band.threshold)} />
          </g>
        )}
        {ticks(yMin, yMax).map((v) => (
          <g key={`y-${v}`}>
            <line class={v === yMin ? 'axis' : 'grid'} x1={PLOT.left} x2={WIDTH - PLOT.right} y1={y(v)} y2={y(v)} />
            <text class="tick" x={PLOT.left - 4} y={y(v) + 3} text-anchor="end">
              {v}
            </text>
          </g>
        ))}
        <line class="axis" x1={PLOT.left} x2={PLOT.left} y1={y(yMin)} y2={y(yMax)} />
        {dateTicks.map((i, k) => (
          <text
            key={`x-${i}`}
            class="tick"
            x={x(i)}
            y={HEIGHT - 6}
            text-anchor={k === 0 ? 'start' : k === dateTicks.length - 1 ? 'end' : 'middle'}
          >
            {formatLocalDate(trend.days[i]!.date, n > 400 ? 'date' : 'monthDay')}
          </text>
        ))}
        {baseline !== null && (
          <g>
            <line class="baseline" x1={PLOT.left} x2={WIDTH - PLOT.right} y1={y(baseline)} y2={y(baseline)} />
            <text class="band-label" x={WIDTH - PLOT.right - 2} y={y(baseline) - 3} text-anchor="end">
              {t('insights.chart.baseline', { value: oneDecimal(baseline) })}
            </text>
          </g>
        )}
        {runs.map((r) => (r.length > 1 ? <polyline key={r[0]} class="line" points={r.join(' ')} /> : null))}
        {trend.days.map((d, i) =>
          d.value === null ? null : <circle key={d.date} class="dot" cx={x(i)} cy={y(d.value)} r={n > 120 ? 1 : 1.8} />,
        )}
      </svg>
      <figcaption class="hint">
        {t('insights.chart.axis', { label, unit: trend.unit })} {summary}{' '}
        {band ? (
          <span data-testid="band-caption">{t('insights.chart.band', { edge: oneDecimal(band.threshold) })}.</span>
        ) : (
          <span data-testid="band-caption">
            {t('insights.chart.noBand', {
              reason: !trend.thresholdPublished
                ? t('insights.compare.noThreshold')
                : baseline === null
                  ? t('insights.compare.noBaseline')
                  : t('insights.chart.bandOffScale'),
            })}
          </span>
        )}
      </figcaption>
    </figure>
  );
}
