// A questionnaire's scores over time as a chart, with a table alternative.
import { useMemo, useRef } from 'preact/hooks';
import type { Instrument, StoredResponse } from '../../api/questionnaires.ts';
import { Empty } from '../../components/ui.tsx';
import { formatDate, t } from '../../i18n/index.ts';
import { useAbout } from '../../session.ts';
import { FlagNotes } from './crisis-panels.tsx';
import { axisDates, bandLabel, formatScore, type Audience } from './questionnaire-format.ts';
import { useRenderedSize } from './use-rendered-size.ts';

/**
 * Line chart of scores over time with the MCID marked as a band around the first result, the score
 * range and the first and last dates labelled, and a table alternative.
 */
export function ScoreChart(props: { definition: Instrument; responses: readonly StoredResponse[]; timeZone: string; audience: Audience }) {
  const { definition } = props;
  const about = useAbout();
  const points = useMemo(
    () =>
      props.responses
        .filter((r) => r.score !== null)
        .slice()
        .sort((a, b) => a.completedAt.localeCompare(b.completedAt)),
    [props.responses],
  );
  const frame = useRef<HTMLDivElement>(null);
  const { width, rem } = useRenderedSize(frame, points.length > 0);
  if (points.length === 0) return <Empty>{t('q.noHistory')}</Empty>;
  const fontPx = 0.875 * rem; // .chart-label
  const charWidth = fontPx * 0.6; // an average glyph, enough to keep labels apart
  const { min, max } = definition.scoreRange;
  const left = Math.ceil(charWidth * Math.max(String(min).length, String(max).length)) + 10;
  const right = Math.ceil(fontPx / 2) + 4;
  const top = Math.ceil(fontPx / 2) + 4;
  const bottom = Math.ceil(fontPx * 1.5) + 8;
  const height = Math.round(12.5 * rem);
  const plotWidth = Math.max(1, width - left - right);
  const y = (v: number) => top + (1 - (v - min) / (max - min || 1)) * (height - top - bottom);
  const times = points.map((p) => Date.parse(p.completedAt));
  const first = times[0]!;
  const span = times.at(-1)! - first;
  const x = (i: number) => left + (span > 0 ? ((times[i]! - first) / span) * plotWidth : plotWidth / 2);
  const dates = axisDates(
    { x: x(0), text: formatDate(points[0]!.completedAt, props.timeZone) },
    { x: x(points.length - 1), text: formatDate(points.at(-1)!.completedAt, props.timeZone) },
    charWidth,
  );
  const mcid = definition.change.points;
  const baseline = points[0]!.score!;
  const label = t('q.chart.label', { title: definition.shortTitle });
  return (
    <figure class="chart-figure">
      <div ref={frame}>
        <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} class="chart">
          {mcid !== null && (
            <rect
              x={left}
              width={plotWidth}
              y={y(Math.min(max, baseline + mcid))}
              height={Math.max(0, y(Math.max(min, baseline - mcid)) - y(Math.min(max, baseline + mcid)))}
              class="chart-band"
            />
          )}
          <line x1={left} x2={left + plotWidth} y1={y(min)} y2={y(min)} class="chart-axis" />
          <text x={left - 6} y={y(max)} text-anchor="end" dominant-baseline="middle" class="chart-label">
            {max}
          </text>
          <text x={left - 6} y={y(min)} text-anchor="end" dominant-baseline="middle" class="chart-label">
            {min}
          </text>
          {dates.map((d) => (
            <text key={d.text} x={d.x} y={height - 6} text-anchor={d.anchor} class="chart-label chart-date">
              {d.text}
            </text>
          ))}
          <polyline fill="none" class="chart-line" points={points.map((p, i) => `${x(i)},${y(p.score!)}`).join(' ')} />
          {points.map((p, i) => (
            <circle key={p.id} cx={x(i)} cy={y(p.score!)} r={4} class="chart-point" />
          ))}
        </svg>
      </div>
      {mcid !== null && (
        <figcaption class="hint">
          {props.audience === 'patient' ? about('q.chart.mcid', { points: mcid }) : t('q.chart.mcidClinician', { points: mcid })}
        </figcaption>
      )}
      <table class="table">
        <caption class="visually-hidden">{label}</caption>
        <thead>
          <tr>
            <th scope="col">{t('q.chart.date')}</th>
            <th scope="col">{t('q.chart.score')}</th>
            <th scope="col">{t('q.chart.band')}</th>
          </tr>
        </thead>
        <tbody>
          {points
            .slice()
            .reverse()
            .map((p) => (
              <tr key={p.id}>
                <td>{formatDate(p.completedAt, props.timeZone)}</td>
                <td>{formatScore(p.score!)}</td>
                <td>
                  {bandLabel(definition, p.band) ?? '—'}
                  <FlagNotes flags={p.flags} audience={props.audience} />
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </figure>
  );
}
