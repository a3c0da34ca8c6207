// Messages about what was just done, some with Undo. The toast, not the caller, decides when Undo stops
// being offered.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/index.ts';

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
