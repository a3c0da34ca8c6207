// The main navigation: what each kind of user may open, the current page marked.
import type { ComponentChildren } from 'preact';
import { t } from './i18n/index.ts';
import { navigate } from './router.ts';
import type { PatientInView, SessionValue } from './session.ts';

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

export function AppNav(props: { session: SessionValue; actingFor: PatientInView | null; path: string }) {
  const { session, actingFor, path } = props;
  const me = session.me;
  const clinical = me?.memberships.filter((m) => m.role !== 'admin') ?? [];
  const admin = me?.memberships.filter((m) => m.role === 'admin') ?? [];
  return (
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
  );
}
