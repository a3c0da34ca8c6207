// Re-applying a clinician's plan draft over a newer version (after a 409) must not throw away the
// baseline sessions a patient or caregiver logged meanwhile (PUT …/care-plan/pacing/:id/sessions/:date
// saves a plan version each time). A three-way merge of the sessions only: where the draft left an
// activity's sessions as they were in the version it was edited from, the newer version's sessions win;
// where the clinician changed them, the clinician's text stands (they see the newer plan beside it).

export interface SessionsDraft {
  readonly id: string;
  readonly sessionSource: string;
  readonly sessions: string;
}
export interface SessionsView {
  readonly id: string;
  readonly sessions: readonly { readonly date: string; readonly amount: number }[];
}

/** The sessions text the draft shows for a stored activity: one "YYYY-MM-DD amount" line each. */
export const sessionsText = (sessions: SessionsView['sessions']): string => sessions.map((x) => `${x.date} ${x.amount}`).join('\n');

export function mergeLoggedSessions<D extends SessionsDraft>(
  draft: readonly D[],
  base: readonly SessionsView[],
  newer: readonly SessionsView[],
): D[] {
  return draft.map((a) => {
    if (a.sessionSource !== 'recorded') return a;
    const was = base.find((b) => b.id === a.id);
    const now = newer.find((n) => n.id === a.id);
    if (!was || !now || a.sessions.trim() !== sessionsText(was.sessions)) return a;
    return { ...a, sessions: sessionsText(now.sessions) };
  });
}
