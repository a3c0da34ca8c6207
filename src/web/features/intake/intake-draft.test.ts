import { describe, expect, it } from 'vitest';
import { RED_FLAG_QUESTIONS, RED_FLAGS } from '../../../domain/intake/intake.ts';
import { enIntake } from '../../i18n/en-intake.ts';
import { emptyDraft, incompleteTests, incompleteTreatments, inputOf } from './intake-draft.ts';

describe('intake draft', () => {
  it('sends lines as lists, dates only when whole, and sessions only as a whole number', () => {
    const draft = {
      ...emptyDraft(null),
      onsetDate: '2025-0',
      betterWith: ' Walking \n\n Heat ',
      treatments: [
        {
          id: '019c5000-0000-7000-8000-000000000001',
          treatment: ' Physiotherapy ',
          kind: 'physical' as const,
          startDate: '2025-10-01',
          endDate: '',
          sessions: '8 ',
          effect: 'no-change' as const,
          notes: '',
        },
      ],
      tests: [{ what: 'MRI', date: '' }],
    };
    const input = inputOf(draft);
    expect(input.onsetDate).toBeNull();
    expect(input.betterWith).toEqual(['Walking', 'Heat']);
    expect(input.treatmentsTried).toEqual([{ ...draft.treatments[0], treatment: 'Physiotherapy', endDate: null, sessions: 8 }]);
    expect(input.imagingAndTests).toEqual([{ what: 'MRI', date: null }]);
    expect(input.finished).toBe(false);
    expect(inputOf({ ...draft, treatments: [{ ...draft.treatments[0]!, sessions: 'eight' }] }).treatmentsTried![0]!.sessions).toBeNull();
  });

  it('names the treatments and tests that cannot be sent yet, by number', () => {
    const draft = emptyDraft(null);
    const blank = {
      id: 'x',
      treatment: '',
      kind: 'physical' as const,
      startDate: '',
      endDate: '',
      sessions: '',
      effect: 'unknown' as const,
      notes: '',
    };
    expect(incompleteTreatments({ ...draft, treatments: [{ ...blank, treatment: 'Massage', startDate: '2025-01-01' }, blank] })).toEqual([
      2,
    ]);
    expect(incompleteTests({ ...draft, tests: [{ what: ' ', date: '' }] })).toEqual([1]);
  });

  it('asks the red flags in the same words as the API', () => {
    for (const flag of RED_FLAGS) expect(enIntake[`intake.flag.${flag}` as keyof typeof enIntake]).toBe(RED_FLAG_QUESTIONS[flag]);
  });
});
