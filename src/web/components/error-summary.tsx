// The error summary at the top of a form (the GOV.UK Design System's pattern): after a refused submit
// it lists every problem as a link to its field, under "There is a problem", and takes focus, so the
// keyboard and a screen reader start where the problems are listed, however long the form. Each field
// keeps its own message beside it as well.
//
// The problems are read from the form itself after it renders: every field marked aria-invalid, with
// the error text its aria-describedby (or its fieldset's) points at. So a form only has to mark its
// fields; it cannot list a problem that is not shown beside a field, or forget one that is.
// When no field is marked, focus goes to the form's own alert message instead (the submit button is
// disabled while sending, and a disabled button loses focus: without this, focus fell to the page).
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/index.ts';

export interface SummaryItem {
  /** The field's element id, for the link; null when the field has none. */
  readonly fieldId: string | null;
  readonly text: string;
}

const errorTextIn = (root: Document, ids: string | null): { id: string; text: string } | undefined => {
  for (const id of (ids ?? '').split(/\s+/).filter(Boolean)) {
    const el = root.getElementById(id);
    if (el?.classList.contains('error') && el.textContent?.trim()) return { id, text: el.textContent.trim() };
  }
  return undefined;
};

/** Every problem marked in the form, in the order the fields come, one per error message. */
export function collectProblems(form: HTMLFormElement): SummaryItem[] {
  const seen = new Set<string>();
  const items: SummaryItem[] = [];
  for (const field of form.querySelectorAll<HTMLElement>('[aria-invalid="true"]')) {
    const error =
      errorTextIn(form.ownerDocument, field.getAttribute('aria-describedby')) ??
      errorTextIn(form.ownerDocument, field.closest('fieldset')?.getAttribute('aria-describedby') ?? null);
    const key = error?.id ?? field.id;
    if (!error || seen.has(key)) continue;
    seen.add(key);
    items.push({ fieldId: field.id || null, text: error.text });
  }
  return items;
}

/**
 * A refusal's field errors that no field of the form shows, for the summary's `messages`, so none is
 * lost: a pointer counts as shown when it is one of `placed` or lies under one ("/goals/0/target" under
 * "/goals/0"). Capitalised like the rest of the list.
 */
export function unplacedErrors(
  error: { readonly fieldErrors: readonly { pointer: string; detail: string }[] } | null | undefined,
  placed: readonly string[],
): string[] {
  return (error?.fieldErrors ?? [])
    .filter((f) => !placed.some((p) => f.pointer === p || f.pointer.startsWith(`${p}/`)))
    .map((f) => f.detail.charAt(0).toUpperCase() + f.detail.slice(1));
}

/** A refusal's own message, for the form's alert when it names no field (the summary lists those). */
export const formLevelMessage = (
  error: { readonly message: string; readonly fieldErrors: readonly unknown[] } | null | undefined,
): string | null => (error && error.fieldErrors.length === 0 ? error.message : null);

let summaryCounter = 0;

export function ErrorSummary(props: {
  /** Changes on every refused submit (a new error object, or a counter); falsy while there is none. */
  failure: unknown;
  form: { readonly current: HTMLFormElement | null };
  /** Problems that belong to no one field, listed after the fields' own. */
  messages?: readonly string[];
}) {
  const [items, setItems] = useState<readonly SummaryItem[]>([]);
  const [shown, setShown] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  const titleId = useRef(`error-summary-${++summaryCounter}`).current;
  useEffect(() => {
    const form = props.form.current;
    if (!props.failure || !form) {
      setItems([]);
      return;
    }
    const found = [...collectProblems(form), ...(props.messages ?? []).map((text) => ({ fieldId: null, text }))];
    setItems(found);
    if (found.length > 0) {
      setShown((n) => n + 1);
      return;
    }
    const message = form.parentElement?.querySelector<HTMLElement>('[role="alert"]:not(.error-summary)');
    if (message) {
      if (!message.hasAttribute('tabindex')) message.setAttribute('tabindex', '-1');
      message.focus();
    }
  }, [props.failure]);
  useEffect(() => {
    if (shown > 0) box.current?.focus();
  }, [shown]);
  if (items.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby={titleId} tabIndex={-1} ref={box}>
      <h2 id={titleId}>{t('errorSummary.title')}</h2>
      <ul>
        {items.map((item, i) => (
          <li key={i}>
            {item.fieldId ? (
              <a
                href={`#${item.fieldId}`}
                onClick={(e) => {
                  e.preventDefault();
                  const field = document.getElementById(item.fieldId!);
                  if (!field) return;
                  field.focus();
                  // The label (or the group's legend) above the field, in view with it.
                  (field.closest('fieldset')?.querySelector('legend') ?? field).scrollIntoView({ block: 'start' });
                }}
              >
                {item.text}
              </a>
            ) : (
              item.text
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
