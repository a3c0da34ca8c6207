// Today's pacing quota for each paced activity, and logging a baseline session before it starts.
import { useId, useState } from 'preact/hooks';
import type { ApiError } from '../../api/client.ts';
import { ErrorMessage, Field, showToast } from '../../components/ui.tsx';
import { addDays, type LocalDate } from '../../../domain/time/local-date.ts';
import { t } from '../../i18n/index.ts';
import { type About, useAbout } from '../../session.ts';
import { planApi, type PacingProgressView } from './plan-api.ts';
import { dateInWords } from './plan-progress.tsx';

function pacingText(p: PacingProgressView, about: About): string {
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
      return about('pacing.invalid', { activity: p.activity });
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
  const about = useAbout();
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
      showToast(about('pacing.log.saved', { activity: a.activity }));
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
      <h3 id={headingId}>{about('pacing.log.title', { activity: a.activity })}</h3>
      <ErrorMessage message={errors.form ?? null} />
      <Field
        label={t('pacing.log.date')}
        name={`pacingDate-${a.activityId}`}
        type="date"
        value={date}
        onInput={setDate}
        error={errors.date}
        hint={about('pacing.log.hint', { activity: a.activity })}
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
  const about = useAbout();
  if (props.pacing.length === 0) return null;
  return (
    <section class="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('pacing.title')}</h2>
      <ul class="list" aria-label={t('pacing.title')}>
        {props.pacing.map((p) => (
          <li key={p.activityId}>
            <div>
              <strong>{pacingText(p, about)}</strong>
              {p.goal !== null && p.status.kind === 'quota' && <> {about('pacing.todayGoal', { goal: p.goal, unit: p.unit })}</>}
              {p.status.kind === 'quota' && p.status.ongoingFlareSince ? (
                <p>{t('pacing.holding', { date: dateInWords(p.status.ongoingFlareSince) })}</p>
              ) : (
                p.status.kind === 'quota' &&
                p.status.lastFlare && <p>{about('pacing.steppedBack', { date: dateInWords(p.status.lastFlare) })}</p>
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
      {!props.clinician && <p class="hint">{about('pacing.why')}</p>}
    </section>
  );
}
