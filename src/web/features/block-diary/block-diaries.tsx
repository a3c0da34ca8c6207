// The patient's block diaries (and a caregiver's, acting for them): the list, with readings done and
// the peak relief of each, reminders while the app is open, and a form to start one. Reading is open to
// anyone who may see the record; writing only to the patient or a caregiver with the diary scope. One
// diary is a screen of its own (block-diary-page.tsx).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiError } from '../../api/client.ts';
import { Empty, ErrorMessage, Loading, showToast } from '../../components/ui.tsx';
import { t } from '../../i18n/index.ts';
import { newClientId } from '../../offline/ids.ts';
import { navigate } from '../../router.ts';
import { useAbout, usePatientInView } from '../../session.ts';
import { blockDiaryApi, type BlockDiaryView } from './block-diary-api.ts';
import { doneCount } from './block-diary-changes.ts';
import { blankDetails, DiaryDetailsForm, type DetailsValue } from './block-diary-forms.tsx';
import { canWrite, go } from './block-diary-links.ts';
import { anyInProgress, UrgentReminderCard, useNow } from './block-diary-reminder.tsx';
import { momentInWords, percentInWords } from './block-diary-words.ts';

function PeakLines(props: { diary: BlockDiaryView }) {
  const about = useAbout();
  const { nrs, patientReported } = props.diary.relief;
  const nrsPeak = nrs.kind === 'computed' ? nrs.peakReliefPct : null;
  const reportedPeak = patientReported.peakReliefPct;
  if (nrsPeak === null && reportedPeak === null) return <p>{t('blockDiary.noReadings')}</p>;
  return (
    <p>
      {nrsPeak !== null && about('blockDiary.peakNrs', { pct: percentInWords(nrsPeak) })}
      {nrsPeak !== null && reportedPeak !== null && ' '}
      {reportedPeak !== null && about('blockDiary.peakReported', { pct: percentInWords(reportedPeak) })}
    </p>
  );
}

export function BlockDiaries() {
  const about = useAbout();
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
      <h1>{about('blockDiary.title')}</h1>
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
