// Scenarios written from the source practice (DESIGN.md; reference/triage.md §0.1, §1.4, §1.8).
import { describe, expect, it } from 'vitest';
import type { CallerId, FollowUpId, ReferralId, WorkOrderId } from '../domain/ids.ts';
import { applyEvent, openCase } from './apply-event.ts';
import type { CaseEvent } from './events.ts';
import { counsellor, ev, hoursAfter, NOW, opened, supervisor, unwrap } from './fixtures.ts';
import { appendEvent, type HistoryRecord, replay, verifyHistory } from './history.ts';
import { dueItems, overdueEscalations } from './schedule.ts';
import type { CaseState } from './state.ts';

const ruleSet = { id: 'default', version: '1.0.0', hash: `sha256:${'a'.repeat(64)}` };

/** A case told event by event: each event is applied and appended to the hash-chained history. */
function story(first: CaseEvent) {
  let state = unwrap(openCase(first, { now: NOW }));
  let history: readonly HistoryRecord[] = appendEvent([], first);
  const self = {
    get state(): CaseState {
      return state;
    },
    get history() {
      return history;
    },
    do(event: CaseEvent) {
      state = unwrap(applyEvent(state, event, { now: NOW }));
      history = appendEvent(history, event);
      return self;
    },
    /** Records every follow-up still pending as done at its due time. */
    followAll(outcome: 'improved' | 'stable' = 'improved') {
      for (const f of state.followUps.filter((x) => x.doneAt === undefined)) {
        self.do(ev('follow_up_done', f.dueAt, { followUpId: f.id, outcome }));
      }
      return self;
    },
    expectReplayable() {
      expect(verifyHistory(history).ok).toBe(true);
      expect(replay(history, { now: NOW })).toEqual({ ok: true, value: state });
      return self;
    },
  };
  return self;
}

describe('a high-risk call transferred to 110 and followed up to closure', () => {
  const caller = 'caller-7' as CallerId;
  const s = story({
    ...opened('R3', { term: 'long_term', originator: { kind: 'hotline', ref: '12355' } }),
    subject: { kind: 'caller', callerId: caller },
  });

  it('raises to R4 by rule, transfers to 110 and keeps the case open until rescue is confirmed', () => {
    s.do(ev('assessed', hoursAfter(0.1), { actor: 'system', level: 'R4', ruleSet, reason: 'attempt in progress' }));
    s.do(ev('emergency_transferred', hoursAfter(0.2), { service: '110' }));
    expect(s.state.case).toMatchObject({ status: 'referral', level: 'R4' });
    expect(s.state.peakLevel).toBe('R4');
  });

  it('anchors the R4 follow-ups at the confirmed rescue', () => {
    s.do(ev('rescue_confirmed', hoursAfter(1), { reason: 'police reached the caller' }));
    expect(s.state.case.status).toBe('follow_up');
    expect(s.state.followUps.filter((f) => f.doneAt === undefined).map((f) => f.dueAt)).toEqual(
      [24, 72, 7 * 24, 14 * 24, 30 * 24].map((h) => hoursAfter(1 + h)),
    );
  });

  it('refers to a psychiatric hospital, follows up, and closes only with sign-off', () => {
    const hospital = { kind: 'hospital', name: '市第七人民医院' } as const;
    s.do(
      ev('referred', hoursAfter(2), { referralId: 'r-1' as ReferralId, to: hospital, reason: 'psychiatric follow-up' }),
    );
    s.do(ev('referral_acknowledged', hoursAfter(20), { referralId: 'r-1' as ReferralId }));
    s.followAll();
    const at = s.state.lastEventAt;
    expect(applyEvent(s.state, ev('closed', at, { actor: supervisor, reason: 'stable' }), { now: NOW })).toMatchObject({
      error: { code: 'CORE_SIGN_OFF_REQUIRED' },
    });
    s.do(ev('level_changed', at, { level: 'R2', reason: 'stable for 30 days, outpatient care' }));
    s.do(ev('closure_signed_off', at, { actor: supervisor, role: 'supervisor' }));
    s.do(ev('closed', at, { actor: supervisor, reason: 'stable, in outpatient care' }));
    s.do(ev('evaluated', at, { score: 85 }));
    s.do(ev('feedback_sent', at, { channel: 'call' }));
    expect(s.state.case).toMatchObject({ status: 'closed', closedAt: at });
    expect(s.state.feedback?.to).toEqual({ kind: 'hotline', ref: '12355' });
    s.expectReplayable();
  });
});

