// The storage port of the record engine: how a versioned record of one patient is kept.

/**
 * A versioned record of one patient kept by the record engine (flares, block diaries, conditions,
 * orders, procedures, conservative care, taper plans, the naloxone check). A delete leaves a
 * tombstone (`deletedAt`) that keeps its id, so a device that missed the delete cannot bring it back.
 */
export interface StoredRecord<T> {
  readonly id: string;
  readonly patientId: string;
  readonly version: number;
  readonly updatedAt: string;
  readonly deletedAt: string | null;
  readonly body: T;
}

export interface RecordStore<T> {
  find(id: string): Promise<StoredRecord<T> | undefined>;
  insert(patientId: string, id: string, body: T, sortAt: string, at: string): Promise<void>;
  /** Writes `version` only over `version - 1`; false when someone else changed it first. */
  update(patientId: string, id: string, body: T, sortAt: string, version: number, at: string): Promise<boolean>;
  softDelete(patientId: string, id: string, version: number, at: string): Promise<boolean>;
  /** Live records, newest first by their sort key. */
  list(patientId: string, limit: number): Promise<readonly StoredRecord<T>[]>;
}
