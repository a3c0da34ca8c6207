// Bars for small counts per day (e.g. check-ins per day), drawn as SVG with a text alternative.
import { t } from '../i18n/index.ts';

export function Bars(props: { label: string; values: readonly { key: string; value: number }[] }) {
  if (props.values.length === 0) return null;
  const width = 280;
  const height = 60;
  const max = Math.max(1, ...props.values.map((v) => v.value));
  const w = width / props.values.length;
  const total = props.values.reduce((n, v) => n + v.value, 0);
  const summary = t('chart.barsSummary', { label: props.label, total, days: props.values.length, max });
  return (
    <figure>
      <svg class="bars" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary}>
        {props.values.map((v, i) => {
          const h = (v.value / max) * (height - 4);
          return <rect key={v.key} class="bar" x={i * w + 1} y={height - h} width={Math.max(1, w - 2)} height={h} />;
        })}
      </svg>
      <figcaption class="hint">{summary}</figcaption>
    </figure>
  );
}
