// One check-in in the person's diary list: pain, when and where, what was taken, the note, who entered
// it, and Edit and Delete.
import type { DiaryRecord } from '../../api/client.ts';
import { findBodyRegion } from '../../../domain/diary/body-map.ts';
import { dvprsDescriptor } from '../../../domain/diary/entry.ts';
import { t } from '../../i18n/index.ts';
import { navigate } from '../../router.ts';
import { EntryMore } from './entry-more.tsx';

export const regionName = (code: string): string => findBodyRegion(code)?.label ?? code;

export function DiaryEntryItem(props: { record: DiaryRecord; onDelete: (record: DiaryRecord) => void }) {
  const r = props.record;
  const e = r.entry!;
  const when = `${e.localDate} ${e.localTime}`;
  return (
    <li id={`entry-${r.id}`} tabIndex={-1}>
      <span class="entry-text">
        <span>
          <strong>{e.intensity}/10</strong> — {dvprsDescriptor(e.intensity).text} · {when}
          {e.regions.length > 0 ? ` · ${e.regions.map((x) => regionName(x.code)).join(', ')}` : ''}
        </span>
        <EntryMore entry={e} />
      </span>
      <span class="row">
        <button type="button" class="button secondary" onClick={() => navigate(`/check-in?edit=${r.id}`)}>
          {t('diary.edit', { when })}
        </button>
        <button type="button" class="button secondary" id={`entry-${r.id}-delete`} onClick={() => props.onDelete(r)}>
          {t('diary.delete', { when })}
        </button>
      </span>
    </li>
  );
}
