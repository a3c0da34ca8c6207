// One block diary: its reading schedule with due times, recording a reading, reminders while the app
// is open, the relief the server computed, and changing or deleting the diary. Edits send If-Match; a
// 409 shows the server's copy and lets the person re-apply their change or keep that copy.
import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from '../../api/client.ts';
import { ErrorMessage, Loading, showToast } from '../../components/ui.tsx';
import { t } from '../../i18n/index.ts';
import { navigate } from '../../router.ts';
import { usePatientInView } from '../../session.ts';
import { blockDiaryApi, toInput, type BlockDiaryView } from './block-diary-api.ts';
import { withReading } from './block-diary-changes.ts';
import type { DetailsValue } from './block-diary-forms.tsx';
import { ReadingForm, type ReadingValue } from './reading-form.tsx';
import { canWrite, go } from './block-diary-links.ts';
import { anyInProgress, ReminderLines, useNow } from './block-diary-reminder.tsx';
import { momentInWords } from './block-diary-words.ts';
import { DeleteDiaryDialog } from './delete-diary-dialog.tsx';
import { DiaryConflict } from './diary-conflict.tsx';
import { DiaryDetailsSection } from './diary-details-section.tsx';
import { findReadingReminder, readingStates } from './reading-schedule.ts';
import { ReadingList } from './reading-list.tsx';
import { ReliefSummary } from './relief-summary.tsx';
import { useDiarySaving } from './use-diary-saving.ts';

export function BlockDiaryPage(props: { id: string }) {
  const patient = usePatientInView()!;
  const writable = canWrite(patient);
  const pid = patient.id;
  const [diary, setDiary] = useState<BlockDiaryView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const requested = Number(new URLSearchParams(location.search).get('record'));
  const [recording, setRecording] = useState<number | null>(writable && Number.isInteger(requested) && requested > 0 ? requested : null);
  const [editing, setEditing] = useState(false);
  const { conflict, setConflict, resolving, conflictError, setConflictError, put, resolve, saveAsNew } = useDiarySaving(pid, setDiary);
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

  /** Closes the forms; focus goes to `focus` or else to the button that opened the open form. */
  function closeForms(focus?: string) {
    const opener = recording !== null ? `bd-reading-${recording}-action` : editing ? 'bd-details-edit' : null;
    setRecording(null);
    setEditing(false);
    setConflict(null);
    const target = focus ?? opener;
    if (target) setFocusId(target);
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
  /** Deletes the diary; a refusal (or a newer copy from another device) is said in the dialog. */
  function confirmDelete() {
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
  }
  const conflictBox = conflict && (
    <DiaryConflict
      conflict={conflict}
      busy={resolving}
      error={conflictError}
      onReapply={(theirs, change) => {
        void resolve(async () => {
          const r = await put(theirs, change);
          if (r === null) {
            showToast(t('blockDiary.details.saved'));
            closeForms();
          } else if (r !== 'conflict') setConflictError(r.message);
        });
      }}
      onTakeTheirs={(theirs) => {
        setDiary(theirs);
        closeForms();
      }}
      onSaveAsNew={(change) => {
        void resolve(() => saveAsNew(current, change));
      }}
      onDiscardMine={() => {
        setConflict(null);
        showToast(t('blockDiary.discarded'));
        navigate('/block-diaries');
      }}
    />
  );

  const recorded = diary.readings.map((r) => r.offsetMinutes);
  const slots = readingStates(diary.schedule, recorded, now);
  const reminder = findReadingReminder(diary.schedule, recorded, now);
  const everyDone = slots.every((s) => s.state === 'done');
  const readingOf = (offset: number) => diary.readings.find((r) => r.offsetMinutes === offset);
  const recordingIndex = recording === null ? -1 : diary.readings.filter((r) => r.offsetMinutes < recording).length;

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
        <ReadingList
          diary={diary}
          slots={slots}
          now={now}
          writable={writable}
          recording={recording}
          onRecord={(offsetMinutes) => {
            setRecording(offsetMinutes);
            setEditing(false);
            setConflict(null);
          }}
        />
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
        <DiaryDetailsSection
          diary={diary}
          editing={editing}
          conflict={conflictBox}
          onSave={saveDetails}
          onCancel={() => closeForms('bd-details-edit')}
          onEdit={() => {
            setEditing(true);
            setRecording(null);
            setConflict(null);
          }}
          onDelete={() => {
            setDeleteError(null);
            setDeleteOpen(true);
          }}
        />
      )}
      <DeleteDiaryDialog
        open={deleteOpen}
        label={diary.procedureLabel}
        error={deleteError}
        onConfirm={confirmDelete}
        onKeep={() => setDeleteOpen(false)}
      />
    </main>
  );
}
