// Progress against the plan, shared by the patient's Plan page and the chart: goal progress from the
// diary and questionnaires, today's pacing quota, as-needed opioid use against the plan, and the
// naloxone check (the patient answers it; the care team reads it).
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { ApiError } from '../../api/client.ts';
import { ErrorMessage, Field, LoadFailed, SelectField, showToast } from '../../components/ui.tsx';
import { formatDate, t, type MessageKey } from '../../i18n/index.ts';
import {
  planApi,
  type AsNeededUseView,
  type CarePlanProgressView,
  type GoalProgressView,
  type NaloxoneCheckView,
  type PacingProgressView,
} from './plan-api.ts';
import { drugName } from './plan-format.ts';
import { addDays, type LocalDate } from '../../../domain/time/local-date.ts';

/** A patient's local date (YYYY-MM-DD) in words, without shifting it through a time zone. */
export function dateInWords(date: string): string {
  return formatDate(`${date}T00:00:00Z`, 'UTC');
}

const oneDecimal = (n: number) => new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(n);

/** Loads the plan's progress; null when there is no plan (404) or it failed. */
export function usePlanProgress(pid: string, reloadKey = 0): CarePlanProgressView | null | undefined {
  const [progress, setProgress] = useState<CarePlanProgressView | null | undefined>(undefined);
  useEffect(() => {
    planApi.carePlanProgress(pid).then(setProgress, () => setProgress(null));
  }, [pid, reloadKey]);
  return progress;
}

export function GoalProgressLine(props: { progress: GoalProgressView | undefined }) {
  const p = props.progress;
  if (!p) return null;
  if (!p.latest) return <p class="hint">{t('progress.goal.noData')}</p>;
  const when = p.source.kind === 'diary' ? t('progress.goal.weekOf', { date: dateInWords(p.latest.date) }) : dateInWords(p.latest.date);
  return (
    <p>
      {t('progress.goal.latest', { value: oneDecimal(p.latest.value), unit: p.unit, date: when })}
      {p.previous && <> {t('progress.goal.previous', { value: oneDecimal(p.previous.value) })}</>}
      {p.movement && (
        <>
          {' '}
          <strong>{t(`progress.goal.${p.movement}` as MessageKey)}</strong>
        </>
      )}
      {p.change?.category && (
        <>
          <br />
          <span class="hint">
            {t('progress.goal.change', { category: t(`progress.change.${p.change.category}` as MessageKey), rule: p.change.rule })}
          </span>
        </>
      )}
    </p>
  );
}

function pacingText(p: PacingProgressView): string {
  const s = p.status;
  switch (s.kind) {
    case 'quota':
      return t('pacing.today', { quota: s.quota, unit: p.unit, activity: p.activity });
    case 'not-started':
      return t('pacing.notStarted', { activity: p.activity, date: dateInWords(p.startDate), quota: s.startingQuota, unit: p.unit });
    case 'insufficient-sessions':
      return t('pacing.insufficient', { activity: p.activity, have: s.have, need: s.need });
    case 'no-tolerance':
      return t('pacing.noTolerance', { activity: p.activity });
    case 'invalid':
      return t('pacing.invalid', { activity: p.activity });
  }
}

