// When the pain was: now, or earlier at a date and time in the patient's time zone.
import { LocalDateTimeField } from '../../components/ui.tsx';
import { t } from '../../i18n/index.ts';

export function CheckInWhen(props: {
  earlier: boolean;
  onEarlier: (earlier: boolean) => void;
  when: { date: string; time: string };
  onWhen: (when: { date: string; time: string }) => void;
  max: string;
  timeZone: string;
}) {
  const { earlier, when } = props;
  return (
    <fieldset>
      <legend class="legend">{t('checkIn.when')}</legend>
      <div class="segmented" role="radiogroup" aria-label={t('checkIn.when')}>
        {[false, true].map((e) => (
          <button
            key={String(e)}
            type="button"
            role="radio"
            aria-checked={earlier === e}
            class={earlier === e ? 'button' : 'button secondary'}
            onClick={() => props.onEarlier(e)}
          >
            {t(e ? 'checkIn.earlier' : 'checkIn.now')}
          </button>
        ))}
      </div>
      {earlier && (
        <LocalDateTimeField
          label={t('checkIn.whenEarlier')}
          date={when.date}
          time={when.time}
          max={props.max}
          timeZone={props.timeZone}
          onChange={(date, time) => props.onWhen({ date, time })}
        />
      )}
    </fieldset>
  );
}
