import type { Kysely, Transaction } from 'kysely';
import type { DatabaseSchema } from '../schema.ts';

/** A connection or an open transaction: repositories never find one on their own. */
export type Executor = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

export function parseJsonArray<T extends string>(text: string): T[] {
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? (value as T[]) : [];
}

export function encodeCursor(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  return /^[0-9a-f-]{36}$/.test(id) ? id : undefined;
}
