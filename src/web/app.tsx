// The app frame: session, role-aware navigation, online/offline state, routes.
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, onSessionEnd, setCsrfToken, type Me } from './api/client.ts';
import { Loading, Toasts } from './components/ui.tsx';
import { SignIn, SignUp } from './features/auth/auth.tsx';
import { Today } from './features/today/today.tsx';
import { lazyScreen } from './lazy.tsx';
import { outbox } from './offline/outbox-instance.ts';

// Everything but the first screens loads on demand.
const Account = lazyScreen(() => import('./features/account/account.tsx').then((m) => m.Account));
const AcceptInvitation = lazyScreen(() => import('./features/invitations/accept.tsx').then((m) => m.AcceptInvitation));
const Sharing = lazyScreen(() => import('./features/sharing/sharing.tsx').then((m) => m.Sharing));
const AccessLog = lazyScreen(() => import('./features/sharing/sharing.tsx').then((m) => m.AccessLog));
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
import { t } from './i18n/index.ts';
import { match, navigate, usePath } from './router.ts';
import { SessionContext, type PatientInView, type SessionValue } from './session.ts';

const PUBLIC = ['/sign-in', '/sign-up'];

function Link(props: { href: string; current: string; children: ComponentChildren }) {
  const active = props.current === props.href || (props.href !== '/' && props.current.startsWith(props.href));
  return (
    <a
      href={props.href}
      aria-current={active ? 'page' : undefined}
      onClick={(e) => {
        e.preventDefault();
        navigate(props.href);
      }}
    >
      {props.children}
    </a>
  );
}

function useOnline(): boolean {
  const [online, setOnline] = useState(typeof navigator === 'undefined' ? true : navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    addEventListener('online', on);
    addEventListener('offline', off);
    return () => {
      removeEventListener('online', on);
      removeEventListener('offline', off);
    };
  }, []);
  return online;
}

/**
 * After moving to another page (not on the first load): once the page's heading exists (a screen may
 * load its code or data first), the tab's title names it and focus moves to it, so a screen reader
 * announces the new page and the keyboard starts from its top — unless the page has already put focus
 * inside itself (a form it opened, say).
 */
function useRouteArrival(path: string): void {
  const firstLoad = useRef(true);
  useEffect(() => {
    const arriving = !firstLoad.current;
    firstLoad.current = false;
    const arrive = (): boolean => {
      const heading = document.querySelector<HTMLElement>('main h1');
      if (!heading) return false;
      document.title = `${heading.textContent ?? ''} — Painwise`;
      if (arriving && !document.querySelector('main')?.contains(document.activeElement)) {
        if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
        heading.focus({ preventScroll: true });
      }
      return true;
    };
    if (arrive()) return undefined;
    const watch = new MutationObserver(() => {
      if (arrive()) watch.disconnect();
    });
    watch.observe(document.body, { childList: true, subtree: true });
    const giveUp = setTimeout(() => watch.disconnect(), 10_000);
    return () => {
      watch.disconnect();
      clearTimeout(giveUp);
    };
  }, [path]);
}

