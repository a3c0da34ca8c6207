// One block-diary reading: the pain score and/or the patient's own percent relief. Field errors sit on
// their fields and are listed with links in the error summary at the top, which takes focus; anything
// else shows above the form.
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { ApiError } from '../../api/client.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { ErrorMessage, Field, RatingControl } from '../../components/ui.tsx';
import { t } from '../../i18n/index.ts';
import { useAbout } from '../../session.ts';
import { durationInWords } from './block-diary-words.ts';
import { DESCRIPTORS, otherErrors } from './form-errors.ts';

export interface ReadingValue {
  intensity: number | null;
  patientReportedReliefPct: number | null;
}

/**
 * One reading: the pain score and/or the patient's own percent relief (the domain needs at least one).
 * `pointer` is where the server reports this reading's errors (e.g. /readings/0). The heading takes
 * focus when the form opens.
 */
export function ReadingForm(props: {
  offsetMinutes: number;
  pointer: string;
  initial: ReadingValue;
  save: (value: ReadingValue) => Promise<ApiError | null>;
  remove?: (() => Promise<ApiError | null>) | undefined;
  onCancel: () => void;
  children?: ComponentChildren;
}) {
  const [intensity, setIntensity] = useState(props.initial.intensity);
  const [relief, setRelief] = useState(
    props.initial.patientReportedReliefPct === null ? '' : String(props.initial.patientReportedReliefPct),
  );
  const [errors, setErrors] = useState<{ form?: string | undefined; intensity?: string | undefined; relief?: string | undefined }>({});
  const [saving, setSaving] = useState(false);
  const about = useAbout();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  /** Counts refused Saves: each one refreshes the error summary and moves focus to it. */
  const [failures, setFailures] = useState(0);
  useEffect(() => {
    heading.current?.focus();
  }, [props.offsetMinutes]);
  async function submit(e: Event) {
    e.preventDefault();
    const pct = relief.trim() === '' ? null : Number(relief.replace(',', '.'));
    if (pct !== null && !(Number.isFinite(pct) && pct >= 0 && pct <= 100)) {
      setErrors({ relief: t('blockDiary.reading.badRelief') });
      setFailures((n) => n + 1);
      return;
    }
    if (intensity === null && pct === null) {
      // Either field would do; the message sits on the first, so the summary has a field to link to.
      setErrors({ intensity: t('blockDiary.reading.needOne') });
      setFailures((n) => n + 1);
      return;
    }
    await run(() => props.save({ intensity, patientReportedReliefPct: pct }));
  }
  /** Saving and removing alike: the buttons wait, and the server's error shows on the form. */
  async function run(action: () => Promise<ApiError | null>) {
    if (saving) return;
    setErrors({});
    setSaving(true);
    try {
      const error = await action();
      if (error) {
        const p = props.pointer;
        setErrors({
          intensity: error.fieldError(`${p}/intensity`),
          relief: error.fieldError(`${p}/patientReportedReliefPct`),
          form: otherErrors(error, [`${p}/intensity`, `${p}/patientReportedReliefPct`]),
        });
        setFailures((n) => n + 1);
      }
    } finally {
      setSaving(false);
    }
  }
  const remove = props.remove;
  return (
    <form class="card" onSubmit={submit} noValidate aria-labelledby={headingId} ref={formRef}>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        {t('blockDiary.reading.title', { offset: durationInWords(props.offsetMinutes) })}
      </h3>
      <ErrorSummary failure={failures} form={formRef} />
      <ErrorMessage message={errors.form} />
      {props.children}
      <RatingControl
        descriptors={DESCRIPTORS}
        name={`reading-${props.offsetMinutes}`}
        legend={t('blockDiary.reading.nrs')}
        hint={about('blockDiary.reading.nrsHint')}
        value={intensity}
        onChange={setIntensity}
        error={errors.intensity}
      />
      {intensity !== null && (
        <p>
          <button type="button" class="button secondary" onClick={() => setIntensity(null)}>
            {t('blockDiary.reading.clearNrs')}
          </button>
        </p>
      )}
      <Field
        label={about('blockDiary.reading.relief')}
        name="patientReportedReliefPct"
        type="number"
        inputMode="decimal"
        value={relief}
        onInput={setRelief}
        error={errors.relief}
        hint={t('blockDiary.reading.reliefHint')}
      />
      <div class="row">
        <button type="submit" class="button" disabled={saving}>
          {saving ? t('common.saving') : t('blockDiary.reading.save')}
        </button>
        <button type="button" class="button secondary" onClick={props.onCancel}>
          {t('blockDiary.field.cancel')}
        </button>
        {remove && (
          <button
            type="button"
            class="button secondary"
            disabled={saving}
            onClick={() => {
              void run(remove);
            }}
          >
            {t('blockDiary.reading.remove')}
          </button>
        )}
      </div>
    </form>
  );
}
