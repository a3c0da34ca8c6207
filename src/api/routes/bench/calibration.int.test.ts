// The calibration write is a benchmark instrument with no session check: it must exist only when the
// benchmark-only setting registers it, and then write exactly a record and its audit row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/support/dialects.ts';
import { createTestApp, signUp, type TestApp } from '../../../../test/support/test-app.ts';
import { loadConfig } from '../../../app/config.ts';
import { buildApp } from '../../build-app.ts';
import { registerBenchCalibrationRoute } from './calibration.routes.ts';

const flare = { startedAt: '2026-05-20T08:00:00Z', endedAt: null, timeZone: 'UTC', peakIntensity: 6 };

describe.each(DIALECTS)('the benchmark calibration write on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  it('is off unless PAINWISE_BENCH_CALIBRATION turns it on', async () => {
    expect(loadConfig({}, '/srv').benchCalibration).toBe(false);
    expect(loadConfig({ PAINWISE_BENCH_CALIBRATION: 'true' }, '/srv').benchCalibration).toBe(true);
    const { me } = await signUp(t.app, { patient: true });
    const res = await t.app.inject({ method: 'POST', url: `/bench/calibration/${me.patient!.id}`, payload: flare });
    expect(res.statusCode).toBe(404);
  });

  it('when on, validates the body and writes one record row and its audit row', async () => {
    const app = await buildApp(t.deps, { logLevel: 'silent', plugins: [registerBenchCalibrationRoute] });
    try {
      const { client, me } = await signUp(t.app, { patient: true });
      const pid = me.patient!.id;
      const bad = await app.inject({ method: 'POST', url: `/bench/calibration/${pid}`, payload: { ...flare, peakIntensity: 11 } });
      expect(bad.statusCode).toBe(400);
      const res = await app.inject({ method: 'POST', url: `/bench/calibration/${pid}`, payload: flare });
      expect(res.statusCode).toBe(201);
      const id = res.json().id as string;
      const flares = (await client.request('GET', `/api/patients/${pid}/flares`)).json();
      expect(JSON.stringify(flares)).toContain(id);
      const log = (await client.request('GET', `/api/patients/${pid}/access-log`)).json() as {
        items: { action: string; resourceId: string | null }[];
      };
      expect(log.items.filter((e) => e.resourceId === id).map((e) => e.action)).toEqual(['flare.create']);
    } finally {
      await app.close();
    }
  });
});
