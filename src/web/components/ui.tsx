// Small accessible building blocks. Every control has a visible label; errors are tied to their field.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/index.ts';

let fieldCounter = 0;

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
  const id = useRef(`f-${props.name}-${++fieldCounter}`).current;
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

export function SelectField<T extends string>(props: {
  label: string;
  name: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  error?: string | undefined;
}) {
  const id = useRef(`s-${props.name}-${++fieldCounter}`).current;
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
  const id = useRef(`c-${++fieldCounter}`).current;
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

/** A form-level error, announced to screen readers when it appears. */
export function ErrorMessage(props: { message: string | null | undefined }) {
  return props.message ? (
    <div class="alert" role="alert">
      {props.message}
    </div>
  ) : null;
}

export function Loading() {
  return (
    <p role="status" aria-live="polite">
      {t('app.loading')}
    </p>
  );
}

/**
 * Something could not be loaded (offline, or the server did not answer): say so in its place, with
 * a Retry, rather than an endless "Loading…" or an empty state that is not true.
 */
export function LoadFailed(props: { message: string; onRetry: () => void }) {
  const id = useRef(`lf-${++fieldCounter}`).current;
  return (
    <div class="alert" role="status">
      <p id={id}>{props.message}</p>
      <button type="button" class="button secondary" aria-describedby={id} onClick={props.onRetry}>
        {t('common.retry')}
      </button>
    </div>
  );
}

/** Runs `reload` when the browser is back online (what failed offline is loaded again without a Retry). */
export function useReloadWhenBackOnline(reload: () => void, deps: readonly unknown[]): void {
  useEffect(() => {
    const onOnline = () => reload();
    addEventListener('online', onOnline);
    return () => removeEventListener('online', onOnline);
  }, deps);
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
      <p class="code" data-testid="one-time-code">
        {props.code}
      </p>
      <button
        type="button"
        class="button secondary"
        onClick={() => {
          void navigator.clipboard?.writeText(props.code).then(() => setCopied(true));
        }}
      >
        {copied ? t('caregivers.copied') : t('caregivers.copy')}
      </button>
    </div>
  );
}

// ----- toasts with Undo -------------------------------------------------------------------------

/** What an Undo toast does; the toast, not the caller, decides when Undo stops being offered. */
export interface UndoOptions {
  /** Take the change back (the Undo button). */
  onUndo: () => void;
  /** Undo is no longer offered (the time ran out, or the toast was closed): make the change final. */
  onCommit?: () => void;
  /**
   * Where focus goes when the toast closes while it has focus (Undo, Close, Escape): e.g. the restored
   * item after Undo, the next item or the list's heading otherwise.
   */
  focusAfter: (undone: boolean) => HTMLElement | null | undefined;
}

interface Toast {
  id: number;
  message: string;
  undo: UndoOptions | undefined;
  timer: ReturnType<typeof setTimeout> | null;
}
let toastListener: ((toasts: Toast[]) => void) | null = null;
let toasts: Toast[] = [];
let toastId = 0;
/** The Undo toast that should take focus once it is on screen. */
let focusUndoOf: number | null = null;

/**
 * How long Undo is offered while the toast has neither focus nor the pointer over it (WCAG 2.2.1):
 * the clock stops while it has either and starts again, from the full window, when both have left.
 */
export const UNDO_WINDOW_MS = 6000;
const TOAST_MS = 8000;

/**
 * Shows a message; with `undo`, an Undo button that takes focus at once (a keyboard or screen-reader
 * user reaches it without crossing the page), and a Close button; Escape closes it too.
 */
export function showToast(message: string, undo?: UndoOptions): void {
  const toast: Toast = { id: ++toastId, message, undo, timer: null };
  toasts = [...toasts, toast];
  if (undo) focusUndoOf = toast.id;
  runToastClock(toast.id);
  toastListener?.(toasts);
}

function runToastClock(id: number): void {
  const toast = toasts.find((x) => x.id === id);
  if (!toast) return;
  if (toast.timer !== null) clearTimeout(toast.timer);
  toast.timer = setTimeout(() => closeToast(id, false), toast.undo ? UNDO_WINDOW_MS : TOAST_MS);
}

function stopToastClock(id: number): void {
  const toast = toasts.find((x) => x.id === id);
  if (toast && toast.timer !== null) {
    clearTimeout(toast.timer);
    toast.timer = null;
  }
}

