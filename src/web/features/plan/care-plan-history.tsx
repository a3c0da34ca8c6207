// The care plan's version history, each version viewable read-only in a dialog.
import { useEffect, useState } from 'preact/hooks';
import type { ApiError, Member } from '../../api/client.ts';
import { Dialog, Empty, Loading } from '../../components/ui.tsx';
import { formatDateTime, t } from '../../i18n/index.ts';
import { CarePlanSummary, savedBy } from './care-plan-summary.tsx';
import { planApi, type CarePlanVersionSummary, type CarePlanView } from './plan-api.ts';

/** Loads again whenever reloadKey changes (after a save, or a conflict that brought a newer version). */
export function CarePlanHistory(props: { pid: string; members: readonly Member[]; reloadKey: number; onError: (message: string) => void }) {
  const { pid } = props;
  const [history, setHistory] = useState<CarePlanVersionSummary[] | null>(null);
  const [viewing, setViewing] = useState<CarePlanView | null>(null);
  useEffect(() => {
    planApi.carePlanVersions(pid).then(
      (r) => setHistory(r.items),
      () => setHistory([]),
    );
  }, [pid, props.reloadKey]);
  return (
    <section class="card" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('plan.history')}</h2>
      {history === null ? (
        <Loading />
      ) : history.length === 0 ? (
        <Empty>{t('plan.history.empty')}</Empty>
      ) : (
        <ul class="list" aria-label={t('plan.history')}>
          {history.map((h) => (
            <li key={h.version}>
              <span>
                {t('plan.history.line', {
                  version: h.version,
                  when: formatDateTime(h.createdAt, undefined, { showZone: true }),
                  name: savedBy(props.members, h.createdBy),
                  goals: h.goals,
                  interventions: h.interventions,
                })}
              </span>
              <button
                type="button"
                class="button secondary"
                onClick={() => {
                  planApi.carePlanVersion(pid, h.version).then(setViewing, (e: ApiError) => props.onError(e.message));
                }}
              >
                {t('plan.history.view', { version: h.version })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <Dialog
        open={viewing !== null}
        title={viewing ? t('plan.history.viewTitle', { version: viewing.version }) : ''}
        onClose={() => setViewing(null)}
      >
        {viewing && (
          <p class="hint">
            {t('plan.history.savedBy', {
              name: savedBy(props.members, viewing.createdBy),
              when: formatDateTime(viewing.createdAt, undefined, { showZone: true }),
            })}
          </p>
        )}
        {viewing && <CarePlanSummary plan={viewing} members={props.members} />}
        <button type="button" class="button" onClick={() => setViewing(null)}>
          {t('common.close')}
        </button>
      </Dialog>
    </section>
  );
}
