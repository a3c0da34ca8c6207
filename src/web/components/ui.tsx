// Small accessible building blocks. Every control has a visible label; errors are tied to their field.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/index.ts';

let fieldCounter = 0;

export function Field(props: {
  label: string; name: string; type?: 'text' | 'email' | 'password' | 'date' | 'time' | 'datetime-local' | 'number'; value: string; onInput: (value: string) => void;
  error?: string | undefined; hint?: string; autoComplete?: string; required?: boolean; inputMode?: 'text' | 'numeric' | 'decimal' | 'email';
}) {
  const id = useRef(`f-${props.name}-${++fieldCounter}`).current;
  const describedBy = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.hint && <span id={`${id}-hint`} class="hint">{props.hint}</span>}
      {/* Preact's input types are a union per `type`; the props here are valid for every type we allow. */}
      <input {...({
        id, name: props.name, type: props.type ?? 'text', value: props.value, required: props.required, autoComplete: props.autoComplete,
        inputMode: props.inputMode, 'aria-invalid': props.error ? 'true' : undefined, 'aria-describedby': describedBy,
        onInput: (e: Event) => props.onInput((e.currentTarget as HTMLInputElement).value),
      } as Record<string, unknown>)} />
      {props.error && <span id={`${id}-error`} class="error">{props.error}</span>}
    </div>
  );
}

export function SelectField<T extends string>(props: { label: string; name: string; value: T; options: readonly { value: T; label: string }[]; onChange: (value: T) => void }) {
  const id = useRef(`s-${props.name}-${++fieldCounter}`).current;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select id={id} name={props.name} value={props.value} onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value as T)}>
        {props.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}

export function Checkbox(props: { label: string; checked: boolean; onChange: (checked: boolean) => void; hint?: string }) {
  const id = useRef(`c-${++fieldCounter}`).current;
  return (
    <div>
      <div class="check">
        <input id={id} type="checkbox" checked={props.checked} aria-describedby={props.hint ? `${id}-hint` : undefined} onChange={(e) => props.onChange((e.currentTarget as HTMLInputElement).checked)} />
        <label for={id}>{props.label}</label>
      </div>
      {props.hint && <p id={`${id}-hint`} class="hint">{props.hint}</p>}
    </div>
  );
}

/** A form-level error, announced to screen readers when it appears. */
export function ErrorMessage(props: { message: string | null | undefined }) {
  return props.message ? <div class="alert" role="alert">{props.message}</div> : null;
}

export function Loading() {
  return <p role="status" aria-live="polite">{t('app.loading')}</p>;
}

export function Empty(props: { children: ComponentChildren }) {
  return <p class="empty">{props.children}</p>;
}

/** A secret shown once, with a copy button. */
export function OneTimeCode(props: { intro: string; code: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div class="notice" role="status">
      <p>{props.intro}</p>
      <p class="code" data-testid="one-time-code">{props.code}</p>
      <button type="button" class="button secondary" onClick={() => { void navigator.clipboard?.writeText(props.code).then(() => setCopied(true)); }}>
        {copied ? t('caregivers.copied') : t('caregivers.copy')}
      </button>
    </div>
  );
}

// ----- toasts with Undo -------------------------------------------------------------------------

interface Toast { id: number; message: string; undo?: (() => void) | undefined }
let toastListener: ((toasts: Toast[]) => void) | null = null;
let toasts: Toast[] = [];
let toastId = 0;

/**
 * How long Undo is offered. A caller that defers a delete sends it after this long, and the toast with
 * the Undo button goes at the same moment, so Undo is never offered for a change already sent.
 */
export const UNDO_WINDOW_MS = 6000;
const TOAST_MS = 8000;

export function showToast(message: string, undo?: () => void): void {
  const toast = { id: ++toastId, message, undo };
  toasts = [...toasts, toast];
  toastListener?.(toasts);
  setTimeout(() => { toasts = toasts.filter((x) => x.id !== toast.id); toastListener?.(toasts); }, undo ? UNDO_WINDOW_MS : TOAST_MS);
}

