import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client.ts';
import { ErrorMessage, Field, showToast } from '../../components/ui.tsx';
import { t } from '../../i18n/index.ts';
import { navigate } from '../../router.ts';
import { useSession } from '../../session.ts';

export function AcceptInvitation() {
  const { refresh } = useSession();
  const [kind, setKind] = useState<'caregiver' | 'member'>('caregiver');
  const [code, setCode] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  async function submit(e: Event) {
    e.preventDefault();
    setError(null);
    try {
      if (kind === 'caregiver') await api.acceptCaregiver(code.trim());
      else await api.acceptMember(code.trim());
      showToast(kind === 'caregiver' ? t('invitation.acceptedCaregiver') : t('invitation.acceptedMember'));
      await refresh();
      navigate('/');
    } catch (err) { setError(err as ApiError); }
  }
  return (
    <main id="main">
      <h1>{t('invitation.title')}</h1>
      <ErrorMessage message={error?.message} />
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend class="legend">{t('invitation.title')}</legend>
          {(['caregiver', 'member'] as const).map((k) => (
            <div class="check" key={k}>
              <input type="radio" id={`kind-${k}`} name="kind" checked={kind === k} onChange={() => setKind(k)} />
              <label for={`kind-${k}`}>{t(k === 'caregiver' ? 'invitation.caregiver' : 'invitation.member')}</label>
            </div>
          ))}
        </fieldset>
        <Field label={t('field.code')} name="code" value={code} onInput={setCode} required error={error?.fieldError('/code')} />
        <button class="button" type="submit">{t('invitation.accept')}</button>
      </form>
    </main>
  );
}
