// PostgreSQL: hears the profile changes the database announces (see session-cache.ts and migration
// 0023), on a connection of its own outside the pool, and counts each one. While it cannot be sure it
// hears, the cache must not be trusted: `hearing()` says so, and a reconnection counts a change,
// because anything may have happened meanwhile.
//
// A connection can die without a word (a failover, a firewall dropping idle connections, a half-open
// socket): no error, no end, just silence. So the listener sends itself a heartbeat through the same
// channel and trusts the connection only while heartbeats come back; a silent one is replaced.
import pg from 'pg';
import { PROFILE_CHANGE_CHANNEL, type ProfileChanges } from './session-cache.ts';

/** The payload of a heartbeat: heard, it proves the channel works; it is not a change. */
const HEARTBEAT = 'heartbeat';

export interface ProfileChangeListener {
  hearing(): boolean;
  close(): Promise<void>;
}

export interface ListenerOptions {
  readonly retryMs?: number;
  /** How often a heartbeat is sent; the connection is trusted until three have gone unheard. */
  readonly heartbeatMs?: number;
  readonly onConnectionError?: (error: Error) => void;
}

export function listenForProfileChanges(url: string, changes: ProfileChanges, options: ListenerOptions = {}): ProfileChangeListener {
  const retryMs = options.retryMs ?? 1000;
  const heartbeatMs = options.heartbeatMs ?? 2000;
  let client: pg.Client | undefined;
  let listening = false;
  let lastHeard = 0;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const lost = (which: pg.Client, error?: Error): void => {
    if (client !== which) return;
    listening = false;
    client = undefined;
    if (error) options.onConnectionError?.(error);
    which.end().catch(() => {});
    if (!closed) retry = setTimeout(connect, retryMs).unref();
  };

  const connect = (): void => {
    // Named, so that an operator sees what the connection is for in pg_stat_activity.
    const c = new pg.Client({ connectionString: url, keepAlive: true, application_name: 'painwise-profile-listener' });
    client = c;
    c.on('error', (error) => lost(c, error));
    c.on('end', () => lost(c));
    c.on('notification', (n) => {
      lastHeard = Date.now();
      if (n.payload !== HEARTBEAT) changes.changed();
    });
    c.connect()
      .then(() => c.query(`listen ${PROFILE_CHANGE_CHANNEL}`))
      .then(() => {
        if (client !== c) return;
        changes.changed();
        lastHeard = Date.now();
        listening = true;
      })
      .catch((error: Error) => lost(c, error));
  };

  const heartbeat = setInterval(() => {
    const c = client;
    if (!c || !listening) return;
    if (Date.now() - lastHeard > 3 * heartbeatMs) {
      lost(c, new Error('no heartbeat came back on the listening connection'));
      return;
    }
    c.query(`select pg_notify('${PROFILE_CHANGE_CHANNEL}', '${HEARTBEAT}')`).catch((error: Error) => lost(c, error));
  }, heartbeatMs).unref();

  connect();
  return {
    hearing: () => listening && Date.now() - lastHeard <= 3 * heartbeatMs,
    async close() {
      closed = true;
      listening = false;
      clearInterval(heartbeat);
      if (retry) clearTimeout(retry);
      const c = client;
      client = undefined;
      await c?.end().catch(() => {});
    },
  };
}
