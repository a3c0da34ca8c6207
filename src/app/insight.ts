// Insight use cases. "What works for me" reads the diary entries of the period with one range scan of
// the live-rows index (the same read as day summaries), turns them into day-by-day series and runs the
// domain's comparisons; nothing is stored, so nothing can drift from the entries. Authorized and
// audited like every read of the record.
import { dailySeries, type WhatWorksOutcome } from '../domain/insight/diary-factors.ts';
import { whatWorks, type WhatWorksItem } from '../domain/insight/what-works.ts';
import { addDays, toLocalDateTime, type TimeZone } from '../domain/time/local-date.ts';
import { authorizePatientAccess } from './access.ts';
import type { AppDeps, RequestContext } from './context.ts';
import { diaryEntriesBetween } from './diary.ts';
import { notFound } from './errors.ts';

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
  const entries = await diaryEntriesBetween(deps.store, patientId, from, today);
  const items = whatWorks(dailySeries(entries, from, days)).filter((i) => i.outcome === outcome);
  await deps.store.audit.append([access.audit('what-works.read', 'diary_entry', null)]);
  return { items };
}
