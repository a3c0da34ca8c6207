// The account's two-step sign-in: set up an authenticator app (the key as text and as an otpauth://
// link, confirmed with a first code), see the recovery codes once, make new ones, or turn it off
// (password and a code). Reached at /account#two-step, where a clinic that requires it sends people.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type ApiError } from '../../api/client.ts';
import { Dialog, ErrorMessage, Field, Loading, PasswordField, showToast } from '../../components/ui.tsx';
import { t } from '../../i18n/index.ts';
import { useSession } from '../../session.ts';

type Status = Awaited<ReturnType<typeof api.secondFactor>>;

function RecoveryCodeList(props: { codes: readonly string[]; onDone: () => void }) {
  const heading = useRef<HTMLParagraphElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div class="notice" role="status">
      <p ref={heading} tabIndex={-1}>
        {t('twoStep.recoveryIntro')}
      </p>
      <ul class="code" data-testid="recovery-codes">
        {props.codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <button type="button" class="button" onClick={props.onDone}>
        {t('twoStep.recoveryDone')}
      </button>
    </div>
  );
}

export function TwoStep() {
  const { refresh } = useSession();
  const [status, setStatus] = useState<Status | null>(null);
  const [enrolment, setEnrolment] = useState<{ secret: string; otpauthUri: string } | null>(null);
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [disabling, setDisabling] = useState(false);
  const [password, setPassword] = useState('');
  const [disableCode, setDisableCode] = useState('');
  const [disableError, setDisableError] = useState<ApiError | null>(null);

  async function load() {
    setStatus(await api.secondFactor());
  }
  useEffect(() => {
    load().catch((err) => setError(err as ApiError));
  }, []);

  async function start() {
    setError(null);
    try {
      setEnrolment(await api.startSecondFactor());
    } catch (err) {
      setError(err as ApiError);
    }
  }
  async function confirm(e: Event) {
    e.preventDefault();
    setError(null);
    try {
      setCodes((await api.confirmSecondFactor(code)).recoveryCodes);
      setEnrolment(null);
      setCode('');
      await Promise.all([load(), refresh()]);
      showToast(t('twoStep.enabled'));
    } catch (err) {
      setError(err as ApiError);
    }
  }
  async function regenerate() {
    setError(null);
    try {
      setCodes((await api.regenerateRecoveryCodes()).recoveryCodes);
      await load();
    } catch (err) {
      setError(err as ApiError);
    }
  }
  async function disable(e: Event) {
    e.preventDefault();
    setDisableError(null);
    try {
      const proof = /^\s*\d[\d\s]*$/.test(disableCode) ? { code: disableCode } : { recoveryCode: disableCode };
      await api.disableSecondFactor({ password, ...proof });
      setDisabling(false);
      setPassword('');
      setDisableCode('');
      await Promise.all([load(), refresh()]);
      showToast(t('twoStep.disabled'));
    } catch (err) {
      setDisableError(err as ApiError);
    }
  }

  return (
    <section class="card" id="two-step" aria-labelledby="two-step-heading">
      <h2 id="two-step-heading">{t('twoStep.title')}</h2>
      <p>{t('twoStep.intro')}</p>
      <ErrorMessage message={error && !error.fieldError('/code') ? error.message : undefined} />
      {codes && <RecoveryCodeList codes={codes} onDone={() => setCodes(null)} />}
      {!status ? (
        <Loading />
      ) : status.enabled ? (
        <>
          <p>
            {t('twoStep.on')} {t('twoStep.codesLeft', { count: status.recoveryCodesLeft })}
          </p>
          <div class="row">
            <button type="button" class="button secondary" onClick={regenerate}>
              {t('twoStep.regenerate')}
            </button>
            <button type="button" class="button danger" onClick={() => setDisabling(true)}>
              {t('twoStep.disable')}
            </button>
          </div>
          <Dialog open={disabling} title={t('twoStep.disable')} onClose={() => setDisabling(false)}>
            <p>{t('twoStep.disableIntro')}</p>
            <form onSubmit={disable} noValidate>
              <ErrorMessage message={disableError?.message} />
              <PasswordField name="disablePassword" value={password} onInput={setPassword} error={disableError?.fieldError('/password')} />
              <Field
                label={t('twoStep.code')}
                name="disableCode"
                autoComplete="one-time-code"
                value={disableCode}
                onInput={setDisableCode}
                hint={t('twoStep.codeHint')}
                error={disableError?.fieldError('/code') ?? disableError?.fieldError('/recoveryCode')}
              />
              <div class="row">
                <button class="button danger" type="submit">
                  {t('twoStep.disable')}
                </button>
                <button class="button secondary" type="button" onClick={() => setDisabling(false)}>
                  {t('account.cancel')}
                </button>
              </div>
            </form>
          </Dialog>
        </>
      ) : enrolment ? (
        <form onSubmit={confirm} noValidate>
          <p>{t('twoStep.setupSteps')}</p>
          <p>
            {t('twoStep.secret')}: <code data-testid="two-step-secret">{enrolment.secret}</code>
          </p>
          <p>
            <a href={enrolment.otpauthUri}>{t('twoStep.openInApp')}</a>
          </p>
          <Field
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
          <button class="button" type="submit">
            {t('twoStep.confirm')}
          </button>
        </form>
      ) : (
        <>
          <p>{t('twoStep.off')}</p>
          <button type="button" class="button" onClick={start}>
            {t('twoStep.start')}
          </button>
        </>
      )}
    </section>
  );
}
