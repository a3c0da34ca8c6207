// The session cache against real databases: threads of one process share the count of changes, and on
// PostgreSQL another process's change reaches the cache through its listener before it is trusted again.
import net from 'node:net';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../../test/support/dialects.ts';
import { createKyselyStore } from './kysely-store.ts';
import { PROFILE_UNCHANGED_BY } from './repositories-over.ts';
import { profileChanges, profileChangesBuffer } from './session-cache.ts';
import { listenForProfileChanges } from './profile-change-listener.ts';
import { openDatabase } from './database.ts';
import type { Repositories } from '../app/ports.ts';

const at = '2026-12-08T10:00:00.000Z';
const later = '2026-12-08T11:00:00.000Z';

async function seedSession(store: ReturnType<typeof createKyselyStore>, id: string): Promise<void> {
  await store.users.insert({ id: `u-${id}`, email: `${id}@example.test`, displayName: 'Before', passwordHash: 'x', createdAt: at });
  await store.sessions.insert({
    id,
    userId: `u-${id}`,
    csrfToken: 'c',
    createdAt: at,
    lastSeenAt: at,
    idleExpiresAt: later,
    absoluteExpiresAt: later,
    secondFactor: null,
  });
}

describe('every method the cache relies on as unchanging exists', () => {
  it.each(Object.entries(PROFILE_UNCHANGED_BY))('%s', async (key, names) => {
    const database = await createTestDatabase('sqlite');
    try {
      const repository = createKyselyStore(database.handle)[key as keyof Repositories] as unknown as Record<string, unknown>;
      for (const name of names) expect(typeof repository[name], name).toBe('function');
    } finally {
      await database.drop();
    }
  });
});

describe.each(DIALECTS)('the session cache on %s', (dialect) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });

  it('answers from memory until a change, which any thread of the process sees at once', async () => {
    database = await createTestDatabase(dialect);
    const buffer = profileChangesBuffer();
    const options = { sessionCache: { ttlMs: 60_000 } };
    const threadA = createKyselyStore(database.handle, { ...options, profileChanges: profileChanges(buffer) });
    const threadB = createKyselyStore(database.handle, { ...options, profileChanges: profileChanges(buffer) });
    await seedSession(threadA, 's1');
    expect((await threadB.sessions.findWithProfile('s1'))?.profile.user.displayName).toBe('Before');
    // Changed behind the stores' back: B keeps answering what it remembered…
    await database.handle.db.updateTable('user_account').set({ displayName: 'Behind' }).where('id', '=', 'u-s1').execute();
    expect((await threadB.sessions.findWithProfile('s1'))?.profile.user.displayName).toBe('Before');
    // …but a change through any thread's store, in a transaction or not, is seen by the others at once.
    await threadA.users.updateDisplayName('u-s1', 'After');
    expect((await threadB.sessions.findWithProfile('s1'))?.profile.user.displayName).toBe('After');
    await threadA.transaction((tx) => tx.sessions.delete('s1'));
    expect(await threadB.sessions.findWithProfile('s1')).toBeUndefined();
  });

  it('keeps the remembered copy in step with its own touch, and forgets it after its time', async () => {
    database = await createTestDatabase(dialect);
    const store = createKyselyStore(database.handle, { sessionCache: { ttlMs: 200 } });
    await seedSession(store, 's2');
    await store.sessions.findWithProfile('s2');
    await store.sessions.touch('s2', '2026-12-08T10:30:00.000Z', '2026-12-08T11:30:00.000Z');
    expect((await store.sessions.findWithProfile('s2'))?.session).toMatchObject({
      lastSeenAt: '2026-12-08T10:30:00.000Z',
      idleExpiresAt: '2026-12-08T11:30:00.000Z',
    });
    await database.handle.db.updateTable('user_account').set({ displayName: 'Later' }).where('id', '=', 'u-s2').execute();
    await new Promise((r) => setTimeout(r, 250));
    expect((await store.sessions.findWithProfile('s2'))?.profile.user.displayName).toBe('Later');
  });

  it('with a time of 0 reads every lookup from the database', async () => {
    database = await createTestDatabase(dialect);
    const store = createKyselyStore(database.handle, { sessionCache: { ttlMs: 0 } });
    await seedSession(store, 's3');
    await store.sessions.findWithProfile('s3');
    await database.handle.db.deleteFrom('session').where('id', '=', 's3').execute();
    expect(await store.sessions.findWithProfile('s3')).toBeUndefined();
  });
});

