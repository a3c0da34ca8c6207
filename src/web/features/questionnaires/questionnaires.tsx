// Questionnaires: the patient's list of what is due and what is available here, with the latest score
// and a draft to resume. Answering, the result and the history are screens of their own.
import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from '../../api/client.ts';
import { questionnairesApi, type PatientInstrument, type StoredResponse } from '../../api/questionnaires.ts';
import { Empty, ErrorMessage, Loading } from '../../components/ui.tsx';
import { formatDate, t } from '../../i18n/index.ts';
import { useAbout, usePatientInView } from '../../session.ts';
import { draftKey, readDraft } from './questionnaire-drafts.ts';
import { formatScore } from './questionnaire-format.ts';
import { go } from './questionnaire-ui.tsx';

export function Questionnaires() {
  const about = useAbout();
  const patient = usePatientInView();
  const [items, setItems] = useState<PatientInstrument[] | null>(null);
  const [latest, setLatest] = useState<Map<string, StoredResponse>>(new Map());
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!patient) return;
    questionnairesApi.forPatient(patient.id).then(
      (r) => setItems(r.items),
      (e: ApiError) => setError(e.message),
    );
    questionnairesApi.history(patient.id).then(
      (r) => {
        const map = new Map<string, StoredResponse>();
        for (const x of r.items) if (!map.has(x.instrumentId)) map.set(x.instrumentId, x);
        setLatest(map);
      },
      () => {},
    );
  }, [patient?.id]);
  if (!patient)
    return (
      <main id="main">
        <h1>{t('q.title')}</h1>
        <Empty>{t('today.noRecord')}</Empty>
      </main>
    );
  const due = items?.flatMap((i) => i.due.map((d) => ({ ...d, instrument: i }))) ?? [];
  return (
    <main id="main">
      <h1>{t('q.title')}</h1>
      <p>{about('q.intro')}</p>
      <ErrorMessage message={error} />
      {items === null && !error ? (
        <Loading />
      ) : (
        items && (
          <>
            <section class="card" aria-labelledby="due-heading">
              <h2 id="due-heading">{t('q.due')}</h2>
              {due.length === 0 ? (
                <p>{t('q.nothingDue')}</p>
              ) : (
                <ul class="list">
                  {due.map((d) => (
                    <li key={d.id}>
                      <span>
                        {d.instrument.shortTitle} —{' '}
                        {d.status === 'overdue' ? (
                          <strong>{t('q.overdue')}</strong>
                        ) : (
                          t('q.dueOn', { date: formatDate(d.dueAt, patient.timeZone) })
                        )}
                      </span>
                      {d.instrument.available && (
                        <a class="button" href={`/questionnaires/${d.instrumentId}`} onClick={go(`/questionnaires/${d.instrumentId}`)}>
                          {t('q.start', { title: d.instrument.shortTitle })}
                        </a>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <ul class="list" aria-label={t('q.title')}>
              {items.map((i) => {
                const last = latest.get(i.id);
                const hasDraft = readDraft(draftKey(patient.id, i.id)) !== null;
                return (
                  <li key={i.id}>
                    <span>
                      <strong>{i.title}</strong>
                      <br />
                      <span class="hint">
                        {i.measures} · {t('q.questions', { count: i.itemCount })}
                      </span>
                      {last && last.score !== null && (
                        <>
                          <br />
                          <span class="hint">
                            {t('q.latest', { score: formatScore(last.score), date: formatDate(last.completedAt, patient.timeZone) })}
                          </span>
                        </>
                      )}
                      {!i.available && (
                        <>
                          <br />
                          <span class="hint">{t('q.notLicensed')}</span>
                        </>
                      )}
                    </span>
                    <span class="row">
                      {i.available && (
                        <a class="button" href={`/questionnaires/${i.id}`} onClick={go(`/questionnaires/${i.id}`)}>
                          {t(hasDraft ? 'q.resume' : 'q.start', { title: i.shortTitle })}
                        </a>
                      )}
                      {last && (
                        <a
                          class="button secondary"
                          href={`/questionnaires/${i.id}/history`}
                          onClick={go(`/questionnaires/${i.id}/history`)}
                          aria-label={`${t('q.history')} — ${i.shortTitle}`}
                        >
                          {t('q.history')}
                        </a>
                      )}
                    </span>
                  </li>
                );
              })}
            </ul>
          </>
        )
      )}
    </main>
  );
}
