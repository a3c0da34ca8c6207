// Where a refused flare save is said: the browser's own checks and the server's problem+json pointers
// beside their fields, anything without a field of its own at the top of the form.
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

export function formErrorsOf(outcome: Outcome | null): { errorFor: (pointer: string) => string | undefined; formMessage: string | null } {
  const serverError = outcome?.kind === 'error' ? outcome.error : null;
  const problems = outcome?.kind === 'invalid' ? outcome.problems : {};
  const errorFor = (pointer: string): string | undefined => {
    const local = problems[pointer];
    return local ? t(PROBLEM_TEXT[local]) : errorAt(serverError, pointer);
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
  const formMessage =
    outcome?.kind === 'invalid'
      ? t('flares.form.fixBelow')
      : serverError
        ? serverError.fieldErrors.length === 0
          ? serverError.message
          : [t('flares.form.fixBelow'), ...unplaced].join(' ')
        : null;
  return { errorFor, formMessage };
}
