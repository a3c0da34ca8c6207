// Writes of the diary still in the offline outbox, shown in place in the history: deletes the server
// refused (delete anyway, or keep the check-in), and check-ins pending, in conflict or refused.
import type { DiaryRecord } from '../../api/client.ts';
import { t } from '../../i18n/index.ts';
import { outbox } from '../../offline/outbox-instance.ts';
import type { OutboxItem } from '../../offline/outbox.ts';
import { idOf } from './use-outbox-items.ts';

export function RefusedDeletes(props: { items: readonly OutboxItem[]; records: DiaryRecord[] | null }) {
  const { records } = props;
  const refusedDeletes = props.items;
  return (
    <ul class="list" aria-label={t('diary.refusedDeletes')}>
      {refusedDeletes.map((item) => {
        const copy =
          (item.serverCopy as { entry?: { localDate: string; localTime: string } | null } | null | undefined)?.entry ??
          records?.find((r) => r.id === idOf(item.path))?.entry;
        const when = copy ? `${copy.localDate} ${copy.localTime}` : '';
        return (
          <li key={item.key}>
            <span>
              {item.state === 'conflict'
                ? t('diary.deleteConflict', { when })
                : t('diary.deleteFailed', { when, message: item.message ?? '' })}
            </span>
            <span class="row">
              {item.state === 'conflict' && (
                <button
                  type="button"
                  class="button secondary"
                  onClick={() => {
                    void outbox.keepMine(item.key);
                  }}
                >
                  {t('diary.deleteAnyway', { when })}
                </button>
              )}
              <button
                type="button"
                class="button secondary"
                onClick={() => {
                  void outbox.discard(item.key);
                }}
              >
                {t('diary.keepEntry', { when })}
              </button>
            </span>
          </li>
        );
      })}
    </ul>
  );
}

export function PendingEntries(props: { items: readonly OutboxItem[] }) {
  const pendingEntries = props.items;
  return (
    <ul class="list" aria-label={t('diary.pending')}>
      {pendingEntries.map((item) => {
        const body = item.body as { localDate: string; localTime: string; intensity: number };
        return (
          <li key={item.key}>
            <span>
              {body.localDate} {body.localTime} — {body.intensity}/10 ·{' '}
              {item.state === 'pending'
                ? t('diary.pending')
                : item.state === 'conflict'
                  ? t('diary.conflict')
                  : t('diary.failed', { message: item.message ?? '' })}
            </span>
            {item.state === 'conflict' && (
              <span class="row">
                <button
                  type="button"
                  class="button secondary"
                  onClick={() => {
                    void outbox.keepMine(item.key);
                  }}
                >
                  {t('diary.keepMine')}
                </button>
                <button
                  type="button"
                  class="button secondary"
                  onClick={() => {
                    void outbox.discard(item.key);
                  }}
                >
                  {t('diary.takeServer')}
                </button>
              </span>
            )}
            {item.state === 'failed' && (
              <button
                type="button"
                class="button secondary"
                onClick={() => {
                  void outbox.discard(item.key);
                }}
              >
                {t('diary.discard')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