/** Closes a toast once: undone (the Undo button) or not (time, Close, Escape: the change stands). */
function closeToast(id: number, undone: boolean): void {
  const toast = toasts.find((x) => x.id === id);
  if (!toast) return;
  stopToastClock(id);
  const hadFocus = document.getElementById(`toast-${id}`)?.contains(document.activeElement) ?? false;
  toasts = toasts.filter((x) => x !== toast);
  if (focusUndoOf === id) focusUndoOf = null;
  toastListener?.(toasts);
  if (undone) toast.undo?.onUndo();
  else toast.undo?.onCommit?.();
  // From the next frame: the toast (and the focus in it) is gone by then.
  if (hadFocus && toast.undo) requestAnimationFrame(() => focusOnceThere(() => toast.undo!.focusAfter(undone)));
}

/**
 * Focuses an element as soon as the page shows it (a restored item may come back a few frames later,
 * once the page has re-rendered), unless focus has gone somewhere else meanwhile.
 */
function focusOnceThere(find: () => HTMLElement | null | undefined, framesLeft = 60): void {
  if (document.activeElement && document.activeElement !== document.body) return;
  const target = find();
  if (target) target.focus();
  else if (framesLeft > 0) requestAnimationFrame(() => focusOnceThere(find, framesLeft - 1));
}

/**
 * Takes away the messages about what was just done ("GAD-7 assigned."), for when the person moves on to
 * another view of the same page (a tab): read there, such a message seems to be about the new view. A
 * toast offering Undo stays: closing it would make its change final without a word.
 */
export function dismissStatusMessages(): void {
  for (const x of toasts) if (!x.undo) closeToast(x.id, false);
}

// Leaving the page ends every offer of Undo: the changes are made final while the page can still send them.
if (typeof window !== 'undefined')
  addEventListener('pagehide', () => {
    for (const x of toasts) if (x.undo) closeToast(x.id, false);
  });

export function Toasts() {
  const [list, setList] = useState<Toast[]>([]);
  useEffect(() => {
    toastListener = setList;
    return () => {
      toastListener = null;
    };
  }, []);
  useEffect(() => {
    if (focusUndoOf === null) return;
    const button = document.getElementById(`toast-${focusUndoOf}-undo`);
    if (button) {
      focusUndoOf = null;
      button.focus();
    }
  }, [list]);
  return (
    <div class="toasts" role="status" aria-live="polite">
      {list.map((toast) => (
        <div
          class="toast"
          key={toast.id}
          id={`toast-${toast.id}`}
          onMouseEnter={() => stopToastClock(toast.id)}
          onMouseLeave={(e) => {
            if (!e.currentTarget.contains(document.activeElement)) runToastClock(toast.id);
          }}
          onFocusIn={() => stopToastClock(toast.id)}
          onFocusOut={(e) => {
            const to = e.relatedTarget as Node | null;
            if (!to || !e.currentTarget.contains(to)) {
              if (!e.currentTarget.matches(':hover')) runToastClock(toast.id);
            }
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && toast.undo) {
              e.preventDefault();
              closeToast(toast.id, false);
            }
          }}
        >
          <span id={`toast-${toast.id}-message`}>{toast.message}</span>
          {toast.undo && (
            <span class="row">
              <button
                type="button"
                class="button"
                id={`toast-${toast.id}-undo`}
                aria-describedby={`toast-${toast.id}-message`}
                onClick={() => closeToast(toast.id, true)}
              >
                {t('common.undo')}
              </button>
              <button
                type="button"
                class="button secondary"
                aria-describedby={`toast-${toast.id}-message`}
                onClick={() => closeToast(toast.id, false)}
              >
                {t('common.close')}
              </button>
            </span>
          )}
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
  name: string;
  value: number | null;
  onChange: (value: number) => void;
  descriptors: readonly string[];
  legend?: string;
  hint?: string | undefined;
  error?: string | undefined;
}) {
  const id = useRef(`r-${props.name}-${++fieldCounter}`).current;
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
export function LocalDateTimeField(props: {
  label: string;
  date: string;
  time: string;
  timeZone: string;
  max?: string;
  onChange: (date: string, time: string) => void;
}) {
  const id = useRef(`dt-${++fieldCounter}`).current;
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
