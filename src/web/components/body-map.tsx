// The body map: an SVG figure, front or back, in which every region is a named, focusable toggle
// (role="checkbox", Space or Enter toggles), so it works by touch, mouse, keyboard and screen reader.
// The figure is one Tab stop: the arrow keys move to the nearest region in their direction (about
// 80 regions were 80 Tab presses between the rating and Save).
// Zoom shows only the hands, the feet or the spine, each side enlarged, so small regions become large
// targets for shaking hands and low vision.
import { useEffect, useState } from 'preact/hooks';
import { FIGURE_SIZE, regionsInView, type BodyView } from '../../domain/diary/body-map.ts';
import { t, type MessageKey } from '../i18n/index.ts';

type Zoom = 'whole' | 'hands' | 'feet' | 'spine';

/** Region code stems each zoom shows. */
const ZOOM_STEMS: Record<Exclude<Zoom, 'whole'>, readonly string[]> = {
  hands: ['wrist', 'hand'],
  feet: ['ankle', 'foot'],
  spine: ['neck-back', 'cervical-spine', 'thoracic-spine', 'lumbar-spine', 'sacrum'],
};

const ZOOM_LABEL: Record<Zoom, MessageKey> = {
  whole: 'bodyMap.whole',
  hands: 'bodyMap.hands',
  feet: 'bodyMap.feet',
  spine: 'bodyMap.spine',
};

