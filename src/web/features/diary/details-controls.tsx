// Controls of the check-in's "More details": a labelled choice, and a short list of the person's own words.
import { DIARY_LIMITS } from '../../../domain/diary/entry.ts';
import { t } from '../../i18n/index.ts';

/** A labelled <select> whose error is tied to it (aria-invalid + aria-describedby). */
export function Choice(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
  error?: string | undefined;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
        onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {props.error && (
        <span id={`${props.id}-error`} class="error">
          {props.error}
        </span>
      )}
    </div>
  );
}

export const toNrs = (value: string) => (value === '' ? null : Number(value));

/**
 * A short list of the person's own words (triggers, activities): a text box, Add, and Remove per item.
 * The box's text lives in the form (`text`), so Save adds what was typed but not Added
 * (withPendingText); when the list is full the box says so instead of dropping the text.
 */
export function TextList(props: {
  id: string;
  legend: string;
  inputLabel: string;
  items: readonly string[];
  room: number;
  onChange: (items: string[]) => void;
  text: string;
  onText: (text: string) => void;
  error?: string | undefined;
}) {
  const text = props.text;
  const item = text.trim();
  const duplicate = props.items.some((x) => x.toLowerCase() === item.toLowerCase());
  const error = item !== '' && !duplicate && props.room <= 0 ? t('checkIn.details.listFull') : props.error;
  function add() {
    if (item === '' || props.room <= 0) return;
    if (!duplicate) props.onChange([...props.items, item.slice(0, DIARY_LIMITS.shortText)]);
    props.onText('');
  }
  return (
    <fieldset>
      <legend class="legend">{props.legend}</legend>
      {props.items.length > 0 && (
        <ul class="list">
          {props.items.map((item, i) => (
            <li key={item}>
              <span>{item}</span>
              <button type="button" class="button secondary" onClick={() => props.onChange(props.items.filter((_, j) => j !== i))}>
                {t('checkIn.details.remove', { item })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="row">
        <div class="field">
          <label for={props.id}>{props.inputLabel}</label>
          <input
            id={props.id}
            type="text"
            maxLength={DIARY_LIMITS.shortText}
            value={text}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? `${props.id}-error` : undefined}
            onInput={(e) => props.onText((e.currentTarget as HTMLInputElement).value)}
            // Enter adds the item instead of saving the whole check-in.
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
          {error && (
            <span id={`${props.id}-error`} class="error">
              {error}
            </span>
          )}
        </div>
        <button type="button" class="button secondary" onClick={add}>
          {t('checkIn.details.add')}
        </button>
      </div>
    </fieldset>
  );
}
