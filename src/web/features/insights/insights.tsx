// The patient's Insights screen (and a caregiver's, acting for them): the trend of one measure at a
// time over a chosen period — chart with the clinically important band, a table alternative and the
// baseline against the latest 14 days in words — and what helps or hurts, from the diary.
import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from '../../api/client.ts';
import { questionnairesApi } from '../../api/questionnaires.ts';
import { SelectField } from '../../components/fields.tsx';
import { Empty, LoadFailed, Loading } from '../../components/status.tsx';
import { t, type MessageKey } from '../../i18n/index.ts';
import { useAbout, usePatientInView } from '../../session.ts';
import { DIARY_MEASURE_IDS, insightsApi, RANGES, type TrendRange, type TrendView } from './insights-api.ts';
import { TrendChart } from './trend-chart.tsx';
import { TrendComparison } from './trend-comparison.tsx';
import { TrendTable } from './trend-table.tsx';
import { WhatWorks } from './what-works.tsx';
import './insights.css';

type Loaded = { kind: 'loading' } | { kind: 'loaded'; trend: TrendView } | { kind: 'failed'; message: string };

/** The questionnaires this person may answer, as measures (id and short title); none when the list fails. */
function useQuestionnaireMeasures(pid: string): { value: string; label: string }[] {
  const [items, setItems] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    questionnairesApi.forPatient(pid).then(
      (r) =>
        setItems(
          r.items.filter((i) => i.available).map((i) => ({ value: i.id, label: `${t('insights.group.questionnaires')}: ${i.shortTitle}` })),
        ),
      () => setItems([]),
    );
  }, [pid]);
  return items;
}

function useTrend(pid: string, measure: string, range: TrendRange) {
  const [state, setState] = useState<Loaded>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setState({ kind: 'loading' });
    insightsApi.trend(pid, measure, range).then(
      (trend) => current && setState({ kind: 'loaded', trend }),
      (e: ApiError) => current && setState({ kind: 'failed', message: e.message }),
    );
    return () => {
      current = false;
    };
  }, [pid, measure, range, attempt]);
  return { state, retry: () => setAttempt((a) => a + 1) };
}

export function Insights() {
  const about = useAbout();
  const patient = usePatientInView()!;
  const pid = patient.id;
  const [measure, setMeasure] = useState<string>('pain-now');
  const [range, setRange] = useState<TrendRange>('90d');
  const questionnaires = useQuestionnaireMeasures(pid);
  const { state, retry } = useTrend(pid, measure, range);
  const measureOptions = [
    ...DIARY_MEASURE_IDS.map((m) => ({ value: m as string, label: t(`insights.measure.${m}` as MessageKey) })),
    ...questionnaires,
  ];
  const label = measureOptions.find((o) => o.value === measure)?.label ?? measure;
  return (
    <main id="main">
      <h1>{about('insights.title')}</h1>
      <p>{about('insights.intro')}</p>
      <section class="card" aria-labelledby="trends-heading">
        <h2 id="trends-heading">{t('insights.trends')}</h2>
        <div class="insight-controls">
          <SelectField label={t('insights.measure')} name="measure" value={measure} options={measureOptions} onChange={setMeasure} />
          <SelectField
            label={t('insights.range')}
            name="range"
            value={range}
            options={RANGES.map((r) => ({ value: r, label: t(`insights.range.${r}` as MessageKey) }))}
            onChange={setRange}
          />
        </div>
        <div aria-live="polite" aria-busy={state.kind === 'loading'}>
          {state.kind === 'loading' && <Loading />}
          {state.kind === 'failed' && <LoadFailed message={t('insights.failed', { message: state.message })} onRetry={retry} />}
          {state.kind === 'loaded' &&
            (state.trend.days.every((d) => d.value === null) ? (
              <Empty>{t('insights.noData')}</Empty>
            ) : (
              <>
                <TrendChart trend={state.trend} label={label} />
                <TrendTable trend={state.trend} label={label} />
                <TrendComparison trend={state.trend} />
              </>
            ))}
        </div>
      </section>
      <WhatWorks pid={pid} />
    </main>
  );
}
