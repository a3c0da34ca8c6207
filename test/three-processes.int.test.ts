// Several server processes on one PostgreSQL database, behind a client that spreads requests over them
// as a load balancer would: one patient's diary written through all of them at once keeps every
// acknowledged write with the right versions, background jobs run once however many processes poll,
// a session works on every process and ends on all of them, and a process killed in the middle of
// writes loses none it acknowledged. Sizes are small for CI; PAINWISE_TEST_MULTIPROC_* raise them.
import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { uuidv7 } from '../src/app/system.ts';
import { Balancer, pool } from './support/balancer.ts';
import { DIALECTS } from './support/dialects.ts';
import { signUpOverHttp, type HttpUser } from './support/http-user.ts';
import { createEmptyPostgresDatabase, waitFor, type EmptyPostgresDatabase } from './support/postgres-database.ts';
import { startServerProcess, type ServerProcess } from './support/server-process.ts';

const size = (name: string, ci: number) => Number(process.env[`PAINWISE_TEST_MULTIPROC_${name}`] || ci);
const ENTRIES = size('ENTRIES', 45);
const RACES = size('RACES', 12);
const ASSIGNMENTS = size('ASSIGNMENTS', 40);
const KILL_WRITES = size('KILL_WRITES', 150);
const IN_FLIGHT = 12;
/** Per test: 30 s at CI size, more in proportion for a bigger run. */
const TIMEOUT_MS = 30_000 * Math.max(1, ENTRIES / 45, RACES / 12, ASSIGNMENTS / 40, KILL_WRITES / 150);
// Every process polls often, so their claims on the job table meet.
const JOB_POLL_MS = 100;
const PROCESSES = 3;

const figures: Record<string, unknown> = { sizes: { entries: ENTRIES, races: RACES, assignments: ASSIGNMENTS, killWrites: KILL_WRITES } };

const newId = () => uuidv7(Date.now(), crypto.randomInt(4096));
const entry = (notes: string, intensity = 4) => ({
  localDate: '2026-11-20',
  localTime: '09:00',
  timeZone: 'UTC',
  recordedAt: '2026-11-20T09:00:00.000Z',
  intensity,
  notes,
});

interface Stored {
  readonly id: string;
  readonly version: number;
  readonly changeSeq: number;
  readonly deleted: boolean;
  readonly entry: { notes?: string; intensity: number } | null;
}