interface Placed {
  code: string;
  label: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Lays out the view's regions for a zoom: each side's cluster moved next to the other, with a gap. */
function layout(view: BodyView, zoom: Zoom): { placed: Placed[]; width: number; height: number } {
  const all = regionsInView(view);
  if (zoom === 'whole') {
    return {
      placed: all.map(({ region, box }) => ({ code: region.code, label: region.label, x: box.x, y: box.y, w: box.w, h: box.h })),
      ...FIGURE_SIZE,
    };
  }
  const stems = ZOOM_STEMS[zoom];
  const chosen = all.filter(({ region }) => stems.some((s) => region.code === s || region.code.startsWith(`${s}-`)));
  // Clusters in viewer order: left half of the figure, midline, right half.
  const mid = FIGURE_SIZE.width / 2;
  const clusters = [
    chosen.filter(({ box }) => box.x + box.w <= mid),
    chosen.filter(({ box }) => box.x < mid && box.x + box.w > mid),
    chosen.filter(({ box }) => box.x >= mid),
  ].filter((c) => c.length > 0);
  const gap = 6;
  const placed: Placed[] = [];
  let offset = 0;
  let height = 0;
  for (const cluster of clusters) {
    const minX = Math.min(...cluster.map(({ box }) => box.x));
    const maxX = Math.max(...cluster.map(({ box }) => box.x + box.w));
    const minY = Math.min(...cluster.map(({ box }) => box.y));
    const maxY = Math.max(...cluster.map(({ box }) => box.y + box.h));
    for (const { region, box } of cluster)
      placed.push({ code: region.code, label: region.label, x: offset + box.x - minX, y: box.y - minY, w: box.w, h: box.h });
    offset += maxX - minX + gap;
    height = Math.max(height, maxY - minY);
  }
  return { placed, width: Math.max(1, offset - gap), height: Math.max(1, height) };
}

/** The region nearest to `from` in an arrow key's direction (its centre that way, sideways distance counting double). */
export function nearestInDirection(
  placed: readonly Placed[],
  from: Placed,
  key: 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight',
): Placed | undefined {
  const cx = (r: Placed) => r.x + r.w / 2;
  const cy = (r: Placed) => r.y + r.h / 2;
  let best: Placed | undefined;
  let bestScore = Infinity;
  for (const r of placed) {
    if (r.code === from.code) continue;
    const dx = cx(r) - cx(from);
    const dy = cy(r) - cy(from);
    const [along, across] = key === 'ArrowRight' ? [dx, dy] : key === 'ArrowLeft' ? [-dx, dy] : key === 'ArrowDown' ? [dy, dx] : [-dy, dx];
    if (along <= 0) continue;
    const score = along + 2 * Math.abs(across);
    if (score < bestScore) {
      bestScore = score;
      best = r;
    }
  }
  return best;
}

export function BodyMap(props: { selected: readonly string[]; onToggle: (code: string) => void }) {
  const [view, setView] = useState<BodyView>('front');
  const [zoom, setZoom] = useState<Zoom>('whole');
  // The spine is drawn on the back only.
  const shownView: BodyView = zoom === 'spine' ? 'back' : view;
  const { placed, width, height } = layout(shownView, zoom);
  const pad = zoom === 'whole' ? 0 : 2;
  // The one region in the Tab order (roving tab stop); the arrow keys move it.
  const [active, setActive] = useState<string | null>(null);
  const current = placed.find((r) => r.code === active) ?? placed[0];
  const [moved, setMoved] = useState(0);
  useEffect(() => {
    if (moved > 0 && current) document.getElementById(`region-${current.code}`)?.focus();
  }, [moved]);
  // The region under the pointer, else the one with focus, is named under the figure: the shapes alone
  // do not say which is "Wrist, left" and which "Hand, left". (Screen readers hear each region's name.)
  const [pointed, setPointed] = useState<string | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const named = placed.find((r) => r.code === (pointed ?? focused));
  return (
    <div class="body-map">
      {/* Two separate choices, each under its own visible name: which side, and how much of the body. */}
      <div class="body-map-controls">
        <div class="control-group">
          <span class="control-label" id="body-map-view">
            {t('checkIn.view')}
          </span>
          <div class="segmented" role="radiogroup" aria-labelledby="body-map-view">
            {(['front', 'back'] as const).map((v) => (
              <button
                key={v}
                type="button"
                role="radio"
                aria-checked={shownView === v}
                disabled={zoom === 'spine' && v === 'front'}
                class={shownView === v ? 'button' : 'button secondary'}
                onClick={() => setView(v)}
              >
                {t(v === 'front' ? 'checkIn.front' : 'checkIn.back')}
              </button>
            ))}
          </div>
        </div>
        <div class="control-group">
          <span class="control-label" id="body-map-zoom">
            {t('bodyMap.zoom')}
          </span>
          <div class="segmented" role="radiogroup" aria-labelledby="body-map-zoom">
            {(['whole', 'hands', 'feet', 'spine'] as const).map((z) => (
              <button
                key={z}
                type="button"
                role="radio"
                aria-checked={zoom === z}
                class={zoom === z ? 'button' : 'button secondary'}
                onClick={() => setZoom(z)}
              >
                {t(ZOOM_LABEL[z])}
              </button>
            ))}
          </div>
        </div>
      </div>
      <p id="body-map-keys" class="hint">
        {t('bodyMap.keys')}
      </p>
      <svg
        viewBox={`${-pad} ${-pad} ${width + 2 * pad} ${height + 2 * pad}`}
        class={zoom === 'whole' ? 'figure' : 'figure zoomed'}
        role="group"
        aria-label={t('checkIn.regionMap', {
          view: `${t(shownView === 'front' ? 'checkIn.front' : 'checkIn.back')}${zoom === 'whole' ? '' : ` — ${t(ZOOM_LABEL[zoom])}`}`,
        })}
        aria-describedby="body-map-keys"
      >
        {placed.map((r) => {
          const on = props.selected.includes(r.code);
          const toggle = () => props.onToggle(r.code);
          return (
            <rect
              key={r.code}
              id={`region-${r.code}`}
              x={r.x}
              y={r.y}
              width={r.w}
              height={r.h}
              rx={zoom === 'whole' ? 4 : 2}
              class={on ? 'region on' : 'region'}
              role="checkbox"
              aria-checked={on}
              aria-label={r.label}
              tabindex={r.code === current?.code ? 0 : -1}
              onClick={() => {
                setActive(r.code);
                toggle();
              }}
              onFocus={() => {
                setActive(r.code);
                setFocused(r.code);
              }}
              onBlur={() => setFocused((f) => (f === r.code ? null : f))}
              onMouseEnter={() => setPointed(r.code)}
              onMouseLeave={() => setPointed((p) => (p === r.code ? null : p))}
              onKeyDown={(e) => {
                if (e.key === ' ' || e.key === 'Enter') {
                  e.preventDefault();
                  toggle();
                  return;
                }
                if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown' && e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
                e.preventDefault();
                const next = nearestInDirection(placed, r, e.key);
                if (next) {
                  setActive(next.code);
                  setMoved((n) => n + 1);
                }
              }}
            >
              <title>{r.label}</title>
            </rect>
          );
        })}
      </svg>
      <p class="body-map-caption" aria-hidden="true">
        {named ? (props.selected.includes(named.code) ? t('bodyMap.named.selected', { region: named.label }) : named.label) : '\u00a0'}
      </p>
    </div>
  );
}
