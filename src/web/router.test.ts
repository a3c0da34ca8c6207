import { describe, expect, it } from 'vitest';
import { match } from './router.ts';

describe('match', () => {
  it('extracts parameters and rejects other shapes', () => {
    expect(match('/clinic/:orgId/patients', '/clinic/abc/patients')).toEqual({ orgId: 'abc' });
    expect(match('/clinic/:orgId/patients', '/clinic/abc/patients/')).toEqual({ orgId: 'abc' });
    expect(match('/clinic/:orgId/patients', '/clinic/abc')).toBeNull();
    expect(match('/today', '/sharing')).toBeNull();
  });
});
