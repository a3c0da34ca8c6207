// The main navigation: what each kind of user may open, the current page marked. On a wide screen
// every place is listed in the header. On a phone the same list becomes a bar fixed to the bottom
// with the main places for this kind of user (at most four) and "More", a sheet with the rest, so the
// menu takes one row instead of four and the check-in is one tap away from every screen.
import { useEffect, useState } from 'preact/hooks';
import { Dialog } from './components/dialog.tsx';
import { t } from './i18n/index.ts';
import { navigate } from './router.ts';
import type { PatientInView, SessionValue } from './session.ts';

/** Below this width the navigation is the bottom bar; the stylesheet uses the same breakpoint. */
const PHONE = '(max-width: 40rem)';
/** How many places the bottom bar shows beside "More": five targets fit a 360 px phone at 44 px each. */
const BAR_PLACES = 4;

interface Place {
  readonly key: string;
  readonly href: string;
  readonly label: string;
  /** Whether this place may take one of the bar's slots: the daily places, not settings or rarer ones. */
  readonly main: boolean;
}

/** Every place this user may open, in the order the wide header lists them. */
function placesFor(session: SessionValue, actingFor: PatientInView | null): Place[] {
  const me = session.me;
  // Each clinic's places follow what the member's role may do there (the role matrix, via /api/me).
  const holding = (permission: (typeof me.memberships)[number]['permissions'][number]) =>
    me.memberships.filter((m) => m.permissions.includes(permission));
  const clinical = holding('view-panel');
  const alerting = holding('review-alerts');
  const members = holding('manage-members');
  const auditors = holding('read-audit');
  const licensing = holding('manage-licences');
  const record = Boolean(me.patient || actingFor);
  const place = (key: string, href: string, label: string, main = false): Place => ({ key, href, label, main });
  return [
    place('today', '/', t('nav.today'), true),
    ...(record
      ? [
          place('check-in', '/check-in', t('nav.checkIn'), true),
          place('diary', '/diary', t('nav.diary'), true),
          place('flares', '/flares', t('nav.flares')),
          place('questionnaires', '/questionnaires', t('nav.questionnaires')),
          place('plan', '/plan', t('nav.plan'), true),
          place('insights', '/insights', t('nav.insights')),
          place('visits', '/visits', t('nav.visits')),
          place('report', '/report', t('nav.report')),
          place('block-diaries', '/block-diaries', t('nav.blockDiary')),
        ]
      : []),
    ...(me.patient ? [place('sharing', '/sharing', t('nav.sharing')), place('access-log', '/access-log', t('nav.accessLog'))] : []),
    ...clinical.map((m) =>
      place(
        `p-${m.id}`,
        `/clinic/${m.organizationId}/patients`,
        clinical.length > 1 ? `${t('nav.patients')} · ${m.organizationName}` : t('nav.patients'),
        true,
      ),
    ),
    ...alerting.map((m) => place(`al-${m.id}`, `/clinic/${m.organizationId}/alerts`, t('nav.alerts'), true)),
    ...members.map((m) =>
      place(
        `m-${m.id}`,
        `/clinic/${m.organizationId}/members`,
        members.length > 1 ? `${t('nav.members')} · ${m.organizationName}` : t('nav.members'),
        true,
      ),
    ),
    ...auditors.map((m) => place(`a-${m.id}`, `/clinic/${m.organizationId}/audit`, t('nav.audit'), true)),
    ...licensing.map((m) => place(`i-${m.id}`, `/clinic/${m.organizationId}/instruments`, t('nav.instruments'))),
    place('invitation', '/invitation', t('nav.invitation')),
    place('account', '/account', t('nav.account')),
  ];
}

const isCurrent = (href: string, path: string) => path === href || (href !== '/' && path.startsWith(href));

function Link(props: { place: Place; path: string; class?: string; onFollow?: () => void }) {
  return (
    <a
      href={props.place.href}
      class={props.class}
      aria-current={isCurrent(props.place.href, props.path) ? 'page' : undefined}
      onClick={(e) => {
        e.preventDefault();
        props.onFollow?.();
        navigate(props.place.href);
      }}
    >
      {props.place.label}
    </a>
  );
}

export function AppNav(props: { session: SessionValue; actingFor: PatientInView | null; path: string }) {
  const { session, actingFor, path } = props;
  const places = placesFor(session, actingFor);
  const onBar = new Set(
    places
      .filter((p) => p.main)
      .slice(0, BAR_PLACES)
      .map((p) => p.key),
  );
  const rest = places.filter((p) => !onBar.has(p.key));
  const [moreOpen, setMoreOpen] = useState(false);
  // Widening the window past the phone breakpoint hides "More"; a sheet left open would float alone.
  useEffect(() => {
    const phone = matchMedia(PHONE);
    const change = () => {
      if (!phone.matches) setMoreOpen(false);
    };
    phone.addEventListener('change', change);
    return () => phone.removeEventListener('change', change);
  }, []);
  // Closing the modal sheet returns focus to "More" (the browser does that for a modal dialog); after
  // following a link in it, the new page's heading takes focus as after any other link.
  const closeMore = () => setMoreOpen(false);
  const signOut = (extraClass = '') => (
    <button type="button" class={`button link${extraClass}`} onClick={() => void session.signOut()}>
      {t('nav.signOut')}
    </button>
  );
  return (
    <nav class="nav" aria-label={t('nav.main')}>
      <ul class="nav-list">
        {places.map((p) => (
          <li key={p.key} class={onBar.has(p.key) ? undefined : 'nav-rest'}>
            <Link place={p} path={path} />
          </li>
        ))}
        <li class="nav-rest">{signOut()}</li>
        <li class="nav-more">
          <button
            type="button"
            class={rest.some((p) => isCurrent(p.href, path)) ? 'nav-more-button current' : 'nav-more-button'}
            aria-haspopup="dialog"
            aria-expanded={moreOpen}
            onClick={() => setMoreOpen(true)}
          >
            {t('nav.more')}
          </button>
        </li>
      </ul>
      <Dialog open={moreOpen} title={t('nav.moreTitle')} onClose={closeMore} class="sheet">
        <ul class="sheet-list">
          {rest.map((p) => (
            <li key={p.key}>
              <Link place={p} path={path} class="sheet-link" onFollow={() => setMoreOpen(false)} />
            </li>
          ))}
          <li>{signOut(' sheet-link')}</li>
        </ul>
        <button type="button" class="button secondary" onClick={closeMore}>
          {t('common.close')}
        </button>
      </Dialog>
    </nav>
  );
}
