// The body map: an SVG figure, front or back, in which every region is a named, focusable toggle
// (role="checkbox", Space or Enter toggles), so it works by touch, mouse, keyboard and screen reader.
import { useState } from 'preact/hooks';
import { FIGURE_SIZE, regionsInView, type BodyView } from '../../domain/diary/body-map.ts';
import { t } from '../i18n/index.ts';

export function BodyMap(props: { selected: readonly string[]; onToggle: (code: string) => void }) {
  const [view, setView] = useState<BodyView>('front');
  const regions = regionsInView(view);
  return (
    <div class="body-map">
      <div class="segmented" role="radiogroup" aria-label={t('checkIn.view')}>
        {(['front', 'back'] as const).map((v) => (
          <button key={v} type="button" role="radio" aria-checked={view === v} class={view === v ? 'button' : 'button secondary'} onClick={() => setView(v)}>
            {t(v === 'front' ? 'checkIn.front' : 'checkIn.back')}
          </button>
        ))}
      </div>
      <svg viewBox={`0 0 ${FIGURE_SIZE.width} ${FIGURE_SIZE.height}`} class="figure" role="group" aria-label={t('checkIn.regionMap', { view: t(view === 'front' ? 'checkIn.front' : 'checkIn.back') })}>
        {regions.map(({ region, box }) => {
          const on = props.selected.includes(region.code);
          const toggle = () => props.onToggle(region.code);
          return (
            <rect
              key={region.code} x={box.x} y={box.y} width={box.w} height={box.h} rx={4}
              class={on ? 'region on' : 'region'} role="checkbox" aria-checked={on} aria-label={region.label} tabIndex={0}
              onClick={toggle}
              onKeyDown={(e) => { if (e.key === ' ' || e.key === 'Enter') { e.preventDefault(); toggle(); } }}
            >
              <title>{region.label}</title>
            </rect>
          );
        })}
      </svg>
    </div>
  );
}
