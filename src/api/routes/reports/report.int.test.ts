// The doctor-ready report over HTTP on each engine: 90 days of daily check-ins and the rest of a
// record go in through the API, the PDF comes out and is read back with poppler; the patient, a
// caregiver with the read scope and a clinic with it may have it, no one else; bad ranges and
// sections are refused as problem+json.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caregiverOf, clinicianWithAccess } from '../../../../test/support/care-team.ts';
import { DIALECTS } from '../../../../test/support/dialects.ts';
import { pdfInfo, pdfToText } from '../../../../test/support/pdf-reader.ts';
import { dailyEntries, NOTE_MARKER } from '../../../../test/support/report-fixture.ts';
import { createTestApp, signUp, type Client, type TestApp } from '../../../../test/support/test-app.ts';
import type { LocalDate } from '../../../domain/time/local-date.ts';

// The clock is 2026-06-01T12:00Z, 08:00 in New York: the latest full day is 2026-05-31.
const TO = '2026-05-31' as LocalDate;
const FROM = '2026-03-03' as LocalDate;

describe.each(DIALECTS)('the doctor-ready report on %s', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let pid: string;
  const report = (client: Client, query = '') => client.request('GET', `/api/patients/${pid}/report.pdf${query}`);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const s = await signUp(t.app, { patient: true, timeZone: 'America/New_York' });
    owner = s.client;
    pid = s.me.patient!.id;
    for (const e of dailyEntries(90, TO)) {
      const { id, provenance: _provenance, recordedAt: _recordedAt, ...body } = e;
      const r = await owner.request('PUT', `/api/patients/${pid}/diary-entries/${id}`, {
        ...body,
        recordedAt: '2026-06-01T12:00:00Z',
        mode: 'recalled',
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    const peg = await owner.request('POST', `/api/patients/${pid}/instrument-responses`, {
      instrumentId: 'peg',
      answers: { 1: 6, 2: 5, 3: 4 },
      completedAt: '2026-05-20T14:00:00Z',
    });
    expect(peg.statusCode, peg.body).toBe(201);
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('answers the same report as data, for a clinic that may read, and refuses a stranger and a bad section', async () => {
    const { clinician } = await clinicianWithAccess(t, owner, pid, ['read']);
    const r = await clinician.request(
      'GET',
      `/api/patients/${pid}/report?from=${FROM}&to=${TO}&sections=summary,questionnaires,visit-questions`,
    );
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
    const model = r.json();
    expect(model).toMatchObject({ from: FROM, to: TO, days: 90 });
    expect(model.sections.map((s: { id: string }) => s.id)).toEqual(['summary', 'questionnaires', 'visit-questions']);
    expect(JSON.stringify(model.sections[1].blocks)).toContain('PEG');
    expect(model.sections[2].blocks).toEqual([{ kind: 'text', text: 'None recorded.' }]);
    const { client: stranger } = await signUp(t.app, { patient: true });
    expect((await stranger.request('GET', `/api/patients/${pid}/report`)).statusCode).toBe(404);
    const bad = await owner.request('GET', `/api/patients/${pid}/report?sections=summary,horoscope`);
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });

  it('answers a tagged PDF of at most two pages with the chosen sections, not cached', async () => {
    const r = await report(owner, `?from=${FROM}&to=${TO}`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['cache-control']).toBe('no-store');
    const pdf = r.rawPayload;
    const info = pdfInfo(pdf);
    expect(info.Tagged).toBe('yes');
    expect(Number(info.Pages)).toBeLessThanOrEqual(2);
    const text = pdfToText(pdf);
    for (const heading of ['Summary', 'Pain and function trends', 'Where it hurts', 'Flares', 'Medicines and MME', 'Questionnaires']) {
      expect(text).toContain(heading);
    }
    for (const heading of ['What works', 'Care plan and goals', 'Procedures and block-diary relief', 'Questions for the visit']) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('90 of 90 (90 check-ins)');
    expect(text).toContain('PEG');
    // PEG is the mean of its three answers: (6 + 5 + 4) / 3 = 5.
    expect(text).toMatch(/PEG\s+1\s+5 \(2026-05-20\)/);
    expect(text).toContain('Page 1 of');
    expect(text).not.toContain(NOTE_MARKER);
  });

  it('defaults to the latest 90 days up to today in the patient’s zone', async () => {
    const text = pdfToText((await report(owner)).rawPayload);
    expect(text).toContain('2026-03-04 to 2026-06-01');
  });

  it('adds the notes only when they are chosen', async () => {
    const r = await report(owner, `?from=${FROM}&to=${TO}&sections=summary,notes`);
    expect(r.statusCode, r.body).toBe(200);
    const text = pdfToText(r.rawPayload);
    expect(text).toContain(NOTE_MARKER);
    expect(text).not.toContain('Where it hurts');
  });

  it('is the patient’s to give: a caregiver and a clinic with the read scope have it, others are refused', async () => {
    const caregiver = await caregiverOf(t, owner, pid);
    expect((await report(caregiver, '?sections=summary')).statusCode).toBe(200);
    const { clinician } = await clinicianWithAccess(t, owner, pid, ['read']);
    expect((await report(clinician, '?sections=summary')).statusCode).toBe(200);
    const { client: stranger } = await signUp(t.app, { patient: true });
    const refused = await report(stranger, '?sections=summary');
    expect(refused.statusCode).toBe(404);
    expect(refused.headers['content-type']).toContain('application/problem+json');
  });

  it('records each report in the patient’s access log', async () => {
    const log = (await owner.request('GET', `/api/patients/${pid}/access-log`)).json() as { items: { action: string }[] };
    expect(log.items.some((e) => e.action === 'report.read')).toBe(true);
  });

  it.each([
    ['an unknown section', '?sections=summary,gossip', '/querystring/sections'],
    ['an empty section list', '?sections=', '/querystring/sections'],
    ['a date that does not exist', '?from=2026-02-30&to=2026-03-10', '/querystring/from'],
    ['a range that ends before it starts', '?from=2026-05-10&to=2026-05-01', '/querystring/to'],
    ['more than 366 days', '?from=2025-01-01&to=2026-05-01', '/querystring/from'],
    ['a malformed date', '?to=yesterday', '/querystring/to'],
    ['an unknown parameter', '?format=docx', ''],
  ])('refuses %s with problem+json', async (_name, query, pointer) => {
    const r = await report(owner, query);
    expect(r.statusCode, r.body).toBe(400);
    expect(r.headers['content-type']).toContain('application/problem+json');
    if (pointer) expect(JSON.stringify(r.json().errors)).toContain(pointer);
  });
});
