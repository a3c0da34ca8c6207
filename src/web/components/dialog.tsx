import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { nextFieldNumber } from './field-ids.ts';

/**
 * A modal dialog on the native <dialog> element: focus moves into it and is trapped there by the
 * browser, Escape closes it, and focus returns to what opened it.
 */
export function Dialog(props: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ComponentChildren;
  /** Extra classes beside `dialog`, for a dialog laid out differently (a sheet from the bottom, say). */
  class?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useRef(`d-${nextFieldNumber()}`).current;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  }, [props.open]);
  return (
    <dialog
      ref={ref}
      class={props.class ? `dialog ${props.class}` : 'dialog'}
      aria-labelledby={`${id}-title`}
      onClose={props.onClose}
      onCancel={props.onClose}
    >
      <h2 id={`${id}-title`}>{props.title}</h2>
      {props.children}
    </dialog>
  );
}
