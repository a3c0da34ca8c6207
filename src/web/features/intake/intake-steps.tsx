// The steps of the intake form, each a part of the draft with its own controls. The form (intake-form.tsx)
// moves between them and saves; these only edit the draft.
import { BodyMap } from '../../components/body-map.tsx';
import { Field, SelectField } from '../../components/ui.tsx';
import { ScaleChoice } from '../../components/scale-choice.tsx';
import { findBodyRegion } from '../../../domain/diary/body-map.ts';
import { PAIN_QUALITIES, type PainQuality } from '../../../domain/diary/entry-vocabulary.ts';
import { PAIN_COURSES, TREATMENT_EFFECTS, TREATMENT_KINDS } from '../../../domain/intake/intake.ts';
import { differenceInCalendarDays, type LocalDate } from '../../../domain/time/local-date.ts';
import { t, type MessageKey } from '../../i18n/index.ts';
import { newClientId } from '../../offline/ids.ts';
import { TextArea } from '../plan/plan-ui.tsx';
import type { IntakeDraft, TreatmentDraft } from './intake-draft.ts';

export interface StepProps {
  readonly draft: IntakeDraft;
  readonly onChange: (update: (d: IntakeDraft) => IntakeDraft) => void;
}

export const words = (key: string) => t(key as MessageKey);

export function OnsetStep(props: StepProps) {
  const { draft, onChange } = props;
  return (
    <>
      <Field
        label={t('intake.onset.date')}
        name="onsetDate"
        type="date"
        value={draft.onsetDate}
        hint={t('intake.onset.dateHint')}
        onInput={(v) => onChange((d) => ({ ...d, onsetDate: v }))}
      />
      <Field
        label={t('intake.onset.about')}
        name="onsetAbout"
        value={draft.onsetAbout}
        hint={t('intake.onset.aboutHint')}
        onInput={(v) => onChange((d) => ({ ...d, onsetAbout: v }))}
      />
      <ScaleChoice
        name="course"
        legend={t('intake.course')}
        value={draft.course}
        options={PAIN_COURSES.map((c) => ({ value: c, label: words(`intake.course.${c}`) }))}
        onChange={(v) => onChange((d) => ({ ...d, course: v }))}
        clearLabel={t('intake.clear')}
      />
    </>
  );
}

