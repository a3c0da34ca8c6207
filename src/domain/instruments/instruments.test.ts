// Every registered instrument: its golden cases (worked by hand from the published rule), structural
// checks on the definition, and fast-check properties — a complete valid response scores inside the
// published range, and where the instrument is monotone raising one answer never lowers the score.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INSTRUMENTS, INSTRUMENT_GOLDEN, findInstrument, scoreInstrument } from './index.ts';
import type { InstrumentDefinition, ScoreContext } from './model.ts';
import { SEXES } from './scoring.ts';

const close = (actual: number | null | undefined, expected: number | null): void => {
  if (expected === null) expect(actual).toBeNull();
  else expect(actual).toBeCloseTo(expected, 2);
};

describe('instrument registry', () => {
  it('has unique ids and finds each by id, case-insensitively', () => {
    const ids = INSTRUMENTS.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const d of INSTRUMENTS) {
      expect(d.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(findInstrument(d.id.toUpperCase())).toBe(d);
    }
  });

  it.each(INSTRUMENTS.map((d) => [d.id, d] as const))('%s: well-formed definition', (_id, d) => {
    expect(d.items.length).toBeGreaterThan(0);
    expect(new Set(d.items.map((i) => i.key.toLowerCase())).size).toBe(d.items.length);
    for (const item of d.items) {
      expect(item.options.length).toBeGreaterThan(0);
      expect(new Set(item.options.map((o) => o.value)).size).toBe(item.options.length);
      if (item.loinc) expect(item.loinc).toMatch(/^\d{1,7}-\d$/);
      for (const o of item.options) if (o.loinc) expect(o.loinc).toMatch(/^LA\d+-\d$/);
    }
    for (let i = 1; i < d.bands.length; i++) expect(d.bands[i]!.from).toBeGreaterThanOrEqual(d.bands[i - 1]!.from);
    expect(new Set(d.bands.map((b) => b.id)).size).toBe(d.bands.length);
    for (const b of d.bands) expect(b.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(d.licence.attribution.length).toBeGreaterThan(0);
    expect(d.source.length).toBeGreaterThan(0);
    expect(d.scoreRange.min).toBeLessThanOrEqual(d.scoreRange.max);
    expect(INSTRUMENT_GOLDEN.get(d.id)!.length).toBeGreaterThanOrEqual(3);
  });
});

describe.each(INSTRUMENTS.map((d) => [d.id, d] as const))('%s golden cases', (id) => {
  it.each((INSTRUMENT_GOLDEN.get(id) ?? []).map((g) => [g.name, g] as const))('%s', (_name, g) => {
    const outcome = scoreInstrument(id, g.answers, g.context ?? {})!;
    const expected = g.expected;
    if (expected.kind === 'invalid') {
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.errors.map((e) => e.item)).toContain(expected.item);
      return;
    }
    expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
    if (!outcome.ok) return;
    const result = outcome.result;
    expect(result.kind).toBe(expected.kind);
    if (expected.kind === 'scored' && result.kind === 'scored') {
      close(result.score, expected.score);
      expect(result.band).toBe(expected.band);
      if (expected.flags) expect([...result.flags].sort()).toEqual([...expected.flags].sort());
      if (expected.missing) expect([...result.missing].sort()).toEqual([...expected.missing].sort());
      for (const [name, value] of Object.entries(expected.scores ?? {})) close(result.scores[name], value);
    } else if (expected.kind === 'incomplete' && result.kind === 'incomplete') {
      expect([...result.missing].sort()).toEqual([...expected.missing].sort());
      if (expected.flags) expect([...result.flags].sort()).toEqual([...expected.flags].sort());
      for (const [name, value] of Object.entries(expected.scores ?? {})) close(result.scores[name], value);
    }
  });
});

/** A complete response: every item (optional ones included) answered with one of its options. */
const completeAnswers = (d: InstrumentDefinition): fc.Arbitrary<Record<string, number>> =>
  fc.record(Object.fromEntries(d.items.map((item) => [item.key, fc.constantFrom(...item.options.map((o) => o.value))])));

const contexts: fc.Arbitrary<ScoreContext> = fc.constantFrom(...SEXES).map((sex) => ({ sex }));

describe.each(INSTRUMENTS.map((d) => [d.id, d] as const))('%s properties', (_id, d) => {
  it('a complete valid response is scored within the published range', () => {
    fc.assert(
      fc.property(completeAnswers(d), contexts, (answers, context) => {
        const outcome = scoreInstrument(d.id, answers, context)!;
        expect(outcome.ok).toBe(true);
        if (!outcome.ok) return;
        expect(outcome.result.kind).toBe('scored');
        if (outcome.result.kind !== 'scored') return;
        expect(outcome.result.score).toBeGreaterThanOrEqual(d.scoreRange.min);
        expect(outcome.result.score).toBeLessThanOrEqual(d.scoreRange.max);
        if (d.bands.length > 0 && outcome.result.band !== null) expect(d.bands.map((b) => b.id)).toContain(outcome.result.band);
      }),
      { numRuns: 200 },
    );
  });

  // Every registered score is a sum, mean, count or increasing look-up of its answers, so each must
  // declare itself monotone; a definition that stops doing so fails here instead of skipping the property.
  it('raising one answer never lowers the primary score', () => {
    expect(d.monotone, `${d.id} must stay monotone`).toBe(true);
    fc.assert(
      fc.property(completeAnswers(d), fc.nat(), contexts, (answers, pick, context) => {
        const item = d.items[pick % d.items.length]!;
        const higher = item.options.map((o) => o.value).filter((v) => v > answers[item.key]!);
        if (higher.length === 0) return;
        const before = scoreInstrument(d.id, answers, context)!;
        const after = scoreInstrument(d.id, { ...answers, [item.key]: higher[0]! }, context)!;
        if (!before.ok || !after.ok || before.result.kind !== 'scored' || after.result.kind !== 'scored')
          throw new Error('complete responses must score');
        expect(after.result.score).toBeGreaterThanOrEqual(before.result.score);
      }),
      { numRuns: 200 },
    );
  });

  it('answers out of range, of the wrong type or for unknown items are refused naming the item', () => {
    const item = d.items[0]!;
    const max = Math.max(...item.options.map((o) => o.value));
    for (const bad of [max + 1, -1, 0.5, '1', [], {}]) {
      const outcome = scoreInstrument(d.id, { [item.key]: bad })!;
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.errors[0]!.item).toBe(item.key);
    }
    const unknown = scoreInstrument(d.id, { 'no-such-item': 1 })!;
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.errors[0]!.message).toContain('no-such-item');
    expect(scoreInstrument(d.id, [1, 2])!.ok).toBe(false);
  });
});
