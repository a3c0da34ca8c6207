import { useRef } from 'preact/hooks';
import { t } from '../i18n/index.ts';
import { nextFieldNumber } from './field-ids.ts';

/**
 * An accessible 0–10 radio group showing each value's word descriptor (DVPRS), keyboard-operable by
 * arrows; an optional hint and error are tied to the group (described by) and the error marks it invalid.
 */
export function RatingControl(props: {
  name: string;
  value: number | null;
  onChange: (value: number) => void;
  descriptors: readonly string[];
  legend?: string;
  hint?: string | undefined;
  error?: string | undefined;
}) {
  const id = useRef(`r-${props.name}-${nextFieldNumber()}`).current;
  const describedBy = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset aria-describedby={describedBy}>
      <legend class="legend">{props.legend ?? t('rating.legend')}</legend>
      {props.hint && (
        <p id={`${id}-hint`} class="hint">
          {props.hint}
        </p>
      )}
      <div class="rating">
        {props.descriptors.map((text, value) => (
          <label key={value} title={text}>
            <input
              type="radio"
              id={`${id}-${value}`}
              name={props.name}
              value={value}
              checked={props.value === value}
              onChange={() => props.onChange(value)}
              aria-label={`${value} — ${text}`}
              aria-invalid={props.error ? 'true' : undefined}
            />
            <span aria-hidden="true">{value}</span>
          </label>
        ))}
      </div>
      {props.value !== null && (
        <p class="hint" aria-live="polite">
          {props.value}: {props.descriptors[props.value]}
        </p>
      )}
      {props.error && (
        <p id={`${id}-error`} class="error">
          {props.error}
        </p>
      )}
    </fieldset>
  );
}
