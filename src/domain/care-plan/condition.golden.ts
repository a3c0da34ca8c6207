// Golden chronicity cases worked by hand from CDC 2022 definitions (https://doi.org/10.15585/mmwr.rr7103a1: acute < 1 month,
// subacute 1–3 months, chronic > 3 months) with calendar months and the boundary rule in condition.ts.
import type { Chronicity } from './condition.ts';

export interface ChronicityGoldenCase {
  readonly name: string;
  readonly source: string;
  readonly input: { readonly onset: string; readonly asOf: string };
  readonly expected: Chronicity | 'onset-in-future';
}

const S = 'https://doi.org/10.15585/mmwr.rr7103a1 (CDC 2022 definitions)';

export const CHRONICITY_GOLDEN_CASES: readonly ChronicityGoldenCase[] = [
  { name: 'same day', source: S, input: { onset: '2026-01-10', asOf: '2026-01-10' }, expected: 'acute' },
  { name: 'one day short of a month', source: S, input: { onset: '2026-01-10', asOf: '2026-02-09' }, expected: 'acute' },
  {
    name: 'exactly one month',
    source: `${S} ("1–3 months" inclusive)`,
    input: { onset: '2026-01-10', asOf: '2026-02-10' },
    expected: 'subacute',
  },
  {
    name: 'exactly three months',
    source: `${S} (chronic is "> 3 months")`,
    input: { onset: '2026-01-10', asOf: '2026-04-10' },
    expected: 'subacute',
  },
  { name: 'three months and a day', source: S, input: { onset: '2026-01-10', asOf: '2026-04-11' }, expected: 'chronic' },
  { name: 'two years', source: S, input: { onset: '2024-03-01', asOf: '2026-03-01' }, expected: 'chronic' },
  {
    name: 'Jan 31 onset: one month is Feb 28',
    source: `${S}; calendar month clamped to month end`,
    input: { onset: '2026-01-31', asOf: '2026-02-28' },
    expected: 'subacute',
  },
  { name: 'Jan 31 onset: Feb 27 is still acute', source: S, input: { onset: '2026-01-31', asOf: '2026-02-27' }, expected: 'acute' },
  { name: 'leap day onset: three months is May 29', source: S, input: { onset: '2024-02-29', asOf: '2024-05-29' }, expected: 'subacute' },
  { name: 'leap day onset: May 30 is chronic', source: S, input: { onset: '2024-02-29', asOf: '2024-05-30' }, expected: 'chronic' },
  {
    name: 'onset after the as-of date',
    source: 'not classifiable',
    input: { onset: '2026-05-01', asOf: '2026-04-30' },
    expected: 'onset-in-future',
  },
];
