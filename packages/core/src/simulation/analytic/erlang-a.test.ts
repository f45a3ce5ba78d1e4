import { describe, expect, it } from 'vitest';
import { queueDistribution } from './birth-death.ts';
import { erlangA } from './erlang-a.ts';
import { erlangC } from './erlang-c.ts';
import { printedAs, unwrap } from './printed.ts';
import { answeredMoments, answeredWithin, poissonWindow } from './tagged-caller.ts';

// reference/triage.md §3.3 (SL = answered within t / offered). Strings are the printed digits.
describe('erlangA: 360 calls/30 min, AHT 240 s, t = 15 s', () => {
  it.each([
    [60, 48, '0.36013', '0.07650', '4.590', '0.82263'],
    [60, 52, '0.21239', '0.03958', '2.375', '0.91017'],
    [180, 50, '0.37906', '0.04301', '7.742', '0.77424'],
    [180, 55, '0.16381', '0.01435', '2.582', '0.92253'],
    [600, 55, '0.19935', '0.00754', '4.523', '0.88763'],
  ])('patience %i s, N = %i: P(wait) %s, P(Ab) %s, E[W] %s s, SL %s', (patience, agents, pWait, pAb, wait, sl) => {
    const v = unwrap(
      erlangA({ callsPerHour: 720, handleSeconds: 240, agents, patienceSeconds: patience, answerWithinSeconds: 15 }),
    );
    expect(printedAs(v.pWait, pWait)).toBe(pWait);
    expect(printedAs(v.pAbandon, pAb)).toBe(pAb);
    expect(printedAs(v.meanWaitSeconds, wait)).toBe(wait);
    expect(printedAs(v.serviceLevel, sl)).toBe(sl);
  });
});

describe('erlangA: 100 calls/30 min, AHT 180 s, patience 120 s, t = 20 s', () => {
  it.each([
    [10, '0.49685', '0.13746', '0.63994'],
    [11, '0.38282', '0.09416', '0.74221'],
    [12, '0.27981', '0.06160', '0.82558'],
    [13, '0.19372', '0.03843', '0.88855'],
    [14, '0.12698', '0.02284', '0.93273'],
  ])('N = %i: P(wait) %s, P(Ab) %s, SL %s', (agents, pWait, pAb, sl) => {
    const v = unwrap(
      erlangA({ callsPerHour: 200, handleSeconds: 180, agents, patienceSeconds: 120, answerWithinSeconds: 20 }),
    );
    expect(printedAs(v.pWait, pWait)).toBe(pWait);
    expect(printedAs(v.pAbandon, pAb)).toBe(pAb);
    expect(printedAs(v.serviceLevel, sl)).toBe(sl);
  });
});

describe('erlangA: hotline scale, 5 seats, AHT 15 min, patience 120 s, t = 30 s', () => {
  it.each([
    [12, '3.0', '0.13669', '0.08681', '0.87851'],
    [16, '4.0', '0.25738', '0.16637', '0.76928'],
    [18, '4.5', '0.31856', '0.20768', '0.71327'],
    [20, '5.0', '0.37731', '0.24805', '0.65905'],
    [24, '6.0', '0.48355', '0.32310', '0.55973'],
  ])('%i calls/h (A = %s): P(wait) %s, P(Ab) %s, SL %s', (callsPerHour, load, pWait, pAb, sl) => {
    const v = unwrap(
      erlangA({ callsPerHour, handleSeconds: 900, agents: 5, patienceSeconds: 120, answerWithinSeconds: 30 }),
    );
    expect(printedAs(v.offeredLoad, load)).toBe(load);
    expect(printedAs(v.pWait, pWait)).toBe(pWait);
    expect(printedAs(v.pAbandon, pAb)).toBe(pAb);
    expect(printedAs(v.serviceLevel, sl)).toBe(sl);
  });
});

