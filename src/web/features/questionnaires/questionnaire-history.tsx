// A patient's history of one questionnaire: the chart, and where help is when a result was flagged.
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_CRISIS_RESOURCES, type CrisisResource } from '../../../contract/crisis.ts';
import type { ApiError } from '../../api/client.ts';
import { questionnairesApi, type Instrument, type StoredResponse } from '../../api/questionnaires.ts';
import { Empty, ErrorMessage, Loading } from '../../components/ui.tsx';
import { t } from '../../i18n/index.ts';
import { usePatientInView } from '../../session.ts';
import { SupportResources } from './crisis-panels.tsx';
import { ScoreChart } from './score-chart.tsx';
import { Attribution, go } from './questionnaire-ui.tsx';

export function QuestionnaireHistory(props: { instrumentId: string }) {
  const patient = usePatientInView();
  const [definition, setDefinition] = useState<Instrument | null>(null);
  const [responses, setResponses] = useState<StoredResponse[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [resources, setResources] = useState<readonly CrisisResource[]>(DEFAULT_CRISIS_RESOURCES['en-US']!);
  useEffect(() => {
    if (!patient) return;
    questionnairesApi.instrument(props.instrumentId, patient.id).then(setDefinition, (e: ApiError) => setError(e.message));
    questionnairesApi.history(patient.id, props.instrumentId).then(
      (r) => setResponses(r.items),
      (e: ApiError) => setError(e.message),
    );
  }, [props.instrumentId, patient?.id]);
  const flagged = responses?.some((r) => r.flags.includes('crisis')) ?? false;
  // The installation's crisis resources (PAINWISE_CRISIS_LOCALE); the US list stands in while offline.
  useEffect(() => {
    if (flagged)
      questionnairesApi.crisisResources().then(
        (r) => setResources(r.resources),
        () => {},
      );
  }, [flagged]);
  if (!patient)
    return (
      <main id="main">
        <Empty>{t('today.noRecord')}</Empty>
      </main>
    );
  return (
    <main id="main">
      <h1>{definition ? `${t('q.history')} — ${definition.shortTitle}` : t('q.history')}</h1>
      <ErrorMessage message={error} />
      {definition && responses ? (
        <ScoreChart definition={definition} responses={responses} timeZone={patient.timeZone} audience="patient" />
      ) : (
        !error && <Loading />
      )}
      {flagged && <SupportResources resources={resources} />}
      {definition && <Attribution text={definition.licence.attribution} />}
      <a class="button secondary" href="/questionnaires" onClick={go('/questionnaires')}>
        {t('q.again')}
      </a>
    </main>
  );
}
