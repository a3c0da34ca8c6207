// The taper planner: the patient's taper plans with their steps, pause and resume, and a new plan at a
// chosen rate (the strengths to round to asked for only when the server needs them).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiError } from '../../api/client.ts';
import { ErrorSummary, formLevelMessage, unplacedErrors } from '../../components/error-summary.tsx';
import { Empty, ErrorMessage, Field, Loading, LoadFailed, SelectField, showToast } from '../../components/ui.tsx';
import { formatLocalDate, t } from '../../i18n/index.ts';
import { newClientId } from '../../offline/ids.ts';
import { planApi, type TaperPlanView } from './plan-api.ts';
import { citationOf, drugName, parseNumber } from './plan-format.ts';
import { errorAt, options } from './plan-ui.tsx';
import { RATE_CHOICES, rateInWords, rateOf, type RateChoice } from './taper-rate.ts';
import { readableTaperError } from './taper-errors.ts';
import { TaperSteps } from './taper-steps.tsx';
import { NotInRole, useMay } from '../clinic/role-permissions.tsx';

export function TaperPlanner(props: {
  pid: string;
  today: string;
  tapers: TaperPlanView[] | null | 'failed';
  hasOrders: boolean;
  onChanged: () => void;
}) {
  const mayTaper = useMay()('plan-tapers');
  const [startDate, setStartDate] = useState(props.today);
  const [choice, setChoice] = useState<RateChoice>('monthly');
  const [percent, setPercent] = useState('10');
  const [interval, setTaperInterval] = useState<'week' | 'month'>('month');
  const [target, setTarget] = useState('0');
  const [strengths, setStrengths] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  // The submit button is disabled while sending, so focus moves on to the new plan once the list has it.
  const [focusTaper, setFocusTaper] = useState<string | null>(null);
  useEffect(() => {
    const heading = focusTaper ? document.getElementById(`taper-${focusTaper}`) : null;
    if (heading) {
      heading.focus();
      setFocusTaper(null);
    }
  }, [focusTaper, props.tapers]);
  const needed = [
    ...new Set([
      ...(error?.fieldErrors ?? []).filter((f) => f.pointer.startsWith('/strengthsByDrug/')).map((f) => f.pointer.split('/')[2]!),
      ...Object.keys(strengths),
    ]),
  ];

  async function create(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const strengthsByDrug: Record<string, number[]> = {};
    for (const [drug, text] of Object.entries(strengths)) {
      const values = text
        .split(/[,\s]+/)
        .map(Number)
        .filter((n) => Number.isFinite(n) && n > 0);
      if (values.length > 0) strengthsByDrug[drug] = values;
    }
    const rate = rateOf(choice, parseNumber(percent), interval);
    const targetPercent = parseNumber(target);
    try {
      const created = await planApi.createTaperPlan(props.pid, newClientId(), {
        startDate,
        ...(rate ? { rate } : {}),
        ...(targetPercent !== undefined ? { targetPercentOfOriginal: targetPercent } : {}),
        ...(Object.keys(strengthsByDrug).length > 0 ? { strengthsByDrug } : {}),
      });
      showToast(t('meds.taper.created'));
      setStrengths({});
      setFocusTaper(created.id);
      props.onChanged();
    } catch (err) {
      // The rate's field shows only for "Another percentage"; the rest always have one.
      const placed = (pointer: string) =>
        pointer === '/startDate' ||
        pointer === '/targetPercentOfOriginal' ||
        pointer.startsWith('/strengthsByDrug/') ||
        (pointer === '/rate' && choice === 'custom');
      setError(readableTaperError(err as ApiError, placed));
    } finally {
      setBusy(false);
    }
  }
  async function pauseOrResume(taper: TaperPlanView) {
    setActionError(null);
    try {
      if (taper.schedule.pausedSince) await planApi.resumeTaper(props.pid, taper.id, props.today);
      else await planApi.pauseTaper(props.pid, taper.id, props.today);
      showToast(taper.schedule.pausedSince ? t('meds.taper.resumed') : t('meds.taper.paused'));
      props.onChanged();
    } catch (err) {
      setActionError((err as ApiError).message);
    }
  }

  return (
    <section class="card" aria-labelledby="taper-heading">
      <h2 id="taper-heading">{t('meds.taper')}</h2>
      <ErrorMessage message={actionError} />
      {props.tapers === null ? (
        <Loading />
      ) : props.tapers === 'failed' ? (
        <LoadFailed message={t('meds.taper.failed')} onRetry={props.onChanged} />
      ) : props.tapers.length === 0 ? (
        <Empty>{t('meds.taper.none')}</Empty>
      ) : (
        props.tapers.map((taper) => (
          <article key={taper.id} class="subform" aria-labelledby={`taper-${taper.id}`}>
            <h3 id={`taper-${taper.id}`} tabIndex={-1}>
              {t('meds.taper.from', { date: formatLocalDate(taper.plan.startDate, 'date') })}
            </h3>
            <p>
              {rateInWords(taper.plan.rate)} · {t('meds.taper.target', { percent: taper.plan.targetPercentOfOriginal })}
              {taper.schedule.pausedSince
                ? ` · ${t('meds.taper.pausedSince', { date: formatLocalDate(taper.schedule.pausedSince, 'date') })}`
                : ''}
            </p>
            <TaperSteps taper={taper} />
            {taper.plan.notes.length > 0 && (
              <ul class="hint">
                {taper.plan.notes.map((n, i) => (
                  <li key={i}>{citationOf(n)}</li>
                ))}
              </ul>
            )}
            <p class="hint">{t('meds.source', { source: citationOf(taper.plan.source) })}</p>
            {mayTaper && (
              <button
                type="button"
                class="button secondary"
                onClick={() => {
                  void pauseOrResume(taper);
                }}
              >
                {taper.schedule.pausedSince
                  ? t('meds.taper.resume', { date: formatLocalDate(taper.plan.startDate, 'date') })
                  : t('meds.taper.pause', { date: formatLocalDate(taper.plan.startDate, 'date') })}
              </button>
            )}
          </article>
        ))
      )}
      <NotInRole permission="plan-tapers" propose />
      {mayTaper && (
        <form ref={form} class="subform" onSubmit={create} noValidate aria-labelledby="taper-new-heading">
          <h3 id="taper-new-heading">{t('meds.taper.new')}</h3>
          <p class="hint">{t('meds.taper.intro')}</p>
          <ErrorSummary
            failure={error}
            form={form}
            messages={unplacedErrors(error, [
              '/startDate',
              '/targetPercentOfOriginal',
              ...(choice === 'custom' ? ['/rate'] : []),
              '/strengthsByDrug',
            ])}
          />
          <ErrorMessage message={formLevelMessage(error)} />
          <div class="grid">
            <Field
              label={t('meds.taper.start')}
              name="taperStart"
              type="date"
              value={startDate}
              onInput={setStartDate}
              error={errorAt(error, '/startDate')}
            />
            <SelectField
              label={t('meds.taper.rate')}
              name="taperRate"
              value={choice}
              options={options('meds.taper.choice', RATE_CHOICES)}
              onChange={setChoice}
            />
            <Field
              label={t('meds.taper.targetLabel')}
              name="taperTarget"
              type="number"
              inputMode="decimal"
              value={target}
              onInput={setTarget}
              hint={t('meds.taper.targetHint')}
              error={errorAt(error, '/targetPercentOfOriginal')}
            />
          </div>
          {choice === 'custom' && (
            <div class="grid">
              <Field
                label={t('meds.taper.percent')}
                name="taperPercent"
                type="number"
                inputMode="decimal"
                value={percent}
                onInput={setPercent}
                error={errorAt(error, '/rate')}
              />
              <SelectField
                label={t('meds.taper.interval')}
                name="taperInterval"
                value={interval}
                options={options('meds.taper.interval', ['week', 'month'] as const)}
                onChange={setTaperInterval}
              />
            </div>
          )}
          {needed.map((drug) => (
            <Field
              key={drug}
              label={t('meds.taper.strengths', { drug: drugName(drug) })}
              name={`strengths-${drug}`}
              value={strengths[drug] ?? ''}
              hint={t('meds.taper.strengthsHint')}
              onInput={(text) => setStrengths({ ...strengths, [drug]: text })}
              error={errorAt(error, `/strengthsByDrug/${drug}`)}
            />
          ))}
          <button type="submit" class="button" disabled={busy || !props.hasOrders}>
            {t('meds.taper.create')}
          </button>
          {!props.hasOrders && <p class="hint">{t('meds.taper.needsOrders')}</p>}
        </form>
      )}
    </section>
  );
}
