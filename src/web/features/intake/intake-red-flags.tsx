// The safety questions of the intake (the red flags of the AHCPR low back guideline's Table 1, in plain
// words) and the urgent-care message, shown the moment one is answered yes.
import { ScaleChoice } from '../../components/scale-choice.tsx';
import { RED_FLAG_ANSWERS, RED_FLAGS, type RedFlag } from '../../../domain/intake/intake.ts';
import { t } from '../../i18n/index.ts';
import { words, type StepProps } from './intake-steps.tsx';

/** Shown the moment any red flag is answered yes, before anything is sent. */
export function UrgentCare() {
  return (
    <div class="alert" role="alert" data-testid="intake-urgent">
      <h3>{t('intake.urgent.title')}</h3>
      <p>{t('intake.urgent.body')}</p>
      <p>{t('intake.urgent.team')}</p>
    </div>
  );
}

export function RedFlagsStep(props: StepProps & { readonly errors: ReadonlySet<RedFlag> }) {
  const { draft, onChange } = props;
  // The message goes under the first question answered yes, where the person is looking when they answer it.
  const firstYes = RED_FLAGS.find((f) => draft.redFlags[f] === 'yes');
  return (
    <>
      <p>{t('intake.flags.intro')}</p>
      {RED_FLAGS.map((f) => (
        <div key={f}>
          <ScaleChoice
            name={`flag-${f}`}
            legend={words(`intake.flag.${f}`)}
            value={draft.redFlags[f]}
            options={RED_FLAG_ANSWERS.map((a) => ({ value: a, label: words(`intake.answer.${a}`) }))}
            onChange={(v) => onChange((d) => ({ ...d, redFlags: { ...d.redFlags, [f]: v } }))}
            clearLabel={t('intake.clear')}
            error={props.errors.has(f) && draft.redFlags[f] === null ? t('intake.flags.unanswered') : undefined}
          />
          {f === firstYes && <UrgentCare />}
        </div>
      ))}
    </>
  );
}
