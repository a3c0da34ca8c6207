// A pause before a high-risk order: saving an order that newly takes the patient's regimen to 50 or
// 90 MME a day, or newly pairs an opioid with a benzodiazepine, is refused until the clinician
// confirms it having seen the flags and their sources; the confirmation is audited. The flags and
// their citations are the domain's (`computeRegimen`: CDC 2022 for the MME thresholds, the FDA 2016
// boxed warning for the pair); this module only compares the regimen before and after the save.
import { computeRegimen } from '../domain/medications/index.ts';
import type { SafetyFlag } from '../domain/medications/regimen.ts';
import type { MedicationOrderRecord } from './care-plan-records.ts';
import type { AppDeps, RequestContext } from './context.ts';
import { AppError } from './errors.ts';
import { isOrderActiveOn, MEDICATION_ORDERS, type MedicationOrderInput, regimenItemOf, validateMedicationOrder } from './medications.ts';
import { patientToday } from './patients.ts';
import type { Repositories } from './ports.ts';
import { saveRecord, type SaveOutcome } from './versioned-records.ts';

/** The flags whose first appearance asks for a confirmation. */
export const CONFIRMED_FLAGS: readonly SafetyFlag['id'][] = ['mme-at-least-50', 'mme-at-least-90', 'opioid-benzodiazepine'];

/** Orders a patient may have at most (the same input-sanity limit as the medicines list). */
const MAX_ORDERS = 500;

/**
 * The pause flags the order raises that the regimen did not have, on the day it takes effect (today,
 * or its start date when that is later): the patient's other orders in effect that day, with the
 * order's stored version (if any) before and this one after.
 */
export async function newlyRaisedFlags(
  deps: AppDeps,
  tx: Repositories,
  patientId: string,
  orderId: string,
  order: MedicationOrderRecord,
): Promise<SafetyFlag[]> {
  const { today } = await patientToday(deps, tx, patientId);
  const day = order.startDate > today ? order.startDate : today;
  const stored = (await tx.carePlan.medicationOrders.list(patientId, MAX_ORDERS)).filter((o) => isOrderActiveOn(o.body, day));
  const before = stored.map((o) => o.body);
  const after = [...stored.filter((o) => o.id !== orderId).map((o) => o.body), ...(isOrderActiveOn(order, day) ? [order] : [])];
  const flagsOf = (orders: readonly MedicationOrderRecord[]) =>
    computeRegimen({ items: orders.map(regimenItemOf) }, {}).flags.filter((f) => CONFIRMED_FLAGS.includes(f.id));
  const had = new Set(flagsOf(before).map((f) => f.id));
  return flagsOf(after).filter((f) => !had.has(f.id));
}

/**
 * Creates or edits a medication order through the record engine. `confirmHighRisk` lists the flags the
 * clinician read; an order that raises one not listed is refused with all it raises, to show.
 */
export function saveMedicationOrder(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  id: string,
  input: MedicationOrderInput & { readonly confirmHighRisk?: readonly string[] | undefined },
  baseVersion?: number,
): Promise<SaveOutcome<MedicationOrderRecord>> {
  let raised: SafetyFlag[] = [];
  return saveRecord(MEDICATION_ORDERS, deps, ctx, patientId, id, validateMedicationOrder(input), baseVersion, {
    async check(tx, _access, order) {
      raised = await newlyRaisedFlags(deps, tx, patientId, id, order);
      if (raised.some((f) => !input.confirmHighRisk?.includes(f.id))) {
        throw new AppError('high-risk-order-unconfirmed', 'This order raises safety flags; confirm it after reading them, or change it.', {
          extra: { flags: raised.map((f) => ({ id: f.id, message: f.message, source: f.source, severity: f.severity })) },
        });
      }
    },
    async afterWrite(tx, access) {
      if (raised.length === 0) return;
      await tx.audit.append(raised.map((f) => access.audit(`medication_order.confirmed.${f.id}`, 'medication_order', id)));
    },
  });
}
