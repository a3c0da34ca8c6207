// Sharing the record with a clinic by its share code, read-only or read and write, until an optional date.
// A refused share lists its problems at the top of the form (ErrorSummary), which takes focus.
import { useRef, useState } from 'preact/hooks';
import { api, type ApiError } from '../../api/client.ts';
import { ErrorSummary, formLevelMessage, unplacedErrors } from '../../components/error-summary.tsx';
import { Checkbox, ErrorMessage, Field, showToast } from '../../components/ui.tsx';
import { t } from '../../i18n/index.ts';

export function ShareWithClinic(props: { pid: string; onShared: () => void }) {
  const { pid } = props;
  const load = props.onShared;
  const [shareCode, setShareCode] = useState('');
  const [canWrite, setCanWrite] = useState(true);
  const [until, setUntil] = useState('');
  const [shareError, setShareError] = useState<ApiError | null>(null);
  const shareForm = useRef<HTMLFormElement>(null);
  async function share(e: Event) {
    e.preventDefault();
    setShareError(null);
    try {
      const rel = await api.share(pid, {
        shareCode,
        scopes: canWrite ? ['read', 'write'] : ['read'],
        ...(until ? { expiresAt: new Date(`${until}T23:59:59`).toISOString() } : {}),
      });
      setShareCode('');
      setUntil('');
      showToast(t('sharing.shared', { name: rel.organizationName }));
      load();
    } catch (err) {
      setShareError(err as ApiError);
    }
  }
  return (
    <form ref={shareForm} class="card" onSubmit={share} noValidate aria-labelledby="share-form-heading">
      <h3 id="share-form-heading">{t('sharing.share')}</h3>
      <ErrorSummary failure={shareError} form={shareForm} messages={unplacedErrors(shareError, ['/shareCode', '/expiresAt'])} />
      <ErrorMessage message={formLevelMessage(shareError)} />
      <Field
        label={t('field.shareCode')}
        name="shareCode"
        value={shareCode}
        onInput={setShareCode}
        hint={t('field.shareCodeHint')}
        required
        error={shareError?.fieldError('/shareCode')}
      />
      <Checkbox label={t('sharing.canWrite')} checked={canWrite} onChange={setCanWrite} />
      <Field
        label={t('field.endDate')}
        name="until"
        type="date"
        value={until}
        onInput={setUntil}
        error={shareError?.fieldError('/expiresAt')}
      />
      <button class="button" type="submit">
        {t('sharing.share')}
      </button>
    </form>
  );
}
