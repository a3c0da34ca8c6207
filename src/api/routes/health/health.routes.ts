import { z } from 'zod';
import type { ApiDeps, ZodApp } from '../../types.ts';

export function registerHealthRoutes(app: ZodApp, deps: ApiDeps, isStopping: () => boolean): void {
  app.get(
    '/health',
    { schema: { tags: ['operations'], summary: 'The process is up', response: { 200: z.object({ status: z.literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/ready',
    {
      schema: { tags: ['operations'], summary: 'The database answers and migrations are current (503 once the process is shutting down)' },
    },
    async (_req, reply) => {
      if (isStopping()) return reply.code(503).send({ status: 'stopping' });
      const ready = await deps.store.isReady();
      return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not-ready' });
    },
  );
}
