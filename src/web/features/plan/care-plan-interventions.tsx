// The care plan's interventions by modality, each with the member responsible for it.
import { Field, SelectField } from '../../components/ui.tsx';
import type { ApiError, Member } from '../../api/client.ts';
import { t } from '../../i18n/index.ts';
import { newClientId } from '../../offline/ids.ts';
import type { InterventionDraft } from './care-plan-draft.ts';
import { errorAt, focusSoon, options } from './plan-ui.tsx';
import { INTERVENTION_STATUSES, MODALITIES } from './plan-values.ts';

export function CarePlanInterventions(props: {
  interventions: InterventionDraft[];
  onChange: (interventions: InterventionDraft[]) => void;
  error: ApiError | null;
  members: readonly Member[];
}) {
  const { error } = props;
  const setIntervention = (i: number, patch: Partial<InterventionDraft>) =>
    props.onChange(props.interventions.map((v, j) => (j === i ? { ...v, ...patch } : v)));
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
      <h3>{t('plan.interventions')}</h3>
      {props.interventions.length === 0 && <p class="empty">{t('plan.intervention.empty')}</p>}
      {props.interventions.map((v, i) => (
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
              props.onChange(props.interventions.filter((_, j) => j !== i));
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
            props.onChange([
              ...props.interventions,
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
            ])
          }
        >
          {t('plan.intervention.add')}
        </button>
      </p>
    </>
  );
}
