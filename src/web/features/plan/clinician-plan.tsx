// The chart's Plan tab: conditions (chronicity shown as the onset is typed), the versioned care plan
// (functional goals, interventions by modality; each save a new version with If-Match, a 409 shows the
// newer version and lets the clinician re-apply), goals' measure sources and paced activities with the
// progress they show today, the version history, procedures (with follow-up questionnaires) and
// conservative care.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useFocusFirstInvalid } from '../../components/focus-invalid.ts';
import { api, type ApiError, type Member, type Patient } from '../../api/client.ts';
import { Checkbox, Dialog, Empty, ErrorMessage, Field, Loading, SelectField, showToast } from '../../components/ui.tsx';
import { classifyChronicity, PAIN_MECHANISMS, type PainMechanism } from '../../../domain/care-plan/condition.ts';
import { parseLocalDate } from '../../../domain/time/local-date.ts';
import { formatDateTime, formatLocalDate, t, type MessageKey } from '../../i18n/index.ts';
import { newClientId } from '../../offline/ids.ts';
import { mergeLoggedSessions, sessionsText } from './pacing-merge.ts';
import {
  planApi,
  type CarePlanInput,
  type CarePlanVersionSummary,
  type CarePlanView,
  type ConditionView,
  type ConservativeCareInput,
  type ConservativeCareView,
  type InterventionStatus,
  type MeasureSource,
  type Modality,
  type PacingView,
  type ProcedureInput,
  type ProcedureView,
} from './plan-api.ts';
import { GoalProgressLine, PacingToday, usePlanProgress } from './plan-progress.tsx';
import { DEFAULT_PACING_SETTINGS } from '../../../domain/care-plan/pacing.ts';
import { citationOf, parseNumber } from './plan-format.ts';
import { ConflictBox, errorAt, focusSoon, label, options, RecordSection, TextArea, usePatientToday } from './plan-ui.tsx';
import {
  CONSERVATIVE_OUTCOMES,
  IMAGE_GUIDANCE,
  INTERVENTION_STATUSES,
  MODALITIES,
  PROCEDURE_INTENTS,
  PROCEDURE_SIDES,
  PROCEDURE_TYPES,
} from './plan-values.ts';

export function PlanPanel(props: { orgId: string; patient: Patient }) {
  const [members, setMembers] = useState<Member[]>([]);
  useEffect(() => {
    api.members(props.orgId).then(setMembers, () => setMembers([]));
  }, [props.orgId]);
  return (
    <div>
      <Conditions patient={props.patient} />
      <CarePlanEditor patient={props.patient} members={members} />
      <Procedures patient={props.patient} />
      <ConservativeCare patient={props.patient} />
    </div>
  );
}

// ----- conditions --------------------------------------------------------------------------------

interface ConditionDraft {
  label: string;
  bodySite: string;
  mechanism: PainMechanism;
  onsetDate: string;
  cancerRelated: boolean;
  endOfLife: boolean;
  notes: string;
}

function ChronicityNow(props: { onsetDate: string; today: string }) {
  const onset = parseLocalDate(props.onsetDate);
  const asOf = parseLocalDate(props.today);
  if (!onset || !asOf) return null;
  const result = classifyChronicity(onset, asOf);
  return (
    <p class="hint" aria-live="polite">
      {result.kind === 'classified'
        ? t('plan.condition.chronicityNow', { chronicity: label('plan.chronicity', result.chronicity) })
        : t('plan.chronicity.future')}
    </p>
  );
}

