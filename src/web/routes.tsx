// Which screen a path shows, and for whom. The first screens (signing in, Today) come with the app;
// everything else loads on demand.
import type { Me } from './api/client.ts';
import { SignIn, SignUp } from './features/auth/auth.tsx';
import { ConfirmSignUp } from './features/auth/confirm-sign-up.tsx';
import { Today } from './features/today/today.tsx';
import { t } from './i18n/index.ts';
import { lazyScreen } from './lazy.tsx';
import { match, navigate } from './router.ts';
import type { PatientInView, SessionValue } from './session.ts';

// Everything but the first screens loads on demand.
const Account = lazyScreen(() => import('./features/account/account.tsx').then((m) => m.Account));
const AcceptInvitation = lazyScreen(() => import('./features/invitations/accept.tsx').then((m) => m.AcceptInvitation));
const Sharing = lazyScreen(() => import('./features/sharing/sharing.tsx').then((m) => m.Sharing));
const AccessLog = lazyScreen(() => import('./features/sharing/access-log.tsx').then((m) => m.AccessLog));
const CheckIn = lazyScreen(() => import('./features/diary/diary.tsx').then((m) => m.CheckIn));
const DiaryHistory = lazyScreen(() => import('./features/diary/diary.tsx').then((m) => m.DiaryHistory));
const Flares = lazyScreen(() => import('./features/flares/flares.tsx').then((m) => m.Flares));
const Questionnaires = lazyScreen(() => import('./features/questionnaires/questionnaires.tsx').then((m) => m.Questionnaires));
const AnswerQuestionnaire = lazyScreen<{ instrumentId: string }>(() =>
  import('./features/questionnaires/answer-questionnaire.tsx').then((m) => m.AnswerQuestionnaire),
);
const QuestionnaireHistory = lazyScreen<{ instrumentId: string }>(() =>
  import('./features/questionnaires/questionnaire-history.tsx').then((m) => m.QuestionnaireHistory),
);
const ClinicInstruments = lazyScreen<{ orgId: string }>(() =>
  import('./features/questionnaires/clinic-questionnaires.tsx').then((m) => m.ClinicInstruments),
);
const MyPlan = lazyScreen(() => import('./features/plan/my-plan.tsx').then((m) => m.MyPlan));
const Visits = lazyScreen(() => import('./features/visits/visits.tsx').then((m) => m.Visits));
const VisitPage = lazyScreen<{ id: string }>(() => import('./features/visits/visit-page.tsx').then((m) => m.VisitPage));
const Insights = lazyScreen(() => import('./features/insights/insights.tsx').then((m) => m.Insights));
const Report = lazyScreen(() => import('./features/report/report.tsx').then((m) => m.Report));
const BlockDiaries = lazyScreen(() => import('./features/block-diary/block-diaries.tsx').then((m) => m.BlockDiaries));
const BlockDiaryPage = lazyScreen<{ id: string }>(() =>
  import('./features/block-diary/block-diary-page.tsx').then((m) => m.BlockDiaryPage),
);
const ClinicPatients = lazyScreen<{ orgId: string }>(() => import('./features/clinic/clinic-patients.tsx').then((m) => m.ClinicPatients));
const ClinicMembers = lazyScreen<{ orgId: string }>(() => import('./features/clinic/clinic-members.tsx').then((m) => m.ClinicMembers));
const ClinicAudit = lazyScreen<{ orgId: string }>(() => import('./features/clinic/clinic-audit.tsx').then((m) => m.ClinicAudit));
const ClinicAlerts = lazyScreen<{ orgId: string }>(() => import('./features/clinic/clinic-alerts.tsx').then((m) => m.ClinicAlerts));
const PatientChart = lazyScreen<{ orgId: string; patientId: string }>(() =>
  import('./features/clinic/patient-chart.tsx').then((m) => m.PatientChart),
);

export function pageFor(
  path: string,
  session: SessionValue | null,
  actingFor: PatientInView | null,
  signedIn: (next: Me) => void,
  notice: string | null,
) {
  let page;
  let params: Record<string, string> | null;
  if (!session)
    page =
      path === '/sign-up' ? (
        <SignUp onSignedIn={signedIn} />
      ) : path === '/verify-email' ? (
        <ConfirmSignUp onSignedIn={signedIn} />
      ) : (
        <SignIn onSignedIn={signedIn} notice={notice} />
      );
  else if (path === '/' || path === '/today') page = <Today />;
  else if (
    path === '/check-in' &&
    (session.me.patient || (actingFor && actingFor.scopes !== 'owner' && actingFor.scopes.includes('write-diary')))
  )
    page = <CheckIn />;
  else if (path === '/diary' && (session.me.patient || actingFor)) page = <DiaryHistory />;
  else if (path === '/flares' && (session.me.patient || actingFor)) page = <Flares />;
  else if (path === '/questionnaires' && (session.me.patient || actingFor)) page = <Questionnaires />;
  else if ((params = match('/questionnaires/:instrumentId', path)) && (session.me.patient || actingFor))
    page = <AnswerQuestionnaire instrumentId={params.instrumentId!} />;
  else if ((params = match('/questionnaires/:instrumentId/history', path)) && (session.me.patient || actingFor))
    page = <QuestionnaireHistory instrumentId={params.instrumentId!} />;
  else if (path === '/plan' && (session.me.patient || actingFor)) page = <MyPlan />;
  // Reading, as for /plan: a caregiver with read access sees the patient's insights.
  else if (path === '/insights' && (session.me.patient || actingFor)) page = <Insights />;
  // Reading, as for /insights: the report is the record the reader may already see.
  else if (path === '/report' && (session.me.patient || actingFor)) page = <Report />;
  // Reading as for /plan; the pages offer writing only with the diary scope (as /check-in).
  else if (path === '/visits' && (session.me.patient || actingFor)) page = <Visits />;
  else if ((params = match('/visits/:id', path)) && (session.me.patient || actingFor)) page = <VisitPage id={params.id!} />;
  // Reading as for /plan; the pages offer writing only with the diary scope (as /check-in).
  else if (path === '/block-diaries' && (session.me.patient || actingFor)) page = <BlockDiaries />;
  else if ((params = match('/block-diaries/:id', path)) && (session.me.patient || actingFor))
    page = <BlockDiaryPage key={params.id} id={params.id!} />;
  else if (path === '/sharing' && session.me.patient) page = <Sharing />;
  else if (path === '/access-log' && session.me.patient) page = <AccessLog />;
  else if (path === '/account') page = <Account />;
  else if (path === '/invitation') page = <AcceptInvitation />;
  else if ((params = match('/clinic/:orgId/patients', path))) page = <ClinicPatients orgId={params.orgId!} />;
  else if ((params = match('/clinic/:orgId/patients/:patientId', path)))
    page = <PatientChart orgId={params.orgId!} patientId={params.patientId!} />;
  else if ((params = match('/clinic/:orgId/alerts', path))) page = <ClinicAlerts orgId={params.orgId!} />;
  else if ((params = match('/clinic/:orgId/members', path))) page = <ClinicMembers orgId={params.orgId!} />;
  else if ((params = match('/clinic/:orgId/audit', path))) page = <ClinicAudit orgId={params.orgId!} />;
  else if ((params = match('/clinic/:orgId/instruments', path))) page = <ClinicInstruments orgId={params.orgId!} />;
  else
    page = (
      <main id="main">
        <h1>{t('notFound.title')}</h1>
        <a
          href="/"
          onClick={(e) => {
            e.preventDefault();
            navigate('/');
          }}
        >
          {t('notFound.home')}
        </a>
      </main>
    );
  return page;
}
