// The check-in's plainer parts: "same as last time", possible triggers, hours slept and notes.
import { TRIGGERS } from '../../../domain/diary/entry.ts';
import { t, type MessageKey } from '../../i18n/index.ts';
import { useAbout } from '../../session.ts';

export function TriggerChips(props: { triggers: string[]; onTriggers: (update: (list: string[]) => string[]) => void }) {
  const { triggers } = props;
  const setTriggers = props.onTriggers;
  return (
    <fieldset>
      <legend class="legend">{t('checkIn.triggers')}</legend>
      <div class="chips">
        {TRIGGERS.map((id) => (
          <label class="chip" key={id}>
            <input
              type="checkbox"
              checked={triggers.includes(id)}
              onChange={() => setTriggers((list) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]))}
            />
            {t(`trigger.${id}` as MessageKey)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** `error`: a refused entry's reason beside the field. */
export function SleepHoursField(props: { value: string; onInput: (value: string) => void; error: string | undefined }) {
  const about = useAbout();
  const sleepHours = props.value;
  const setSleepHours = props.onInput;
  return (
    <div class="field">
      <label for="sleep-hours">{about('checkIn.sleep')}</label>
      <input
        id="sleep-hours"
        name="sleepHours"
        type="number"
        min={0}
        max={24}
        step={0.25}
        inputMode="decimal"
        value={sleepHours}
        onInput={(e) => setSleepHours((e.currentTarget as HTMLInputElement).value)}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? 'sleep-hours-error' : undefined}
      />
      {props.error && (
        <span id="sleep-hours-error" class="error">
          {props.error}
        </span>
      )}
    </div>
  );
}

export function NotesField(props: { value: string; onInput: (value: string) => void }) {
  const notes = props.value;
  const setNotes = props.onInput;
  return (
    <div class="field">
      <label for="notes">{t('checkIn.notes')}</label>
      <textarea
        id="notes"
        name="notes"
        maxLength={10000}
        value={notes}
        onInput={(e) => setNotes((e.currentTarget as HTMLTextAreaElement).value)}
      />
    </div>
  );
}

/** Fills the form from the last check-in, and says so once it has. */
export function SameAsLast(props: { offered: boolean; filled: boolean; onFill: () => void }) {
  const about = useAbout();
  return (
    <>
      {props.offered && (
        <p>
          <button type="button" class="button secondary" onClick={props.onFill}>
            {t('checkIn.sameAsLast')}
          </button>
        </p>
      )}
      {props.filled && (
        <p class="notice" role="status">
          {about('checkIn.sameAsLastDone')}
        </p>
      )}
    </>
  );
}
