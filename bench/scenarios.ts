// HTTP scenarios that feature issues add to `npm run bench` (each with its target, if it has one).
import type autocannon from 'autocannon';
import type { ScenarioResult } from './run.ts';

export interface ScenarioContext {
  readonly baseUrl: string;
  readonly cookie: string;
  readonly csrfToken: string;
  readonly patientId: string;
  drive(name: string, options: autocannon.Options): Promise<ScenarioResult>;
}

export interface Scenario {
  readonly name: string;
  readonly target?: { readonly minRatio: number; readonly maxMs: number; readonly percentile?: 'p99Ms' | 'p95Ms' };
  run(ctx: ScenarioContext): Promise<ScenarioResult>;
}

export const EXTRA_SCENARIOS: readonly Scenario[] = [];
