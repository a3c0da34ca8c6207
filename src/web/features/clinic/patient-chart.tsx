// A patient's chart for the clinic: a 28-day sparkline over tabs for the overview (with the one-screen
// summary of the latest 90 days), the diary, questionnaires, the plan and medicines.
import { useEffect, useState } from 'preact/hooks';
import { api, type ApiError, type DaySummaryView, type DiaryRecord, type Patient } from '../../api/client.ts';
import { Bars } from '../../components/bars.tsx';
import { Sparkline, Trend } from '../../components/trend.tsx';
import { dismissStatusMessages, ErrorMessage, Loading } from '../../components/ui.tsx';
import { t } from '../../i18n/index.ts';
import { lazyPart } from '../../lazy.tsx';
import { ChartDiary } from './chart-diary.tsx';
import { ChartSummary } from './chart-summary.tsx';
import { CHART_PAGE, newestFirst, pullAll } from './chart-records.ts';
import { ChartTabs } from './chart-tabs.tsx';
import { ActingMembership } from './role-permissions.tsx';

// The Plan and Medicines tabs load their code only when opened.
const PlanPanel = lazyPart<{ orgId: string; patient: Patient }>(() => import('../plan/clinician-plan.tsx').then((m) => m.PlanPanel));
const QuestionnairesPanel = lazyPart<{ orgId: string; patient: Patient }>(() =>
  import('../questionnaires/questionnaires-panel.tsx').then((m) => m.QuestionnairesPanel),
);
const MedicinesPanel = lazyPart<{ orgId: string; patient: Patient }>(() =>
  import('../plan/clinician-medicines.tsx').then((m) => m.MedicinesPanel),
);

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
    <ActingMembership orgId={props.orgId}>
      <main id="main" class="wide">
        <h1>{patient ? t('clinic.chart.title', { name: patient.displayName }) : t('app.loading')}</h1>
        {days && (
          <p>
            <Sparkline days={days} label={t('clinic.chart.last28')} />
          </p>
        )}
        <ErrorMessage message={error} />
        <ChartTabs tabs={tabs} tab={tab} onSelect={selectTab} />
        {patient && tab === 'overview' && (
          <section id="panel-overview" role="tabpanel" aria-labelledby="tab-overview" class="card">
            <p>{t('clinic.chart.timeZone', { zone: patient.timeZone })}</p>
            {patient.birthYear != null && <p>{t('clinic.chart.born', { year: patient.birthYear })}</p>}
            <h2>{t('clinic.chart.last28')}</h2>
            {days === null ? <Loading /> : <Trend days={days} />}
            {days && days.length > 0 && (
              <Bars label={t('chart.checkInsPerDay')} values={days.map((d) => ({ key: d.localDate, value: d.entryCount }))} />
            )}
            <ChartSummary orgId={props.orgId} patientId={patient.id} />
          </section>
        )}
        {patient && tab === 'diary' && (
          <ChartDiary
            records={records}
            shown={shown}
            firstNew={firstNew}
            onShowOlder={() => {
              setFirstNew(shown);
              setShown(shown + CHART_PAGE);
            }}
          />
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
    </ActingMembership>
  );
}
