// The shared scoring machinery on small made-up definitions, so each rule is seen on its own: answer
// validation and its messages, yes/no items, band lookup with inclusive and exclusive bounds, and the
// sums instruments build on. No clinical number is involved: the definitions exist only here.
import { describe, expect, it } from 'vitest';
import type { Answers, BandDefinition, InstrumentDefinition, ItemDefinition, ScoreResult } from './model.ts';
import { bandFor, completeSum, missingItems, proratedSum, scaleOptions, scoreRaw, sumOf, validateAnswers, YES_NO } from './scoring.ts';

const options = (...values: number[]) => values.map((value) => ({ value, label: `v${value}` }));
const item = (key: string, opts: ItemDefinition['options'], optional = false): ItemDefinition => ({
  key,
  construct: key,
  options: opts,
  optional,
});

function definition(items: ItemDefinition[]): InstrumentDefinition {
  return {
    shortTitle: 'TEST',
    items,
    score: (answers: Answers): ScoreResult => ({ kind: 'scored', score: sumOf(answers, [...answers.keys()]) }) as unknown as ScoreResult,
  } as unknown as InstrumentDefinition;
}

const DEF = definition([
  item('1', options(0, 1, 2, 3, 4)),
  item('2', YES_NO),
  item('9A', options(0, 1, 2)),
  item('4', options(0, 2, 4, 6)),
  item('5', options(1, 2)),
  item('6', options(0, 1), true),
]);

const errorsOf = (raw: unknown) => {
  const v = validateAnswers(DEF, raw);
  if (v.ok) throw new Error('expected a validation error');
  return v.errors;
};
const answersOf = (raw: unknown) => {
  const v = validateAnswers(DEF, raw);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.answers;
};

describe('validateAnswers', () => {
  it.each([[null], [[1, 2]], ['1'], [3]])('refuses %j: answers must be an object', (raw) => {
    expect(errorsOf(raw)).toEqual([{ item: '', message: 'answers must be an object mapping item keys to values' }]);
  });

  it('names an unknown item and lists the items there are', () => {
    expect(errorsOf({ 7: 1 })).toEqual([{ item: '7', message: 'item "7" is not part of TEST; its items are 1, 2, 9A, 4, 5, 6' }]);
  });

  it('treats null and undefined as not answered', () => {
    expect([...answersOf({ 1: null, 2: undefined, 4: 2 })]).toEqual([['4', 2]]);
  });

  it('finds items case-insensitively and stores them under their published key', () => {
    expect(answersOf({ '9a': 2 }).get('9A')).toBe(2);
  });

  it('refuses the same item answered twice under two spellings', () => {
    expect(errorsOf({ '9A': 1, '9a': 2 })).toEqual([{ item: '9a', message: 'item "9A" is answered more than once' }]);
  });

  it('accepts true/false for yes/no items only', () => {
    expect(answersOf({ 2: true }).get('2')).toBe(1);
    expect(answersOf({ 2: false }).get('2')).toBe(0);
    expect(errorsOf({ 5: true })).toEqual([{ item: '5', message: 'item "5" must be one of 1, 2' }]);
    expect(errorsOf({ '9a': false })[0]!.message).toBe('item "9A" must be one of 0, 1, 2');
  });

  it('describes the allowed values: a range for long contiguous scales, a list otherwise', () => {
    expect(errorsOf({ 1: 5 })[0]!.message).toBe('item "1" must be one of the integers 0–4');
    expect(errorsOf({ 4: 1 })[0]!.message).toBe('item "4" must be one of 0, 2, 4, 6');
    expect(errorsOf({ 2: 2 })[0]!.message).toBe('item "2" must be one of 0, 1 (or true/false)');
  });

  it.each([[Number.NaN], [Number.POSITIVE_INFINITY], ['1'], [1.5], [-1]])('refuses %j for a numeric item', (value) => {
    expect(errorsOf({ 1: value })).toHaveLength(1);
  });

  it('reports every bad item, not just the first', () => {
    expect(errorsOf({ 1: 9, 4: 3, x: 1 }).map((e) => e.item)).toEqual(['1', '4', 'x']);
  });

  it('a yes/no item needs exactly the options 0 and 1', () => {
    const threeWay = definition([item('1', options(0, 1, 2))]);
    expect(validateAnswers(threeWay, { 1: true }).ok).toBe(false);
    const oneAndTwo = definition([item('1', options(1, 2))]);
    expect(validateAnswers(oneAndTwo, { 1: true }).ok).toBe(false);
    const zeroAndTwo = validateAnswers(definition([item('1', options(0, 2))]), { 1: 1 });
    expect(zeroAndTwo.ok ? [] : zeroAndTwo.errors).toEqual([{ item: '1', message: 'item "1" must be one of 0, 2' }]);
  });
});

