// The patient's access log: who read or changed their record, and when, page after page. It opens on
// other people's access, since the patient's own devices read the record all day and would bury it.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type ApiError } from '../../api/client.ts';
import { Empty, ErrorMessage, Loading } from '../../components/ui.tsx';
import { auditActionInWords, formatDateTime, t, type MessageKey } from '../../i18n/index.ts';
import { useSession } from '../../session.ts';

type Who = 'others' | 'everyone';

export function AccessLog() {
  const { me } = useSession();
  const pid = me.patient!.id;
  const [who, setWho] = useState<Who>('others');
  const [items, setItems] = useState<Awaited<ReturnType<typeof api.accessLog>>['items'] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A page that arrives after the choice changed belongs to the old list and is dropped.
  const showing = useRef(who);
  showing.current = who;
  const load = (after?: string) =>
    api.accessLog(pid, who, after).then(
      (page) => {
        if (showing.current !== who) return;
        setItems((prev) => [...(after ? (prev ?? []) : []), ...page.items]);
        setCursor(page.nextCursor);
      },
      (e: ApiError) => setError(e.message),
    );
  useEffect(() => {
    setItems(null);
    setCursor(null);
    setError(null);
    void load();
  }, [pid, who]);
  return (
    <main id="main">
      <h1>{t('accessLog.title')}</h1>
      <div class="segmented" role="radiogroup" aria-label={t('accessLog.whose')}>
        {(['others', 'everyone'] as const).map((w) => (
          <button
            key={w}
            type="button"
            role="radio"
            aria-checked={who === w}
            class={who === w ? 'button' : 'button secondary'}
            onClick={() => setWho(w)}
          >
            {t(w === 'others' ? 'accessLog.others' : 'accessLog.everyone')}
          </button>
        ))}
      </div>
      <p>{t(who === 'others' ? 'accessLog.othersIntro' : 'accessLog.intro')}</p>
      <ErrorMessage message={error} />
      {items === null ? (
        <Loading />
      ) : items.length === 0 ? (
        <Empty>{t(who === 'others' ? 'accessLog.othersEmpty' : 'accessLog.empty')}</Empty>
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
