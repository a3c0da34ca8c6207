// Asks for the password again when a sensitive action answers `reauthentication-required`, then lets
// the client send the action once more. Mounted once; the client calls `ask()` through the handler
// registered with `onReauthentication`. Cancelling leaves the action refused, with its message shown.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, onReauthentication, type ApiError } from '../../api/client.ts';
import { Dialog, ErrorMessage, Field } from '../../components/ui.tsx';
import { t } from '../../i18n/index.ts';

export function ReauthDialog() {
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const settle = useRef<((done: boolean) => void) | null>(null);

  useEffect(() => {
    onReauthentication(
      () =>
        new Promise<boolean>((resolve) => {
          settle.current?.(false);
          settle.current = resolve;
          setPassword('');
          setError(null);
          setOpen(true);
        }),
    );
  }, []);

  function finish(done: boolean) {
    setOpen(false);
    settle.current?.(done);
    settle.current = null;
  }
  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.reauthenticate({ password });
      setPassword('');
      finish(true);
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Dialog open={open} title={t('reauth.title')} onClose={() => finish(false)}>
      <p>{t('reauth.intro')}</p>
      <form onSubmit={submit} noValidate>
        <ErrorMessage message={error && !error.fieldError('/password') ? error.message : undefined} />
        <Field
          label={t('field.password')}
          name="reauthPassword"
          type="password"
          autoComplete="current-password"
          value={password}
          onInput={setPassword}
          required
          error={error?.fieldError('/password')}
        />
        <div class="row">
          <button class="button" type="submit" disabled={busy}>
            {t('reauth.submit')}
          </button>
          <button class="button secondary" type="button" onClick={() => finish(false)}>
            {t('reauth.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
