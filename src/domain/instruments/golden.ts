// The shape of a golden case. Expected values are worked BY HAND from the published rule and cite it
// (usually the golden tables at the end of instruments.md); never regenerate them from the code.

import type { ScoreContext } from './model.ts';

export interface InstrumentGolden {
  readonly name: string;
  /** Where the expected values come from, e.g. "instruments.md G5 row 3". */
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
    | { readonly kind: 'incomplete'; readonly missing: readonly string[]; readonly scores?: Readonly<Record<string, number | null>>; readonly flags?: readonly string[] }
    | { readonly kind: 'invalid'; readonly item: string };
}