describe.runIf(DIALECTS.includes('postgres'))('the session cache across processes on PostgreSQL', () => {
  it('hears another process’s change, and trusts nothing while it cannot hear', async () => {
    const database = await createTestDatabase('postgres');
    const url = database.url!;
    const otherHandle = openDatabase({ dialect: 'postgres', url });
    const changes = profileChanges();
    const listener = listenForProfileChanges(url, changes, { retryMs: 50 });
    try {
      const here = createKyselyStore(database.handle, {
        profileChanges: changes,
        sessionCache: { ttlMs: 60_000, hearing: listener.hearing },
      });
      const elsewhere = createKyselyStore(otherHandle);
      await seedSession(elsewhere, 's4');
      await expect.poll(() => listener.hearing(), { timeout: 5000 }).toBe(true);
      expect((await here.sessions.findWithProfile('s4'))?.profile.user.displayName).toBe('Before');
      await elsewhere.users.updateDisplayName('u-s4', 'Elsewhere');
      await expect
        .poll(async () => (await here.sessions.findWithProfile('s4'))?.profile.user.displayName, { timeout: 5000 })
        .toBe('Elsewhere');
      await elsewhere.transaction((tx) => tx.sessions.deleteForUser('u-s4'));
      await expect.poll(async () => here.sessions.findWithProfile('s4'), { timeout: 5000 }).toBeUndefined();

      // The listener's connection is ended by the server: until it is back, nothing is answered from memory.
      await seedSession(elsewhere, 's5');
      await here.sessions.findWithProfile('s5');
      await sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'painwise-profile-listener' and datname = current_database()`.execute(
        otherHandle.db,
      );
      await expect.poll(() => listener.hearing(), { timeout: 5000 }).toBe(false);
      await otherHandle.db.updateTable('user_account').set({ displayName: 'Unheard' }).where('id', '=', 'u-s5').execute();
      expect((await here.sessions.findWithProfile('s5'))?.profile.user.displayName).toBe('Unheard');
      await expect.poll(() => listener.hearing(), { timeout: 5000 }).toBe(true);
    } finally {
      await listener.close();
      await otherHandle.close();
      await database.drop();
    }
  });

  it('stops trusting a listening connection that falls silent without closing, and replaces it', async () => {
    const database = await createTestDatabase('postgres');
    const url = new URL(database.url!);
    // A TCP relay that can stop passing bytes without closing either side, as a dead peer or a NAT does.
    let silent = false;
    const relay = net.createServer((inbound) => {
      const upstream = net.connect(Number(url.port || 5432), url.hostname);
      inbound.on('data', (d) => {
        if (!silent) upstream.write(d);
      });
      upstream.on('data', (d) => {
        if (!silent) inbound.write(d);
      });
      inbound.on('error', () => {});
      upstream.on('error', () => {});
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', () => resolve()));
    const relayed = new URL(url.toString());
    relayed.hostname = '127.0.0.1';
    relayed.port = String((relay.address() as net.AddressInfo).port);
    const otherHandle = openDatabase({ dialect: 'postgres', url: database.url! });
    const changes = profileChanges();
    const listener = listenForProfileChanges(relayed.toString(), changes, { retryMs: 50, heartbeatMs: 100 });
    try {
      const here = createKyselyStore(database.handle, {
        profileChanges: changes,
        sessionCache: { ttlMs: 60_000, hearing: listener.hearing },
      });
      const elsewhere = createKyselyStore(otherHandle);
      await seedSession(elsewhere, 's6');
      await expect.poll(() => listener.hearing(), { timeout: 5000 }).toBe(true);
      expect(await here.sessions.findWithProfile('s6')).toBeDefined();
      silent = true;
      await elsewhere.sessions.delete('s6');
      // Within three unanswered heartbeats the thread reads from the database again: the sign-out holds.
      await expect.poll(() => listener.hearing(), { timeout: 5000 }).toBe(false);
      expect(await here.sessions.findWithProfile('s6')).toBeUndefined();
      // Once the relay passes bytes again, a new connection listens and the cache is trusted once more.
      silent = false;
      await expect.poll(() => listener.hearing(), { timeout: 10_000 }).toBe(true);
    } finally {
      silent = false;
      await listener.close();
      await otherHandle.close();
      relay.close();
      await database.drop();
    }
  }, 30_000);
});
