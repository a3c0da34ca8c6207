// Asks the person to confirm it is them when a sensitive action answers `reauthentication-required`,
// then lets the client send the action once more. It offers what they actually have: their password,
// a code from their authenticator app when two-step sign-in is on, and their passkey when they have
// one and this browser can use it. Mounted once; the client calls `ask()` through the handler
// registered with `onReauthentication`. Cancelling leaves the action refused, with its message shown.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, onReauthentication, type ApiError } from '../../api/client.ts';
import { passkeyApi, passkeysSupported } from '../../api/passkeys.ts';
import { Dialog, ErrorMessage, Field, PasswordField } from '../../components/ui.tsx';
import { t } from '../../i18n/index.ts';

/** The ways this person can confirm it is them, besides the password. */
interface Ways {
  readonly code: boolean;
  readonly passkey: boolean;
}

async function waysOf(): Promise<Ways> {
  // Either lookup failing only hides that option: the password always remains.
  const [status, passkeys] = await Promise.all([api.secondFactor().catch(() => null), passkeyApi.list().catch(() => [])]);
  return { code: Boolean(status?.enabled), passkey: passkeys.length > 0 && passkeysSupported() };
}

export function ReauthDialog() {
  const [open, setOpen] = useState(false);
  const [ways, setWays] = useState<Ways>({ code: false, passkey: false });
  // Adding another way to sign in asks for a factor the account has; the password is not enough then.
  const [factorOnly, setFactorOnly] = useState(false);
  const [useCode, setUseCode] = useState(false);
  const [value, setValue] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const settle = useRef<((done: boolean) => void) | null>(null);

  useEffect(() => {
    onReauthentication(
      (refusal) =>
        new Promise<boolean>((resolve) => {
          settle.current?.(false);
          settle.current = resolve;
          const onlyFactor = refusal.problem.secondFactorOnly === true;
          setFactorOnly(onlyFactor);
          setValue('');
          setUseCode(onlyFactor);
          setError(null);
          setWays({ code: false, passkey: false });
          setOpen(true);
          void waysOf().then(setWays);
        }),
    );
  }, []);

  function finish(done: boolean) {
    setOpen(false);
    settle.current?.(done);
    settle.current = null;
  }
  async function attempt(proof: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await proof();
      setValue('');
      finish(true);
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  }
  function submit(e: Event) {
    e.preventDefault();
    void attempt(() => api.reauthenticate(useCode ? { code: value } : { password: value }));
  }
  const pointer = useCode ? '/code' : '/password';
  return (
    <Dialog open={open} title={t('reauth.title')} onClose={() => finish(false)}>
      <p>{factorOnly ? t('reauth.introFactorOnly') : ways.code ? t('reauth.introWithCode') : t('reauth.intro')}</p>
      {(!factorOnly || ways.code) && (
        <form onSubmit={submit} noValidate>
          <ErrorMessage message={error && !error.fieldError(pointer) ? error.message : undefined} />
          {useCode ? (
            <Field
              key="code"
              label={t('twoStep.code')}
              name="reauthCode"
              inputMode="numeric"
              autoComplete="one-time-code"
              value={value}
              onInput={setValue}
              required
              hint={t('twoStep.codeHint')}
              error={error?.fieldError('/code')}
            />
          ) : (
            <PasswordField
              key="password"
              name="reauthPassword"
              value={value}
              onInput={setValue}
              required
              error={error?.fieldError('/password')}
            />
          )}
          <div class="row">
            <button class="button" type="submit" disabled={busy}>
              {t('reauth.submit')}
            </button>
            {ways.code && !factorOnly && (
              <button
                class="button secondary"
                type="button"
                onClick={() => {
                  setUseCode(!useCode);
                  setValue('');
                  setError(null);
                }}
              >
                {useCode ? t('reauth.usePassword') : t('reauth.useCode')}
              </button>
            )}
            <button class="button secondary" type="button" onClick={() => finish(false)}>
              {t('reauth.cancel')}
            </button>
          </div>
        </form>
      )}
      {ways.passkey && (
        <div class="row">
          <p id="reauth-passkey-intro">{factorOnly && !ways.code ? t('passkeys.signInIntro') : t('reauth.orPasskey')}</p>
          <button
            class="button secondary"
            type="button"
            aria-describedby="reauth-passkey-intro"
            disabled={busy}
            onClick={() => void attempt(passkeyApi.reauthenticate)}
          >
            {t('reauth.usePasskey')}
          </button>
        </div>
      )}
      {/* Without the form, its Cancel is not there either. */}
      {factorOnly && !ways.code && (
        <button class="button secondary" type="button" onClick={() => finish(false)}>
          {t('reauth.cancel')}
        </button>
      )}
    </Dialog>
  );
}
