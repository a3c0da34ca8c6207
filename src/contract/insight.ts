// HTTP shapes of the insight answers. "What works for me" lists, per factor the diary records and lag
// (0 the same day, 1 the next day), the difference in the chosen outcome between days with and
// without the factor; the vocabularies are the domain's (domain/insight).
import { z } from 'zod';
import { FACTOR_KINDS, WHAT_WORKS_OUTCOMES } from '../domain/insight/diary-factors.ts';

export const WHAT_WORKS_MAX_DAYS = 1830;

export const WhatWorksQuery = z.strictObject({
  outcome: z.enum(WHAT_WORKS_OUTCOMES).default('intensity').meta({
    description:
      "The outcome compared: `intensity` (mean pain of the day's check-ins; at lag 1 that is next-day pain) or `interference` (mean of the day's interference items).",
  }),
  days: z.coerce
    .number()
    .int()
    .min(28)
    .max(WHAT_WORKS_MAX_DAYS)
    .default(365)
    .meta({ description: "How many local dates up to today, in the patient's time zone, to look at." }),
});

const Verdict = z.enum(['lower', 'higher', 'no-clear-difference', 'not-enough-data']);

export const WhatWorksItem = z.object({
  factor: z.object({
    kind: z.enum(FACTOR_KINDS),
    id: z.string().meta({
      description:
        "A technique or trigger id of the diary's vocabulary, `own:<words>` for the person's own, a medicine's name in lower case, `under-6-hours` (sleep), `most-active-third` (activity), `low` or `good` (mood).",
    }),
  }),
  lag: z.union([z.literal(0), z.literal(1)]),
  outcome: z.enum(WHAT_WORKS_OUTCOMES),
  difference: z
    .number()
    .nullable()
    .meta({ description: 'Outcome on days with the factor minus outcome on days without, in points; null before enough data.' }),
  ci: z.tuple([z.number(), z.number()]).readonly().nullable().meta({ description: '95 % interval of the difference (Newey–West).' }),
  daysWith: z.number().int(),
  daysWithout: z.number().int(),
  qValue: z.number().nullable().meta({ description: 'Benjamini–Hochberg q-value across all of the person’s comparisons.' }),
  verdict: Verdict.meta({ description: '`lower` or `higher` only when the interval excludes 0 and q ≤ 0.10.' }),
  sentence: z.string(),
});

export const WhatWorksResponse = z.object({ items: z.array(WhatWorksItem) }).meta({ id: 'WhatWorks' });
