// The patient's intakes for a first consultation (and a caregiver's, acting for them): the list, newest
// first, with the unfinished ones to continue; one intake as the step-by-step form (intake-form.tsx), or
// to read for someone who may not write; and the intake of a visit, reached from the visit's page.
import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from '../../api/client.ts';
import { Empty, LoadFailed, Loading } from '../../components/ui.tsx';
import { formatDateTime, t } from '../../i18n/index.ts';
import { newClientId } from '../../offline/ids.ts';
import { navigate } from '../../router.ts';
import { useAbout, usePatientInView } from '../../session.ts';
import { canWrite, go } from '../block-diary/block-diary-links.ts';
import { intakeApi, type IntakeView } from './intake-api.ts';
import { draftOf } from './intake-draft.ts';
import { IntakeForm, Review } from './intake-form.tsx';

const back = (
  <p>
    <a href="/intake" onClick={go('/intake')}>
      {t('intakes.back')}
    </a>
  </p>
);

export function Intakes() {
  const about = useAbout();
  const patient = usePatientInView()!;
  const [items, setItems] = useState<IntakeView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    setError(null);
    intakeApi.list(patient.id).then(
      (r) => setItems(r.items),
      (e: ApiError) => setError(e.message),
    );
  }, [patient.id, attempt]);

  return (
    <main id="main">
      <h1>{about('intakes.title')}</h1>
      <p>{t('intakes.intro')}</p>
      {canWrite(patient) && (
        <p>
          <button type="button" class="button" onClick={() => navigate(`/intake/${newClientId()}`)}>
            {t('intakes.start')}
          </button>
        </p>
      )}
      {error ? (
        <LoadFailed message={error} onRetry={() => setAttempt((n) => n + 1)} />
      ) : items === null ? (
        <Loading />
      ) : items.length === 0 ? (
        <Empty>{about('intakes.empty')}</Empty>
      ) : (
        <ul class="list" aria-label={t('intakes.list')}>
          {items.map((i) => (
            <li key={i.id}>
              <div>
                <a href={`/intake/${i.id}`} onClick={go(`/intake/${i.id}`)}>
                  <strong>{i.finished ? t('intakes.itemFinished') : t('intakes.itemDraft')}</strong>
                </a>
                <p>{t('intakes.savedAt', { when: formatDateTime(i.updatedAt) })}</p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

/** An intake as someone who may read it but not write sees it. */
function IntakeReadOnly(props: { intake: IntakeView }) {
  return (
    <section class="card" aria-labelledby="intake-read-heading">
      <h2 id="intake-read-heading">{t('intake.review.heading')}</h2>
      <p class="hint">{t('intake.readOnly')}</p>
      <Review draft={draftOf(props.intake)} />
    </section>
  );
}

/** Loads an intake (or none yet, for a new id) and shows the form or, to a reader, the intake. */
function IntakeLoader(props: { id: string | null; visitId: string | null }) {
  const patient = usePatientInView()!;
  const [state, setState] = useState<{ id: string; intake: IntakeView | null } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    setError(null);
    const found =
      props.id !== null
        ? intakeApi.get(patient.id, props.id).then(
            (intake) => ({ id: props.id!, intake }),
            (e: ApiError) => {
              if (e.status === 404) return { id: props.id!, intake: null };
              throw e;
            },
          )
        : // A visit's intake: the newest one naming the visit, or a new one for it.
          intakeApi.list(patient.id).then((r) => {
            const intake = r.items.find((i) => i.visitId === props.visitId) ?? null;
            return { id: intake?.id ?? newClientId(), intake };
          });
    found.then(setState, (e: ApiError) => setError(e));
  }, [patient.id, props.id, props.visitId, attempt]);

  if (error) return <LoadFailed message={error.message} onRetry={() => setAttempt((n) => n + 1)} />;
  if (!state) return <Loading />;
  if (!canWrite(patient)) return state.intake ? <IntakeReadOnly intake={state.intake} /> : <Empty>{t('intake.notFound')}</Empty>;
  return <IntakeForm key={state.id} id={state.id} initial={state.intake} visitId={state.intake?.visitId ?? props.visitId} />;
}

export function IntakePage(props: { id: string }) {
  const about = useAbout();
  return (
    <main id="main">
      <h1>{about('intake.title')}</h1>
      {back}
      <IntakeLoader id={props.id} visitId={null} />
    </main>
  );
}

export function VisitIntake(props: { visitId: string }) {
  const about = useAbout();
  return (
    <main id="main">
      <h1>{about('intake.title')}</h1>
      <p>
        <a href={`/visits/${props.visitId}`} onClick={go(`/visits/${props.visitId}`)}>
          {t('intake.backToVisit')}
        </a>
      </p>
      <IntakeLoader id={null} visitId={props.visitId} />
    </main>
  );
}
