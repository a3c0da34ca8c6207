// The clinic's patients, each linking to their chart, and a one-time code to invite one.
import { useEffect, useState } from 'preact/hooks';
import { api, type ApiError, type VisiblePatient } from '../../api/client.ts';
import { Empty, ErrorMessage, Loading, OneTimeCode } from '../../components/ui.tsx';
import { formatDateTime, t } from '../../i18n/index.ts';
import { navigate } from '../../router.ts';
import { useOrganization } from './use-organization.ts';

export function ClinicPatients(props: { orgId: string }) {
  const { org, error: orgError } = useOrganization(props.orgId);
  const [patients, setPatients] = useState<VisiblePatient[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [invitation, setInvitation] = useState<{ code: string; expiresAt: string } | null>(null);
  useEffect(() => {
    api.organizationPatients(props.orgId).then(setPatients, (e: ApiError) => setError(e.message));
  }, [props.orgId]);
  return (
    <main id="main" class="wide">
      <h1>{t('clinic.patients.title', { org: org?.name ?? '…' })}</h1>
      <ErrorMessage message={orgError ?? error} />
      <div class="row">
        <button
          type="button"
          class="button secondary"
          onClick={() => {
            api.invitePatient(props.orgId, ['read', 'write']).then(setInvitation, (e: ApiError) => setError(e.message));
          }}
        >
          {t('clinic.patients.invite')}
        </button>
      </div>
      {invitation && (
        <OneTimeCode intro={t('clinic.patients.inviteCode', { date: formatDateTime(invitation.expiresAt) })} code={invitation.code} />
      )}
      {patients === null ? (
        !error && <Loading />
      ) : patients.length === 0 ? (
        <Empty>{t('clinic.patients.empty', { code: org?.shareCode ?? '' })}</Empty>
      ) : (
        <div class="table-wrap" tabIndex={0} role="region" aria-label={t('clinic.patients.title', { org: org?.name ?? '' })}>
          <table>
            <caption class="visually-hidden">{t('clinic.patients.title', { org: org?.name ?? '' })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('clinic.patients.name')}</th>
                <th scope="col">{t('clinic.patients.timeZone')}</th>
                <th scope="col">{t('clinic.patients.access')}</th>
              </tr>
            </thead>
            <tbody>
              {patients.map((v) => (
                <tr key={v.patient.id}>
                  <td>
                    <a
                      href={`/clinic/${props.orgId}/patients/${v.patient.id}`}
                      onClick={(e) => {
                        e.preventDefault();
                        navigate(`/clinic/${props.orgId}/patients/${v.patient.id}`);
                      }}
                    >
                      {v.patient.displayName}
                    </a>
                  </td>
                  <td>{v.patient.timeZone}</td>
                  <td>{v.scopes.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
