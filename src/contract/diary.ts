// HTTP shapes of the pain diary. The zod schemas give structure (and OpenAPI). The shapes of a diary
// entry, a flare and a block diary are the domain's (diary-entry-shape.ts, flare-shape.ts,
// block-diary-shape.ts; the CSV import and the benchmark's calibration write parse with them too), so
// each is written once; the domain then applies the rules no schema says (wall clock vs instant,
// duplicates, the server's clock).
import { z } from 'zod';
import { blockDiarySchemas } from '../domain/diary/block-diary-shape.ts';
import { diaryEntrySchemas } from '../domain/diary/diary-entry-shape.ts';
import { flareSchemas } from '../domain/diary/flare-shape.ts';
import { ENTRY_MODES } from '../domain/diary/entry.ts';
import { Id } from './common.ts';

export const DiaryEntryBody = z
  .strictObject({
    ...diaryEntrySchemas().bodyFields,
    /** Whether the entry is made at the time (real-time) or afterwards (recalled). */
    mode: z.enum(ENTRY_MODES).default('real-time'),
  })
  .check(diaryEntrySchemas().painRangeCheck)
  .meta({
    id: 'DiaryEntry',
    examples: [
      {
        localDate: '2026-06-01',
        localTime: '13:55',
        timeZone: 'Europe/Berlin',
        recordedAt: '2026-06-01T12:00:00Z',
        intensity: 6,
        worstSinceLast: 7,
        leastSinceLast: 3,
        regions: [
          { code: 'lumbar-spine', intensity: 6, qualities: ['aching'] },
          { code: 'thigh-left', intensity: 4, qualities: ['burning', 'tingling'] },
          { code: 'knee-left', intensity: 3, qualities: [] },
        ],
        interference: { activity: 5, sleep: 4, mood: 3, stress: 4 },
        sleep: { hours: 6.5, quality: 'poor' },
        activity: { minutes: 20, meaningful: ['walked the dog'] },
        mood: 'low',
        triggers: ['poor-sleep', 'prolonged-sitting'],
        ownTriggers: [],
        medicines: [
          {
            name: 'Ibuprofen',
            dose: 400,
            unit: 'mg',
            takenAt: '08:00',
            regimen: 'scheduled',
            formularyId: 'ibuprofen',
            medicationOrderId: null,
          },
          {
            name: 'Paracetamol',
            dose: 1,
            unit: 'g',
            takenAt: '12:30',
            regimen: 'as-needed',
            formularyId: 'acetaminophen',
            medicationOrderId: null,
          },
        ],
        techniques: [{ id: 'heat', label: null, helped: 'somewhat' }],
        notes: 'Stiff after the drive.',
        mode: 'real-time',
      },
    ],
  });

export const DiaryEntryParams = z.strictObject({ patientId: Id, entryId: Id });

/**
 * A batch item's entry is checked against DiaryEntryBody one item at a time (diary.routes.ts), so that a
 * malformed entry (an old client, a bad value) comes back as that item's `invalid` result instead of
 * refusing the other 499. The body's shape around the entries is still checked here.
 */
export const DiaryBatchBody = z.strictObject({
  items: z
    .array(
      z.strictObject({
        id: Id,
        baseVersion: z.number().int().min(1).nullable().optional(),
        entry: z.record(z.string(), z.unknown()).meta({ description: 'A diary entry, as the body of PUT …/diary-entries/:entryId.' }),
      }),
    )
    .min(1)
    .max(500),
});

export const DiaryPullQuery = z.strictObject({
  since: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(2000),
});

const QueryDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Must be a date YYYY-MM-DD.' });

/**
 * Either a range (`from` and `to`, inclusive) or `last` N days up to today in the patient's own time
 * zone. One object with every field optional, the rule checked below: a union of the two shapes was
 * published in the OpenAPI document as all three parameters required, which no request can satisfy.
 */
export const DaySummaryQuery = z
  .strictObject({
    from: QueryDate.optional().meta({ description: 'First local date (with `to`).' }),
    to: QueryDate.optional().meta({ description: 'Last local date, inclusive (with `from`).' }),
    last: z.coerce
      .number()
      .int()
      .min(1)
      .max(731)
      .optional()
      .meta({ description: 'The last N days up to today (instead of `from` and `to`).' }),
  })
  .superRefine((q, ctx) => {
    const range = q.from !== undefined || q.to !== undefined;
    if (q.last !== undefined && range) {
      ctx.addIssue({ code: 'custom', path: ['last'], message: 'Give either from and to, or last, not both.' });
    } else if (q.last === undefined && (q.from === undefined || q.to === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [q.from === undefined ? 'from' : 'to'],
        message: 'Give from and to (dates YYYY-MM-DD), or last (a number of days).',
      });
    }
  });

export const FlareBody = z
  .strictObject(flareSchemas().bodyFields)
  .check(flareSchemas().endNotBeforeStartCheck)
  .meta({
    id: 'Flare',
    examples: [
      {
        startedAt: '2026-05-30T07:00:00Z',
        endedAt: '2026-05-31T18:00:00Z',
        timeZone: 'Europe/Berlin',
        peakIntensity: 8,
        suspectedTriggers: ['poor-sleep', 'lifting'],
        ownTriggers: [],
        helpedTechniques: ['heat', 'rest'],
        helpedText: ['a warm bath'],
        notes: '',
      },
    ],
  });

export const BlockDiaryBody = z.strictObject(blockDiarySchemas().bodyFields).meta({
  id: 'BlockDiary',
  examples: [
    {
      procedureLabel: 'L4-L5 medial branch block (right)',
      procedureAt: '2026-05-28T09:00:00Z',
      timeZone: 'Europe/Berlin',
      baselineIntensity: 8,
      readings: [
        { offsetMinutes: 15, intensity: 2, patientReportedReliefPct: 80, recordedAt: null },
        { offsetMinutes: 30, intensity: 1, patientReportedReliefPct: 90, recordedAt: null },
      ],
    },
  ],
});

export const DocumentParams = z.strictObject({ patientId: Id, documentId: Id });
export const ListQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(200) });

/**
 * Body limits of the two diary routes that take many entries at once, above the server's general
 * PAINWISE_BODY_LIMIT_BYTES (1 MiB by default): a year of entries exports to about 1.1 MB of CSV, and
 * 500 entries with notes of a few thousand characters each pass 1 MiB of JSON.
 */
export const DIARY_IMPORT_MAX_BYTES = 20_000_000;
export const DIARY_BATCH_MAX_BYTES = 16 * 1_048_576;
