// Assigning a questionnaire to a patient: once, on a recurrence, or before a visit.
import { useState } from 'preact/hooks';
import type { ApiError } from '../../api/client.ts';
import { questionnairesApi } from '../../api/questionnaires.ts';
import { ErrorMessage, Field, Loading, SelectField, showToast } from '../../components/ui.tsx';
import { t } from '../../i18n/index.ts';

type Kind = 'once' | 'recurring' | 'before-visit';

/** A local datetime-local value (no zone) → ISO instant, read in the browser's zone. */
const toInstant = (local: string): string => new Date(local).toISOString();
const inDays = (days: number): string => {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setMinutes(0, 0, 0);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

export function AssignQuestionnaire(props: {
  pid: string;
  catalogue: { id: string; shortTitle: string; available: boolean }[] | null;
  /** After an assignment: the lists load again. */
  onAssigned: () => void;
}) {
  const { pid, catalogue } = props;
  const load = props.onAssigned;
  const [instrumentId, setInstrumentId] = useState('peg');
  const [kind, setKind] = useState<Kind>('recurring');
  const [when, setWhen] = useState(inDays(1));
  const [everyDays, setEveryDays] = useState('7');
  const [daysBefore, setDaysBefore] = useState('3');
  const [formError, setFormError] = useState<ApiError | null>(null);

  async function assign(e: Event) {
    e.preventDefault();
    setFormError(null);
    const schedule =
      kind === 'once'
        ? { kind, dueAt: toInstant(when) }
        : kind === 'recurring'
          ? { kind, startAt: toInstant(when), everyDays: Number(everyDays), endAt: null }
          : { kind, visitAt: toInstant(when), daysBefore: Number(daysBefore) };
    try {
      await questionnairesApi.assign(pid, { instrumentId, schedule });
      // The created assignment carries no title; the catalogue this form picked from does.
      showToast(t('q.assign.done', { title: catalogue?.find((c) => c.id === instrumentId)?.shortTitle ?? instrumentId }));
      load();
    } catch (err) {
      setFormError(err as ApiError);
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
          onSubmit={(e) => {
            void assign(e);
          }}
        >
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
            label={t(kind === 'once' ? 'q.assign.dueAt' : kind === 'recurring' ? 'q.assign.startAt' : 'q.assign.visitAt')}
            name="when"
            type="datetime-local"
            value={when}
            onInput={setWhen}
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
          <ErrorMessage message={formError?.message} />
          <button type="submit" class="button">
            {t('q.assign.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
