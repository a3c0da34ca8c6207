// Labelled form controls. Every control has a visible label; hints and errors are tied to their field.
import { useRef } from 'preact/hooks';
import { t } from '../i18n/index.ts';
import { nextFieldNumber } from './field-ids.ts';

export function Field(props: {
  label: string;
  name: string;
  type?: 'text' | 'email' | 'password' | 'date' | 'time' | 'datetime-local' | 'number';
  value: string;
  onInput: (value: string) => void;
  error?: string | undefined;
  hint?: string;
  autoComplete?: string;
  required?: boolean;
  inputMode?: 'text' | 'numeric' | 'decimal' | 'email';
}) {
  const id = useRef(`f-${props.name}-${nextFieldNumber()}`).current;
  const describedBy = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.hint && (
        <span id={`${id}-hint`} class="hint">
          {props.hint}
        </span>
      )}
      {/* Preact's input types are a union per `type`; the props here are valid for every type we allow. */}
      <input
        {...({
          id,
          name: props.name,
          type: props.type ?? 'text',
          value: props.value,
          required: props.required,
          autoComplete: props.autoComplete,
          inputMode: props.inputMode,
          'aria-invalid': props.error ? 'true' : undefined,
          'aria-describedby': describedBy,
          onInput: (e: Event) => props.onInput((e.currentTarget as HTMLInputElement).value),
        } as Record<string, unknown>)}
      />
      {props.error && (
        <span id={`${id}-error`} class="error">
          {props.error}
        </span>
      )}
    </div>
  );
}

/**
 * The person's own password, typed to prove it is them: labelled "Password" unless told otherwise,
 * and marked for password managers to fill in.
 */
export function PasswordField(props: {
  name: string;
  value: string;
  onInput: (value: string) => void;
  error?: string | undefined;
  label?: string;
  required?: boolean;
}) {
  return <Field label={props.label ?? t('field.password')} type="password" autoComplete="current-password" {...props} />;
}

export function SelectField<T extends string>(props: {
  label: string;
  name: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  error?: string | undefined;
}) {
  const id = useRef(`s-${props.name}-${nextFieldNumber()}`).current;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select
        id={id}
        name={props.name}
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
        onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value as T)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {props.error && (
        <span id={`${id}-error`} class="error">
          {props.error}
        </span>
      )}
    </div>
  );
}

export function Checkbox(props: { label: string; checked: boolean; onChange: (checked: boolean) => void; hint?: string }) {
  const id = useRef(`c-${nextFieldNumber()}`).current;
  return (
    <div>
      <div class="check">
        <input
          id={id}
          type="checkbox"
          checked={props.checked}
          aria-describedby={props.hint ? `${id}-hint` : undefined}
          onChange={(e) => props.onChange((e.currentTarget as HTMLInputElement).checked)}
        />
        <label for={id}>{props.label}</label>
      </div>
      {props.hint && (
        <p id={`${id}-hint`} class="hint">
          {props.hint}
        </p>
      )}
    </div>
  );
}

/** A local date and time picker: the values are wall-clock date/time in `timeZone`, shown as such. */
export function LocalDateTimeField(props: {
  label: string;
  date: string;
  time: string;
  timeZone: string;
  max?: string;
  onChange: (date: string, time: string) => void;
}) {
  const id = useRef(`dt-${nextFieldNumber()}`).current;
  return (
    <fieldset>
      <legend class="legend">{props.label}</legend>
      <p id={`${id}-zone`} class="hint">
        {t('field.inTimeZone', { zone: props.timeZone })}
      </p>
      <div class="row">
        <div class="field">
          <label for={`${id}-date`}>{t('field.date')}</label>
          <input
            id={`${id}-date`}
            type="date"
            value={props.date}
            max={props.max}
            aria-describedby={`${id}-zone`}
            onInput={(e) => props.onChange((e.currentTarget as HTMLInputElement).value, props.time)}
          />
        </div>
        <div class="field">
          <label for={`${id}-time`}>{t('field.time')}</label>
          <input
            id={`${id}-time`}
            type="time"
            value={props.time}
            aria-describedby={`${id}-zone`}
            onInput={(e) => props.onChange(props.date, (e.currentTarget as HTMLInputElement).value)}
          />
        </div>
      </div>
    </fieldset>
  );
}
