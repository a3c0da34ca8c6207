// The check-in's plainer parts: "same as last time", sleep and mood, hours slept and notes.
import { useEffect, useRef } from 'preact/hooks';
import { ScaleChoice } from '../../components/scale-choice.tsx';
import { MOODS, SLEEP_QUALITIES } from '../../../domain/diary/entry.ts';
import { t, type MessageKey } from '../../i18n/index.ts';
import type { CheckInDetails } from './entry-body.ts';
import { useAbout } from '../../session.ts';

const label = (key: string) => t(key as MessageKey);

/** How well the person slept and their mood, each one tap (and one Tab stop) on its own scale. */
export function SleepQualityAndMood(props: {
  details: CheckInDetails;
  onChange: (patch: Partial<CheckInDetails>) => void;
  errorAt: (pointer: string) => string | undefined;
}) {
  const about = useAbout();
  return (
    <>
      <ScaleChoice
        name="sleep-quality"
        legend={about('checkIn.details.sleepQuality')}
        value={props.details.sleepQuality}
        options={SLEEP_QUALITIES.map((q) => ({ value: q, label: label(`sleepQuality.${q}`) }))}
        onChange={(sleepQuality) => props.onChange({ sleepQuality })}
        clearLabel={t('checkIn.clearSleepQuality')}
        error={props.errorAt('/sleep/quality')}
      />
      <ScaleChoice
        name="mood"
        legend={about('checkIn.details.mood')}
        value={props.details.mood}
        options={MOODS.map((m) => ({ value: m, label: label(`mood.${m}`) }))}
        onChange={(mood) => props.onChange({ mood })}
        clearLabel={t('checkIn.clearMood')}
        error={props.errorAt('/mood')}
      />
    </>
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

/**
 * Fills the form from the last check-in; once it has, says so and offers to save it as it is, right
 * there. The button that was pressed is gone then, so focus moves to its successor: a repeat check-in is
 * two taps, or two key presses, however long the form below.
 */
export function SameAsLast(props: { offered: boolean; filled: boolean; onFill: () => void; saving: boolean }) {
  const about = useAbout();
  const saveNow = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (props.filled) saveNow.current?.focus();
  }, [props.filled]);
  if (props.filled)
    return (
      <div class="notice">
        <p role="status">{about('checkIn.sameAsLastDone')}</p>
        <button type="submit" class="button" ref={saveNow} disabled={props.saving}>
          {t('checkIn.saveAsItIs')}
        </button>
      </div>
    );
  if (!props.offered) return null;
  return (
    <p>
      <button type="button" class="button secondary" onClick={props.onFill}>
        {t('checkIn.sameAsLast')}
      </button>
    </p>
  );
}
