import { useState } from 'preact/hooks';
import { api, type ApiError } from '../../api/client.ts';
import { Dialog, ErrorMessage, Field, PasswordField, showToast } from '../../components/ui.tsx';
import { t } from '../../i18n/index.ts';
import { useSession } from '../../session.ts';
import { ApiTokens } from './api-tokens.tsx';
import { KeepTokens, SignOutEverywhere } from './sign-out-everywhere.tsx';
import { TwoStep } from './two-step.tsx';
import { Passkeys } from './passkeys.tsx';

export function Account() {
  const { me, refresh, signOut } = useSession();
  const [name, setName] = useState(me.user.displayName);
  const [profileError, setProfileError] = useState<ApiError | null>(null);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [passwordError, setPasswordError] = useState<ApiError | null>(null);
  const [keepTokens, setKeepTokens] = useState<string[]>([]);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deletePassword, setDeletePassword] = useState('');
  const [deleteError, setDeleteError] = useState<ApiError | null>(null);

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
      await api.changePassword(current, next, keepTokens);
      setCurrent('');
      setNext('');
      setKeepTokens([]);
      showToast(t('account.passwordChanged'));
    } catch (err) {
      setPasswordError(err as ApiError);
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
        <PasswordField
          label={t('field.currentPassword')}
          name="currentPassword"
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
        {next.length > 0 && <KeepTokens keep={keepTokens} onChange={setKeepTokens} />}
        <button class="button" type="submit">
          {t('account.password')}
        </button>
      </form>
      <TwoStep />
      <Passkeys />
      <ApiTokens />
      <SignOutEverywhere />
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
            <PasswordField
              name="deletePassword"
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
