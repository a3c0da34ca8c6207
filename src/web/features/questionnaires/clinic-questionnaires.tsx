// The organization's Instruments page, where an admin confirms the licences of licensed instruments.
// (The patient chart's Questionnaires tab is in questionnaires-panel.tsx.)
import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from '../../api/client.ts';
import { questionnairesApi, type OrganizationInstrument } from '../../api/questionnaires.ts';
import { Checkbox, Dialog, ErrorMessage, Field, Loading, showToast } from '../../components/ui.tsx';
import { formatDate, t } from '../../i18n/index.ts';

export function ClinicInstruments(props: { orgId: string }) {
  const [items, setItems] = useState<OrganizationInstrument[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [enabling, setEnabling] = useState<OrganizationInstrument | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [note, setNote] = useState('');
  const load = () => {
    questionnairesApi.organizationInstruments(props.orgId).then(
      (r) => setItems(r.items),
      (e: ApiError) => setError(e.message),
    );
  };
  useEffect(load, [props.orgId]);

  async function enable() {
    if (!enabling || !confirmed) return;
    try {
      await questionnairesApi.enableLicence(props.orgId, enabling.id, note.trim() === '' ? null : note.trim());
      showToast(t('licences.done', { title: enabling.shortTitle }));
      setEnabling(null);
      load();
    } catch (e) {
      setError((e as ApiError).message);
    }
  }
  async function disable(i: OrganizationInstrument) {
    try {
      await questionnairesApi.disableLicence(props.orgId, i.id);
      showToast(t('licences.off', { title: i.shortTitle }));
      load();
    } catch (e) {
      setError((e as ApiError).message);
    }
  }

  return (
    <main id="main" class="wide">
      <h1>{t('licences.title')}</h1>
      <p>{t('licences.intro')}</p>
      <ErrorMessage message={error} />
      {items === null && !error ? (
        <Loading />
      ) : (
        items && (
          <ul class="list">
            {items.map((i) => (
              <li key={i.id}>
                <span>
                  <strong>{i.title}</strong>
                  <br />
                  <span class="hint">
                    {i.licence === 'free'
                      ? t('licences.free')
                      : i.enabled && i.confirmation
                        ? t('licences.enabled', { name: i.confirmation.byName ?? '—', date: formatDate(i.confirmation.at) })
                        : t('licences.disabled')}
                  </span>
                  <br />
                  <span class="hint">{i.attribution}</span>
                </span>
                {i.licence === 'licensed' &&
                  (i.enabled ? (
                    <button
                      type="button"
                      class="button secondary"
                      onClick={() => {
                        void disable(i);
                      }}
                    >
                      {t('licences.disable', { title: i.shortTitle })}
                    </button>
                  ) : (
                    <button
                      type="button"
                      class="button"
                      onClick={() => {
                        setEnabling(i);
                        setConfirmed(false);
                        setNote('');
                      }}
                    >
                      {t('licences.enable', { title: i.shortTitle })}
                    </button>
                  ))}
              </li>
            ))}
          </ul>
        )
      )}
      <Dialog
        open={enabling !== null}
        title={enabling ? t('licences.enable', { title: enabling.shortTitle }) : ''}
        onClose={() => setEnabling(null)}
      >
        {enabling && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void enable();
            }}
          >
            <p class="hint">{withoutInternalReferences(enabling.note)}</p>
            <Checkbox
              label={t('licences.confirm', { title: enabling.shortTitle, holder: enabling.holder })}
              checked={confirmed}
              onChange={setConfirmed}
            />
            <Field label={t('licences.note')} name="note" value={note} onInput={setNote} />
            <div class="row">
              <button type="button" class="button secondary" onClick={() => setEnabling(null)}>
                {t('licences.cancel')}
              </button>
              <button type="submit" class="button" disabled={!confirmed}>
                {t('licences.save')}
              </button>
            </div>
          </form>
        )}
      </Dialog>
    </main>
  );
}

/**
 * A licence note without the references to this project's own clinical notes ("(instruments.md §3)"),
 * which mean nothing to a clinic's admin; the publisher's terms stay as written.
 */
export function withoutInternalReferences(text: string): string {
  return text
    .replace(/\s*\(?\binstruments\.md(?:\s*§[\d.]+(?:,\s*§[\d.]+)*)?\)?/g, '')
    .replace(/\s+\./g, '.')
    .trim();
}
