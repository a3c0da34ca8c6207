// How a screen says where it is: loading, failed to load (with Retry), empty, a form-level error, and a
// one-time secret shown once.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/index.ts';
import { nextFieldNumber } from './field-ids.ts';

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
  const id = useRef(`lf-${nextFieldNumber()}`).current;
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
