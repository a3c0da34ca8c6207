import { useEffect, useState } from 'preact/hooks';
import { api, type ApiError, type ApiToken } from '../../api/client.ts';
import { Dialog, Empty, ErrorMessage, Field, OneTimeCode, showToast } from '../../components/ui.tsx';
import { formatDateTime, t } from '../../i18n/index.ts';
import { useSession } from '../../session.ts';

export function Account() {
  const { me, refresh, signOut } = useSession();
  const [name, setName] = useState(me.user.displayName);
  const [profileError, setProfileError] = useState<ApiError | null>(null);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [passwordError, setPasswordError] = useState<ApiError | null>(null);
  const [tokens, setTokens] = useState<ApiToken[]>([]);
  const [tokenName, setTokenName] = useState('');
  const [newToken, setNewToken] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deletePassword, setDeletePassword] = useState('');
  const [deleteError, setDeleteError] = useState<ApiError | null>(null);
  const loadTokens = () => {
    api.tokens().then(setTokens, () => {});
  };
  useEffect(loadTokens, []);

  async function saveProfile(e: Event) {
    e.preventDefault();
    setProfileError(null);
    try {
      await api.updateProfile(name);
      await refresh();
      showToast(t('account.saved'));
    } catch (err) {
      setProfileError(err as ApiError);
    }
  }
  async function changePassword(e: Event) {
    e.preventDefault();
    setPasswordError(null);
    try {
      await api.changePassword(current, next);
      setCurrent('');
      setNext('');
      showToast(t('account.passwordChanged'));
    } catch (err) {
      setPasswordError(err as ApiError);
    }
  }
  async function createToken(e: Event) {
    e.preventDefault();
    try {
      const created = await api.createToken(tokenName);
      setNewToken(created.token);
      setTokenName('');
      loadTokens();
    } catch {
      /* field stays for correction */
    }
  }
  async function deleteAccount(e: Event) {
    e.preventDefault();
    setDeleteError(null);
    try {
      await api.deleteAccount(deletePassword);
      await signOut();
    } catch (err) {
      setDeleteError(err as ApiError);
    }
  }
  return (
    <main id="main">
      <h1>{t('account.title')}</h1>
      <form class="card" onSubmit={saveProfile} aria-labelledby="profile-heading">
        <h2 id="profile-heading">{t('account.profile')}</h2>
        <ErrorMessage message={profileError?.message} />
        <p>{me.user.email}</p>
        <Field
          label={t('field.displayName')}
          name="displayName"
          value={name}
          onInput={setName}
          autoComplete="name"
          error={profileError?.fieldError('/displayName')}
        />
        <button class="button" type="submit">
          {t('account.save')}
        </button>
      </form>
      <form class="card" onSubmit={changePassword} aria-labelledby="password-heading">
        <h2 id="password-heading">{t('account.password')}</h2>
        <ErrorMessage message={passwordError?.message} />
        <Field
          label={t('field.currentPassword')}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          value={current}
          onInput={setCurrent}
          error={passwordError?.fieldError('/currentPassword')}
        />
        <Field
          label={t('field.newPassword')}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          value={next}
          onInput={setNext}
          hint={t('field.passwordHint')}
          error={passwordError?.fieldError('/newPassword')}
        />
        <button class="button" type="submit">
          {t('account.password')}
        </button>
      </form>
      <section class="card" aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">{t('account.tokens')}</h2>
        <p>{t('account.tokensIntro')}</p>
        {newToken && <OneTimeCode intro={t('account.tokenShown')} code={newToken} />}
        {tokens.filter((k) => !k.revokedAt).length === 0 ? (
          <Empty>{t('account.noTokens')}</Empty>
        ) : (
          <ul class="list">
            {tokens
              .filter((k) => !k.revokedAt)
              .map((k) => (
                <li key={k.id}>
                  <span>
                    {k.name} — {formatDateTime(k.createdAt)}
                  </span>
                  <button
                    type="button"
                    class="button secondary"
                    onClick={() => {
                      void api.revokeToken(k.id).then(loadTokens);
                    }}
                  >
                    {t('account.revokeToken', { name: k.name })}
                  </button>
                </li>
              ))}
          </ul>
        )}
        <form onSubmit={createToken}>
          <Field label={t('field.tokenName')} name="tokenName" value={tokenName} onInput={setTokenName} />
          <button class="button secondary" type="submit">
            {t('account.createToken')}
          </button>
        </form>
      </section>
      <section class="card" aria-labelledby="delete-heading">
        <h2 id="delete-heading">{t('account.delete')}</h2>
        <p>{t('account.deleteIntro')}</p>
        <button type="button" class="button danger" onClick={() => setConfirmDelete(true)}>
          {t('account.delete')}
        </button>
        <Dialog open={confirmDelete} title={t('account.delete')} onClose={() => setConfirmDelete(false)}>
          <p>{t('account.deleteIntro')}</p>
          <form onSubmit={deleteAccount}>
            <ErrorMessage message={deleteError?.message} />
            <Field
              label={t('field.password')}
              name="deletePassword"
              type="password"
              autoComplete="current-password"
              value={deletePassword}
              onInput={setDeletePassword}
              error={deleteError?.fieldError('/password')}
            />
            <div class="row">
              <button class="button danger" type="submit">
                {t('account.deleteConfirm')}
              </button>
              <button class="button secondary" type="button" onClick={() => setConfirmDelete(false)}>
                {t('account.cancel')}
              </button>
            </div>
          </form>
        </Dialog>
      </section>
    </main>
  );
}
