// Crisis resources, shown the moment PHQ-9 item 9 is answered above 0 and wherever a flagged result is
// read, and the safety flags of a response worded for who reads them.
import type { CrisisResource } from '../../../contract/crisis.ts';
import { t } from '../../i18n/index.ts';
import { useAbout } from '../../session.ts';
import type { Audience } from './questionnaire-format.ts';

export function CrisisPanel(props: { resources: readonly CrisisResource[]; teamTold: boolean }) {
  const about = useAbout();
  return (
    <section class="card crisis-panel" role="alert" aria-labelledby="crisis-title">
      <h2 id="crisis-title">{about('q.crisis.title')}</h2>
      <p>{about('q.crisis.body')}</p>
      <ul>
        {props.resources.map((r) => (
          <li key={r.name}>
            <strong>{r.name}</strong> — {r.contact}
          </li>
        ))}
      </ul>
      {props.teamTold && <p>{about('q.crisis.team')}</p>}
    </section>
  );
}

/** Where a patient's history links for help: the crisis resources, without the alert of a new answer. */
const SUPPORT_ID = 'crisis-support';

export function SupportResources(props: { resources: readonly CrisisResource[] }) {
  const about = useAbout();
  return (
    <section id={SUPPORT_ID} tabIndex={-1} class="card crisis-panel" aria-labelledby="crisis-support-title">
      <h2 id="crisis-support-title">{about('q.crisis.title')}</h2>
      <p>{about('q.crisis.support')}</p>
      <ul>
        {props.resources.map((r) => (
          <li key={r.name}>
            <strong>{r.name}</strong> — {r.contact}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * A response's safety flags, worded for who reads them: the clinician's instruction ("assess suicide
 * risk") is not for the patient, who gets what they told us and where help is.
 */
export function FlagNotes(props: { flags: readonly string[]; audience: Audience }) {
  const crisis = props.flags.includes('crisis');
  const unknown = props.flags.includes('item-9-unknown');
  const about = useAbout();
  if (props.audience === 'clinician')
    return (
      <>
        {crisis && ` · ${t('q.flag.crisis')}`}
        {unknown && ` · ${t('q.flag.item9Unknown')}`}
      </>
    );
  return (
    <>
      {crisis && (
        <>
          {' '}
          · {about('q.flag.crisisPatient')} — <a href={`#${SUPPORT_ID}`}>{t('q.flag.crisisSupport')}</a>
        </>
      )}
      {unknown && ` · ${t('q.flag.item9UnknownPatient')}`}
    </>
  );
}
