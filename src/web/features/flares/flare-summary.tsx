import type { SavedFlare } from './flares-api.ts';
import { t } from '../../i18n/index.ts';
import { DESCRIPTORS, durationInWords, techniqueLabel, triggerLabel, whenInWords } from './flare-format.ts';

/** A flare in words: when, how long, how bad, what may have set it off, what helped. */
export function FlareSummary(props: { flare: SavedFlare; now: number; patientTimeZone: string }) {
  const f = props.flare;
  const start = whenInWords(f.startedAt, f.timeZone);
  const triggers = [...f.suspectedTriggers.map(triggerLabel), ...f.ownTriggers];
  const helped = [...f.helpedTechniques.map(techniqueLabel), ...f.helpedText];
  const soFar = Math.floor((props.now - Date.parse(f.startedAt)) / 60_000);
  return (
    <>
      {f.endedAt === null ? (
        <p>
          <strong>{t('flares.goingOnSince', { when: start, duration: durationInWords(soFar) })}</strong>
        </p>
      ) : (
        <p>
          {t('flares.fromTo', { start, end: whenInWords(f.endedAt, f.timeZone) })}{' '}
          <strong>{t('flares.lasted', { duration: durationInWords((Date.parse(f.endedAt) - Date.parse(f.startedAt)) / 60_000) })}</strong>
        </p>
      )}
      {f.timeZone !== props.patientTimeZone && <p class="hint">{t('flares.inZone', { zone: f.timeZone })}</p>}
      <p>
        {f.peakIntensity === null
          ? t('flares.peakNone')
          : t('flares.peak', { value: f.peakIntensity, descriptor: DESCRIPTORS[f.peakIntensity]! })}
      </p>
      {triggers.length > 0 && <p>{t('flares.triggersLine', { list: triggers.join(', ') })}</p>}
      {helped.length > 0 && <p>{t('flares.helpedLine', { list: helped.join(', ') })}</p>}
      {f.notes && <p class="notes">{t('flares.notesLine', { notes: f.notes })}</p>}
    </>
  );
}
