import { useRef } from 'preact/hooks';

let chipGroupCounter = 0;
/**
 * Checkboxes shown as chips under a legend; an error is read with the group (described by) and marks
 * the chips invalid, so a form's error summary lists it once, linked to the first chip.
 */
export function ChipGroup<T extends string>(props: {
  legend: string;
  values: readonly T[];
  labelOf: (value: T) => string;
  selected: readonly T[];
  onToggle: (value: T) => void;
  error?: string | undefined;
}) {
  const id = useRef(`chips-${++chipGroupCounter}`).current;
  return (
    <fieldset aria-describedby={props.error ? `${id}-error` : undefined}>
      <legend class="legend">{props.legend}</legend>
      <div class="chips">
        {props.values.map((value, i) => (
          <label class="chip" key={value}>
            <input
              type="checkbox"
              id={`${id}-${i}`}
              checked={props.selected.includes(value)}
              aria-invalid={props.error ? 'true' : undefined}
              onChange={() => props.onToggle(value)}
            />
            {props.labelOf(value)}
          </label>
        ))}
      </div>
      {props.error && (
        <span id={`${id}-error`} class="error">
          {props.error}
        </span>
      )}
    </fieldset>
  );
}
