// The clinic's audit log, page after page.
import { useEffect, useState } from 'preact/hooks';
import { api, type ApiError } from '../../api/client.ts';
import { Empty, ErrorMessage, Loading } from '../../components/ui.tsx';
import { auditActionInWords, formatDateTime, t } from '../../i18n/index.ts';
import { useOrganization } from './use-organization.ts';

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
                  <td>{formatDateTime(e.at, undefined, { showZone: true })}</td>
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
