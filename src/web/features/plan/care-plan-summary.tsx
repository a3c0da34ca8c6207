// A care plan version read-only, and who saved it, for the version history and a save conflict.
import type { Member } from '../../api/client.ts';
import { t } from '../../i18n/index.ts';
import type { CarePlanView } from './plan-api.ts';
import { label } from './plan-ui.tsx';

/** Who saved a version: a member's name when we know them. */
export function savedBy(members: readonly Member[], userId: string): string {
  return members.find((m) => m.userId === userId)?.displayName ?? t('plan.history.someone');
}

/** A plan version read-only: goals and interventions in short lines. */
export function CarePlanSummary(props: { plan: CarePlanView; members: readonly Member[] }) {
  const { plan } = props;
  return (
    <div>
      <p>
        <strong>{t('plan.goals')}</strong>
      </p>
      {plan.goals.length === 0 ? (
        <p>{t('plan.goal.empty')}</p>
      ) : (
        <ul>
          {plan.goals.map((g) => (
            <li key={g.id}>
              {t('plan.goal.line', { activity: g.activity, measure: g.measure, baseline: g.baseline, target: g.target })}
              {g.targetDate ? ` (${g.targetDate})` : ''}
            </li>
          ))}
        </ul>
      )}
      <p>
        <strong>{t('plan.interventions')}</strong>
      </p>
      {plan.interventions.length === 0 ? (
        <p>{t('plan.intervention.empty')}</p>
      ) : (
        <ul>
          {plan.interventions.map((v) => (
            <li key={v.id}>
              {label('plan.modality', v.modality)}: {v.description} — {label('plan.status', v.status)}
              {v.responsibleMemberId
                ? ` · ${props.members.find((m) => m.id === v.responsibleMemberId)?.displayName ?? t('plan.intervention.otherClinic')}`
                : ''}
            </li>
          ))}
        </ul>
      )}
      {plan.notes && <p>{plan.notes}</p>}
    </div>
  );
}
