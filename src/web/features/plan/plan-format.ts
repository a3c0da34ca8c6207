// Medicines and numbers in words for the plan screens (pure; no components).
import { findDrug } from '../../../domain/medications/formulary.ts';
import { formatLocalDate, t } from '../../i18n/index.ts';
import type { MedicationOrderView, TaperPlanView } from './plan-api.ts';

/** A number typed into a field, or undefined when blank or not a number. */
export function parseNumber(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * A cited source as a clinician should read it: the published sources only, without the references to
 * this project's own clinical notes ("— guidelines.md §1.4", "(guidelines.md §8)", "(§10 item 1)"),
 * which name nothing a reader can look up.
 */
export function citationOf(source: string): string {
  return source
    .replace(/\s*\((?:guidelines|instruments)\.md[^)]*\)/g, '')
    .replace(/\s*(?:[—,]\s*)?\b(?:guidelines|instruments)\.md(?:\s*§[\d.]+(?:\s*(?:,|and)\s*§[\d.]+)*)?/g, '')
    .replace(/\s*\(§[\d.]+(?: item \d+)?\)/g, '')
    .replace(/^\s*[;,]\s*/, '')
    .replace(/[;,]\s*$/, '')
    .trim();
}

export function drugName(formularyId: string): string {
  return findDrug(formularyId)?.generic ?? formularyId;
}

/** Up to four decimals, in the browser's locale. */
export function formatNumber(n: number): string {
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: 4 }).format(n);
}
const fmt = formatNumber;

/** "10 mg, 6 times a day" / "5 mg, up to 4 times a day when needed" / "25 mcg/h patch". */
export function doseInWords(
  o: Pick<MedicationOrderView, 'doseMg' | 'doseMcgPerHour' | 'acetaminophenMg' | 'schedule' | 'timesPerDay' | 'maxPerDay'> & {
    formularyId?: string;
  },
): string {
  const component = o.formularyId === undefined ? undefined : opioidComponentOf(o.formularyId);
  const parts: string[] = [];
  if (o.doseMcgPerHour !== null) parts.push(t('meds.words.patch', { dose: fmt(o.doseMcgPerHour) }));
  if (o.doseMg !== null) {
    parts.push(
      o.acetaminophenMg === null
        ? t('meds.words.dose', { dose: fmt(o.doseMg) })
        : component
          ? t('meds.words.componentWithApap', { dose: fmt(o.doseMg), component, apap: fmt(o.acetaminophenMg) })
          : t('meds.words.doseWithApap', { dose: fmt(o.doseMg), apap: fmt(o.acetaminophenMg) }),
    );
  }
  if (o.schedule === 'scheduled' && o.timesPerDay !== null) {
    parts.push(
      o.timesPerDay === 1
        ? t('meds.words.once')
        : o.timesPerDay === 2
          ? t('meds.words.twice')
          : t('meds.words.timesPerDay', { n: fmt(o.timesPerDay) }),
    );
  }
  if (o.schedule === 'as-needed') {
    const max = o.maxPerDay;
    parts.push(
      max === null
        ? t('meds.words.asNeeded')
        : max === 1
          ? t('meds.words.upToOnce')
          : max === 2
            ? t('meds.words.upToTwice')
            : t('meds.words.upTo', { n: fmt(max) }),
    );
  }
  return parts.join(', ');
}

/**
 * When an order runs, dates in words. The stop date is the first day without the medicine (as the stop
 * dialog asks for it), so it is said so: "until <stop>" read as the last day taken.
 */
export function orderPeriodInWords(o: Pick<MedicationOrderView, 'startDate' | 'stopDate'>): string {
  const start = formatLocalDate(o.startDate, 'date');
  return o.stopDate ? t('meds.fromUntil', { start, stop: formatLocalDate(o.stopDate, 'date') }) : t('meds.since', { start });
}

/**
 * The opioid in a combination with acetaminophen ("hydrocodone" in "hydrocodone and acetaminophen"),
 * whose milligrams the dose, the MME and the taper count; undefined for a single-ingredient medicine.
 */
export function opioidComponentOf(formularyId: string): string | undefined {
  const drug = findDrug(formularyId);
  return drug?.containsAcetaminophen ? drug.generic.replace(/ and acetaminophen$/, '') : undefined;
}

type TaperItem = TaperPlanView['schedule']['steps'][number]['items'][number];

/**
 * A taper step's daily doses in words, for the chart or the patient. A combination's milligrams are of
 * its opioid, and say so: "hydrocodone and acetaminophen 60 mg a day" reads as the tablets' total.
 */
export function taperDosesInWords(items: readonly TaperItem[], audience: 'clinician' | 'patient'): string {
  return items
    .map((i) => {
      const drug = drugName(i.drug);
      const dose = fmt(i.dailyDose);
      const component = opioidComponentOf(i.drug);
      if (audience === 'clinician') {
        if (i.dailyDose === 0) return t('meds.taper.stopDrug', { drug });
        if (i.unit === 'mcg/h') return `${drug} ${dose} mcg/h`;
        return component ? t('meds.taper.componentPerDay', { drug, dose, component }) : `${drug} ${dose} ${t('meds.taper.mgPerDay')}`;
      }
      if (i.dailyDose === 0) return t('my.taper.stop', { drug });
      if (i.unit === 'mcg/h') return t('my.taper.patch', { drug, dose });
      return component ? t('my.taper.componentDose', { drug, dose, component }) : t('my.taper.dose', { drug, dose });
    })
    .join('; ');
}