describe('a school screening flag referred to a hospital and fed back to the school', () => {
  const school = { kind: 'school', ref: 'school-42' } as const;
  const s = story(opened('R2', { originator: school, term: 'short_term' }));
  const hospital = { kind: 'hospital', id: 'hosp-3' } as const;

  it('assesses, refers with a work order, and follows up', () => {
    s.do(ev('assessed', hoursAfter(24), { level: 'R2', reason: 'interview confirms screening result' }));
    s.do(ev('work_order_dispatched', hoursAfter(25), { workOrderId: 'wo-1' as WorkOrderId, target: hospital }));
    s.do(
      ev('referred', hoursAfter(25), {
        referralId: 'r-1' as ReferralId,
        to: hospital,
        reason: 'outpatient assessment',
        workOrderId: 'wo-1' as WorkOrderId,
      }),
    );
    expect(s.state.workOrders[0]?.dueAt).toBe(hoursAfter(25 + 72));
    s.do(ev('work_order_acknowledged', hoursAfter(30), { workOrderId: 'wo-1' as WorkOrderId }));
    s.do(ev('referral_acknowledged', hoursAfter(30), { referralId: 'r-1' as ReferralId }));
    s.do(ev('work_order_completed', hoursAfter(90), { workOrderId: 'wo-1' as WorkOrderId }));
    expect(dueItems(s.state, hoursAfter(7 * 24 + 1)).map((i) => i.id)).toEqual(['fu1.1']);
    s.do(ev('follow_up_done', hoursAfter(7 * 24), { followUpId: 'fu1.1' as FollowUpId, outcome: 'improved' }));
    s.do(ev('follow_up_done', hoursAfter(14 * 24), { followUpId: 'fu1.2' as FollowUpId, outcome: 'improved' }));
  });

  it('closes, is evaluated, and the feedback to the school closes the loop', () => {
    const at = hoursAfter(15 * 24);
    s.do(ev('closed', at, { reason: 'in hospital outpatient care, improving' }));
    expect(s.state.followUps.every((f) => f.doneAt !== undefined)).toBe(true);
    s.do(ev('evaluated', at, { score: 78 }));
    s.do(ev('feedback_sent', hoursAfter(16 * 24), { channel: 'platform' }));
    expect(s.state.feedback).toMatchObject({ to: school, channel: 'platform' });
    expect(s.state.case.status).toBe('closed');
    s.expectReplayable();
  });
});

describe('a practical-help call turned into a work order for another agency', () => {
  const s = story(opened('R0', { originator: { kind: 'caller', ref: 'caller-9' } }));
  const legalAid = { kind: 'agency', id: '12348', name: '法律援助热线' } as const;

  it('dispatches a work order due within the partner agreement, escalates it when overdue', () => {
    s.do(ev('assessed', hoursAfter(0.1), { level: 'R0' }));
    s.do(ev('work_order_dispatched', hoursAfter(0.2), { workOrderId: 'wo-9' as WorkOrderId, target: legalAid }));
    expect(s.state.workOrders[0]?.dueAt).toBe(hoursAfter(0.2 + 7 * 24));
    expect(dueItems(s.state, hoursAfter(8 * 24)).map((i) => [i.id, i.overdue])).toContainEqual(['wo-9', true]);
    expect(overdueEscalations(s.state, hoursAfter(7 * 24))).toEqual([]);
    const [escalation, ...more] = overdueEscalations(s.state, hoursAfter(8 * 24));
    expect(more).toEqual([]);
    expect(escalation).toMatchObject({ type: 'work_order_escalated', actor: 'system', workOrderId: 'wo-9' });
    if (escalation) s.do({ ...escalation, to: { kind: 'agency', id: '12345' } });
    expect(s.state.workOrders[0]).toMatchObject({ status: 'escalated', target: { id: '12345' } });
    s.do(ev('work_order_completed', hoursAfter(9 * 24), { workOrderId: 'wo-9' as WorkOrderId }));
  });

  it('confirms with the caller (回访), closes and feeds back', () => {
    s.do(ev('follow_up_done', hoursAfter(9 * 24), { followUpId: 'fu1.1' as FollowUpId, outcome: 'improved' }));
    s.do(ev('closed', hoursAfter(9 * 24), { reason: 'need met by 12345' }));
    s.do(ev('evaluated', hoursAfter(9 * 24), { score: 90 }));
    s.do(ev('feedback_sent', hoursAfter(9 * 24), { channel: 'call' }));
    expect(s.state.case.status).toBe('closed');
    s.expectReplayable();
  });
});

describe('a long-term case reopened', () => {
  const s = story(opened('R1', { term: 'long_term' }));
  s.do(ev('assessed', hoursAfter(1), { level: 'R1' }));
  s.followAll();
  s.do(ev('closed', s.state.lastEventAt, { reason: 'settled' }));
  s.do(ev('evaluated', s.state.lastEventAt, { score: 80 }));
  s.do(ev('feedback_sent', s.state.lastEventAt, { channel: 'visit' }));

  it('reopens only by a named person with a reason', () => {
    const at = hoursAfter(120 * 24);
    expect(applyEvent(s.state, ev('reopened', at, { level: 'R3' }), { now: NOW })).toMatchObject({
      error: { code: 'CORE_REASON_REQUIRED' },
    });
    expect(
      applyEvent(s.state, ev('reopened', at, { level: 'R3', actor: 'system', reason: 'rule' }), { now: NOW }),
    ).toMatchObject({ error: { code: 'CORE_ACTOR_REQUIRED' } });
    s.do(ev('reopened', at, { level: 'R3', reason: 'relapse reported by class teacher' }));
    expect(s.state.case).toMatchObject({ status: 'assessment', level: 'R3' });
    expect(s.state.case.closedAt).toBeUndefined();
    expect(s.state.closure).toBeUndefined();
    expect(s.state.peakLevel).toBe('R3');
  });

  it('needs the R3 follow-ups done since reopening and sign-off to close again', () => {
    s.followAll('stable');
    const at = s.state.lastEventAt;
    expect(applyEvent(s.state, ev('closed', at, { actor: supervisor, reason: 'x' }), { now: NOW })).toMatchObject({
      error: { code: 'CORE_SIGN_OFF_REQUIRED' },
    });
    s.do(ev('closure_signed_off', at, { actor: supervisor, role: 'supervisor' }));
    s.do(ev('closed', at, { actor: supervisor, reason: 'stable again' }));
    s.do(ev('evaluated', at, { score: 75 }));
    s.do(ev('feedback_sent', at, { channel: 'visit', actor: counsellor }));
    expect(s.state.case.status).toBe('closed');
    expect(s.state.followUps.filter((f) => f.doneAt !== undefined)).toHaveLength(7);
    s.expectReplayable();
  });
});
