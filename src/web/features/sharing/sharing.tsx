// Sharing: the clinics the patient shares their record with, and the caregivers who help them.
import { useEffect, useState } from 'preact/hooks';
import { api, type ApiError, type CareRelationship, type Delegation } from '../../api/client.ts';
import { Empty, ErrorMessage, Loading, OneTimeCode, showToast } from '../../components/ui.tsx';
import { formatDate, t, type MessageKey } from '../../i18n/index.ts';
import { useSession } from '../../session.ts';
import { InviteCaregiver } from './invite-caregiver.tsx';
import { ShareWithClinic } from './share-with-clinic.tsx';

function status(r: CareRelationship): 'active' | 'revoked' | 'expired' {
  if (r.revokedAt) return 'revoked';
  if (r.expiresAt && r.expiresAt <= new Date().toISOString()) return 'expired';
  return 'active';
}

export function Sharing() {
  const { me } = useSession();
  const pid = me.patient!.id;
  const [relationships, setRelationships] = useState<CareRelationship[] | null>(null);
  const [caregivers, setCaregivers] = useState<Delegation[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => {
    api.careRelationships(pid).then(setRelationships, (e: ApiError) => setError(e.message));
    api.caregivers(pid).then(setCaregivers, (e: ApiError) => setError(e.message));
  };
  useEffect(load, [pid]);
  async function stop(r: CareRelationship) {
    try {
      await api.stopSharing(pid, r.id);
      showToast(t('sharing.stopped', { name: r.organizationName }));
      load();
    } catch (err) {
      setError((err as ApiError).message);
    }
  }
  const [invited, setInvited] = useState<{ code: string; label: string } | null>(null);
  async function removeCaregiver(d: Delegation) {
    try {
      await api.revokeCaregiver(pid, d.id);
      showToast(t('caregivers.revoked', { label: d.label }));
      load();
    } catch (err) {
      setError((err as ApiError).message);
    }
  }

  return (
    <main id="main">
      <h1>{t('sharing.title')}</h1>
      <ErrorMessage message={error} />
      <section aria-labelledby="clinics-heading">
        <h2 id="clinics-heading">{t('sharing.clinics')}</h2>
        <p>{t('sharing.clinicsIntro')}</p>
        {relationships === null ? (
          <Loading />
        ) : relationships.length === 0 ? (
          <Empty>{t('sharing.none')}</Empty>
        ) : (
          <ul class="list" aria-label={t('sharing.clinics')}>
            {relationships.map((r) => (
              <li key={r.id}>
                <span>
                  <strong>{r.organizationName}</strong> — {t(`sharing.status.${status(r)}` as MessageKey)}
                  {r.expiresAt && status(r) === 'active' ? ` ${t('sharing.until', { date: formatDate(r.expiresAt) })}` : ''}
                </span>
                {status(r) === 'active' && (
                  <button type="button" class="button secondary" onClick={() => stop(r)}>
                    {t('sharing.stop', { name: r.organizationName })}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        <ShareWithClinic pid={pid} onShared={load} />
      </section>

      <section aria-labelledby="caregivers-heading">
        <h2 id="caregivers-heading">{t('caregivers.title')}</h2>
        <p>{t('caregivers.intro')}</p>
        {invited && <OneTimeCode intro={t('caregivers.codeShown', { label: invited.label })} code={invited.code} />}
        {caregivers === null ? (
          <Loading />
        ) : caregivers.filter((d) => !d.revokedAt).length === 0 ? (
          <Empty>{t('caregivers.none')}</Empty>
        ) : (
          <ul class="list" aria-label={t('caregivers.title')}>
            {caregivers
              .filter((d) => !d.revokedAt)
              .map((d) => (
                <li key={d.id}>
                  <span>
                    <strong>{d.label}</strong>
                    {d.caregiverName
                      ? d.caregiverName.trim() === d.label.trim()
                        ? ''
                        : ` (${d.caregiverName})`
                      : ` — ${t('caregivers.pending')}`}
                    : {d.scopes.map((s) => t(`caregivers.scope.${s}` as MessageKey)).join(', ')}
                  </span>
                  <button type="button" class="button secondary" onClick={() => removeCaregiver(d)}>
                    {t('caregivers.revoke', { label: d.label })}
                  </button>
                </li>
              ))}
          </ul>
        )}
        <InviteCaregiver
          pid={pid}
          onInvited={(next) => {
            setInvited(next);
            load();
          }}
        />
      </section>
    </main>
  );
}
