// A refused medication order, made readable beside its fields: the API words dose problems with its own
// field names ("doseMg is required for oxycodone", "acetaminophenMg is required for combination product
// hydrocodone-acetaminophen") and formulary ids. Each refused field gets one message in words that says
// what to enter; the limits are the regimen input's own (DOSE_DECIMALS, PER_DAY_DECIMALS).
import { ApiError } from '../../api/client.ts';
import { DOSE_DECIMALS, PER_DAY_DECIMALS } from '../../../domain/medications/compute-regimen.ts';
import { findDrug, searchFormulary } from '../../../domain/medications/formulary.ts';
import { t } from '../../i18n/index.ts';

/** The order's refusal with each field's message in words; `typedDrug` is what the Medicine field holds. */
export function readableOrderError(error: ApiError, typedDrug: string): ApiError {
  const fieldErrors = error.fieldErrors.map((f) => {
    switch (f.pointer) {
      case '/formularyId':
        return {
          ...f,
          detail:
            typedDrug.trim() === ''
              ? t('meds.error.noDrug')
              : findDrug(typedDrug)
                ? f.detail
                : searchFormulary(typedDrug).length > 0
                  ? t('meds.error.chooseSuggestion', { name: typedDrug.trim() })
                  : t('meds.error.notInFormulary', { name: typedDrug.trim() }),
        };
      case '/doseMg':
      case '/doseMcgPerHour':
        return { ...f, detail: t('meds.error.dose', { decimals: DOSE_DECIMALS }) };
      case '/acetaminophenMg':
        return { ...f, detail: t('meds.error.acetaminophen', { decimals: DOSE_DECIMALS }) };
      case '/timesPerDay':
      case '/maxPerDay':
        return { ...f, detail: t('meds.error.perDay', { decimals: PER_DAY_DECIMALS }) };
      case '/route':
        return { ...f, detail: t('meds.error.patchRoute') };
      default:
        return f;
    }
  });
  return new ApiError(error.status, error.code, error.message, fieldErrors, error.problem);
}
