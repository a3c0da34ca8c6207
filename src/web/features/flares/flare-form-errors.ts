// Where a refused flare save is said: the browser's own checks and the server's problem+json pointers
// beside their fields (the form's error summary lists them from there), the server's problems without a
// field of their own as extra lines of that summary, and a failure with no field at all (offline, a
// server error) as the form's message.
import { t, type MessageKey } from '../../i18n/index.ts';
import { errorAt } from '../plan/plan-ui.tsx';
import type { DraftProblem } from './flare-draft.ts';
import type { Outcome } from './save-flare.ts';

const PROBLEM_TEXT: Record<DraftProblem, MessageKey> = {
  startMissing: 'flares.form.startMissing',
  endMissing: 'flares.form.endMissing',
  endBeforeStart: 'flares.form.endBeforeStart',
  badTimeZone: 'flares.form.badTimeZone',
};

export function formErrorsOf(outcome: Outcome | null): {
  errorFor: (pointer: string) => string | undefined;
  unplaced: readonly string[];
  formMessage: string | null;
} {
  const serverError = outcome?.kind === 'error' ? outcome.error : null;
  const problems = outcome?.kind === 'invalid' ? outcome.problems : {};
  const errorFor = (pointer: string): string | undefined => {
    const local = problems[pointer];
    if (local) return t(PROBLEM_TEXT[local]);
    // The server's details are clauses ("cannot be in the future"); beside a field they read as sentences.
    const detail = errorAt(serverError, pointer);
    return detail && detail.charAt(0).toUpperCase() + detail.slice(1);
  };
  const FIELDS = [
    '/startedAt',
    '/endedAt',
    '/timeZone',
    '/peakIntensity',
    '/suspectedTriggers',
    '/ownTriggers',
    '/helpedTechniques',
    '/helpedText',
    '/notes',
  ];
  const unplaced =
    serverError?.fieldErrors.filter((f) => !FIELDS.some((p) => f.pointer === p || f.pointer.startsWith(`${p}/`))).map((f) => f.detail) ??
    [];
  const formMessage = serverError && serverError.fieldErrors.length === 0 ? serverError.message : null;
  return { errorFor, unplaced, formMessage };
}
