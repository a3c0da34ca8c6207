// A medication order as the clinician types it (every field as text), and its conversions: to the
// order body the API takes, and to the regimen item POST /api/mme counts (as-needed at its maximum per
// day, as the API counts saved orders). Pure apart from the client id of a new draft.
import type { ApiError } from '../../api/client.ts';
import { findDrug } from '../../../domain/medications/formulary.ts';
import { validateRegimenInput } from '../../../domain/medications/regimen-input.ts';
import type { RegimenItem } from '../../../domain/medications/regimen.ts';
import { newClientId } from '../../offline/ids.ts';
import type { HighRiskFlag, MedicationOrderInput, MedicationOrderView, MedicationRoute, StrengthUnit } from './plan-api.ts';
import { drugName, parseNumber } from './plan-format.ts';

export interface OrderDraft {
  id: string;
  /** The formulary id of the order being changed (its generic name is what the field shows). */
  formularyId: string | undefined;
  /** The version being edited (If-Match); undefined for a new order. */
  version: number | undefined;
  drug: string;
  dose: string;
  acetaminophenMg: string;
  schedule: 'scheduled' | 'as-needed';
  perDay: string;
  route: MedicationRoute;
  routeTouched: boolean;
  strengthValue: string;
  strengthUnit: StrengthUnit;
  startDate: string;
  stopDate: string;
  instructions: string;
  error: ApiError | null;
  conflict: MedicationOrderView | null;
  /** Safety flags the server asked to confirm (50 or 90 MME/day, opioid with benzodiazepine), and those confirmed. */
  highRisk?: readonly HighRiskFlag[] | null;
  confirmed?: NonNullable<MedicationOrderInput['confirmHighRisk']>;
}

/** The contract route for a formulary entry's form (the clinician can change it). */
export const ROUTE_OF_FORM: Record<string, MedicationRoute> = {
  oral: 'oral',
  transdermal: 'transdermal',
  buccal: 'buccal',
  sublingual: 'sublingual',
  nasal: 'intranasal',
  topical: 'topical',
  injection: 'intramuscular',
};

export function newDraft(today: string): OrderDraft {
  return {
    id: newClientId(),
    formularyId: undefined,
    version: undefined,
    drug: '',
    dose: '',
    acetaminophenMg: '',
    schedule: 'scheduled',
    perDay: '',
    route: 'oral',
    routeTouched: false,
    strengthValue: '',
    strengthUnit: 'mg',
    startDate: today,
    stopDate: '',
    instructions: '',
    error: null,
    conflict: null,
  };
}

export function draftOf(o: MedicationOrderView): OrderDraft {
  const perDay = o.schedule === 'scheduled' ? o.timesPerDay : o.maxPerDay;
  const dose = o.doseMcgPerHour ?? o.doseMg;
  return {
    id: o.id,
    formularyId: o.formularyId,
    version: o.version,
    drug: drugName(o.formularyId),
    dose: dose === null ? '' : String(dose),
    acetaminophenMg: o.acetaminophenMg === null ? '' : String(o.acetaminophenMg),
    schedule: o.schedule,
    perDay: perDay === null ? '' : String(perDay),
    route: o.route,
    routeTouched: true,
    strengthValue: o.strength ? String(o.strength.value) : '',
    strengthUnit: o.strength?.unit ?? 'mg',
    startDate: o.startDate,
    stopDate: o.stopDate ?? '',
    instructions: o.instructions,
    error: null,
    conflict: null,
  };
}

/** The formulary entry the draft names: the order's own while its name is unchanged, else what was typed. */
export function drugOf(d: Pick<OrderDraft, 'drug' | 'formularyId'>) {
  return d.formularyId !== undefined && d.drug === drugName(d.formularyId) ? findDrug(d.formularyId) : findDrug(d.drug);
}

