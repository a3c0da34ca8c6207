// Which triggers the check-in shows before the person searches: the ones they used most recently, so
// the few that matter to them are a tap away and the whole vocabulary stays out of the tab order.

/**
 * How many recently used triggers the check-in offers unasked. A screen-layout setting, not a clinical
 * one: enough for the handful a person usually names, few enough to keep the form short.
 */
export const RECENT_TRIGGERS_SHOWN = 6;

/**
 * The distinct triggers of `entries` (newest first), in the order they were last used, at most `limit`.
 * An entry without triggers is passed over.
 */
export function computeRecentTriggers(
  entries: readonly { readonly triggers?: readonly string[] | undefined }[],
  limit: number = RECENT_TRIGGERS_SHOWN,
): string[] {
  const recent: string[] = [];
  for (const entry of entries) {
    for (const id of entry.triggers ?? []) {
      if (recent.length >= limit) return recent;
      if (!recent.includes(id)) recent.push(id);
    }
  }
  return recent;
}
