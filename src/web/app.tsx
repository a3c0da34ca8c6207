// The app frame: session, role-aware navigation, online/offline state, routes.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, onSessionEnd, setCsrfToken, type Me } from './api/client.ts';
import { Loading, Toasts } from './components/ui.tsx';
import { AppNav } from './app-nav.tsx';
import { t } from './i18n/index.ts';
import { navigate, usePath } from './router.ts';
import { pageFor } from './routes.tsx';
import { outbox } from './offline/outbox-instance.ts';
import { SessionContext, type PatientInView, type SessionValue } from './session.ts';
import { useOnline } from './use-online.ts';
import { useRouteArrival } from './use-route-arrival.ts';
import { ReauthDialog } from './features/auth/reauth-dialog.tsx';

const PUBLIC = ['/sign-in', '/sign-up', '/verify-email'];

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
  const page = pageFor(path, session, actingFor, signedIn, notice);

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
        {session && <AppNav session={session} actingFor={actingFor} path={path} />}
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
      {session?.me.memberships
        .filter((m) => m.secondFactorMissing)
        .map((m) => (
          <p class="notice" role="status" key={m.organizationId}>
            {t('twoStep.requiredByClinic', { clinic: m.organizationName })}{' '}
            <a
              href="/account"
              onClick={(e) => {
                e.preventDefault();
                navigate('/account');
              }}
            >
              {t('twoStep.requiredLink')}
            </a>
          </p>
        ))}
      {session ? <SessionContext.Provider value={session}>{page}</SessionContext.Provider> : page}
      {session && <ReauthDialog />}
      <Toasts />
    </>
  );
}
