import { describe, expect, it } from 'vitest';
import { erlangB } from './erlang-b.ts';
import { erlangC } from './erlang-c.ts';
import { ANALYTIC_ERROR_CODES, analyticErrorMessage, isAnalyticError } from './errors.ts';
import { printedAs, unwrap } from './printed.ts';

// reference/triage.md §3.3. Strings are the printed digits; values are computed.
const stable = (r: ReturnType<typeof erlangC>) => {
  const v = unwrap(r);
  if (!v.stable) throw new Error('expected a stable queue');
  return v;
};

describe('erlangC: 360 calls/30 min, AHT 240 s (A = 48 E), t = 15 s', () => {
  it.each([
    [50, '0.9600', '0.69446', '83.33', '0.38715'],
    [52, '0.9231', '0.46603', '27.96', '0.63706'],
    [54, '0.8889', '0.30131', '12.05', '0.79291'],
    [55, '0.8727', '0.23870', '8.184', '0.84588'],
    [56, '0.8571', '0.18715', '5.615', '0.88649'],
    [58, '0.8276', '0.11139', '2.673', '0.94038'],
    [60, '0.8000', '0.06339', '1.268', '0.97006'],
  ])('N = %i: occupancy %s, P(wait) %s, ASA %s s, SL %s', (agents, occ, pWait, asa, sl) => {
    const v = stable(erlangC({ callsPerHour: 720, handleSeconds: 240, agents, answerWithinSeconds: 15 }));
    expect(v.offeredLoad).toBeCloseTo(48, 12);
    expect(printedAs(v.occupancy, occ)).toBe(occ);
    expect(printedAs(v.pWait, pWait)).toBe(pWait);
    expect(printedAs(v.asaSeconds, asa)).toBe(asa);
    expect(printedAs(v.serviceLevel, sl)).toBe(sl);
  });
});

describe('erlangC: 100 calls/30 min, AHT 180 s (A = 10 E), t = 20 s', () => {
  it.each([
    [11, '0.9091', '0.68212', '122.78', '0.38961'],
    [12, '0.8333', '0.44939', '40.44', '0.64016'],
    [13, '0.7692', '0.28527', '17.12', '0.79559'],
    [14, '0.7142857', '0.1741319', '7.835937', '0.88835'],
    [15, '0.6667', '0.10204', '3.674', '0.94145'],
  ])('N = %i: occupancy %s, P(wait) %s, ASA %s s, SL %s', (agents, occ, pWait, asa, sl) => {
    const v = stable(erlangC({ callsPerHour: 200, handleSeconds: 180, agents, answerWithinSeconds: 20 }));
    expect(printedAs(v.occupancy, occ)).toBe(occ);
    expect(printedAs(v.pWait, pWait)).toBe(pWait);
    expect(printedAs(v.asaSeconds, asa)).toBe(asa);
    expect(printedAs(v.serviceLevel, sl)).toBe(sl);
  });
});

it('erlangC: 1000 calls/h, AHT 120 s, N = 40, t = 20 s (call-center-tools README)', () => {
  const v = stable(erlangC({ callsPerHour: 1000, handleSeconds: 120, agents: 40, answerWithinSeconds: 20 }));
  expect(printedAs(v.offeredLoad, '33.333')).toBe('33.333');
  expect(printedAs(v.pWait, '0.19074')).toBe('0.19074');
  expect(printedAs(v.asaSeconds, '3.433')).toBe('3.433');
  expect(printedAs(v.serviceLevel, '0.93721')).toBe('0.93721');
  expect(printedAs(v.occupancy, '0.8333')).toBe('0.8333');
});

describe('erlangC: hotline scale, 5 seats, AHT 15 min, t = 30 s', () => {
  it.each([
    [12, '0.2362', '0.7791'],
    [16, '0.5541', '0.4641'],
    [18, '0.7625', '0.2501'],
  ])('%i calls/h: P(wait) %s, SL %s', (callsPerHour, pWait, sl) => {
    const v = stable(erlangC({ callsPerHour, handleSeconds: 900, agents: 5, answerWithinSeconds: 30 }));
    expect(printedAs(v.pWait, pWait)).toBe(pWait);
    expect(printedAs(v.serviceLevel, sl)).toBe(sl);
  });

  it.each([20, 24])('%i calls/h (A ≥ 5) is reported unstable, not as NaN or a negative wait', (callsPerHour) => {
    const v = unwrap(erlangC({ callsPerHour, handleSeconds: 900, agents: 5, answerWithinSeconds: 30 }));
    expect(v).toEqual({ stable: false, agents: 5, offeredLoad: callsPerHour / 4 });
  });
});

describe('erlangB', () => {
  it('matches the textbook value Aᴺ/N! / Σ Aᵏ/k! for a small case', () => {
    // N = 2, A = 1: (1/2) / (1 + 1 + 1/2) = 0.2
    expect(unwrap(erlangB({ agents: 2, offeredLoad: 1 }))).toBeCloseTo(0.2, 15);
  });

  it('stays finite where Aᴺ/N! overflows (N = 1000, A = 900)', () => {
    const b = unwrap(erlangB({ agents: 1000, offeredLoad: 900 }));
    expect(b).toBeGreaterThan(0);
    expect(b).toBeLessThan(0.01);
  });
});

describe('input errors are values naming the field', () => {
  it.each([
    [{ callsPerHour: -1, handleSeconds: 180, agents: 3, answerWithinSeconds: 20 }, 'callsPerHour'],
    [{ callsPerHour: 10, handleSeconds: 0, agents: 3, answerWithinSeconds: 20 }, 'handleSeconds'],
    [{ callsPerHour: 10, handleSeconds: 180, agents: 2.5, answerWithinSeconds: 20 }, 'agents'],
    [{ callsPerHour: 10, handleSeconds: 180, agents: 3, answerWithinSeconds: Number.NaN }, 'answerWithinSeconds'],
  ])('%o → %s', (options, field) => {
    const r = erlangC(options);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('CORE_ANALYTIC_INVALID_INPUT');
    expect(r.error.params.field).toBe(field);
    expect(analyticErrorMessage(r.error, 'en')).toContain(field);
    expect(analyticErrorMessage(r.error, 'zh')).toContain(field);
  });

  it('says what was expected in both languages, and the guard knows every code', () => {
    const r = erlangC({ callsPerHour: 10, handleSeconds: -5, agents: 3, answerWithinSeconds: 20 });
    if (r.ok) throw new Error('expected an error');
    expect(analyticErrorMessage(r.error, 'en')).toBe('handleSeconds must be a positive finite number (got -5)');
    expect(analyticErrorMessage(r.error, 'zh')).toBe('handleSeconds 须为正的有限数（收到 -5）');
    expect(isAnalyticError(r.error)).toBe(true);
    expect(isAnalyticError({ code: 'CORE_ILLEGAL_TRANSITION', params: {} })).toBe(false);
    expect(ANALYTIC_ERROR_CODES).toContain(r.error.code);
  });
});
