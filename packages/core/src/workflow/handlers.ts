import { err, ok, type Result } from '@triage/scales';
import type { FollowUp } from '../domain/follow-up.ts';
import type { Timestamp } from '../domain/primitives.ts';
import { compareLevels, maxLevel, type RiskLevel } from '../domain/risk-level.ts';
import type { WorkOrder } from '../domain/work-order.ts';
import { addDuration, instant } from './duration.ts';
import { type WorkflowError, workflowError } from './errors.ts';
import type { CaseEvent, CaseEventOf, CaseEventType } from './events.ts';
import { checkClosure, checkLevelChange, staffOf } from './guards.ts';
import type { WorkflowPolicy } from './policy.ts';
import { followUpSchedule, isOpenWorkOrder } from './schedule.ts';
import type { CaseState } from './state.ts';

type Outcome = Result<CaseState, WorkflowError>;
type Handler<T extends CaseEventType> = (state: CaseState, event: CaseEventOf<T>, policy: WorkflowPolicy) => Outcome;

/**
 * Follow-ups not yet due replaced by the schedule of `level` from `from`. Recorded ones stay, and so do ones already
 * due: they still have to be recorded, done or missed, before the case can close.
 */
function reschedule(state: CaseState, level: RiskLevel, from: Timestamp, policy: WorkflowPolicy): CaseState {
  const schedule = followUpSchedule({
    caseId: state.case.id,
    level,
    term: state.case.term,
    from,
    batch: state.version + 1,
    policy,
  });
  return {
    ...state,
    scheduleFrom: from,
    followUps: [
      ...state.followUps.filter((f) => f.doneAt !== undefined || instant(f.dueAt) <= instant(from)),
      ...schedule,
    ],
  };
}

/** Sets the level: lowering is guarded; raising restarts the follow-up schedule and voids sign-offs given below it. */
function setLevel(state: CaseState, event: CaseEvent & { level: RiskLevel }, policy: WorkflowPolicy): Outcome {
  const from = state.case.level;
  // A level the system sets was decided by rules: the event names the rule set, so the decision can be explained.
  const byRule = event.type === 'assessed' || event.type === 'level_changed';
  if (byRule && event.actor === 'system' && event.ruleSet === undefined) {
    return err(workflowError('CORE_RULE_SET_REQUIRED'));
  }
  const refused = checkLevelChange(from, event.level, event);
  if (refused) return err(refused);
  const next = { ...state, case: { ...state.case, level: event.level } };
  if (compareLevels(event.level, from) <= 0) return ok(next);
  const raised = { ...next, peakLevel: maxLevel(state.peakLevel, event.level), signOffs: [] };
  return ok(reschedule(raised, event.level, event.at, policy));
}

function requireStaff(event: CaseEvent): WorkflowError | undefined {
  return staffOf(event.actor) === undefined ? workflowError('CORE_ACTOR_REQUIRED') : undefined;
}

function requireReason(event: CaseEvent): WorkflowError | undefined {
  return event.reason === undefined ? workflowError('CORE_REASON_REQUIRED') : undefined;
}

function findWorkOrder(state: CaseState, id: string): Result<WorkOrder, WorkflowError> {
  const order = state.workOrders.find((w) => w.id === id);
  if (!order) return err(workflowError('CORE_UNKNOWN_WORK_ORDER', { id }));
  if (!isOpenWorkOrder(order.status)) return err(workflowError('CORE_WORK_ORDER_CLOSED', { id, state: order.status }));
  return ok(order);
}

function updateWorkOrder(state: CaseState, id: string, update: (w: WorkOrder) => WorkOrder | WorkflowError): Outcome {
  const found = findWorkOrder(state, id);
  if (!found.ok) return found;
  const updated = update(found.value);
  if ('code' in updated) return err(updated);
  return ok({ ...state, workOrders: state.workOrders.map((w) => (w.id === id ? updated : w)) });
}

function recordFollowUp(
  state: CaseState,
  id: string,
  record: (f: FollowUp) => FollowUp,
): Result<FollowUp, WorkflowError> {
  const followUp = state.followUps.find((f) => f.id === id);
  if (!followUp) return err(workflowError('CORE_UNKNOWN_FOLLOW_UP', { id }));
  if (followUp.doneAt !== undefined) {
    return err(workflowError('CORE_ALREADY_RECORDED', { id, state: followUp.outcome ?? 'done' }));
  }
  return ok(record(followUp));
}

