// The result of a questionnaire just sent, in plain language, with the change since last time.
import type { Instrument, Submitted } from '../../api/questionnaires.ts';
import { formatDateTime, t, type MessageKey } from '../../i18n/index.ts';
import { CrisisPanel } from './crisis-panels.tsx';
import { formatScore } from './questionnaire-format.ts';
import { Attribution, go } from './questionnaire-ui.tsx';
import { useAbout } from '../../session.ts';

const CHANGE_KEYS: Record<string, MessageKey> = {
  improved: 'q.change.improved',
  worsened: 'q.change.worsened',
  none: 'q.change.none',
  substantial: 'q.change.substantial',
  moderate: 'q.change.moderate',
  minimal: 'q.change.minimal',
};

export function QuestionnaireResult(props: {
  definition: Instrument;
  submitted: Submitted;
  timeZone: string;
  headingRef: { current: HTMLHeadingElement | null };
}) {
  const about = useAbout();
  const { definition, submitted } = props;
  const r = submitted.response;
  const band = definition.bands.find((b) => b.id === r.band);
  const c = submitted.change;
  return (
    <main id="main">
      <h1 ref={props.headingRef} tabIndex={-1}>
        {about('q.result')} — {definition.shortTitle}
      </h1>
      {submitted.crisis && <CrisisPanel resources={submitted.crisis.resources} teamTold={submitted.crisis.alertsRaised > 0} />}
      <section class="card">
        {r.score === null ? (
          <p>{about('q.incomplete')}</p>
        ) : (
          <>
            <p class="big">
              {t('q.score', {
                score: t('q.scoreOf', { score: formatScore(r.score), min: definition.scoreRange.min, max: definition.scoreRange.max }),
              })}
            </p>
            {band && (
              <p>
                <strong>{band.label}</strong> — {band.patientText}
              </p>
            )}
          </>
        )}
        {c && (
          <p>
            {c.category === 'worsened'
              ? about('q.change.worsened', { from: formatScore(c.previousScore), to: formatScore(r.score ?? 0) })
              : t(c.category ? (CHANGE_KEYS[c.category] ?? 'q.change.unknown') : 'q.change.unknown', {
                  from: formatScore(c.previousScore),
                  to: formatScore(r.score ?? 0),
                })}
          </p>
        )}
        <p class="hint">{formatDateTime(r.completedAt, props.timeZone)}</p>
      </section>
      <Attribution text={r.attribution} />
      <div class="row">
        <a class="button" href="/questionnaires" onClick={go('/questionnaires')}>
          {t('q.again')}
        </a>
        <a
          class="button secondary"
          href={`/questionnaires/${definition.id}/history`}
          onClick={go(`/questionnaires/${definition.id}/history`)}
        >
          {t('q.history')}
        </a>
      </div>
    </main>
  );
}
