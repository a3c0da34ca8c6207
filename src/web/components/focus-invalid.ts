// After a form's submission is refused: focus the first field marked invalid, or else the form's error
// message, so the keyboard and a screen reader land on what needs fixing. (The submit button is disabled
// while sending, and a disabled button loses focus: without this, focus fell back to the page.)
import { useEffect } from 'preact/hooks';

export function useFocusFirstInvalid(failure: unknown, form: { readonly current: HTMLFormElement | null }): void {
  useEffect(() => {
    if (!failure || !form.current) return;
    const field = form.current.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (field) {
      field.focus();
      return;
    }
    const message = form.current.parentElement?.querySelector<HTMLElement>('[role="alert"]');
    if (message) {
      if (!message.hasAttribute('tabindex')) message.setAttribute('tabindex', '-1');
      message.focus();
    }
  }, [failure]);
}
