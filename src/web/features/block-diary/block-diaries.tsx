// The patient's block diaries (and a caregiver's, acting for them): the list with a form to start one,
// and one diary — its reading schedule with due times, recording a reading, reminders while the app is
// open, the relief the server computed, and changing or deleting the diary. Reading is open to anyone
// who may see the record; writing only to the patient or a caregiver with the diary scope. Edits send
// If-Match; a 409 shows the server's copy and lets the person re-apply their change or keep that copy.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiError } from '../../api/client.ts';
import { Dialog, Empty, ErrorMessage, Loading, showToast } from '../../components/ui.tsx';
import { t } from '../../i18n/index.ts';
import { newClientId } from '../../offline/ids.ts';
import { navigate } from '../../router.ts';
import { usePatientInView, type PatientInView } from '../../session.ts';
import { ConflictBox } from '../plan/plan-ui.tsx';
import { blockDiaryApi, toInput, type BlockDiaryInput, type BlockDiaryView } from './block-diary-api.ts';
import { blankDetails, DiaryDetailsForm, detailsOf, ReadingForm, type DetailsValue, type ReadingValue } from './block-diary-forms.tsx';
import { anyInProgress, ReminderLines, UrgentReminderCard, useNow } from './block-diary-reminder.tsx';
import { durationInWords, momentInWords, percentInWords } from './block-diary-words.ts';
import { findReadingReminder, readingStates, type ReadingState } from './reading-schedule.ts';
import { ReliefSummary } from './relief-summary.tsx';

const canWrite = (patient: PatientInView) => patient.scopes === 'owner' || patient.scopes.includes('write-diary');

function go(href: string) {
  return (e: Event) => {
    e.preventDefault();
    navigate(href);
  };
}

/** Readings done out of those scheduled. */
function doneCount(diary: BlockDiaryView): number {
  const recorded = new Set(diary.readings.map((r) => r.offsetMinutes));
  return diary.schedule.filter((s) => recorded.has(s.offsetMinutes)).length;
}

function PeakLines(props: { diary: BlockDiaryView }) {
  const { nrs, patientReported } = props.diary.relief;
  const nrsPeak = nrs.kind === 'computed' ? nrs.peakReliefPct : null;
  const reportedPeak = patientReported.peakReliefPct;
  if (nrsPeak === null && reportedPeak === null) return <p>{t('blockDiary.noReadings')}</p>;
  return (
    <p>
      {nrsPeak !== null && t('blockDiary.peakNrs', { pct: percentInWords(nrsPeak) })}
      {nrsPeak !== null && reportedPeak !== null && ' '}
      {reportedPeak !== null && t('blockDiary.peakReported', { pct: percentInWords(reportedPeak) })}
    </p>
  );
}

