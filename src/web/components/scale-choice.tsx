import { useRef } from 'preact/hooks';
import { nextFieldNumber } from './field-ids.ts';

/**
 * A short scale answered with one tap: native radios under a legend, drawn as a row of segments. Being
 * radios, the group is one Tab stop and the arrow keys move within it. `clearLabel` offers a way back to
 * "not answered" once a segment is chosen, since a radio group cannot be emptied by itself. An error is
 * read with the group (described by) and marks its radios invalid, so an error summary can link to it.
 */
export function ScaleChoice<T extends string>(props: {
  name: string;
  legend: string;
  value: T | null;
  options: readonly { value: T; label: string }[];
  onChange: (value: T | null) => void;
  clearLabel: string;
  error?: string | undefined;
}) {
  const id = useRef(`seg-${props.name}-${nextFieldNumber()}`).current;
  return (
    <fieldset aria-describedby={props.error ? `${id}-error` : undefined}>
      <legend class="legend">{props.legend}</legend>
      <div class="rating words">
        {props.options.map((o, i) => (
          <label key={o.value}>
            <input
              type="radio"
              id={`${id}-${i}`}
              name={id}
              value={o.value}
              checked={props.value === o.value}
              onChange={() => props.onChange(o.value)}
              aria-invalid={props.error ? 'true' : undefined}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {props.value !== null && (
        <button type="button" class="button link" onClick={() => props.onChange(null)}>
          {props.clearLabel}
        </button>
      )}
      {props.error && (
        <span id={`${id}-error`} class="error">
          {props.error}
        </span>
      )}
    </fieldset>
  );
}
