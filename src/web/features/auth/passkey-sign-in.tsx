// "Sign in with a passkey" under the password form, only where the browser has WebAuthn. A refusal
// (or a cancelled ceremony) is said in an alert that takes focus, as a refused form's message does.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiError, Me } from '../../api/client.ts';
import { passkeyApi, passkeysSupported } from '../../api/passkeys.ts';
import { t } from '../../i18n/index.ts';

export function PasskeySignIn(props: { onSignedIn: (me: Me) => void }) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const alert = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) alert.current?.focus();
  }, [error]);
  if (!passkeysSupported()) return null;
  async function signIn() {
    setBusy(true);
    setError(null);
    try {
      props.onSignedIn(await passkeyApi.signIn());
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section class="passkey-sign-in" aria-labelledby="passkey-sign-in-heading">
      <h2 id="passkey-sign-in-heading">{t('passkeys.title')}</h2>
      {error && (
        <div class="alert" role="alert" tabIndex={-1} ref={alert}>
          {error.message}
        </div>
      )}
      <p id="passkey-sign-in-intro">{t('passkeys.signInIntro')}</p>
      <button type="button" class="button secondary" aria-describedby="passkey-sign-in-intro" disabled={busy} onClick={() => void signIn()}>
        {t('passkeys.signIn')}
      </button>
    </section>
  );
}
