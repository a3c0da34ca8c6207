// One visit: what the record says since the last visit (the pain story against the clinically important
// threshold, the worst days, flares, medicines and as-needed use, what went with lower or higher pain,
// questionnaires answered), and the preparation to edit — what matters most, goals, the questions with
// why each is worth asking, and afterwards the clinician's answers and the plan changes. Saves send
// If-Match; a 409 shows that the visit changed elsewhere and lets the person keep theirs or see the other.
import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from '../../api/client.ts';
import { Dialog, Empty, ErrorMessage, LoadFailed, Loading, showToast } from '../../components/ui.tsx';
import type { QuestionTopic, VisitQuestion } from '../../../domain/visits/visit.ts';
import { formatDateTime, formatLocalDate, formatNumber, t } from '../../i18n/index.ts';
import { navigate } from '../../router.ts';
import { usePatientInView } from '../../session.ts';
import { canWrite, go } from '../block-diary/block-diary-links.ts';
import { TrendComparison } from '../insights/trend-comparison.tsx';
import { ConflictBox, TextArea } from '../plan/plan-ui.tsx';
import { toInput, visitsApi, type PreparationView, type VisitInput, type VisitView } from './visits-api.ts';
import { visitTitle } from './visits.tsx';

function PreparationSummary(props: { prep: PreparationView }) {
  const { window, pain, flares, medicines, whatWorks, questionnaires } = props.prep;
  return (
    <section class="card" aria-labelledby="prep-heading" data-testid="visit-preparation">
      <h2 id="prep-heading">{window.firstVisit ? t('prep.titleFirst') : t('prep.title')}</h2>
      <p>{t('prep.window', { from: formatLocalDate(window.from, 'date'), to: formatLocalDate(window.to, 'date'), days: window.days })}</p>
      {pain.daysWithEntries === 0 ? (
        <p>{t('prep.noEntries')}</p>
      ) : (
        <>
          <p>{t('prep.daysWithEntries', { count: pain.daysWithEntries })}</p>
          <TrendComparison trend={pain} />
          <h3>{t('prep.worstDays')}</h3>
          <ul>
            {pain.worstDays.map((d) => (
              <li key={d.date}>{t('prep.worstDay', { date: formatLocalDate(d.date, 'date'), value: formatNumber(d.maxIntensity) })}</li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('prep.flares')}</h3>
      {flares.length === 0 ? (
        <p>{t('prep.noFlares')}</p>
      ) : (
        <ul>
          {flares.map((f) => (
            <li key={f.id}>
              {f.peakIntensity === null
                ? t('prep.flareLineUnrated', { when: formatDateTime(f.startedAt) })
                : t('prep.flareLine', { when: formatDateTime(f.startedAt), peak: formatNumber(f.peakIntensity) })}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('prep.medicines')}</h3>
      {medicines.orders.length === 0 ? (
        <p>{t('prep.noOrders')}</p>
      ) : (
        <>
          <ul>
            {medicines.orders.map((o) => (
              <li key={o.id}>{o.name}</li>
            ))}
          </ul>
          {medicines.totalMme > 0 && <p>{t('prep.mme', { mme: formatNumber(medicines.totalMme) })}</p>}
        </>
      )}
      {medicines.asNeeded.length === 0 ? (
        <p>{t('prep.noAsNeeded')}</p>
      ) : (
        <ul>
          {medicines.asNeeded.map((m) => (
            <li key={m.name}>{t('prep.asNeeded', { name: m.name, times: m.times, days: m.days })}</li>
          ))}
        </ul>
      )}
      <h3>{t('prep.whatWorks')}</h3>
      {whatWorks.length === 0 ? (
        <p>{t('prep.noWhatWorks')}</p>
      ) : (
        <ul>
          {whatWorks.map((w) => (
            <li key={w.sentence}>{w.sentence}</li>
          ))}
        </ul>
      )}
      <h3>{t('prep.questionnaires')}</h3>
      {questionnaires.length === 0 ? (
        <p>{t('prep.noQuestionnaires')}</p>
      ) : (
        <ul>
          {questionnaires.map((q) => (
            <li key={q.id}>
              {t('prep.questionnaireLine', {
                title: q.title,
                date: formatDateTime(q.completedAt),
                score: q.score === null ? '—' : `${formatNumber(q.score)}${q.band ? ` (${q.band})` : ''}`,
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The editable part of a visit, as the form holds it: goals as lines of text. */
interface Draft {
  whatMattersMost: string;
  goals: string;
  questions: VisitQuestion[];
  planChanges: string;
}
const draftOf = (v: VisitView): Draft => ({
  whatMattersMost: v.whatMattersMost,
  goals: v.goals.join('\n'),
  questions: v.questions.map((q) => ({ ...q })),
  planChanges: v.planChanges,
});
const inputOf = (v: VisitView, d: Draft): VisitInput => ({
  ...toInput(v),
  whatMattersMost: d.whatMattersMost,
  goals: d.goals
    .split('\n')
    .map((g) => g.trim())
    .filter((g) => g !== ''),
  questions: d.questions.map((q) => ({ topic: q.topic, text: q.text.trim(), answer: q.answer })).filter((q) => q.text !== ''),
  planChanges: d.planChanges,
});

function PreparationForm(props: { visit: VisitView; prep: PreparationView; writable: boolean; onSaved: (v: VisitView) => void }) {
  const patient = usePatientInView()!;
  const [draft, setDraft] = useState<Draft>(() => draftOf(props.visit));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<VisitView | null>(null);
  const why = new Map<QuestionTopic, string>(props.prep.suggestedQuestions.map((q) => [q.topic, q.why]));
  const missing = props.prep.suggestedQuestions.filter((s) => !draft.questions.some((q) => q.topic === s.topic));
  const setQuestion = (i: number, change: Partial<VisitQuestion>) =>
    setDraft((d) => ({ ...d, questions: d.questions.map((q, j) => (j === i ? { ...q, ...change } : q)) }));

  async function save(version: number) {
    setBusy(true);
    setError(null);
    try {
      const saved = await visitsApi.save(patient.id, props.visit.id, inputOf(props.visit, draft), version);
      setConflict(null);
      showToast(t('visit.saved'));
      props.onSaved(saved);
    } catch (e) {
      const err = e as ApiError;
      const current = err.problem.current as VisitView | undefined;
      if (err.status === 409 && current) setConflict(current);
      else setError(err.message);
    } finally {
      setBusy(false);
    }
  }

  if (!props.writable) {
    return (
      <section class="card" aria-labelledby="visit-form-heading">
        <h2 id="visit-form-heading">{t('visit.form')}</h2>
        <p class="hint">{t('visit.readOnly')}</p>
        {props.visit.whatMattersMost && <p>{props.visit.whatMattersMost}</p>}
        <ol>
          {props.visit.questions.map((q) => (
            <li key={`${q.topic}-${q.text}`}>
              <p>{q.text}</p>
              {q.answer && <p>{q.answer}</p>}
            </li>
          ))}
        </ol>
        {props.visit.planChanges && <p>{props.visit.planChanges}</p>}
      </section>
    );
  }

  return (
    <form
      class="card"
      aria-labelledby="visit-form-heading"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save(props.visit.version);
      }}
    >
      <h2 id="visit-form-heading">{t('visit.form')}</h2>
      {conflict && (
        <ConflictBox
          message={t('visit.conflict')}
          reapplyLabel={t('visit.conflictKeepMine')}
          discardLabel={t('visit.conflictTakeTheirs')}
          busy={busy}
          onReapply={() => void save(conflict.version)}
          onDiscard={() => {
            setDraft(draftOf(conflict));
            setConflict(null);
            props.onSaved(conflict);
          }}
        />
      )}
      <ErrorMessage message={error} />
      <TextArea
        label={t('visit.whatMattersMost')}
        name="whatMattersMost"
        value={draft.whatMattersMost}
        maxLength={2000}
        onInput={(v) => setDraft((d) => ({ ...d, whatMattersMost: v }))}
      />
      <TextArea
        label={t('visit.goals')}
        name="goals"
        value={draft.goals}
        hint={t('visit.goalsHint')}
        onInput={(v) => setDraft((d) => ({ ...d, goals: v }))}
      />
      <fieldset>
        <legend class="legend">{t('visit.questions')}</legend>
        <ol class="visit-questions">
          {draft.questions.map((q, i) => (
            <li key={i}>
              <TextArea
                label={t('visit.question', { n: i + 1 })}
                name={`question-${i}`}
                value={q.text}
                maxLength={1000}
                {...(q.topic !== 'own' && why.has(q.topic) ? { hint: t('visit.why', { why: why.get(q.topic)! }) } : {})}
                onInput={(v) => setQuestion(i, { text: v })}
              />
              <TextArea
                label={t('visit.answer')}
                name={`answer-${i}`}
                value={q.answer}
                hint={t('visit.answerHint')}
                onInput={(v) => setQuestion(i, { answer: v })}
              />
              <button
                type="button"
                class="button secondary"
                onClick={() => setDraft((d) => ({ ...d, questions: d.questions.filter((_, j) => j !== i) }))}
              >
                {t('visit.removeQuestion', { n: i + 1 })}
              </button>
            </li>
          ))}
        </ol>
        <div class="row">
          <button
            type="button"
            class="button secondary"
            disabled={draft.questions.length >= 20}
            onClick={() => setDraft((d) => ({ ...d, questions: [...d.questions, { topic: 'own', text: '', answer: '' }] }))}
          >
            {t('visit.addOwn')}
          </button>
          {missing.map((s) => (
            <button
              key={s.topic}
              type="button"
              class="button secondary"
              onClick={() => setDraft((d) => ({ ...d, questions: [...d.questions, { topic: s.topic, text: s.text, answer: '' }] }))}
            >
              {t('visit.addSuggested', { text: s.text })}
            </button>
          ))}
        </div>
      </fieldset>
      <TextArea
        label={t('visit.planChanges')}
        name="planChanges"
        value={draft.planChanges}
        onInput={(v) => setDraft((d) => ({ ...d, planChanges: v }))}
      />
      <button type="submit" class="button" disabled={busy}>
        {busy ? t('visit.saving') : t('visit.save')}
      </button>
    </form>
  );
}

export function VisitPage(props: { id: string }) {
  const patient = usePatientInView()!;
  const writable = canWrite(patient);
  const [prep, setPrep] = useState<PreparationView | null>(null);
  const [visit, setVisit] = useState<VisitView | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [deleteOpen, setDeleteOpen] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);

  useEffect(() => {
    setLoadError(null);
    visitsApi.preparation(patient.id, props.id).then(
      (p) => {
        setPrep(p);
        setVisit(p.visit);
      },
      (e: ApiError) => setLoadError(e),
    );
  }, [patient.id, props.id, attempt]);

  const back = (
    <p>
      <a href="/visits" onClick={go('/visits')}>
        {t('visits.back')}
      </a>
    </p>
  );
  if (!prep || !visit) {
    return (
      <main id="main">
        <h1>{t('nav.visits')}</h1>
        {loadError ? (
          loadError.status === 404 ? (
            <Empty>{t('visits.notFound')}</Empty>
          ) : (
            <LoadFailed message={loadError.message} onRetry={() => setAttempt((n) => n + 1)} />
          )
        ) : (
          <Loading />
        )}
        {back}
      </main>
    );
  }

  async function remove() {
    try {
      await visitsApi.remove(patient.id, visit!.id, visit!.version);
      showToast(t('visit.deleted'));
      navigate('/visits');
    } catch (e) {
      setDeleteError((e as ApiError).message);
    }
  }

  return (
    <main id="main">
      <h1>{visitTitle(visit)}</h1>
      {visit.with && <p>{visit.with}</p>}
      {back}
      <PreparationSummary prep={prep} />
      <PreparationForm key={visit.version} visit={visit} prep={prep} writable={writable} onSaved={setVisit} />
      {writable && (
        <p>
          <button type="button" class="button secondary" onClick={() => setDeleteOpen(true)}>
            {t('visit.delete')}
          </button>
        </p>
      )}
      <Dialog open={deleteOpen} title={t('visit.deleteTitle')} onClose={() => setDeleteOpen(false)}>
        <p>{t('visit.deleteBody', { date: formatLocalDate(visit.date, 'date') })}</p>
        <ErrorMessage message={deleteError} />
        <div class="row">
          <button type="button" class="button" onClick={() => void remove()}>
            {t('visit.deleteConfirm')}
          </button>
          <button type="button" class="button secondary" onClick={() => setDeleteOpen(false)}>
            {t('visit.deleteKeep')}
          </button>
        </div>
      </Dialog>
    </main>
  );
}