export function bodyOf(d: OrderDraft): MedicationOrderInput {
  const drug = drugOf(d);
  const patch = drug?.doseUnit === 'mcg/h';
  const dose = parseNumber(d.dose);
  const perDay = parseNumber(d.perDay);
  const apap = parseNumber(d.acetaminophenMg);
  const strength = parseNumber(d.strengthValue);
  return {
    formularyId: drug?.id ?? d.drug.trim(),
    ...(dose !== undefined ? (patch ? { doseMcgPerHour: dose } : { doseMg: dose }) : {}),
    ...(apap !== undefined && drug?.containsAcetaminophen ? { acetaminophenMg: apap } : {}),
    schedule: d.schedule,
    ...(perDay !== undefined && !patch ? (d.schedule === 'scheduled' ? { timesPerDay: perDay } : { maxPerDay: perDay }) : {}),
    route: d.route,
    strength: strength !== undefined ? { value: strength, unit: d.strengthUnit } : null,
    startDate: d.startDate,
    stopDate: d.stopDate || null,
    instructions: d.instructions,
    ...(d.confirmed ? { confirmHighRisk: d.confirmed } : {}),
  };
}

/** The order as a regimen item, as the API counts it (as-needed at its maximum per day). */
export function itemOfOrder(
  o: Pick<MedicationOrderView, 'formularyId' | 'doseMg' | 'doseMcgPerHour' | 'schedule' | 'timesPerDay' | 'maxPerDay' | 'acetaminophenMg'>,
): RegimenItem {
  const perDay = o.schedule === 'scheduled' ? o.timesPerDay : o.maxPerDay;
  return {
    drug: o.formularyId,
    ...(o.doseMg !== null ? { doseMg: o.doseMg } : {}),
    ...(o.doseMcgPerHour !== null ? { doseMcgPerHour: o.doseMcgPerHour } : {}),
    ...(perDay !== null ? { perDay } : {}),
    prn: o.schedule === 'as-needed',
    ...(o.acetaminophenMg !== null ? { acetaminophenMg: o.acetaminophenMg } : {}),
  };
}

/** The draft as a regimen item once it is complete enough to count; null while it is not (or it stops by today). */
export function itemOfDraft(d: OrderDraft, today: string): RegimenItem | null {
  if (d.stopDate !== '' && d.stopDate <= today) return null;
  const body = bodyOf(d);
  if (!findDrug(body.formularyId)) return null;
  const item = itemOfOrder({
    formularyId: body.formularyId,
    doseMg: body.doseMg ?? null,
    doseMcgPerHour: body.doseMcgPerHour ?? null,
    schedule: body.schedule,
    timesPerDay: body.timesPerDay ?? null,
    maxPerDay: body.maxPerDay ?? null,
    acetaminophenMg: body.acetaminophenMg ?? null,
  });
  return validateRegimenInput({ items: [item] }).kind === 'valid' ? item : null;
}

/** What a draft still needs before the MME and flags can count it. */
export type MissingForCount = 'drug' | 'dose' | 'acetaminophen' | 'perDay' | 'values';

/**
 * Why the draft is not counted: what is missing, in the order of the form; ['values'] when everything
 * is given but a number is refused (0, negative, too many decimals); [] when it is counted or stops by
 * today (a stop is not a gap in the count).
 */
export function missingForCount(d: OrderDraft, today: string): MissingForCount[] {
  if (itemOfDraft(d, today) !== null || (d.stopDate !== '' && d.stopDate <= today)) return [];
  const drug = drugOf(d);
  if (!drug) return ['drug'];
  const body = bodyOf(d);
  const patch = drug.doseUnit === 'mcg/h';
  const missing: MissingForCount[] = [];
  const hasDose = (patch ? body.doseMcgPerHour : body.doseMg) !== undefined;
  if (!hasDose && (drug.classes.includes('opioid') || drug.id === 'acetaminophen')) missing.push('dose');
  if (drug.containsAcetaminophen && body.acetaminophenMg === undefined) missing.push('acetaminophen');
  if (
    !patch &&
    body.timesPerDay === undefined &&
    body.maxPerDay === undefined &&
    (hasDose || body.acetaminophenMg !== undefined || missing.length > 0)
  )
    missing.push('perDay');
  return missing.length > 0 ? missing : ['values'];
}
