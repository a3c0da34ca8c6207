// The patient's change feed: every write of every versioned record, oldest first, each once at the
// place its last write took (`changeSeq`). `since` is the opaque cursor a previous page returned.
import { z } from 'zod';

/** The kinds of record the feed carries (the same names the access log uses for them). */
export const RECORD_KINDS = [
  'diary_entry',
  'flare',
  'block_diary',
  'condition',
  'medication_order',
  'procedure',
  'conservative_care',
  'taper_plan',
  'naloxone_check',
  'visit',
  'mechanism_assessment',
] as const;

export const ChangesQuery = z.strictObject({
  since: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(2000),
});

export const RecordChange = z.object({
  kind: z.enum(RECORD_KINDS),
  id: z.string(),
  version: z.number().int(),
  changeSeq: z.number().int(),
  updatedAt: z.string(),
  deleted: z.boolean(),
  /** The record as stored; null for a tombstone (a deleted record keeps only its id and version). */
  body: z.unknown().nullable(),
});

export const ChangesPage = z.object({
  items: z.array(RecordChange),
  cursor: z.string(),
  hasMore: z.boolean(),
});
