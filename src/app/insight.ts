// Insight use cases. "What works for me" reads the diary entries of the period with one range scan of
// the live-rows index (the same read as day summaries), turns them into day-by-day series and runs the
// domain's comparisons; nothing is stored, so nothing can drift from the entries. Authorized and
// audited like every read of the record.
//
// Five years of entries take tens of milliseconds to read and compare, and a screen asks for the same
// answer again (each outcome, each visit) between check-ins, so the last answers are kept in memory
// with the patient's change-feed head when computed, as day summaries are: any write of the patient's
// moves the head, so an answer is reused only while nothing of theirs has changed, and dropping the
// cache changes no result, only the time one takes.
import { dailySeries, type WhatWorksOutcome } from '../domain/insight/diary-factors.ts';
import { whatWorks, type WhatWorksItem } from '../domain/insight/what-works.ts';
import { addDays, toLocalDateTime, type TimeZone } from '../domain/time/local-date.ts';
import { authorizePatientAccess } from './access.ts';
import type { AppDeps, RequestContext } from './context.ts';
import { diaryEntriesBetween } from './diary.ts';
import { notFound } from './errors.ts';

/** Answers kept per database: about 30 KB each (every comparison of both outcomes). */
const MAX_KEPT = 256;
const kept = new WeakMap<object, Map<string, { readonly head: number; readonly items: readonly WhatWorksItem[] }>>();

function keptFor(deps: AppDeps) {
  let map = kept.get(deps.store);
  if (!map) kept.set(deps.store, (map = new Map()));
  return map;
}

/**
 * Every factor × lag comparison of `outcome` over the last `days` local dates up to today in the
 * patient's time zone. The false-discovery control counts the comparisons of every outcome, whichever
 * one is asked for, so a finding does not become one by asking for one outcome at a time.
 */
export async function readWhatWorks(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  outcome: WhatWorksOutcome,
  days: number,
): Promise<{ items: WhatWorksItem[] }> {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'read');
  const patient = await deps.store.patients.findById(patientId);
  if (!patient) throw notFound('The patient');
  const today = toLocalDateTime(deps.clock.now(), patient.timeZone as TimeZone).date;
  const from = addDays(today, 1 - days);
  const cache = keptFor(deps);
  const key = `${patientId} ${from} ${today}`;
  const head = await deps.store.records.lastChangeSeq(patientId);
  let all = cache.get(key)?.head === head ? cache.get(key)!.items : undefined;
  if (all) cache.delete(key);
  else all = whatWorks(dailySeries(await diaryEntriesBetween(deps.store, patientId, from, today), from, days));
  // Most recently used last, so the first key the map yields is the one to drop.
  cache.set(key, { head, items: all });
  if (cache.size > MAX_KEPT) cache.delete(cache.keys().next().value!);
  await deps.store.audit.append([access.audit('what-works.read', 'diary_entry', null)]);
  return { items: all.filter((i) => i.outcome === outcome) };
}
