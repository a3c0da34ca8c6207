// The patient's Plan page (and a caregiver's, acting for them): the current care plan in plain
// language — goals, what the care team and the patient are doing, the medicines in effect, the taper
// schedule with today's step marked, goal progress read from the diary and questionnaires, today's
// pacing quota (with baseline sessions the patient logs for a recorded activity), as-needed opioid use
// against the plan, and the naloxone check the patient answers.
import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from '../../api/client.ts';
import { Empty, ErrorMessage, Loading } from '../../components/ui.tsx';
import { findDrug } from '../../../domain/medications/formulary.ts';
import { t } from '../../i18n/index.ts';
import { useAbout, usePatientInView } from '../../session.ts';
import { planApi, type CarePlanProgressView, type CarePlanView, type MedicationSummaryView, type TaperPlanView } from './plan-api.ts';
import { AsNeededUse } from './as-needed-use.tsx';
import { NaloxoneCheck } from './naloxone-check.tsx';
import { PacingToday } from './pacing-today.tsx';
import { dateInWords, GoalProgressLine, usePlanProgress } from './plan-progress.tsx';
import { doseInWords, drugName, taperDosesInWords } from './plan-format.ts';
import { label } from './plan-ui.tsx';
import { MODALITIES } from './plan-values.ts';

