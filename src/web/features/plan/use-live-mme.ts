// The regimen's MME and flags as it would be with the typed drafts, asked of the server (debounced)
// as the clinician types, before anything is saved.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiError } from '../../api/client.ts';
import type { RegimenItem, RegimenResult } from '../../../domain/medications/regimen.ts';
import { itemOfDraft, itemOfOrder, missingForCount, type OrderDraft } from './order-draft.ts';
import { planApi, type MedicationSummaryView, type MmeRequest, type MmeResult } from './plan-api.ts';

/** Wait after the last keystroke before asking the server for MME and flags. */
const MME_DEBOUNCE_MS = 300;

export function useLiveMme(summary: MedicationSummaryView | null, drafts: OrderDraft[], today: string) {
  const editedIds = new Set(drafts.filter((d) => d.version !== undefined).map((d) => d.id));
  const draftItems = drafts.map((d) => itemOfDraft(d, today));
  const draftMissing = drafts.map((d) => missingForCount(d, today));
  const uncounted = draftMissing.filter((m) => m.length > 0).length;
  const liveRequest: MmeRequest | null =
    summary && drafts.length > 0
      ? {
          items: [
            ...summary.orders.filter((o) => !editedIds.has(o.id)).map(itemOfOrder),
            ...draftItems.filter((i): i is RegimenItem => i !== null),
          ],
          patient: summary.patientFacts,
        }
      : null;
  const liveKey = JSON.stringify(liveRequest);
  const [live, setLive] = useState<{ key: string; result: MmeResult } | null>(null);
  const [liveError, setLiveError] = useState<string | null>(null);
  const sequence = useRef(0);
  useEffect(() => {
    if (!liveRequest) return;
    const mine = ++sequence.current;
    const timer = setTimeout(() => {
      planApi.mme(liveRequest).then(
        (result) => {
          if (mine === sequence.current) {
            setLive({ key: liveKey, result });
            setLiveError(null);
          }
        },
        (e: ApiError) => {
          if (mine === sequence.current) setLiveError(e.message);
        },
      );
    }, MME_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [liveKey]);
  const shown: RegimenResult | null = liveRequest ? (live?.result ?? null) : (summary?.regimen ?? null);
  const updating = liveRequest !== null && live?.key !== liveKey;
  return { editedIds, draftItems, draftMissing, uncounted, liveRequest, liveError, shown, updating };
}