export function App() {
  const path = usePath();
  const online = useOnline();
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);
  const [returnTo, setReturnTo] = useState<string | null>(null);
  const [actingFor, setActingFor] = useState<PatientInView | null>(null);

  const accept = (next: Me) => {
    setCsrfToken(next.csrfToken);
    setMe(next);
    // Anything written offline before (or while signed out) goes out now that there is a session.
    void outbox.flush();
  };
  useEffect(() => {
    onSessionEnd(() => {
      setCsrfToken(null);
      setMe(null);
      setNotice(t('auth.expired'));
      setReturnTo(location.pathname);
      navigate('/sign-in', { replace: true });
    });
    api.session().then(
      (m) => (m ? accept(m) : setMe(null)),
      () => setMe(null),
    );
  }, []);

  const session: SessionValue | null = useMemo(
    () =>
      me
        ? {
            me,
            actingFor,
            setActingFor,
            refresh: async () => accept(await api.me()),
            signOut: async () => {
              await api.signOut().catch(() => {});
              setCsrfToken(null);
              setMe(null);
              setActingFor(null);
              navigate('/sign-in');
            },
          }
        : null,
    [me, actingFor],
  );

  useEffect(() => {
    if (me === null && !PUBLIC.includes(path)) {
      setReturnTo(path === '/' ? null : path);
      navigate('/sign-in', { replace: true });
    }
    if (me && PUBLIC.includes(path)) navigate(returnTo ?? '/', { replace: true });
  }, [me, path]);

  useEffect(() => {
    const title = document.querySelector('main h1')?.textContent;
    document.title = title ? `${title} — Painwise` : 'Painwise';
  });
  useRouteArrival(path);

  if (me === undefined)
    return (
      <main id="main">
        <Loading />
      </main>
    );

  const signedIn = (next: Me) => {
    accept(next);
    setNotice(null);
    navigate(returnTo ?? '/', { replace: true });
    setReturnTo(null);
  };
  const clinical = me?.memberships.filter((m) => m.role !== 'admin') ?? [];
  const admin = me?.memberships.filter((m) => m.role === 'admin') ?? [];

  let page;
  let params: Record<string, string> | null;
  if (!session) page = path === '/sign-up' ? <SignUp onSignedIn={signedIn} /> : <SignIn onSignedIn={signedIn} notice={notice} />;
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

  return (
    <>
      <a class="skip" href="#main">
        {t('app.skip')}
      </a>
      <header class="header">
        <a
          class="brand"
          href="/"
          onClick={(e) => {
            e.preventDefault();
            navigate('/');
          }}
        >
          {t('app.name')}
        </a>
        {session && (
          <nav class="nav" aria-label={t('nav.main')}>
            <ul>
              <li>
                <Link href="/" current={path}>
                  {t('nav.today')}
                </Link>
              </li>
              {(session.me.patient || actingFor) && (
                <li>
                  <Link href="/check-in" current={path}>
                    {t('nav.checkIn')}
                  </Link>
                </li>
              )}
              {(session.me.patient || actingFor) && (
                <li>
                  <Link href="/diary" current={path}>
                    {t('nav.diary')}
                  </Link>
                </li>
              )}
              {(session.me.patient || actingFor) && (
                <li>
                  <Link href="/flares" current={path}>
                    {t('nav.flares')}
                  </Link>
                </li>
              )}
              {(session.me.patient || actingFor) && (
                <li>
                  <Link href="/questionnaires" current={path}>
                    {t('nav.questionnaires')}
                  </Link>
                </li>
              )}
              {(session.me.patient || actingFor) && (
                <li>
                  <Link href="/plan" current={path}>
                    {t('nav.plan')}
                  </Link>
                </li>
              )}
              {(session.me.patient || actingFor) && (
                <li>
                  <Link href="/block-diaries" current={path}>
                    {t('nav.blockDiary')}
                  </Link>
                </li>
              )}
              {session.me.patient && (
                <li>
                  <Link href="/sharing" current={path}>
                    {t('nav.sharing')}
                  </Link>
                </li>
              )}
              {session.me.patient && (
                <li>
                  <Link href="/access-log" current={path}>
                    {t('nav.accessLog')}
                  </Link>
                </li>
              )}
              {clinical.map((m) => (
                <li key={m.id}>
                  <Link href={`/clinic/${m.organizationId}/patients`} current={path}>
                    {clinical.length > 1 ? `${t('nav.patients')} · ${m.organizationName}` : t('nav.patients')}
                  </Link>
                </li>
              ))}
              {clinical.map((m) => (
                <li key={`al-${m.id}`}>
                  <Link href={`/clinic/${m.organizationId}/alerts`} current={path}>
                    {t('nav.alerts')}
                  </Link>
                </li>
              ))}
              {admin.map((m) => (
                <li key={m.id}>
                  <Link href={`/clinic/${m.organizationId}/members`} current={path}>
                    {admin.length > 1 ? `${t('nav.members')} · ${m.organizationName}` : t('nav.members')}
                  </Link>
                </li>
              ))}
              {admin.map((m) => (
                <li key={`a-${m.id}`}>
                  <Link href={`/clinic/${m.organizationId}/audit`} current={path}>
                    {t('nav.audit')}
                  </Link>
                </li>
              ))}
              {admin.map((m) => (
                <li key={`i-${m.id}`}>
                  <Link href={`/clinic/${m.organizationId}/instruments`} current={path}>
                    {t('nav.instruments')}
                  </Link>
                </li>
              ))}
              <li>
                <Link href="/invitation" current={path}>
                  {t('nav.invitation')}
                </Link>
              </li>
              <li>
                <Link href="/account" current={path}>
                  {t('nav.account')}
                </Link>
              </li>
              <li>
                <button
                  type="button"
                  class="button link"
                  onClick={() => {
                    void session.signOut();
                  }}
                >
                  {t('nav.signOut')}
                </button>
              </li>
            </ul>
          </nav>
        )}
      </header>
      {!online && (
        <div class="banner" role="status">
          {t('app.offline')}
        </div>
      )}
      {actingFor && (
        <div class="banner row" role="status">
          <span>{t('app.actingFor', { name: actingFor.displayName })}</span>
          <button
            type="button"
            class="button secondary"
            onClick={() => {
              setActingFor(null);
              navigate('/');
            }}
          >
            {t('app.stopActing')}
          </button>
        </div>
      )}
      {session?.me.patient && (
        <aside class="crisis" aria-label={t('app.crisisLabel')}>
          <p>{t('app.crisis')}</p>
        </aside>
      )}
      {session ? <SessionContext.Provider value={session}>{page}</SessionContext.Provider> : page}
      <Toasts />
    </>
  );
}
