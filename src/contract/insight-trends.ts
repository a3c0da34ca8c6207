// The trends of one measure: the query (which measure, over which range, against which baseline) and
// the answer's shape, which the OpenAPI document publishes.
import { z } from 'zod';
import { DIARY_TREND_MEASURES } from '../domain/insight/trend-measures.ts';
import { TREND_RANGES } from '../domain/insight/trends.ts';
import { INSTRUMENTS } from '../domain/instruments/index.ts';

/** Every measure a trend can be drawn of: the diary's own, then each questionnaire by its id. */
export const TREND_MEASURES = [...DIARY_TREND_MEASURES, ...INSTRUMENTS.map((d) => d.id)] as [string, ...string[]];

const QueryDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Must be a date YYYY-MM-DD.' });

export const TrendQuery = z
  .strictObject({
    measure: z.enum(TREND_MEASURES).meta({
      description:
        "A diary measure (pain-now, pain-worst, pain-least, interference-*, sleep-hours, mood, activity-minutes) or a questionnaire's id (its primary score).",
    }),
    range: z
      .enum(TREND_RANGES)
      .default('90d')
      .meta({ description: 'The last 30, 90 or 365 local dates up to today, or all (from the first day with a value).' }),
    baselineFrom: QueryDate.optional().meta({
      description: 'First local date of a chosen baseline (with baselineTo); by default the first 14 days with data of the range.',
    }),
    baselineTo: QueryDate.optional().meta({ description: 'Last local date of a chosen baseline, before the latest 14 days.' }),
  })
  .superRefine((q, ctx) => {
    if ((q.baselineFrom === undefined) !== (q.baselineTo === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [q.baselineFrom === undefined ? 'baselineFrom' : 'baselineTo'],
        message: 'Give both baselineFrom and baselineTo, or neither.',
      });
    }
  });

const Num = z.number();
const Period = z.object({ from: z.string(), to: z.string(), mean: Num.nullable(), days: z.number().int() });

export const TrendResponse = z.object({
  measure: z.string(),
  label: z.string(),
  unit: z.string(),
  direction: z.enum(['lower-is-better', 'higher-is-better']),
  scale: z.object({ min: Num, max: Num }),
  thresholdPublished: z.boolean().meta({ description: 'Whether the sources publish a clinically important change for this measure.' }),
  range: z.enum(TREND_RANGES),
  from: z.string(),
  to: z.string(),
  days: z
    .array(z.object({ date: z.string(), value: Num.nullable(), count: z.number().int() }))
    .readonly()
    .meta({
      description: 'Every local date of the range; value null on a day with nothing recorded (a gap, never a zero).',
    }),
  weeks: z.array(z.object({ from: z.string(), to: z.string(), value: Num.nullable(), days: z.number().int() })).readonly(),
  baseline: Period.nullable(),
  latest: Period,
  change: z
    .object({
      absolute: Num,
      percent: Num.nullable(),
      direction: z.enum(['better', 'worse', 'same']),
      category: z.enum(['substantial', 'moderate', 'minimal', 'none', 'improved', 'worsened']).nullable(),
      thresholdPublished: z.boolean(),
      rule: z.string(),
      note: z.string().optional(),
      farrar: z.object({ twoPoints: z.boolean(), thirtyPercent: z.boolean(), source: z.string() }).optional(),
    })
    .nullable()
    .meta({
      description: 'Latest 14 days against the baseline, classified by the measure’s published threshold; null without data in both.',
    }),
  band: z.object({ from: Num, to: Num, threshold: Num, rule: z.string() }).nullable().meta({
    description: 'Values that would be a clinically important improvement on the baseline; null where no threshold is published.',
  }),
});
export type TrendView = z.infer<typeof TrendResponse>;
