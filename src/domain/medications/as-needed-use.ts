// As-needed opioid use from the diary versus the plan's allowance.
//
// Source: the allowance is the prescriber's own order — an as-needed order's maximum administrations
// per day (CDC 2022 counts as-needed opioids at that maximum for MME, https://doi.org/10.15585/mmwr.rr7103a1). No clinical
// threshold is added here: a day is "over" only when more administrations were logged than the
// orders in effect that day allow.
//
// Model
// - A logged medicine counts when its regimen is 'as-needed' and it is an opioid: linked to an
//   as-needed opioid order by `medicationOrderId`, or naming an opioid by `formularyId`.
// - One logged medicine is one administration (the order's maxPerDay counts administrations too);
//   the amount written beside it ("2 tablets") is not converted.
// - A day's allowance for a drug is the sum of maxPerDay over the as-needed orders of that drug in
//   effect that day (start ≤ day < stop); null when none was (use with no order behind it).
// Invariants: only days in [from, to] appear; a day appears for a drug only when it was taken or
// allowed; logging one more administration never lowers `taken` nor clears `over`. Pure.
import { differenceInCalendarDays, addDays, type LocalDate } from '../time/local-date.ts';
import { findDrug } from './formulary.ts';

export interface AsNeededOrder {
  readonly id: string;
  /** Formulary id. */
  readonly drug: string;
  /** Null when the order sets no maximum per day: its use is then never counted as over. */
  readonly maxPerDay: number | null;
  readonly startDate: LocalDate;
  /** The first day without it; null while it runs. */
  readonly stopDate: LocalDate | null;
}

export interface LoggedMedicine {
  readonly date: LocalDate;
  readonly regimen: 'scheduled' | 'as-needed';
  readonly formularyId: string | null;
  readonly medicationOrderId: string | null;
}

export interface AsNeededDay {
  readonly date: LocalDate;
  readonly drug: string;
  readonly taken: number;
  /** Administrations the orders in effect that day allow; null when no as-needed order covered it. */
  readonly allowed: number | null;
  readonly over: boolean;
}

export interface AsNeededDrugTotal {
  readonly drug: string;
  readonly taken: number;
  /** Days in the window with any use. */
  readonly daysUsed: number;
  /** Days over the allowance (or with use and no allowance). */
  readonly daysOver: number;
  /** The allowance on `to` (the last day), or null when no as-needed order is in effect then. */
  readonly allowedToday: number | null;
}

export interface AsNeededUse {
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly days: readonly AsNeededDay[];
  readonly drugs: readonly AsNeededDrugTotal[];
}

const isOpioid = (drug: string) => findDrug(drug)?.classes.includes('opioid') ?? false;
const inEffect = (o: AsNeededOrder, date: LocalDate) => o.startDate <= date && (o.stopDate === null || o.stopDate > date);

export function summarizeAsNeededOpioidUse(
  orders: readonly AsNeededOrder[],
  logged: readonly LoggedMedicine[],
  from: LocalDate,
  to: LocalDate,
): AsNeededUse {
  const opioidOrders = orders.filter((o) => isOpioid(o.drug));
  const byId = new Map(opioidOrders.map((o) => [o.id, o]));
  const taken = new Map<string, number>(); // `${date}|${drug}`
  for (const m of logged) {
    if (m.regimen !== 'as-needed' || m.date < from || m.date > to) continue;
    const drug =
      (m.medicationOrderId !== null ? byId.get(m.medicationOrderId)?.drug : undefined) ??
      (m.formularyId !== null && isOpioid(m.formularyId) ? findDrug(m.formularyId)!.id : undefined);
    if (drug === undefined) continue;
    const key = `${m.date}|${drug}`;
    taken.set(key, (taken.get(key) ?? 0) + 1);
  }
  const covered = (drug: string, date: LocalDate) => opioidOrders.filter((o) => o.drug === drug && inEffect(o, date));
  /** The day's allowance; null when no order covers the day or a covering order sets no maximum. */
  const allowedOn = (drug: string, date: LocalDate): number | null => {
    const covering = covered(drug, date);
    return covering.length === 0 || covering.some((o) => o.maxPerDay === null) ? null : covering.reduce((s, o) => s + o.maxPerDay!, 0);
  };
  const drugs = [...new Set([...opioidOrders.map((o) => o.drug), ...[...taken.keys()].map((k) => k.split('|')[1]!)])].sort();
  const days: AsNeededDay[] = [];
  const span = differenceInCalendarDays(to, from);
  for (let i = 0; i <= span; i++) {
    const date = addDays(from, i);
    for (const drug of drugs) {
      const n = taken.get(`${date}|${drug}`) ?? 0;
      const allowed = allowedOn(drug, date);
      const isCovered = covered(drug, date).length > 0;
      if (n === 0 && allowed === null) continue;
      // Use with no order covering the day is over; use under an order without a maximum is not.
      days.push({ date, drug, taken: n, allowed, over: isCovered ? allowed !== null && n > allowed : n > 0 });
    }
  }
  const totals = drugs
    .map((drug): AsNeededDrugTotal => {
      const mine = days.filter((d) => d.drug === drug);
      return {
        drug,
        taken: mine.reduce((s, d) => s + d.taken, 0),
        daysUsed: mine.filter((d) => d.taken > 0).length,
        daysOver: mine.filter((d) => d.over).length,
        allowedToday: allowedOn(drug, to),
      };
    })
    .filter((t) => t.taken > 0 || t.allowedToday !== null);
  return { from, to, days, drugs: totals };
}
