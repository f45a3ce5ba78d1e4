import type { Outcome, Rule } from '../schema.ts';
import type { Conjunct } from './normalize.ts';

/** A rule ready for the region checks: its rank under max-severity and the alternatives that may be true. */
export interface AnalysedRule {
  readonly rule: Rule;
  readonly index: number;
  /** Level rank (R0 = 0 … R4 = 4); −1 without a level, as evaluate.ts ranks it. */
  readonly rank: number;
  /** Satisfiable alternatives of the condition; empty when the rule can never fire. */
  readonly region: readonly Conjunct[];
}

/** Outcomes taken from one rule only: the most severe that sets them, the first in order on a tie (evaluate.ts). */
export const SINGLE_VALUED = ['category', 'followUp', 'caseTerm'] as const;

const workOrderKey = (w: { target: string; due: string }) => `${w.target}@${w.due}`;
const within = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
  (a ?? []).every((x) => (b ?? []).includes(x));

/** Whether `then` contributes anything to a decision: a level or any outcome. */
export const contributes = (then: Outcome): boolean =>
  then.level !== undefined ||
  SINGLE_VALUED.some((f) => then[f] !== undefined) ||
  (then.actions?.length ?? 0) + (then.referrals?.length ?? 0) + (then.workOrders?.length ?? 0) > 0;

/**
 * Whether a more severe rule's outcome leaves nothing for `lower` to add: it sets every single-valued outcome
 * `lower` sets (so its values win) and a superset of its actions, referrals and work orders.
 */
export function outcomeCovers(higher: Outcome, lower: Outcome): boolean {
  return (
    SINGLE_VALUED.every((f) => lower[f] === undefined || higher[f] !== undefined) &&
    within(lower.actions, higher.actions) &&
    within(lower.referrals, higher.referrals) &&
    within(lower.workOrders?.map(workOrderKey), higher.workOrders?.map(workOrderKey))
  );
}
