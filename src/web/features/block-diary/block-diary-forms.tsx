// The block diary's details form (procedure, time, baseline pain, reading times), used to start a diary
// and to change one; one reading's form is reading-form.tsx. Field errors — checked here first, then
// from the server's problem+json pointers — sit on their fields (aria-invalid, described by) and are
// listed with links in the error summary at the top, which takes focus; anything else shows above the form.
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { ApiError } from '../../api/client.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { ErrorMessage, Field, RatingControl } from '../../components/ui.tsx';
import { DEFAULT_BLOCK_OFFSETS_MINUTES, MAX_BLOCK_OFFSET_MINUTES } from '../../../domain/diary/block-diary.ts';
import { instantOfLocalDateTime, parseLocalDate, parseLocalTime, toLocalDateTime, type TimeZone } from '../../../domain/time/local-date.ts';
import { t } from '../../i18n/index.ts';
import type { BlockDiaryView } from './block-diary-api.ts';
import { durationInWords } from './block-diary-words.ts';
import { DESCRIPTORS, errorUnder, otherErrors } from './form-errors.ts';
import { parseOffsets } from './reading-schedule.ts';
import { useAbout } from '../../session.ts';

/** The API takes at most 50 reading times (contract/diary.ts BlockDiaryBody). */
const MAX_OFFSETS = 50;

// ----- the diary's details ------------------------------------------------------------------------

export interface DetailsDraft {
  label: string;
  date: string;
  time: string;
  baseline: number | null;
  offsets: string;
  /** The instant the server had and the date and time it showed as, so an untouched date and time send it back unchanged (seconds and all). */
  original?: { procedureAt: string; date: string; time: string } | undefined;
}
export interface DetailsValue {
  procedureLabel: string;
  procedureAt: string;
  baselineIntensity: number;
  offsetsMinutes: number[];
}

/** A new diary: the procedure now, the standard reading times. */
export function blankDetails(timeZone: string, now: Date): DetailsDraft {
  const local = toLocalDateTime(now, timeZone as TimeZone);
  return { label: '', date: local.date, time: local.time, baseline: null, offsets: DEFAULT_BLOCK_OFFSETS_MINUTES.join(', ') };
}

export function detailsOf(diary: BlockDiaryView): DetailsDraft {
  const local = toLocalDateTime(new Date(diary.procedureAt), diary.timeZone);
  return {
    label: diary.procedureLabel,
    date: local.date,
    time: local.time,
    baseline: diary.baselineIntensity,
    offsets: diary.offsetsMinutes.join(', '),
    original: { procedureAt: diary.procedureAt, date: local.date, time: local.time },
  };
}

type DetailsErrors = {
  form?: string | undefined;
  label?: string | undefined;
  date?: string | undefined;
  time?: string | undefined;
  baseline?: string | undefined;
  offsets?: string | undefined;
};

/**
 * The details as the API takes them, or the errors to show on the fields. `missingLabel` is what an
 * empty procedure says: the patient is asked which one they had; a caregiver, which one the patient had.
 */
export function checkDetails(
  draft: DetailsDraft,
  timeZone: string,
  missingLabel: string = t('blockDiary.error.label'),
): { value: DetailsValue } | { errors: DetailsErrors } {
  const errors: DetailsErrors = {};
  if (draft.label.trim() === '') errors.label = missingLabel;
  const date = parseLocalDate(draft.date);
  const time = parseLocalTime(draft.time);
  const untouched = draft.original !== undefined && draft.original.date === draft.date && draft.original.time === draft.time;
  const procedureAt = untouched
    ? draft.original!.procedureAt
    : date && time
      ? instantOfLocalDateTime(date, time, timeZone as TimeZone).toISOString()
      : null;
  if (!procedureAt) {
    if (!draft.time) errors.time = t('blockDiary.error.when');
    else errors.date = t('blockDiary.error.when');
  }
  if (draft.baseline === null) errors.baseline = t('blockDiary.error.baseline');
  const offsets = parseOffsets(draft.offsets, MAX_BLOCK_OFFSET_MINUTES, MAX_OFFSETS);
  if (!offsets.ok) {
    errors.offsets =
      offsets.reason === 'empty'
        ? t('blockDiary.error.offsetsEmpty')
        : offsets.reason === 'too-many'
          ? t('blockDiary.error.offsetsTooMany', { max: MAX_OFFSETS })
          : offsets.reason === 'not-whole-minutes'
            ? t('blockDiary.error.offsetsNotWhole', { token: offsets.token ?? '' })
            : t('blockDiary.error.offsetsRange', { token: offsets.token ?? '', max: MAX_BLOCK_OFFSET_MINUTES });
  }
  if (Object.keys(errors).length > 0 || !procedureAt || draft.baseline === null || !offsets.ok) return { errors };
  return {
    value: { procedureLabel: draft.label.trim(), procedureAt, baselineIntensity: draft.baseline, offsetsMinutes: offsets.offsetsMinutes },
  };
}

