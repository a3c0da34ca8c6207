// The steps of answering a questionnaire: one item at a time, then the review before sending.
import type { Ref } from 'preact';
import type { CrisisResource } from '../../../contract/crisis.ts';
import type { Instrument } from '../../api/questionnaires.ts';
import { ErrorMessage } from '../../components/ui.tsx';
import { t } from '../../i18n/index.ts';
import { useAbout } from '../../session.ts';
import { CrisisPanel } from './crisis-panels.tsx';
import { Attribution } from './questionnaire-ui.tsx';

/** Every answer with a Change for each, and Send. */
export function ReviewAnswers(props: {
  definition: Instrument;
  answers: Record<string, number>;
  crisisNow: boolean;
  resources: readonly CrisisResource[];
  error: string | null;
  sending: boolean;
  setStep: (step: number) => void;
  onSend: () => void;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  const { definition, answers, crisisNow, resources, error, sending, setStep } = props;
  const about = useAbout();
  const items = definition.items;
  const total = items.length;
  return (
    <main id="main">
      <h1 ref={props.headingRef} tabIndex={-1}>
        {about('q.review')} — {definition.shortTitle}
      </h1>
      <p>{about('q.reviewIntro')}</p>
      {crisisNow && <CrisisPanel resources={resources} teamTold={false} />}
      <ol class="list review">
        {items.map((item, index) => {
          const chosen = item.options.find((o) => o.value === answers[item.key]);
          return (
            <li key={item.key}>
              <span>
                <span class="hint">
                  {item.key}. {item.construct}
                </span>
                <br />
                <strong>{chosen ? chosen.label : t('q.notAnswered')}</strong>
              </span>
              <button type="button" class="button secondary" aria-label={t('q.change', { n: index + 1 })} onClick={() => setStep(index)}>
                {t('q.changeShort')}
              </button>
            </li>
          );
        })}
      </ol>
      <ErrorMessage message={error} />
      <div class="row">
        <button type="button" class="button secondary" onClick={() => setStep(total - 1)}>
          {t('q.back')}
        </button>
        <button type="button" class="button" disabled={sending} onClick={props.onSend}>
          {sending ? t('q.sending') : t('q.submit')}
        </button>
      </div>
      <Attribution text={definition.licence.attribution} />
    </main>
  );
}

/** One item, its choices as radio buttons; Next asks for a choice unless the item is optional. */
export function AnswerItem(props: {
  instrumentId: string;
  definition: Instrument;
  step: number;
  setStep: (step: number) => void;
  answers: Record<string, number>;
  save: (answers: Record<string, number>) => void;
  prompt: string | null;
  setPrompt: (prompt: string | null) => void;
  crisisNow: boolean;
  resources: readonly CrisisResource[];
  onDiscard: () => void;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  const { definition, step, setStep, answers, save, prompt, setPrompt, crisisNow, resources } = props;
  const about = useAbout();
  const items = definition.items;
  const total = items.length;
  const item = items[step]!;
  const value = answers[item.key];
  const next = () => {
    if (value === undefined && !item.optional) {
      setPrompt(t('q.pickOne'));
      return;
    }
    setPrompt(null);
    setStep(step + 1);
  };
  return (
    <main id="main">
      <h1 ref={props.headingRef} tabIndex={-1}>
        {definition.shortTitle}
      </h1>
      <p class="hint">{definition.recallPeriod ? t('q.recall', { period: definition.recallPeriod }) : definition.measures}</p>
      <p>
        <progress max={total} value={step} aria-hidden="true" /> {t('q.progress', { n: step + 1, total })}
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          next();
        }}
      >
        <fieldset aria-describedby={prompt ? 'q-prompt' : undefined}>
          <legend class="legend">
            {item.group ? `${item.group}: ` : ''}
            {item.construct}
          </legend>
          <div class="choices">
            {item.options.map((o) => (
              <label key={o.value} class="choice">
                <input
                  type="radio"
                  name={`q-${item.key}`}
                  value={o.value}
                  checked={value === o.value}
                  onChange={() => {
                    save({ ...answers, [item.key]: o.value });
                    setPrompt(null);
                  }}
                />
                <span>{o.label}</span>
              </label>
            ))}
          </div>
          {prompt && (
            <p id="q-prompt" class="error" role="alert">
              {prompt}
            </p>
          )}
        </fieldset>
        {props.instrumentId === 'phq-9' && item.key === '9' && crisisNow && <CrisisPanel resources={resources} teamTold={false} />}
        <div class="row">
          {step > 0 && (
            <button
              type="button"
              class="button secondary"
              onClick={() => {
                setPrompt(null);
                setStep(step - 1);
              }}
            >
              {t('q.back')}
            </button>
          )}
          {item.optional && value === undefined && (
            <button type="button" class="button secondary" onClick={() => setStep(step + 1)}>
              {t('q.skip')}
            </button>
          )}
          <button type="submit" class="button">
            {t('q.next')}
          </button>
        </div>
      </form>
      {Object.keys(answers).length > 0 && (
        <p class="hint">
          {about('q.draftKept')}{' '}
          <button type="button" class="button link" onClick={props.onDiscard}>
            {t('q.discard')}
          </button>
        </p>
      )}
      <Attribution text={definition.licence.attribution} />
    </main>
  );
}
