// Public entry of the care-plan domain: conditions (mechanism, chronicity, CDC 2022 scope) and activity pacing.
// Sources: condition.ts (CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1), pacing.ts (clinical convention, unconfirmed).
export {
  classifyChronicity,
  cdc2022Scope,
  PAIN_MECHANISMS,
  CHRONICITY_SOURCE,
  type Chronicity,
  type Condition,
  type PainMechanism,
} from './condition.ts';
export {
  planPacing,
  computeTodaysQuota,
  quotaAtLevel,
  isMinutesUnit,
  DEFAULT_PACING_SETTINGS,
  PACING_SETTING_DOCS,
  MINUTES_PER_DAY,
  type PacingFlare,
  type PacingPlan,
  type PacingSettings,
  type PacingSession,
} from './pacing.ts';
export { addCalendarMonths, wholeCalendarMonthsBetween } from './calendar-months.ts';
