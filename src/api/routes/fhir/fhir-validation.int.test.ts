// Every FHIR resource type the API serves, generated from the demo clinic (six months of diaries,
// questionnaire histories, care plans) and read through the API as a clinician of the clinic, is
// valid against the R4 base StructureDefinitions by Medplum's validator (not our code), with 0
// errors; and every code it carries is from a list it cites: LOINC codes from the instrument
// definitions (instruments.md), SNOMED CT from the body map (docs/body-map.md), HL7 codes from the
// R4 code systems, and Painwise's own codes from the vocabularies they name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../../cli/commands/demo.ts';
import { BODY_REGIONS, LATERALITY_QUALIFIERS } from '../../../domain/diary/body-map.ts';
import { ENTRY_MODES, ENTRY_SOURCES, PAIN_QUALITIES } from '../../../domain/diary/entry-vocabulary.ts';
import { INSTRUMENTS } from '../../../domain/instruments/index.ts';
import { LOINC, PAINWISE_SYSTEM, SNOMED, UCUM } from '../../../interop/fhir/common.ts';
import { DIARY_MEASURES } from '../../../interop/fhir/diary-observations.ts';
import { CLINICAL_SYSTEM } from '../../../interop/fhir/clinical.ts';
import { PAIN_MECHANISMS } from '../../../domain/care-plan/condition.ts';
import { FORMULARY_DATA } from '../../../domain/medications/formulary-data.ts';
import { PROCEDURE_TYPES } from '../../../app/care-plan-records.ts';
import { DIALECTS } from '../../../../test/support/dialects.ts';
import { hl7CodeSystems, validationErrors } from '../../../../test/support/fhir-validator.ts';
import { Client, createTestApp, type TestApp } from '../../../../test/support/test-app.ts';

const PASSWORD = 'demo password for the FHIR tests';

/** The codes each system may carry, from the lists they are cited in. */
function citedCodes(): Map<string, Set<string>> {
  const loinc = new Set<string>(['72514-3']); // instruments.md §1, the 0–10 NRS
  for (const d of INSTRUMENTS) {
    for (const c of [d.loinc.panel, d.loinc.score]) if (c) loinc.add(c);
    for (const item of d.items) {
      if (item.loinc) loinc.add(item.loinc);
      for (const o of item.options) if (o.loinc) loinc.add(o.loinc);
    }
  }
  const snomed = new Set<string>(Object.values(LATERALITY_QUALIFIERS).map((q) => q.code));
  for (const r of BODY_REGIONS) if (r.snomed) snomed.add(r.snomed.code);
  return new Map<string, Set<string>>([
    ...hl7CodeSystems(),
    [LOINC, loinc],
    [SNOMED, snomed],
    [UCUM, new Set(['h', 'min', '{score}', 'mg', 'ug/h'])],
    [CLINICAL_SYSTEM.painMechanism, new Set(PAIN_MECHANISMS)],
    [CLINICAL_SYSTEM.procedureType, new Set(PROCEDURE_TYPES)],
    [CLINICAL_SYSTEM.formulary, new Set(FORMULARY_DATA.map((d) => d.id))],
    [PAINWISE_SYSTEM.diaryMeasure, new Set(Object.keys(DIARY_MEASURES))],
    [PAINWISE_SYSTEM.painQuality, new Set(PAIN_QUALITIES)],
    [PAINWISE_SYSTEM.entryMode, new Set(ENTRY_MODES)],
    [PAINWISE_SYSTEM.entrySource, new Set(ENTRY_SOURCES)],
    [PAINWISE_SYSTEM.questionnaireScore, new Set(INSTRUMENTS.map((d) => d.id))],
  ]);
}

/** Every coding (anything with a system and a code) anywhere inside `value`. */
function codingsIn(value: unknown, out: { system: string; code: string }[] = []): { system: string; code: string }[] {
  if (Array.isArray(value)) for (const v of value) codingsIn(v, out);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.system === 'string' && typeof o.code === 'string') out.push({ system: o.system, code: o.code });
    for (const v of Object.values(o)) codingsIn(v, out);
  }
  return out;
}

