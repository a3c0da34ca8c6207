// One flare on the timeline: its summary, and It's over now, Edit and Delete for who may write.
import { t } from '../../i18n/index.ts';
import { whenInWords } from './flare-format.ts';
import { FlareSummary } from './flare-summary.tsx';
import type { FlareView } from './flares-api.ts';

export function FlareItem(props: {
  flare: FlareView;
  now: number;
  patientTimeZone: string;
  canWrite: boolean;
  busy: boolean;
  onOverNow: () => void;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const { flare, now, canWrite } = props;
  const when = whenInWords(flare.startedAt, flare.timeZone);
  const about = t('flares.aboutFlare', { when });
  return (
    <li class={flare.ongoing ? 'ongoing' : undefined}>
      <div>
        <h3>
          {t('flares.from', { when })}
          {flare.ongoing && (
            <>
              {' '}
              <span class="badge">{t('flares.goingOn')}</span>
            </>
          )}
        </h3>
        <FlareSummary flare={flare} now={now} patientTimeZone={props.patientTimeZone} />
      </div>
      {canWrite && (
        <span class="row">
          {flare.ongoing && (
            <button type="button" class="button" disabled={props.busy} onClick={props.onOverNow}>
              {t('flares.overNow')}
              <span class="visually-hidden"> — {about}</span>
            </button>
          )}
          <button type="button" class="button secondary" onClick={props.onEdit}>
            {t('flares.edit')}
            <span class="visually-hidden"> {about}</span>
          </button>
          <button type="button" class="button secondary" id={`flare-${flare.id}-delete`} onClick={props.onRemove}>
            {t('flares.delete')}
            <span class="visually-hidden"> {about}</span>
          </button>
        </span>
      )}
    </li>
  );
}
