// What one record write costs the database: the statements a create and an edit run inside their
// transaction, for a diary entry and for other kinds of the record engine (a flare, a condition). A
// write does the record row and its audit row and nothing derived, so the count is small and fixed; a
// change that adds a projection or a counter to the write path fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/support/dialects.ts';
import { statementsDuring } from '../../test/support/statement-log.ts';
import { createTestApp, signUp, type Client, type TestApp } from '../../test/support/test-app.ts';

const entry = (intensity: number) => ({
  localDate: '2026-06-01',
  localTime: '13:55',
  timeZone: 'Europe/Berlin',
  recordedAt: '2026-06-01T12:00:00Z',
  intensity,
  regions: [
    { code: 'lumbar-spine', intensity: 5, qualities: ['aching'] },
    { code: 'knee-left', intensity: 3, qualities: [] },
    { code: 'thigh-left', intensity: 4, qualities: [] },
  ],
  medicines: [
    { name: 'Ibuprofen', dose: 400, unit: 'mg', takenAt: '08:00', regimen: 'scheduled', formularyId: 'ibuprofen' },
    { name: 'Paracetamol', dose: 1, unit: 'g', takenAt: '12:30', regimen: 'as-needed', formularyId: 'acetaminophen' },
  ],
  mode: 'real-time',
});

/** The statements of the write transaction: from its BEGIN to its COMMIT, both included. */
function transactionOf(statements: readonly string[]): string[] {
  const begin = statements.findIndex((s) => /^\s*begin\b/i.test(s));
  const commit = statements.findIndex((s) => /^\s*commit\b/i.test(s));
  if (begin < 0 || commit < begin) throw new Error(`No transaction among: ${statements.join(' | ')}`);
  return statements.slice(begin, commit + 1);
}

/** On SQLite the group commit wraps each unit of work in a savepoint; the unit's own statements are what it costs. */
const withoutGroupCommit = (statements: readonly string[]) =>
  statements.filter((s) => !/^\s*(begin|commit|savepoint|release|rollback)\b/i.test(s));

/** A kind of record: where it is written and a body for it (different `n`, different bodies). */
interface Kind {
  readonly name: string;
  readonly path: string;
  body(n: number): Record<string, unknown>;
}
const KINDS: readonly Kind[] = [
  { name: 'diary entry', path: 'diary-entries', body: entry },
  {
    name: 'flare',
    path: 'flares',
    body: (n) => ({ startedAt: '2026-05-20T08:00:00Z', endedAt: null, timeZone: 'UTC', peakIntensity: n }),
  },
  {
    name: 'condition',
    path: 'conditions',
    body: (n) => ({ label: `Low back pain ${n}`, mechanism: 'nociceptive', onsetDate: '2026-01-01' }),
  },
];

describe.each(DIALECTS.flatMap((d) => KINDS.map((k) => [k.name, d, k] as const)))(
  'the cost of a %s write on %s',
  (_name, dialect, kind) => {
    let t: TestApp;
    let patient: Client;
    let pid: string;
    const url = (id: string) => `/api/patients/${pid}/${kind.path}/${id}`;
    const entry = kind.body;

    beforeAll(async () => {
      t = await createTestApp(dialect);
      const s = await signUp(t.app, { patient: true, timeZone: 'Europe/Berlin' });
      patient = s.client;
      pid = s.me.patient!.id;
      // A first write, so the measured ones find the database warm (prepared statements, pooled connection).
      await patient.request('PUT', url('019a0000-0000-7000-8000-00000000c000'), entry(4));
    });
    afterAll(async () => {
      await t.close();
    });

    // BEGIN sent together with the lock on the patient's row, one statement that writes the row with
    // its audit row, COMMIT.
    const MAX_ROUND_TRIPS = 3;
    // The whole request: the session lookup before the transaction, and the transaction.
    const MAX_REQUEST_ROUND_TRIPS = 4;
    // On SQLite (in process, no round trips): the read, the row, its audit row.
    const MAX_SQLITE_STATEMENTS = 3;

    it('creates a record with the record row and its audit row only', async () => {
      let status = 0;
      const statements = await statementsDuring(t, async () => {
        status = (await patient.request('PUT', url('019a0000-0000-7000-8000-00000000c001'), entry(5))).statusCode;
      });
      expect(status).toBe(201);
      const tx = transactionOf(statements);
      const writes = tx.filter((s) => /^\s*(insert|update|delete|with)\b/i.test(s));
      expect(writes.join('\n')).not.toMatch(/entry_region|entry_medication|day_summary|diary_seq/);
      if (dialect === 'postgres') {
        expect(tx, tx.join('\n')).toHaveLength(MAX_ROUND_TRIPS);
        expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(MAX_REQUEST_ROUND_TRIPS);
      } else expect(withoutGroupCommit(tx).length, tx.join('\n')).toBeLessThanOrEqual(MAX_SQLITE_STATEMENTS);
    });

    it('edits a record with the record row and its audit row only', async () => {
      const id = '019a0000-0000-7000-8000-00000000c002';
      expect((await patient.request('PUT', url(id), entry(5))).statusCode).toBe(201);
      let status = 0;
      const statements = await statementsDuring(t, async () => {
        status = (await patient.request('PUT', url(id), entry(7), { 'if-match': '"1"' })).statusCode;
      });
      expect(status).toBe(200);
      const tx = transactionOf(statements);
      const writes = tx.filter((s) => /^\s*(insert|update|delete|with)\b/i.test(s));
      expect(writes.join('\n')).not.toMatch(/entry_region|entry_medication|day_summary|diary_seq/);
      if (dialect === 'postgres') {
        expect(tx, tx.join('\n')).toHaveLength(MAX_ROUND_TRIPS);
        expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(MAX_REQUEST_ROUND_TRIPS);
      } else expect(withoutGroupCommit(tx).length, tx.join('\n')).toBeLessThanOrEqual(MAX_SQLITE_STATEMENTS);
    });
  },
);

describe.each(DIALECTS)('the cost of a questionnaire submission on %s', (dialect) => {
  let t: TestApp;
  let patient: Client;
  let pid: string;
  const peg = { instrumentId: 'peg', answers: { 1: 6, 2: 7, 3: 4 } };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const s = await signUp(t.app, { patient: true, timeZone: 'Europe/Berlin' });
    patient = s.client;
    pid = s.me.patient!.id;
    // A first one, so the measured one finds the database warm and has a previous score to compare with.
    expect((await patient.request('POST', `/api/patients/${pid}/instrument-responses`, peg)).statusCode).toBe(201);
  });
  afterAll(async () => {
    await t.close();
  });

  it('reads the previous score, then writes the response, what it completes and its audit rows together', async () => {
    let status = 0;
    const statements = await statementsDuring(t, async () => {
      status = (await patient.request('POST', `/api/patients/${pid}/instrument-responses`, peg)).statusCode;
    });
    expect(status).toBe(201);
    const tx = transactionOf(statements);
    if (dialect === 'postgres') {
      // BEGIN with the lock, the previous score, the one writing statement, COMMIT.
      expect(tx, tx.join('\n')).toHaveLength(4);
      expect(tx.filter((s) => /audit_event/.test(s) && /instrument_response/.test(s) && /instrument_due/.test(s))).toHaveLength(1);
    } else expect(withoutGroupCommit(tx).length, tx.join('\n')).toBeLessThanOrEqual(6);
  });
});
