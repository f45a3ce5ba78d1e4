import type { CaseTerm } from '../domain/case.ts';
import type { FollowUp } from '../domain/follow-up.ts';
import type { CaseId, FollowUpId, WorkOrderId } from '../domain/ids.ts';
import type { Duration, Timestamp } from '../domain/primitives.ts';
import type { RiskLevel } from '../domain/risk-level.ts';
import { addDuration, instant } from './duration.ts';
import type { CaseEventOf } from './events.ts';
import { defaultWorkflowPolicy, type WorkflowPolicy } from './policy.ts';
import type { CaseState } from './state.ts';

/** Statuses after 结案: nothing is followed up any more. */
const AFTER_CLOSURE = new Set(['evaluation', 'feedback', 'closed']);

/** Options of a follow-up schedule. */
export interface ScheduleOptions {
  readonly caseId: CaseId;
  readonly level: RiskLevel;
  readonly term: CaseTerm;
  /** When the schedule starts: the level was set, rescue confirmed or the case reopened. */
  readonly from: Timestamp;
  /** Distinguishes the ids of successive schedules of one case (the case version that made it). */
  readonly batch: number;
  readonly policy?: WorkflowPolicy;
}

/**
 * The follow-ups the policy schedules for a level and case term, due at each offset after `from`.
 * @see reference/triage.md §0.1 (default follow-up schedules, proposed)
 */
export function followUpSchedule(options: ScheduleOptions): FollowUp[] {
  const policy = options.policy ?? defaultWorkflowPolicy;
  return policy.followUps[options.level][options.term].map((offset, i) => ({
    id: `fu${options.batch}.${i + 1}` as FollowUpId,
    caseId: options.caseId,
    dueAt: addDuration(options.from, offset),
    offset,
  }));
}

/** A follow-up or work order due (within the window) or overdue at a given time. */
export interface DueItem {
  readonly kind: 'follow_up' | 'work_order';
  readonly id: FollowUpId | WorkOrderId;
  readonly dueAt: Timestamp;
  /** True when the due time has passed. */
  readonly overdue: boolean;
}

/** Follow-ups not yet recorded and work orders not yet completed or cancelled, earliest first. */
function pendingItems(state: CaseState, now: Timestamp): DueItem[] {
  if (AFTER_CLOSURE.has(state.case.status)) return [];
  const items: DueItem[] = [];
  for (const f of state.followUps) {
    if (f.doneAt === undefined)
      items.push({ kind: 'follow_up', id: f.id, dueAt: f.dueAt, overdue: instant(f.dueAt) < instant(now) });
  }
  for (const w of state.workOrders) {
    if (isOpenWorkOrder(w.status)) {
      items.push({ kind: 'work_order', id: w.id, dueAt: w.dueAt, overdue: instant(w.dueAt) < instant(now) });
    }
  }
  return items.sort((a, b) => instant(a.dueAt) - instant(b.dueAt));
}

/**
 * Follow-ups not yet recorded and work orders not yet completed or cancelled that are due by `now` plus `within`
 * (default PT0S), earliest first; `overdue` when the due time has passed. A case after 结案 has none.
 */
export function dueItems(state: CaseState, now: Timestamp, options: { within?: Duration } = {}): DueItem[] {
  const until = instant(addDuration(now, options.within ?? 'PT0S'));
  return pendingItems(state, now).filter((item) => instant(item.dueAt) <= until);
}

/** True while a work order still needs doing. */
export function isOpenWorkOrder(status: string): boolean {
  return status === 'dispatched' || status === 'acknowledged' || status === 'escalated';
}

/** What the case needs next. */
export type NextAction =
  | 'assess'
  | 'confirm_rescue'
  | 'follow_up'
  | 'work_order'
  | 'acknowledge_referral'
  | 'close'
  | 'evaluate'
  | 'send_feedback';

/** The next step of an open case: what, by when, and which item when it is one. */
export interface NextStep {
  readonly action: NextAction;
  readonly dueAt: Timestamp;
  readonly id?: string;
}

/**
 * The next step of a case and its due time, or null once the loop is closed: every open case has one, so nothing
 * falls through. Pending items come first (rescue, then the earliest follow-up or work order); otherwise the step
 * the status waits for.
 */
export function nextStep(state: CaseState, policy: WorkflowPolicy = defaultWorkflowPolicy): NextStep | null {
  const { status, level, openedAt } = state.case;
  if (status === 'closed') return null;
  if (status === 'evaluation') {
    return { action: 'evaluate', dueAt: addDuration(state.closure?.at ?? state.lastEventAt, policy.steps.evaluate) };
  }
  if (status === 'feedback') {
    return {
      action: 'send_feedback',
      dueAt: addDuration(state.evaluation?.at ?? state.lastEventAt, policy.steps.feedback),
    };
  }
  const rescue = state.emergencies.find((e) => e.rescueConfirmedAt === undefined);
  if (rescue) return { action: 'confirm_rescue', dueAt: rescue.at };
  const [first] = pendingItems(state, state.lastEventAt);
  if (first) return { action: first.kind, dueAt: first.dueAt, id: first.id };
  if (status === 'screening') {
    return { action: 'assess', dueAt: addDuration(openedAt, policy.levels[level].responseTarget) };
  }
  const referral = state.referrals.find((r) => r.acknowledgedAt === undefined);
  if (referral) {
    return {
      action: 'acknowledge_referral',
      dueAt: addDuration(referral.referredAt, policy.levels[level].responseTarget),
      id: referral.id,
    };
  }
  return { action: 'close', dueAt: addDuration(state.lastEventAt, policy.steps.close) };
}

/**
 * The escalation events due at `now`: one `work_order_escalated` by the system for each open work order past its due
 * time and not yet escalated. The caller applies them (and persists them) like any other event.
 */
export function overdueEscalations(state: CaseState, now: Timestamp): CaseEventOf<'work_order_escalated'>[] {
  if (AFTER_CLOSURE.has(state.case.status)) return [];
  return state.workOrders
    .filter((w) => (w.status === 'dispatched' || w.status === 'acknowledged') && instant(w.dueAt) < instant(now))
    .map((w) => ({ type: 'work_order_escalated', at: now, actor: 'system', workOrderId: w.id, reason: 'overdue' }));
}
