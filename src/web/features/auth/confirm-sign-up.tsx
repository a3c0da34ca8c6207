// The two screens of signing up where the server sends e-mail: "check your e-mail" after the form is
// sent (the same whether or not the address had an account: the message says which), and the page the
// e-mail's link opens, which asks for the password chosen and then creates the account and signs in.
// The link carries its token after `#`, so it never reaches a server's logs or another site's Referer;
// the page takes it out of the address bar once read.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type ApiError, type Me } from '../../api/client.ts';
import { ErrorSummary, formLevelMessage, unplacedErrors } from '../../components/error-summary.tsx';
import { ErrorMessage, PasswordField } from '../../components/ui.tsx';
import { t } from '../../i18n/index.ts';
import { navigate } from '../../router.ts';

function LinkTo(props: { path: string; label: string }) {
  return (
    <a
      href={props.path}
      onClick={(e) => {
        e.preventDefault();
        navigate(props.path);
      }}
    >
      {props.label}
    </a>
  );
}

/** Shown in place of the sign-up form once it was sent; its heading takes focus, as a new page's would. */
export function CheckEmail(props: { email: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <main id="main">
      <h1 ref={heading} tabIndex={-1}>
        {t('auth.checkEmail.title')}
      </h1>
      <p>{t('auth.checkEmail.sent', { email: props.email })}</p>
      <p>{t('auth.checkEmail.next')}</p>
      <p>
        <LinkTo path="/sign-in" label={t('auth.checkEmail.signIn')} />
      </p>
    </main>
  );
}

function tokenFromAddress(): string | null {
  const token = new URLSearchParams(location.hash.slice(1)).get('token');
  if (token) history.replaceState(history.state, '', location.pathname);
  return token;
}

export function ConfirmSignUp(props: { onSignedIn: (me: Me) => void }) {
  const [token] = useState(tokenFromAddress);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  async function submit(e: Event) {
    e.preventDefault();
    if (!token) return;
    setBusy(true);
    setError(null);
    try {
      props.onSignedIn(await api.confirmSignUp({ token, password }));
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  }
  return (
    <main id="main">
      <h1>{t('auth.confirm.title')}</h1>
      {token ? (
        <>
          <p>{t('auth.confirm.intro')}</p>
          <ErrorMessage message={formLevelMessage(error)} />
          <form ref={form} onSubmit={submit} noValidate>
            <ErrorSummary failure={error} form={form} messages={unplacedErrors(error, ['/password'])} />
            <PasswordField name="password" value={password} onInput={setPassword} required error={error?.fieldError('/password')} />
            <button class="button" type="submit" disabled={busy}>
              {t('auth.confirm.submit')}
            </button>
          </form>
        </>
      ) : (
        <p role="alert">{t('auth.confirm.noToken')}</p>
      )}
      <p>
        <LinkTo path="/sign-in" label={t('auth.signIn.title')} /> · <LinkTo path="/sign-up" label={t('auth.signIn.createAccount')} />
      </p>
    </main>
  );
}
