// The care plan as the clinician edits it: text fields as typed, turned into the API's body on save
// and back from a saved version, so a reloaded or re-applied plan fills the same form.
import { sessionsText } from './pacing-merge.ts';
import type { CarePlanInput, CarePlanView, InterventionStatus, MeasureSource, Modality, PacingView } from './plan-api.ts';
import { parseNumber } from './plan-format.ts';

export interface GoalDraft {
  id: string;
  activity: string;
  measure: string;
  baseline: string;
  target: string;
  targetDate: string;
  source: string;
}
export interface PacingDraft {
  id: string;
  activity: string;
  unit: string;
  goal: string;
  startDate: string;
  sessionSource: PacingView['sessionSource'];
  sessions: string;
  settings: PacingView['settings'];
}
export interface InterventionDraft {
  id: string;
  modality: Modality;
  description: string;
  startDate: string;
  stopDate: string;
  frequency: string;
  responsibleMemberId: string;
  status: InterventionStatus;
}
export interface PlanDraft {
  goals: GoalDraft[];
  interventions: InterventionDraft[];
  pacing: PacingDraft[];
  notes: string;
}

export const emptyPlan: PlanDraft = { goals: [], interventions: [], pacing: [], notes: '' };

/** Measure sources offered for a goal, as `kind:id` (the value of the select). */
export const GOAL_SOURCES = [
  '',
  'diary:pain-intensity',
  'diary:activity-minutes',
  'diary:sleep-hours',
  'diary:interference-activity',
  'instrument:peg',
  'instrument:nrs',
  'instrument:odi',
  'instrument:bpi-sf',
  'instrument:pseq-10',
  'instrument:phq-9',
  'instrument:gad-7',
] as const;
export const sourceText = (s: MeasureSource | null | undefined) =>
  !s ? '' : s.kind === 'diary' ? `diary:${s.measure}` : `instrument:${s.instrumentId}`;
export function sourceOf(text: string): MeasureSource | null {
  const [kind, id] = text.split(':');
  if (!id) return null;
  return kind === 'diary'
    ? { kind: 'diary', measure: id as Extract<MeasureSource, { kind: 'diary' }>['measure'] }
    : { kind: 'instrument', instrumentId: id };
}
/** "2026-05-28 12" lines → sessions; a line that does not parse is sent as an amount of -1 so the server names it. */
export function sessionsOf(text: string): { date: string; amount: number }[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [date = '', amount = ''] = l.split(/\s+/);
      const n = parseNumber(amount);
      return { date, amount: n === undefined ? -1 : n };
    });
}

export function draftOf(plan: CarePlanView): PlanDraft {
  return {
    goals: plan.goals.map((g) => ({
      id: g.id,
      activity: g.activity,
      measure: g.measure,
      baseline: g.baseline,
      target: g.target,
      targetDate: g.targetDate ?? '',
      source: sourceText(g.measureSource),
    })),
    pacing: (plan.pacing ?? []).map((a) => ({
      id: a.id,
      activity: a.activity,
      unit: a.unit,
      goal: a.goal === null ? '' : String(a.goal),
      startDate: a.startDate,
      sessionSource: a.sessionSource,
      sessions: sessionsText(a.sessions),
      settings: a.settings,
    })),
    interventions: plan.interventions.map((v) => ({
      id: v.id,
      modality: v.modality,
      description: v.description,
      startDate: v.startDate ?? '',
      stopDate: v.stopDate ?? '',
      frequency: v.frequency,
      responsibleMemberId: v.responsibleMemberId ?? '',
      status: v.status,
    })),
    notes: plan.notes,
  };
}

export function bodyOf(draft: PlanDraft): CarePlanInput {
  return {
    goals: draft.goals.map((g) => ({
      id: g.id,
      activity: g.activity,
      measure: g.measure,
      baseline: g.baseline,
      target: g.target,
      targetDate: g.targetDate || null,
      measureSource: sourceOf(g.source),
    })),
    pacing: draft.pacing.map((a) => ({
      id: a.id,
      activity: a.activity,
      unit: a.unit,
      goal: parseNumber(a.goal) ?? null,
      startDate: a.startDate,
      sessionSource: a.sessionSource,
      ...(a.sessionSource === 'recorded' ? { sessions: sessionsOf(a.sessions) } : {}),
      settings: a.settings,
    })),
    interventions: draft.interventions.map((v) => ({
      id: v.id,
      modality: v.modality,
      description: v.description,
      startDate: v.startDate || null,
      stopDate: v.stopDate || null,
      frequency: v.frequency,
      responsibleMemberId: v.responsibleMemberId || null,
      status: v.status,
    })),
    notes: draft.notes,
  };
}

/**
 * The pointers of a refused plan that the form shows beside a field of its own, by the fields each goal,
 * intervention and pacing activity shows; the error summary lists any other (a goal's measure source, an
 * intervention's responsible member) on its own, as those have no one field to link to.
 */
export function placedPlanPointers(draft: PlanDraft): string[] {
  return [
    ...draft.goals.flatMap((_, i) => ['activity', 'measure', 'baseline', 'target', 'targetDate'].map((f) => `/goals/${i}/${f}`)),
    ...draft.interventions.flatMap((_, i) => ['description', 'startDate', 'stopDate', 'frequency'].map((f) => `/interventions/${i}/${f}`)),
    ...draft.pacing.flatMap((a, i) =>
      [...['activity', 'unit', 'goal', 'startDate'], ...(a.sessionSource === 'recorded' ? ['sessions'] : [])].map(
        (f) => `/pacing/${i}/${f}`,
      ),
    ),
    '/notes',
  ];
}
