import { useEffect, useState } from 'preact/hooks';
import { api, type ApiError, type CareRelationship, type DaySummaryView, type VisiblePatient } from '../../api/client.ts';
import { questionnairesApi, type DueItem } from '../../api/questionnaires.ts';
import { Trend } from '../../components/trend.tsx';
import { BlockDiaryToday } from '../block-diary/block-diary-reminder.tsx';
import { ErrorMessage, LoadFailed, Loading, useReloadWhenBackOnline } from '../../components/ui.tsx';
import { t } from '../../i18n/index.ts';
import { navigate } from '../../router.ts';
import { useSession } from '../../session.ts';

export function Today() {
  const { me, refresh, setActingFor } = useSession();
  const [sharing, setSharing] = useState<CareRelationship[] | null>(null);
  const [sharingError, setSharingError] = useState<string | null>(null);
  const [caring, setCaring] = useState<VisiblePatient[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [days, setDays] = useState<DaySummaryView[] | null>(null);
  const [daysError, setDaysError] = useState<string | null>(null);
  const [due, setDue] = useState<DueItem[]>([]);
  // Each card says when its part could not be loaded (offline), with a Retry, instead of loading forever
  // or showing an empty state that is not true.
  const loadSharing = () => {
    if (me.patient)
      api.careRelationships(me.patient.id).then(
        (list) => {
          setSharing(list);
          setSharingError(null);
        },
        (e: ApiError) => setSharingError(e.message),
      );
  };
  const loadDays = () => {
    if (me.patient)
      api.recentDays(me.patient.id, 28).then(
        (list) => {
          setDays(list);
          setDaysError(null);
        },
        (e: ApiError) => setDaysError(e.message),
      );
  };
  const load = () => {
    loadSharing();
    loadDays();
    if (me.patient)
      questionnairesApi.due(me.patient.id).then(
        (r) => setDue(r.items),
        () => {},
      );
    api.patients().then(
      (list) => setCaring(list.filter((v) => v.basis === 'caregiver')),
      () => {},
    );
  };
  useEffect(load, [me.patient?.id]);
  useReloadWhenBackOnline(load, [me.patient?.id]);
  async function startRecord() {
    try {
      await api.createPatient({ timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC' });
      await refresh();
    } catch (e) {
      setError((e as ApiError).message);
    }
  }
  const active = sharing?.filter((r) => !r.revokedAt && (!r.expiresAt || r.expiresAt > new Date().toISOString())) ?? [];
  return (
    <main id="main">
      <h1>{t('today.title')}</h1>
      <p>{t('today.greeting', { name: me.user.displayName })}</p>
      <ErrorMessage message={error} />
      {caring.length > 0 && (
        <section class="card">
          <p>{t('today.actingFor', { names: caring.map((c) => c.patient.displayName).join(', ') })}</p>
          <div class="row">
            {caring.map((c) => (
              <button
                key={c.patient.id}
                type="button"
                class="button"
                onClick={() => {
                  setActingFor({ id: c.patient.id, displayName: c.patient.displayName, timeZone: c.patient.timeZone, scopes: c.scopes });
                  navigate('/diary');
                }}
              >
                {t('today.helpNow', { name: c.patient.displayName })}
              </button>
            ))}
          </div>
        </section>
      )}
      {me.patient && due.length > 0 && (
        <section class="card" aria-labelledby="due-q-heading">
          <h2 id="due-q-heading">{t('today.dueQuestionnaires')}</h2>
          <ul class="list">
            {due.map((d) => (
              <li key={d.id}>
                <span>
                  {d.title}
                  {d.status === 'overdue' ? ` — ${t('q.overdue')}` : ''}
                </span>
                <a
                  class="button"
                  href={`/questionnaires/${d.instrumentId}`}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(`/questionnaires/${d.instrumentId}`);
                  }}
                >
                  {t('q.start', { title: d.title })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {me.patient && <BlockDiaryToday patientId={me.patient.id} />}
      {me.patient && (
        <section class="card" aria-labelledby="checkin-heading">
          <h2 id="checkin-heading">{t('trend.title')}</h2>
          <p>
            <a
              class="button"
              href="/check-in"
              onClick={(e) => {
                e.preventDefault();
                navigate('/check-in');
              }}
            >
              {t('nav.checkIn')}
            </a>
          </p>
          {days === null ? (
            daysError ? (
              <LoadFailed message={t('trend.failed', { message: daysError })} onRetry={loadDays} />
            ) : (
              <Loading />
            )
          ) : (
            <Trend days={days} />
          )}
        </section>
      )}
      {me.patient ? (
        <section class="card" aria-labelledby="sharing-heading">
          <h2 id="sharing-heading">{t('nav.sharing')}</h2>
          {sharing === null ? (
            sharingError ? (
              <LoadFailed message={t('today.sharingFailed', { message: sharingError })} onRetry={loadSharing} />
            ) : (
              <Loading />
            )
          ) : (
            <p>{active.length > 0 ? t('today.sharingSummary', { count: active.length }) : t('today.noSharing')}</p>
          )}
          <a
            class="button secondary"
            href="/sharing"
            onClick={(e) => {
              e.preventDefault();
              navigate('/sharing');
            }}
          >
            {t('sharing.share')}
          </a>
        </section>
      ) : me.memberships.length === 0 ? (
        <section class="card">
          <p>{t('today.noRecord')}</p>
          <button type="button" class="button" onClick={startRecord}>
            {t('today.createRecord')}
          </button>
        </section>
      ) : null}
      {me.memberships.map((m) => (
        <ClinicCard key={m.id} membership={m} />
      ))}
    </main>
  );
}

type MembershipView = ReturnType<typeof useSession>['me']['memberships'][number];

/** A clinician's or admin's start: the clinic's open alerts (urgent first) and where the work is. */
function ClinicCard(props: { membership: MembershipView }) {
  const { organizationId: orgId, organizationName, permissions } = props.membership;
  // What the card offers follows the role's permissions in this clinic (the role matrix, via /api/me).
  const reviewsAlerts = permissions.includes('review-alerts');
  const seesPanel = permissions.includes('view-panel');
  const [alerts, setAlerts] = useState<{ open: number; urgent: number } | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const load = () => {
    if (!reviewsAlerts) return;
    api.alerts(orgId, 'open').then(
      (r) => {
        setAlerts({ open: r.items.length, urgent: r.items.filter((a) => a.severity === 'urgent').length });
        setFailed(null);
      },
      (e: ApiError) => setFailed(e.message),
    );
  };
  useEffect(load, [orgId]);
  const link = (href: string, label: string, primary = false) => (
    <a
      class={primary ? 'button' : 'button secondary'}
      href={href}
      onClick={(e) => {
        e.preventDefault();
        navigate(href);
      }}
    >
      {label}
    </a>
  );
  return (
    <section class="card" aria-labelledby={`clinic-${orgId}-heading`}>
      <h2 id={`clinic-${orgId}-heading`}>{organizationName}</h2>
      {reviewsAlerts &&
        (alerts === null ? (
          failed ? (
            <LoadFailed message={t('today.clinic.alertsFailed', { message: failed })} onRetry={load} />
          ) : (
            <Loading />
          )
        ) : (
          <p class={alerts.urgent > 0 ? 'notice' : undefined}>
            {alerts.open === 0 ? t('today.clinic.noAlerts') : t('today.clinic.alerts', { open: alerts.open, urgent: alerts.urgent })}
          </p>
        ))}
      <div class="row">
        {reviewsAlerts && link(`/clinic/${orgId}/alerts`, t('nav.alerts'), (alerts?.open ?? 0) > 0)}
        {seesPanel && link(`/clinic/${orgId}/patients`, t('nav.patients'), !reviewsAlerts)}
        {permissions.includes('manage-members') && link(`/clinic/${orgId}/members`, t('nav.members'))}
        {permissions.includes('manage-licences') && link(`/clinic/${orgId}/instruments`, t('nav.instruments'))}
        {permissions.includes('read-audit') && link(`/clinic/${orgId}/audit`, t('nav.audit'))}
      </div>
    </section>
  );
}