export function BlockDiaries() {
  const patient = usePatientInView()!;
  const writable = canWrite(patient);
  const [diaries, setDiaries] = useState<BlockDiaryView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  // The clock ticks only while a diary is in progress (the reminder card needs it then).
  const [live, setLive] = useState(false);
  const now = useNow(15_000, live);
  const inProgress = diaries !== null && anyInProgress(diaries, now);
  useEffect(() => {
    setLive(inProgress);
  }, [inProgress]);
  // When the start form closes, focus goes back to the button that opened it.
  const startButton = useRef<HTMLButtonElement>(null);
  const [refocus, setRefocus] = useState(false);
  useEffect(() => {
    if (refocus) {
      startButton.current?.focus();
      setRefocus(false);
    }
  }, [refocus]);
  useEffect(() => {
    blockDiaryApi.list(patient.id).then(
      (r) => setDiaries(r.items),
      (e: ApiError) => setError(e.message),
    );
  }, [patient.id]);

  async function start(value: DetailsValue): Promise<ApiError | null> {
    const id = newClientId();
    try {
      await blockDiaryApi.save(patient.id, id, { ...value, timeZone: patient.timeZone, readings: [] });
      showToast(t('blockDiary.started'));
      navigate(`/block-diaries/${id}`);
      return null;
    } catch (e) {
      return e as ApiError;
    }
  }

  return (
    <main id="main">
      <h1>{patient.scopes === 'owner' ? t('blockDiary.title') : t('blockDiary.titleFor', { name: patient.displayName })}</h1>
      <p>{t('blockDiary.intro')}</p>
      <ErrorMessage message={error} />
      {diaries && <UrgentReminderCard diaries={diaries} now={now} heading={t('blockDiary.reminder.title')} writable={writable} />}
      {writable &&
        (starting ? (
          <section class="card">
            <DiaryDetailsForm
              title={t('blockDiary.startTitle')}
              submitLabel={t('blockDiary.field.save')}
              timeZone={patient.timeZone}
              initial={blankDetails(patient.timeZone, new Date())}
              save={start}
              onCancel={() => {
                setStarting(false);
                setRefocus(true);
              }}
            />
          </section>
        ) : (
          <p>
            <button type="button" class="button" ref={startButton} onClick={() => setStarting(true)}>
              {t('blockDiary.start')}
            </button>
          </p>
        ))}
      {diaries === null ? (
        !error && <Loading />
      ) : diaries.length === 0 ? (
        <Empty>{t('blockDiary.empty')}</Empty>
      ) : (
        <ul class="list" aria-label={t('blockDiary.list')}>
          {diaries.map((d) => (
            <li key={d.id}>
              <div>
                <a href={`/block-diaries/${d.id}`} onClick={go(`/block-diaries/${d.id}`)}>
                  <strong>{d.procedureLabel}</strong>
                </a>
                <p>
                  {t('blockDiary.procedureAt', { when: momentInWords(d.procedureAt, d.timeZone, now) })}{' '}
                  {t('blockDiary.readingsDone', { done: doneCount(d), total: d.schedule.length })}
                </p>
                <PeakLines diary={d} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

const STATE_TEXT: Record<ReadingState, Parameters<typeof t>[0]> = {
  done: 'blockDiary.slot.done',
  due: 'blockDiary.slot.due',
  missed: 'blockDiary.slot.missed',
  upcoming: 'blockDiary.slot.upcoming',
};

/** A short account of a diary, for the conflict box: what the server now holds. */
function DiaryBrief(props: { diary: BlockDiaryView }) {
  const d = props.diary;
  return (
    <ul>
      <li>
        {d.procedureLabel} — {t('blockDiary.baseline', { value: d.baselineIntensity })}
      </li>
      {d.readings.map((r) => (
        <li key={r.offsetMinutes}>
          {t('blockDiary.slot.title', { offset: durationInWords(r.offsetMinutes) })}:{' '}
          {[
            r.intensity !== null ? t('blockDiary.slot.pain', { value: r.intensity }) : '',
            r.patientReportedReliefPct !== null ? t('blockDiary.slot.reported', { pct: percentInWords(r.patientReportedReliefPct) }) : '',
          ]
            .filter(Boolean)
            .join(' · ')}
        </li>
      ))}
    </ul>
  );
}

/** The diary's body with one reading set (value) or removed (null), readings in offset order. */
function withReading(diary: BlockDiaryView, offsetMinutes: number, value: ReadingValue | null, recordedAt: string): BlockDiaryInput {
  const input = toInput(diary);
  const others = (input.readings ?? []).filter((r) => r.offsetMinutes !== offsetMinutes);
  const previous = diary.readings.find((r) => r.offsetMinutes === offsetMinutes);
  const readings = value === null ? others : [...others, { offsetMinutes, ...value, recordedAt: previous?.recordedAt ?? recordedAt }];
  return { ...input, readings: readings.sort((a, b) => a.offsetMinutes - b.offsetMinutes) };
}

type Change = (diary: BlockDiaryView) => BlockDiaryInput;

export function BlockDiaryPage(props: { id: string }) {
  const patient = usePatientInView()!;
  const writable = canWrite(patient);
  const pid = patient.id;
  const [diary, setDiary] = useState<BlockDiaryView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const requested = Number(new URLSearchParams(location.search).get('record'));
  const [recording, setRecording] = useState<number | null>(writable && Number.isInteger(requested) && requested > 0 ? requested : null);
  const [editing, setEditing] = useState(false);
  // A 409: the server's newer copy, or null when the diary was deleted on another device.
  const [conflict, setConflict] = useState<{ current: BlockDiaryView | null; change: Change } | null>(null);
  const [resolving, setResolving] = useState(false);
  // Why re-applying (or saving as new) after a 409 failed, shown in the conflict box.
  const [conflictError, setConflictError] = useState<string | null>(null);
  // Set at once (state waits for the next render), so a double press on the conflict's buttons sends one save.
  const resolvingNow = useRef(false);
  const [deleteOpen, setDeleteOpen] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  // As on the list: the clock ticks only while this diary is in progress.
  const [live, setLive] = useState(false);
  const now = useNow(15_000, live);
  const diaryInProgress = diary !== null && anyInProgress([diary], now);
  useEffect(() => {
    setLive(diaryInProgress);
  }, [diaryInProgress]);
  useEffect(() => {
    setDiary(null);
    setLoadError(null);
    blockDiaryApi.get(pid, props.id).then(setDiary, (e: ApiError) => setLoadError(e.message));
  }, [pid, props.id]);
  // After a form closes, focus goes back to what opened it, or to its section's heading when that is gone
  // (e.g. the button of an off-schedule reading that was removed).
  useEffect(() => {
    if (!focusId) return;
    const fallback = focusId.startsWith('bd-reading-') ? 'bd-readings-heading' : 'bd-details-heading';
    (document.getElementById(focusId) ?? document.getElementById(fallback))?.focus();
    setFocusId(null);
  }, [focusId, diary]);

  if (!diary) {
    return (
      <main id="main">
        <h1>{t('nav.blockDiary')}</h1>
        <ErrorMessage message={loadError} />
        {!loadError && <Loading />}
        <p>
          <a href="/block-diaries" onClick={go('/block-diaries')}>
            {t('blockDiary.back')}
          </a>
        </p>
      </main>
    );
  }
  const current = diary;

  /** Saves `change` applied to `base`; a 409 keeps the change so it can be applied to the server's copy. */
  async function put(base: BlockDiaryView, change: Change): Promise<ApiError | 'conflict' | null> {
    try {
      const saved = await blockDiaryApi.save(pid, base.id, change(base), base.version);
      setDiary(saved);
      setConflict(null);
      return null;
    } catch (e) {
      const error = e as ApiError;
      const serverCopy = error.problem.current as BlockDiaryView | null | undefined;
      // A 409 without the server's copy: the diary is gone (deleted on another device), so saving again would only loop.
      if (error.status === 409) {
        setConflict({ current: serverCopy ?? null, change });
        setConflictError(null);
        return 'conflict';
      }
      return error;
    }
  }
  /** Closes the forms; focus goes to `focus` or else to the button that opened the open form. */
  function closeForms(focus?: string) {
    const opener = recording !== null ? `bd-reading-${recording}-action` : editing ? 'bd-details-edit' : null;
    setRecording(null);
    setEditing(false);
    setConflict(null);
    const target = focus ?? opener;
    if (target) setFocusId(target);
  }
  async function resolve(action: () => Promise<void>) {
    if (resolvingNow.current) return;
    resolvingNow.current = true;
    setResolving(true);
    setConflictError(null);
    try {
      await action();
    } finally {
      resolvingNow.current = false;
      setResolving(false);
    }
  }
  /** The diary was deleted elsewhere: keep this copy with the change as a new diary (a new id, no If-Match). */
  async function saveAsNew(change: Change) {
    const id = newClientId();
    try {
      await blockDiaryApi.save(pid, id, change(current));
      showToast(t('blockDiary.savedAsNew'));
      setConflict(null);
      navigate(`/block-diaries/${id}`);
    } catch (e) {
      setConflictError((e as ApiError).message);
    }
  }
  async function saveReading(offsetMinutes: number, value: ReadingValue | null): Promise<ApiError | null> {
    const recordedAt = new Date().toISOString();
    const result = await put(current, (d) => withReading(d, offsetMinutes, value, recordedAt));
    if (result === null) {
      showToast(t(value === null ? 'blockDiary.reading.removed' : 'blockDiary.reading.saved'));
      closeForms(`bd-reading-${offsetMinutes}-action`);
    }
    return result === 'conflict' ? null : result;
  }
  async function saveDetails(value: DetailsValue): Promise<ApiError | null> {
    const result = await put(current, (d) => ({ ...toInput(d), ...value }));
    if (result === null) {
      showToast(t('blockDiary.details.saved'));
      closeForms('bd-details-edit');
    }
    return result === 'conflict' ? null : result;
  }
  const theirs = conflict?.current ?? null;
  const conflictBox =
    conflict &&
    (theirs ? (
      <ConflictBox
        message={t('blockDiary.conflict', { version: theirs.version })}
        reapplyLabel={t('blockDiary.conflict.reapply', { version: theirs.version })}
        discardLabel={t('blockDiary.conflict.takeTheirs', { version: theirs.version })}
        busy={resolving}
        error={conflictError}
        onReapply={() => {
          const { change } = conflict;
          void resolve(async () => {
            const r = await put(theirs, change);
            if (r === null) {
              showToast(t('blockDiary.details.saved'));
              closeForms();
            } else if (r !== 'conflict') setConflictError(r.message);
          });
        }}
        onDiscard={() => {
          setDiary(theirs);
          closeForms();
        }}
      >
        <DiaryBrief diary={theirs} />
      </ConflictBox>
    ) : (
      <ConflictBox
        message={t('blockDiary.deletedElsewhere')}
        reapplyLabel={t('blockDiary.saveAsNew')}
        discardLabel={t('blockDiary.discardMine')}
        busy={resolving}
        error={conflictError}
        onReapply={() => {
          const { change } = conflict;
          void resolve(() => saveAsNew(change));
        }}
        onDiscard={() => {
          setConflict(null);
          showToast(t('blockDiary.discarded'));
          navigate('/block-diaries');
        }}
      />
    ));

  const recorded = diary.readings.map((r) => r.offsetMinutes);
  const slots = readingStates(diary.schedule, recorded, now);
  const scheduled = new Set(diary.schedule.map((s) => s.offsetMinutes));
  const offSchedule = diary.readings.filter((r) => !scheduled.has(r.offsetMinutes));
  const reminder = findReadingReminder(diary.schedule, recorded, now);
  const everyDone = slots.every((s) => s.state === 'done');
  const readingOf = (offset: number) => diary.readings.find((r) => r.offsetMinutes === offset);
  // Per-reading relief exactly as the server computed it (guidelines.md §7.2 formula).
  const reliefOf = (offset: number) => diary.relief.readings.find((r) => r.offsetMinutes === offset);
  const recordingIndex = recording === null ? -1 : diary.readings.filter((r) => r.offsetMinutes < recording).length;

  // Plain render helpers, not components: a component defined here would remount on every clock tick
  // and lose the keyboard focus.
  function readingLine(offset: number) {
    const r = readingOf(offset);
    if (!r) return null;
    const computed = reliefOf(offset);
    const parts = [
      r.intensity !== null ? t('blockDiary.slot.pain', { value: r.intensity }) : '',
      r.intensity !== null
        ? computed?.reliefPct != null
          ? t('blockDiary.slot.nrsRelief', { pct: percentInWords(computed.reliefPct) })
          : t('blockDiary.slot.nrsReliefNone')
        : '',
      r.patientReportedReliefPct !== null ? t('blockDiary.slot.reported', { pct: percentInWords(r.patientReportedReliefPct) }) : '',
    ].filter(Boolean);
    return <p>{parts.join(' · ')}</p>;
  }
  function action(offsetMinutes: number, state: ReadingState | null) {
    if (!writable) return null;
    const done = readingOf(offsetMinutes) !== undefined;
    const urgent = state === 'due' || state === 'missed';
    const offset = durationInWords(offsetMinutes);
    return (
      <button
        type="button"
        id={`bd-reading-${offsetMinutes}-action`}
        class={urgent ? 'button' : 'button secondary'}
        aria-expanded={recording === offsetMinutes}
        onClick={() => {
          setRecording(offsetMinutes);
          setEditing(false);
          setConflict(null);
        }}
      >
        {t(done ? 'blockDiary.slot.change' : 'blockDiary.slot.record', { offset })}
      </button>
    );
  }

  return (
    <main id="main">
      <h1>{diary.procedureLabel}</h1>
      <p>
        {t('blockDiary.procedureAt', { when: momentInWords(diary.procedureAt, diary.timeZone, now) })}{' '}
        {t('blockDiary.baseline', { value: diary.baselineIntensity })}
      </p>
      <p>
        <a href="/block-diaries" onClick={go('/block-diaries')}>
          {t('blockDiary.back')}
        </a>
      </p>
      {!writable && <p class="hint">{t('blockDiary.readOnly')}</p>}

      <section class="card" aria-labelledby="bd-reminder-heading">
        <h2 id="bd-reminder-heading">{t('blockDiary.reminder.title')}</h2>
        <ReminderLines reminder={reminder} timeZone={diary.timeZone} now={now} readOnly={!writable} />
        {!reminder.due && !reminder.next && <p>{everyDone ? t('blockDiary.reminder.allDone') : t('blockDiary.reminder.ended')}</p>}
        {(reminder.due || reminder.next) && <p class="hint">{t('blockDiary.reminder.hint')}</p>}
      </section>

      <section class="card" aria-labelledby="bd-readings-heading">
        <h2 id="bd-readings-heading" tabIndex={-1}>
          {t('blockDiary.readings')}
        </h2>
        <ul class="list" aria-label={t('blockDiary.readings')}>
          {slots.map((s) => (
            <li key={s.offsetMinutes}>
              <div>
                <strong>{t('blockDiary.slot.title', { offset: durationInWords(s.offsetMinutes) })}</strong>
                <p>
                  {t('blockDiary.slot.dueAt', { time: momentInWords(s.dueAt, diary.timeZone, now) })} {t(STATE_TEXT[s.state])}
                </p>
                {readingLine(s.offsetMinutes)}
              </div>
              {action(s.offsetMinutes, s.state)}
            </li>
          ))}
          {offSchedule.map((r) => (
            <li key={r.offsetMinutes}>
              <div>
                <strong>{t('blockDiary.slot.title', { offset: durationInWords(r.offsetMinutes) })}</strong>
                <p>{t('blockDiary.slot.offSchedule')}</p>
                {readingLine(r.offsetMinutes)}
              </div>
              {action(r.offsetMinutes, null)}
            </li>
          ))}
        </ul>
        {writable && recording !== null && (
          <ReadingForm
            key={recording}
            offsetMinutes={recording}
            pointer={`/readings/${recordingIndex}`}
            initial={{
              intensity: readingOf(recording)?.intensity ?? null,
              patientReportedReliefPct: readingOf(recording)?.patientReportedReliefPct ?? null,
            }}
            save={(value) => saveReading(recording, value)}
            remove={readingOf(recording) ? () => saveReading(recording, null) : undefined}
            onCancel={() => closeForms(`bd-reading-${recording}-action`)}
          >
            {conflictBox}
          </ReadingForm>
        )}
      </section>

      <ReliefSummary diary={diary} />

      {writable && (
        <section class="card" aria-labelledby={editing ? undefined : 'bd-details-heading'}>
          {editing ? (
            <DiaryDetailsForm
              title={t('blockDiary.details.editTitle')}
              submitLabel={t('blockDiary.field.saveChanges')}
              timeZone={diary.timeZone}
              initial={detailsOf(diary)}
              save={saveDetails}
              onCancel={() => closeForms('bd-details-edit')}
            >
              {conflictBox}
            </DiaryDetailsForm>
          ) : (
            <>
              <h2 id="bd-details-heading" tabIndex={-1}>
                {t('blockDiary.details.title')}
              </h2>
              <div class="row">
                <button
                  type="button"
                  id="bd-details-edit"
                  class="button secondary"
                  onClick={() => {
                    setEditing(true);
                    setRecording(null);
                    setConflict(null);
                  }}
                >
                  {t('blockDiary.details.edit')}
                </button>
                <button
                  type="button"
                  class="button secondary"
                  onClick={() => {
                    setDeleteError(null);
                    setDeleteOpen(true);
                  }}
                >
                  {t('blockDiary.delete')}
                </button>
              </div>
            </>
          )}
        </section>
      )}
      <Dialog open={deleteOpen} title={t('blockDiary.delete.title')} onClose={() => setDeleteOpen(false)}>
        <p>{t('blockDiary.delete.body', { label: diary.procedureLabel })}</p>
        <ErrorMessage message={deleteError} />
        <div class="row">
          <button
            type="button"
            class="button"
            onClick={() => {
              blockDiaryApi.remove(pid, current.id, current.version).then(
                () => {
                  setDeleteOpen(false);
                  showToast(t('blockDiary.deleted'));
                  navigate('/block-diaries');
                },
                (e: ApiError) => {
                  // Changed on another device meanwhile: show the newer copy, not deleted, and say why.
                  const newer = e.status === 409 ? (e.problem.current as BlockDiaryView | null | undefined) : undefined;
                  if (newer) setDiary(newer);
                  setDeleteError(e.status === 409 ? t('blockDiary.delete.changed') : e.message);
                },
              );
            }}
          >
            {t('blockDiary.delete.confirm')}
          </button>
          <button type="button" class="button secondary" onClick={() => setDeleteOpen(false)}>
            {t('blockDiary.delete.keep')}
          </button>
        </div>
      </Dialog>
    </main>
  );
}
