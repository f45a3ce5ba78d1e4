import { err, ok, type Result } from '@triage/scales';
import type { Timestamp } from '../domain/primitives.ts';
import { instant } from './duration.ts';
import { type WorkflowError, workflowError } from './errors.ts';
import { type CaseEvent, type CaseEventOf, caseEventSchema } from './events.ts';
import { handlers } from './handlers.ts';
import { defaultWorkflowPolicy, type WorkflowPolicy } from './policy.ts';
import { followUpSchedule } from './schedule.ts';
import type { CaseState } from './state.ts';
import { INITIAL_STATUS, nextStatus } from './transitions.ts';

/** The world an event is applied in: the current time (never read from a clock here) and the policy. */
export interface ApplyOptions {
  readonly now: Timestamp;
  readonly policy?: WorkflowPolicy;
}

/**
 * Parses an event again, whatever its static type: events come back from storage and over the wire. Issues name
 * paths, never values.
 */
function parseEvent(input: unknown): Result<CaseEvent, WorkflowError> {
  const parsed = caseEventSchema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const detail = parsed.error.issues.map((i) => i.path.join('.') || i.code).join(', ');
  return err(workflowError('CORE_INVALID_EVENT', { detail }));
}

/**
 * Opens a case from an `opened` event: status screening, the level's follow-up schedule from the opening time.
 * @example
 * const opened = openCase({ type: 'opened', at, actor, caseId, subject, term: 'long_term', level: 'R3', owner,
 *   originator: { kind: 'hotline', ref: '12355' } }, { now: at });
 */
export function openCase(
  event: CaseEventOf<'opened'> | unknown,
  options: ApplyOptions,
): Result<CaseState, WorkflowError> {
  const parsed = parseEvent(event);
  if (!parsed.ok) return parsed;
  const e = parsed.value;
  if (e.type !== 'opened') {
    return err(workflowError('CORE_ILLEGAL_TRANSITION', { status: '-', event: e.type }, { event: e.type }));
  }
  if (instant(e.at) > instant(options.now)) {
    return err(workflowError('CORE_EVENT_IN_FUTURE', { at: e.at, now: options.now }, { event: e.type }));
  }
  const policy = options.policy ?? defaultWorkflowPolicy;
  return ok({
    case: {
      id: e.caseId,
      subject: e.subject,
      term: e.term,
      status: INITIAL_STATUS,
      owner: e.owner,
      level: e.level,
      openedAt: e.at,
    },
    originator: e.originator,
    peakLevel: e.level,
    scheduleFrom: e.at,
    cycleStart: e.at,
    referrals: [],
    workOrders: [],
    followUps: followUpSchedule({ caseId: e.caseId, level: e.level, term: e.term, from: e.at, batch: 1, policy }),
    emergencies: [],
    signOffs: [],
    lastEventAt: e.at,
    version: 1,
  });
}

/**
 * Applies one event to a case: the transition table decides whether the event is legal in the case's status, then the
 * event's guards decide whether it may happen now. Returns the next state, or an error with a stable code; the input
 * state is never changed.
 * @see reference/triage.md §0.1, §1.4, §4.2
 * @example
 * const r = applyEvent(state, { type: 'closed', at, actor: supervisorId, reason: 'goals met' }, { now });
 * if (!r.ok) console.error(workflowErrorMessage(r.error, 'zh')); // e.g. CORE_OPEN_WORK_ORDERS
 */
export function applyEvent(
  state: CaseState,
  event: CaseEvent,
  options: ApplyOptions,
): Result<CaseState, WorkflowError> {
  const parsed = parseEvent(event);
  if (!parsed.ok) return parsed;
  const e = parsed.value;
  const { status } = state.case;
  const context = { event: e.type, status };
  const fail = (error: WorkflowError) => err({ ...error, ...context });
  if (instant(e.at) > instant(options.now)) {
    return fail(workflowError('CORE_EVENT_IN_FUTURE', { at: e.at, now: options.now }));
  }
  if (instant(e.at) < instant(state.lastEventAt)) {
    return fail(workflowError('CORE_EVENT_OUT_OF_ORDER', { at: e.at, last: state.lastEventAt }));
  }
  const next = nextStatus(status, e.type);
  if (next === undefined) return fail(workflowError('CORE_ILLEGAL_TRANSITION'));
  // The table is keyed by type, so handlers[e.type] takes exactly this event; TypeScript cannot correlate the two.
  const handler = handlers[e.type] as (
    s: CaseState,
    ev: CaseEvent,
    p: WorkflowPolicy,
  ) => Result<CaseState, WorkflowError>;
  const applied = handler(state, e, options.policy ?? defaultWorkflowPolicy);
  if (!applied.ok) return fail(applied.error);
  const s = applied.value;
  return ok({ ...s, case: { ...s.case, status: next }, lastEventAt: e.at, version: state.version + 1 });
}
