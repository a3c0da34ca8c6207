// The care plan's paced activities: a starting quota that grows week by week, its sessions recorded
// here or read from the patient's diary.
import { Field, SelectField } from '../../components/ui.tsx';
import type { ApiError } from '../../api/client.ts';
import { DEFAULT_PACING_SETTINGS } from '../../../domain/care-plan/pacing.ts';
import { t } from '../../i18n/index.ts';
import { newClientId } from '../../offline/ids.ts';
import type { PacingDraft } from './care-plan-draft.ts';
import { errorAt, focusSoon, options, TextArea } from './plan-ui.tsx';

export function CarePlanPacing(props: {
  pacing: PacingDraft[];
  onChange: (pacing: PacingDraft[]) => void;
  error: ApiError | null;
  today: string;
}) {
  const { error, today } = props;
  const setPacing = (i: number, patch: Partial<PacingDraft>) =>
    props.onChange(props.pacing.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  return (
    <>
      <h3>{t('pacing.title')}</h3>
      <p class="hint">
        {t('pacing.settingsHint', {
          start: DEFAULT_PACING_SETTINGS.startingQuotaPercentOfBaseline,
          weekly: DEFAULT_PACING_SETTINGS.weeklyIncreasePercent,
        })}
      </p>
      {props.pacing.length === 0 && <p class="empty">{t('pacing.empty')}</p>}
      {props.pacing.map((a, i) => (
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
              props.onChange(props.pacing.filter((_, j) => j !== i));
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
            props.onChange([
              ...props.pacing,
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
            ])
          }
        >
          {t('pacing.add')}
        </button>
      </p>
    </>
  );
}
