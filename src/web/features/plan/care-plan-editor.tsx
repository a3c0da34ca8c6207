// The versioned care plan: each save is a new version sent with If-Match; a 409 shows the newer
// version and lets the clinician re-apply their draft on top of it or take theirs. A refused save lists
// its problems at the top of the form (ErrorSummary), which takes focus; a conflict takes focus itself.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiError, Member, Patient } from '../../api/client.ts';
import { ErrorSummary, formLevelMessage, unplacedErrors } from '../../components/error-summary.tsx';
import { ErrorMessage, Loading, showToast } from '../../components/ui.tsx';
import { formatDateTime, t } from '../../i18n/index.ts';
import { bodyOf, draftOf, emptyPlan, placedPlanPointers, type PlanDraft } from './care-plan-draft.ts';
import { CarePlanGoals } from './care-plan-goals.tsx';
import { CarePlanHistory } from './care-plan-history.tsx';
import { CarePlanInterventions } from './care-plan-interventions.tsx';
import { CarePlanPacing } from './care-plan-pacing.tsx';
import { CarePlanSummary, savedBy } from './care-plan-summary.tsx';
import { mergeLoggedSessions } from './pacing-merge.ts';
import { planApi, type CarePlanView } from './plan-api.ts';
import { PacingToday } from './pacing-today.tsx';
import { usePlanProgress } from './plan-progress.tsx';
import { ConflictBox, errorAt, focusSoon, TextArea, usePatientToday } from './plan-ui.tsx';
import { NotInRole, useMay, type Permission } from '../clinic/role-permissions.tsx';

// The plan's parts, each a permission of the role matrix: a role edits only the parts its row lists
// (the server refuses any other change, naming the part).
const MODALITY_PARTS: readonly Permission[] = [
  'plan-pharmacological',
  'plan-interventional',
  'plan-physical',
  'plan-psychological',
  'plan-complementary',
  'plan-self-management',
];
const PLAN_PARTS: readonly Permission[] = ['plan-goals', 'plan-pacing', ...MODALITY_PARTS];

