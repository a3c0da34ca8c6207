// An intake for a first consultation, filled in by the patient (or a caregiver) before it: how the pain
// began and how it has gone since, where it is and what it feels like, what makes it better or worse,
// what has been tried and how it went, tests, other conditions, medicines and allergies, and a screen
// for the signs that should not wait for an appointment.
//
// Source of the red-flag screen: Agency for Health Care Policy and Research, Clinical Practice Guideline
// No. 14, "Acute Low Back Problems in Adults" (Bigos S et al., 1994), Table 1 "Red flags for potentially
// serious conditions", https://www.ncbi.nlm.nih.gov/books/NBK52120/ — major trauma; history of cancer;
// constitutional symptoms such as recent fever or chills, or unexplained weight loss; saddle
// anaesthesia; recent onset of bladder dysfunction; severe or progressive neurologic deficit in the
// lower extremity. Bowel dysfunction is asked with bladder dysfunction and saddle numbness as one
// question because they are the same cauda-equina picture (the guideline's examination sign for it is
// laxity of the anal sphincter). The screen has no score and no threshold: any "yes" is enough.
//
// Invariants: every part may be left empty, so a half-filled intake can be saved and continued; a red
// flag not answered yet is null, never "no"; pain locations are body-map region codes, each at most once.
import type { PainQuality } from '../diary/entry-vocabulary.ts';
import type { LocalDate } from '../time/local-date.ts';

export const RED_FLAGS = [
  'bladder-bowel-saddle',
  'fever-with-back-pain',
  'unexplained-weight-loss',
  'history-of-cancer',
  'progressive-weakness',
  'major-trauma',
] as const;
export type RedFlag = (typeof RED_FLAGS)[number];

export const RED_FLAG_ANSWERS = ['yes', 'no', 'not-sure'] as const;
export type RedFlagAnswer = (typeof RED_FLAG_ANSWERS)[number];

/** Each red flag as the person is asked it, in plain words. */
export const RED_FLAG_QUESTIONS: Readonly<Record<RedFlag, string>> = {
  'bladder-bowel-saddle':
    'Since the pain began, have you had new trouble controlling or emptying your bladder or bowels, or numbness around your bottom, genitals or inner thighs (where you would sit on a saddle)?',
  'fever-with-back-pain': 'Have you had a fever or chills along with back pain?',
  'unexplained-weight-loss': 'Have you lost weight recently without trying?',
  'history-of-cancer': 'Have you ever had cancer?',
  'progressive-weakness': 'Is weakness or numbness in your legs getting worse?',
  'major-trauma': 'Did the pain start after a major injury, such as a car accident or a bad fall?',
};

/** What a positive screen tells the person, in the API's answer (the web app has its own words for it). */
export const URGENT_CARE_ADVICE =
  'Seek urgent care now: go to an emergency department or call your doctor today. Do not wait for your appointment. ' +
  'Clinics you share your record with are told too, but do not wait for them to contact you.';

export const PAIN_COURSES = ['getting-better', 'getting-worse', 'about-the-same', 'comes-and-goes'] as const;
export type PainCourse = (typeof PAIN_COURSES)[number];

/** The kinds of treatment a person can say they tried, the same modalities as a care plan's interventions. */
export const TREATMENT_KINDS = [
  'pharmacological',
  'interventional',
  'physical',
  'psychological',
  'complementary',
  'self-management',
] as const;
export type TreatmentKind = (typeof TREATMENT_KINDS)[number];

/** How a treatment went, the same outcomes as a conservative-care record. */
export const TREATMENT_EFFECTS = ['improved', 'partly-improved', 'no-change', 'worse', 'not-tolerated', 'unknown'] as const;
export type TreatmentEffect = (typeof TREATMENT_EFFECTS)[number];

export interface PainLocation {
  /** A body-map region code. */
  readonly region: string;
  readonly qualities: readonly PainQuality[];
}

/** A treatment already tried; its id is also the id of the conservative-care record it is kept as. */
export interface TreatmentTried {
  readonly id: string;
  readonly treatment: string;
  readonly kind: TreatmentKind;
  readonly startDate: LocalDate;
  /** Null while it goes on. */
  readonly endDate: LocalDate | null;
  readonly sessions: number | null;
  readonly effect: TreatmentEffect;
  readonly notes: string;
}

export interface DatedNote {
  readonly what: string;
  readonly date: LocalDate | null;
}

export interface Intake {
  /** The visit it is for, when the person linked one. */
  readonly visitId: string | null;
  readonly onsetDate: LocalDate | null;
  /** When the pain began in the person's words, for those who do not know the date ("winter 2019"). */
  readonly onsetAbout: string;
  readonly course: PainCourse | null;
  readonly locations: readonly PainLocation[];
  readonly betterWith: readonly string[];
  readonly worseWith: readonly string[];
  readonly treatmentsTried: readonly TreatmentTried[];
  readonly imagingAndTests: readonly DatedNote[];
  readonly otherConditions: readonly string[];
  readonly medicines: readonly string[];
  readonly allergies: readonly string[];
  readonly redFlags: Readonly<Record<RedFlag, RedFlagAnswer | null>>;
  /** Whether the person said they had finished; until then it is a draft to come back to. */
  readonly finished: boolean;
}

/** The red flags answered yes, in screen order. */
export function positiveRedFlags(redFlags: Intake['redFlags']): RedFlag[] {
  return RED_FLAGS.filter((f) => redFlags[f] === 'yes');
}

/** The red flags answered yes now that were not yes before (all of them when there was no before). */
export function newlyPositiveRedFlags(before: Intake['redFlags'] | null, after: Intake['redFlags']): RedFlag[] {
  return positiveRedFlags(after).filter((f) => before === null || before[f] !== 'yes');
}

/** The red flags not answered yet, in screen order. */
export function unansweredRedFlags(redFlags: Intake['redFlags']): RedFlag[] {
  return RED_FLAGS.filter((f) => redFlags[f] === null);
}
