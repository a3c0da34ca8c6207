// The pain diary's vocabularies and product limits: what an entry may name and how much of it.
//
// Pain qualities, triggers, techniques, sleep quality, mood and help levels are product vocabularies,
// not scored instruments: no clinical number depends on them. Ids are stable kebab strings, never
// reused or renamed, and each list's order is the canonical order an entry keeps its ids in.

export const PAIN_QUALITIES = [
  'burning',
  'electric-shooting',
  'tingling',
  'numbness',
  'itching',
  'aching',
  'throbbing',
  'stabbing',
  'cramping',
  'pressing',
  'cold-painful',
] as const;
export type PainQuality = (typeof PAIN_QUALITIES)[number];

export const PAIN_QUALITY_LABELS: Readonly<Record<PainQuality, string>> = {
  burning: 'Burning',
  'electric-shooting': 'Electric or shooting',
  tingling: 'Tingling, pins and needles',
  numbness: 'Numbness',
  itching: 'Itching',
  aching: 'Aching',
  throbbing: 'Throbbing',
  stabbing: 'Stabbing',
  cramping: 'Cramping',
  pressing: 'Pressing',
  'cold-painful': 'Painful cold',
};

export const TRIGGERS = [
  'poor-sleep',
  'stress',
  'emotional-upset',
  'weather-change',
  'cold',
  'heat',
  'overexertion',
  'inactivity',
  'prolonged-sitting',
  'prolonged-standing',
  'walking',
  'lifting',
  'bending',
  'housework',
  'work',
  'travel',
  'driving',
  'menstrual-cycle',
  'illness',
  'missed-medicine',
  'food-or-drink',
  'alcohol',
  'screen-time',
  'sexual-activity',
] as const;
export type TriggerId = (typeof TRIGGERS)[number];

export const TECHNIQUES = [
  'heat',
  'cold',
  'stretching',
  'walking',
  'exercise',
  'pacing',
  'rest',
  'position-change',
  'relaxation',
  'breathing',
  'meditation-mindfulness',
  'distraction',
  'massage',
  'tens',
  'social-contact',
  'hobby',
  'music',
  'own',
] as const;
export type TechniqueId = (typeof TECHNIQUES)[number];

export const HELP_LEVELS = ['not-at-all', 'a-little', 'somewhat', 'a-lot', 'completely'] as const;
export type HelpLevel = (typeof HELP_LEVELS)[number];

export const SLEEP_QUALITIES = ['very-poor', 'poor', 'fair', 'good', 'very-good'] as const;
export type SleepQuality = (typeof SLEEP_QUALITIES)[number];

export const MOODS = ['very-low', 'low', 'neutral', 'good', 'very-good'] as const;
export type Mood = (typeof MOODS)[number];

export const DOSE_UNITS = [
  'mg',
  'mcg',
  'g',
  'ml',
  'tablet',
  'capsule',
  'patch',
  'drop',
  'puff',
  'spray',
  'sachet',
  'suppository',
  'unit',
  'application',
] as const;
export type DoseUnit = (typeof DOSE_UNITS)[number];

export const MEDICINE_REGIMENS = ['scheduled', 'as-needed'] as const;
export type MedicineRegimen = (typeof MEDICINE_REGIMENS)[number];

export const ENTRY_MODES = ['real-time', 'recalled'] as const;
export type EntryMode = (typeof ENTRY_MODES)[number];

export const ENTRY_SOURCES = ['self', 'caregiver', 'clinician', 'device'] as const;
export type EntrySource = (typeof ENTRY_SOURCES)[number];

export const INTERFERENCE_ITEMS = ['activity', 'sleep', 'mood', 'stress'] as const;
export type InterferenceItem = (typeof INTERFERENCE_ITEMS)[number];

/** Product limits (not clinical numbers). */
export const DIARY_LIMITS = {
  notesLength: 10_000,
  shortText: 200,
  idLength: 100,
  ownTriggers: 20,
  meaningfulActivities: 20,
  medicines: 50,
  techniques: 30,
  activityMinutes: 1440,
  sleepHours: 24,
  /**
   * The largest medicine amount a diary entry stores, in any unit: a bound on what the store accepts
   * (a number typed with extra digits is refused), not a clinical maximum.
   */
  medicineAmount: 1_000_000,
  /** Tolerance between a real-time entry's stated wall clock and recordedAt, in minutes. */
  realTimeSkewMinutes: 15,
  /**
   * How far recordedAt may run ahead of the server's clock, in minutes. A device's clock may be off by
   * hours (set by hand, or in the wrong zone after travel) while the person's entry is still true;
   * refusing it would lose the check-in, so only what no clock error explains is refused: more than a
   * day ahead (a made-up time, such as the year 9999).
   */
  recordedAtAheadOfServerMinutes: 24 * 60,
} as const;
