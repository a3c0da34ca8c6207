// Answering one instrument: one item per screen with progress and Back, a review before sending, and a
// draft kept on the device so it can be resumed. PHQ-9 item 9 above 0 shows crisis resources the moment
// it is chosen, before anything is sent.
import { useEffect, useRef, useState } from 'preact/hooks';
import { DEFAULT_CRISIS_RESOURCES, type CrisisResource } from '../../../contract/crisis.ts';
import type { ApiError } from '../../api/client.ts';
import { questionnairesApi, type Instrument, type Submitted } from '../../api/questionnaires.ts';
import { Empty, ErrorMessage, Loading } from '../../components/ui.tsx';
import { t } from '../../i18n/index.ts';
import { usePatientInView } from '../../session.ts';
import { AnswerItem, ReviewAnswers } from './answer-steps.tsx';
import { draftKey, readDraft, removeDraft, writeDraft } from './questionnaire-drafts.ts';
import { QuestionnaireResult } from './questionnaire-result.tsx';
import { go } from './questionnaire-ui.tsx';

export function AnswerQuestionnaire(props: { instrumentId: string }) {
  const patient = usePatientInView();
  const [definition, setDefinition] = useState<Instrument | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = patient ? draftKey(patient.id, props.instrumentId) : '';
  const [answers, setAnswers] = useState<Record<string, number>>(() => (key ? (readDraft(key) ?? {}) : {}));
  const [step, setStep] = useState(0);
  const [prompt, setPrompt] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [submitted, setSubmitted] = useState<Submitted | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const clientId = useRef(crypto.randomUUID());

  const [resources, setResources] = useState<readonly CrisisResource[]>(DEFAULT_CRISIS_RESOURCES['en-US']!);
  const [available, setAvailable] = useState<boolean | null>(null);
  useEffect(() => {
    // The installation's crisis resources (PAINWISE_CRISIS_LOCALE); the US list stands in while offline.
    if (props.instrumentId === 'phq-9')
      questionnairesApi.crisisResources().then(
        (r) => setResources(r.resources),
        () => {},
      );
    // A licensed instrument is shown only where a caring clinic enabled it, even when its address is typed.
    if (patient)
      questionnairesApi.forPatient(patient.id).then(
        (r) => setAvailable(r.items.find((i) => i.id === props.instrumentId)?.available ?? false),
        () => setAvailable(true),
      );
    questionnairesApi.instrument(props.instrumentId, patient?.id).then(
      (d) => {
        setDefinition(d);
        // Resume where the draft stopped: the first unanswered item.
        const firstOpen = d.items.findIndex((i) => !(i.key in answers));
        if (Object.keys(answers).length > 0) setStep(firstOpen === -1 ? d.items.length : firstOpen);
      },
      (e: ApiError) => setError(e.message),
    );
  }, [props.instrumentId]);
  useEffect(() => {
    heading.current?.focus();
  }, [step, submitted]);

  const save = (next: Record<string, number>) => {
    setAnswers(next);
    writeDraft(key, next);
  };
  const crisisNow = props.instrumentId === 'phq-9' && (answers['9'] ?? 0) > 0;

  if (!patient)
    return (
      <main id="main">
        <Empty>{t('today.noRecord')}</Empty>
      </main>
    );
  if (error && !definition)
    return (
      <main id="main">
        <h1>{t('q.title')}</h1>
        <ErrorMessage message={error} />
      </main>
    );
  if (!definition || available === null)
    return (
      <main id="main">
        <Loading />
      </main>
    );
  if (!available) {
    return (
      <main id="main">
        <h1>{definition.shortTitle}</h1>
        <p>{t('q.notLicensed')}</p>
        <a class="button secondary" href="/questionnaires" onClick={go('/questionnaires')}>
          {t('q.again')}
        </a>
      </main>
    );
  }

  const items = definition.items;
  const total = items.length;

  if (submitted)
    return <QuestionnaireResult definition={definition} submitted={submitted} timeZone={patient.timeZone} headingRef={heading} />;

  async function send() {
    setSending(true);
    setError(null);
    try {
      const result = await questionnairesApi.submit(patient!.id, { id: clientId.current, instrumentId: definition!.id, answers });
      removeDraft(key);
      setSubmitted(result);
    } catch (e) {
      setError((e as ApiError).message);
    } finally {
      setSending(false);
    }
  }

  if (step >= total)
    return (
      <ReviewAnswers
        definition={definition}
        answers={answers}
        crisisNow={crisisNow}
        resources={resources}
        error={error}
        sending={sending}
        setStep={setStep}
        onSend={() => {
          void send();
        }}
        headingRef={heading}
      />
    );
  return (
    <AnswerItem
      instrumentId={props.instrumentId}
      definition={definition}
      step={step}
      setStep={setStep}
      answers={answers}
      save={save}
      prompt={prompt}
      setPrompt={setPrompt}
      crisisNow={crisisNow}
      resources={resources}
      onDiscard={() => {
        save({});
        removeDraft(key);
        setStep(0);
      }}
      headingRef={heading}
    />
  );
}
