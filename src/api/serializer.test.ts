import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { zodFastSerializerCompiler } from './serializer.ts';

const compile = (schema: z.ZodType) => zodFastSerializerCompiler({ schema, method: 'GET', url: '/', httpStatus: '200' });

describe('zodFastSerializerCompiler', () => {
  it('writes only the properties the schema declares', () => {
    const serialize = compile(
      z.object({ id: z.uuid(), user: z.object({ email: z.string() }), tags: z.array(z.string()).readonly(), note: z.string().nullable() }),
    );
    const out = JSON.parse(
      serialize({
        id: '019a0000-0000-7000-8000-000000000001',
        passwordHash: 'secret',
        user: { email: 'a@b.test', passwordHash: 'secret' },
        tags: ['x'],
        note: null,
      }),
    );
    expect(out).toEqual({ id: '019a0000-0000-7000-8000-000000000001', user: { email: 'a@b.test' }, tags: ['x'], note: null });
  });
  it('keeps open records for loose objects', () => {
    const serialize = compile(z.array(z.looseObject({ localDate: z.string() }).catchall(z.unknown())));
    expect(JSON.parse(serialize([{ localDate: '2026-01-01', entryCount: 2 }]))).toEqual([{ localDate: '2026-01-01', entryCount: 2 }]);
  });
});
