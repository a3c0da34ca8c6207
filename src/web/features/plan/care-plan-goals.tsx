// The care plan's functional goals: each with its measure, a source the app can measure it from, and
// the progress that source shows today.
import { Field, SelectField } from '../../components/ui.tsx';
import type { ApiError } from '../../api/client.ts';
import { t, type MessageKey } from '../../i18n/index.ts';
import { newClientId } from '../../offline/ids.ts';
import { GOAL_SOURCES, type GoalDraft } from './care-plan-draft.ts';
import type { CarePlanProgressView } from './plan-api.ts';
import { GoalProgressLine } from './plan-progress.tsx';
import { errorAt, focusSoon } from './plan-ui.tsx';

export function CarePlanGoals(props: {
  goals: GoalDraft[];
  onChange: (goals: GoalDraft[]) => void;
  error: ApiError | null;
  progress: CarePlanProgressView | null | undefined;
}) {
  const { error, progress } = props;
  const setGoal = (i: number, patch: Partial<GoalDraft>) => props.onChange(props.goals.map((g, j) => (j === i ? { ...g, ...patch } : g)));
  return (
    <>
      <h3>{t('plan.goals')}</h3>
      {props.goals.length === 0 && <p class="empty">{t('plan.goal.empty')}</p>}
      {props.goals.map((g, i) => (
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
              props.onChange(props.goals.filter((_, j) => j !== i));
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
            props.onChange([
              ...props.goals,
              { id: newClientId(), activity: '', measure: '', baseline: '', target: '', targetDate: '', source: '' },
            ])
          }
        >
          {t('plan.goal.add')}
        </button>
      </p>
    </>
  );
}
