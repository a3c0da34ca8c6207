// A time zone chosen from the runtime's IANA zones by typing a city or part of a name, never free
// text: the field is a SuggestInput combobox, text that names no zone is explained beside it once the
// person leaves the field, and a city that names exactly one zone is taken as that zone.
import { useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/index.ts';
import { nextFieldNumber } from './field-ids.ts';
import { SuggestInput, type Suggestion } from './suggest-input.tsx';
import { cityOf, resolveTimeZone, searchTimeZones } from './time-zone-search.ts';

/** The zone's offset from UTC now ("GMT-4"), to tell apart zones of the same name; empty where unknown. */
function offsetNow(zone: string): string {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' }).formatToParts(new Date());
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
  } catch {
    return '';
  }
}

export function TimeZoneField(props: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  /** The server's word on the value, shown in place of the field's own check. */
  error?: string | undefined;
}) {
  const id = useRef(`tz-${props.name}-${nextFieldNumber()}`).current;
  // Explained only after leaving the field: half-typed text is not an error yet.
  const [left, setLeft] = useState(false);
  const suggestions: Suggestion[] = useMemo(
    () =>
      searchTimeZones(props.value).map((zone) => ({
        key: zone,
        label: cityOf(zone),
        detail: [zone, offsetNow(zone)].filter(Boolean).join(' · '),
      })),
    [props.value],
  );
  const unknown = left && resolveTimeZone(props.value) === undefined;
  const error = props.error ?? (unknown ? t('field.timeZoneUnknown', { text: props.value.trim() }) : undefined);
  const describedBy = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <span id={`${id}-hint`} class="hint">
        {props.hint ?? t('field.timeZoneHint')}
      </span>
      <SuggestInput
        id={id}
        name={props.name}
        value={props.value}
        suggestions={suggestions}
        listLabel={t('field.timeZones')}
        describedBy={describedBy}
        invalid={Boolean(error)}
        onBlur={() => {
          setLeft(true);
          const zone = resolveTimeZone(props.value);
          if (zone && zone !== props.value) props.onChange(zone);
        }}
        onInput={(text) => {
          setLeft(false);
          props.onChange(text);
        }}
        onPick={(s) => {
          setLeft(true);
          props.onChange(s.key);
        }}
      />
      {error && (
        <span id={`${id}-error`} class="error">
          {error}
        </span>
      )}
    </div>
  );
}
