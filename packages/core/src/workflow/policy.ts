import type { CaseTerm } from '../domain/case.ts';
import type { Duration } from '../domain/primitives.ts';
import type { RiskLevel } from '../domain/risk-level.ts';
import { defaultLevelScheme, type LevelScheme } from '../rules/levels.ts';

/** What closing (结案) a case needs, by the highest level the case held since it was opened or reopened. */
export interface ClosureRequirement {
  /** Follow-ups that must be done (not merely attempted) before closing. */
  readonly minFollowUpsDone: number;
  /** The role whose sign-off closing needs, or null when none does. */
  readonly signOff: string | null;
}

/** The workflow's configurable policy. */
export interface WorkflowPolicy {
  /** Follow-up offsets after the level was set (for R4: after rescue was confirmed), by level and case term. */
  readonly followUps: Readonly<Record<RiskLevel, Readonly<Record<CaseTerm, readonly Duration[]>>>>;
  /** When a follow-up is missed (unreachable), another is scheduled this long after; null: none. */
  readonly retryMissed: Readonly<Record<RiskLevel, Duration | null>>;
  readonly closure: Readonly<Record<RiskLevel, ClosureRequirement>>;
  /** Response targets: a work order is due this long after dispatch, a new case's assessment after opening. */
  readonly levels: LevelScheme;
  /** How long the steps after closure may take: evaluation after 结案, feedback after evaluation. */
  readonly steps: { readonly evaluate: Duration; readonly feedback: Duration; readonly close: Duration };
}

const both = (offsets: readonly Duration[]) => ({ long_term: offsets, short_term: offsets });

/**
 * The default policy. Follow-up schedules are the PROPOSED defaults of reference/triage.md §0.1 (no retrieved standard
 * fixes them; the table says they must be configuration); the same for both case terms until a service sets them
 * apart. Closure needs the whole high-risk schedule done and a supervisor's sign-off for R3/R4 (§0.1 "supervisor
 * review"; §1.4 "supervisors available all hours"); R4 also needs rescue confirmed (§1.4, enforced for any case that
 * reached R4 or was transferred). Response targets come from the level scheme (rules/levels.ts).
 * @see reference/triage.md §0.1, §1.4
 */
export const defaultWorkflowPolicy: WorkflowPolicy = {
  followUps: {
    R4: both(['PT24H', 'PT72H', 'P7D', 'P14D', 'P30D']),
    R3: both(['PT24H', 'PT72H', 'P7D', 'P14D', 'P21D', 'P28D']),
    R2: both(['P7D', 'P14D', 'P28D', 'P42D']),
    R1: both(['P14D']),
    R0: both(['P7D']),
  },
  retryMissed: { R4: 'PT24H', R3: 'PT24H', R2: 'PT72H', R1: null, R0: null },
  closure: {
    R4: { minFollowUpsDone: 5, signOff: 'supervisor' },
    R3: { minFollowUpsDone: 6, signOff: 'supervisor' },
    R2: { minFollowUpsDone: 2, signOff: null },
    R1: { minFollowUpsDone: 0, signOff: null },
    R0: { minFollowUpsDone: 0, signOff: null },
  },
  levels: defaultLevelScheme,
  steps: { evaluate: 'P7D', feedback: 'P7D', close: 'P14D' },
};
