import { describe, expect, it } from 'vitest';
import { type CaseStatus, caseStatusSchema } from '../domain/case.ts';
import type { WorkOrderId } from '../domain/ids.ts';
import { applyEvent } from './apply-event.ts';
import { CASE_EVENT_TYPES, type CaseEvent, type CaseEventType } from './events.ts';
import { ev, NOW, opened, pendingFollowUp, run, supervisor } from './fixtures.ts';
import { defaultWorkflowPolicy, type WorkflowPolicy } from './policy.ts';
import type { CaseState } from './state.ts';
import { CASE_TRANSITIONS, nextStatus } from './transitions.ts';

// R1 with two follow-ups far ahead: a case in any status can close without waiting on one.
const policy: WorkflowPolicy = {
  ...defaultWorkflowPolicy,
  followUps: { ...defaultWorkflowPolicy.followUps, R1: { long_term: ['P14D', 'P21D'], short_term: ['P14D', 'P21D'] } },
};
const hospital = { kind: 'hospital', id: 'hosp-1' } as const;
const wo = (id: string) => id as WorkOrderId;

type Step = (s: CaseState) => CaseEvent;
const after = (s: CaseState) => new Date(Date.parse(s.lastEventAt) + 3_600_000).toISOString();

/** Events that take a fresh R1 case to each status, with nothing left open: the case may close from there. */
const clean: Record<CaseStatus, Step[]> = {
  screening: [],
  assessment: [(s) => ev('assessed', after(s), { level: 'R1' })],
  referral: [],
  follow_up: [],
  closure: [],
  evaluation: [],
  feedback: [],
  closed: [],
};
clean.referral = [
  ...clean.assessment,
  (s) => ev('work_order_dispatched', after(s), { workOrderId: wo('wo-0'), target: hospital }),
  (s) => ev('work_order_completed', after(s), { workOrderId: wo('wo-0') }),
];
clean.follow_up = [
  ...clean.assessment,
  (s) => ev('follow_up_done', after(s), { followUpId: pendingFollowUp(s) as never, outcome: 'stable' }),
];
clean.closure = [...clean.follow_up, (s) => ev('closure_signed_off', after(s), { role: 'supervisor' })];
clean.evaluation = [...clean.closure, (s) => ev('closed', after(s), { actor: supervisor, reason: 'goals met' })];
clean.feedback = [...clean.evaluation, (s) => ev('evaluated', after(s), { score: 80 })];
clean.closed = [...clean.feedback, (s) => ev('feedback_sent', after(s), { channel: 'call' })];

/** A pending referral r1, an open work order wo-1 and an unconfirmed emergency transfer, in the working statuses. */
const busyReferral: Step[] = [
  ...clean.assessment,
  (s) => ev('work_order_dispatched', after(s), { workOrderId: wo('wo-1'), target: hospital }),
  (s) => ev('referred', after(s), { referralId: 'r1' as never, to: hospital, reason: 'psychiatric assessment' }),
  (s) => ev('emergency_transferred', after(s), { service: '110' }),
];
const busyFollowUp: Step[] = [
  ...busyReferral,
  (s) => ev('follow_up_done', after(s), { followUpId: pendingFollowUp(s) as never, outcome: 'stable' }),
];
const busy: Partial<Record<CaseStatus, Step[]>> = {
  referral: busyReferral,
  follow_up: busyFollowUp,
  closure: [...busyFollowUp, (s) => ev('closure_signed_off', after(s), { role: 'supervisor' })],
};

