import { describe, expect, it } from 'vitest';
import { describeInstrument } from '../../../domain/instruments/describe.ts';
import { findInstrument } from '../../../domain/instruments/index.ts';
import { assignmentCompletion, axisDates, bandLabel } from './questionnaire-format.ts';

describe('bandLabel', () => {
  const phq9 = describeInstrument(findInstrument('phq-9')!);
  it("shows the definition's label, not the band id", () => {
    expect(bandLabel(phq9, 'moderately-severe')).toBe(phq9.bands.find((b) => b.id === 'moderately-severe')!.label);
    expect(bandLabel(phq9, 'moderately-severe')).not.toBe('moderately-severe');
  });
  it('is null without a band or for an id the definition does not know', () => {
    expect(bandLabel(phq9, null)).toBeNull();
    expect(bandLabel(phq9, 'no-such-band')).toBeNull();
  });
});

describe('assignmentCompletion', () => {
  const now = '2026-06-10T12:00:00.000Z';
  it('counts completed occurrences of those that have fallen due', () => {
    expect(
      assignmentCompletion(
        [
          { dueAt: '2026-06-02T09:00:00.000Z', completedAt: '2026-06-03T10:00:00.000Z' },
          { dueAt: '2026-06-09T09:00:00.000Z', completedAt: null },
        ],
        now,
      ),
    ).toEqual({ done: 1, total: 2 });
  });
  it('is 0 of 0 before anything falls due, and leaves out an occurrence not yet due', () => {
    expect(assignmentCompletion([], now)).toEqual({ done: 0, total: 0 });
    expect(assignmentCompletion([{ dueAt: '2026-06-16T09:00:00.000Z', completedAt: null }], now)).toEqual({ done: 0, total: 0 });
  });
});

describe('axisDates', () => {
  it('labels the first and the last date at their ends', () => {
    expect(axisDates({ x: 40, text: 'Jan 5, 2026' }, { x: 330, text: 'Jun 30, 2026' }, 7)).toEqual([
      { x: 40, text: 'Jan 5, 2026', anchor: 'start' },
      { x: 330, text: 'Jun 30, 2026', anchor: 'end' },
    ]);
  });
  it('gives one label when both are the same date or would overlap', () => {
    expect(axisDates({ x: 100, text: 'Jan 5, 2026' }, { x: 100, text: 'Jan 5, 2026' }, 7)).toEqual([
      { x: 100, text: 'Jan 5, 2026', anchor: 'middle' },
    ]);
    expect(axisDates({ x: 40, text: 'Jan 5, 2026' }, { x: 160, text: 'Jan 6, 2026' }, 7)).toEqual([
      { x: 100, text: 'Jan 5, 2026 – Jan 6, 2026', anchor: 'middle' },
    ]);
  });
});

describe('licence notes shown to a clinic admin', () => {
  it("drop references to the project's own clinical notes and keep the publisher's terms", async () => {
    const { withoutInternalReferences } = await import('./clinic-questionnaires.tsx');
    expect(
      withoutInternalReferences(
        'May not be used without permission from Dr. Cleeland; fees may apply. Item wording here is paraphrased (instruments.md §3).',
      ),
    ).toBe('May not be used without permission from Dr. Cleeland; fees may apply. Item wording here is paraphrased.');
    expect(withoutInternalReferences('Free to use (instruments.md §5.1, §17).')).toBe('Free to use.');
  });
});
