// PostgreSQL: hears the profile changes other processes announce (see session-cache.ts), on a
// connection of its own outside the pool, and counts each one. While the connection is down nothing
// can be heard, so the cache must not be trusted: `hearing()` says so, and a reconnection counts a
// change, because anything may have happened meanwhile.
import pg from 'pg';
import { PROFILE_CHANGE_CHANNEL, type ProfileChanges } from './session-cache.ts';

export interface ProfileChangeListener {
  hearing(): boolean;
  close(): Promise<void>;
}

export function listenForProfileChanges(
  url: string,
  changes: ProfileChanges,
  options: { readonly retryMs?: number; readonly onConnectionError?: (error: Error) => void } = {},
): ProfileChangeListener {
  const retryMs = options.retryMs ?? 1000;
  let client: pg.Client | undefined;
  let hearing = false;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const lost = (which: pg.Client, error?: Error): void => {
    if (client !== which) return;
    hearing = false;
    client = undefined;
    if (error) options.onConnectionError?.(error);
    which.end().catch(() => {});
    if (!closed) retry = setTimeout(connect, retryMs).unref();
  };

  const connect = (): void => {
    const c = new pg.Client({ connectionString: url });
    client = c;
    c.on('error', (error) => lost(c, error));
    c.on('end', () => lost(c));
    c.on('notification', () => changes.changed());
    c.connect()
      .then(() => c.query(`listen ${PROFILE_CHANGE_CHANNEL}`))
      .then(() => {
        if (client !== c) return;
        changes.changed();
        hearing = true;
      })
      .catch((error: Error) => lost(c, error));
  };

  connect();
  return {
    hearing: () => hearing,
    async close() {
      closed = true;
      hearing = false;
      if (retry) clearTimeout(retry);
      const c = client;
      client = undefined;
      await c?.end().catch(() => {});
    },
  };
}
