// Which statements a piece of work sends to the database: on PostgreSQL each `query` call of a pooled
// client (one round trip each), on SQLite each statement the connection prepares (in process).
import pg from 'pg';
import type { TestApp } from './test-app.ts';

export async function statementsDuring(t: TestApp, work: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  if (t.database.dialect === 'postgres') {
    const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
    const original = proto.query;
    proto.query = function (this: unknown, ...args: unknown[]) {
      const text = args[0];
      seen.push(typeof text === 'string' ? text : ((text as { text?: string }).text ?? '?'));
      return original.apply(this, args);
    };
    try {
      await work();
    } finally {
      proto.query = original;
    }
    return seen;
  }
  const sqlite = t.database.handle.sqlite!;
  const { prepare, prepareTuples } = sqlite;
  const s = sqlite as { prepare: typeof prepare; prepareTuples: typeof prepareTuples };
  s.prepare = (text) => {
    seen.push(text);
    return prepare.call(sqlite, text);
  };
  s.prepareTuples = (text) => {
    seen.push(text);
    return prepareTuples.call(sqlite, text);
  };
  try {
    await work();
  } finally {
    s.prepare = prepare;
    s.prepareTuples = prepareTuples;
  }
  return seen;
}