describe.runIf(DIALECTS.includes('postgres'))('three server processes on one PostgreSQL', () => {
  let database: EmptyPostgresDatabase;
  let servers: ServerProcess[] = [];
  let lb: Balancer;
  let admin: pg.Client;
  let user: HttpUser;

  beforeAll(async () => {
    database = await createEmptyPostgresDatabase();
    // Started together: they migrate the same empty database and schedule their recurring jobs at once.
    servers = await Promise.all(
      Array.from({ length: PROCESSES }, () =>
        startServerProcess({ DATABASE_URL: database.url, PAINWISE_HTTP_THREADS: '1', PAINWISE_JOB_POLL_MS: String(JOB_POLL_MS) }),
      ),
    );
    lb = new Balancer(servers);
    admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    user = await signUpOverHttp(servers[0]!.baseUrl);
  }, 120_000);
  afterAll(async () => {
    console.log(`three processes: ${JSON.stringify(figures)}`);
    await Promise.all(servers.map((s) => s.stop('SIGKILL')));
    await admin?.end();
    await database?.drop();
  });

  const send = (method: string, path: string, body?: unknown, extra: Record<string, string> = {}, via?: number) =>
    lb.fetch(path, { method, headers: { ...user.headers, ...extra }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }, via);
  const entryPath = (id: string) => `/api/patients/${user.patientId}/diary-entries/${id}`;

  /** The whole diary feed, paged through the processes in turn. */
  async function pullAll(limit = 50): Promise<Map<string, Stored>> {
    const all = new Map<string, Stored>();
    let since = '';
    for (;;) {
      const { res } = await send('GET', `/api/patients/${user.patientId}/diary-entries?limit=${limit}${since && `&since=${since}`}`);
      expect(res.status).toBe(200);
      const page = (await res.json()) as { items: Stored[]; cursor: string; hasMore: boolean };
      for (const item of page.items) all.set(item.id, item);
      since = page.cursor;
      if (!page.hasMore) return all;
    }
  }

  it('a session made on one process works on the others, and signing out on one ends it on all', async () => {
    const email = `${crypto.randomUUID()}@example.test`;
    await signUpOverHttp(servers[0]!.baseUrl, email);
    const credentials = JSON.stringify({ email, password: 'a long enough test password' });
    const signIn = await lb.fetch(
      '/api/auth/sign-in',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: credentials },
      1,
    );
    expect(signIn.res.status).toBe(200);
    const { csrfToken } = (await signIn.res.json()) as { csrfToken: string };
    const cookie = signIn.res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const me = (via: number) => lb.fetch('/api/me', { headers: { cookie } }, via).then(({ res }) => res.status);
    for (let i = 0; i < PROCESSES; i++) expect(await me(i)).toBe(200);
    const out = await lb.fetch('/api/auth/sign-out', { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } }, 2);
    expect(out.res.status).toBe(204);
    for (let i = 0; i < PROCESSES; i++) expect(await me(i)).toBe(401);
  });

  it(
    'keeps every acknowledged diary write with its version when written through all processes at once',
    async () => {
      // A device pulls the feed through the processes in turn, in small pages, while the writes go on.
      let writing = true;
      // Should a write fail the test, the device stops pulling too.
      onTestFinished(() => {
        writing = false;
      });
      const seen: Stored[] = [];
      const puller = (async () => {
        let since = '';
        for (;;) {
          const done = !writing;
          const { res } = await send('GET', `/api/patients/${user.patientId}/diary-entries?limit=7${since && `&since=${since}`}`);
          expect(res.status).toBe(200);
          const page = (await res.json()) as { items: Stored[]; cursor: string; hasMore: boolean };
          seen.push(...page.items);
          since = page.cursor;
          if (done && !page.hasMore) return;
        }
      })();

      // Creates, each sent twice at once through two different processes (a client retrying elsewhere
      // before its first attempt answered): one creates, the other is told the stored version.
      const created = new Map<string, { version: number; notes: string }>();
      const createStatuses: number[] = [];
      await pool(
        Array.from({ length: ENTRIES }, (_, i) => i),
        IN_FLIGHT / 2,
        async (i) => {
          const id = newId();
          const body = entry(`created ${i}`);
          const first = lb.next();
          const answers = await Promise.all([
            send('PUT', entryPath(id), body, {}, first),
            send('PUT', entryPath(id), body, {}, (first + 1) % PROCESSES),
          ]);
          const bodies = (await Promise.all(answers.map(({ res }) => res.json()))) as { status: string; version: number }[];
          createStatuses.push(...answers.map(({ res }) => res.status));
          expect(answers.map(({ res }) => res.status).sort()).toEqual([200, 201]);
          expect(bodies.map((b) => b.status).sort()).toEqual(['created', 'unchanged']);
          expect(bodies.map((b) => b.version)).toEqual([1, 1]);
          created.set(id, { version: 1, notes: body.notes });
        },
      );

      // Races: one edit per process at once, all made on the same version. Exactly one wins.
      const raced = [...created.keys()].slice(0, RACES);
      let winners = 0;
      let conflicts = 0;
      await pool(raced, IN_FLIGHT / PROCESSES, async (id) => {
        const base = created.get(id)!.version;
        const answers = await Promise.all(
          Array.from({ length: PROCESSES }, (_, p) =>
            send('PUT', entryPath(id), entry(`race ${id} via ${p}`, 5 + p), { 'if-match': `"${base}"` }, p),
          ),
        );
        const statuses = answers.map(({ res }) => res.status);
        expect([...statuses].sort()).toEqual([200, ...Array<number>(PROCESSES - 1).fill(409)]);
        const bodies = (await Promise.all(answers.map(({ res }) => res.json()))) as {
          status?: string;
          version?: number;
          code?: string;
          current?: { version: number };
        }[];
        const won = statuses.indexOf(200);
        expect(bodies[won]!.version).toBe(base + 1);
        for (const [p, b] of bodies.entries()) {
          if (p === won) continue;
          expect(b.code).toBe('diary-entry-conflict');
          expect(b.current!.version).toBe(base + 1);
        }
        winners++;
        conflicts += PROCESSES - 1;
        created.set(id, { version: base + 1, notes: `race ${id} via ${won}` });
      });
      writing = false;
      await puller;
      figures.createAnswers = { 201: createStatuses.filter((s) => s === 201).length, 200: createStatuses.filter((s) => s === 200).length };
      figures.races = { raced: raced.length, winners, conflicts };

      // The feed read while writing: each change once, in order, and its last word on every entry is the
      // acknowledged one; nothing acknowledged is missing from a pull afterwards either.
      const seqs = seen.map((s) => s.changeSeq);
      expect(seqs).toEqual([...new Set(seqs)].sort((a, b) => a - b));
      const lastSeen = new Map(seen.map((s) => [s.id, s]));
      const final = await pullAll();
      figures.feedChangesSeen = seen.length;
      for (const stored of [lastSeen, final]) {
        expect(stored.size).toBe(created.size);
        for (const [id, want] of created) {
          expect(stored.get(id)?.version, id).toBe(want.version);
          expect(stored.get(id)?.entry?.notes, id).toBe(want.notes);
        }
      }
    },
    TIMEOUT_MS,
  );

  it(
    'runs each due job once while every process polls the job table',
    async () => {
      const soon = Date.now() + 1_500;
      const assigned: string[] = [];
      await pool(
        Array.from({ length: ASSIGNMENTS }, (_, i) => i),
        IN_FLIGHT,
        async (i) => {
          const id = newId();
          // Half once, half daily (the next one tomorrow): all due at the same moment.
          const at = new Date(soon).toISOString();
          const schedule = i % 2 === 0 ? { kind: 'once', dueAt: at } : { kind: 'recurring', startAt: at, everyDays: 1, endAt: null };
          const { res } = await send('POST', `/api/patients/${user.patientId}/instrument-assignments`, {
            id,
            instrumentId: 'peg',
            schedule,
          });
          expect(res.status).toBe(201);
          assigned[i] = id;
        },
      );
      const jobsOf = async () =>
        (
          await admin.query<{ assignment_id: string; state: string; attempts: number }>(
            `select payload::json->>'assignmentId' as assignment_id, state, attempts from job where kind = 'instrument-assignment.due'`,
          )
        ).rows;
      const waitingOnLocks = async () =>
        (
          await admin.query<{ n: number }>(
            "select count(*)::int as n from pg_stat_activity where datname = $1 and wait_event_type = 'Lock'",
            [database.name],
          )
        ).rows[0]!.n;
      // Each process polls every JOB_POLL_MS, but two rarely claim in the same millisecond. Holding the job
      // table for a moment queues every process's next claim behind the test; released, they all claim
      // the same rows at once.
      await new Promise((r) => setTimeout(r, Math.max(0, soon - Date.now())));
      const started = Date.now();
      const meetings: number[] = [];
      while ((await jobsOf()).filter((j) => j.state === 'done').length < ASSIGNMENTS) {
        expect(Date.now() - started, 'jobs still not run').toBeLessThan(TIMEOUT_MS);
        await admin.query('begin');
        await admin.query('lock table job in exclusive mode');
        const until = Date.now() + 10 * JOB_POLL_MS;
        while (Date.now() < until && (await waitingOnLocks()) < PROCESSES) await new Promise((r) => setTimeout(r, 10));
        meetings.push(await waitingOnLocks());
        await admin.query('commit');
        await new Promise((r) => setTimeout(r, 4 * JOB_POLL_MS));
      }
      figures.jobsRunWithinMs = Date.now() - started;
      figures.processesHeldAtJobTablePerRound = meetings;
      expect(Math.max(...meetings)).toBe(PROCESSES);
      const jobs = await jobsOf();
      const done = jobs.filter((j) => j.state === 'done');
      // A job claimed twice would show a second attempt.
      expect(done.map((j) => j.attempts)).toEqual(Array<number>(ASSIGNMENTS).fill(1));
      expect(new Set(done.map((j) => j.assignment_id))).toEqual(new Set(assigned));
      // The recurring ones each wait for tomorrow, once.
      const waiting = jobs.filter((j) => j.state === 'pending').map((j) => j.assignment_id);
      expect(waiting.sort()).toEqual(assigned.filter((_, i) => i % 2 === 1).sort());

      const perAssignment = async (query: string) => {
        const { rows } = await admin.query<{ id: string; n: number }>(query);
        return new Map(rows.map((r) => [r.id, r.n]));
      };
      const due = await perAssignment('select assignment_id as id, count(*)::int as n from instrument_due group by assignment_id');
      const audited = await perAssignment(
        `select resource_id as id, count(*)::int as n from audit_event where action = 'instrument-assignment.due' group by resource_id`,
      );
      for (const id of assigned) {
        expect(due.get(id), id).toBe(1);
        expect(audited.get(id), id).toBe(1);
      }
      figures.jobs = {
        ran: done.length,
        dueItems: [...due.values()].reduce((a, b) => a + b, 0),
        claimedTwice: done.filter((j) => j.attempts > 1).length,
      };

      // The processes started together each made sure the recurring housekeeping was scheduled: once.
      const { rows } = await admin.query<{ kind: string; n: number }>(
        `select kind, count(*)::int as n from job where kind <> 'instrument-assignment.due' and state in ('pending', 'running') group by kind order by kind`,
      );
      expect(rows).toEqual([
        { kind: 'maintenance.prune', n: 1 },
        { kind: 'triage.sweep', n: 1 },
      ]);
    },
    TIMEOUT_MS,
  );

  it(
    'loses no acknowledged write when a process is killed in the middle of writes',
    async () => {
      const victim = PROCESSES - 1;
      // Entries to edit while the victim dies, so unacknowledged edits are among the writes cut off too.
      const base = new Map<string, { version: number; notes: string }>();
      await pool(
        Array.from({ length: Math.ceil(KILL_WRITES / 5) }, (_, i) => i),
        IN_FLIGHT,
        async (i) => {
          const id = newId();
          const notes = `before ${i}`;
          const { res } = await send('PUT', entryPath(id), entry(notes));
          expect(res.status).toBe(201);
          base.set(id, { version: 1, notes });
        },
      );
      const editable = [...base.keys()];
      type Attempt = { id: string; notes: string; baseVersion: number | null; via: number; outcome: 'acked' | 'failed' | 'refused' };
      const attempts: Attempt[] = [];
      let inFlightAtVictim = 0;
      let inFlightWhenKilled = -1;
      let killedAfterAcks = -1;
      await pool(
        Array.from({ length: KILL_WRITES }, (_, i) => i),
        IN_FLIGHT,
        async (i) => {
          const edit = i % 3 === 2 && editable.length > 0;
          const id = edit ? editable.pop()! : newId();
          const notes = `write ${i}`;
          const baseVersion = edit ? base.get(id)!.version : null;
          const via = lb.next();
          const attempt: Attempt = { id, notes, baseVersion, via, outcome: 'failed' };
          attempts.push(attempt);
          if (via === victim) inFlightAtVictim++;
          try {
            const { res } = await send('PUT', entryPath(id), entry(notes, 6), edit ? { 'if-match': `"${baseVersion}"` } : {}, via);
            attempt.outcome = res.ok ? 'acked' : 'refused';
            await res.arrayBuffer();
          } catch {
            // The connection died with the process: not acknowledged.
          } finally {
            if (via === victim) inFlightAtVictim--;
          }
          const acked = attempts.filter((a) => a.outcome === 'acked').length;
          if (killedAfterAcks < 0 && acked >= KILL_WRITES / 3 && inFlightAtVictim > 0) {
            killedAfterAcks = acked;
            inFlightWhenKilled = inFlightAtVictim;
            servers[victim]!.child.kill('SIGKILL');
            lb.markDown(victim);
          }
        },
      );
      expect(killedAfterAcks).toBeGreaterThan(0);
      expect(inFlightWhenKilled).toBeGreaterThan(0);
      await waitFor('the victim to exit', () => servers[victim]!.child.signalCode !== null);
      expect(attempts.filter((a) => a.outcome === 'refused')).toEqual([]);

      const stored = await pullAll();
      const lost: Attempt[] = [];
      const torn: Attempt[] = [];
      for (const a of attempts) {
        const s = stored.get(a.id);
        const applied = s?.entry?.notes === a.notes && s.entry.intensity === 6 && s.version === (a.baseVersion ?? 0) + 1;
        if (a.outcome === 'acked' && !applied) lost.push(a);
        if (a.outcome === 'failed' && !applied) {
          // Not applied at all: a create is absent; an edit left the entry exactly as it was.
          const before = base.get(a.id);
          const untouched = before ? s?.version === before.version && s.entry?.notes === before.notes : s === undefined;
          if (!untouched) torn.push(a);
        }
      }
      const failed = attempts.filter((a) => a.outcome === 'failed');
      figures.kill = {
        writes: attempts.length,
        acknowledged: attempts.filter((a) => a.outcome === 'acked').length,
        killedAfterAcks,
        inFlightAtVictimWhenKilled: inFlightWhenKilled,
        unacknowledged: failed.length,
        unacknowledgedButStored: failed.filter((a) => stored.get(a.id)?.entry?.notes === a.notes).length,
        lost: lost.length,
        torn: torn.length,
      };
      expect(lost).toEqual([]);
      expect(torn).toEqual([]);
      // The survivors go on writing this patient's record: the killed process's transaction held nothing.
      const { res } = await send('PUT', entryPath(newId()), entry('after the kill'));
      expect(res.status).toBe(201);
    },
    TIMEOUT_MS,
  );
});
