import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseSchema } from '../domain/case.ts';
import { followUpSchema } from '../domain/follow-up.ts';
import { referralSchema } from '../domain/referral.ts';
import { compareLevels, type RiskLevel, riskLevelSchema } from '../domain/risk-level.ts';
import { workOrderSchema } from '../domain/work-order.ts';
import { applyEvent, openCase } from './apply-event.ts';
import { CASE_EVENT_TYPES, type CaseEvent, type CaseEventType } from './events.ts';
import { counsellor, NOW, opened, supervisor, unwrap } from './fixtures.ts';
import { appendEvent, type HistoryRecord, replay, verifyHistory } from './history.ts';
import { isOpenWorkOrder, nextStep } from './schedule.ts';
import type { CaseState } from './state.ts';
import { nextStatus } from './transitions.ts';

/** One random step: which event, which ids from small pools (so they collide), who, why, and how much later. */
function stepArb(calm: boolean) {
  return fc.record({
    type: fc.constantFrom(
      ...CASE_EVENT_TYPES.filter((t) => t !== 'opened' && !(calm && t === 'emergency_transferred')),
    ),
    pick: fc.nat(20),
    level: calm ? fc.constantFrom<RiskLevel>('R0', 'R1') : fc.constantFrom(...riskLevelSchema.options),
    actor: calm ? fc.constant(supervisor) : fc.constantFrom(counsellor, supervisor, 'system' as const),
    reason: calm ? fc.constant('recorded reason') : fc.option(fc.constant('recorded reason'), { nil: undefined }),
    hours: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 24 * 10 })),
    /** Most steps pick an event the table allows in the current status, so walks get deep; the rest stay random. */
    legal: calm ? fc.constant(true) : fc.boolean(),
    calm: fc.constant(calm),
  });
}
type Step = ReturnType<typeof stepArb> extends fc.Arbitrary<infer T> ? T : never;

const place = { kind: 'hospital', id: 'hosp-1' } as const;

function eventFor(state: CaseState, step: Step): CaseEvent {
  const at = new Date(Date.parse(state.lastEventAt) + step.hours * 3_600_000).toISOString();
  const legal = CASE_EVENT_TYPES.filter(
    (t) => nextStatus(state.case.status, t) !== undefined && !(step.calm && t === 'emergency_transferred'),
  );
  const type = step.legal ? (legal[step.pick % legal.length] ?? step.type) : step.type;
  const base = { type, at, actor: step.actor, ...(step.reason ? { reason: step.reason } : {}) };
  const pending = state.followUps.find((f) => f.doneAt === undefined);
  const any = state.followUps[step.pick % Math.max(1, state.followUps.length)];
  const followUp = (step.pick % 2 === 0 ? (pending ?? any) : any)?.id ?? 'fu1.1';
  const fields: Record<CaseEventType, object> = {
    opened: {},
    assessed: { level: step.level },
    level_changed: { level: step.level },
    owner_changed: { owner: step.actor === 'system' ? counsellor : step.actor },
    referred: { referralId: `r-${step.pick % 3}`, to: place },
    referral_acknowledged: { referralId: `r-${step.pick % 3}` },
    work_order_dispatched: { workOrderId: `wo-${step.pick % 3}`, target: place },
    work_order_acknowledged: { workOrderId: `wo-${step.pick % 3}` },
    work_order_completed: { workOrderId: `wo-${step.pick % 3}` },
    work_order_escalated: { workOrderId: `wo-${step.pick % 3}` },
    work_order_cancelled: { workOrderId: `wo-${step.pick % 3}` },
    follow_up_done: { followUpId: followUp, outcome: 'stable' },
    follow_up_missed: { followUpId: followUp },
    emergency_transferred: { service: step.pick % 2 ? '110' : '120' },
    rescue_confirmed: {},
    closure_signed_off: { role: step.pick % 2 ? 'supervisor' : 'counsellor' },
    closed: {},
    evaluated: { score: step.pick * 5 },
    feedback_sent: { channel: 'call' },
    reopened: step.pick % 2 ? { level: step.level } : {},
  };
  return { ...base, ...fields[type] } as CaseEvent;
}

interface Walk {
  readonly states: readonly CaseState[];
  readonly accepted: readonly CaseEvent[];
  readonly history: readonly HistoryRecord[];
}

function walk(level: RiskLevel, steps: readonly Step[]): Walk {
  const first = opened(level);
  let state = unwrap(openCase(first, { now: NOW }));
  const states = [state];
  const accepted: CaseEvent[] = [first];
  let history = appendEvent([], first);
  for (const step of steps) {
    const event = eventFor(state, step);
    const r = applyEvent(state, event, { now: NOW });
    if (!r.ok) continue;
    state = r.value;
    states.push(state);
    accepted.push(event);
    history = appendEvent(history, event);
  }
  return { states, accepted, history };
}

/** Wild walks try anything; calm ones (R0/R1, named people with reasons, no emergencies) mostly reach closure. */
const walkArb = fc.oneof(
  fc
    .tuple(fc.constantFrom(...riskLevelSchema.options), fc.array(stepArb(false), { minLength: 1, maxLength: 80 }))
    .map(([level, steps]) => walk(level, steps)),
  fc
    .tuple(fc.constantFrom<RiskLevel>('R0', 'R1'), fc.array(stepArb(true), { minLength: 1, maxLength: 60 }))
    .map(([level, steps]) => walk(level, steps)),
);