/**
 * The procedure, its time (in the patient's zone), the baseline pain and the reading times. `save`
 * resolves to the server's error to show, or null when saved (or when the caller took over, e.g. a
 * conflict it shows in `children`).
 */
export function DiaryDetailsForm(props: {
  title: string;
  submitLabel: string;
  timeZone: string;
  initial: DetailsDraft;
  save: (value: DetailsValue) => Promise<ApiError | null>;
  onCancel?: () => void;
  children?: ComponentChildren;
}) {
  const about = useAbout();
  const [draft, setDraft] = useState(props.initial);
  const [errors, setErrors] = useState<DetailsErrors>({});
  const [saving, setSaving] = useState(false);
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  /** Counts refused Saves: each one refreshes the error summary and moves focus to it. */
  const [failures, setFailures] = useState(0);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const set = (patch: Partial<DetailsDraft>) => setDraft((d) => ({ ...d, ...patch }));
  async function submit(e: Event) {
    e.preventDefault();
    const checked = checkDetails(draft, props.timeZone, about('blockDiary.error.label'));
    if ('errors' in checked) {
      setErrors(checked.errors);
      setFailures((n) => n + 1);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const error = await props.save(checked.value);
      if (error) {
        setErrors({
          label: error.fieldError('/procedureLabel'),
          date: error.fieldError('/procedureAt'),
          baseline: error.fieldError('/baselineIntensity'),
          offsets: errorUnder(error, '/offsetsMinutes'),
          form: otherErrors(error, ['/procedureLabel', '/procedureAt', '/baselineIntensity', '/offsetsMinutes']),
        });
        setFailures((n) => n + 1);
      }
    } finally {
      setSaving(false);
    }
  }
  const usual = DEFAULT_BLOCK_OFFSETS_MINUTES.map(durationInWords).join(', ');
  return (
    <form onSubmit={submit} noValidate aria-labelledby={headingId} ref={formRef}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {props.title}
      </h2>
      <ErrorSummary failure={failures} form={formRef} />
      <ErrorMessage message={errors.form} />
      {props.children}
      <Field
        label={about('blockDiary.field.label')}
        name="procedureLabel"
        value={draft.label}
        onInput={(label) => set({ label })}
        error={errors.label}
        hint={t('blockDiary.field.labelHint')}
        required
      />
      <div class="row">
        <Field
          label={t('blockDiary.field.date')}
          name="procedureDate"
          type="date"
          value={draft.date}
          onInput={(date) => set({ date })}
          error={errors.date}
          required
        />
        <Field
          label={t('blockDiary.field.time')}
          name="procedureTime"
          type="time"
          value={draft.time}
          onInput={(time) => set({ time })}
          error={errors.time}
          hint={about('blockDiary.field.zoneHint', { zone: props.timeZone })}
          required
        />
      </div>
      <RatingControl
        descriptors={DESCRIPTORS}
        name="baseline"
        legend={about('blockDiary.field.baseline')}
        hint={t('blockDiary.field.baselineHint')}
        value={draft.baseline}
        onChange={(baseline) => set({ baseline })}
        error={errors.baseline}
      />
      <Field
        label={t('blockDiary.field.offsets')}
        name="offsets"
        value={draft.offsets}
        onInput={(offsets) => set({ offsets })}
        error={errors.offsets}
        hint={t('blockDiary.field.offsetsHint', { usual, minutes: DEFAULT_BLOCK_OFFSETS_MINUTES.join(', ') })}
        inputMode="numeric"
      />
      <div class="row">
        <button type="submit" class="button" disabled={saving}>
          {saving ? t('common.saving') : props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" class="button secondary" onClick={props.onCancel}>
            {t('blockDiary.field.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
