// The patient's visits (and a caregiver's, acting for them): the list, latest first, and a short form
// to start preparing one, which opens the visit with the five suggested questions ready to edit.
// Reading is open to anyone who may see the record; writing to the patient or a caregiver with the
// diary scope. One visit is a screen of its own (visit-page.tsx).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiError } from '../../api/client.ts';
import { Empty, ErrorMessage, Field, LoadFailed, Loading, SelectField, showToast } from '../../components/ui.tsx';
import { VISIT_KINDS, FIVE_QUESTIONS, type VisitKind } from '../../../domain/visits/visit.ts';
import { formatLocalDate, t, type MessageKey } from '../../i18n/index.ts';
import { newClientId } from '../../offline/ids.ts';
import { navigate } from '../../router.ts';
import { useAbout, usePatientInView } from '../../session.ts';
import { canWrite, go } from '../block-diary/block-diary-links.ts';
import { usePatientToday } from '../plan/plan-ui.tsx';
import { visitsApi, type VisitView } from './visits-api.ts';

export const kindInWords = (kind: VisitKind) => t(`visits.kind.${kind}` as MessageKey);
export const visitTitle = (v: Pick<VisitView, 'kind' | 'date'>) =>
  t('visits.on', { kind: kindInWords(v.kind), date: formatLocalDate(v.date, 'date') });

function NewVisitForm(props: { onCancel: () => void }) {
  const patient = usePatientInView()!;
  const today = usePatientToday(patient.timeZone);
  const [date, setDate] = useState(today);
  const [kind, setKind] = useState<VisitKind>('first-consultation');
  const [withWhom, setWithWhom] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [dateError, setDateError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      setDateError(t('visits.field.dateRequired'));
      return;
    }
    setBusy(true);
    const id = newClientId();
    try {
      await visitsApi.save(patient.id, id, {
        date,
        kind,
        with: withWhom,
        questions: FIVE_QUESTIONS.map((q) => ({ topic: q.topic, text: q.text, answer: '' })),
      });
      showToast(t('visits.created'));
      navigate(`/visits/${id}`);
    } catch (err) {
      setError((err as ApiError).message);
      setBusy(false);
    }
  }

  return (
    <form class="card" onSubmit={submit} aria-labelledby="new-visit-title" noValidate>
      <h2 id="new-visit-title">{t('visits.newTitle')}</h2>
      <ErrorMessage message={error} />
      <Field label={t('visits.field.date')} name="date" type="date" value={date} onInput={setDate} error={dateError} required />
      <SelectField
        label={t('visits.field.kind')}
        name="kind"
        value={kind}
        options={VISIT_KINDS.map((k) => ({ value: k, label: kindInWords(k) }))}
        onChange={setKind}
      />
      <Field label={t('visits.field.with')} name="with" value={withWhom} onInput={setWithWhom} hint={t('visits.field.withHint')} />
      <div class="row">
        <button type="submit" class="button" disabled={busy}>
          {busy ? t('visit.saving') : t('visits.create')}
        </button>
        <button type="button" class="button secondary" onClick={props.onCancel}>
          {t('visits.cancel')}
        </button>
      </div>
    </form>
  );
}

export function Visits() {
  const about = useAbout();
  const patient = usePatientInView()!;
  const writable = canWrite(patient);
  const [visits, setVisits] = useState<VisitView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const startButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    setError(null);
    visitsApi.list(patient.id).then(
      (r) => setVisits(r.items),
      (e: ApiError) => setError(e.message),
    );
  }, [patient.id, attempt]);

  return (
    <main id="main">
      <h1>{about('visits.title')}</h1>
      <p>{t('visits.intro')}</p>
      {writable &&
        (starting ? (
          <NewVisitForm
            onCancel={() => {
              setStarting(false);
              setTimeout(() => startButton.current?.focus(), 0);
            }}
          />
        ) : (
          <p>
            <button type="button" class="button" ref={startButton} onClick={() => setStarting(true)}>
              {t('visits.new')}
            </button>
          </p>
        ))}
      {error ? (
        <LoadFailed message={error} onRetry={() => setAttempt((n) => n + 1)} />
      ) : visits === null ? (
        <Loading />
      ) : visits.length === 0 ? (
        <Empty>{about('visits.empty')}</Empty>
      ) : (
        <ul class="list" aria-label={t('visits.list')}>
          {visits.map((v) => (
            <li key={v.id}>
              <div>
                <a href={`/visits/${v.id}`} onClick={go(`/visits/${v.id}`)}>
                  <strong>{visitTitle(v)}</strong>
                </a>
                <p>
                  {v.with && `${v.with} · `}
                  {t('visits.questionsCount', { count: v.questions.length })}
                  {v.questions.some((q) => q.answer !== '') &&
                    ` · ${t('visits.answeredCount', { count: v.questions.filter((q) => q.answer !== '').length })}`}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
