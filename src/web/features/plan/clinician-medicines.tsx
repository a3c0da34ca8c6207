// The chart's Medicines tab: the orders in effect with MME and cited safety flags; new and changed
// orders typed as drafts, with the regimen's MME and flags recomputed by POST /api/mme as they type
// (debounced) before anything is saved; stopping an order (with Undo); the order history; and the
// taper planner (a schedule at a chosen rate, MME per step, pause and resume).
import { useEffect, useState } from 'preact/hooks';
import type { ApiError, Patient } from '../../api/client.ts';
import { ErrorMessage, Loading, showToast } from '../../components/ui.tsx';
import { formatLocalDate, t } from '../../i18n/index.ts';
import { CurrentMedicines } from './current-medicines.tsx';
import { isConfirmableFlag } from './high-risk-confirm.tsx';
import { OrderChanges } from './order-changes.tsx';
import { bodyOf, draftOf, type OrderDraft } from './order-draft.ts';
import { OrderHistory } from './order-history.tsx';
import { planApi, type MedicationOrderView, type MedicationSummaryView, type TaperPlanView } from './plan-api.ts';
import { drugName } from './plan-format.ts';
import { AsNeededUse } from './as-needed-use.tsx';
import { usePatientToday } from './plan-ui.tsx';
import { RegimenView } from './regimen-view.tsx';
import { StopOrderDialog } from './stop-order-dialog.tsx';
import { TaperPlanner } from './taper-planner.tsx';
import { useLiveMme } from './use-live-mme.ts';
import { NotInRole, useMay } from '../clinic/role-permissions.tsx';

export function MedicinesPanel(props: { orgId: string; patient: Patient }) {
  const mayOrder = useMay()('order-medications');
  const pid = props.patient.id;
  const today = usePatientToday(props.patient.timeZone);
  const [summary, setSummary] = useState<MedicationSummaryView | null>(null);
  // 'failed': said in place with a Retry, never as "No medicines recorded" / "No taper planned".
  const [history, setHistory] = useState<MedicationOrderView[] | null | 'failed'>(null);
  const [tapers, setTapers] = useState<TaperPlanView[] | null | 'failed'>(null);
  const [error, setError] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<OrderDraft[]>([]);
  const [stopping, setStopping] = useState<MedicationOrderView | null>(null);

  const load = () => {
    planApi.medicationSummary(pid).then(
      (s) => {
        setSummary(s);
        setError(null);
      },
      (e: ApiError) => setError(e.message),
    );
    planApi.medicationOrders(pid).then(
      (r) => setHistory(r.history),
      () => setHistory('failed'),
    );
    planApi.taperPlans(pid).then(
      (r) => setTapers(r.items),
      () => setTapers('failed'),
    );
  };
  useEffect(load, [pid]);
  const { editedIds, draftItems, draftMissing, uncounted, liveRequest, liveError, shown, updating } = useLiveMme(summary, drafts, today);

  /** Stops the order from `on` (the first day without it); the refusal, if any, for the dialog to show. */
  async function stop(order: MedicationOrderView, on: string): Promise<ApiError | null> {
    const body = { ...bodyOf(draftOf(order)), stopDate: on };
    try {
      const stopped = await planApi.saveMedicationOrder(pid, order.id, body, order.version);
      setStopping(null);
      load();
      // Undo puts back the regimen the clinician had already accepted, with the flags it had then (the
      // server would otherwise ask to confirm an opioid–benzodiazepine pair that was there a moment ago).
      const acceptedFlags = (summary?.regimen.flags ?? []).map((f) => f.id).filter(isConfirmableFlag);
      showToast(t('meds.stopped', { drug: drugName(order.formularyId), date: formatLocalDate(on, 'date') }), {
        onUndo: () => {
          planApi
            .saveMedicationOrder(pid, order.id, { ...body, stopDate: order.stopDate, confirmHighRisk: acceptedFlags }, stopped.version)
            .then(load, (err: ApiError) => setError(err.message));
        },
        focusAfter: () => document.getElementById('current-meds-heading'),
      });
      return null;
    } catch (err) {
      return err as ApiError;
    }
  }

  const current = summary?.orders ?? [];
  return (
    <div>
      <ErrorMessage message={error} />
      <section class="card" aria-labelledby="mme-heading">
        <h2 id="mme-heading">{liveRequest ? t('meds.withChanges') : t('meds.regimen')}</h2>
        {liveError && <p class="error">{liveError}</p>}
        {shown ? <RegimenView result={shown} updating={updating} uncounted={uncounted} /> : !error && <Loading />}
      </section>

      <CurrentMedicines
        pid={pid}
        timeZone={props.patient.timeZone}
        summary={summary}
        error={error}
        editedIds={editedIds}
        {...(mayOrder ? { onChange: (o: MedicationOrderView) => setDrafts((list) => [...list, draftOf(o)]), onStop: setStopping } : {})}
      />

      <AsNeededUse pid={pid} clinician />

      <NotInRole permission="order-medications" propose />
      {mayOrder && (
        <OrderChanges
          pid={pid}
          today={today}
          drafts={drafts}
          setDrafts={setDrafts}
          draftItems={draftItems}
          draftMissing={draftMissing}
          reload={load}
        />
      )}

      <TaperPlanner pid={pid} today={today} tapers={tapers} hasOrders={current.length > 0} onChanged={load} />
      <OrderHistory history={history} onRetry={load} />

      <StopOrderDialog order={stopping} today={today} onCancel={() => setStopping(null)} onStop={stop} />
    </div>
  );
}
