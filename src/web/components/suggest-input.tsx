// A text field that offers suggestions as it is typed: the WAI-ARIA "combobox with list autocomplete"
// (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/). The caller decides what to suggest; the
// browser's own <datalist> is not used because it filters the options again by the typed text, which
// hides a suggestion that differs from it by a slip. Keys: Down/Up move through the list (opening it),
// Enter picks the highlighted suggestion, Escape closes the list; the pointer picks with a click.
// Focus never leaves the field while the list is open.
import { useState } from 'preact/hooks';
import './suggest-input.css';

export interface Suggestion {
  readonly key: string;
  readonly label: string;
  /** A second line in smaller type (brand names, say); part of the option's accessible name. */
  readonly detail?: string;
}

export function SuggestInput(props: {
  id: string;
  name: string;
  value: string;
  suggestions: readonly Suggestion[];
  /** Accessible name of the list of suggestions. */
  listLabel: string;
  onInput: (text: string) => void;
  onPick: (suggestion: Suggestion) => void;
  describedBy?: string;
  invalid?: boolean;
  /** Focus left the field (a pick by pointer keeps it there). */
  onBlur?: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = `${props.id}-suggestions`;
  const shown = open && props.suggestions.length > 0;
  const highlighted = shown && active >= 0 && active < props.suggestions.length ? active : -1;
  const optionId = (i: number) => `${listId}-${i}`;

  const pick = (s: Suggestion) => {
    setOpen(false);
    setActive(-1);
    props.onPick(s);
  };
  const move = (by: 1 | -1) => {
    const n = props.suggestions.length;
    if (n === 0) return;
    setOpen(true);
    setActive((i) => (!shown || i < 0 ? (by === 1 ? 0 : n - 1) : (i + by + n) % n));
  };

  return (
    <div class="suggest">
      <input
        id={props.id}
        name={props.name}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={shown ? 'true' : 'false'}
        aria-controls={listId}
        aria-activedescendant={highlighted >= 0 ? optionId(highlighted) : undefined}
        aria-describedby={props.describedBy}
        aria-invalid={props.invalid ? 'true' : undefined}
        value={props.value}
        onInput={(e) => {
          setOpen(true);
          setActive(-1);
          props.onInput((e.currentTarget as HTMLInputElement).value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            move(1);
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            move(-1);
          } else if (e.key === 'Enter' && highlighted >= 0) {
            // Picking, not submitting the form around the field.
            e.preventDefault();
            pick(props.suggestions[highlighted]!);
          } else if (e.key === 'Escape' && shown) {
            // Closing the list only: a dialog around the field stays open.
            e.preventDefault();
            e.stopPropagation();
            setOpen(false);
            setActive(-1);
          }
        }}
        onBlur={() => {
          setOpen(false);
          setActive(-1);
          props.onBlur?.();
        }}
      />
      <div id={listId} role="listbox" aria-label={props.listLabel} class="suggest-list" hidden={!shown}>
        {shown &&
          props.suggestions.map((s, i) => (
            // The field keeps focus and its keys move through the options (aria-activedescendant), so an
            // option takes neither focus nor keys of its own.
            // biome-ignore lint/a11y/useFocusableInteractive: see above
            // biome-ignore lint/a11y/useKeyWithClickEvents: see above
            <div
              key={s.key}
              id={optionId(i)}
              role="option"
              aria-selected={i === highlighted ? 'true' : 'false'}
              class={i === highlighted ? 'suggest-option active' : 'suggest-option'}
              // Keeps focus in the field, so the click lands before the field's blur closes the list.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(s)}
            >
              <span>{s.label}</span>
              {s.detail && <span class="hint">{s.detail}</span>}
            </div>
          ))}
      </div>
    </div>
  );
}
