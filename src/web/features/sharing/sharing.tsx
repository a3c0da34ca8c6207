import { useEffect, useRef, useState } from 'preact/hooks';
import { useFocusFirstInvalid } from '../../components/focus-invalid.ts';
import { api, type ApiError, type CareRelationship, type Delegation } from '../../api/client.ts';
import { Checkbox, Empty, ErrorMessage, Field, Loading, OneTimeCode, showToast } from '../../components/ui.tsx';
import { auditActionInWords, formatDate, formatDateTime, t, type MessageKey } from '../../i18n/index.ts';
import { useSession } from '../../session.ts';

const CAREGIVER_SCOPES = ['read', 'write-diary', 'answer-questionnaires'] as const;

function status(r: CareRelationship): 'active' | 'revoked' | 'expired' {
  if (r.revokedAt) return 'revoked';
  if (r.expiresAt && r.expiresAt <= new Date().toISOString()) return 'expired';
  return 'active';
}

export function Sharing() {
  const { me } = useSession();
  const pid = me.patient!.id;
  const [relationships, setRelationships] = useState<CareRelationship[] | null>(null);
  const [caregivers, setCaregivers] = useState<Delegation[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => {
    api.careRelationships(pid).then(setRelationships, (e: ApiError) => setError(e.message));
    api.caregivers(pid).then(setCaregivers, (e: ApiError) => setError(e.message));
  };
  useEffect(load, [pid]);

  // Share with a clinic
  const [shareCode, setShareCode] = useState('');
  const [canWrite, setCanWrite] = useState(true);
  const [until, setUntil] = useState('');
  const [shareError, setShareError] = useState<ApiError | null>(null);
  const shareForm = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(shareError, shareForm);
  async function share(e: Event) {
    e.preventDefault();
    setShareError(null);
    try {
      const rel = await api.share(pid, {
        shareCode,
        scopes: canWrite ? ['read', 'write'] : ['read'],
        ...(until ? { expiresAt: new Date(`${until}T23:59:59`).toISOString() } : {}),
      });
      setShareCode('');
      setUntil('');
      showToast(t('sharing.shared', { name: rel.organizationName }));
      load();
    } catch (err) {
      setShareError(err as ApiError);
    }
  }
  async function stop(r: CareRelationship) {
    try {
      await api.stopSharing(pid, r.id);
      showToast(t('sharing.stopped', { name: r.organizationName }));
      load();
    } catch (err) {
      setError((err as ApiError).message);
    }
  }

  // Invite a caregiver
  const [label, setLabel] = useState('');
  const [scopes, setScopes] = useState<string[]>(['read', 'write-diary']);
  const [invited, setInvited] = useState<{ code: string; label: string } | null>(null);
  const [inviteError, setInviteError] = useState<ApiError | null>(null);
  const inviteForm = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(inviteError, inviteForm);
  async function invite(e: Event) {
    e.preventDefault();
    setInviteError(null);
    try {
      const { code } = await api.inviteCaregiver(pid, { label, scopes: scopes as (typeof CAREGIVER_SCOPES)[number][] });
      setInvited({ code, label });
      setLabel('');
      load();
    } catch (err) {
      setInviteError(err as ApiError);
    }
  }
  async function removeCaregiver(d: Delegation) {
    try {
      await api.revokeCaregiver(pid, d.id);
      showToast(t('caregivers.revoked', { label: d.label }));
      load();
    } catch (err) {
      setError((err as ApiError).message);
    }
  }

  return (
    <main id="main">
      <h1>{t('sharing.title')}</h1>
      <ErrorMessage message={error} />
      <section aria-labelledby="clinics-heading">
        <h2 id="clinics-heading">{t('sharing.clinics')}</h2>
        <p>{t('sharing.clinicsIntro')}</p>
        {relationships === null ? (
          <Loading />
        ) : relationships.length === 0 ? (
          <Empty>{t('sharing.none')}</Empty>
        ) : (
          <ul class="list" aria-label={t('sharing.clinics')}>
            {relationships.map((r) => (
              <li key={r.id}>
                <span>
                  <strong>{r.organizationName}</strong> — {t(`sharing.status.${status(r)}` as MessageKey)}
                  {r.expiresAt && status(r) === 'active' ? ` ${t('sharing.until', { date: formatDate(r.expiresAt) })}` : ''}
                </span>
                {status(r) === 'active' && (
                  <button type="button" class="button secondary" onClick={() => stop(r)}>
                    {t('sharing.stop', { name: r.organizationName })}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        <form ref={shareForm} class="card" onSubmit={share} noValidate aria-labelledby="share-form-heading">
          <h3 id="share-form-heading">{t('sharing.share')}</h3>
          <ErrorMessage message={shareError?.message} />
          <Field
            label={t('field.shareCode')}
            name="shareCode"
            value={shareCode}
            onInput={setShareCode}
            hint={t('field.shareCodeHint')}
            required
            error={shareError?.fieldError('/shareCode')}
          />
          <Checkbox label={t('sharing.canWrite')} checked={canWrite} onChange={setCanWrite} />
          <Field
            label={t('field.endDate')}
            name="until"
            type="date"
            value={until}
            onInput={setUntil}
            error={shareError?.fieldError('/expiresAt')}
          />
          <button class="button" type="submit">
            {t('sharing.share')}
          </button>
        </form>
      </section>

      <section aria-labelledby="caregivers-heading">
        <h2 id="caregivers-heading">{t('caregivers.title')}</h2>
        <p>{t('caregivers.intro')}</p>
        {invited && <OneTimeCode intro={t('caregivers.codeShown', { label: invited.label })} code={invited.code} />}
        {caregivers === null ? (
          <Loading />
        ) : caregivers.filter((d) => !d.revokedAt).length === 0 ? (
          <Empty>{t('caregivers.none')}</Empty>
        ) : (
          <ul class="list" aria-label={t('caregivers.title')}>
            {caregivers
              .filter((d) => !d.revokedAt)
              .map((d) => (
                <li key={d.id}>
                  <span>
                    <strong>{d.label}</strong>
                    {d.caregiverName
                      ? d.caregiverName.trim() === d.label.trim()
                        ? ''
                        : ` (${d.caregiverName})`
                      : ` — ${t('caregivers.pending')}`}
                    : {d.scopes.map((s) => t(`caregivers.scope.${s}` as MessageKey)).join(', ')}
                  </span>
                  <button type="button" class="button secondary" onClick={() => removeCaregiver(d)}>
                    {t('caregivers.revoke', { label: d.label })}
                  </button>
                </li>
              ))}
          </ul>
        )}
        <form ref={inviteForm} class="card" onSubmit={invite} noValidate aria-labelledby="invite-heading">
          <h3 id="invite-heading">{t('caregivers.invite')}</h3>
          <ErrorMessage message={inviteError?.message} />
          <Field
            label={t('field.label')}
            name="label"
            value={label}
            onInput={setLabel}
            required
            error={inviteError?.fieldError('/label')}
          />
          <fieldset>
            <legend class="legend">{t('caregivers.invite')}</legend>
            {CAREGIVER_SCOPES.map((s) => (
              <Checkbox
                key={s}
                label={t(`caregivers.scope.${s}` as MessageKey)}
                checked={scopes.includes(s)}
                onChange={(on) => setScopes(on ? [...scopes, s] : scopes.filter((x) => x !== s))}
              />
            ))}
          </fieldset>
          <button class="button" type="submit">
            {t('caregivers.invite')}
          </button>
        </form>
      </section>
    </main>
  );
}

export function AccessLog() {
  const { me } = useSession();
  const pid = me.patient!.id;
  const [items, setItems] = useState<Awaited<ReturnType<typeof api.accessLog>>['items'] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = (after?: string) =>
    api.accessLog(pid, after).then(
      (page) => {
        setItems((prev) => [...(after ? (prev ?? []) : []), ...page.items]);
        setCursor(page.nextCursor);
      },
      (e: ApiError) => setError(e.message),
    );
  useEffect(() => {
    void load();
  }, [pid]);
  return (
    <main id="main">
      <h1>{t('accessLog.title')}</h1>
      <p>{t('accessLog.intro')}</p>
      <ErrorMessage message={error} />
      {items === null ? (
        <Loading />
      ) : items.length === 0 ? (
        <Empty>{t('accessLog.empty')}</Empty>
      ) : (
        <div class="table-wrap" tabIndex={0} role="region" aria-label={t('accessLog.title')}>
          <table>
            <caption class="visually-hidden">{t('accessLog.title')}</caption>
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
                  <td>{formatDateTime(e.at, me.patient!.timeZone)}</td>
                  <td>
                    {e.actorName ?? '—'} ({t(`accessLog.basis.${e.actorBasis}` as MessageKey) ?? e.actorBasis})
                  </td>
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
