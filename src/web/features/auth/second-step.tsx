// The second step of signing in to an account with two-step sign-in: a code from the authenticator
// app, or a recovery code instead. Focus moves to the step's heading when it appears, so a screen
// reader hears that the page changed; a refused code is listed at the top like other forms' problems.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type ApiError, type Me, type SecondFactorChallengeView } from '../../api/client.ts';
import { ErrorSummary, formLevelMessage, unplacedErrors } from '../../components/error-summary.tsx';
import { ErrorMessage, Field } from '../../components/ui.tsx';
import { t } from '../../i18n/index.ts';

export function SecondStep(props: { challenge: SecondFactorChallengeView; onSignedIn: (me: Me) => void; onStartOver: () => void }) {
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const pointer = useRecovery ? '/recoveryCode' : '/code';
  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const proof = useRecovery ? { recoveryCode: code } : { code };
      props.onSignedIn(await api.completeSignIn({ pendingToken: props.challenge.pendingToken, ...proof }));
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  }
  return (
    <main id="main">
      <h1 ref={heading} tabIndex={-1}>
        {t('twoStep.signInTitle')}
      </h1>
      <p>{useRecovery ? t('twoStep.signInRecoveryIntro') : t('twoStep.signInIntro')}</p>
      <ErrorMessage message={formLevelMessage(error)} />
      <form ref={form} onSubmit={submit} noValidate>
        <ErrorSummary failure={error} form={form} messages={unplacedErrors(error, [pointer])} />
        {useRecovery ? (
          <Field
            key="recovery"
            label={t('twoStep.recoveryCode')}
            name="recoveryCode"
            autoComplete="off"
            value={code}
            onInput={setCode}
            required
            error={error?.fieldError('/recoveryCode')}
          />
        ) : (
          <Field
            key="code"
            label={t('twoStep.code')}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            value={code}
            onInput={setCode}
            required
            hint={t('twoStep.codeHint')}
            error={error?.fieldError('/code')}
          />
        )}
        <button class="button" type="submit" disabled={busy}>
          {t('twoStep.verify')}
        </button>
      </form>
      <p class="row">
        <button
          type="button"
          class="button secondary"
          onClick={() => {
            setUseRecovery(!useRecovery);
            setCode('');
            setError(null);
          }}
        >
          {useRecovery ? t('twoStep.useCode') : t('twoStep.useRecovery')}
        </button>
        <button type="button" class="button secondary" onClick={props.onStartOver}>
          {t('twoStep.startOver')}
        </button>
      </p>
    </main>
  );
}
