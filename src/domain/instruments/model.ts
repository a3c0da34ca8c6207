// The shape every instrument definition takes, and the result of scoring one response.
// Definitions are declarative data (items, options, bands, MCID, LOINC, licence, source); each carries
// one pure `score` function that applies the published rule. Every number cites its primary source
// (paper, manual, LOINC or NINDS page) with a URL or DOI in the definition's `source` and comments.

/** One allowed answer. `value` is what a response carries; `label` paraphrases the published anchor. */
export interface ResponseOption {
  readonly value: number;
  readonly label: string;
  /** LOINC answer code (LA…) where one exists. */
  readonly loinc?: string;
}

export interface ItemDefinition {
  /** The published item number as a string ("1", "2", "9A" …) or, where the form has none, a stable key. */
  readonly key: string;
  /** What the item asks, paraphrased (copyrighted wording is never reproduced). */
  readonly construct: string;
  readonly options: readonly ResponseOption[];
  /** LOINC item code where one exists. */
  readonly loinc?: string;
  /** Optional items (e.g. ODI section 8 "if applicable") may be left out without making the response incomplete. */
  readonly optional?: boolean;
  /** Shown before the item in a multi-part form, e.g. "Widespread pain index — past week". */
  readonly group?: string;
}

/** A band is chosen by the first whose lower bound the score meets, scanning from the highest. */
export interface BandDefinition {
  /** Kebab-case id, stable (e.g. `moderately-severe`). */
  readonly id: string;
  readonly label: string;
  /** Lower bound of the band; `inclusive: false` means strictly above (e.g. ODI "21–40 %" is "above 20"). */
  readonly from: number;
  readonly inclusive: boolean;
  /** Display range, e.g. "10–14". */
  readonly range: string;
  /** Plain-language explanation for the patient. */
  readonly patientText: string;
}

export type Direction = 'lower-is-better' | 'higher-is-better';

export type ChangeRule =
  /** IMMPACT percent categories for pain intensity (Dworkin 2008). */
  | { readonly kind: 'immpact-percent'; readonly source: string }
  /** An important change is at least `points`, or (when given) at least `percent` of the baseline. */
  | {
      readonly kind: 'threshold';
      readonly points: number;
      readonly percent?: number;
      readonly source: string;
      readonly unconfirmed?: boolean;
    }
  /** Global-impression ratings are themselves the change (PGIC). */
  | { readonly kind: 'rating'; readonly source: string }
  | { readonly kind: 'none'; readonly reason: string };

export type LicenceKind =
  /** Free to present to patients (public domain or "no permission required"). */
  | 'free'
  /** Licence or written permission needed before item text is shown to patients in software. */
  | 'licensed';

export interface Licence {
  readonly kind: LicenceKind;
  readonly holder: string;
  /** Attribution shown wherever the instrument is displayed. */
  readonly attribution: string;
  readonly note: string;
  readonly unconfirmed?: boolean;
}

/** A documented setting standing in for a rule the sources leave unconfirmed. */
export interface SettingDoc {
  readonly name: string;
  readonly value: string | number | boolean;
  readonly why: string;
}

export type Sex = 'female' | 'male' | 'other' | 'unknown';

export interface ScoreContext {
  /** Used by sex-weighted instruments (ORT). */
  readonly sex?: Sex;
}

export interface Scored {
  readonly kind: 'scored';
  /** The instrument's primary score (PHQ-9 total, PEG mean, ODI percent, PROMIS T-score …). */
  readonly score: number;
  /** Every named score and subscale, primary included. `null` where a subscale cannot be scored. */
  readonly scores: Readonly<Record<string, number | null>>;
  /** Kebab-case id of the published band, or null where the instrument has none. */
  readonly band: string | null;
  /** Stable flag ids, e.g. `crisis` (PHQ-9 item 9 > 0), `item-9-unknown`, `positive-screen`. */
  readonly flags: readonly string[];
  /** Items left unanswered but allowed by the instrument's missing-item rule. */
  readonly missing: readonly string[];
}

export interface Incomplete {
  readonly kind: 'incomplete';
  /** Items whose absence prevents scoring. */
  readonly missing: readonly string[];
  /** Subscales that can still be scored (e.g. PHQ-2 from an incomplete PHQ-9); may be empty. */
  readonly scores: Readonly<Record<string, number | null>>;
  readonly flags: readonly string[];
}

export type ScoreResult = Scored | Incomplete;

/** Answers after validation: item key → numeric value; unanswered items are absent. */
export type Answers = ReadonlyMap<string, number>;

export interface InstrumentDefinition {
  /** Stable kebab-case id used in URLs and the CLI, e.g. `phq-9`. */
  readonly id: string;
  readonly version: string;
  /** Bumped whenever the scoring function changes; stored with each response. */
  readonly scoringVersion: string;
  readonly title: string;
  readonly shortTitle: string;
  readonly measures: string;
  /** e.g. "Past 2 weeks"; null where the instrument defines none. */
  readonly recallPeriod: string | null;
  readonly items: readonly ItemDefinition[];
  readonly scoreRange: { readonly min: number; readonly max: number };
  /** Name of the primary score inside `scores`, e.g. `total`. */
  readonly primaryScore: string;
  readonly scoreUnit: string;
  readonly direction: Direction;
  readonly bands: readonly BandDefinition[];
  readonly change: ChangeRule;
  /** Whether raising any one answer can never lower the primary score (property-tested). */
  readonly monotone: boolean;
  readonly loinc: { readonly panel?: string; readonly score?: string };
  readonly licence: Licence;
  readonly source: string;
  readonly settings: readonly SettingDoc[];
  /** Scoring depends on ScoreContext.sex (ORT's sex-weighted items). */
  readonly usesSex?: boolean;
  readonly score: (answers: Answers, context: ScoreContext) => ScoreResult;
}
