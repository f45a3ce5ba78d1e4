import type { CaseStatus } from '../domain/case.ts';
import type { CaseEventType } from './events.ts';

/** Statuses in which the case is being worked (before 结案). */
const WORKING = ['screening', 'assessment', 'referral', 'follow_up', 'closure'] as const satisfies CaseStatus[];

type Row = Readonly<Partial<Record<CaseStatus, CaseStatus>>>;

/** Each working status to itself: the event is recorded and the case stays where it is. */
const stay = (statuses: readonly CaseStatus[]): Row => Object.fromEntries(statuses.map((s) => [s, s]));

/**
 * The transition table as data: for each event type, the statuses it is legal in and the status it leads to. Anything
 * not listed is CORE_ILLEGAL_TRANSITION. `opened` starts a case (openCase) and is legal in no status. The status is the
 * step the case is at: `closure` once sign-off for closing has begun, `evaluation` after 结案 until 评价, `feedback`
 * until 反馈 closes the loop, then `closed`.
 * @see reference/triage.md §0.1 (筛查→研判→转介→跟进→结案→评价→反馈 as a state machine), §1.4 (rescue confirmed)
 */
export const CASE_TRANSITIONS: Readonly<Record<CaseEventType, Row>> = {
  opened: {},
  assessed: { ...stay(WORKING), screening: 'assessment' },
  level_changed: stay(WORKING),
  owner_changed: stay([...WORKING, 'evaluation', 'feedback']),
  referred: { assessment: 'referral', referral: 'referral', follow_up: 'follow_up', closure: 'follow_up' },
  referral_acknowledged: stay(['referral', 'follow_up', 'closure']),
  work_order_dispatched: { assessment: 'referral', referral: 'referral', follow_up: 'follow_up', closure: 'follow_up' },
  work_order_acknowledged: stay(['referral', 'follow_up', 'closure']),
  work_order_completed: stay(['referral', 'follow_up', 'closure']),
  work_order_escalated: stay(['referral', 'follow_up', 'closure']),
  work_order_cancelled: stay(['referral', 'follow_up', 'closure']),
  follow_up_done: { assessment: 'follow_up', referral: 'follow_up', follow_up: 'follow_up', closure: 'closure' },
  follow_up_missed: { assessment: 'follow_up', referral: 'follow_up', follow_up: 'follow_up', closure: 'closure' },
  emergency_transferred: Object.fromEntries(WORKING.map((s) => [s, 'referral'])),
  rescue_confirmed: { referral: 'follow_up', follow_up: 'follow_up', closure: 'closure' },
  closure_signed_off: { referral: 'closure', follow_up: 'closure', closure: 'closure' },
  closed: { assessment: 'evaluation', referral: 'evaluation', follow_up: 'evaluation', closure: 'evaluation' },
  evaluated: { evaluation: 'feedback' },
  feedback_sent: { feedback: 'closed' },
  reopened: { evaluation: 'assessment', feedback: 'assessment', closed: 'assessment' },
};

/** The status a case opens in. */
export const INITIAL_STATUS: CaseStatus = 'screening';

/** The status `type` leads to from `status`, or undefined when the table does not allow it. */
export function nextStatus(status: CaseStatus, type: CaseEventType): CaseStatus | undefined {
  return CASE_TRANSITIONS[type][status];
}
