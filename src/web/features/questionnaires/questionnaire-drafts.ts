// Answers in progress are kept on the device, per patient and instrument, so a questionnaire can be
// resumed; storage that is full or disabled only means the answers stay in memory.

export const draftKey = (patientId: string, instrumentId: string) => `painwise.q.${patientId}.${instrumentId}`;

export function readDraft(key: string): Record<string, number> | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Record<string, number>) : null;
  } catch {
    return null;
  }
}

export function writeDraft(key: string, answers: Record<string, number>): void {
  try {
    localStorage.setItem(key, JSON.stringify(answers));
  } catch {
    /* storage full or disabled: the answers stay in memory */
  }
}

export function removeDraft(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    /* nothing to clean */
  }
}
