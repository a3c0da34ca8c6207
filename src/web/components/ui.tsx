// Small accessible building blocks, gathered here so that screens import them from one place. Every
// control has a visible label; errors are tied to their field.
export { Dialog } from './dialog.tsx';
export { Checkbox, Field, LocalDateTimeField, PasswordField, SelectField } from './fields.tsx';
export { RatingControl } from './rating-control.tsx';
export { Empty, ErrorMessage, LoadFailed, Loading, OneTimeCode, useReloadWhenBackOnline } from './status.tsx';
export { dismissStatusMessages, showToast, Toasts, UNDO_WINDOW_MS, type UndoOptions } from './toasts.tsx';
