import { describe, expect, it } from 'vitest';
import type { WorkOrderId } from '../domain/ids.ts';
import { applyEvent, openCase } from './apply-event.ts';
import { durationMs } from './duration.ts';
import { isWorkflowError, WORKFLOW_ERROR_CODES, workflowErrorMessage } from './errors.ts';
import type { CaseEvent } from './events.ts';
import { counsellor, ev, hoursAfter, NOW, opened, run, supervisor, T0, unwrap } from './fixtures.ts';
import type { CaseState } from './state.ts';

const hospital = { kind: 'hospital', id: 'hosp-1' } as const;
const wo = (id: string) => id as WorkOrderId;
const code = (state: CaseState, event: CaseEvent, now = NOW) => {
  const r = applyEvent(state, event, { now });
  return r.ok ? 'ok' : r.error.code;
};

describe('time', () => {
  const state = run([opened('R2')]);
  it('refuses an event after now', () => {
    expect(code(state, ev('assessed', hoursAfter(2), { level: 'R2' }), hoursAfter(1))).toBe('CORE_EVENT_IN_FUTURE');
    expect(openCase(opened('R2'), { now: hoursAfter(-1) })).toMatchObject({ error: { code: 'CORE_EVENT_IN_FUTURE' } });
  });
  it('refuses an event before the last one: the history is append-only', () => {
    expect(code(state, ev('assessed', hoursAfter(-1), { level: 'R2' }))).toBe('CORE_EVENT_OUT_OF_ORDER');
  });
  it('accepts an event at the same instant as the last', () => {
    expect(code(state, ev('assessed', T0, { level: 'R2' }))).toBe('ok');
  });
});

describe('events are validated', () => {
  const state = run([opened('R2')]);
  it('refuses an unknown type or missing fields, naming paths not values', () => {
    const r = applyEvent(state, { type: 'assessed', at: hoursAfter(1), actor: counsellor } as never, { now: NOW });
    expect(r).toMatchObject({ ok: false, error: { code: 'CORE_INVALID_EVENT', params: { detail: 'level' } } });
    expect(code(state, { type: 'deleted', at: hoursAfter(1), actor: counsellor } as never)).toBe('CORE_INVALID_EVENT');
  });
  it('refuses a phone number as an actor', () => {
    expect(code(state, ev('assessed', hoursAfter(1), { level: 'R2', actor: '13812345678' as never }))).toBe(
      'CORE_INVALID_EVENT',
    );
  });
  it('opens only from an opened event', () => {
    expect(openCase(ev('assessed', T0, { level: 'R2' }) as never, { now: NOW })).toMatchObject({
      error: { code: 'CORE_ILLEGAL_TRANSITION' },
    });
  });
});

describe('risk level', () => {
  const state = run([opened('R3'), ev('assessed', hoursAfter(1), { level: 'R3' })]);
  it.each([
    [
      'by the system',
      {
        actor: 'system' as const,
        reason: 'rule',
        ruleSet: { id: 'd', version: '1', hash: `sha256:${'c'.repeat(64)}` },
      },
    ],
    ['without a reason', { actor: counsellor }],
  ])('is never lowered %s', (_, who) => {
    expect(code(state, ev('level_changed', hoursAfter(2), { level: 'R1', ...who }))).toBe(
      'CORE_LEVEL_LOWERED_WITHOUT_REASON',
    );
    expect(code(state, ev('assessed', hoursAfter(2), { level: 'R2', ...who }))).toBe(
      'CORE_LEVEL_LOWERED_WITHOUT_REASON',
    );
  });
  it('is lowered by a named person with a reason, keeping the follow-ups already scheduled', () => {
    const lowered = unwrap(
      applyEvent(state, ev('level_changed', hoursAfter(2), { level: 'R1', reason: 'safety plan in place' }), {
        now: NOW,
      }),
    );
    expect(lowered.case.level).toBe('R1');
    expect(lowered.peakLevel).toBe('R3');
    expect(lowered.followUps).toEqual(state.followUps);
  });
  it('is raised by anyone, the system included (naming its rule set), restarting the schedule at the new level', () => {
    const bySystem = ev('level_changed', hoursAfter(2), { level: 'R4', actor: 'system' });
    expect(code(state, bySystem)).toBe('CORE_RULE_SET_REQUIRED');
    const ruleSet = { id: 'default', version: '1.0.0', hash: `sha256:${'b'.repeat(64)}` };
    const raised = unwrap(applyEvent(state, { ...bySystem, ruleSet }, { now: NOW }));
    expect(raised).toMatchObject({ case: { level: 'R4' }, peakLevel: 'R4', scheduleFrom: hoursAfter(2) });
    expect(raised.followUps.map((f) => f.offset)).toEqual(['PT24H', 'PT72H', 'P7D', 'P14D', 'P30D']);
  });
});

