import { z } from 'zod';
import type { CaseTerm } from '../domain/case.ts';
import { isoDateSchema, timestampSchema } from '../domain/primitives.ts';
import { type RiskLevel, riskLevelSchema } from '../domain/risk-level.ts';
import { durationMs } from '../workflow/duration.ts';
import type { WorkflowPolicy } from '../workflow/policy.ts';
import { DEFAULT_REFERRAL_FROM, DEFAULT_WEEKS } from './defaults.ts';

/** One screened student as the projection sees them: an id (a pseudonym is best) and the level a rule set gave. */
export interface CohortStudent {
  readonly id: string;
  /** null: scored, but no rule fired (no case is opened). */
  readonly level: RiskLevel | null;
  /** The decision's case term; when absent, long-term for R3–R4 and short-term below (reference/triage.md §0.1). */
  readonly term?: CaseTerm | null;
}

/** A level, or `none` for a student no rule gave a level. */
export type LevelOrNone = RiskLevel | 'none';

/** The order of levels in counts and the transition matrix: no level first, then R0 up to R4. */
export const LEVELS_OR_NONE: readonly LevelOrNone[] = ['none', ...riskLevelSchema.options];

const minutes = z.number().finite().nonnegative();
const levelMinutes = z.partialRecord(riskLevelSchema, minutes);
/** A duration the workflow can add: weeks, days, hours, minutes, seconds (no months or years). */
const fixedDuration = z.string().refine(
  (d) => {
    try {
      return durationMs(d) >= 0;
    } catch {
      return false;
    }
  },
  { message: 'an ISO 8601 duration in weeks, days or hours, such as P42D' },
);

/** The projection's settings, as plain data (a file, flags). The workflow policy comes beside it, as an object. */
export const cohortSettingsSchema = z.strictObject({
  /** The screening date (all decisions are made then); week 1 starts on it. */
  start: z.union([isoDateSchema, timestampSchema]),
  weeks: z.int().min(1).max(520).default(DEFAULT_WEEKS),
  /** Share of follow-up attempts nobody answers, 0 ≤ r < 1; a missed one is retried per the policy's `retryMissed`. */
  noAnswerRate: z.number().min(0).lt(1).default(0),
  /** Lowest level that counts as a referral. */
  referralFrom: riskLevelSchema.default(DEFAULT_REFERRAL_FROM),
  /** Minutes per contact: the first assessment of a case, an answered follow-up, an unanswered attempt. */
  handleMinutes: z
    .strictObject({
      assessment: levelMinutes.optional(),
      followUp: levelMinutes.optional(),
      noAnswer: minutes.optional(),
    })
    .optional(),
  /** How long a case stays open (until 结案), by level, instead of the policy's schedule plus its closing step. */
  caseDurations: z.partialRecord(riskLevelSchema, fixedDuration).optional(),
});
/** Settings as given (defaults may be left out). */
export type CohortSettingsInput = z.input<typeof cohortSettingsSchema>;
type CohortSettings = z.output<typeof cohortSettingsSchema>;

/** Options of a projection: its settings and, optionally, the workflow policy (default: `defaultWorkflowPolicy`). */
export interface CohortOptions extends CohortSettingsInput {
  readonly policy?: WorkflowPolicy;
}

/** Why a projection or a comparison cannot be made. */
export type CohortError =
  | { readonly code: 'CORE_COHORT_INVALID_OPTIONS'; readonly issues: readonly { path: string; message: string }[] }
  | { readonly code: 'CORE_COHORT_MISMATCH'; readonly index: number };

/** Settings checked, defaults filled in; or the problems, each with its path. */
export function parseCohortSettings(
  options: CohortOptions,
): { ok: true; value: CohortSettings } | { ok: false; error: CohortError } {
  const { policy: _policy, ...settings } = options;
  const parsed = cohortSettingsSchema.safeParse(settings);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    error: {
      code: 'CORE_COHORT_INVALID_OPTIONS',
      issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    },
  };
}
