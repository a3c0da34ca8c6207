// Ending access elsewhere: "sign out everywhere else", and the same choice of API tokens to keep when
// the password changes. Both revoke every token of the account except those ticked here, so a script
// the person knows is theirs keeps working while whatever else was made with the account stops.
import { useEffect, useState } from 'preact/hooks';
import { api, type ApiError, type ApiToken } from '../../api/client.ts';
import { Checkbox, Dialog, ErrorMessage, showToast } from '../../components/ui.tsx';
import { t } from '../../i18n/index.ts';

/** The account's tokens still in force, loaded once per use. */
function useLiveTokens(): readonly ApiToken[] {
  const [tokens, setTokens] = useState<readonly ApiToken[]>([]);
  useEffect(() => {
    api.tokens().then(
      (all) => setTokens(all.filter((k) => k.revokedAt === null && (k.expiresAt === null || Date.parse(k.expiresAt) > Date.now()))),
      () => {},
    );
  }, []);
  return tokens;
}

/** Tick the API tokens to keep; every other one is revoked. Nothing is shown when there are none. */
export function KeepTokens(props: { keep: readonly string[]; onChange: (ids: string[]) => void }) {
  const tokens = useLiveTokens();
  if (tokens.length === 0) return null;
  return (
    <fieldset>
      <legend>{t('account.keepTokens')}</legend>
      <p class="hint">{t('account.keepTokensHint')}</p>
      {tokens.map((k) => (
        <Checkbox
          key={k.id}
          label={k.name}
          checked={props.keep.includes(k.id)}
          onChange={(on) => props.onChange(on ? [...props.keep, k.id] : props.keep.filter((id) => id !== k.id))}
        />
      ))}
    </fieldset>
  );
}

export function SignOutEverywhere() {
  const [open, setOpen] = useState(false);
  const [keep, setKeep] = useState<string[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  async function confirm(e: Event) {
    e.preventDefault();
    setError(null);
    try {
      await api.signOutEverywhere(keep);
      setOpen(false);
      setKeep([]);
      showToast(t('account.signedOutEverywhere'));
    } catch (err) {
      setError(err as ApiError);
    }
  }
  return (
    <section class="card" aria-labelledby="everywhere-heading">
      <h2 id="everywhere-heading">{t('account.signOutEverywhere')}</h2>
      <p>{t('account.signOutEverywhereIntro')}</p>
      <button type="button" class="button secondary" onClick={() => setOpen(true)}>
        {t('account.signOutEverywhere')}
      </button>
      <Dialog open={open} title={t('account.signOutEverywhere')} onClose={() => setOpen(false)}>
        <form onSubmit={confirm}>
          <ErrorMessage message={error?.message} />
          <p>{t('account.signOutEverywhereIntro')}</p>
          {open && <KeepTokens keep={keep} onChange={setKeep} />}
          <div class="row">
            <button class="button" type="submit">
              {t('account.signOutEverywhereConfirm')}
            </button>
            <button class="button secondary" type="button" onClick={() => setOpen(false)}>
              {t('account.cancel')}
            </button>
          </div>
        </form>
      </Dialog>
    </section>
  );
}
