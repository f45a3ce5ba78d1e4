import { describe, expect, it } from 'vitest';
import type { Estimate } from './confidence.ts';
import { type HotlineScenarioInput, hotlineScenarioSchema } from './scenario.ts';
import { simulateHotline } from './simulate.ts';

/**
 * The simulator against the analytic vectors of reference/triage.md §3.3 (double-computed there): each 95% CI over
 * 10 replications must contain the analytic value. Horizons are sized to keep the file near a few seconds.
 *
 * A 95% CI misses the true value one time in twenty, so the master seed is fixed. Coverage was checked with master
 * seeds 1–20 on these 13 intervals: 14 of 260 missed (5.4%, nominal 5%), with no KPI missing more than its share,
 * i.e. no bias. Seed 1 is one where all 13 cover.
 */
const exp = (mean: number) => ({ dist: 'exponential' as const, mean });

function run(input: HotlineScenarioInput, replications = 10, seed = 1) {
  return simulateHotline(hotlineScenarioSchema.parse(input), { replications, seed });
}

function expectInCi(e: Estimate | null, value: number): void {
  expect(e).not.toBeNull();
  const { low, high } = e as Estimate;
  expect(low).not.toBeNull();
  expect(value, `${value} in [${low}, ${high}]`).toBeGreaterThanOrEqual(low as number);
  expect(value, `${value} in [${low}, ${high}]`).toBeLessThanOrEqual(high as number);
}

describe('simulator vs analytic (reference/triage.md §3.3)', () => {
  it('Erlang C: 100 calls/30 min, AHT 180 s, N = 14, t = 20 s', () => {
    const r = run({
      horizon: '15d',
      warmUp: '2h',
      serviceLevel: '20s',
      arrivals: { perHour: 200 },
      seats: 14,
      classes: [{ level: 'R1', share: 1, handle: exp(180) }],
    });
    expectInCi(r.overall.waitProbability, 0.1741319);
    expectInCi(r.overall.serviceLevel, 0.88835);
    expectInCi(r.overall.averageAnswerSeconds, 7.835937);
    expectInCi(r.occupancy, 0.7142857);
  });

  it('Erlang A: 100 calls/30 min, AHT 180 s, patience 120 s, N = 12, t = 20 s', () => {
    const r = run({
      horizon: '15d',
      warmUp: '2h',
      serviceLevel: '20s',
      arrivals: { perHour: 200 },
      seats: 12,
      classes: [{ level: 'R1', share: 1, handle: exp(180), patience: exp(120) }],
    });
    expectInCi(r.overall.waitProbability, 0.27981);
    expectInCi(r.overall.abandonRate, 0.0616);
    expectInCi(r.overall.serviceLevel, 0.82558);
  });

  it('5-seat hotline: 16 calls/h, AHT 15 min, patience 120 s, t = 30 s', () => {
    const r = run({
      horizon: '120d',
      warmUp: '1d',
      serviceLevel: '30s',
      arrivals: { perHour: 16 },
      seats: 5,
      classes: [{ level: 'R2', share: 1, handle: exp(900), patience: exp(120) }],
    });
    expectInCi(r.overall.waitProbability, 0.25738);
    expectInCi(r.overall.abandonRate, 0.16637);
    expectInCi(r.overall.serviceLevel, 0.76928);
  });

  it('non-preemptive priority M/M/5, AHT 900 s, λ = 2/4/10 per h: Cobham mean waits', () => {
    const r = run({
      horizon: '300d',
      warmUp: '2d',
      arrivals: { perHour: 16 },
      seats: 5,
      classes: [
        { level: 'R3', share: 2, handle: exp(900) },
        { level: 'R2', share: 4, handle: exp(900) },
        { level: 'R1', share: 10, handle: exp(900) },
      ],
    });
    const cobham = [110.82, 158.32, 712.43];
    r.classes.forEach((c, i) => {
      const w = cobham[i] as number;
      expectInCi(c.averageAnswerSeconds, w);
      // and within the reference's ≈ 3 % tolerance
      expect(Math.abs((c.averageAnswerSeconds?.mean ?? 0) - w) / w).toBeLessThan(0.03);
    });
  });
});
