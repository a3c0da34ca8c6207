// Observation search over what one patient holds: the diary's Observations and the questionnaire
// totals, filtered by the parsed query and cut into a page. Pure.
//
// Order: a search that only diary measures can match follows the diary's own order (newest entry
// first by its wall clock, an entry's measures in a fixed order), so the newest page needs only the
// newest entries read; one that may also match questionnaire totals reads everything and orders by
// the instant measured, newest first. Either order depends only on the query, so pages of one query
// never overlap or skip.
import { LOINC, PAINWISE_SYSTEM } from './common.ts';
import { type DiaryRecordInput, diaryObservations, diaryProvenance, PAIN_SEVERITY_LOINC } from './diary-observations.ts';
import { questionnaireObservationsOf, type ScoredResponseInput } from './questionnaire-observations.ts';
import { resourceMatches, type SearchQuery, type TokenFilter } from './search.ts';

type Resource = Record<string, unknown>;

/** Whether a code filter can match a questionnaire total (any LOINC code but the diary's pain severity, or Painwise's score codes). */
function mayMatchQuestionnaires(q: SearchQuery): boolean {
  const tokenMay = (t: TokenFilter) =>
    t.system === undefined
      ? t.code !== PAIN_SEVERITY_LOINC.code
      : (t.system === LOINC && t.code !== PAIN_SEVERITY_LOINC.code) || t.system === PAINWISE_SYSTEM.questionnaireScore;
  return q.code.every((group) => group.some(tokenMay)) && q.ids.every((group) => group.some((id) => id.endsWith('.score')));
}

export interface ObservationSources {
  readonly diary: readonly DiaryRecordInput[];
  /** True when `diary` holds every live entry of the patient. */
  readonly diaryComplete: boolean;
  readonly responses: readonly (ScoredResponseInput & { readonly instrumentId: string })[];
}

export type ObservationPage =
  | { readonly kind: 'page'; readonly matches: readonly Resource[]; readonly total: number | undefined; readonly hasMore: boolean }
  /** The newest entries read were not enough for this page: read more and search again. */
  | { readonly kind: 'need-more' };

/** Entries a first attempt reads at most: most entries hold several matching measures. */
const FIRST_READ = 32;

/**
 * How many of the newest diary entries to read: `all` when the search needs every one, otherwise a
 * few first, then four times as many after each attempt that did not fill the page (`previous`),
 * never more than the page could need if every entry matched once, then every entry.
 */
export function diaryNeeded(q: SearchQuery, previous?: number): number | 'all' {
  if (mayMatchQuestionnaires(q)) return 'all';
  const enough = q.offset + q.count + 1;
  if (previous === undefined) return Math.min(enough, q.offset + FIRST_READ);
  return previous >= enough ? 'all' : Math.min(enough, previous * 4);
}
export const needsQuestionnaires = mayMatchQuestionnaires;

const effectiveOf = (r: Resource) => r.effectiveDateTime as string | undefined;

export function searchObservations(sources: ObservationSources, q: SearchQuery): ObservationPage {
  const wanted = q.offset + q.count;
  const matches: Resource[] = [];
  for (const record of sources.diary) for (const o of diaryObservations(record)) if (resourceMatches(o, q, effectiveOf)) matches.push(o);
  const withQuestionnaires = mayMatchQuestionnaires(q);
  if (withQuestionnaires) {
    for (const o of questionnaireObservationsOf(sources.responses)) if (resourceMatches(o, q, effectiveOf)) matches.push(o);
    const at = (r: Resource) => Date.parse(effectiveOf(r) ?? '');
    matches.sort((a, b) => at(b) - at(a) || String(a.id).localeCompare(String(b.id)));
  }
  if (!sources.diaryComplete && matches.length <= wanted) return { kind: 'need-more' };
  return {
    kind: 'page',
    matches: matches.slice(q.offset, wanted),
    total: sources.diaryComplete ? matches.length : undefined,
    hasMore: matches.length > wanted,
  };
}

/** The Provenance of each diary entry whose Observations are among `observations`, once each. */
export function provenancesOf(diary: readonly DiaryRecordInput[], observations: readonly Resource[]): Resource[] {
  const entryIds = new Set(observations.map((o) => String(o.id).split('.')[0]));
  return diary.filter((r) => entryIds.has(r.entry.id)).map(diaryProvenance);
}
