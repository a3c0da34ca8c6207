// What a diary list shows under a check-in's pain line: the medicines taken, the note (shortened, with
// the whole note a button away) and who entered it. Shared by the person's diary and the clinic's chart.
import { useState } from 'preact/hooks';
import type { DiaryEntryView } from '../../api/client.ts';
import { t } from '../../i18n/index.ts';
import { useAbout, useSession } from '../../session.ts';
import { enteredByOf, medicineInWords, notePreview } from './entry-words.ts';

function EntryNote(props: { notes: string }) {
  const [whole, setWhole] = useState(false);
  const preview = notePreview(props.notes);
  return (
    <span class="entry-line entry-note">
      {t('diary.note', { text: whole ? props.notes.trim() : preview.text })}
      {preview.truncated && (
        <button type="button" class="button link" aria-expanded={whole} onClick={() => setWhole((w) => !w)}>
          {whole ? t('diary.noteShort') : t('diary.noteWhole')}
        </button>
      )}
    </span>
  );
}

export function EntryMore(props: { entry: DiaryEntryView }) {
  const { me } = useSession();
  const about = useAbout();
  const e = props.entry;
  const by = enteredByOf(e.provenance, me.user.id);
  return (
    <>
      {e.medicines.length > 0 && <span class="entry-line">{t('diary.took', { list: e.medicines.map(medicineInWords).join(', ') })}</span>}
      {e.notes.trim() !== '' && <EntryNote notes={e.notes} />}
      <span class="entry-line hint">{by === 'patient' ? about('diary.enteredBy.patient') : t(`diary.enteredBy.${by}`)}</span>
    </>
  );
}
