// A refused taper plan, made readable for the planner form: the API words its option problems with the
// option's field path ("rate.percent must be a percentage > 0–100 …") and names medicines by formulary
// id, and a problem with no field of its own (the rate never reaching the target) would otherwise sit
// under "Check the highlighted fields" with nothing highlighted. Pure apart from the message catalogue.
import { ApiError } from '../../api/client.ts';
import { t } from '../../i18n/index.ts';
import { drugName } from './plan-format.ts';

/**
 * The error with each field's message in words, and the message above the form carrying whatever no
 * field on screen shows (`placed` says which pointers have a field now).
 */
export function readableTaperError(error: ApiError, placed: (pointer: string) => boolean): ApiError {
  const fieldErrors = error.fieldErrors.map((f) => {
    if (f.pointer === '/rate' || f.pointer.startsWith('/rate/')) return { pointer: '/rate', detail: t('meds.taper.error.percent') };
    if (f.pointer === '/targetPercentOfOriginal') return { ...f, detail: t('meds.taper.error.target') };
    if (f.pointer.startsWith('/strengthsByDrug/'))
      return { ...f, detail: t('meds.taper.error.strengths', { drug: drugName(f.pointer.split('/')[2] ?? '') }) };
    return f;
  });
  const elsewhere = fieldErrors.filter((f) => !placed(f.pointer));
  const message =
    elsewhere.length > 0
      ? elsewhere.map((f) => (f.pointer === '/the' || f.pointer === '' ? t('meds.taper.error.neverReaches') : f.detail)).join(' ')
      : error.message;
  return new ApiError(error.status, error.code, message, fieldErrors, error.problem);
}
