// In-app reminders for block-diary readings while the app is open: a clock that ticks (and is stopped
// when the screen goes), the "due now / next at" lines with a polite live region that speaks when a
// reading becomes due, and the small card on Today. No browser notifications are asked for.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n/index.ts';
import { navigate } from '../../router.ts';
import { blockDiaryApi, type BlockDiaryView } from './block-diary-api.ts';
import { durationInWords, momentInWords } from './block-diary-words.ts';
import { mostUrgentReminder, type ReadingReminder } from './reading-schedule.ts';

/** The current time, refreshed every `everyMs` while the component is shown. */
export function useNow(everyMs = 15_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/**
 * The due line sits in a live region whose text changes only when a reading becomes due (or is
 * recorded), so a screen reader hears it then and not every minute; the "next at" line is plain text.
 */
export function ReminderLines(props: { reminder: ReadingReminder; timeZone: string; now: Date; label?: string }) {
  const { due, next, minutesToNext } = props.reminder;
  const named = props.label !== undefined;
  const dueText = due ? t(named ? 'blockDiary.reminder.dueFor' : 'blockDiary.reminder.due', { offset: durationInWords(due.offsetMinutes), label: props.label ?? '' }) : '';
  return (
    <>
      <p role="status" class={due ? 'notice' : undefined}>{dueText}</p>
      {next && minutesToNext !== null && (
        <p>{t(named ? 'blockDiary.reminder.nextFor' : 'blockDiary.reminder.next', {
          time: momentInWords(next.dueAt, props.timeZone, props.now), in: durationInWords(minutesToNext), label: props.label ?? '',
        })}</p>
      )}
    </>
  );
}

/** The reading due now (or next) of the diary in progress that needs it most, with a link to it. */
export function UrgentReminderCard(props: { diaries: readonly BlockDiaryView[]; now: Date; heading: string }) {
  const urgent = mostUrgentReminder(props.diaries, props.now);
  if (!urgent) return null;
  const { diary, reminder } = urgent;
  // ?record=<offset> opens that reading's form on the diary page.
  const href = `/block-diaries/${diary.id}${reminder.due ? `?record=${reminder.due.offsetMinutes}` : ''}`;
  return (
    <section class="card" aria-labelledby="block-diary-reminder-heading">
      <h2 id="block-diary-reminder-heading">{props.heading}</h2>
      <ReminderLines reminder={reminder} timeZone={diary.timeZone} now={props.now} label={diary.procedureLabel} />
      <p><a class={reminder.due ? 'button' : 'button secondary'} href={href} onClick={(e) => { e.preventDefault(); navigate(href); }}>
        {reminder.due ? t('blockDiary.reminder.recordNow', { offset: durationInWords(reminder.due.offsetMinutes) }) : t('blockDiary.reminder.open', { label: diary.procedureLabel })}
      </a></p>
    </section>
  );
}

/** Today's card: shown only while one of the patient's block diaries is in progress. */
export function BlockDiaryToday(props: { patientId: string }) {
  const [diaries, setDiaries] = useState<BlockDiaryView[]>([]);
  const now = useNow();
  useEffect(() => { blockDiaryApi.list(props.patientId).then((r) => setDiaries(r.items), () => setDiaries([])); }, [props.patientId]);
  return <UrgentReminderCard diaries={diaries} now={now} heading={t('today.blockDiary')} />;
}