it('keeps a follow-up already due when the level rises: it must still be recorded', () => {
  const state = run([opened('R2'), ev('level_changed', hoursAfter(10 * 24), { level: 'R3' })]);
  expect(state.followUps.map((f) => f.id)).toEqual(['fu1.1', 'fu2.1', 'fu2.2', 'fu2.3', 'fu2.4', 'fu2.5', 'fu2.6']);
});

describe('work orders', () => {
  const state = run([
    opened('R3'),
    ev('assessed', hoursAfter(1), { level: 'R3' }),
    ev('work_order_dispatched', hoursAfter(1), { workOrderId: wo('wo-1'), target: hospital }),
  ]);
  it('are due after the response target of the level', () => {
    expect(state.workOrders[0]).toMatchObject({ status: 'dispatched', dueAt: hoursAfter(5) });
  });
  it('take an explicit due time, never before dispatch', () => {
    const e = ev('work_order_dispatched', hoursAfter(1), { workOrderId: wo('wo-2'), target: hospital, dueAt: T0 });
    expect(code(state, e)).toBe('CORE_INVALID_EVENT');
  });
  it('refuse a duplicate id and an unknown one', () => {
    expect(code(state, ev('work_order_dispatched', hoursAfter(2), { workOrderId: wo('wo-1'), target: hospital }))).toBe(
      'CORE_DUPLICATE_ID',
    );
    expect(code(state, ev('work_order_completed', hoursAfter(2), { workOrderId: wo('wo-x') }))).toBe(
      'CORE_UNKNOWN_WORK_ORDER',
    );
  });
  it('are escalated when overdue, or early only with a reason', () => {
    const early = ev('work_order_escalated', hoursAfter(2), { workOrderId: wo('wo-1') });
    expect(code(state, early)).toBe('CORE_WORK_ORDER_NOT_OVERDUE');
    expect(code(state, { ...early, reason: 'hospital refused' })).toBe('ok');
    const late = unwrap(
      applyEvent(
        state,
        ev('work_order_escalated', hoursAfter(6), {
          workOrderId: wo('wo-1'),
          to: { kind: 'agency', name: '区卫健局' },
        }),
        { now: NOW },
      ),
    );
    expect(late.workOrders[0]).toMatchObject({
      status: 'escalated',
      dueAt: hoursAfter(10),
      target: { kind: 'agency' },
    });
  });
  it('once completed, take nothing more', () => {
    const done = unwrap(
      applyEvent(state, ev('work_order_completed', hoursAfter(2), { workOrderId: wo('wo-1') }), { now: NOW }),
    );
    expect(code(done, ev('work_order_acknowledged', hoursAfter(3), { workOrderId: wo('wo-1') }))).toBe(
      'CORE_WORK_ORDER_CLOSED',
    );
  });
  it('need a reason to cancel', () => {
    expect(code(state, ev('work_order_cancelled', hoursAfter(2), { workOrderId: wo('wo-1') }))).toBe(
      'CORE_REASON_REQUIRED',
    );
  });
});

describe('follow-ups', () => {
  const state = run([opened('R2'), ev('assessed', hoursAfter(1), { level: 'R2' })]);
  it('are recorded once', () => {
    const done = unwrap(
      applyEvent(state, ev('follow_up_done', hoursAfter(2), { followUpId: 'fu1.1' as never, outcome: 'stable' }), {
        now: NOW,
      }),
    );
    expect(code(done, ev('follow_up_missed', hoursAfter(3), { followUpId: 'fu1.1' as never }))).toBe(
      'CORE_ALREADY_RECORDED',
    );
    expect(code(done, ev('follow_up_missed', hoursAfter(3), { followUpId: 'fu9.9' as never }))).toBe(
      'CORE_UNKNOWN_FOLLOW_UP',
    );
  });
  it('missed ones are tried again after the policy interval', () => {
    const missed = unwrap(
      applyEvent(state, ev('follow_up_missed', hoursAfter(2), { followUpId: 'fu1.1' as never }), { now: NOW }),
    );
    expect(missed.followUps.find((f) => f.id === 'fu1.1')).toMatchObject({ outcome: 'unreachable' });
    expect(missed.followUps.at(-1)).toMatchObject({ id: 'fu3.1', dueAt: hoursAfter(74) });
  });
});

