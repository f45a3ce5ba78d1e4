import type { StaffId } from '../domain/ids.ts';
import type { Timestamp } from '../domain/primitives.ts';
import { compareLevels, type RiskLevel } from '../domain/risk-level.ts';
import { instant } from './duration.ts';
import { type WorkflowError, workflowError } from './errors.ts';
import type { Actor } from './events.ts';
import type { WorkflowPolicy } from './policy.ts';
import { isOpenWorkOrder } from './schedule.ts';
import type { CaseState } from './state.ts';

/** The staff member behind an actor, or undefined for the system. */
export const staffOf = (actor: Actor): StaffId | undefined => (actor === 'system' ? undefined : actor);

/**
 * A level may always be raised; lowering it needs a named staff member and a reason.
 * @see reference/triage.md §0.1 ("automatic down-grading is never allowed without a named human sign-off")
 */
export function checkLevelChange(
  from: RiskLevel,
  to: RiskLevel,
  event: { actor: Actor; reason?: string | undefined },
): WorkflowError | undefined {
  if (compareLevels(to, from) >= 0) return undefined;
  if (staffOf(event.actor) !== undefined && event.reason !== undefined) return undefined;
  return workflowError('CORE_LEVEL_LOWERED_WITHOUT_REASON', { from, to });
}

/**
 * What closing (结案) at `at` still lacks, first failing guard only: open work orders, unacknowledged referrals,
 * follow-ups due and not recorded or fewer done than the policy names, the sign-off it names, rescue confirmation.
 * Requirements follow the highest level held since the case was opened or reopened.
 */
export function checkClosure(state: CaseState, at: Timestamp, policy: WorkflowPolicy): WorkflowError | undefined {
  const open = state.workOrders.filter((w) => isOpenWorkOrder(w.status));
  if (open.length > 0) return workflowError('CORE_OPEN_WORK_ORDERS', { ids: open.map((w) => w.id).join(', ') });
  const unacknowledged = state.referrals.filter((r) => r.acknowledgedAt === undefined);
  if (unacknowledged.length > 0) {
    return workflowError('CORE_REFERRAL_UNACKNOWLEDGED', { ids: unacknowledged.map((r) => r.id).join(', ') });
  }
  const requirement = policy.closure[state.peakLevel];
  const overdue = state.followUps.filter((f) => f.doneAt === undefined && instant(f.dueAt) <= instant(at));
  const done = state.followUps.filter(
    (f) => f.doneAt !== undefined && f.outcome !== 'unreachable' && instant(f.doneAt) >= instant(state.cycleStart),
  ).length;
  if (overdue.length > 0 || done < requirement.minFollowUpsDone) {
    return workflowError('CORE_FOLLOW_UPS_MISSING', {
      done: String(done),
      required: String(requirement.minFollowUpsDone),
      ids: overdue.map((f) => f.id).join(', ') || '-',
    });
  }
  if (requirement.signOff !== null && !state.signOffs.some((s) => s.role === requirement.signOff)) {
    return workflowError('CORE_SIGN_OFF_REQUIRED', { level: state.peakLevel, role: requirement.signOff });
  }
  const unconfirmed = state.emergencies.some((e) => e.rescueConfirmedAt === undefined);
  if (unconfirmed || (state.peakLevel === 'R4' && state.rescueConfirmedAt === undefined)) {
    return workflowError('CORE_RESCUE_NOT_CONFIRMED');
  }
  return undefined;
}
