// The shape of a flare as it arrives (an API body, the benchmark's calibration write): types, ranges,
// vocabularies, lengths, required fields, formats and no unknown fields, checked once, here. The
// contract's FlareBody is built from these fields; validateFlare normalises what parsed and checks it
// against the server's clock.
import { z } from 'zod';
import { DIARY_LIMITS, TECHNIQUES, TRIGGERS } from './entry-vocabulary.ts';
import { formatted, list, objectError, oneOf, optionalNrs, parsedFields, say, UUID_PATTERN } from './diary-shape-parts.ts';
import { canonicalTimeZone, parseInstant } from '../time/local-date.ts';

function buildFlareSchemas() {
  const MAX_TEXT = DIARY_LIMITS.shortText;
  const MAX_ITEMS = 20;

  /** What helped, from the vocabulary: one's own techniques go in helpedText instead. */
  const HELPED_TECHNIQUES = TECHNIQUES.filter((t) => t !== 'own') as unknown as readonly [string, ...string[]];

  const isInstant = (text: string) => parseInstant(text) !== undefined;

  /** The person's own words, up to 20 of them, each 1 to 200 characters. */
  const ownWords = () =>
    z
      .array(
        z
          .string(say(`must be text of 1 to ${MAX_TEXT} characters`))
          .max(MAX_TEXT, say(`must be text of 1 to ${MAX_TEXT} characters`))
          .refine((text) => text.trim().length > 0, say(`must be text of 1 to ${MAX_TEXT} characters`)),
        say(`must be a list of at most ${MAX_ITEMS} items`),
      )
      .max(MAX_ITEMS, say(`must be a list of at most ${MAX_ITEMS} items`))
      .optional();

  /** The fields a client sends; the server adds the flare's id. */
  const FLARE_BODY_FIELDS = {
    startedAt: formatted(40, isInstant, 'must be an ISO-8601 instant with a zone'),
    /** Null (or absent) while the flare goes on. */
    endedAt: formatted(40, isInstant, 'must be an ISO-8601 instant with a zone, or empty while the flare goes on').nullable().optional(),
    timeZone: formatted(
      64,
      (text) => canonicalTimeZone(text) !== undefined,
      'must be an IANA time zone name, e.g. Europe/Berlin (not an offset such as +01:00)',
    ),
    peakIntensity: optionalNrs(),
    suspectedTriggers: list(oneOf(TRIGGERS), TRIGGERS.length).optional(),
    ownTriggers: ownWords(),
    helpedTechniques: list(oneOf(HELPED_TECHNIQUES), HELPED_TECHNIQUES.length).optional(),
    helpedText: ownWords(),
    notes: z
      .string(say(`must be text of at most ${DIARY_LIMITS.notesLength} characters`))
      .max(DIARY_LIMITS.notesLength, say(`must be text of at most ${DIARY_LIMITS.notesLength} characters`))
      .optional(),
  };

  /** A flare does not end before it starts; reported beside any shape problem once both times parsed. */
  const END_NOT_BEFORE_START_CHECK = z.superRefine(
    (v: { startedAt: string; endedAt?: string | null }, ctx) => {
      if (v.endedAt == null) return;
      if (Date.parse(parseInstant(v.endedAt) ?? '') < Date.parse(parseInstant(v.startedAt) ?? ''))
        ctx.addIssue({ code: 'custom', path: ['endedAt'], message: 'a flare cannot end before it starts' });
    },
    { when: parsedFields('startedAt', 'endedAt') },
  );

  /** A whole flare: the body's fields with the id the server gives it. */
  const flareShape = z
    .strictObject(
      { id: formatted(36, (text) => UUID_PATTERN.test(text), 'must be a UUID'), ...FLARE_BODY_FIELDS },
      objectError('must be an object'),
    )
    .check(END_NOT_BEFORE_START_CHECK);
  return { bodyFields: FLARE_BODY_FIELDS, endNotBeforeStartCheck: END_NOT_BEFORE_START_CHECK, flare: flareShape };
}

let built: ReturnType<typeof buildFlareSchemas> | undefined;

/** The flare's schemas: the body's fields (for the contract), the end-not-before-start rule and the whole flare. Built on first use, so importing this module pulls in no zod. */
export function flareSchemas(): ReturnType<typeof buildFlareSchemas> {
  built ??= buildFlareSchemas();
  return built;
}

export type FlareShape = z.output<ReturnType<typeof buildFlareSchemas>['flare']>;
