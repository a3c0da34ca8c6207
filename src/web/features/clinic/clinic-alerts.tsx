// The clinic's open alerts, each acknowledged only after a confirmation.
import { useEffect, useState } from 'preact/hooks';
import { api, type AlertView, type ApiError } from '../../api/client.ts';
import { Empty, ErrorMessage, Loading, showToast } from '../../components/ui.tsx';
import { formatDateTime, t, type MessageKey } from '../../i18n/index.ts';
import { navigate } from '../../router.ts';
import { useOrganization } from './use-organization.ts';

export function ClinicAlerts(props: { orgId: string }) {
  const { org } = useOrganization(props.orgId);
  const [alerts, setAlerts] = useState<AlertView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Acknowledging takes the alert off the open list for everyone, so it is confirmed first.
  const [confirming, setConfirming] = useState<string | null>(null);
  const load = () => {
    api.alerts(props.orgId, 'open').then(
      (r) => setAlerts(r.items),
      (e: ApiError) => setError(e.message),
    );
  };
  useEffect(load, [props.orgId]);
  useEffect(() => {
    if (confirming) document.getElementById(`alert-confirm-${confirming}`)?.focus();
  }, [confirming]);
  const cancel = (id: string) => {
    setConfirming(null);
    setTimeout(() => document.getElementById(`alert-ack-${id}`)?.focus());
  };
  return (
    <main id="main" class="wide">
      <h1>{t('clinic.alerts.title', { org: org?.name ?? '…' })}</h1>
      <ErrorMessage message={error} />
      {alerts === null ? (
        !error && <Loading />
      ) : alerts.length === 0 ? (
        <Empty>{t('clinic.alerts.empty')}</Empty>
      ) : (
        <ul class="list" aria-label={t('clinic.alerts.list')}>
          {alerts.map((a) => (
            <li key={a.id}>
              <span>
                <a
                  href={`/clinic/${props.orgId}/patients/${a.patientId}`}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(`/clinic/${props.orgId}/patients/${a.patientId}`);
                  }}
                >
                  <strong>{a.patientName}</strong>
                </a>
                {' — '}
                <strong>{t(`clinic.alerts.severity.${a.severity}` as MessageKey)}:</strong> {alertRuleInWords(a.rule)} ·{' '}
                {formatDateTime(a.createdAt, undefined, { showZone: true })}
              </span>
              {confirming === a.id ? (
                <span class="row" role="group" aria-label={t('clinic.alerts.confirmTitle', { name: a.patientName })}>
                  <span>{t('clinic.alerts.confirmText')}</span>
                  <button
                    type="button"
                    id={`alert-confirm-${a.id}`}
                    class="button"
                    onClick={() => {
                      void api.acknowledgeAlert(props.orgId, a.id).then(
                        () => {
                          setConfirming(null);
                          showToast(t('clinic.alerts.acknowledged'));
                          load();
                        },
                        (e: ApiError) => setError(e.message),
                      );
                    }}
                  >
                    {t('clinic.alerts.confirm')}
                  </button>
                  <button type="button" class="button secondary" onClick={() => cancel(a.id)}>
                    {t('clinic.alerts.keepOpen')}
                  </button>
                </span>
              ) : (
                <button type="button" id={`alert-ack-${a.id}`} class="button secondary" onClick={() => setConfirming(a.id)}>
                  {t('clinic.alerts.acknowledge', { name: a.patientName })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

/** An alert's rule in words for the clinician; a rule without words shows its id. */
export function alertRuleInWords(rule: string): string {
  const key = `clinic.alerts.rule.${rule}` as MessageKey;
  const words = t(key);
  return words === key ? rule : words;
}
