// A visit to a clinic, prepared by the patient (or a caregiver) beforehand and completed afterwards
// with what the clinician answered. The five questions are the ones patients are told to bring to a
// first consultation; each is kept with the reason it is worth asking, so the person can decide
// whether to keep, edit or drop it.
import { addDays, type LocalDate } from '../time/local-date.ts';

export const VISIT_KINDS = ['first-consultation', 'follow-up', 'procedure'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

export const QUESTION_TOPICS = ['cause', 'options', 'other-therapies', 'progress', 'self-care', 'own'] as const;
export type QuestionTopic = (typeof QUESTION_TOPICS)[number];

export interface VisitQuestion {
  readonly topic: QuestionTopic;
  readonly text: string;
  /** What the clinician said, written down after the visit; empty until then. */
  readonly answer: string;
}

export interface Visit {
  readonly date: LocalDate;
  readonly kind: VisitKind;
  /** The clinic or clinician, in the person's words. */
  readonly with: string;
  readonly whatMattersMost: string;
  readonly goals: readonly string[];
  readonly questions: readonly VisitQuestion[];
  /** Changes to the plan agreed at the visit, written down afterwards. */
  readonly planChanges: string;
}

export interface SuggestedQuestion {
  readonly topic: Exclude<QuestionTopic, 'own'>;
  readonly text: string;
  readonly why: string;
}

export const FIVE_QUESTIONS: readonly SuggestedQuestion[] = [
  {
    topic: 'cause',
    text: 'What is causing my pain, and how do you diagnose it?',
    why: 'Treatment follows the kind of pain you have, so knowing what is thought to cause it, and how that was decided, helps you understand every choice that follows.',
  },
  {
    topic: 'options',
    text: 'What are my treatment options, with the risks and benefits of each?',
    why: 'Most pain has more than one reasonable treatment. Hearing the risks and benefits side by side lets you choose with your clinician rather than be told.',
  },
  {
    topic: 'other-therapies',
    text: 'Will I need other types of therapy, like physical or behavioural therapy?',
    why: 'Long-lasting pain usually does best with several kinds of care together, not medicine alone. Asking early means referrals can start sooner.',
  },
  {
    topic: 'progress',
    text: 'How will we measure progress?',
    why: 'Agreeing what "better" means (walking further, sleeping more, working again), and how it will be checked, keeps the care aimed at what matters to you.',
  },
  {
    topic: 'self-care',
    text: 'What can I do at home?',
    why: 'Most of living with pain happens between visits. Knowing what you can do yourself, and what to avoid, puts some of the control back with you.',
  },
];

/** How far back a preparation looks when there is no earlier visit to start from. */
export const FIRST_PREPARATION_DAYS = 90;

/**
 * The days a visit's preparation covers: from the day after the latest earlier visit (or
 * FIRST_PREPARATION_DAYS before the visit when there is none) to the day before the visit, never past
 * today. A visit already past still covers the run-up to it, so its preparation reads as it did.
 */
export function preparationWindow(
  visitDate: LocalDate,
  earlierVisitDates: readonly LocalDate[],
  today: LocalDate,
): { from: LocalDate; to: LocalDate } {
  const earlier = earlierVisitDates.filter((d) => d < visitDate).sort();
  const last = earlier.at(-1);
  const dayBefore = addDays(visitDate, -1);
  const to = dayBefore < today ? dayBefore : today;
  const from = last !== undefined ? addDays(last, 1) : addDays(visitDate, -FIRST_PREPARATION_DAYS);
  return { from: from <= to ? from : to, to };
}

/** The `count` days with the highest pain, worst first; of days equally bad, the most recent first. */
export function worstDays<D extends { readonly localDate: string; readonly maxIntensity: number }>(days: readonly D[], count: number): D[] {
  return [...days].sort((a, b) => b.maxIntensity - a.maxIntensity || (a.localDate < b.localDate ? 1 : -1)).slice(0, count);
}

/**
 * How often each as-needed medicine was taken, by the name the diary gives it (trimmed, the case of its
 * first mention kept), most used first; names are compared without regard to case so "ibuprofen" and
 * "Ibuprofen" count together.
 */
export function asNeededUse(
  entries: readonly {
    readonly localDate: string;
    readonly medicines: readonly { readonly name: string; readonly regimen: string | null }[];
  }[],
): { name: string; times: number; days: number }[] {
  const byName = new Map<string, { name: string; times: number; dates: Set<string> }>();
  for (const e of entries) {
    for (const m of e.medicines) {
      if (m.regimen !== 'as-needed') continue;
      const name = m.name.trim();
      if (name === '') continue;
      const key = name.toLowerCase();
      const seen = byName.get(key) ?? { name, times: 0, dates: new Set<string>() };
      seen.times += 1;
      seen.dates.add(e.localDate);
      byName.set(key, seen);
    }
  }
  return [...byName.values()]
    .map((u) => ({ name: u.name, times: u.times, days: u.dates.size }))
    .sort((a, b) => b.times - a.times || a.name.localeCompare(b.name));
}
