// In-app reminders for block-diary readings while the app is open: a clock that ticks (and is stopped
// when the screen goes), the "due now / next at" lines with a polite live region that speaks when a
// reading becomes due, and the small card on Today. No browser notifications are asked for.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n/index.ts';
import { useAbout } from '../../session.ts';
import { navigate } from '../../router.ts';
import { blockDiaryApi, type BlockDiaryView } from './block-diary-api.ts';
import { durationInWords, momentInWords } from './block-diary-words.ts';
import { mostUrgentReminder, type ReadingReminder } from './reading-schedule.ts';

/** The current time, refreshed every `everyMs` while the component is shown and `ticking` (no timer otherwise). */
export function useNow(everyMs = 15_000, ticking = true): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    if (!ticking) return undefined;
    setNow(new Date());
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs, ticking]);
  return now;
}

/**
 * The due line sits in a live region whose text changes only when a reading becomes due (or is
 * recorded), so a screen reader hears it then and not every minute; the "next at" line is plain text.
 */
export function ReminderLines(props: { reminder: ReadingReminder; timeZone: string; now: Date; label?: string; readOnly?: boolean }) {
  const { due, next, minutesToNext } = props.reminder;
  const named = props.label !== undefined;
  const about = useAbout();
  // Someone who may only read the diary is told a reading is due, not that it is theirs to record; for
  // one who records it, it is "your reading", or the patient's by name when acting for them.
  const dueParams = { offset: durationInWords(due?.offsetMinutes ?? 0), label: props.label ?? '' };
  const dueText = !due
    ? ''
    : props.readOnly
      ? t(named ? 'blockDiary.reminder.dueForReadOnly' : 'blockDiary.reminder.dueReadOnly', dueParams)
      : about(named ? 'blockDiary.reminder.dueFor' : 'blockDiary.reminder.due', dueParams);
  return (
    <>
      <p role="status" class={due ? 'notice' : undefined}>
        {dueText}
      </p>
      {next && minutesToNext !== null && (
        <p>
          {t(named ? 'blockDiary.reminder.nextFor' : 'blockDiary.reminder.next', {
            time: momentInWords(next.dueAt, props.timeZone, props.now),
            in: durationInWords(minutesToNext),
            label: props.label ?? '',
          })}
        </p>
      )}
    </>
  );
}

/** The reading due now (or next) of the diary in progress that needs it most, with a link to it. */
export function UrgentReminderCard(props: { diaries: readonly BlockDiaryView[]; now: Date; heading: string; writable: boolean }) {
  const urgent = mostUrgentReminder(props.diaries, props.now);
  if (!urgent) return null;
  const { diary, reminder } = urgent;
  // ?record=<offset> opens that reading's form on the diary page — only for someone who may record it.
  const recordNow = props.writable && reminder.due ? reminder.due : null;
  const href = `/block-diaries/${diary.id}${recordNow ? `?record=${recordNow.offsetMinutes}` : ''}`;
  return (
    <section class="card" aria-labelledby="block-diary-reminder-heading">
      <h2 id="block-diary-reminder-heading">{props.heading}</h2>
      <ReminderLines
        reminder={reminder}
        timeZone={diary.timeZone}
        now={props.now}
        label={diary.procedureLabel}
        readOnly={!props.writable}
      />
      <p>
        <a
          class={recordNow ? 'button' : 'button secondary'}
          href={href}
          onClick={(e) => {
            e.preventDefault();
            navigate(href);
          }}
        >
          {recordNow
            ? t('blockDiary.reminder.recordNow', { offset: durationInWords(recordNow.offsetMinutes) })
            : t('blockDiary.reminder.open', { label: diary.procedureLabel })}
        </a>
      </p>
    </section>
  );
}

/** Whether any of `diaries` still has a reading due or to come at `now` (a clock is needed only then). */
export function anyInProgress(diaries: readonly BlockDiaryView[], now: Date): boolean {
  return mostUrgentReminder(diaries, now) !== null;
}

/**
 * Today's card, for the person's own record (so always writable): shown only while one of their block
 * diaries is in progress, and the clock ticks only then — once the last reading time has passed (or
 * there is no diary) the card goes and so does the timer.
 */
export function BlockDiaryToday(props: { patientId: string }) {
  const [diaries, setDiaries] = useState<BlockDiaryView[]>([]);
  const [live, setLive] = useState(false);
  const now = useNow(15_000, live);
  useEffect(() => {
    blockDiaryApi.list(props.patientId).then(
      (r) => setDiaries(r.items),
      () => setDiaries([]),
    );
  }, [props.patientId]);
  const inProgress = anyInProgress(diaries, now);
  useEffect(() => {
    setLive(inProgress);
  }, [inProgress]);
  return inProgress ? <UrgentReminderCard diaries={diaries} now={now} heading={t('today.blockDiary')} writable /> : null;
}