/** One baseline session of a recorded activity, before its start (the server checks the dates again). */
function LogPacingSession(props: { pid: string; activity: PacingProgressView; asOf: string; onSaved: () => void }) {
  const a = props.activity;
  const latest = a.startDate <= props.asOf ? addDays(a.startDate as LocalDate, -1) : props.asOf;
  const [date, setDate] = useState(latest);
  const [amount, setAmount] = useState('');
  // Field errors sit on their fields (aria-invalid, described by); the rest show above the form.
  const [errors, setErrors] = useState<{ form?: string | undefined; date?: string | undefined; amount?: string | undefined }>({});
  const [saving, setSaving] = useState(false);
  const headingId = useId();
  async function save() {
    const n = Number(amount);
    const local = {
      date: date === '' ? t('pacing.log.noDate') : undefined,
      amount: amount.trim() === '' || !Number.isSafeInteger(n) || n < 0 ? t('pacing.log.badAmount') : undefined,
    };
    if (local.date || local.amount) {
      setErrors(local);
      return;
    }
    setSaving(true);
    setErrors({});
    try {
      await planApi.recordPacingSession(props.pid, a.activityId, date, n);
      setAmount('');
      showToast(t('pacing.log.saved', { activity: a.activity }));
      props.onSaved();
    } catch (e) {
      const error = e as ApiError;
      const other = error.fieldErrors.filter((f) => f.pointer !== '/date' && f.pointer !== '/amount').map((f) => f.detail);
      setErrors({
        date: error.fieldError('/date'),
        amount: error.fieldError('/amount'),
        form: other.length > 0 ? other.join(' ') : error.fieldErrors.length > 0 ? undefined : error.message,
      });
    } finally {
      setSaving(false);
    }
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      noValidate
      aria-labelledby={headingId}
    >
      <h3 id={headingId}>{t('pacing.log.title', { activity: a.activity })}</h3>
      <ErrorMessage message={errors.form ?? null} />
      <Field
        label={t('pacing.log.date')}
        name={`pacingDate-${a.activityId}`}
        type="date"
        value={date}
        onInput={setDate}
        error={errors.date}
        hint={t('pacing.log.hint', { activity: a.activity })}
        required
      />
      <Field
        label={t('pacing.log.amount', { unit: a.unit })}
        name={`pacingAmount-${a.activityId}`}
        type="number"
        inputMode="numeric"
        value={amount}
        onInput={setAmount}
        error={errors.amount}
        required
      />
      <button type="submit" class="button" disabled={saving}>
        {t('pacing.log.save')}
      </button>
    </form>
  );
}

/**
 * Today's quota for each paced activity, in plain language (the clinician also sees the numbers behind
 * it). With `log`, the patient (or a caregiver with diary scope) can record the baseline sessions of a
 * `recorded` activity that has not started yet or has too few sessions.
 */
export function PacingToday(props: {
  pacing: readonly PacingProgressView[];
  clinician?: boolean;
  log?: { pid: string; asOf: string; onSaved: () => void };
}) {
  const headingId = useId();
  if (props.pacing.length === 0) return null;
  return (
    <section class="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('pacing.title')}</h2>
      <ul class="list" aria-label={t('pacing.title')}>
        {props.pacing.map((p) => (
          <li key={p.activityId}>
            <div>
              <strong>{pacingText(p)}</strong>
              {p.goal !== null && p.status.kind === 'quota' && <> {t('pacing.todayGoal', { goal: p.goal, unit: p.unit })}</>}
              {p.status.kind === 'quota' && p.status.ongoingFlareSince ? (
                <p>{t('pacing.holding', { date: dateInWords(p.status.ongoingFlareSince) })}</p>
              ) : (
                p.status.kind === 'quota' &&
                p.status.lastFlare && <p>{t('pacing.steppedBack', { date: dateInWords(p.status.lastFlare) })}</p>
              )}
              {props.clinician && p.status.kind === 'quota' && (
                <p class="hint">
                  {t('pacing.clinicianLine', {
                    baseline: p.status.baseline,
                    unit: p.unit,
                    sessions: p.sessionsUsed,
                    start: p.status.startingQuota,
                    level: p.status.level,
                  })}
                </p>
              )}
              {props.log &&
                p.sessionSource === 'recorded' &&
                (p.startDate > props.log.asOf || p.status.kind === 'insufficient-sessions') && (
                  <LogPacingSession pid={props.log.pid} activity={p} asOf={props.log.asOf} onSaved={props.log.onSaved} />
                )}
            </div>
          </li>
        ))}
      </ul>
      {!props.clinician && <p class="hint">{t('pacing.why')}</p>}
    </section>
  );
}

