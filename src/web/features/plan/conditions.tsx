// The patient's pain conditions, with chronicity shown as the onset date is typed and whether the
// opioid guideline's scope covers each.
import type { Patient } from '../../api/client.ts';
import { Checkbox, Field, SelectField } from '../../components/ui.tsx';
import { classifyChronicity, PAIN_MECHANISMS, type PainMechanism } from '../../../domain/care-plan/condition.ts';
import { parseLocalDate } from '../../../domain/time/local-date.ts';
import { formatLocalDate, t } from '../../i18n/index.ts';
import { planApi, type ConditionView } from './plan-api.ts';
import { citationOf } from './plan-format.ts';
import { errorAt, label, options, TextArea, usePatientToday } from './plan-ui.tsx';
import { RecordSection } from './record-section.tsx';

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

export function Conditions(props: { patient: Patient }) {
  const pid = props.patient.id;
  const today = usePatientToday(props.patient.timeZone);
  return (
    <RecordSection<ConditionView, ConditionDraft>
      permission="record-conditions"
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
      placed={() => ['/label', '/bodySite', '/onsetDate', '/notes']}
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
