// Procedures done for the patient's pain, each with the follow-up questionnaires it schedules.
import type { Patient } from '../../api/client.ts';
import { Field, SelectField } from '../../components/ui.tsx';
import { formatLocalDate, t } from '../../i18n/index.ts';
import { planApi, type ProcedureInput, type ProcedureView } from './plan-api.ts';
import { errorAt, label, options, TextArea } from './plan-ui.tsx';
import { RecordSection } from './record-section.tsx';
import { IMAGE_GUIDANCE, PROCEDURE_INTENTS, PROCEDURE_SIDES, PROCEDURE_TYPES } from './plan-values.ts';

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

export function Procedures(props: { patient: Patient }) {
  const pid = props.patient.id;
  const name = (p: ProcedureView) => (p.type === 'other' && p.label ? p.label : label('plan.procedure.type', p.type));
  return (
    <RecordSection<ProcedureView, ProcedureDraft>
      permission="record-procedures"
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
      placed={(d) => [...(d.type === 'other' ? ['/label'] : []), '/date', '/levels', '/notes']}
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