function Conditions(props: { patient: Patient }) {
  const pid = props.patient.id;
  const today = usePatientToday(props.patient.timeZone);
  return (
    <RecordSection<ConditionView, ConditionDraft>
      id="conditions"
      title={t('plan.conditions')}
      listLabel={t('plan.conditions')}
      addLabel={t('plan.condition.add')}
      empty={t('plan.condition.empty')}
      formTitle={(editing) => t(editing ? 'plan.condition.edit' : 'plan.condition.add')}
      load={() => planApi.conditions(pid).then((r) => r.items)}
      save={(id, d, version) =>
        planApi.saveCondition(
          pid,
          id,
          {
            label: d.label,
            bodySite: d.bodySite.trim() === '' ? null : d.bodySite,
            mechanism: d.mechanism,
            onsetDate: d.onsetDate,
            cancerRelated: d.cancerRelated,
            endOfLife: d.endOfLife,
            notes: d.notes,
          },
          version,
        )
      }
      remove={(id) => planApi.deleteCondition(pid, id)}
      blank={() => ({ label: '', bodySite: '', mechanism: 'unknown', onsetDate: '', cancerRelated: false, endOfLife: false, notes: '' })}
      fromView={(c) => ({
        label: c.label,
        bodySite: c.bodySite ?? '',
        mechanism: c.mechanism,
        onsetDate: c.onsetDate,
        cancerRelated: c.cancerRelated,
        endOfLife: c.endOfLife,
        notes: c.notes,
      })}
      itemName={(c) => c.label}
      renderItem={(c) => (
        <>
          <strong>{c.label}</strong>
          {c.bodySite ? ` — ${c.bodySite}` : ''}
          <br />
          {t('plan.condition.summary', { mechanism: label('plan.mechanism', c.mechanism), onset: formatLocalDate(c.onsetDate, 'date') })}
          {' · '}
          <span title={citationOf(c.chronicity.source)}>
            {c.chronicity.value ? label('plan.chronicity', c.chronicity.value) : t('plan.chronicity.future')}
          </span>
          {!c.cdc2022Scope.inScope && (
            <>
              <br />
              <span class="hint">
                {t('plan.condition.outOfScope', { reasons: c.cdc2022Scope.reasons.map((r) => label('plan.scope', r)).join(', ') })}
              </span>
            </>
          )}
        </>
      )}
      renderForm={(d, set, error) => (
        <>
          <Field
            label={t('plan.condition.label')}
            name="conditionLabel"
            value={d.label}
            onInput={(label) => set({ label })}
            required
            error={errorAt(error, '/label')}
          />
          <Field
            label={t('plan.condition.bodySite')}
            name="conditionSite"
            value={d.bodySite}
            onInput={(bodySite) => set({ bodySite })}
            error={errorAt(error, '/bodySite')}
          />
          <SelectField
            label={t('plan.condition.mechanism')}
            name="conditionMechanism"
            value={d.mechanism}
            options={options('plan.mechanism', PAIN_MECHANISMS)}
            onChange={(mechanism) => set({ mechanism })}
          />
          <Field
            label={t('plan.condition.onset')}
            name="conditionOnset"
            type="date"
            value={d.onsetDate}
            onInput={(onsetDate) => set({ onsetDate })}
            required
            error={errorAt(error, '/onsetDate')}
          />
          <ChronicityNow onsetDate={d.onsetDate} today={today} />
          <Checkbox label={t('plan.condition.cancer')} checked={d.cancerRelated} onChange={(cancerRelated) => set({ cancerRelated })} />
          <Checkbox
            label={t('plan.condition.endOfLife')}
            checked={d.endOfLife}
            onChange={(endOfLife) => set({ endOfLife })}
            hint={t('plan.condition.scopeHint')}
          />
          <TextArea
            label={t('plan.notes')}
            name="conditionNotes"
            value={d.notes}
            onInput={(notes) => set({ notes })}
            error={errorAt(error, '/notes')}
          />
        </>
      )}
    />
  );
}

// ----- the care plan -----------------------------------------------------------------------------

interface GoalDraft {
  id: string;
  activity: string;
  measure: string;
  baseline: string;
  target: string;
  targetDate: string;
  source: string;
}
interface PacingDraft {
  id: string;
  activity: string;
  unit: string;
  goal: string;
  startDate: string;
  sessionSource: PacingView['sessionSource'];
  sessions: string;
  settings: PacingView['settings'];
}
interface InterventionDraft {
  id: string;
  modality: Modality;
  description: string;
  startDate: string;
  stopDate: string;
  frequency: string;
  responsibleMemberId: string;
  status: InterventionStatus;
}
interface PlanDraft {
  goals: GoalDraft[];
  interventions: InterventionDraft[];
  pacing: PacingDraft[];
  notes: string;
}

const emptyPlan: PlanDraft = { goals: [], interventions: [], pacing: [], notes: '' };

