// Conservative care the patient has had (physiotherapy and the like), with how long and how it went.
import type { Patient } from '../../api/client.ts';
import { Field, SelectField } from '../../components/ui.tsx';
import { formatLocalDate, t } from '../../i18n/index.ts';
import { planApi, type ConservativeCareInput, type ConservativeCareView, type Modality } from './plan-api.ts';
import { parseNumber } from './plan-format.ts';
import { errorAt, label, options, TextArea } from './plan-ui.tsx';
import { RecordSection } from './record-section.tsx';
import { CONSERVATIVE_OUTCOMES, MODALITIES } from './plan-values.ts';

interface ConservativeDraft {
  treatment: string;
  modality: Modality;
  startDate: string;
  endDate: string;
  sessions: string;
  outcome: ConservativeCareInput['outcome'];
  outcomeNotes: string;
}

export function ConservativeCare(props: { patient: Patient }) {
  const pid = props.patient.id;
  return (
    <RecordSection<ConservativeCareView, ConservativeDraft>
      permission="record-conservative-care"
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
      placed={() => ['/treatment', '/startDate', '/endDate', '/sessions', '/outcomeNotes']}
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
