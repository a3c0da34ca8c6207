// The intake as the form holds it (lists as lines of text, numbers and dates as typed) and the body a
// save sends. A treatment or test left without what it needs is reported by its number, so the step can
// say which one to finish or remove before anything is sent.
import type { PainQuality } from '../../../domain/diary/entry-vocabulary.ts';
import {
  RED_FLAGS,
  type PainCourse,
  type RedFlag,
  type RedFlagAnswer,
  type TreatmentEffect,
  type TreatmentKind,
} from '../../../domain/intake/intake.ts';
import type { IntakeInput, IntakeView } from './intake-api.ts';

export interface TreatmentDraft {
  readonly id: string;
  readonly treatment: string;
  readonly kind: TreatmentKind;
  readonly startDate: string;
  readonly endDate: string;
  readonly sessions: string;
  readonly effect: TreatmentEffect;
  readonly notes: string;
}

export interface TestDraft {
  readonly what: string;
  readonly date: string;
}

export interface IntakeDraft {
  readonly visitId: string | null;
  readonly onsetDate: string;
  readonly onsetAbout: string;
  readonly course: PainCourse | null;
  readonly locations: readonly { readonly region: string; readonly qualities: readonly PainQuality[] }[];
  readonly betterWith: string;
  readonly worseWith: string;
  readonly treatments: readonly TreatmentDraft[];
  readonly tests: readonly TestDraft[];
  readonly otherConditions: string;
  readonly medicines: string;
  readonly allergies: string;
  readonly redFlags: Readonly<Record<RedFlag, RedFlagAnswer | null>>;
  readonly finished: boolean;
}

export function emptyDraft(visitId: string | null): IntakeDraft {
  return {
    visitId,
    onsetDate: '',
    onsetAbout: '',
    course: null,
    locations: [],
    betterWith: '',
    worseWith: '',
    treatments: [],
    tests: [],
    otherConditions: '',
    medicines: '',
    allergies: '',
    redFlags: Object.fromEntries(RED_FLAGS.map((f) => [f, null])) as Record<RedFlag, null>,
    finished: false,
  };
}

export function draftOf(v: IntakeView): IntakeDraft {
  return {
    visitId: v.visitId,
    onsetDate: v.onsetDate ?? '',
    onsetAbout: v.onsetAbout,
    course: v.course,
    locations: v.locations.map((l) => ({ region: l.region, qualities: [...l.qualities] })),
    betterWith: v.betterWith.join('\n'),
    worseWith: v.worseWith.join('\n'),
    treatments: v.treatmentsTried.map((t) => ({
      id: t.id,
      treatment: t.treatment,
      kind: t.kind,
      startDate: t.startDate,
      endDate: t.endDate ?? '',
      sessions: t.sessions === null ? '' : String(t.sessions),
      effect: t.effect,
      notes: t.notes,
    })),
    tests: v.imagingAndTests.map((i) => ({ what: i.what, date: i.date ?? '' })),
    otherConditions: v.otherConditions.join('\n'),
    medicines: v.medicines.join('\n'),
    allergies: v.allergies.join('\n'),
    redFlags: { ...v.redFlags },
    finished: v.finished,
  };
}

export const linesOf = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

const isDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text);

/** The treatments (by number, from 1) that lack a name or a start date. */
export const incompleteTreatments = (d: IntakeDraft): number[] =>
  d.treatments.flatMap((t, i) => (t.treatment.trim() === '' || !isDate(t.startDate) ? [i + 1] : []));

/** The tests (by number, from 1) that do not say what they were. */
export const incompleteTests = (d: IntakeDraft): number[] => d.tests.flatMap((t, i) => (t.what.trim() === '' ? [i + 1] : []));

export function inputOf(d: IntakeDraft): IntakeInput {
  return {
    visitId: d.visitId,
    onsetDate: isDate(d.onsetDate) ? d.onsetDate : null,
    onsetAbout: d.onsetAbout,
    course: d.course,
    locations: d.locations.map((l) => ({ region: l.region, qualities: [...l.qualities] })),
    betterWith: linesOf(d.betterWith),
    worseWith: linesOf(d.worseWith),
    treatmentsTried: d.treatments.map((t) => ({
      id: t.id,
      treatment: t.treatment.trim(),
      kind: t.kind,
      startDate: t.startDate,
      endDate: isDate(t.endDate) ? t.endDate : null,
      sessions: /^\d+$/.test(t.sessions.trim()) ? Number(t.sessions.trim()) : null,
      effect: t.effect,
      notes: t.notes,
    })),
    imagingAndTests: d.tests.map((i) => ({ what: i.what.trim(), date: isDate(i.date) ? i.date : null })),
    otherConditions: linesOf(d.otherConditions),
    medicines: linesOf(d.medicines),
    allergies: linesOf(d.allergies),
    redFlags: { ...d.redFlags },
    finished: d.finished,
  };
}
