// Every authenticated request begins by reading its session with the person's profile: one round trip
// that, on PostgreSQL, costs several times the rest of a small read. A serving thread keeps the lookups
// it made for a few seconds and answers from them, as long as nothing a profile is read from has
// changed since (sessions, accounts, memberships, clinic settings, second factors, patient records).
//
// Staleness is ruled out by counting changes rather than by timing them: every write to those tables
// adds one to a counter shared by the threads of the process (and, on PostgreSQL, announced to the
// other processes, whose listeners add one to theirs), and a remembered lookup is used only while the
// counter still reads what it read before the lookup went to the database. The time limit only bounds
// how long a quiet session's lookup is kept.
import type { ActorProfile, Session } from '../app/model.ts';

/** The PostgreSQL notification channel on which processes announce profile changes to one another. */
export const PROFILE_CHANGE_CHANNEL = 'painwise_profile_change';

export interface ProfileChanges {
  /** How many changes were counted so far. */
  count(): number;
  /** Counts one change: lookups remembered before it are no longer used. */
  changed(): void;
}

/** The memory the counter lives in; give the same buffer to every thread of a process. */
export function profileChangesBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
}

export function profileChanges(buffer: SharedArrayBuffer = profileChangesBuffer()): ProfileChanges {
  const cell = new Int32Array(buffer);
  return {
    count: () => Atomics.load(cell, 0),
    changed: () => {
      Atomics.add(cell, 0, 1);
    },
  };
}

export type SessionWithProfile = { readonly session: Session; readonly profile: ActorProfile };

export interface SessionCacheOptions {
  /** How long a lookup is kept at most; 0 turns the cache off. */
  readonly ttlMs: number;
  readonly changes: ProfileChanges;
  /**
   * Whether changes made elsewhere are being heard (PostgreSQL: this thread's listener is connected).
   * While they are not, every lookup goes to the database.
   */
  readonly hearing?: () => boolean;
  readonly maxEntries?: number;
}

export interface SessionCache {
  lookup(id: string, read: (id: string) => Promise<SessionWithProfile | undefined>): Promise<SessionWithProfile | undefined>;
  /** The session's activity was written: keep the remembered copy in step, so it is not touched again. */
  touched(id: string, lastSeenAt: string, idleExpiresAt: string): void;
}

interface Remembered {
  readonly found: SessionWithProfile;
  readonly count: number;
  readonly at: number;
}

export function sessionCache(options: SessionCacheOptions): SessionCache {
  const entries = new Map<string, Remembered>();
  const maxEntries = options.maxEntries ?? 10_000;
  return {
    async lookup(id, read) {
      if (options.ttlMs <= 0) return read(id);
      const usable = options.hearing?.() ?? true;
      // Read before the database is: a change that commits after this point makes the copy unusable.
      const count = options.changes.count();
      const now = performance.now();
      if (usable) {
        const hit = entries.get(id);
        if (hit && hit.count === count && now - hit.at < options.ttlMs) return hit.found;
      }
      const found = await read(id);
      entries.delete(id);
      if (found && usable) {
        // Oldest first: a Map iterates in insertion order.
        if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
        entries.set(id, { found, count, at: now });
      }
      return found;
    },
    touched(id, lastSeenAt, idleExpiresAt) {
      const hit = entries.get(id);
      if (hit) entries.set(id, { ...hit, found: { ...hit.found, session: { ...hit.found.session, lastSeenAt, idleExpiresAt } } });
    },
  };
}
