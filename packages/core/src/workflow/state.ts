import type { Case } from '../domain/case.ts';
import type { Closure } from '../domain/closure.ts';
import type { Evaluation } from '../domain/evaluation.ts';
import type { FeedbackChannel } from '../domain/feedback.ts';
import type { FollowUp } from '../domain/follow-up.ts';
import type { StaffId } from '../domain/ids.ts';
import type { Timestamp } from '../domain/primitives.ts';
import type { Referral } from '../domain/referral.ts';
import type { RiskLevel } from '../domain/risk-level.ts';
import type { WorkOrder } from '../domain/work-order.ts';
import type { Actor, EmergencyService, Originator } from './events.ts';

/** A one-key transfer to emergency services and, once confirmed, when rescue reached the person. */
export interface EmergencyTransfer {
  readonly service: EmergencyService;
  readonly at: Timestamp;
  readonly rescueConfirmedAt?: Timestamp;
}

/** A sign-off for closing by a staff member in a role. */
export interface SignOff {
  readonly role: string;
  readonly by: StaffId;
  readonly at: Timestamp;
}

/** Feedback (反馈) sent to the originator: the loop is closed. */
export interface FeedbackSent {
  readonly at: Timestamp;
  readonly by: Actor;
  readonly channel: FeedbackChannel;
  readonly to: Originator;
}

/**
 * A case as the workflow sees it: the domain case plus everything its guards read. Built only by openCase and
 * applyEvent (or replay), so it is always a state some event history leads to.
 */
export interface CaseState {
  readonly case: Case;
  readonly originator: Originator;
  /** The highest level held since the case was opened or last reopened: closure requirements follow it. */
  readonly peakLevel: RiskLevel;
  /** When the current follow-up schedule started (level set, raised, rescue confirmed, reopened). */
  readonly scheduleFrom: Timestamp;
  readonly referrals: readonly Referral[];
  readonly workOrders: readonly WorkOrder[];
  readonly followUps: readonly FollowUp[];
  readonly emergencies: readonly EmergencyTransfer[];
  /** When rescue was last confirmed since the case was opened or reopened. */
  readonly rescueConfirmedAt?: Timestamp;
  /** When the case was opened or last reopened: closure counts follow-ups done since then. */
  readonly cycleStart: Timestamp;
  readonly signOffs: readonly SignOff[];
  readonly closure?: Closure;
  readonly evaluation?: Evaluation;
  readonly feedback?: FeedbackSent;
  /** Time of the last event applied: events are accepted only in time order. */
  readonly lastEventAt: Timestamp;
  /** Events applied so far, the opening one included; follow-up ids are numbered from it. */
  readonly version: number;
}
