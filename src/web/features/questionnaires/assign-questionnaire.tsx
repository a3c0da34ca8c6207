// Assigning a questionnaire to a patient: once, on a recurrence, or before a visit. Its date and time
// are the patient's wall clock, whichever zone the clinician's browser is in. A refused assignment lists
// its problems at the top of the form (ErrorSummary), which takes focus.
import { useRef, useState } from 'preact/hooks';
import type { ApiError } from '../../api/client.ts';
import { questionnairesApi } from '../../api/questionnaires.ts';
import { ErrorSummary, formLevelMessage, unplacedErrors } from '../../components/error-summary.tsx';
import { ErrorMessage, Field, Loading, SelectField, showToast } from '../../components/ui.tsx';
import { instantOfWallClock, wallClockOf } from '../../components/wall-clock.ts';
import { canonicalTimeZone, type TimeZone } from '../../../domain/time/local-date.ts';
import { t } from '../../i18n/index.ts';

type Kind = 'once' | 'recurring' | 'before-visit';
const WHEN_POINTER: Record<Kind, string> = { once: '/schedule/dueAt', recurring: '/schedule/startAt', 'before-visit': '/schedule/visitAt' };

/**
 * The whole hour `days` from now on the patient's clock, as a datetime-local value. The form's times are
 * the patient's wall clock, not the clinician's: "due 12:00" means noon where the patient lives.
 */
const inDays = (days: number, timeZone: TimeZone): string => {
  const wall = wallClockOf(new Date(Date.now() + days * 86_400_000), timeZone);
  return `${wall.slice(0, 13)}:00`;
};

export function AssignQuestionnaire(props: {
  pid: string;
  /** The patient's time zone: the times entered are read on their clock. */
  timeZone: string;
  catalogue: { id: string; shortTitle: string; available: boolean }[] | null;
  /** After an assignment: the lists load again. */
  onAssigned: () => void;
}) {
  const { pid, catalogue } = props;
  const load = props.onAssigned;
  const [instrumentId, setInstrumentId] = useState('peg');
  const [kind, setKind] = useState<Kind>('recurring');
  const zone = canonicalTimeZone(props.timeZone) ?? ('UTC' as TimeZone);
  const [when, setWhen] = useState(() => inDays(1, zone));
  const [everyDays, setEveryDays] = useState('7');
  const [daysBefore, setDaysBefore] = useState('3');
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [whenError, setWhenError] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  /** Counts refused assignments (here or by the server): each one refreshes the error summary and moves focus to it. */
  const [failures, setFailures] = useState(0);

  async function assign(e: Event) {
    e.preventDefault();
    setFormError(null);
    const at = instantOfWallClock(when, zone);
    if (at === undefined) {
      setWhenError(t('q.assign.whenMissing'));
      setFailures((n) => n + 1);
      return;
    }
    setWhenError(null);
    const schedule =
      kind === 'once'
        ? { kind, dueAt: at }
        : kind === 'recurring'
          ? { kind, startAt: at, everyDays: Number(everyDays), endAt: null }
          : { kind, visitAt: at, daysBefore: Number(daysBefore) };
    try {
      await questionnairesApi.assign(pid, { instrumentId, schedule });
      // The created assignment carries no title; the catalogue this form picked from does.
      showToast(t('q.assign.done', { title: catalogue?.find((c) => c.id === instrumentId)?.shortTitle ?? instrumentId }));
      setFailures(0);
      load();
    } catch (err) {
      setFormError(err as ApiError);
      setFailures((n) => n + 1);
    }
  }
  const options = (catalogue ?? []).filter((c) => c.available).map((c) => ({ value: c.id, label: c.shortTitle }));
  return (
    <section class="card" aria-labelledby="assign-heading">
      <h2 id="assign-heading">{t('q.assign.title')}</h2>
      {catalogue === null ? (
        <Loading />
      ) : (
        <form
          ref={form}
          noValidate
          onSubmit={(e) => {
            void assign(e);
          }}
        >
          <ErrorSummary
            failure={failures}
            form={form}
            messages={unplacedErrors(formError, [
              WHEN_POINTER[kind],
              ...(kind === 'recurring' ? ['/schedule/everyDays'] : kind === 'before-visit' ? ['/schedule/daysBefore'] : []),
            ])}
          />
          <SelectField
            label={t('q.assign.instrument')}
            name="instrument"
            value={instrumentId}
            options={options}
            onChange={setInstrumentId}
          />
          <SelectField<Kind>
            label={t('q.assign.kind')}
            name="kind"
            value={kind}
            onChange={setKind}
            options={[
              { value: 'once', label: t('q.assign.once') },
              { value: 'recurring', label: t('q.assign.recurring') },
              { value: 'before-visit', label: t('q.assign.beforeVisit') },
            ]}
          />
          <Field
            label={t(kind === 'once' ? 'q.assign.dueAt' : kind === 'recurring' ? 'q.assign.startAt' : 'q.assign.visitAt', { zone })}
            name="when"
            type="datetime-local"
            value={when}
            onInput={setWhen}
            hint={t('q.assign.inPatientZone', { zone })}
            error={whenError ?? formError?.fieldError(WHEN_POINTER[kind])}
          />
          {kind === 'recurring' && (
            <Field
              label={t('q.assign.everyDays')}
              name="everyDays"
              type="number"
              value={everyDays}
              onInput={setEveryDays}
              error={formError?.fieldError('/schedule/everyDays')}
            />
          )}
          {kind === 'before-visit' && (
            <Field
              label={t('q.assign.daysBefore')}
              name="daysBefore"
              type="number"
              value={daysBefore}
              onInput={setDaysBefore}
              error={formError?.fieldError('/schedule/daysBefore')}
            />
          )}
          <ErrorMessage message={formLevelMessage(formError)} />
          <button type="submit" class="button">
            {t('q.assign.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
