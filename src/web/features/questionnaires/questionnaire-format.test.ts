import { describe, expect, it } from 'vitest';
import { assignmentCompletion } from './questionnaire-format.ts';

describe('assignmentCompletion', () => {
  const now = '2026-06-10T12:00:00.000Z';
  it('counts completed occurrences of those that have fallen due', () => {
    expect(assignmentCompletion([
      { dueAt: '2026-06-02T09:00:00.000Z', completedAt: '2026-06-03T10:00:00.000Z' },
      { dueAt: '2026-06-09T09:00:00.000Z', completedAt: null },
    ], now)).toEqual({ done: 1, total: 2 });
  });
  it('is 0 of 0 before anything falls due, and leaves out an occurrence not yet due', () => {
    expect(assignmentCompletion([], now)).toEqual({ done: 0, total: 0 });
    expect(assignmentCompletion([{ dueAt: '2026-06-16T09:00:00.000Z', completedAt: null }], now)).toEqual({ done: 0, total: 0 });
  });
});
