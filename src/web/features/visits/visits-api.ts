// Typed calls for visits. The shapes mirror the API presenters in app/visits.ts: a visit as stored with
// its id and version, and the preparation read from the record. Types only from the domain and contract.
import type { z } from 'zod';
import type { VisitBody } from '../../../contract/visits.ts';
import type { SuggestedQuestion, Visit } from '../../../domain/visits/visit.ts';
import { request } from '../../api/client.ts';
import type { TrendView } from '../insights/insights-api.ts';

export type VisitInput = z.input<typeof VisitBody>;

export interface VisitView extends Visit {
  readonly id: string;
  readonly version: number;
  readonly updatedAt: string;
}

export interface PreparationView {
  readonly visit: VisitView;
  readonly window: { readonly from: string; readonly to: string; readonly days: number; readonly firstVisit: boolean };
  readonly pain: Pick<TrendView, 'baseline' | 'latest' | 'change'> & {
    readonly daysWithEntries: number;
    readonly worstDays: readonly { readonly date: string; readonly maxIntensity: number }[];
  };
  readonly flares: readonly { readonly id: string; readonly startedAt: string; readonly peakIntensity: number | null }[];
  readonly medicines: {
    readonly orders: readonly { readonly id: string; readonly name: string; readonly schedule: string }[];
    readonly totalMme: number;
    readonly asNeeded: readonly { readonly name: string; readonly times: number; readonly days: number }[];
  };
  readonly whatWorks: readonly { readonly verdict: 'lower' | 'higher'; readonly sentence: string }[];
  readonly questionnaires: readonly {
    readonly id: string;
    readonly title: string;
    readonly completedAt: string;
    readonly score: number | null;
    readonly band: string | null;
  }[];
  readonly suggestedQuestions: readonly SuggestedQuestion[];
}

const base = (pid: string) => `/api/patients/${pid}/visits`;

/** The body a PUT takes: the stored fields only. */
export function toInput(v: Visit): VisitInput {
  return {
    date: v.date,
    kind: v.kind,
    with: v.with,
    whatMattersMost: v.whatMattersMost,
    goals: [...v.goals],
    questions: v.questions.map((q) => ({ topic: q.topic, text: q.text, answer: q.answer })),
    planChanges: v.planChanges,
  };
}

export const visitsApi = {
  list: (pid: string) => request<{ items: VisitView[] }>('GET', base(pid)),
  get: (pid: string, id: string) => request<VisitView>('GET', `${base(pid)}/${id}`),
  preparation: (pid: string, id: string) => request<PreparationView>('GET', `${base(pid)}/${id}/preparation`),
  /** Create (no version) or edit (If-Match on `version`); a 409 carries the server's copy as `current`. */
  save: (pid: string, id: string, body: VisitInput, version?: number) =>
    request<VisitView & { status: 'created' | 'updated' | 'unchanged' }>(
      'PUT',
      `${base(pid)}/${id}`,
      body,
      version === undefined ? {} : { 'if-match': `"${version}"` },
    ),
  remove: (pid: string, id: string, version: number) =>
    request<void>('DELETE', `${base(pid)}/${id}`, undefined, { 'if-match': `"${version}"` }),
};
