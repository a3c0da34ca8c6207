// A diary's readings: each scheduled one with when it is due and what was recorded, then any recorded
// off the schedule, each with Record or Change for who may write.
import type { BlockDiaryView } from './block-diary-api.ts';
import { t } from '../../i18n/index.ts';
import { useAbout } from '../../session.ts';
import { durationInWords, momentInWords, percentInWords } from './block-diary-words.ts';
import type { ReadingSlot, ReadingState } from './reading-schedule.ts';

const STATE_TEXT: Record<ReadingState, Parameters<typeof t>[0]> = {
  done: 'blockDiary.slot.done',
  due: 'blockDiary.slot.due',
  missed: 'blockDiary.slot.missed',
  upcoming: 'blockDiary.slot.upcoming',
};

export function ReadingList(props: {
  diary: BlockDiaryView;
  slots: readonly ReadingSlot[];
  now: Date;
  writable: boolean;
  recording: number | null;
  onRecord: (offsetMinutes: number) => void;
}) {
  const { diary, slots, now, writable, recording } = props;
  const about = useAbout();
  const scheduled = new Set(diary.schedule.map((s) => s.offsetMinutes));
  const offSchedule = diary.readings.filter((r) => !scheduled.has(r.offsetMinutes));
  const readingOf = (offset: number) => diary.readings.find((r) => r.offsetMinutes === offset);
  // Per-reading relief exactly as the server computed it (the guidelines' formula).
  const reliefOf = (offset: number) => diary.relief.readings.find((r) => r.offsetMinutes === offset);

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
          ? about('blockDiary.slot.nrsRelief', { pct: percentInWords(computed.reliefPct) })
          : t('blockDiary.slot.nrsReliefNone')
        : '',
      r.patientReportedReliefPct !== null ? about('blockDiary.slot.reported', { pct: percentInWords(r.patientReportedReliefPct) }) : '',
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
        onClick={() => props.onRecord(offsetMinutes)}
      >
        {t(done ? 'blockDiary.slot.change' : 'blockDiary.slot.record', { offset })}
      </button>
    );
  }

  return (
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
  );
}
