import type { RiskLevel } from '../domain/risk-level.ts';

/** Minutes of staff time per contact, by level. */
export type LevelMinutes = Readonly<Record<RiskLevel, number>>;

/**
 * Handle time of one answered contact by level: the hotline defaults of reference/triage.md §3.5 ("suggested
 * simulation defaults, to be calibrated": mean 15 min; R1/R0 10 min, R3 25 min, R4 40 min incl. warm transfer). R2
 * takes the overall mean. Used for the first assessment (研判) of a new case and for every answered follow-up.
 */
export const DEFAULT_CONTACT_MINUTES: LevelMinutes = { R4: 40, R3: 25, R2: 15, R1: 10, R0: 10 };

/**
 * Minutes an unanswered follow-up attempt takes (dial, wait, note the miss). No source gives a figure: an assumption,
 * to be set by the service.
 */
export const DEFAULT_NO_ANSWER_MINUTES = 2;

/**
 * Weeks projected when none are given: a school term's first 12 weeks covers every default follow-up schedule
 * (the longest, R2, ends at 42 days) and the closing step after it.
 */
export const DEFAULT_WEEKS = 12;

/**
 * Lowest level that counts as a referral: from R2 on, reference/triage.md §0.1 asks for a referral work order (R2) or
 * a work order with a deadline (R3) or an emergency transfer (R4); R1 gets counselling and a resource list on the spot.
 */
export const DEFAULT_REFERRAL_FROM: RiskLevel = 'R2';
