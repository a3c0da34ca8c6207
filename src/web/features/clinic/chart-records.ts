// The patient's diary as the chart reads it: every change pulled, newest pain first.
import { api, type DiaryRecord } from '../../api/client.ts';

/** Check-ins shown at a time in the chart's diary tab. */
export const CHART_PAGE = 100;

/** Every change of the patient's diary, page after page (a pull page holds up to 2,000). */
export async function pullAll(patientId: string): Promise<DiaryRecord[]> {
  const items: DiaryRecord[] = [];
  let since: string | undefined;
  for (;;) {
    const page = await api.diaryChanges(patientId, since);
    items.push(...page.items);
    if (!page.hasMore) return items;
    since = page.cursor;
  }
}

/** By when the pain was, latest first (the pull's order is the order of writing). */
export function newestFirst(records: readonly DiaryRecord[]): DiaryRecord[] {
  const key = (r: DiaryRecord) => `${r.entry!.localDate} ${r.entry!.localTime}`;
  return [...records].sort((a, b) => (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0));
}