export function Toasts() {
  const [list, setList] = useState<Toast[]>([]);
  useEffect(() => { toastListener = setList; return () => { toastListener = null; }; }, []);
  return (
    <div class="toasts" role="status" aria-live="polite">
      {list.map((toast) => (
        <div class="toast" key={toast.id}>
          <span>{toast.message}</span>
          {toast.undo && <button type="button" class="button" onClick={() => { toast.undo!(); toasts = toasts.filter((x) => x.id !== toast.id); setList(toasts); }}>{t('common.undo')}</button>}
        </div>
      ))}
    </div>
  );
}

// ----- 0–10 rating ------------------------------------------------------------------------------

/**
 * An accessible 0–10 radio group showing each value's word descriptor (DVPRS), keyboard-operable by
 * arrows; an optional hint and error are tied to the group (described by) and the error marks it invalid.
 */
export function RatingControl(props: {
  name: string; value: number | null; onChange: (value: number) => void; descriptors: readonly string[]; legend?: string;
  hint?: string | undefined; error?: string | undefined;
}) {
  const id = useRef(`r-${props.name}-${++fieldCounter}`).current;
  const describedBy = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset aria-describedby={describedBy}>
      <legend class="legend">{props.legend ?? t('rating.legend')}</legend>
      {props.hint && <p id={`${id}-hint`} class="hint">{props.hint}</p>}
      <div class="rating">
        {props.descriptors.map((text, value) => (
          <label key={value} title={text}>
            <input type="radio" name={props.name} value={value} checked={props.value === value} onChange={() => props.onChange(value)}
              aria-label={`${value} — ${text}`} aria-invalid={props.error ? 'true' : undefined} />
            <span aria-hidden="true">{value}</span>
          </label>
        ))}
      </div>
      {props.value !== null && <p class="hint" aria-live="polite">{props.value}: {props.descriptors[props.value]}</p>}
      {props.error && <p id={`${id}-error`} class="error">{props.error}</p>}
    </fieldset>
  );
}

// ----- dialog -----------------------------------------------------------------------------------

/**
 * A modal dialog on the native <dialog> element: focus moves into it and is trapped there by the
 * browser, Escape closes it, and focus returns to what opened it.
 */
export function Dialog(props: { open: boolean; title: string; onClose: () => void; children: ComponentChildren }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useRef(`d-${++fieldCounter}`).current;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  }, [props.open]);
  return (
    <dialog ref={ref} class="dialog" aria-labelledby={`${id}-title`} onClose={props.onClose} onCancel={props.onClose}>
      <h2 id={`${id}-title`}>{props.title}</h2>
      {props.children}
    </dialog>
  );
}

// ----- date and time in the patient's time zone -------------------------------------------------

/** A local date and time picker: the values are wall-clock date/time in `timeZone`, shown as such. */
export function LocalDateTimeField(props: { label: string; date: string; time: string; timeZone: string; max?: string; onChange: (date: string, time: string) => void }) {
  const id = useRef(`dt-${++fieldCounter}`).current;
  return (
    <fieldset>
      <legend class="legend">{props.label}</legend>
      <p id={`${id}-zone`} class="hint">{t('field.inTimeZone', { zone: props.timeZone })}</p>
      <div class="row">
        <div class="field">
          <label for={`${id}-date`}>{t('field.date')}</label>
          <input id={`${id}-date`} type="date" value={props.date} max={props.max} aria-describedby={`${id}-zone`} onInput={(e) => props.onChange((e.currentTarget as HTMLInputElement).value, props.time)} />
        </div>
        <div class="field">
          <label for={`${id}-time`}>{t('field.time')}</label>
          <input id={`${id}-time`} type="time" value={props.time} aria-describedby={`${id}-zone`} onInput={(e) => props.onChange(props.date, (e.currentTarget as HTMLInputElement).value)} />
        </div>
      </div>
    </fieldset>
  );
}
