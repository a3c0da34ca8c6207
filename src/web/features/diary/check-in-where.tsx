// Where the pain is, on the body map, and how each chosen region feels.
import { BodyMap } from '../../components/body-map.tsx';
import { findBodyRegion } from '../../../domain/diary/body-map.ts';
import { PAIN_QUALITIES } from '../../../domain/diary/entry.ts';
import { t, type MessageKey } from '../../i18n/index.ts';
import type { RegionDraft } from './check-in-draft.ts';
import { useAbout } from '../../session.ts';

export function CheckInWhere(props: { regions: RegionDraft[]; onRegions: (update: (list: RegionDraft[]) => RegionDraft[]) => void }) {
  const about = useAbout();
  const { regions } = props;
  const setRegions = props.onRegions;
  function toggleRegion(code: string) {
    setRegions((list) =>
      list.some((r) => r.code === code) ? list.filter((r) => r.code !== code) : [...list, { code, intensity: null, qualities: [] }],
    );
  }
  function toggleQuality(code: string, quality: string) {
    setRegions((list) =>
      list.map((r) =>
        r.code !== code
          ? r
          : { ...r, qualities: r.qualities.includes(quality) ? r.qualities.filter((q) => q !== quality) : [...r.qualities, quality] },
      ),
    );
  }
  return (
    <>
      <fieldset>
        <legend class="legend">{about('checkIn.where')}</legend>
        <BodyMap selected={regions.map((r) => r.code)} onToggle={toggleRegion} />
        <p class="hint" aria-live="polite">
          {regions.length === 0
            ? t('checkIn.noneSelected')
            : t('checkIn.selected', { list: regions.map((r) => findBodyRegion(r.code)?.label ?? r.code).join(', ') })}
        </p>
      </fieldset>
      {regions.map((r) => (
        <fieldset key={r.code}>
          <legend class="legend">{t('checkIn.feels', { region: findBodyRegion(r.code)?.label ?? r.code })}</legend>
          <div class="chips">
            {PAIN_QUALITIES.map((q) => (
              <label class="chip" key={q}>
                <input type="checkbox" checked={r.qualities.includes(q)} onChange={() => toggleQuality(r.code, q)} />
                {t(`quality.${q}` as MessageKey)}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
    </>
  );
}
