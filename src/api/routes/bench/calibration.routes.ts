// POST /bench/calibration/:patientId — the benchmark's calibration write (see app/bench-calibration.ts).
// Registered only when PAINWISE_BENCH_CALIBRATION is on: it writes for any patient without a session.
import { z } from 'zod';
import { calibrationWrite } from '../../../app/bench-calibration.ts';
import type { ApiDeps, ZodApp } from '../../types.ts';

export function registerBenchCalibrationRoute(app: ZodApp, deps: ApiDeps): void {
  app.post(
    '/bench/calibration/:patientId',
    {
      schema: {
        hide: true,
        params: z.object({ patientId: z.uuid() }),
        body: z.record(z.string(), z.unknown()),
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await calibrationWrite(
            deps,
            { actor: { kind: 'anonymous' }, requestId: request.id, ip: request.ip },
            request.params.patientId,
            request.body,
          ),
        ),
  );
}