const replaceFollowUp = (state: CaseState, f: FollowUp): CaseState => ({
  ...state,
  followUps: state.followUps.map((x) => (x.id === f.id ? f : x)),
});

const without = <T extends object, K extends keyof T>(value: T, ...keys: K[]): Omit<T, K> => {
  const copy = { ...value };
  for (const k of keys) delete copy[k];
  return copy;
};

/** One reducer per event type; the transition table has already allowed the event in the current status. */
export const handlers: { readonly [T in CaseEventType]: Handler<T> } = {
  opened: () => err(workflowError('CORE_ILLEGAL_TRANSITION')),
  assessed: setLevel,
  level_changed: setLevel,
  owner_changed: (s, e) => ok({ ...s, case: { ...s.case, owner: e.owner } }),

  referred: (s, e) => {
    if (s.referrals.some((r) => r.id === e.referralId))
      return err(workflowError('CORE_DUPLICATE_ID', { id: e.referralId }));
    if (e.reason === undefined) return err(workflowError('CORE_REASON_REQUIRED'));
    const referral = {
      id: e.referralId,
      caseId: s.case.id,
      to: e.to,
      reason: e.reason,
      referredAt: e.at,
      ...(e.workOrderId === undefined ? {} : { workOrderId: e.workOrderId }),
    };
    return ok({ ...s, referrals: [...s.referrals, referral] });
  },
  referral_acknowledged: (s, e) => {
    const referral = s.referrals.find((r) => r.id === e.referralId);
    if (!referral) return err(workflowError('CORE_UNKNOWN_REFERRAL', { id: e.referralId }));
    if (referral.acknowledgedAt !== undefined) {
      return err(workflowError('CORE_ALREADY_RECORDED', { id: e.referralId, state: 'acknowledged' }));
    }
    const referrals = s.referrals.map((r) => (r.id === e.referralId ? { ...r, acknowledgedAt: e.at } : r));
    return ok({ ...s, referrals });
  },

  work_order_dispatched: (s, e, policy) => {
    if (s.workOrders.some((w) => w.id === e.workOrderId)) {
      return err(workflowError('CORE_DUPLICATE_ID', { id: e.workOrderId }));
    }
    const dueAt = e.dueAt ?? addDuration(e.at, policy.levels[s.case.level].responseTarget);
    if (instant(dueAt) < instant(e.at)) return err(workflowError('CORE_INVALID_EVENT', { detail: 'dueAt < at' }));
    const order: WorkOrder = {
      id: e.workOrderId,
      caseId: s.case.id,
      target: e.target,
      dispatchedAt: e.at,
      dueAt,
      status: 'dispatched',
    };
    return ok({ ...s, workOrders: [...s.workOrders, order] });
  },
  work_order_acknowledged: (s, e) =>
    updateWorkOrder(s, e.workOrderId, (w) =>
      w.acknowledgedAt !== undefined
        ? workflowError('CORE_ALREADY_RECORDED', { id: w.id, state: 'acknowledged' })
        : { ...w, status: 'acknowledged', acknowledgedAt: e.at },
    ),
  work_order_completed: (s, e) =>
    updateWorkOrder(s, e.workOrderId, (w) => ({ ...w, status: 'completed', completedAt: e.at })),
  work_order_escalated: (s, e, policy) =>
    updateWorkOrder(s, e.workOrderId, (w) => {
      if (instant(e.at) < instant(w.dueAt) && e.reason === undefined) {
        return workflowError('CORE_WORK_ORDER_NOT_OVERDUE', { id: w.id, dueAt: w.dueAt });
      }
      // The escalation target must acknowledge afresh, within the level's response target.
      return {
        ...without(w, 'acknowledgedAt'),
        target: e.to ?? w.target,
        status: 'escalated',
        dueAt: addDuration(e.at, policy.levels[s.case.level].responseTarget),
      };
    }),
  work_order_cancelled: (s, e) =>
    e.reason === undefined
      ? err(workflowError('CORE_REASON_REQUIRED'))
      : updateWorkOrder(s, e.workOrderId, (w) => ({ ...w, status: 'cancelled' })),

  follow_up_done: (s, e) => {
    const recorded = recordFollowUp(s, e.followUpId, (f) => ({
      ...f,
      doneAt: e.at,
      outcome: e.outcome,
      ...(e.level === undefined ? {} : { level: e.level }),
    }));
    return recorded.ok ? ok(replaceFollowUp(s, recorded.value)) : recorded;
  },
  follow_up_missed: (s, e, policy) => {
    const recorded = recordFollowUp(s, e.followUpId, (f) => ({ ...f, doneAt: e.at, outcome: 'unreachable' }));
    if (!recorded.ok) return recorded;
    const next = replaceFollowUp(s, recorded.value);
    const retry = policy.retryMissed[s.case.level];
    if (retry === null) return ok(next);
    // Someone unreachable is tried again, not dropped.
    const again: FollowUp = {
      id: `fu${s.version + 1}.1` as FollowUp['id'],
      caseId: s.case.id,
      dueAt: addDuration(e.at, retry),
      offset: retry,
    };
    return ok({ ...next, followUps: [...next.followUps, again] });
  },

  emergency_transferred: (s, e, policy) => {
    const next = { ...s, emergencies: [...s.emergencies, { service: e.service, at: e.at }] };
    // A one-key transfer means imminent risk: the level rises to R4 (raising needs no reason).
    return s.case.level === 'R4' ? ok(next) : setLevel(next, { ...e, level: 'R4' }, policy);
  },
  rescue_confirmed: (s, e, policy) => {
    const pending = s.emergencies.some((x) => x.rescueConfirmedAt === undefined);
    if (!pending && s.peakLevel !== 'R4') return err(workflowError('CORE_NO_EMERGENCY'));
    if (!pending && s.rescueConfirmedAt !== undefined) {
      return err(workflowError('CORE_ALREADY_RECORDED', { id: 'rescue', state: 'confirmed' }));
    }
    const next: CaseState = {
      ...s,
      rescueConfirmedAt: e.at,
      emergencies: s.emergencies.map((x) =>
        x.rescueConfirmedAt === undefined ? { ...x, rescueConfirmedAt: e.at } : x,
      ),
    };
    // The R4 schedule counts from the rescue: a post-rescue check within 24 h (reference/triage.md §0.1).
    return ok(s.case.level === 'R4' ? reschedule(next, 'R4', e.at, policy) : next);
  },

  closure_signed_off: (s, e) => {
    const by = staffOf(e.actor);
    if (by === undefined) return err(workflowError('CORE_ACTOR_REQUIRED'));
    return ok({ ...s, signOffs: [...s.signOffs, { role: e.role, by, at: e.at }] });
  },
  closed: (s, e, policy) => {
    const by = staffOf(e.actor);
    if (by === undefined) return err(workflowError('CORE_ACTOR_REQUIRED'));
    if (e.reason === undefined) return err(workflowError('CORE_REASON_REQUIRED'));
    const unmet = checkClosure(s, e.at, policy);
    if (unmet) return err(unmet);
    // Follow-ups not yet due end with the case; the closing event in the history says so.
    const followUps = s.followUps.filter((f) => f.doneAt !== undefined);
    return ok({ ...s, followUps, closure: { caseId: s.case.id, at: e.at, by, reason: e.reason } });
  },
  evaluated: (s, e) => {
    const by = staffOf(e.actor);
    if (by === undefined) return err(workflowError('CORE_ACTOR_REQUIRED'));
    const evaluation = {
      caseId: s.case.id,
      at: e.at,
      by,
      score: e.score,
      ...(e.notes === undefined ? {} : { notes: e.notes }),
    };
    return ok({ ...s, evaluation });
  },
  feedback_sent: (s, e) =>
    ok({
      ...s,
      case: { ...s.case, closedAt: e.at },
      feedback: { at: e.at, by: e.actor, channel: e.channel, to: s.originator },
    }),
  reopened: (s, e, policy) => {
    const refused = requireStaff(e) ?? requireReason(e);
    if (refused) return err(refused);
    const level = e.level ?? s.case.level;
    const base: CaseState = {
      ...without(s, 'closure', 'evaluation', 'feedback', 'rescueConfirmedAt'),
      case: { ...without(s.case, 'closedAt'), level },
      peakLevel: level,
      signOffs: [],
      cycleStart: e.at,
    };
    return ok(reschedule(base, level, e.at, policy));
  },
};
