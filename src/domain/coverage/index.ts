export type { Criterion, CriterionStatus, Readiness, Verdict } from './criteria.ts';
export { evaluateReadiness } from './evaluate-readiness.ts';
export { ESI_RULES } from './esi.ts';
export { FACET_RULES } from './facet.ts';
export { SCS_RULES } from './scs.ts';
export {
  PROCEDURES,
  READINESS_REQUEST_SCHEMA,
  validateReadinessRequest,
  type HistoryItem,
  type Procedure,
  type ReadinessRequest,
  type ReadinessRequestResult,
} from './request.ts';
export {
  DEFAULT_COVERAGE_SETTINGS,
  ESI_LCDS,
  FACET_LCD_BY_JURISDICTION,
  MAC_JURISDICTIONS,
  SCS_LCDS,
  type CoverageSettings,
  type EsiLcd,
  type MacJurisdiction,
  type ScsLcd,
} from './settings.ts';