/** As-needed opioid use from the diary against the plan's allowance (shown only when there is any). */
export function AsNeededUse(props: { pid: string; clinician?: boolean }) {
  const [use, setUse] = useState<AsNeededUseView | null>(null);
  const headingId = useId();
  useEffect(() => {
    planApi.asNeededUse(props.pid).then(setUse, () => setUse(null));
  }, [props.pid]);
  if (!use || use.drugs.length === 0) return null;
  const window = use.days.length === 0 ? 14 : Math.round((Date.parse(use.to) - Date.parse(use.from)) / 86_400_000) + 1;
  return (
    <section class="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('asNeeded.title')}</h2>
      <ul class="list" aria-label={t('asNeeded.title')}>
        {use.drugs.map((d) => (
          <li key={d.drug}>
            {props.clinician ? (
              <span>
                {t('asNeeded.clinicianLine', {
                  drug: drugName(d.drug),
                  taken: d.taken,
                  days: d.daysUsed,
                  window,
                  over: d.daysOver,
                  allowed: d.allowedToday ?? '—',
                })}
              </span>
            ) : (
              <div>
                <p>
                  <strong>{t('asNeeded.line', { drug: drugName(d.drug), taken: d.taken, days: d.daysUsed, window })}</strong>
                </p>
                <p>{d.allowedToday !== null ? t('asNeeded.allowed', { allowed: d.allowedToday }) : t('asNeeded.noOrder')}</p>
                {d.taken > 0 && (
                  <p class={d.daysOver > 0 ? 'notice' : undefined}>
                    {d.daysOver > 0 ? t('asNeeded.over', { days: d.daysOver }) : t('asNeeded.within')}
                  </p>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
      <p class="hint">{t('asNeeded.fromDiary')}</p>
    </section>
  );
}

type Answer = '' | 'yes' | 'no';

/**
 * The naloxone check: the patient (or a caregiver) answers and edits it; the care team reads it. When it
 * was answered is dated in the patient's time zone (a caregiver or a travelling patient may be elsewhere).
 */
export function NaloxoneCheck(props: { pid: string; editable: boolean; timeZone: string; headingId?: string }) {
  const [check, setCheck] = useState<NaloxoneCheckView | null | undefined>(undefined);
  // A failed load is said as such: "not answered yet" would be a false statement about naloxone.
  const [loadFailed, setLoadFailed] = useState(false);
  const [answer, setAnswer] = useState<Answer>('');
  const [where, setWhere] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const saveButton = useRef<HTMLButtonElement>(null);
  const adopt = (c: NaloxoneCheckView | null) => {
    setCheck(c);
    setAnswer(c ? (c.hasNaloxone ? 'yes' : 'no') : '');
    setWhere(c?.location ?? '');
  };
  const loadCheck = () => {
    setLoadFailed(false);
    planApi.naloxoneCheck(props.pid).then(adopt, () => setLoadFailed(true));
  };
  useEffect(loadCheck, [props.pid]);
  if (loadFailed) return <LoadFailed message={t('naloxone.failed')} onRetry={loadCheck} />;
  if (check === undefined) return null;

  if (!props.editable) {
    return (
      <p>
        {check === null
          ? t('naloxone.notAsked')
          : check.hasNaloxone
            ? check.location
              ? t('naloxone.has', { where: check.location })
              : t('naloxone.hasNoPlace')
            : t('naloxone.hasNot')}
      </p>
    );
  }
  async function save() {
    if (answer === '') return;
    setSaving(true);
    setError(null);
    try {
      const saved = await planApi.saveNaloxoneCheck(
        props.pid,
        { hasNaloxone: answer === 'yes', location: answer === 'yes' ? where : '' },
        check?.version,
      );
      adopt(saved);
      showToast(t('naloxone.saved'));
      // The button was disabled while saving, which drops focus to the page: give it back.
      requestAnimationFrame(() => saveButton.current?.focus());
    } catch (e) {
      const err = e as ApiError;
      // Someone else (a caregiver, another device) answered first: show theirs and let the person save again.
      if (err.code === 'clinical-record-conflict' && err.problem.current) adopt(err.problem.current as NaloxoneCheckView);
      setError(err.message);
    } finally {
      setSaving(false);
    }
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      noValidate
      aria-labelledby={props.headingId}
    >
      <ErrorMessage message={error} />
      <SelectField<Answer>
        label={t('naloxone.question')}
        name="naloxoneAnswer"
        value={answer}
        options={[
          { value: '', label: t('naloxone.unanswered') },
          { value: 'yes', label: t('naloxone.yes') },
          { value: 'no', label: t('naloxone.no') },
        ]}
        onChange={setAnswer}
      />
      {answer === 'yes' && (
        <Field label={t('naloxone.where')} name="naloxoneWhere" value={where} onInput={setWhere} hint={t('naloxone.whereHint')} />
      )}
      {check && <p class="hint">{t('naloxone.answered', { date: formatDate(check.updatedAt, props.timeZone) })}</p>}
      <button ref={saveButton} type="submit" class="button" disabled={saving || answer === ''}>
        {t('naloxone.save')}
      </button>
    </form>
  );
}