describe('closure guards', () => {
  const r3 = [opened('R3', { term: 'long_term' }), ev('assessed', hoursAfter(1), { level: 'R3' })];
  const close = (at: string) => ev('closed', at, { actor: supervisor, reason: 'goals met' });

  it('refuses closing with an open work order', () => {
    const state = run([
      ...r3,
      ev('work_order_dispatched', hoursAfter(1), { workOrderId: wo('wo-1'), target: hospital }),
    ]);
    expect(code(state, close(hoursAfter(2)))).toBe('CORE_OPEN_WORK_ORDERS');
  });
  it('refuses closing with an unacknowledged referral', () => {
    const state = run([
      ...r3,
      ev('referred', hoursAfter(1), { referralId: 'r1' as never, to: hospital, reason: 'psychiatry' }),
    ]);
    expect(code(state, close(hoursAfter(2)))).toBe('CORE_REFERRAL_UNACKNOWLEDGED');
  });
  it('refuses closing while follow-ups due before closure are missing, and R3 short of its count', () => {
    const state = run(r3);
    const r = applyEvent(state, close(hoursAfter(30)), { now: NOW });
    expect(r).toMatchObject({ error: { code: 'CORE_FOLLOW_UPS_MISSING', params: { done: '0', required: '6' } } });
    expect(r.ok ? '' : workflowErrorMessage(r.error, 'zh')).toContain('fu1.1');
  });
  it('refuses closing an R3 case without the supervisor sign-off', () => {
    let state = run(r3);
    for (const f of state.followUps) {
      state = unwrap(
        applyEvent(state, ev('follow_up_done', f.dueAt, { followUpId: f.id, outcome: 'improved' }), { now: NOW }),
      );
    }
    expect(state.followUps).toHaveLength(6);
    const at = state.lastEventAt;
    expect(code(state, close(at))).toBe('CORE_SIGN_OFF_REQUIRED');
    const counsellorSigned = unwrap(
      applyEvent(state, ev('closure_signed_off', at, { role: 'counsellor' }), { now: NOW }),
    );
    expect(code(counsellorSigned, close(at))).toBe('CORE_SIGN_OFF_REQUIRED');
    const signed = unwrap(
      applyEvent(state, ev('closure_signed_off', at, { actor: supervisor, role: 'supervisor' }), { now: NOW }),
    );
    expect(code(signed, close(at))).toBe('ok');
    expect(code(signed, { ...close(at), actor: 'system' })).toBe('CORE_ACTOR_REQUIRED');
    expect(code(signed, ev('closed', at, { actor: supervisor }))).toBe('CORE_REASON_REQUIRED');
  });
  it('refuses closing an R4 case before rescue is confirmed', () => {
    let state = run([opened('R4'), ev('emergency_transferred', hoursAfter(0), { service: '110' })]);
    for (const f of state.followUps) {
      state = unwrap(
        applyEvent(state, ev('follow_up_done', f.dueAt, { followUpId: f.id, outcome: 'stable' }), { now: NOW }),
      );
    }
    state = unwrap(
      applyEvent(state, ev('closure_signed_off', state.lastEventAt, { actor: supervisor, role: 'supervisor' }), {
        now: NOW,
      }),
    );
    expect(code(state, close(state.lastEventAt))).toBe('CORE_RESCUE_NOT_CONFIRMED');
  });
  it('refuses a rescue confirmation with no emergency', () => {
    expect(code(run(r3), ev('rescue_confirmed', hoursAfter(2), {}))).toBe('CORE_ILLEGAL_TRANSITION');
    const state = run([
      ...r3,
      ev('work_order_dispatched', hoursAfter(1), { workOrderId: wo('wo-1'), target: hospital }),
    ]);
    expect(code(state, ev('rescue_confirmed', hoursAfter(2), {}))).toBe('CORE_NO_EMERGENCY');
  });
});

describe('errors', () => {
  it('have a message in both languages for every code', () => {
    for (const c of WORKFLOW_ERROR_CODES) {
      const error = { code: c, params: { id: 'x', ids: 'x' } };
      expect(workflowErrorMessage(error, 'zh')).not.toBe('');
      expect(workflowErrorMessage(error, 'en')).not.toBe('');
      expect(isWorkflowError(error)).toBe(true);
    }
    expect(isWorkflowError({ code: 'NOPE' })).toBe(false);
    expect(isWorkflowError(null)).toBe(false);
  });
});

describe('durations', () => {
  it.each([
    ['PT0S', 0],
    ['PT4H', 4 * 3_600_000],
    ['P1W', 7 * 86_400_000],
    ['P1DT30M', 86_400_000 + 1_800_000],
  ])('%s', (d, ms) => expect(durationMs(d)).toBe(ms));
  it.each(['P1M', 'P', 'PT', 'P1Y', '4h'])('refuses %s', (d) => expect(() => durationMs(d)).toThrow(RangeError));
});