/** One valid event of each type, and whether it needs the busy state. */
const samples: Record<Exclude<CaseEventType, 'opened'>, { step: Step; busy?: true }> = {
  assessed: { step: (s) => ev('assessed', after(s), { level: s.case.level }) },
  level_changed: { step: (s) => ev('level_changed', after(s), { level: 'R4' }) },
  owner_changed: { step: (s) => ev('owner_changed', after(s), { owner: supervisor }) },
  referred: {
    step: (s) => ev('referred', after(s), { referralId: 'r9' as never, to: hospital, reason: 'outpatient' }),
  },
  referral_acknowledged: {
    step: (s) => ev('referral_acknowledged', after(s), { referralId: 'r1' as never }),
    busy: true,
  },
  work_order_dispatched: {
    step: (s) => ev('work_order_dispatched', after(s), { workOrderId: wo('wo-9'), target: hospital }),
  },
  work_order_acknowledged: {
    step: (s) => ev('work_order_acknowledged', after(s), { workOrderId: wo('wo-1') }),
    busy: true,
  },
  work_order_completed: { step: (s) => ev('work_order_completed', after(s), { workOrderId: wo('wo-1') }), busy: true },
  work_order_escalated: {
    step: (s) => ev('work_order_escalated', after(s), { workOrderId: wo('wo-1'), reason: 'refused' }),
    busy: true,
  },
  work_order_cancelled: {
    step: (s) => ev('work_order_cancelled', after(s), { workOrderId: wo('wo-1'), reason: 'duplicate' }),
    busy: true,
  },
  follow_up_done: {
    step: (s) => ev('follow_up_done', after(s), { followUpId: pendingFollowUp(s) as never, outcome: 'improved' }),
  },
  follow_up_missed: { step: (s) => ev('follow_up_missed', after(s), { followUpId: pendingFollowUp(s) as never }) },
  emergency_transferred: { step: (s) => ev('emergency_transferred', after(s), { service: '120' }) },
  rescue_confirmed: { step: (s) => ev('rescue_confirmed', after(s), {}), busy: true },
  closure_signed_off: { step: (s) => ev('closure_signed_off', after(s), { actor: supervisor, role: 'supervisor' }) },
  closed: { step: (s) => ev('closed', after(s), { actor: supervisor, reason: 'goals met' }) },
  evaluated: { step: (s) => ev('evaluated', after(s), { score: 90 }) },
  feedback_sent: { step: (s) => ev('feedback_sent', after(s), { channel: 'letter' }) },
  reopened: { step: (s) => ev('reopened', after(s), { reason: 'new disclosure' }) },
};

const states = new Map<string, CaseState>();
function stateFor(status: CaseStatus, needsBusy: boolean): CaseState {
  const steps = (needsBusy && busy[status]) || clean[status];
  const key = `${status}:${needsBusy && busy[status] ? 'busy' : 'clean'}`;
  let state = states.get(key);
  if (!state) {
    const events: CaseEvent[] = [];
    state = run([opened('R1')], { policy });
    for (const step of steps) {
      events.push(step(state));
      state = run([opened('R1'), ...events], { policy });
    }
    states.set(key, state);
  }
  return state;
}

const pairs = caseStatusSchema.options.flatMap((status) =>
  CASE_EVENT_TYPES.filter((t) => t !== 'opened').map((type) => {
    const to = nextStatus(status, type);
    return { status, type: type as Exclude<CaseEventType, 'opened'>, to, label: to ?? 'illegal' };
  }),
);

describe('transition table', () => {
  it('reaches every status from its fixture', () => {
    for (const status of caseStatusSchema.options) expect(stateFor(status, false).case.status).toBe(status);
    for (const status of ['referral', 'follow_up', 'closure'] as const) {
      expect(stateFor(status, true).case.status).toBe(status);
    }
  });

  it.each(pairs.filter((p) => p.to !== undefined))('$status + $type → $label', ({ status, type, to }) => {
    const sample = samples[type];
    const state = stateFor(status, sample.busy === true);
    const result = applyEvent(state, sample.step(state), { now: NOW, policy });
    expect(result.ok ? result.value.case.status : result.error.code).toBe(to);
  });

  it.each(pairs.filter((p) => p.to === undefined))('$status + $type is illegal', ({ status, type }) => {
    const sample = samples[type];
    const state = stateFor(status, sample.busy === true);
    const result = applyEvent(state, sample.step(state), { now: NOW, policy });
    expect(result.ok ? 'ok' : result.error).toMatchObject({ code: 'CORE_ILLEGAL_TRANSITION', status, event: type });
  });

  it.each(caseStatusSchema.options)('opened is illegal at %s', (status) => {
    const state = stateFor(status, false);
    const result = applyEvent(state, opened('R1', { at: state.lastEventAt }), { now: NOW });
    expect(result.ok ? 'ok' : result.error.code).toBe('CORE_ILLEGAL_TRANSITION');
  });

  it('names every event type and only known statuses', () => {
    expect(Object.keys(CASE_TRANSITIONS).sort()).toEqual([...CASE_EVENT_TYPES].sort());
    for (const row of Object.values(CASE_TRANSITIONS)) {
      for (const [from, to] of Object.entries(row)) {
        expect(caseStatusSchema.options).toContain(from);
        expect(caseStatusSchema.options).toContain(to);
      }
    }
  });

  it('has a path from screening to closed and back through reopening', () => {
    expect(stateFor('closed', false).case.closedAt).toBeDefined();
  });
});
