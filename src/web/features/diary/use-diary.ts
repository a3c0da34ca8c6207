// The person's diary as the server has it: pulled whole (every page of the change feed), live entries
// only, newest first. Shared by the history and the check-in (which edits one of them, or copies the last).
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type ApiError, type DiaryRecord } from '../../api/client.ts';
import { useReloadWhenBackOnline } from '../../components/ui.tsx';

/** When a check-in was about, newest first (its own local date and time), then the later change first. */
const newestFirst = (a: DiaryRecord, b: DiaryRecord): number =>
  `${b.entry!.localDate} ${b.entry!.localTime}`.localeCompare(`${a.entry!.localDate} ${a.entry!.localTime}`) || b.changeSeq - a.changeSeq;

/**
 * The whole diary as the server has it: the pull comes oldest change first, a page at a time, so the
 * newest entries are on the last page; pages are followed while the server says `hasMore`.
 */
async function pullWholeDiary(patientId: string): Promise<DiaryRecord[]> {
  const byId = new Map<string, DiaryRecord>();
  let since: string | undefined;
  for (;;) {
    const page = await api.diaryChanges(patientId, since);
    for (const r of page.items) byId.set(r.id, r); // a later change to an entry replaces the earlier
    if (!page.hasMore || page.items.length === 0 || page.cursor === since) break;
    since = page.cursor;
  }
  return [...byId.values()].filter((r) => !r.deleted && r.entry).sort(newestFirst);
}

/** The person's diary as the server has it, newest first (live entries only). */
export function useDiary(patientId: string): { records: DiaryRecord[] | null; error: ApiError | null; reload: () => void } {
  const [records, setRecords] = useState<DiaryRecord[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const latest = useRef(0);
  const reload = () => {
    // Only the latest load counts: an earlier one answering late must not overwrite it.
    const mine = ++latest.current;
    pullWholeDiary(patientId).then(
      (list) => {
        if (mine === latest.current) {
          setRecords(list);
          setError(null);
        }
      },
      (e: ApiError) => {
        if (mine === latest.current) setError(e);
      },
    );
  };
  useEffect(reload, [patientId]);
  useReloadWhenBackOnline(reload, [patientId]);
  return { records, error, reload };
}