export function CarePlanEditor(props: { patient: Patient; members: readonly Member[] }) {
  const may = useMay();
  const mayEdit = may('edit-care-plan');
  const pid = props.patient.id;
  const [current, setCurrent] = useState<CarePlanView | null | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [draft, setDraft] = useState<PlanDraft>(emptyPlan);
  const [error, setError] = useState<ApiError | null>(null);
  const [conflict, setConflict] = useState<{ current: CarePlanView | null; message: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // A new object on every refusal or conflict: the summary (or the conflict) takes focus, not the page.
  const [refusal, setRefusal] = useState<object | null>(null);
  const today = usePatientToday(props.patient.timeZone);
  const [savedCount, setSavedCount] = useState(0);
  const progress = usePlanProgress(pid, savedCount);

  // Bumped whenever the version history has changed, so the history loads it again.
  const [historyKey, setHistoryKey] = useState(0);
  const loadHistory = () => setHistoryKey((n) => n + 1);
  useEffect(() => {
    planApi.carePlan(pid).then(
      (plan) => {
        setCurrent(plan);
        setDraft(draftOf(plan));
      },
      (e: ApiError) => {
        if (e.status === 404) setCurrent(null);
        else setLoadError(e.message);
      },
    );
  }, [pid]);

  async function save(baseVersion: number | undefined, toSave: PlanDraft = draft) {
    setSaving(true);
    setError(null);
    setRefusal(null);
    try {
      const saved = await planApi.saveCarePlan(pid, bodyOf(toSave), baseVersion);
      setCurrent(saved);
      setDraft(draftOf(saved));
      setSavedCount((n) => n + 1);
      setConflict(null);
      showToast(t('plan.savedVersion', { version: saved.version }));
      // The button was disabled while saving, which drops focus: give it back.
      focusSoon('care-plan-save');
      loadHistory();
    } catch (e) {
      const err = e as ApiError;
      if (err.code === 'care-plan-conflict') {
        const newer = (err.problem.current as CarePlanView | null | undefined) ?? null;
        setConflict({
          current: newer,
          message: newer
            ? t('plan.conflict', {
                version: newer.version,
                name: savedBy(props.members, newer.createdBy),
                when: formatDateTime(newer.createdAt, undefined, { showZone: true }),
              })
            : err.message,
        });
        loadHistory();
      } else setError(err);
      setRefusal({});
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <section class="card" aria-labelledby="care-plan-heading">
        <h2 id="care-plan-heading">{current ? t('plan.carePlanVersion', { version: current.version }) : t('plan.carePlan')}</h2>
        <ErrorMessage message={loadError} />
        {current === undefined ? (
          !loadError && <Loading />
        ) : (
          <form
            ref={formRef}
            onSubmit={(e) => {
              e.preventDefault();
              void save(current?.version);
            }}
            noValidate
            aria-labelledby="care-plan-heading"
          >
            <ErrorSummary failure={refusal} form={formRef} messages={unplacedErrors(error, placedPlanPointers(draft))} />
            {current === null && <p class="empty">{t('plan.carePlan.none')}</p>}
            <ErrorMessage message={formLevelMessage(error)} />
            {conflict && (
              <ConflictBox
                message={conflict.message}
                reapplyLabel={conflict.current ? t('plan.reapply', { version: conflict.current.version }) : t('plan.save')}
                discardLabel={conflict.current ? t('plan.takeTheirs', { version: conflict.current.version }) : t('plan.cancel')}
                onReapply={() => {
                  // Sessions the patient logged since this draft was loaded are kept unless the clinician edited them.
                  const merged = conflict.current
                    ? { ...draft, pacing: mergeLoggedSessions(draft.pacing, current?.pacing ?? [], conflict.current.pacing ?? []) }
                    : draft;
                  setDraft(merged);
                  setCurrent(conflict.current);
                  void save(conflict.current?.version, merged);
                }}
                onDiscard={() => {
                  setCurrent(conflict.current);
                  setDraft(conflict.current ? draftOf(conflict.current) : emptyPlan);
                  setConflict(null);
                }}
              >
                {conflict.current && <CarePlanSummary plan={conflict.current} members={props.members} />}
              </ConflictBox>
            )}
            <NotInRole permission="edit-care-plan" />
            {mayEdit && <NotInRole permission={PLAN_PARTS} />}
            <fieldset disabled={!mayEdit || !may('plan-goals')}>
              <CarePlanGoals goals={draft.goals} onChange={(goals) => setDraft({ ...draft, goals })} error={error} progress={progress} />
            </fieldset>
            <fieldset disabled={!mayEdit || !MODALITY_PARTS.some(may)}>
              <CarePlanInterventions
                interventions={draft.interventions}
                onChange={(interventions) => setDraft({ ...draft, interventions })}
                error={error}
                members={props.members}
              />
            </fieldset>
            <fieldset disabled={!mayEdit || !may('plan-pacing')}>
              <CarePlanPacing pacing={draft.pacing} onChange={(pacing) => setDraft({ ...draft, pacing })} error={error} today={today} />
            </fieldset>
            <fieldset disabled={!mayEdit || !may('plan-goals')}>
              <TextArea
                label={t('plan.notes')}
                name="planNotes"
                value={draft.notes}
                onInput={(notes) => setDraft({ ...draft, notes })}
                error={errorAt(error, '/notes')}
              />
            </fieldset>
            {mayEdit && (
              <button type="submit" id="care-plan-save" class="button" disabled={saving}>
                {saving ? t('common.saving') : t('plan.saveVersion', { version: (current?.version ?? 0) + 1 })}
              </button>
            )}
          </form>
        )}
      </section>
      {progress && <PacingToday pacing={progress.pacing} clinician />}
      <CarePlanHistory pid={pid} members={props.members} reloadKey={historyKey} onError={setLoadError} />
    </>
  );
}