describe.each(DIALECTS)('FHIR resources from the demo clinic on %s', (dialect) => {
  let t: TestApp;
  const physician = { client: undefined as unknown as Client };
  const patientIds: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const summary = await loadDemo(t.deps, PASSWORD);
    physician.client = new Client(t.app);
    const signIn = await physician.client.request('POST', '/api/auth/sign-in', {
      email: summary.staff.find((s) => s.role === 'physician')!.email,
      password: PASSWORD,
    });
    expect(signIn.statusCode).toBe(200);
    for (const p of summary.patients.filter((p) => p.sharing === 'active')) {
      const user = await t.deps.store.users.findByEmail(p.email);
      patientIds.push((await t.deps.store.patients.findByUserId(user!.id))!.id);
    }
    // The demo's diaries are the patients' own, in the moment; add one a caregiver recalled and one a
    // clinician entered, with the measures the demo leaves out (worst and least, a region not rated,
    // a region without a confirmed code).
    const now = t.clock.now();
    const entry = (at: Date, extra: Record<string, unknown>) => ({
      localDate: at.toISOString().slice(0, 10),
      localTime: at.toISOString().slice(11, 16),
      timeZone: 'UTC',
      recordedAt: now.toISOString(),
      intensity: 5,
      worstSinceLast: 8,
      leastSinceLast: 2,
      regions: [
        { code: 'upper-back-left', intensity: 4, qualities: ['pressing'] },
        { code: 'knee-right', intensity: null, qualities: [] },
        { code: 'head', intensity: 3, qualities: [] },
      ],
      interference: { activity: 5, sleep: 4, mood: 3, stress: 4 },
      sleep: { hours: 6.5, quality: 'poor' },
      ...extra,
    });
    const caregiver = new Client(t.app);
    await caregiver.request('POST', '/api/auth/sign-in', { email: summary.caregivers[0]!.email, password: PASSWORD });
    const base = `/api/patients/${patientIds[0]}/diary-entries`;
    const recalled = await caregiver.request(
      'PUT',
      `${base}/019a0000-0000-7000-8000-00000000f001`,
      entry(new Date(now.getTime() - 5 * 3_600_000), { mode: 'recalled' }),
    );
    expect(recalled.statusCode, recalled.body).toBe(201);
    const byClinician = await physician.client.request('PUT', `${base}/019a0000-0000-7000-8000-00000000f002`, entry(now, {}));
    expect(byClinician.statusCode, byClinician.body).toBe(201);
  }, 180_000);
  afterAll(async () => {
    await t.close();
  });

  it('serves only resources valid against the R4 base definitions, with codes from their cited lists', async () => {
    const resources: Record<string, unknown>[] = [];
    const get = async (url: string) => {
      const res = await physician.client.request('GET', url);
      expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
      return { status: res.statusCode, body: res.json() as Record<string, unknown> };
    };
    resources.push((await get('/fhir/R4/metadata')).body);
    const unknown = await get('/fhir/R4/Basic?patient=x');
    expect(unknown.status).toBe(404);
    resources.push(unknown.body);
    const badParam = await get(`/fhir/R4/Observation?patient=${patientIds[0]}&color=blue`);
    expect(badParam.status).toBe(400);
    resources.push(badParam.body);
    for (const id of patientIds) {
      let url: string | undefined = `/fhir/R4/Patient/${id}/$everything?_count=1000`;
      while (url) {
        const page = await get(url);
        expect(page.status).toBe(200);
        const entries = (page.body.entry as { resource: Record<string, unknown> }[]) ?? [];
        resources.push(...entries.map((e) => e.resource));
        // The Bundle's own shape (links, search modes) is validated on its own, without its entries again.
        resources.push({ ...page.body, entry: entries.slice(0, 3) });
        const next = (page.body.link as { relation: string; url: string }[]).find((l) => l.relation === 'next');
        url = next ? new URL(next.url).pathname + new URL(next.url).search : undefined;
      }
    }
    const first = patientIds[0]!;
    resources.push((await get(`/fhir/R4/Observation?patient=${first}&_count=20&_revinclude=Provenance:target`)).body);
    const types = new Map<string, number>();
    for (const r of resources) types.set(r.resourceType as string, (types.get(r.resourceType as string) ?? 0) + 1);
    expect([...types.keys()].sort()).toEqual([
      'Bundle',
      'CapabilityStatement',
      'Condition',
      'MedicationRequest',
      'Observation',
      'OperationOutcome',
      'Patient',
      'Procedure',
      'Provenance',
    ]);
    // Rich data: diary measures of every kind and questionnaire totals, so the check covers every shape made.
    const codes = new Set(resources.filter((r) => r.resourceType === 'Observation').flatMap((r) => codingsIn(r.code).map((c) => c.code)));
    for (const code of [...Object.keys(DIARY_MEASURES).filter((c) => c !== 'pain-quality'), '72514-3', '91147-9'])
      expect(codes, code).toContain(code);
    const sources = new Set(resources.filter((r) => r.resourceType === 'Provenance').flatMap((r) => codingsIn(r.agent).map((c) => c.code)));
    expect([...sources].sort()).toEqual(['author', 'caregiver', 'clinician', 'self']);

    const errors = resources.flatMap((r) => validationErrors(r).map((e) => `${r.resourceType}/${r.id ?? ''} ${e}`));
    expect(errors.slice(0, 20)).toEqual([]);

    // Codes FHIR writes bare (required bindings to HL7 code systems), which carry no system of their own.
    const hl7 = hl7CodeSystems();
    const bare = (system: string, code: unknown) => {
      if (!hl7.get(`http://hl7.org/fhir/${system}`)!.has(code as string)) uncited.add(`${system}|${String(code)}`);
    };
    const uncited = new Set<string>();
    for (const r of resources) {
      if (r.resourceType === 'Observation') bare('observation-status', r.status);
      if (r.resourceType === 'Patient') bare('administrative-gender', r.gender);
      if (r.resourceType === 'Bundle') {
        bare('bundle-type', r.type);
        for (const e of (r.entry as { search: { mode: string } }[]) ?? []) bare('search-entry-mode', e.search.mode);
      }
      if (r.resourceType === 'OperationOutcome')
        for (const i of r.issue as { severity: string; code: string }[]) {
          bare('issue-severity', i.severity);
          bare('issue-type', i.code);
        }
    }
    expect(resources.length).toBeGreaterThan(5_000);
    const cited = citedCodes();
    for (const r of resources) for (const c of codingsIn(r)) if (!cited.get(c.system)?.has(c.code)) uncited.add(`${c.system}|${c.code}`);
    expect([...uncited]).toEqual([]);
  }, 300_000);
});
