// The shape of a golden case. Expected values are worked BY HAND from the published rule and cite it
// (the instrument's published scoring rule, cited per case); never regenerate them from the code.

import type { ScoreContext } from './model.ts';

export interface InstrumentGolden {
  readonly name: string;
  /** Where the expected values come from, e.g. "Kroenke 2001, J Gen Intern Med 16:606, https://doi.org/10.1046/j.1525-1497.2001.016009606.x". */
  readonly source: string;
  readonly answers: Readonly<Record<string, number | boolean | null>>;
  readonly context?: ScoreContext;
  readonly expected:
    | {
        readonly kind: 'scored';
        readonly score: number;
        /** Only the listed scores are checked; numbers compare to 2 decimals unless exact is given. */
        readonly scores?: Readonly<Record<string, number | null>>;
        readonly band: string | null;
        readonly flags?: readonly string[];
        readonly missing?: readonly string[];
      }
    | {
        readonly kind: 'incomplete';
        readonly missing: readonly string[];
        readonly scores?: Readonly<Record<string, number | null>>;
        readonly flags?: readonly string[];
      }
    | { readonly kind: 'invalid'; readonly item: string };
}
