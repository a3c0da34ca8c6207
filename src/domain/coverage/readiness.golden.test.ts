import { describe, expect, it } from 'vitest';
import { evaluateReadiness } from './evaluate-readiness.ts';
import { READINESS_GOLDEN_CASES } from './readiness.golden.ts';
import { validateReadinessRequest } from './request.ts';

describe('coverage readiness golden cases', () => {
  for (const c of READINESS_GOLDEN_CASES) {
    it(`${c.name} (${c.source})`, () => {
      const parsed = validateReadinessRequest(c.input);
      if (parsed.kind !== 'valid') throw new Error(JSON.stringify(parsed.problems));
      const result = evaluateReadiness(parsed.request);
      const byId = Object.fromEntries(result.criteria.map((k) => [k.id, k.status]));
      expect(byId).toMatchObject(c.expected.criteria);
      expect(result.verdict, JSON.stringify(result.criteria, null, 1)).toBe(c.expected.verdict);
    });
  }
});
