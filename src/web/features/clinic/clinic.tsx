import { useEffect, useState } from 'preact/hooks';
import {
  api,
  type ApiError,
  roleLabel,
  type Member,
  type MemberInvitation,
  type Organization,
  type VisiblePatient,
} from '../../api/client.ts';
import { dismissStatusMessages, Empty, ErrorMessage, Field, Loading, OneTimeCode, SelectField, showToast } from '../../components/ui.tsx';
import { auditActionInWords, formatDateTime, t, type MessageKey } from '../../i18n/index.ts';
import { navigate } from '../../router.ts';
import { Sparkline, Trend } from '../../components/trend.tsx';
import { Bars } from '../../components/bars.tsx';
import type { AlertView, DaySummaryView, DiaryRecord, Patient } from '../../api/client.ts';
import { dvprsDescriptor } from '../../../domain/diary/entry.ts';
import { findBodyRegion } from '../../../domain/diary/body-map.ts';
import { lazyPart } from '../../lazy.tsx';

// The Plan and Medicines tabs load their code only when opened.
const PlanPanel = lazyPart<{ orgId: string; patient: Patient }>(() => import('../plan/clinician-plan.tsx').then((m) => m.PlanPanel));
const QuestionnairesPanel = lazyPart<{ orgId: string; patient: Patient }>(() =>
  import('../questionnaires/clinic-questionnaires.tsx').then((m) => m.QuestionnairesPanel),
);
const MedicinesPanel = lazyPart<{ orgId: string; patient: Patient }>(() =>
  import('../plan/clinician-medicines.tsx').then((m) => m.MedicinesPanel),
);

const ROLES = ['physician', 'nurse', 'physical_therapist', 'psychologist', 'pharmacist', 'admin'] as const;
const roleOptions = ROLES.map((r) => ({ value: r, label: roleLabel(r) }));

function useOrganization(orgId: string) {
  const [org, setOrg] = useState<Organization | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.organization(orgId).then(setOrg, (e: ApiError) => setError(e.message));
  }, [orgId]);
  return { org, setOrg, error };
}

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

