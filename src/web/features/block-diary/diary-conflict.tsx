// A save refused with a 409: the server's newer copy with re-apply or take it, or, when the diary was
// deleted on another device, save this copy as a new diary or discard it.
import { t } from '../../i18n/index.ts';
import { ConflictBox } from '../plan/plan-ui.tsx';
import type { BlockDiaryView } from './block-diary-api.ts';
import type { Change } from './block-diary-changes.ts';
import { durationInWords, percentInWords } from './block-diary-words.ts';

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

export function DiaryConflict(props: {
  conflict: { current: BlockDiaryView | null; change: Change };
  busy: boolean;
  error: string | null;
  onReapply: (theirs: BlockDiaryView, change: Change) => void;
  onTakeTheirs: (theirs: BlockDiaryView) => void;
  onSaveAsNew: (change: Change) => void;
  onDiscardMine: () => void;
}) {
  const { conflict } = props;
  const theirs = conflict.current;
  return theirs ? (
    <ConflictBox
      message={t('blockDiary.conflict', { version: theirs.version })}
      reapplyLabel={t('blockDiary.conflict.reapply', { version: theirs.version })}
      discardLabel={t('blockDiary.conflict.takeTheirs', { version: theirs.version })}
      busy={props.busy}
      error={props.error}
      onReapply={() => props.onReapply(theirs, conflict.change)}
      onDiscard={() => props.onTakeTheirs(theirs)}
    >
      <DiaryBrief diary={theirs} />
    </ConflictBox>
  ) : (
    <ConflictBox
      message={t('blockDiary.deletedElsewhere')}
      reapplyLabel={t('blockDiary.saveAsNew')}
      discardLabel={t('blockDiary.discardMine')}
      busy={props.busy}
      error={props.error}
      onReapply={() => props.onSaveAsNew(conflict.change)}
      onDiscard={props.onDiscardMine}
    />
  );
}
