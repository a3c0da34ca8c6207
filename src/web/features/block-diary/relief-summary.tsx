// Relief after the procedure in plain language, from the figures the server computed (never redone
// here). Source: ../shared/clinical/guidelines.md §7.2 — relief = (baseline − NRS) / baseline × 100,
// peak relief, and how long relief stayed ≥ 80 % (and ≥ 50 %, the threshold for repeat procedures);
// NRS-derived and patient-reported relief disagree, so both are shown, each labelled.
import type { ReliefAnalysis, ReliefRun } from '../../../domain/diary/block-diary.ts';
import { t } from '../../i18n/index.ts';
import type { BlockDiaryView } from './block-diary-api.ts';
import { durationInWords, percentInWords } from './block-diary-words.ts';
import { type About, useAbout } from '../../session.ts';

const THRESHOLDS = [50, 80] as const;

function runInWords(threshold: number, run: ReliefRun | null, about: About): string {
  const pct = percentInWords(threshold);
  if (!run) return t('blockDiary.relief.never', { threshold: pct });
  const seen =
    run.fromMinutes === run.toMinutes
      ? t('blockDiary.relief.once', { threshold: pct, from: durationInWords(run.fromMinutes) })
      : t('blockDiary.relief.run', {
          threshold: pct,
          from: durationInWords(run.fromMinutes),
          to: durationInWords(run.toMinutes),
          duration: durationInWords(run.observedMinutes),
        });
  const after =
    run.ongoingAtLastReading || run.untilMinutes === null || run.boundedMinutes === null
      ? about('blockDiary.relief.ongoing')
      : t('blockDiary.relief.endedBy', { until: durationInWords(run.untilMinutes), duration: durationInWords(run.boundedMinutes) });
  return `${seen} ${after}`;
}

function Analysis(props: { analysis: ReliefAnalysis; about: About }) {
  const a = props.analysis;
  if (a.readingCount === 0 || a.peakReliefPct === null || a.peakAtMinutes === null) return <p>{t('blockDiary.relief.none')}</p>;
  return (
    <ul>
      <li>{t('blockDiary.relief.peak', { pct: percentInWords(a.peakReliefPct), offset: durationInWords(a.peakAtMinutes) })}</li>
      {THRESHOLDS.map((threshold) => (
        <li key={threshold}>{runInWords(threshold, threshold === 50 ? a.atLeast50 : a.atLeast80, props.about)}</li>
      ))}
    </ul>
  );
}

export function ReliefSummary(props: { diary: BlockDiaryView }) {
  const about = useAbout();
  const { relief, baselineIntensity } = props.diary;
  return (
    <section class="card" aria-labelledby="bd-relief-heading">
      <h2 id="bd-relief-heading">{about('blockDiary.relief.title')}</h2>
      <p>{about('blockDiary.relief.intro', { baseline: baselineIntensity })}</p>
      <h3>{about('blockDiary.relief.byNrs')}</h3>
      {relief.nrs.kind === 'not-computable' ? (
        <p>{about('blockDiary.relief.baselineZero')}</p>
      ) : (
        <Analysis analysis={relief.nrs} about={about} />
      )}
      <h3>{about('blockDiary.relief.byReport')}</h3>
      <Analysis analysis={relief.patientReported} about={about} />
    </section>
  );
}