describe('bandFor', () => {
  const band = (id: string, from: number, inclusive: boolean): BandDefinition =>
    ({ id, label: id, from, inclusive, range: id }) as BandDefinition;
  const BANDS = [band('low', 0, true), band('mid', 20, false), band('high', 40, true)];

  it('picks the highest band whose bound the score meets, exclusive bounds strictly', () => {
    expect(bandFor(BANDS, 0)?.id).toBe('low');
    expect(bandFor(BANDS, 20)?.id).toBe('low');
    expect(bandFor(BANDS, 20.5)?.id).toBe('mid');
    expect(bandFor(BANDS, 39.9)?.id).toBe('mid');
    expect(bandFor(BANDS, 40)?.id).toBe('high');
    expect(bandFor(BANDS, 100)?.id).toBe('high');
  });

  it('is null below the lowest band', () => {
    expect(bandFor(BANDS, -1)).toBeNull();
    expect(bandFor([band('above', 0, false)], 0)).toBeNull();
  });
});

describe('sums', () => {
  const answers: Answers = new Map([
    ['a', 2],
    ['b', 3],
    ['c', 1],
  ]);

  it('sumOf counts unanswered items as 0', () => {
    expect(sumOf(answers, ['a', 'b', 'z'])).toBe(5);
  });

  it('completeSum needs every item', () => {
    expect(completeSum(answers, ['a', 'b', 'c'])).toBe(6);
    expect(completeSum(answers, ['a', 'z'])).toBeNull();
  });

  it('proratedSum scales the answered items up to the full count within the allowance', () => {
    expect(proratedSum(answers, ['a', 'b', 'c'], 0)).toEqual({ total: 6, missing: [] });
    expect(proratedSum(answers, ['a', 'b', 'c', 'd'], 1)).toEqual({ total: 8, missing: ['d'] });
    expect(proratedSum(answers, ['a', 'b', 'd', 'e'], 1)).toEqual({ total: null, missing: ['d', 'e'] });
    expect(proratedSum(answers, ['a', 'b', 'd', 'e'], 2)).toEqual({ total: 10, missing: ['d', 'e'] });
  });

  it('proratedSum returns the plain sum when nothing is missing (29 / 7 × 7 is not 29 in binary floating point)', () => {
    const seven = new Map([
      ['1', 5],
      ['2', 5],
      ['3', 5],
      ['4', 5],
      ['5', 5],
      ['6', 2],
      ['7', 2],
    ]);
    expect(proratedSum(seven, ['1', '2', '3', '4', '5', '6', '7'], 1).total).toBe(29);
  });

  it('missingItems lists required items not answered, or the keys asked for', () => {
    expect(missingItems(DEF, new Map([['1', 0]]))).toEqual(['2', '9A', '4', '5']);
    expect(missingItems(DEF, new Map([['1', 0]]), ['1', '6'])).toEqual(['6']);
  });
});

describe('scaleOptions', () => {
  it('numbers labels from the start value and attaches LOINC answer codes when given', () => {
    expect(scaleOptions(['none', 'some'])).toEqual([
      { value: 0, label: 'none' },
      { value: 1, label: 'some' },
    ]);
    expect(scaleOptions(['a', 'b'], 1, ['LA1-1'])).toEqual([
      { value: 1, label: 'a', loinc: 'LA1-1' },
      { value: 2, label: 'b' },
    ]);
    expect(scaleOptions(['a', 'b', 'c'], 2, ['LA1-1', 'LA2-2', 'LA3-3'])).toEqual([
      { value: 2, label: 'a', loinc: 'LA1-1' },
      { value: 3, label: 'b', loinc: 'LA2-2' },
      { value: 4, label: 'c', loinc: 'LA3-3' },
    ]);
  });
});

describe('scoreRaw', () => {
  it('validates first, then scores the validated answers', () => {
    expect(scoreRaw(DEF, { 1: 9 })).toMatchObject({ ok: false, errors: [{ item: '1' }] });
    const scored = scoreRaw(DEF, { 1: 3, 2: true });
    expect(scored).toMatchObject({ ok: true, result: { score: 4 } });
    if (scored.ok)
      expect([...scored.answers]).toEqual([
        ['1', 3],
        ['2', 1],
      ]);
  });
});
