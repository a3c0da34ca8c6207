// The storage port of the record engine: how a versioned record of one patient is kept, and the
// patient's one change feed across every kind.
import type { AuditEvent } from './model.ts';

/**
 * A versioned record of one patient kept by the record engine (diary entries, flares, block diaries,
 * conditions, orders, procedures, conservative care, taper plans, the naloxone check). A delete leaves
 * a tombstone (`deletedAt`) that keeps its id and version but not its content (`body` is then null),
 * so a device that missed the delete cannot bring it back.
 */
export interface StoredRecord<T> {
  readonly id: string;
  readonly patientId: string;
  readonly version: number;
  /** Where the record's last write stands in the patient's change feed. */
  readonly changeSeq: number;
  readonly updatedAt: string;
  readonly deletedAt: string | null;
  readonly body: T;
}

/**
 * The records of one kind. Every write takes the patient's next change sequence (the feed's maximum
 * plus one, across all kinds) inside its own statement: call writes under `patients.lockForWrite`.
 * A write's audit event, when given, is written with it (on PostgreSQL in the same statement).
 */
export interface RecordStore<T> {
  find(id: string): Promise<StoredRecord<T> | undefined>;
  findMany(ids: readonly string[]): Promise<Map<string, StoredRecord<T>>>;
  /** Writes version 1, unless the id is taken: then nothing is written and the answer is undefined. */
  create(
    patientId: string,
    id: string,
    body: T,
    sortKey: string,
    at: string,
    audit: AuditEvent | null,
  ): Promise<{ changeSeq: number } | undefined>;
  /**
   * Writes `baseVersion + 1` if `baseVersion` is the patient's live version of the record and the body
   * differs from the stored one; otherwise nothing is written and the answer is undefined.
   */
  edit(
    patientId: string,
    id: string,
    body: T,
    sortKey: string,
    baseVersion: number,
    at: string,
    audit: AuditEvent | null,
  ): Promise<{ version: number; changeSeq: number } | undefined>;
  /** Leaves a tombstone over the live `baseVersion` (undefined when that is no longer the live version). */
  softDelete(
    patientId: string,
    id: string,
    baseVersion: number,
    at: string,
    audit: AuditEvent | null,
  ): Promise<{ changeSeq: number } | undefined>;
  /** Live records, newest first by their sort key. */
  list(patientId: string, limit: number): Promise<readonly StoredRecord<T>[]>;
  /** The bodies of live records whose sort key is within [from, to), in sort-key order (one index range scan). */
  listBetween(patientId: string, from: string, to: string): Promise<readonly T[]>;
  /**
   * One field of the live records whose sort key is within [from, to), as [sort key, value] in no
   * particular order: the same range scan, with the field read by the database so no body is parsed here. `path`
   * is a field path fixed in code (never input); the value is the database's reading of it (a number,
   * text or null).
   */
  fieldBetween(patientId: string, from: string, to: string, path: readonly string[]): Promise<readonly (readonly [string, unknown])[]>;
}

/** One change of the feed: the record's kind, id and state after the write, its body as stored JSON text. */
export interface RecordChange {
  readonly kind: string;
  readonly id: string;
  readonly version: number;
  readonly changeSeq: number;
  readonly updatedAt: string;
  readonly deleted: boolean;
  /** `null` for a tombstone. */
  readonly bodyJson: string;
}

/** The patient's change feed: every write of every kind, in the order it was made. */
export interface RecordFeedStore {
  /** Changes after `afterSeq`, oldest first (of one kind only when `kind` is given). */
  listChanges(patientId: string, afterSeq: number, limit: number, kind?: string): Promise<readonly RecordChange[]>;
  /** The last change sequence of the patient (0 before any write). Sequences only grow. */
  lastChangeSeq(patientId: string): Promise<number>;
}
