// The patient's access log: who read or changed their record, and when, page after page.
import { useEffect, useState } from 'preact/hooks';
import { api, type ApiError } from '../../api/client.ts';
import { Empty, ErrorMessage, Loading } from '../../components/ui.tsx';
import { auditActionInWords, formatDateTime, t, type MessageKey } from '../../i18n/index.ts';
import { useSession } from '../../session.ts';

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
