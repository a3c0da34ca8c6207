// Which of the loaded check-ins the diary list shows: a search over the words a check-in carries (its
// note, medicines and body areas) and one filter (a pain band, or having medicines or a note). The whole
// diary is already on the device, so nothing is asked of the server.
import type { DiaryEntryView } from '../../api/client.ts';
import { painBandOf, type IntensityBand } from '../../../domain/diary/pain-band.ts';

export const DIARY_FILTERS = ['all', 'none', 'mild', 'moderate', 'severe', 'with-medicines', 'with-notes'] as const;
export type DiaryFilter = (typeof DIARY_FILTERS)[number];

export interface DiaryQuery {
  readonly search: string;
  readonly filter: DiaryFilter;
}

export const NO_QUERY: DiaryQuery = { search: '', filter: 'all' };

const BANDS: readonly string[] = ['none', 'mild', 'moderate', 'severe'] satisfies IntensityBand[];

/** Lower case without accents, so "ibuprofene" finds "Ibuprofène" and "KNEE" finds "knee". */
function folded(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLocaleLowerCase();
}

function matchesFilter(entry: DiaryEntryView, filter: DiaryFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'with-medicines') return entry.medicines.length > 0;
  if (filter === 'with-notes') return entry.notes.trim() !== '';
  return BANDS.includes(filter) && painBandOf(entry.intensity) === filter;
}

/**
 * The records whose check-in passes the filter and holds every word of the search (in any order) in its
 * note, a medicine's name or a body area's name (`regionName` gives it, as the list shows it).
 */
export function filterDiary<R extends { entry: DiaryEntryView | null }>(
  records: readonly R[],
  query: DiaryQuery,
  regionName: (code: string) => string,
): R[] {
  const words = folded(query.search).split(/\s+/).filter(Boolean);
  return records.filter((r) => {
    const e = r.entry;
    if (!e || !matchesFilter(e, query.filter)) return false;
    if (words.length === 0) return true;
    const text = folded([e.notes, ...e.medicines.map((m) => m.name), ...e.regions.map((x) => regionName(x.code))].join('\n'));
    return words.every((w) => text.includes(w));
  });
}

export const isQueried = (query: DiaryQuery): boolean => query.filter !== 'all' || query.search.trim() !== '';
