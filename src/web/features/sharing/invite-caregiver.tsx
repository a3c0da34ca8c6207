// Inviting a caregiver with a label and what they may do; the one-time code shows above the list. A
// refused invitation lists its problems at the top of the form (ErrorSummary), which takes focus.
import { useRef, useState } from 'preact/hooks';
import { api, type ApiError } from '../../api/client.ts';
import { ErrorSummary, formLevelMessage, unplacedErrors } from '../../components/error-summary.tsx';
import { Checkbox, ErrorMessage, Field } from '../../components/ui.tsx';
import { t, type MessageKey } from '../../i18n/index.ts';

const CAREGIVER_SCOPES = ['read', 'write-diary', 'answer-questionnaires'] as const;

export function InviteCaregiver(props: { pid: string; onInvited: (invited: { code: string; label: string }) => void }) {
  const { pid } = props;
  const [label, setLabel] = useState('');
  const [scopes, setScopes] = useState<string[]>(['read', 'write-diary']);
  const [inviteError, setInviteError] = useState<ApiError | null>(null);
  const inviteForm = useRef<HTMLFormElement>(null);
  async function invite(e: Event) {
    e.preventDefault();
    setInviteError(null);
    try {
      const { code } = await api.inviteCaregiver(pid, { label, scopes: scopes as (typeof CAREGIVER_SCOPES)[number][] });
      props.onInvited({ code, label });
      setLabel('');
    } catch (err) {
      setInviteError(err as ApiError);
    }
  }
  return (
    <form ref={inviteForm} class="card" onSubmit={invite} noValidate aria-labelledby="invite-heading">
      <h3 id="invite-heading">{t('caregivers.invite')}</h3>
      <ErrorSummary failure={inviteError} form={inviteForm} messages={unplacedErrors(inviteError, ['/label'])} />
      <ErrorMessage message={formLevelMessage(inviteError)} />
      <Field label={t('field.label')} name="label" value={label} onInput={setLabel} required error={inviteError?.fieldError('/label')} />
      <fieldset>
        <legend class="legend">{t('caregivers.invite')}</legend>
        {CAREGIVER_SCOPES.map((s) => (
          <Checkbox
            key={s}
            label={t(`caregivers.scope.${s}` as MessageKey)}
            checked={scopes.includes(s)}
            onChange={(on) => setScopes(on ? [...scopes, s] : scopes.filter((x) => x !== s))}
          />
        ))}
      </fieldset>
      <button class="button" type="submit">
        {t('caregivers.invite')}
      </button>
    </form>
  );
}
