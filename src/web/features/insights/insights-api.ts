// Typed calls for the Insights screen. The trend's shape is the contract's; what-works is read with
// exactly the shape its endpoint publishes (items of factor, lag, outcome, difference, interval, days
// with and without, q-value, verdict and sentence). Kept out of api/client.ts so it loads with the screen.
import type { TrendView } from '../../../contract/insight-trends.ts';
import type { DiaryTrendMeasure } from '../../../domain/insight/trend-measures.ts';
import type { TrendRange } from '../../../domain/insight/trends.ts';
import { request } from '../../api/client.ts';

export type { TrendView, TrendRange, DiaryTrendMeasure };

export type FactorKind = 'technique' | 'medicine' | 'trigger' | 'sleep' | 'activity' | 'mood';
export type Verdict = 'lower' | 'higher' | 'no-clear-difference' | 'not-enough-data';

export interface WhatWorksItem {
  factor: { kind: FactorKind; id: string };
  lag: 0 | 1;
  outcome: string;
  difference: number | null;
  ci: [number, number] | null;
  daysWith: number;
  daysWithout: number;
  qValue: number | null;
  verdict: Verdict;
  sentence: string;
}

export interface WhatWorksView {
  items: WhatWorksItem[];
}

/** The diary measures in the order the screen offers them (the domain's list, kept here as data so no domain code ships). */
export const DIARY_MEASURE_IDS: readonly DiaryTrendMeasure[] = [
  'pain-now',
  'pain-worst',
  'pain-least',
  'interference-activity',
  'interference-sleep',
  'interference-mood',
  'interference-stress',
  'sleep-hours',
  'mood',
  'activity-minutes',
];
export const RANGES: readonly TrendRange[] = ['30d', '90d', '365d', 'all'];

/** Days with and without a factor before anything is said about it (the what-works rule). */
export const WHAT_WORKS_MIN_DAYS = 14;

export const insightsApi = {
  trend: (pid: string, measure: string, range: TrendRange) =>
    request<TrendView>('GET', `/api/patients/${pid}/insights/trends?measure=${encodeURIComponent(measure)}&range=${range}`),
  whatWorks: (pid: string) => request<WhatWorksView>('GET', `/api/patients/${pid}/insights/what-works?outcome=intensity&days=365`),
};