export function MyPlan() {
  const about = useAbout();
  const patient = usePatientInView()!;
  const pid = patient.id;
  const own = patient.scopes === 'owner';
  const canAnswer = own || patient.scopes.includes('write-diary');
  const [progressKey, setProgressKey] = useState(0);
  const progress = usePlanProgress(pid, progressKey);
  const [plan, setPlan] = useState<CarePlanView | null | undefined>(undefined);
  const [summary, setSummary] = useState<MedicationSummaryView | null | undefined>(undefined);
  const [tapers, setTapers] = useState<TaperPlanView[] | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const failed = (e: ApiError) => {
      if (e.status !== 404) setError(e.message);
    };
    planApi.carePlan(pid).then(setPlan, (e: ApiError) => {
      setPlan(null);
      failed(e);
    });
    planApi.medicationSummary(pid).then(setSummary, (e: ApiError) => {
      setSummary(null);
      failed(e);
    });
    planApi.taperPlans(pid).then(
      (r) => setTapers(r.items),
      (e: ApiError) => {
        setTapers(null);
        failed(e);
      },
    );
  }, [pid]);

  const loading = plan === undefined || summary === undefined || tapers === undefined;
  const orders = summary?.orders ?? [];
  // The taper under way (the list is newest first), else the next one planned.
  const taper = tapers?.find((x) => x.schedule.currentStepIndex !== null) ?? tapers?.[0];
  const nothing = !loading && !plan && orders.length === 0 && !taper;
  return (
    <main id="main">
      <h1>{about('my.title')}</h1>
      <ErrorMessage message={error} />
      {loading ? (
        <Loading />
      ) : nothing ? (
        !error && <Empty>{about('my.empty')}</Empty>
      ) : (
        <>
          {plan && <Goals plan={plan} progress={progress ?? null} />}
          {progress && (
            <PacingToday
              pacing={progress.pacing}
              {...(canAnswer ? { log: { pid, asOf: progress.asOf, onSaved: () => setProgressKey((k) => k + 1) } } : {})}
            />
          )}
          {plan && <Interventions plan={plan} />}
          {orders.length > 0 && (
            <section class="card" aria-labelledby="my-meds-heading">
              <h2 id="my-meds-heading">{about('my.medicines')}</h2>
              <ul class="list" aria-label={about('my.medicines')}>
                {orders.map((o) => (
                  <li key={o.id}>
                    <span>
                      <strong>{drugName(o.formularyId)}</strong> — {doseInWords(o)}
                      {o.instructions ? (
                        <>
                          <br />
                          {o.instructions}
                        </>
                      ) : null}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {taper && <Taper taper={taper} />}
          {summary && <AsNeededUse pid={pid} />}
          {summary && <Naloxone summary={summary} pid={pid} timeZone={patient.timeZone} canAnswer={canAnswer} />}
        </>
      )}
    </main>
  );
}

function Goals(props: { plan: CarePlanView; progress: CarePlanProgressView | null }) {
  const about = useAbout();
  const { goals } = props.plan;
  return (
    <section class="card" aria-labelledby="my-goals-heading">
      <h2 id="my-goals-heading">{about('my.goals')}</h2>
      {goals.length === 0 ? (
        <Empty>{t('my.goals.none')}</Empty>
      ) : (
        <ul class="list" aria-label={about('my.goals')}>
          {goals.map((g) => (
            <li key={g.id}>
              <div>
                <strong>{g.activity}</strong>
                <p>{t('my.goal.measure', { measure: g.measure })}</p>
                {g.target && (
                  <p>
                    {t(g.baseline ? (g.targetDate ? 'my.goal.fromToBy' : 'my.goal.fromTo') : g.targetDate ? 'my.goal.toBy' : 'my.goal.to', {
                      baseline: g.baseline,
                      target: g.target,
                      date: g.targetDate ? dateInWords(g.targetDate) : '',
                    })}
                  </p>
                )}
                <GoalProgressLine progress={props.progress?.goals.find((p) => p.goalId === g.id)} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Interventions(props: { plan: CarePlanView }) {
  const about = useAbout();
  const { interventions, notes } = props.plan;
  const groups = MODALITIES.map((m) => ({ modality: m, items: interventions.filter((v) => v.modality === m) })).filter(
    (g) => g.items.length > 0,
  );
  return (
    <section class="card" aria-labelledby="my-doing-heading">
      <h2 id="my-doing-heading">{t('my.doing')}</h2>
      {groups.length === 0 ? (
        <Empty>{t('my.doing.none')}</Empty>
      ) : (
        groups.map((g) => (
          <div key={g.modality}>
            <h3>{label('my.modality', g.modality)}</h3>
            <ul class="list">
              {g.items.map((v) => (
                <li key={v.id}>
                  <span>
                    <strong>{v.description}</strong>
                    {v.frequency ? ` — ${v.frequency}` : ''}
                    <br />
                    {label('my.status', v.status)}
                    {v.startDate ? ` · ${t('my.since', { date: dateInWords(v.startDate) })}` : ''}
                    {v.stopDate ? ` · ${t('my.until', { date: dateInWords(v.stopDate) })}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
      {notes && (
        <>
          <h3>{about('my.notes')}</h3>
          <p>{notes}</p>
        </>
      )}
    </section>
  );
}

function Taper(props: { taper: TaperPlanView }) {
  const about = useAbout();
  const { steps, currentStepIndex, pausedSince } = props.taper.schedule;
  const doses = (items: TaperPlanView['schedule']['steps'][number]['items']) => taperDosesInWords(items, 'patient');
  return (
    <section class="card" aria-labelledby="my-taper-heading">
      <h2 id="my-taper-heading">{about('my.taper')}</h2>
      <p>{about('my.taper.intro')}</p>
      {pausedSince && <p class="notice">{about('my.taper.paused', { date: dateInWords(pausedSince) })}</p>}
      <ol class="steps" aria-label={t('my.taper.steps')}>
        {steps.map((s) => {
          const now = s.index === currentStepIndex;
          const text =
            s.scheduledStart === null
              ? t('my.taper.held', { doses: doses(s.items) })
              : t('my.taper.from', { date: dateInWords(s.scheduledStart), doses: doses(s.items) });
          return (
            <li key={s.index} class={now ? 'current-step' : undefined} aria-current={now ? 'step' : undefined}>
              {now && <strong>{about('my.taper.now')} </strong>}
              {text}
            </li>
          );
        })}
      </ol>
      <p class="hint">{about('my.taper.talk')}</p>
    </section>
  );
}

/** When an opioid is on the list: is naloxone there too, does the patient have it, and where is it. */
function Naloxone(props: { summary: MedicationSummaryView; pid: string; timeZone: string; canAnswer: boolean }) {
  const about = useAbout();
  const drugs = props.summary.orders.map((o) => findDrug(o.formularyId)).filter((d) => d !== undefined);
  if (!drugs.some((d) => d.classes.includes('opioid'))) return null;
  const naloxone = drugs.find((d) => d.classes.includes('naloxone'));
  return (
    <section class="card" aria-labelledby="my-naloxone-heading">
      <h2 id="my-naloxone-heading">{t('my.naloxone')}</h2>
      <p>{naloxone ? about('my.naloxone.onList', { name: naloxone.generic }) : about('my.naloxone.notOnList')}</p>
      <p>{about('my.naloxone.keep')}</p>
      <NaloxoneCheck pid={props.pid} editable={props.canAnswer} timeZone={props.timeZone} headingId="my-naloxone-heading" />
    </section>
  );
}