const AFTER_CLOSURE = new Set(['evaluation', 'feedback', 'closed']);

describe('random event sequences', () => {
  it('never close with open work orders, unacknowledged referrals or an unconfirmed rescue', () => {
    fc.assert(
      fc.property(walkArb, ({ states }) => {
        for (const s of states) {
          if (!AFTER_CLOSURE.has(s.case.status)) continue;
          expect(s.workOrders.filter((w) => isOpenWorkOrder(w.status))).toEqual([]);
          expect(s.referrals.filter((r) => r.acknowledgedAt === undefined)).toEqual([]);
          expect(s.emergencies.filter((e) => e.rescueConfirmedAt === undefined)).toEqual([]);
          expect(s.closure).toBeDefined();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never lower a level without a named person and a reason', () => {
    fc.assert(
      fc.property(walkArb, ({ states, accepted }) => {
        for (let i = 1; i < states.length; i++) {
          const [before, after, event] = [states[i - 1], states[i], accepted[i]];
          if (!before || !after || !event) continue;
          if (compareLevels(after.case.level, before.case.level) < 0) {
            expect(event.actor).not.toBe('system');
            expect(event.reason).toBeDefined();
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('always leave a valid domain case with an owner and a next step until the loop is closed', () => {
    fc.assert(
      fc.property(walkArb, ({ states }) => {
        for (const s of states) {
          expect(caseSchema.safeParse(s.case).success).toBe(true);
          for (const w of s.workOrders) expect(workOrderSchema.safeParse(w).success).toBe(true);
          for (const r of s.referrals) expect(referralSchema.safeParse(r).success).toBe(true);
          for (const f of s.followUps) expect(followUpSchema.safeParse(f).success).toBe(true);
          expect(nextStep(s) === null).toBe(s.case.status === 'closed');
        }
      }),
      { numRuns: 200 },
    );
  });

  it('keep an unbroken chain that replays to the same state', () => {
    fc.assert(
      fc.property(walkArb, ({ states, history }) => {
        expect(verifyHistory(history).ok).toBe(true);
        expect(replay(history, { now: NOW })).toEqual({ ok: true, value: states.at(-1) });
      }),
      { numRuns: 200 },
    );
  });
});

/** Every leaf of a JSON value with its path. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, Array.isArray(value) ? Number(k) : k]));
  }
  return [path];
}

function tamper(record: HistoryRecord, path: (string | number)[]): HistoryRecord {
  const copy = structuredClone(record) as unknown as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const key = path.at(-1) as string | number;
  const v = node[key];
  node[key] = typeof v === 'number' ? v + 1 : typeof v === 'boolean' ? !v : `${String(v)}x`;
  return copy as unknown as HistoryRecord;
}

describe('verifyHistory', () => {
  it('detects any single-field change and names the record', () => {
    fc.assert(
      fc.property(walkArb, fc.nat(), fc.nat(), ({ history }, i, j) => {
        const index = i % history.length;
        const record = history[index] as HistoryRecord;
        const paths = leaves(record);
        const path = paths[j % paths.length] as (string | number)[];
        const tampered = history.map((r, k) => (k === index ? tamper(r, path) : r));
        const r = verifyHistory(tampered);
        expect(r).toMatchObject({
          ok: false,
          error: { code: 'CORE_HISTORY_BROKEN', params: { seq: String(index + 1) } },
        });
      }),
      { numRuns: 300 },
    );
  });

  it('detects a removed or reordered record', () => {
    fc.assert(
      fc.property(walkArb, fc.nat(), ({ history }, i) => {
        fc.pre(history.length >= 2);
        const index = i % (history.length - 1);
        expect(verifyHistory(history.filter((_, k) => k !== index)).ok).toBe(false);
        const swapped = [...history];
        [swapped[index], swapped[index + 1]] = [swapped[index + 1] as HistoryRecord, swapped[index] as HistoryRecord];
        expect(verifyHistory(swapped).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses to replay a broken history', () => {
    const history = appendEvent([], opened('R1'));
    const broken = [tamper(history[0] as HistoryRecord, ['event', 'level'])];
    expect(replay(broken, { now: NOW })).toMatchObject({ ok: false, error: { code: 'CORE_HISTORY_BROKEN' } });
    expect(replay([], { now: NOW })).toMatchObject({ ok: false, error: { code: 'CORE_INVALID_EVENT' } });
  });
});

describe('reachability', () => {
  it('random walks reach the end of the loop', () => {
    // Guards are strict; make sure the properties above are not vacuous.
    const statuses = new Set<string>();
    fc.assert(
      fc.property(walkArb, ({ states }) => {
        for (const s of states) statuses.add(s.case.status);
      }),
      { numRuns: 1000, seed: 42 },
    );
    expect([...statuses].sort()).toEqual(
      ['assessment', 'closed', 'closure', 'evaluation', 'feedback', 'follow_up', 'referral', 'screening'].sort(),
    );
  });
});