describe('erlangA numerics', () => {
  const rates = { agents: 12, lambda: 200 / 3600, mu: 1 / 180, theta: 1 / 120 };

  it('abandonment two ways agree: θ·E[Q]/λ and the tagged caller never reaching an agent', () => {
    const { queue, pWait, meanQueue } = unwrap(queueDistribution(rates));
    const { answered } = answeredMoments(rates, queue);
    expect(pWait - answered).toBeCloseTo((rates.theta * meanQueue) / rates.lambda, 13);
  });

  it('answered within a long threshold tends to the answered share (uniformisation vs first-step analysis)', () => {
    const { queue } = unwrap(queueDistribution(rates));
    expect(answeredWithin(rates, queue, 1e5)).toBeCloseTo(answeredMoments(rates, queue).answered, 13);
  });

  it('the service level agrees with an independent RK4 integration of the tagged caller’s backward equations', () => {
    // u_i(t) = P(answered by t | i ahead): u_i' = (Nμ + iθ)·u_{i−1} − (Nμ + (i+1)θ)·u_i, u_{−1} ≡ 1, u_i(0) = 0.
    const { queue, pWait } = unwrap(queueDistribution(rates));
    const serve = rates.agents * rates.mu;
    const derivative = (u: readonly number[]) =>
      u.map(
        (ui, i) => (serve + i * rates.theta) * (i === 0 ? 1 : (u[i - 1] ?? 0)) - (serve + (i + 1) * rates.theta) * ui,
      );
    let u = Array.from(queue, () => 0);
    const step = 0.01;
    for (let k = 0; k < 20 / step; k++) {
      const add = (a: readonly number[], b: readonly number[], f: number) => a.map((x, i) => x + f * (b[i] ?? 0));
      const k1 = derivative(u);
      const k2 = derivative(add(u, k1, step / 2));
      const k3 = derivative(add(u, k2, step / 2));
      const k4 = derivative(add(u, k3, step));
      u = u.map((x, i) => x + (step / 6) * ((k1[i] ?? 0) + 2 * (k2[i] ?? 0) + 2 * (k3[i] ?? 0) + (k4[i] ?? 0)));
    }
    const rk4 = 1 - pWait + u.reduce((sum, ui, i) => sum + ui * (queue[i] ?? 0), 0);
    expect(1 - pWait + answeredWithin(rates, queue, 20)).toBeCloseTo(rk4, 10);
  });

  it('at N = 200 with very long patience it reproduces Erlang C (A = 192, 80/20)', () => {
    const options = { callsPerHour: 2880, handleSeconds: 240, agents: 200, answerWithinSeconds: 20 };
    const a = unwrap(erlangA({ ...options, patienceSeconds: 1e7 }));
    const c = unwrap(erlangC(options));
    if (!c.stable) throw new Error('expected stable');
    expect(a.pWait).toBeCloseTo(c.pWait, 4);
    expect(a.serviceLevel).toBeCloseTo(c.serviceLevel, 4);
    expect(a.asaSeconds).toBeCloseTo(c.asaSeconds, 2);
  });

  it('Poisson weights sum to 1 and keep their mean where e^−ν underflows (ν = 5000)', () => {
    const { first, weights } = poissonWindow(5000);
    let total = 0;
    let mean = 0;
    weights.forEach((w, i) => {
      total += w;
      mean += w * (first + i);
    });
    expect(total).toBeCloseTo(1, 14);
    expect(mean).toBeCloseTo(5000, 8);
  });

  it('is finite and consistent at N = 200 (A = 192) and under heavy overload (A = 384)', () => {
    for (const callsPerHour of [2880, 5760]) {
      const v = unwrap(
        erlangA({ callsPerHour, handleSeconds: 240, agents: 200, patienceSeconds: 180, answerWithinSeconds: 20 }),
      );
      for (const x of [v.pWait, v.pAbandon, v.serviceLevel]) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
      }
      expect(v.serviceLevel).toBeLessThanOrEqual(1 - v.pAbandon + 1e-12);
    }
    // Overloaded twice over: 200 agents answer at most 200/384 of the callers, and being always busy they do.
    const over = unwrap(
      erlangA({ callsPerHour: 5760, handleSeconds: 240, agents: 200, patienceSeconds: 180, answerWithinSeconds: 20 }),
    );
    expect(over.pAbandon).toBeGreaterThanOrEqual(1 - 200 / 384 - 1e-9);
    expect(over.pAbandon).toBeCloseTo(1 - 200 / 384, 3);
  });

  it('refuses patience that would need millions of queue states instead of running away', () => {
    const r = erlangA({
      callsPerHour: 720,
      handleSeconds: 240,
      agents: 10,
      patienceSeconds: 1e9,
      answerWithinSeconds: 15,
    });
    expect(r.ok ? 'ok' : r.error.code).toBe('CORE_ANALYTIC_TOO_LARGE');
  });
});