export function ClinicMembers(props: { orgId: string }) {
  const { org, setOrg, error: orgError } = useOrganization(props.orgId);
  const [members, setMembers] = useState<Member[] | null>(null);
  const [invitations, setInvitations] = useState<MemberInvitation[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Member['role']>('physician');
  const [invited, setInvited] = useState<{ email: string; code: string } | null>(null);
  const [inviteError, setInviteError] = useState<ApiError | null>(null);
  const load = () => {
    api.members(props.orgId).then(setMembers, (e: ApiError) => setError(e.message));
    api.invitations(props.orgId).then(setInvitations, () => {});
  };
  useEffect(load, [props.orgId]);
  const act = async (work: () => Promise<unknown>, message?: string) => {
    setError(null);
    try {
      await work();
      if (message) showToast(message);
      load();
    } catch (err) {
      setError((err as ApiError).message);
    }
  };
  async function invite(e: Event) {
    e.preventDefault();
    setInviteError(null);
    try {
      const result = await api.inviteMember(props.orgId, email, role);
      setInvited({ email: result.invitation.email, code: result.code });
      setEmail('');
      load();
    } catch (err) {
      setInviteError(err as ApiError);
    }
  }
  return (
    <main id="main" class="wide">
      <h1>{t('clinic.members.title', { org: org?.name ?? '…' })}</h1>
      <ErrorMessage message={orgError ?? error} />
      {org && (
        <div class="card row">
          <p>{t('clinic.members.shareCode', { code: org.shareCode })}</p>
          <button type="button" class="button secondary" onClick={() => act(async () => setOrg(await api.rotateShareCode(props.orgId)))}>
            {t('clinic.members.rotate')}
          </button>
        </div>
      )}
      {members === null ? (
        <Loading />
      ) : (
        <ul class="list" aria-label={t('clinic.members.title', { org: org?.name ?? '' })}>
          {members.map((m) => (
            <li key={m.id}>
              <span>
                <strong>{m.displayName}</strong> ({m.email})
              </span>
              <div class="row">
                <SelectField
                  label={t('clinic.members.roleFor', { name: m.displayName })}
                  name={`role-${m.id}`}
                  value={m.role}
                  options={roleOptions}
                  onChange={(r) => act(() => api.changeRole(props.orgId, m.id, r), t('account.saved'))}
                />
                <button type="button" class="button secondary" onClick={() => act(() => api.removeMember(props.orgId, m.id))}>
                  {t('clinic.members.remove', { name: m.displayName })}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <form class="card" onSubmit={invite} noValidate aria-labelledby="invite-member-heading">
        <h2 id="invite-member-heading">{t('clinic.members.invite')}</h2>
        {invited && <OneTimeCode intro={t('clinic.members.inviteCode', { email: invited.email })} code={invited.code} />}
        <ErrorMessage message={inviteError?.message} />
        <Field
          label={t('field.email')}
          name="inviteEmail"
          type="email"
          value={email}
          onInput={setEmail}
          required
          error={inviteError?.fieldError('/email')}
        />
        <SelectField label={t('field.role')} name="inviteRole" value={role} options={roleOptions} onChange={setRole} />
        <button class="button" type="submit">
          {t('clinic.members.invite')}
        </button>
      </form>
      {invitations.length > 0 && (
        <section aria-labelledby="pending-heading">
          <h2 id="pending-heading">{t('clinic.members.pending')}</h2>
          <ul class="list">
            {invitations.map((i) => (
              <li key={i.id}>
                <span>
                  {i.email} — {roleLabel(i.role)}
                </span>
                <button type="button" class="button secondary" onClick={() => act(() => api.withdrawInvitation(props.orgId, i.id))}>
                  {t('clinic.members.withdraw', { email: i.email })}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}

export function ClinicAudit(props: { orgId: string }) {
  const { org } = useOrganization(props.orgId);
  const [items, setItems] = useState<Awaited<ReturnType<typeof api.organizationAudit>>['items'] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = (after?: string) =>
    api.organizationAudit(props.orgId, after).then(
      (page) => {
        setItems((prev) => [...(after ? (prev ?? []) : []), ...page.items]);
        setCursor(page.nextCursor);
      },
      (e: ApiError) => setError(e.message),
    );
  useEffect(() => {
    void load();
  }, [props.orgId]);
  return (
    <main id="main" class="wide">
      <h1>{t('clinic.audit.title', { org: org?.name ?? '…' })}</h1>
      <ErrorMessage message={error} />
      {items === null ? (
        !error && <Loading />
      ) : items.length === 0 ? (
        <Empty>{t('accessLog.empty')}</Empty>
      ) : (
        <div class="table-wrap" tabIndex={0} role="region" aria-label={t('clinic.audit.title', { org: org?.name ?? '' })}>
          <table>
            <caption class="visually-hidden">{t('clinic.audit.title', { org: org?.name ?? '' })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('accessLog.when')}</th>
                <th scope="col">{t('accessLog.who')}</th>
                <th scope="col">{t('accessLog.what')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <td>{formatDateTime(e.at)}</td>
                  <td>{e.actorName ?? '—'}</td>
                  <td>{auditActionInWords(e.action)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cursor && (
        <button type="button" class="button secondary" onClick={() => load(cursor)}>
          {t('accessLog.more')}
        </button>
      )}
    </main>
  );
}

/** Check-ins shown at a time in the chart's diary tab. */
const CHART_PAGE = 100;

/** Every change of the patient's diary, page after page (a pull page holds up to 2,000). */
async function pullAll(patientId: string): Promise<DiaryRecord[]> {
  const items: DiaryRecord[] = [];
  let since: string | undefined;
  for (;;) {
    const page = await api.diaryChanges(patientId, since);
    items.push(...page.items);
    if (!page.hasMore) return items;
    since = page.cursor;
  }
}

/** By when the pain was, latest first (the pull's order is the order of writing). */
function newestFirst(records: readonly DiaryRecord[]): DiaryRecord[] {
  const key = (r: DiaryRecord) => `${r.entry!.localDate} ${r.entry!.localTime}`;
  return [...records].sort((a, b) => (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0));
}

export function PatientChart(props: { orgId: string; patientId: string }) {
  const [patient, setPatient] = useState<Patient | null>(null);
  const [days, setDays] = useState<DaySummaryView[] | null>(null);
  const [records, setRecords] = useState<DiaryRecord[] | null>(null);
  const [tab, setTab] = useState<'overview' | 'diary' | 'questionnaires' | 'plan' | 'medicines'>('overview');
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState(CHART_PAGE);
  // The first check-in "Show older" revealed: focus goes to it, so the keyboard carries on from there.
  const [firstNew, setFirstNew] = useState<number | null>(null);
  useEffect(() => {
    if (firstNew !== null) document.getElementById(`chart-entry-${firstNew}`)?.focus();
  }, [firstNew]);
  useEffect(() => {
    api.patient(props.patientId).then(
      (p) => {
        setPatient(p);
        api.recentDays(p.id, 28).then(setDays, () => setDays([]));
        pullAll(p.id).then(
          (items) => setRecords(newestFirst(items.filter((r) => !r.deleted))),
          (e: ApiError) => setError(e.message),
        );
      },
      (e: ApiError) => setError(e.message),
    );
  }, [props.patientId]);
  // A message about what was done on one tab is taken away on going to another.
  const selectTab = (id: typeof tab) => {
    if (id !== tab) dismissStatusMessages();
    setTab(id);
  };
  const tabs = [
    { id: 'overview', label: t('clinic.chart.overview') },
    { id: 'diary', label: t('clinic.chart.diary') },
    { id: 'questionnaires', label: t('q.title') },
    { id: 'plan', label: t('clinic.chart.plan') },
    { id: 'medicines', label: t('clinic.chart.medicines') },
  ] as const;
  return (
    <main id="main" class="wide">
      <h1>{patient ? t('clinic.chart.title', { name: patient.displayName }) : t('app.loading')}</h1>
      {days && (
        <p>
          <Sparkline days={days} label={t('clinic.chart.last28')} />
        </p>
      )}
      <ErrorMessage message={error} />
      <div class="segmented" role="tablist" aria-label={t('clinic.chart.tabs')}>
        {tabs.map((x, i) => (
          <button
            key={x.id}
            id={`tab-${x.id}`}
            type="button"
            role="tab"
            aria-selected={tab === x.id}
            aria-controls={`panel-${x.id}`}
            class={tab === x.id ? 'button' : 'button secondary'}
            tabIndex={tab === x.id ? 0 : -1}
            onClick={() => selectTab(x.id)}
            onKeyDown={(e) => {
              // WAI-ARIA tabs: arrows move between tabs (and select them), Home and End go to the ends.
              const to =
                e.key === 'ArrowRight'
                  ? (i + 1) % tabs.length
                  : e.key === 'ArrowLeft'
                    ? (i - 1 + tabs.length) % tabs.length
                    : e.key === 'Home'
                      ? 0
                      : e.key === 'End'
                        ? tabs.length - 1
                        : null;
              if (to === null) return;
              e.preventDefault();
              selectTab(tabs[to]!.id);
              document.getElementById(`tab-${tabs[to]!.id}`)?.focus();
            }}
          >
            {x.label}
          </button>
        ))}
      </div>
      {patient && tab === 'overview' && (
        <section id="panel-overview" role="tabpanel" aria-labelledby="tab-overview" class="card">
          <p>{t('clinic.chart.timeZone', { zone: patient.timeZone })}</p>
          {patient.birthYear !== null && <p>{t('clinic.chart.born', { year: patient.birthYear })}</p>}
          <h2>{t('clinic.chart.last28')}</h2>
          {days === null ? <Loading /> : <Trend days={days} />}
          {days && days.length > 0 && (
            <Bars label={t('chart.checkInsPerDay')} values={days.map((d) => ({ key: d.localDate, value: d.entryCount }))} />
          )}
        </section>
      )}
      {patient && tab === 'diary' && (
        <section id="panel-diary" role="tabpanel" aria-labelledby="tab-diary">
          {records === null ? (
            <Loading />
          ) : records.length === 0 ? (
            <Empty>{t('diary.empty')}</Empty>
          ) : (
            <>
              <p>{t('clinic.chart.diaryShown', { shown: Math.min(shown, records.length), total: records.length })}</p>
              <ul class="list" aria-label={t('clinic.chart.diary')}>
                {records.slice(0, shown).map((r, i) => (
                  <li key={r.id} id={`chart-entry-${i}`} tabIndex={i === firstNew ? -1 : undefined}>
                    <span>
                      <strong>{r.entry!.intensity}/10</strong> — {dvprsDescriptor(r.entry!.intensity).text} · {r.entry!.localDate}{' '}
                      {r.entry!.localTime}
                      {r.entry!.regions.length > 0
                        ? ` · ${r.entry!.regions.map((x) => findBodyRegion(x.code)?.label ?? x.code).join(', ')}`
                        : ''}
                    </span>
                  </li>
                ))}
              </ul>
              {shown < records.length && (
                <p>
                  <button
                    type="button"
                    class="button secondary"
                    onClick={() => {
                      setFirstNew(shown);
                      setShown(shown + CHART_PAGE);
                    }}
                  >
                    {t('clinic.chart.showOlder')}
                  </button>
                </p>
              )}
            </>
          )}
        </section>
      )}
      {patient && tab === 'questionnaires' && (
        <section id="panel-questionnaires" role="tabpanel" aria-labelledby="tab-questionnaires">
          <QuestionnairesPanel orgId={props.orgId} patient={patient} />
        </section>
      )}
      {patient && tab === 'plan' && (
        <section id="panel-plan" role="tabpanel" aria-labelledby="tab-plan">
          <PlanPanel key={patient.id} orgId={props.orgId} patient={patient} />
        </section>
      )}
      {patient && tab === 'medicines' && (
        <section id="panel-medicines" role="tabpanel" aria-labelledby="tab-medicines">
          <MedicinesPanel key={patient.id} orgId={props.orgId} patient={patient} />
        </section>
      )}
    </main>
  );
}

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
                {formatDateTime(a.createdAt)}
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
function alertRuleInWords(rule: string): string {
  const key = `clinic.alerts.rule.${rule}` as MessageKey;
  const words = t(key);
  return words === key ? rule : words;
}
