// Signing in and creating an account. A refused submit lists its problems at the top (ErrorSummary),
// which takes focus and links to each field; a refusal naming no field (a wrong password, offline) is
// the page's alert instead, and takes focus itself.
import { useRef, useState } from 'preact/hooks';
import { api, type ApiError, type Me, type SecondFactorChallengeView } from '../../api/client.ts';
import { ErrorSummary, formLevelMessage, unplacedErrors } from '../../components/error-summary.tsx';
import { TimeZoneField } from '../../components/time-zone-field.tsx';
import { resolveTimeZone } from '../../components/time-zone-search.ts';
import { Checkbox, ErrorMessage, Field, PasswordField } from '../../components/ui.tsx';
import { t } from '../../i18n/index.ts';
import { navigate } from '../../router.ts';
import { CheckEmail } from './confirm-sign-up.tsx';
import { SecondStep } from './second-step.tsx';
import { PasskeySignIn } from './passkey-sign-in.tsx';

function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export function SignIn(props: { onSignedIn: (me: Me) => void; notice?: string | null }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [challenge, setChallenge] = useState<SecondFactorChallengeView | null>(null);
  const form = useRef<HTMLFormElement>(null);
  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answer = await api.signIn({ email, password });
      if ('secondFactorRequired' in answer) {
        setPassword('');
        setChallenge(answer);
      } else props.onSignedIn(answer);
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  }
  if (challenge) return <SecondStep challenge={challenge} onSignedIn={props.onSignedIn} onStartOver={() => setChallenge(null)} />;
  return (
    <main id="main">
      <h1>{t('auth.signIn.title')}</h1>
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      <ErrorMessage message={formLevelMessage(error)} />
      <form ref={form} onSubmit={submit} noValidate>
        <ErrorSummary failure={error} form={form} messages={unplacedErrors(error, ['/email', '/password'])} />
        <Field
          label={t('field.email')}
          name="email"
          type="email"
          autoComplete="username"
          value={email}
          onInput={setEmail}
          required
          error={error?.fieldError('/email')}
        />
        <PasswordField name="password" value={password} onInput={setPassword} required error={error?.fieldError('/password')} />
        <button class="button" type="submit" disabled={busy}>
          {t('auth.signIn.submit')}
        </button>
      </form>
      <PasskeySignIn onSignedIn={props.onSignedIn} />
      <p>
        {t('auth.signIn.noAccount')}{' '}
        <a
          href="/sign-up"
          onClick={(e) => {
            e.preventDefault();
            navigate('/sign-up');
          }}
        >
          {t('auth.signIn.createAccount')}
        </a>
      </p>
    </main>
  );
}

export function SignUp(props: { onSignedIn: (me: Me) => void }) {
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [keepRecord, setKeepRecord] = useState(true);
  const [timeZone, setTimeZone] = useState(browserTimeZone());
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answer = await api.signUp({
        email,
        password,
        displayName,
        ...(keepRecord ? { patient: { timeZone: resolveTimeZone(timeZone) ?? timeZone } } : {}),
      });
      if ('status' in answer) setSentTo(email.trim());
      else props.onSignedIn(answer);
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  }
  if (sentTo !== null) return <CheckEmail email={sentTo} />;
  return (
    <main id="main">
      <h1>{t('auth.signUp.title')}</h1>
      <ErrorMessage message={formLevelMessage(error)} />
      <form ref={form} onSubmit={submit} noValidate>
        <ErrorSummary
          failure={error}
          form={form}
          messages={unplacedErrors(error, ['/displayName', '/email', '/password', ...(keepRecord ? ['/patient/timeZone'] : [])])}
        />
        <Field
          label={t('field.displayName')}
          name="displayName"
          autoComplete="name"
          value={displayName}
          onInput={setDisplayName}
          required
          error={error?.fieldError('/displayName')}
        />
        <Field
          label={t('field.email')}
          name="email"
          type="email"
          autoComplete="email"
          value={email}
          onInput={setEmail}
          required
          error={error?.fieldError('/email')}
        />
        <Field
          label={t('field.password')}
          name="password"
          type="password"
          autoComplete="new-password"
          value={password}
          onInput={setPassword}
          required
          hint={t('field.passwordHint')}
          error={error?.fieldError('/password')}
        />
        <Checkbox
          label={t('auth.signUp.keepRecord')}
          checked={keepRecord}
          onChange={setKeepRecord}
          hint={t('auth.signUp.keepRecordHint')}
        />
        {keepRecord && (
          <TimeZoneField
            label={t('field.timeZone')}
            name="timeZone"
            value={timeZone}
            onChange={setTimeZone}
            error={error?.fieldError('/patient/timeZone')}
          />
        )}
        <button class="button" type="submit" disabled={busy}>
          {t('auth.signUp.submit')}
        </button>
      </form>
      <p>
        {t('auth.signUp.haveAccount')}{' '}
        <a
          href="/sign-in"
          onClick={(e) => {
            e.preventDefault();
            navigate('/sign-in');
          }}
        >
          {t('auth.signIn.title')}
        </a>
      </p>
    </main>
  );
}
