import { useState } from 'preact/hooks';
import { api, type ApiError } from '../../api/client.ts';
import { ErrorMessage, Field, showToast } from '../../components/ui.tsx';
import { t } from '../../i18n/index.ts';
import { navigate } from '../../router.ts';
import { useSession } from '../../session.ts';

export function AcceptInvitation() {
  const { me, refresh } = useSession();
  const kinds = [...(me.patient ? ['clinic' as const] : []), 'caregiver' as const, 'member' as const];
  const [kind, setKind] = useState<'clinic' | 'caregiver' | 'member'>(kinds[0]!);
  const [code, setCode] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  async function submit(e: Event) {
    e.preventDefault();
    setError(null);
    try {
      if (kind === 'clinic') {
        const rel = await api.acceptClinicInvitation(me.patient!.id, code.trim());
        showToast(t('invitation.acceptedClinic', { name: rel.organizationName }));
      } else if (kind === 'caregiver') {
        await api.acceptCaregiver(code.trim());
        showToast(t('invitation.acceptedCaregiver'));
      } else {
        await api.acceptMember(code.trim());
        showToast(t('invitation.acceptedMember'));
      }
      await refresh();
      navigate('/');
    } catch (err) {
      setError(err as ApiError);
    }
  }
  return (
    <main id="main">
      <h1>{t('invitation.title')}</h1>
      <ErrorMessage message={error?.message} />
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend class="legend">{t('invitation.title')}</legend>
          {kinds.map((k) => (
            <div class="check" key={k}>
              <input type="radio" id={`kind-${k}`} name="kind" checked={kind === k} onChange={() => setKind(k)} />
              <label for={`kind-${k}`}>
                {t(k === 'clinic' ? 'invitation.clinic' : k === 'caregiver' ? 'invitation.caregiver' : 'invitation.member')}
              </label>
            </div>
          ))}
        </fieldset>
        <Field label={t('field.code')} name="code" value={code} onInput={setCode} required error={error?.fieldError('/code')} />
        <button class="button" type="submit">
          {t('invitation.accept')}
        </button>
      </form>
    </main>
  );
}