/** Measure sources offered for a goal, as `kind:id` (the value of the select). */
const GOAL_SOURCES = [
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
const sourceText = (s: MeasureSource | null | undefined) =>
  !s ? '' : s.kind === 'diary' ? `diary:${s.measure}` : `instrument:${s.instrumentId}`;
function sourceOf(text: string): MeasureSource | null {
  const [kind, id] = text.split(':');
  if (!id) return null;
  return kind === 'diary'
    ? { kind: 'diary', measure: id as Extract<MeasureSource, { kind: 'diary' }>['measure'] }
    : { kind: 'instrument', instrumentId: id };
}
/** "2026-05-28 12" lines → sessions; a line that does not parse is sent as an amount of -1 so the server names it. */
function sessionsOf(text: string): { date: string; amount: number }[] {
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

function draftOf(plan: CarePlanView): PlanDraft {
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

function bodyOf(draft: PlanDraft): CarePlanInput {
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

/** Who saved a version: a member's name when we know them. */
function savedBy(members: readonly Member[], userId: string): string {
  return members.find((m) => m.userId === userId)?.displayName ?? t('plan.history.someone');
}

/** A plan version read-only: goals and interventions in short lines. */
function PlanSummary(props: { plan: CarePlanView; members: readonly Member[] }) {
  const { plan } = props;
  return (
    <div>
      <p>
        <strong>{t('plan.goals')}</strong>
      </p>
      {plan.goals.length === 0 ? (
        <p>{t('plan.goal.empty')}</p>
      ) : (
        <ul>
          {plan.goals.map((g) => (
            <li key={g.id}>
              {t('plan.goal.line', { activity: g.activity, measure: g.measure, baseline: g.baseline, target: g.target })}
              {g.targetDate ? ` (${g.targetDate})` : ''}
            </li>
          ))}
        </ul>
      )}
      <p>
        <strong>{t('plan.interventions')}</strong>
      </p>
      {plan.interventions.length === 0 ? (
        <p>{t('plan.intervention.empty')}</p>
      ) : (
        <ul>
          {plan.interventions.map((v) => (
            <li key={v.id}>
              {label('plan.modality', v.modality)}: {v.description} — {label('plan.status', v.status)}
              {v.responsibleMemberId
                ? ` · ${props.members.find((m) => m.id === v.responsibleMemberId)?.displayName ?? t('plan.intervention.otherClinic')}`
                : ''}
            </li>
          ))}
        </ul>
      )}
      {plan.notes && <p>{plan.notes}</p>}
    </div>
  );
}

function CarePlanEditor(props: { patient: Patient; members: readonly Member[] }) {
  const pid = props.patient.id;
  const [current, setCurrent] = useState<CarePlanView | null | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [draft, setDraft] = useState<PlanDraft>(emptyPlan);
  const [error, setError] = useState<ApiError | null>(null);
  const [conflict, setConflict] = useState<{ current: CarePlanView | null; message: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // A refusal or a conflict moves focus to the first refused field (or the message), not back to the page.
  const [refusal, setRefusal] = useState<object | null>(null);
  useFocusFirstInvalid(refusal, formRef);
  const [history, setHistory] = useState<CarePlanVersionSummary[] | null>(null);
  const [viewing, setViewing] = useState<CarePlanView | null>(null);
  const today = usePatientToday(props.patient.timeZone);
  const [savedCount, setSavedCount] = useState(0);
  const progress = usePlanProgress(pid, savedCount);

  const loadHistory = () => {
    planApi.carePlanVersions(pid).then(
      (r) => setHistory(r.items),
      () => setHistory([]),
    );
  };
  useEffect(() => {
    planApi.carePlan(pid).then(
      (plan) => {
        setCurrent(plan);
        setDraft(draftOf(plan));
      },
      (e: ApiError) => {
        if (e.status === 404) setCurrent(null);
        else setLoadError(e.message);
      },
    );
    loadHistory();
  }, [pid]);

  async function save(baseVersion: number | undefined, toSave: PlanDraft = draft) {
    setSaving(true);
    setError(null);
    try {
      const saved = await planApi.saveCarePlan(pid, bodyOf(toSave), baseVersion);
      setCurrent(saved);
      setDraft(draftOf(saved));
      setSavedCount((n) => n + 1);
      setConflict(null);
      showToast(t('plan.savedVersion', { version: saved.version }));
      // The button was disabled while saving, which drops focus: give it back.
      focusSoon('care-plan-save');
      loadHistory();
    } catch (e) {
      const err = e as ApiError;
      if (err.code === 'care-plan-conflict') {
        const newer = (err.problem.current as CarePlanView | null | undefined) ?? null;
        setConflict({
          current: newer,
          message: newer
            ? t('plan.conflict', {
                version: newer.version,
                name: savedBy(props.members, newer.createdBy),
                when: formatDateTime(newer.createdAt),
              })
            : err.message,
        });
        loadHistory();
      } else setError(err);
      setRefusal({});
    } finally {
      setSaving(false);
    }
  }

  const setPacing = (i: number, patch: Partial<PacingDraft>) =>
    setDraft({ ...draft, pacing: draft.pacing.map((a, j) => (j === i ? { ...a, ...patch } : a)) });
  const setGoal = (i: number, patch: Partial<GoalDraft>) =>
    setDraft({ ...draft, goals: draft.goals.map((g, j) => (j === i ? { ...g, ...patch } : g)) });
  const setIntervention = (i: number, patch: Partial<InterventionDraft>) =>
    setDraft({ ...draft, interventions: draft.interventions.map((v, j) => (j === i ? { ...v, ...patch } : v)) });
  const memberOptions = [
    { value: '', label: t('plan.intervention.noOne') },
    ...props.members.filter((m) => m.role !== 'admin').map((m) => ({ value: m.id, label: m.displayName })),
  ];
  // A responsible member from another clinic stays selectable so saving keeps them.
  const optionsFor = (id: string) =>
    id === '' || memberOptions.some((o) => o.value === id)
      ? memberOptions
      : [...memberOptions, { value: id, label: t('plan.intervention.otherClinic') }];

  return (
    <>
      <section class="card" aria-labelledby="care-plan-heading">
        <h2 id="care-plan-heading">{current ? t('plan.carePlanVersion', { version: current.version }) : t('plan.carePlan')}</h2>
        <ErrorMessage message={loadError} />
        {current === undefined ? (
          !loadError && <Loading />
        ) : (
          <form
            ref={formRef}
            onSubmit={(e) => {
              e.preventDefault();
              void save(current?.version);
            }}
            noValidate
            aria-labelledby="care-plan-heading"
          >
            {current === null && <p class="empty">{t('plan.carePlan.none')}</p>}
            <ErrorMessage message={error?.message} />
            {conflict && (
              <ConflictBox
                message={conflict.message}
                reapplyLabel={conflict.current ? t('plan.reapply', { version: conflict.current.version }) : t('plan.save')}
                discardLabel={conflict.current ? t('plan.takeTheirs', { version: conflict.current.version }) : t('plan.cancel')}
                onReapply={() => {
                  // Sessions the patient logged since this draft was loaded are kept unless the clinician edited them.
                  const merged = conflict.current
                    ? { ...draft, pacing: mergeLoggedSessions(draft.pacing, current?.pacing ?? [], conflict.current.pacing ?? []) }
                    : draft;
                  setDraft(merged);
                  setCurrent(conflict.current);
                  void save(conflict.current?.version, merged);
                }}
                onDiscard={() => {
                  setCurrent(conflict.current);
                  setDraft(conflict.current ? draftOf(conflict.current) : emptyPlan);
                  setConflict(null);
                }}
              >
                {conflict.current && <PlanSummary plan={conflict.current} members={props.members} />}
              </ConflictBox>
            )}
            <h3>{t('plan.goals')}</h3>
            {draft.goals.length === 0 && <p class="empty">{t('plan.goal.empty')}</p>}
            {draft.goals.map((g, i) => (
              <fieldset key={g.id} class="subform">
                <legend class="legend">{t('plan.goal.legend', { n: i + 1 })}</legend>
                <Field
                  label={t('plan.goal.activity')}
                  name={`goal-activity-${i}`}
                  value={g.activity}
                  onInput={(activity) => setGoal(i, { activity })}
                  required
                  error={errorAt(error, `/goals/${i}/activity`)}
                  hint={t('plan.goal.activityHint')}
                />
                <Field
                  label={t('plan.goal.measure')}
                  name={`goal-measure-${i}`}
                  value={g.measure}
                  onInput={(measure) => setGoal(i, { measure })}
                  required
                  error={errorAt(error, `/goals/${i}/measure`)}
                />
                <div class="grid">
                  <Field
                    label={t('plan.goal.baseline')}
                    name={`goal-baseline-${i}`}
                    value={g.baseline}
                    onInput={(baseline) => setGoal(i, { baseline })}
                    error={errorAt(error, `/goals/${i}/baseline`)}
                  />
                  <Field
                    label={t('plan.goal.target')}
                    name={`goal-target-${i}`}
                    value={g.target}
                    onInput={(target) => setGoal(i, { target })}
                    error={errorAt(error, `/goals/${i}/target`)}
                  />
                  <Field
                    label={t('plan.goal.targetDate')}
                    name={`goal-date-${i}`}
                    type="date"
                    value={g.targetDate}
                    onInput={(targetDate) => setGoal(i, { targetDate })}
                    error={errorAt(error, `/goals/${i}/targetDate`)}
                  />
                </div>
                <SelectField
                  label={t('progress.source')}
                  name={`goal-source-${i}`}
                  value={g.source}
                  options={GOAL_SOURCES.map((v) => ({
                    value: v as string,
                    label: t(v === '' ? 'progress.source.none' : (`progress.source.${v}` as MessageKey)),
                  }))}
                  onChange={(source) => setGoal(i, { source })}
                />
                {errorAt(error, `/goals/${i}/measureSource`) && <p class="error">{errorAt(error, `/goals/${i}/measureSource`)}</p>}
                <GoalProgressLine progress={progress?.goals.find((p) => p.goalId === g.id)} />
                <button
                  type="button"
                  class="button secondary"
                  onClick={() => {
                    setDraft({ ...draft, goals: draft.goals.filter((_, j) => j !== i) });
                    focusSoon('goal-add');
                  }}
                >
                  {t('plan.goal.remove', { n: i + 1 })}
                </button>
              </fieldset>
            ))}
            <p>
              <button
                type="button"
                id="goal-add"
                class="button secondary"
                onClick={() =>
                  setDraft({
                    ...draft,
                    goals: [
                      ...draft.goals,
                      { id: newClientId(), activity: '', measure: '', baseline: '', target: '', targetDate: '', source: '' },
                    ],
                  })
                }
              >
                {t('plan.goal.add')}
              </button>
            </p>
            <h3>{t('plan.interventions')}</h3>
            {draft.interventions.length === 0 && <p class="empty">{t('plan.intervention.empty')}</p>}
            {draft.interventions.map((v, i) => (
              <fieldset key={v.id} class="subform">
                <legend class="legend">{t('plan.intervention.legend', { n: i + 1 })}</legend>
                <div class="grid">
                  <SelectField
                    label={t('plan.intervention.modality')}
                    name={`iv-modality-${i}`}
                    value={v.modality}
                    options={options('plan.modality', MODALITIES)}
                    onChange={(modality) => setIntervention(i, { modality })}
                  />
                  <SelectField
                    label={t('plan.intervention.status')}
                    name={`iv-status-${i}`}
                    value={v.status}
                    options={options('plan.status', INTERVENTION_STATUSES)}
                    onChange={(status) => setIntervention(i, { status })}
                  />
                </div>
                <Field
                  label={t('plan.intervention.description')}
                  name={`iv-description-${i}`}
                  value={v.description}
                  onInput={(description) => setIntervention(i, { description })}
                  required
                  error={errorAt(error, `/interventions/${i}/description`)}
                />
                <div class="grid">
                  <Field
                    label={t('plan.intervention.start')}
                    name={`iv-start-${i}`}
                    type="date"
                    value={v.startDate}
                    onInput={(startDate) => setIntervention(i, { startDate })}
                    error={errorAt(error, `/interventions/${i}/startDate`)}
                  />
                  <Field
                    label={t('plan.intervention.stop')}
                    name={`iv-stop-${i}`}
                    type="date"
                    value={v.stopDate}
                    onInput={(stopDate) => setIntervention(i, { stopDate })}
                    error={errorAt(error, `/interventions/${i}/stopDate`)}
                  />
                  <Field
                    label={t('plan.intervention.frequency')}
                    name={`iv-frequency-${i}`}
                    value={v.frequency}
                    onInput={(frequency) => setIntervention(i, { frequency })}
                    error={errorAt(error, `/interventions/${i}/frequency`)}
                  />
                </div>
                <SelectField
                  label={t('plan.intervention.responsible')}
                  name={`iv-member-${i}`}
                  value={v.responsibleMemberId}
                  options={optionsFor(v.responsibleMemberId)}
                  onChange={(responsibleMemberId) => setIntervention(i, { responsibleMemberId })}
                />
                {errorAt(error, `/interventions/${i}/responsibleMemberId`) && (
                  <p class="error">{errorAt(error, `/interventions/${i}/responsibleMemberId`)}</p>
                )}
                <button
                  type="button"
                  class="button secondary"
                  onClick={() => {
                    setDraft({ ...draft, interventions: draft.interventions.filter((_, j) => j !== i) });
                    focusSoon('intervention-add');
                  }}
                >
                  {t('plan.intervention.remove', { n: i + 1 })}
                </button>
              </fieldset>
            ))}
            <p>
              <button
                type="button"
                id="intervention-add"
                class="button secondary"
                onClick={() =>
                  setDraft({
                    ...draft,
                    interventions: [
                      ...draft.interventions,
                      {
                        id: newClientId(),
                        modality: 'physical',
                        description: '',
                        startDate: '',
                        stopDate: '',
                        frequency: '',
                        responsibleMemberId: '',
                        status: 'planned',
                      },
                    ],
                  })
                }
              >
                {t('plan.intervention.add')}
              </button>
            </p>
            <h3>{t('pacing.title')}</h3>
            <p class="hint">
              {t('pacing.settingsHint', {
                start: DEFAULT_PACING_SETTINGS.startingQuotaPercentOfBaseline,
                weekly: DEFAULT_PACING_SETTINGS.weeklyIncreasePercent,
              })}
            </p>
            {draft.pacing.length === 0 && <p class="empty">{t('pacing.empty')}</p>}
            {draft.pacing.map((a, i) => (
              <fieldset key={a.id} class="subform">
                <legend class="legend">{t('pacing.legend', { n: i + 1 })}</legend>
                <div class="grid">
                  <Field
                    label={t('pacing.activity')}
                    name={`pacing-activity-${i}`}
                    value={a.activity}
                    onInput={(activity) => setPacing(i, { activity })}
                    required
                    error={errorAt(error, `/pacing/${i}/activity`)}
                  />
                  <Field
                    label={t('pacing.unit')}
                    name={`pacing-unit-${i}`}
                    value={a.unit}
                    onInput={(unit) => setPacing(i, { unit })}
                    required
                    hint={t('pacing.unitHint')}
                    error={errorAt(error, `/pacing/${i}/unit`)}
                  />
                  <Field
                    label={t('pacing.goal')}
                    name={`pacing-goal-${i}`}
                    value={a.goal}
                    inputMode="numeric"
                    onInput={(goal) => setPacing(i, { goal })}
                    error={errorAt(error, `/pacing/${i}/goal`)}
                  />
                  <Field
                    label={t('pacing.start')}
                    name={`pacing-start-${i}`}
                    type="date"
                    value={a.startDate}
                    onInput={(startDate) => setPacing(i, { startDate })}
                    required
                    error={errorAt(error, `/pacing/${i}/startDate`)}
                  />
                </div>
                <SelectField
                  label={t('pacing.source')}
                  name={`pacing-source-${i}`}
                  value={a.sessionSource}
                  options={options('pacing.source', ['recorded', 'diary-activity-minutes'] as const)}
                  onChange={(sessionSource) =>
                    setPacing(i, { sessionSource, ...(sessionSource === 'diary-activity-minutes' ? { unit: 'minutes' } : {}) })
                  }
                />
                {a.sessionSource === 'recorded' && (
                  <TextArea
                    label={t('pacing.sessions')}
                    name={`pacing-sessions-${i}`}
                    value={a.sessions}
                    onInput={(sessions) => setPacing(i, { sessions })}
                    hint={t('pacing.sessionsHint')}
                    error={errorAt(error, `/pacing/${i}/sessions`)}
                  />
                )}
                <button
                  type="button"
                  class="button secondary"
                  onClick={() => {
                    setDraft({ ...draft, pacing: draft.pacing.filter((_, j) => j !== i) });
                    focusSoon('pacing-add');
                  }}
                >
                  {t('pacing.remove', { n: i + 1 })}
                </button>
              </fieldset>
            ))}
            <p>
              <button
                type="button"
                id="pacing-add"
                class="button secondary"
                onClick={() =>
                  setDraft({
                    ...draft,
                    pacing: [
                      ...draft.pacing,
                      {
                        id: newClientId(),
                        activity: '',
                        unit: 'minutes',
                        goal: '',
                        startDate: today,
                        sessionSource: 'recorded',
                        sessions: '',
                        settings: {},
                      },
                    ],
                  })
                }
              >
                {t('pacing.add')}
              </button>
            </p>
            <TextArea
              label={t('plan.notes')}
              name="planNotes"
              value={draft.notes}
              onInput={(notes) => setDraft({ ...draft, notes })}
              error={errorAt(error, '/notes')}
            />
            <button type="submit" id="care-plan-save" class="button" disabled={saving}>
              {saving ? t('common.saving') : t('plan.saveVersion', { version: (current?.version ?? 0) + 1 })}
            </button>
          </form>
        )}
      </section>
      {progress && <PacingToday pacing={progress.pacing} clinician />}
      <section class="card" aria-labelledby="history-heading">
        <h2 id="history-heading">{t('plan.history')}</h2>
        {history === null ? (
          <Loading />
        ) : history.length === 0 ? (
          <Empty>{t('plan.history.empty')}</Empty>
        ) : (
          <ul class="list" aria-label={t('plan.history')}>
            {history.map((h) => (
              <li key={h.version}>
                <span>
                  {t('plan.history.line', {
                    version: h.version,
                    when: formatDateTime(h.createdAt),
                    name: savedBy(props.members, h.createdBy),
                    goals: h.goals,
                    interventions: h.interventions,
                  })}
                </span>
                <button
                  type="button"
                  class="button secondary"
                  onClick={() => {
                    planApi.carePlanVersion(pid, h.version).then(setViewing, (e: ApiError) => setLoadError(e.message));
                  }}
                >
                  {t('plan.history.view', { version: h.version })}
                </button>
              </li>
            ))}
          </ul>
        )}
        <Dialog
          open={viewing !== null}
          title={viewing ? t('plan.history.viewTitle', { version: viewing.version }) : ''}
          onClose={() => setViewing(null)}
        >
          {viewing && (
            <p class="hint">
              {t('plan.history.savedBy', { name: savedBy(props.members, viewing.createdBy), when: formatDateTime(viewing.createdAt) })}
            </p>
          )}
          {viewing && <PlanSummary plan={viewing} members={props.members} />}
          <button type="button" class="button" onClick={() => setViewing(null)}>
            {t('common.close')}
          </button>
        </Dialog>
      </section>
    </>
  );
}

// ----- procedures --------------------------------------------------------------------------------

interface ProcedureDraft {
  type: ProcedureInput['type'];
  label: string;
  date: string;
  levels: string;
  side: ProcedureInput['side'];
  intent: ProcedureInput['intent'];
  imageGuidance: ProcedureInput['imageGuidance'];
  notes: string;
  blockDiaryId: string | null;
  followUpInstrument: 'peg' | 'nrs' | 'none';
}

function Procedures(props: { patient: Patient }) {
  const pid = props.patient.id;
  const name = (p: ProcedureView) => (p.type === 'other' && p.label ? p.label : label('plan.procedure.type', p.type));
  return (
    <RecordSection<ProcedureView, ProcedureDraft>
      id="procedures"
      title={t('plan.procedures')}
      listLabel={t('plan.procedures')}
      addLabel={t('plan.procedure.add')}
      empty={t('plan.procedure.empty')}
      formTitle={(editing) => t(editing ? 'plan.procedure.edit' : 'plan.procedure.add')}
      load={() => planApi.procedures(pid).then((r) => r.items)}
      save={(id, d, version) =>
        planApi.saveProcedure(
          pid,
          id,
          {
            type: d.type,
            label: d.label,
            date: d.date,
            levels: d.levels
              .split(/[,\s]+/)
              .map((l) => l.trim().toUpperCase())
              .filter(Boolean),
            side: d.side,
            intent: d.intent,
            imageGuidance: d.imageGuidance,
            notes: d.notes,
            blockDiaryId: d.blockDiaryId,
            followUpInstrument: d.followUpInstrument,
          },
          version,
        )
      }
      remove={(id) => planApi.deleteProcedure(pid, id)}
      blank={() => ({
        type: 'epidural-steroid-injection-transforaminal',
        label: '',
        date: '',
        levels: '',
        side: 'not-applicable',
        intent: 'therapeutic',
        imageGuidance: 'fluoroscopy',
        notes: '',
        blockDiaryId: null,
        followUpInstrument: 'peg',
      })}
      fromView={(p) => ({
        type: p.type,
        label: p.label,
        date: p.date,
        levels: p.levels.join(', '),
        side: p.side,
        intent: p.intent,
        imageGuidance: p.imageGuidance,
        notes: p.notes,
        blockDiaryId: p.blockDiaryId,
        followUpInstrument: p.followUpInstrument ?? 'peg',
      })}
      itemName={(p) => `${name(p)} ${p.date}`}
      renderItem={(p) => (
        <>
          <strong>{name(p)}</strong> — {formatLocalDate(p.date, 'date')}
          {p.levels.length > 0 ? ` · ${p.levels.join(', ')}` : ''} · {label('plan.side', p.side)} · {label('plan.intent', p.intent)} ·{' '}
          {label('plan.guidance', p.imageGuidance)}
          <br />
          <span class="hint">
            {t('plan.procedure.followUps', {
              list: p.followUps
                .map((f) => t('plan.procedure.followUp', { weeks: f.weeks, date: formatLocalDate(f.due, 'date') }))
                .join(', '),
            })}
          </span>
        </>
      )}
      renderForm={(d, set, error) => (
        <>
          <SelectField
            label={t('plan.procedure.type')}
            name="procedureType"
            value={d.type}
            options={options('plan.procedure.type', PROCEDURE_TYPES)}
            onChange={(type) => set({ type })}
          />
          {d.type === 'other' && (
            <Field
              label={t('plan.procedure.label')}
              name="procedureLabel"
              value={d.label}
              onInput={(v) => set({ label: v })}
              required
              error={errorAt(error, '/label')}
            />
          )}
          <div class="grid">
            <Field
              label={t('plan.procedure.date')}
              name="procedureDate"
              type="date"
              value={d.date}
              onInput={(date) => set({ date })}
              required
              error={errorAt(error, '/date')}
            />
            <Field
              label={t('plan.procedure.levels')}
              name="procedureLevels"
              value={d.levels}
              onInput={(levels) => set({ levels })}
              hint={t('plan.procedure.levelsHint')}
              error={errorAt(error, '/levels')}
            />
          </div>
          <div class="grid">
            <SelectField
              label={t('plan.procedure.side')}
              name="procedureSide"
              value={d.side}
              options={options('plan.side', PROCEDURE_SIDES)}
              onChange={(side) => set({ side })}
            />
            <SelectField
              label={t('plan.procedure.intent')}
              name="procedureIntent"
              value={d.intent}
              options={options('plan.intent', PROCEDURE_INTENTS)}
              onChange={(intent) => set({ intent })}
            />
            <SelectField
              label={t('plan.procedure.guidance')}
              name="procedureGuidance"
              value={d.imageGuidance}
              options={options('plan.guidance', IMAGE_GUIDANCE)}
              onChange={(imageGuidance) => set({ imageGuidance })}
            />
          </div>
          <SelectField
            label={t('plan.procedure.followUpInstrument')}
            name="procedureFollowUp"
            value={d.followUpInstrument}
            options={options('plan.procedure.followUpInstrument', ['peg', 'nrs', 'none'] as const)}
            onChange={(followUpInstrument) => set({ followUpInstrument })}
          />
          <TextArea
            label={t('plan.notes')}
            name="procedureNotes"
            value={d.notes}
            onInput={(notes) => set({ notes })}
            error={errorAt(error, '/notes')}
          />
        </>
      )}
    />
  );
}

// ----- conservative care -------------------------------------------------------------------------

interface ConservativeDraft {
  treatment: string;
  modality: Modality;
  startDate: string;
  endDate: string;
  sessions: string;
  outcome: ConservativeCareInput['outcome'];
  outcomeNotes: string;
}

function ConservativeCare(props: { patient: Patient }) {
  const pid = props.patient.id;
  return (
    <RecordSection<ConservativeCareView, ConservativeDraft>
      id="conservative"
      title={t('plan.conservative')}
      listLabel={t('plan.conservative')}
      addLabel={t('plan.conservative.add')}
      empty={t('plan.conservative.empty')}
      formTitle={(editing) => t(editing ? 'plan.conservative.edit' : 'plan.conservative.add')}
      load={() => planApi.conservativeCare(pid).then((r) => r.items)}
      save={(id, d, version) => {
        const sessions = parseNumber(d.sessions);
        return planApi.saveConservativeCare(
          pid,
          id,
          {
            treatment: d.treatment,
            modality: d.modality,
            startDate: d.startDate,
            endDate: d.endDate || null,
            outcome: d.outcome,
            outcomeNotes: d.outcomeNotes,
            ...(sessions !== undefined ? { sessions } : {}),
          },
          version,
        );
      }}
      remove={(id) => planApi.deleteConservativeCare(pid, id)}
      blank={() => ({
        treatment: '',
        modality: 'physical',
        startDate: '',
        endDate: '',
        sessions: '',
        outcome: 'unknown',
        outcomeNotes: '',
      })}
      fromView={(c) => ({
        treatment: c.treatment,
        modality: c.modality,
        startDate: c.startDate,
        endDate: c.endDate ?? '',
        sessions: c.sessions === null ? '' : String(c.sessions),
        outcome: c.outcome,
        outcomeNotes: c.outcomeNotes,
      })}
      itemName={(c) => c.treatment}
      renderItem={(c) => (
        <>
          <strong>{c.treatment}</strong> ({label('plan.modality', c.modality)}) —{' '}
          {c.endDate
            ? t('plan.conservative.dates', {
                start: formatLocalDate(c.startDate, 'date'),
                end: formatLocalDate(c.endDate, 'date'),
                days: c.durationDays ?? 0,
              })
            : t('plan.conservative.since', { start: formatLocalDate(c.startDate, 'date') })}
          {c.sessions !== null ? ` · ${t('plan.conservative.sessionsCount', { n: c.sessions })}` : ''} · {label('plan.outcome', c.outcome)}
          {c.outcomeNotes && (
            <>
              <br />
              <span class="hint">{c.outcomeNotes}</span>
            </>
          )}
        </>
      )}
      renderForm={(d, set, error) => (
        <>
          <Field
            label={t('plan.conservative.treatment')}
            name="ccTreatment"
            value={d.treatment}
            onInput={(treatment) => set({ treatment })}
            required
            error={errorAt(error, '/treatment')}
          />
          <SelectField
            label={t('plan.intervention.modality')}
            name="ccModality"
            value={d.modality}
            options={options('plan.modality', MODALITIES)}
            onChange={(modality) => set({ modality })}
          />
          <div class="grid">
            <Field
              label={t('plan.conservative.start')}
              name="ccStart"
              type="date"
              value={d.startDate}
              onInput={(startDate) => set({ startDate })}
              required
              error={errorAt(error, '/startDate')}
            />
            <Field
              label={t('plan.conservative.end')}
              name="ccEnd"
              type="date"
              value={d.endDate}
              onInput={(endDate) => set({ endDate })}
              error={errorAt(error, '/endDate')}
            />
            <Field
              label={t('plan.conservative.sessions')}
              name="ccSessions"
              type="number"
              inputMode="numeric"
              value={d.sessions}
              onInput={(sessions) => set({ sessions })}
              error={errorAt(error, '/sessions')}
            />
          </div>
          <SelectField
            label={t('plan.conservative.outcome')}
            name="ccOutcome"
            value={d.outcome}
            options={options('plan.outcome', CONSERVATIVE_OUTCOMES)}
            onChange={(outcome) => set({ outcome })}
          />
          <TextArea
            label={t('plan.conservative.outcomeNotes')}
            name="ccOutcomeNotes"
            value={d.outcomeNotes}
            onInput={(outcomeNotes) => set({ outcomeNotes })}
            error={errorAt(error, '/outcomeNotes')}
          />
        </>
      )}
    />
  );
}
