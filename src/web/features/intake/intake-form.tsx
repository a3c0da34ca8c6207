// The intake, one step at a time so it works on a phone: each step is saved when the person moves on
// (or chooses to finish later), so a half-filled intake is kept and can be continued on any device. The
// step reached is remembered on this device, to come back to it. Saves send If-Match; a 409 shows that
// the intake changed elsewhere and lets the person keep theirs or take the other.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiError } from '../../api/client.ts';
import { ErrorMessage, showToast } from '../../components/ui.tsx';
import { findBodyRegion } from '../../../domain/diary/body-map.ts';
import { RED_FLAGS, unansweredRedFlags, type RedFlag } from '../../../domain/intake/intake.ts';
import { formatLocalDate, t, type MessageKey } from '../../i18n/index.ts';
import { navigate } from '../../router.ts';
import { usePatientInView } from '../../session.ts';
import { ConflictBox } from '../plan/plan-ui.tsx';
import { intakeApi, type IntakeView } from './intake-api.ts';
import { draftOf, emptyDraft, incompleteTests, incompleteTreatments, inputOf, linesOf, type IntakeDraft } from './intake-draft.ts';
import { RedFlagsStep, UrgentCare } from './intake-red-flags.tsx';
import { FactorsStep, HealthStep, OnsetStep, TriedStep, WhereStep, type StepProps } from './intake-steps.tsx';

const STEPS = ['onset', 'where', 'factors', 'tried', 'health', 'flags', 'review'] as const;
type Step = (typeof STEPS)[number];
const HEADINGS: Record<Step, MessageKey> = {
  onset: 'intake.onset.heading',
  where: 'intake.where.heading',
  factors: 'intake.factors.heading',
  tried: 'intake.tried.heading',
  health: 'intake.health.heading',
  flags: 'intake.flags.heading',
  review: 'intake.review.heading',
};

// Which step a person reached, per intake, on this device: a step number, nothing about the patient.
const stepKey = (id: string) => `painwise.intake-step.${id}`;
function rememberedStep(id: string): number {
  try {
    const n = Number(localStorage.getItem(stepKey(id)));
    return Number.isInteger(n) && n >= 0 && n < STEPS.length ? n : 0;
  } catch {
    return 0;
  }
}
function rememberStep(id: string, n: number) {
  try {
    localStorage.setItem(stepKey(id), String(n));
  } catch {
    // Private browsing may refuse storage; the intake itself is saved on the server either way.
  }
}

