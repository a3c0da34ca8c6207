import { describe, expect, it } from 'vitest';
import { newlyPositiveRedFlags, positiveRedFlags, RED_FLAGS, unansweredRedFlags, type Intake, type RedFlagAnswer } from './intake.ts';

const screen = (answers: Partial<Record<(typeof RED_FLAGS)[number], RedFlagAnswer>>): Intake['redFlags'] => ({
  ...(Object.fromEntries(RED_FLAGS.map((f) => [f, null])) as Intake['redFlags']),
  ...answers,
});

describe('red-flag screen', () => {
  it('asks the six red flags of the guideline table, cauda equina first', () => {
    expect(RED_FLAGS).toEqual([
      'bladder-bowel-saddle',
      'fever-with-back-pain',
      'unexplained-weight-loss',
      'history-of-cancer',
      'progressive-weakness',
      'major-trauma',
    ]);
  });

  it('counts only "yes" as positive; "not sure" and unanswered are not', () => {
    expect(positiveRedFlags(screen({ 'major-trauma': 'yes', 'history-of-cancer': 'not-sure', 'fever-with-back-pain': 'no' }))).toEqual([
      'major-trauma',
    ]);
    expect(unansweredRedFlags(screen({ 'major-trauma': 'no' }))).toHaveLength(5);
  });

  it('names a flag as new only when it was not yes before', () => {
    const before = screen({ 'major-trauma': 'yes' });
    expect(newlyPositiveRedFlags(null, before)).toEqual(['major-trauma']);
    expect(newlyPositiveRedFlags(before, before)).toEqual([]);
    expect(newlyPositiveRedFlags(before, screen({ 'major-trauma': 'yes', 'history-of-cancer': 'yes' }))).toEqual(['history-of-cancer']);
    expect(newlyPositiveRedFlags(before, screen({}))).toEqual([]);
  });
});
