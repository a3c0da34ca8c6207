// Pieces shared by the clinician's Plan and Medicines tabs and the patient's Plan page: labels for the
// contract's enumerations, the patient's today, a labelled text area, and a conflict box. (The
// versioned-record section is record-section.tsx.)
import type { ComponentChildren } from 'preact';
import { useMemo, useRef } from 'preact/hooks';
import type { ApiError } from '../../api/client.ts';
import { toLocalDateTime, type TimeZone } from '../../../domain/time/local-date.ts';
import { t, type MessageKey } from '../../i18n/index.ts';
import './plan.css';

/** A label for one value of a contract enumeration, e.g. label('plan.modality', 'physical'). */
export function label(prefix: string, value: string): string {
  return t(`${prefix}.${value}` as MessageKey);
}

export function options<T extends string>(prefix: string, values: readonly T[]): { value: T; label: string }[] {
  return values.map((value) => ({ value, label: label(prefix, value) }));
}

/** Today's date (YYYY-MM-DD) in the patient's time zone. */
export function usePatientToday(timeZone: string): string {
  return useMemo(() => {
    try {
      return toLocalDateTime(new Date(), timeZone as TimeZone).date;
    } catch {
      return new Date().toISOString().slice(0, 10);
    }
  }, [timeZone]);
}

let areaCounter = 0;
export function TextArea(props: {
  label: string;
  name: string;
  value: string;
  onInput: (value: string) => void;
  error?: string | undefined;
  maxLength?: number;
  hint?: string;
}) {
  const id = useRef(`ta-${props.name}-${++areaCounter}`).current;
  const describedBy = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.hint && (
        <span id={`${id}-hint`} class="hint">
          {props.hint}
        </span>
      )}
      <textarea
        id={id}
        name={props.name}
        value={props.value}
        maxLength={props.maxLength ?? 4000}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy}
        onInput={(e) => props.onInput((e.currentTarget as HTMLTextAreaElement).value)}
      />
      {props.error && (
        <span id={`${id}-error`} class="error">
          {props.error}
        </span>
      )}
    </div>
  );
}

/** Focuses an element once the render that brings it has happened (the control pressed went away). */
export function focusSoon(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

/** First error under a JSON pointer (the field itself or anything inside it, e.g. /levels/1). */
export function errorAt(error: ApiError | null, pointer: string): string | undefined {
  return error?.fieldErrors.find((e) => e.pointer === pointer || e.pointer.startsWith(`${pointer}/`))?.detail;
}

/** A save that met a newer version: what changed, and the two ways on. */
/**
 * A 409's choices. `error`: why the last try to re-apply failed (kept here beside the choices, not in a
 * toast that may be gone before it is read).
 */
export function ConflictBox(props: {
  message: string;
  children?: ComponentChildren;
  reapplyLabel: string;
  discardLabel: string;
  onReapply: () => void;
  onDiscard: () => void;
  busy?: boolean;
  error?: string | null;
}) {
  return (
    <div class="alert" role="alert">
      <p>{props.message}</p>
      {props.children}
      {props.error && <p class="error">{props.error}</p>}
      <div class="row">
        <button type="button" class="button" disabled={props.busy} onClick={props.onReapply}>
          {props.reapplyLabel}
        </button>
        <button type="button" class="button secondary" disabled={props.busy} onClick={props.onDiscard}>
          {props.discardLabel}
        </button>
      </div>
    </div>
  );
}
