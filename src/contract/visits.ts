// HTTP shapes of visits: the record a person prepares before a clinic visit and completes after it.
import { z } from 'zod';
import { QUESTION_TOPICS, VISIT_KINDS } from '../domain/visits/visit.ts';
import { Id } from './common.ts';
import { LocalDateText } from './medications.ts';

export const VisitBody = z
  .strictObject({
    date: LocalDateText,
    kind: z.enum(VISIT_KINDS),
    /** The clinic or clinician, in the person's words. */
    with: z.string().trim().max(200).default(''),
    whatMattersMost: z.string().trim().max(2000).default(''),
    goals: z.array(z.string().trim().min(1).max(300)).max(10).default([]),
    questions: z
      .array(
        z.strictObject({
          topic: z.enum(QUESTION_TOPICS),
          text: z.string().trim().min(1).max(1000),
          answer: z.string().trim().max(4000).default(''),
        }),
      )
      .max(20)
      .default([]),
    planChanges: z.string().trim().max(4000).default(''),
  })
  .meta({
    id: 'Visit',
    examples: [
      {
        date: '2026-12-20',
        kind: 'first-consultation',
        with: 'Riverside pain clinic',
        whatMattersMost: 'Sleeping through the night again',
        goals: ['Walk the dog for 20 minutes'],
        questions: [{ topic: 'cause', text: 'What is causing my pain, and how do you diagnose it?', answer: '' }],
        planChanges: '',
      },
    ],
  });
export type VisitInput = z.output<typeof VisitBody>;

export const VisitParams = z.strictObject({ patientId: Id, visitId: Id });
