import { describe, expect, it } from 'vitest';
import type { CaseId, WorkOrderId } from '../domain/ids.ts';
import type { RiskLevel } from '../domain/risk-level.ts';
import { ev, hoursAfter, opened, run, T0 } from './fixtures.ts';
import { defaultWorkflowPolicy } from './policy.ts';
import { dueItems, followUpSchedule, nextStep } from './schedule.ts';

const day = 24;

describe('follow-up schedule', () => {
  it.each<[RiskLevel, number[]]>([
    ['R4', [1, 3, 7, 14, 30]],
    ['R3', [1, 3, 7, 14, 21, 28]],
    ['R2', [7, 14, 28, 42]],
    ['R1', [14]],
    ['R0', [7]],
  ])('%s: days %j after the level was set', (level, days) => {
    const schedule = followUpSchedule({ caseId: 'case-1' as CaseId, level, term: 'long_term', from: T0, batch: 1 });
    expect(schedule.map((f) => f.dueAt)).toEqual(days.map((d) => hoursAfter(d * day)));
    expect(schedule.map((f) => f.id)).toEqual(days.map((_, i) => `fu1.${i + 1}`));
  });

  it('follows the policy per term', () => {
    const policy = {
      ...defaultWorkflowPolicy,
      followUps: { ...defaultWorkflowPolicy.followUps, R1: { long_term: ['P14D', 'P28D'], short_term: ['P7D'] } },
    };
    const of = (term: 'long_term' | 'short_term') =>
      followUpSchedule({ caseId: 'case-1' as CaseId, level: 'R1', term, from: T0, batch: 1, policy }).length;
    expect([of('long_term'), of('short_term')]).toEqual([2, 1]);
  });
});

describe('dueItems', () => {
  const state = run([
    opened('R3'),
    ev('assessed', hoursAfter(1), { level: 'R3' }),
    ev('work_order_dispatched', hoursAfter(1), {
      workOrderId: 'wo-1' as WorkOrderId,
      target: { kind: 'school', id: 'school-1' },
    }),
  ]);

  it('lists what is overdue and due within the window, earliest first', () => {
    expect(dueItems(state, hoursAfter(2))).toEqual([]);
    expect(dueItems(state, hoursAfter(6))).toEqual([
      { kind: 'work_order', id: 'wo-1', dueAt: hoursAfter(5), overdue: true },
    ]);
    expect(dueItems(state, hoursAfter(6), { within: 'P1D' }).map((i) => [i.id, i.overdue])).toEqual([
      ['wo-1', true],
      ['fu1.1', false],
    ]);
  });

  it('drops what is done and everything after closure', () => {
    const done = run([
      opened('R0'),
      ev('assessed', hoursAfter(1), { level: 'R0' }),
      ev('follow_up_done', hoursAfter(2), { followUpId: 'fu1.1' as never, outcome: 'improved' }),
    ]);
    expect(dueItems(done, hoursAfter(30 * day))).toEqual([]);
  });
});

describe('nextStep', () => {
  it('gives every open case a next step and a due time', () => {
    const state = run([opened('R2')]);
    expect(nextStep(state)).toEqual({ action: 'follow_up', dueAt: hoursAfter(7 * day), id: 'fu1.1' });
    const r4 = run([opened('R4'), ev('emergency_transferred', T0, { service: '120' })]);
    expect(nextStep(r4)).toEqual({ action: 'confirm_rescue', dueAt: T0 });
  });
  it('asks for assessment within the response target when nothing is scheduled', () => {
    const policy = {
      ...defaultWorkflowPolicy,
      followUps: { ...defaultWorkflowPolicy.followUps, R3: { long_term: [], short_term: [] } },
    };
    expect(nextStep(run([opened('R3')], { policy }), policy)).toEqual({ action: 'assess', dueAt: hoursAfter(4) });
  });
  it('is null once feedback closed the loop', () => {
    const closed = run([
      opened('R0'),
      ev('assessed', hoursAfter(1), { level: 'R0' }),
      ev('closed', hoursAfter(2), { reason: 'information given' }),
      ev('evaluated', hoursAfter(3), { score: 70 }),
    ]);
    expect(nextStep(closed)).toEqual({ action: 'send_feedback', dueAt: hoursAfter(3 + 7 * day) });
    const looped = run([
      opened('R0'),
      ev('assessed', hoursAfter(1), { level: 'R0' }),
      ev('closed', hoursAfter(2), { reason: 'information given' }),
      ev('evaluated', hoursAfter(3), { score: 70 }),
      ev('feedback_sent', hoursAfter(4), { channel: 'call' }),
    ]);
    expect(nextStep(looped)).toBeNull();
  });
});
