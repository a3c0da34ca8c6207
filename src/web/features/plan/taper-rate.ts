// The taper rates offered as choices, and a rate in words.
import type { TaperRate } from '../../../domain/medications/taper.ts';
import { t } from '../../i18n/index.ts';

export type RateChoice = 'monthly' | 'weekly' | 'weekly-then-remaining' | 'custom';
export const RATE_CHOICES = ['monthly', 'weekly', 'weekly-then-remaining', 'custom'] as const;

export function rateOf(choice: RateChoice, percent: number | undefined, interval: 'week' | 'month'): TaperRate | undefined {
  if (choice === 'monthly') return { kind: 'percent-of-original', percent: 10, interval: 'month' };
  if (choice === 'weekly') return { kind: 'percent-of-original', percent: 10, interval: 'week' };
  if (choice === 'weekly-then-remaining')
    return { kind: 'weekly-then-remaining', percentOfOriginal: 10, switchAtPercentOfOriginal: 30, percentOfRemaining: 10 };
  return percent === undefined ? undefined : { kind: 'percent-of-original', percent, interval };
}

export function rateInWords(rate: TaperRate): string {
  return rate.kind === 'percent-of-original'
    ? t(rate.interval === 'week' ? 'meds.taper.rateWeekly' : 'meds.taper.rateMonthly', { percent: rate.percent })
    : t('meds.taper.rateThen', { first: rate.percentOfOriginal, at: rate.switchAtPercentOfOriginal, then: rate.percentOfRemaining });
}