/** The whole intake in words: the last step of the form, and what a reader sees. */
export function Review(props: { draft: IntakeDraft }) {
  const d = props.draft;
  const nothing = t('intake.review.nothing');
  const list = (items: readonly string[]) => (items.length === 0 ? nothing : items.join('; '));
  const yes = RED_FLAGS.filter((f) => d.redFlags[f] === 'yes');
  const rows: [MessageKey, string][] = [
    ['intake.review.onset', [d.onsetDate && formatLocalDate(d.onsetDate, 'date'), d.onsetAbout].filter(Boolean).join(' — ') || nothing],
    ['intake.review.course', d.course ? t(`intake.course.${d.course}` as MessageKey) : nothing],
    ['intake.review.where', list(d.locations.map((l) => findBodyRegion(l.region)?.label ?? l.region))],
    ['intake.review.better', list(linesOf(d.betterWith))],
    ['intake.review.worse', list(linesOf(d.worseWith))],
    ['intake.review.tried', list(d.treatments.map((x) => `${x.treatment} (${t(`intake.effect.${x.effect}` as MessageKey)})`))],
    ['intake.review.tests', list(d.tests.map((x) => (x.date ? `${x.what} (${formatLocalDate(x.date, 'date')})` : x.what)))],
    ['intake.review.conditions', list(linesOf(d.otherConditions))],
    ['intake.review.medicines', list(linesOf(d.medicines))],
    ['intake.review.allergies', list(linesOf(d.allergies))],
    ['intake.review.flags', yes.length === 0 ? t('intake.review.noFlags') : yes.map((f) => t(`intake.flag.${f}` as MessageKey)).join(' ')],
  ];
  return (
    <>
      {yes.length > 0 && <UrgentCare />}
      <dl class="summary">
        {rows.map(([key, value]) => (
          <div key={key}>
            <dt>{t(key)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

export function IntakeForm(props: { id: string; initial: IntakeView | null; visitId: string | null }) {
  const patient = usePatientInView()!;
  const [draft, setDraft] = useState<IntakeDraft>(() => (props.initial ? draftOf(props.initial) : emptyDraft(props.visitId)));
  const [version, setVersion] = useState<number | undefined>(props.initial?.version);
  const [step, setStep] = useState(() => (props.initial ? rememberedStep(props.id) : 0));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<IntakeView | null>(null);
  const [flagErrors, setFlagErrors] = useState<ReadonlySet<RedFlag>>(new Set());
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const current = STEPS[step]!;

  useEffect(() => {
    // Moving between steps puts focus on the new step's heading, so keyboard and screen-reader users start there.
    if (moved.current) heading.current?.focus();
  }, [step]);

  function problemsOfStep(): string | null {
    if (current === 'tried') {
      const n = incompleteTreatments(draft)[0];
      if (n !== undefined) return t('intake.tried.incomplete', { n });
    }
    if (current === 'health') {
      const n = incompleteTests(draft)[0];
      if (n !== undefined) return t('intake.tests.incomplete', { n });
    }
    return null;
  }

  /** Saves the draft (finished or not) at `baseVersion`; true when saved. */
  async function save(next: IntakeDraft, baseVersion: number | undefined): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      const saved = await intakeApi.save(patient.id, props.id, inputOf(next), baseVersion);
      setVersion(saved.version);
      setConflict(null);
      return true;
    } catch (e) {
      const err = e as ApiError;
      const copy = err.problem.current as IntakeView | undefined;
      if (err.status === 409 && copy) setConflict(copy);
      else setError(err.message);
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function go(to: number | 'later' | 'finish') {
    const problem = problemsOfStep();
    if (problem) {
      setError(problem);
      return;
    }
    if (to === 'finish') {
      const missing = unansweredRedFlags(draft.redFlags);
      if (missing.length > 0) {
        setFlagErrors(new Set(missing));
        moved.current = true;
        setStep(STEPS.indexOf('flags'));
        setError(t('intake.flags.unanswered'));
        return;
      }
    }
    const next = to === 'finish' ? { ...draft, finished: true } : draft;
    if (!(await save(next, version))) return;
    setDraft(next);
    if (to === 'finish') {
      showToast(t('intake.finished'));
      navigate('/intake');
    } else if (to === 'later') {
      rememberStep(props.id, step);
      showToast(t('intake.savedLater'));
      navigate('/intake');
    } else {
      moved.current = true;
      rememberStep(props.id, to);
      setStep(to);
    }
  }

  const stepProps: StepProps = { draft, onChange: setDraft };
  return (
    <form
      class="card"
      aria-labelledby="intake-step-heading"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void go(current === 'review' ? 'finish' : step + 1);
      }}
    >
      <p class="hint">{t('intake.step', { n: step + 1, count: STEPS.length })}</p>
      <h2 id="intake-step-heading" ref={heading} tabIndex={-1}>
        {t(HEADINGS[current])}
      </h2>
      {conflict && (
        <ConflictBox
          message={t('intake.conflict')}
          reapplyLabel={t('intake.conflictKeepMine')}
          discardLabel={t('intake.conflictTakeTheirs')}
          busy={busy}
          onReapply={() => void save(draft, conflict.version)}
          onDiscard={() => {
            setDraft(draftOf(conflict));
            setVersion(conflict.version);
            setConflict(null);
          }}
        />
      )}
      <ErrorMessage message={error} />
      {current === 'onset' && <OnsetStep {...stepProps} />}
      {current === 'where' && <WhereStep {...stepProps} />}
      {current === 'factors' && <FactorsStep {...stepProps} />}
      {current === 'tried' && <TriedStep {...stepProps} />}
      {current === 'health' && <HealthStep {...stepProps} />}
      {current === 'flags' && <RedFlagsStep {...stepProps} errors={flagErrors} />}
      {current === 'review' && (
        <>
          <p>{t('intake.review.intro')}</p>
          <Review draft={draft} />
        </>
      )}
      <div class="row">
        <button type="submit" class="button" disabled={busy}>
          {busy ? t('intake.saving') : current === 'review' ? t('intake.finish') : t('intake.next')}
        </button>
        {step > 0 && (
          <button type="button" class="button secondary" disabled={busy} onClick={() => void go(step - 1)}>
            {t('intake.back')}
          </button>
        )}
        <button type="button" class="button secondary" disabled={busy} onClick={() => void go('later')}>
          {t('intake.saveLater')}
        </button>
      </div>
    </form>
  );
}
