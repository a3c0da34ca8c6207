// A patient's latest result of each questionnaire, with band, flags and attribution; each opens its
// history chart below the list.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Instrument, StoredResponse } from '../../api/questionnaires.ts';
import { Empty, Loading } from '../../components/ui.tsx';
import { formatDate, t } from '../../i18n/index.ts';
import { bandLabel, formatScore } from './questionnaire-format.ts';
import { Attribution } from './questionnaire-ui.tsx';
import { ScoreChart } from './score-chart.tsx';

export function QuestionnaireResults(props: {
  responses: StoredResponse[] | null;
  definitions: ReadonlyMap<string, Instrument> | null;
  titleOf: (instrumentId: string) => string;
  timeZone: string;
}) {
  const { responses, definitions, titleOf } = props;
  const [viewingId, setViewingId] = useState<string | null>(null);
  const historyHeading = useRef<HTMLHeadingElement>(null);
  // The chart opens below the list: take the reader there.
  useEffect(() => {
    if (viewingId) historyHeading.current?.focus();
  }, [viewingId]);
  const viewing = viewingId ? (definitions?.get(viewingId) ?? null) : null;
  const byInstrument = new Map<string, StoredResponse[]>();
  for (const r of responses ?? []) byInstrument.set(r.instrumentId, [...(byInstrument.get(r.instrumentId) ?? []), r]);
  return (
    <section class="card" aria-labelledby="results-heading">
      <h2 id="results-heading">{t('q.responses')}</h2>
      {responses === null ? (
        <Loading />
      ) : responses.length === 0 ? (
        <Empty>{t('q.noHistory')}</Empty>
      ) : (
        <ul class="list">
          {[...byInstrument.entries()].map(([id, list]) => {
            const last = list[0]!;
            const definition = definitions?.get(id);
            const band = definition ? bandLabel(definition, last.band) : null;
            return (
              <li key={id}>
                <span>
                  <strong>{titleOf(id)}</strong> — {last.score === null ? t('q.notAnswered') : formatScore(last.score)}
                  {band ? ` (${band})` : ''} · {formatDate(last.completedAt, props.timeZone)}
                  {last.flags.includes('crisis') && (
                    <>
                      {' '}
                      · <strong class="error">{t('q.flag.crisis')}</strong>
                    </>
                  )}
                  {last.flags.includes('item-9-unknown') && (
                    <>
                      {' '}
                      · <strong>{t('q.flag.item9Unknown')}</strong>
                    </>
                  )}
                  <br />
                  <span class="hint">
                    {t('q.attribution')}: {last.attribution}
                  </span>
                </span>
                <button type="button" class="button secondary" disabled={!definition} onClick={() => setViewingId(id)}>
                  {t('q.history')} — {titleOf(id)}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {viewing && (
        <>
          <h3 ref={historyHeading} tabIndex={-1}>
            {t('q.history')} — {viewing.shortTitle}
          </h3>
          <ScoreChart definition={viewing} responses={byInstrument.get(viewing.id) ?? []} timeZone={props.timeZone} audience="clinician" />
          <Attribution text={viewing.licence.attribution} />
        </>
      )}
    </section>
  );
}