export function WhereStep(props: StepProps) {
  const { draft, onChange } = props;
  const toggleRegion = (code: string) =>
    onChange((d) => ({
      ...d,
      locations: d.locations.some((l) => l.region === code)
        ? d.locations.filter((l) => l.region !== code)
        : [...d.locations, { region: code, qualities: [] }],
    }));
  const toggleQuality = (code: string, q: PainQuality) =>
    onChange((d) => ({
      ...d,
      locations: d.locations.map((l) =>
        l.region !== code ? l : { ...l, qualities: l.qualities.includes(q) ? l.qualities.filter((x) => x !== q) : [...l.qualities, q] },
      ),
    }));
  const label = (code: string) => findBodyRegion(code)?.label ?? code;
  return (
    <>
      <fieldset>
        <legend class="legend">{t('intake.where.map')}</legend>
        <BodyMap selected={draft.locations.map((l) => l.region)} onToggle={toggleRegion} />
        <p class="hint" aria-live="polite">
          {draft.locations.length === 0
            ? t('intake.where.none')
            : t('intake.where.chosen', { list: draft.locations.map((l) => label(l.region)).join(', ') })}
        </p>
      </fieldset>
      {draft.locations.map((l) => (
        <fieldset key={l.region}>
          <legend class="legend">{t('intake.where.feels', { region: label(l.region) })}</legend>
          <div class="chips">
            {PAIN_QUALITIES.map((q) => (
              <label class="chip" key={q}>
                <input type="checkbox" checked={l.qualities.includes(q)} onChange={() => toggleQuality(l.region, q)} />
                {words(`quality.${q}`)}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
    </>
  );
}

export function FactorsStep(props: StepProps) {
  const { draft, onChange } = props;
  return (
    <>
      <TextArea
        label={t('intake.factors.better')}
        name="betterWith"
        value={draft.betterWith}
        hint={t('intake.linesHint')}
        onInput={(v) => onChange((d) => ({ ...d, betterWith: v }))}
      />
      <TextArea
        label={t('intake.factors.worse')}
        name="worseWith"
        value={draft.worseWith}
        hint={t('intake.linesHint')}
        onInput={(v) => onChange((d) => ({ ...d, worseWith: v }))}
      />
    </>
  );
}

function durationDays(t: TreatmentDraft): number | null {
  const iso = /^\d{4}-\d{2}-\d{2}$/;
  if (!iso.test(t.startDate) || !iso.test(t.endDate)) return null;
  const days = differenceInCalendarDays(t.endDate as LocalDate, t.startDate as LocalDate) + 1;
  return days > 0 ? days : null;
}

export function TriedStep(props: StepProps) {
  const { draft, onChange } = props;
  const set = (i: number, change: Partial<TreatmentDraft>) =>
    onChange((d) => ({ ...d, treatments: d.treatments.map((x, j) => (j === i ? { ...x, ...change } : x)) }));
  return (
    <>
      <p>{t('intake.tried.intro')}</p>
      {draft.treatments.length === 0 && <p class="hint">{t('intake.tried.none')}</p>}
      {draft.treatments.map((tr, i) => {
        const days = durationDays(tr);
        return (
          <fieldset key={tr.id}>
            <legend class="legend">{t('intake.tried.item', { n: i + 1 })}</legend>
            <Field label={t('intake.tried.name')} name={`treatment-${i}`} value={tr.treatment} onInput={(v) => set(i, { treatment: v })} />
            <SelectField
              label={t('intake.tried.kind')}
              name={`kind-${i}`}
              value={tr.kind}
              options={TREATMENT_KINDS.map((k) => ({ value: k, label: words(`intake.kind.${k}`) }))}
              onChange={(v) => set(i, { kind: v })}
            />
            <Field
              label={t('intake.tried.start')}
              name={`start-${i}`}
              type="date"
              value={tr.startDate}
              onInput={(v) => set(i, { startDate: v })}
            />
            <Field
              label={t('intake.tried.end')}
              name={`end-${i}`}
              type="date"
              value={tr.endDate}
              hint={t('intake.tried.endHint')}
              onInput={(v) => set(i, { endDate: v })}
            />
            {days !== null && <p class="hint">{t('intake.tried.duration', { days })}</p>}
            <Field
              label={t('intake.tried.sessions')}
              name={`sessions-${i}`}
              inputMode="numeric"
              value={tr.sessions}
              hint={t('intake.tried.sessionsHint')}
              onInput={(v) => set(i, { sessions: v })}
            />
            <SelectField
              label={t('intake.tried.effect')}
              name={`effect-${i}`}
              value={tr.effect}
              options={TREATMENT_EFFECTS.map((e) => ({ value: e, label: words(`intake.effect.${e}`) }))}
              onChange={(v) => set(i, { effect: v })}
            />
            <TextArea
              label={t('intake.tried.notes')}
              name={`notes-${i}`}
              value={tr.notes}
              maxLength={2000}
              onInput={(v) => set(i, { notes: v })}
            />
            <button
              type="button"
              class="button secondary"
              onClick={() => onChange((d) => ({ ...d, treatments: d.treatments.filter((_, j) => j !== i) }))}
            >
              {t('intake.tried.remove', { n: i + 1 })}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        class="button secondary"
        disabled={draft.treatments.length >= 30}
        onClick={() =>
          onChange((d) => ({
            ...d,
            treatments: [
              ...d.treatments,
              {
                id: newClientId(),
                treatment: '',
                kind: 'physical',
                startDate: '',
                endDate: '',
                sessions: '',
                effect: 'unknown',
                notes: '',
              },
            ],
          }))
        }
      >
        {t('intake.tried.add')}
      </button>
    </>
  );
}

export function HealthStep(props: StepProps) {
  const { draft, onChange } = props;
  const setTest = (i: number, change: Partial<IntakeDraft['tests'][number]>) =>
    onChange((d) => ({ ...d, tests: d.tests.map((x, j) => (j === i ? { ...x, ...change } : x)) }));
  return (
    <>
      <fieldset>
        <legend class="legend">{t('intake.tests')}</legend>
        {draft.tests.map((test, i) => (
          <fieldset key={i}>
            <legend class="legend">{t('intake.tests.item', { n: i + 1 })}</legend>
            <Field
              label={t('intake.tests.what')}
              name={`test-${i}`}
              value={test.what}
              hint={t('intake.tests.whatHint')}
              onInput={(v) => setTest(i, { what: v })}
            />
            <Field
              label={t('intake.tests.date')}
              name={`test-date-${i}`}
              type="date"
              value={test.date}
              onInput={(v) => setTest(i, { date: v })}
            />
            <button
              type="button"
              class="button secondary"
              onClick={() => onChange((d) => ({ ...d, tests: d.tests.filter((_, j) => j !== i) }))}
            >
              {t('intake.tests.remove', { n: i + 1 })}
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          class="button secondary"
          disabled={draft.tests.length >= 30}
          onClick={() => onChange((d) => ({ ...d, tests: [...d.tests, { what: '', date: '' }] }))}
        >
          {t('intake.tests.add')}
        </button>
      </fieldset>
      <TextArea
        label={t('intake.conditions')}
        name="otherConditions"
        value={draft.otherConditions}
        hint={t('intake.linesHint')}
        onInput={(v) => onChange((d) => ({ ...d, otherConditions: v }))}
      />
      <TextArea
        label={t('intake.medicines')}
        name="medicines"
        value={draft.medicines}
        hint={t('intake.linesHint')}
        onInput={(v) => onChange((d) => ({ ...d, medicines: v }))}
      />
      <TextArea
        label={t('intake.allergies')}
        name="allergies"
        value={draft.allergies}
        hint={t('intake.linesHint')}
        onInput={(v) => onChange((d) => ({ ...d, allergies: v }))}
      />
    </>
  );
}
