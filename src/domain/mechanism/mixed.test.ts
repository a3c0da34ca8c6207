import { describe, expect, it } from 'vitest';
import { summarizeMechanisms } from './mixed.ts';
import { NEUROPATHIC_GRADES } from './neuropathic.ts';
import { NOCIPLASTIC_GRADES } from './nociplastic.ts';

describe('summarizeMechanisms', () => {
  it('mixed when both mechanisms are possible or better', () => {
    expect(summarizeMechanisms({ neuropathic: 'possible', nociplastic: 'possible' })).toEqual({
      mechanisms: ['neuropathic', 'nociplastic'],
      mixed: true,
    });
    expect(summarizeMechanisms({ neuropathic: 'definite', nociplastic: 'probable' }).mixed).toBe(true);
  });

  it('not mixed when one is below possible', () => {
    expect(summarizeMechanisms({ neuropathic: 'unlikely', nociplastic: 'probable' })).toEqual({
      mechanisms: ['nociplastic'],
      mixed: false,
    });
    expect(summarizeMechanisms({ neuropathic: 'probable', nociplastic: 'unlikely' })).toEqual({
      mechanisms: ['neuropathic'],
      mixed: false,
    });
    expect(summarizeMechanisms({ neuropathic: 'probable', nociplastic: 'not-applicable' }).mixed).toBe(false);
  });

  it('a mechanism not graded is absent, never assumed', () => {
    expect(summarizeMechanisms({})).toEqual({ mechanisms: [], mixed: false });
    expect(summarizeMechanisms({ neuropathic: 'definite' })).toEqual({ mechanisms: ['neuropathic'], mixed: false });
  });

  it('every pair of grades: mixed exactly when both are possible or better', () => {
    for (const n of NEUROPATHIC_GRADES)
      for (const p of NOCIPLASTIC_GRADES) {
        const both = n !== 'unlikely' && (p === 'possible' || p === 'probable');
        expect(summarizeMechanisms({ neuropathic: n, nociplastic: p }).mixed).toBe(both);
      }
  });
});
