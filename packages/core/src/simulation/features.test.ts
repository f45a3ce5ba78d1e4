import { describe, expect, it } from 'vitest';
import type { Estimate } from './confidence.ts';
import { runReplication } from './engine.ts';
import { compileScenario } from './model.ts';
import { type HotlineScenarioInput, hotlineScenarioSchema } from './scenario.ts';
import { simulateHotline } from './simulate.ts';

const exp = (mean: number | string) => ({ dist: 'exponential' as const, mean });
const run = (input: HotlineScenarioInput, replications = 10, seed = 5) =>
  simulateHotline(hotlineScenarioSchema.parse(input), { replications, seed });
const mean = (e: Estimate | null | undefined) => e?.mean ?? Number.NaN;
function expectInCi(e: Estimate | null | undefined, value: number): void {
  expect(e?.low ?? Number.NaN, `${value} ≥ low`).toBeLessThanOrEqual(value);
  expect(e?.high ?? Number.NaN, `${value} ≤ high`).toBeGreaterThanOrEqual(value);
}

describe('engine features', () => {
  it('a queue of capacity 0 is the Erlang B loss system: busy signals = B(5, 4) = 0.19907', () => {
    const r = run({
      horizon: '40d',
      arrivals: { perHour: 16 },
      seats: 5,
      queue: { capacity: 0 },
      classes: [{ level: 'R1', share: 1, handle: exp('15m') }],
    });
    expectInCi(r.overall.balkRate, 0.19907);
    expect(mean(r.overall.abandonRate)).toBe(0);
    // The same with 5 lines for 5 seats: a trunk limit, the first caller who would wait hears the busy signal.
    const lines = run({
      horizon: '40d',
      arrivals: { perHour: 16 },
      seats: 5,
      queue: { lines: 5 },
      classes: [{ level: 'R1', share: 1, handle: exp('15m') }],
    });
    expect(lines.overall.balkRate).toEqual(r.overall.balkRate);
  });

  it('takes hourly rates per hour of day, the same every day or per weekday', () => {
    const day = Array.from({ length: 24 }, (_, h) => (h < 12 ? 10 : 30));
    const every = run({
      horizon: '7d',
      arrivals: { hourlyRates: day },
      seats: 40,
      classes: [{ level: 'R1', share: 1, handle: exp('1m') }],
    });
    expectInCi(every.overall.offered, 7 * (12 * 10 + 12 * 30));
    const week = Array.from({ length: 7 }, (_, d) => (d === 6 ? day.map((x) => 2 * x) : day));
    const perDay = run({
      horizon: '7d',
      arrivals: { hourlyRates: week },
      seats: 40,
      classes: [{ level: 'R1', share: 1, handle: exp('1m') }],
    });
    expectInCi(perDay.overall.offered, 8 * (12 * 10 + 12 * 30));
  });

  it('chat only, 7 seats × 2 conversations behaves as M/M/14 (Erlang C P(wait) 0.17413, SL 0.88835)', () => {
    const r = run({
      horizon: '10d',
      warmUp: '2h',
      arrivals: { perHour: 200 },
      seats: 7,
      chat: { share: 1, concurrency: 2 },
      classes: [{ level: 'R1', share: 1, handle: exp(180) }],
    });
    expectInCi(r.overall.waitProbability, 0.1741319);
    expectInCi(r.overall.serviceLevel, 0.88835);
  });

  it('overflow after a wait: no one answered later than the threshold, the rest overflowed', () => {
    const r = run(
      {
        horizon: '5d',
        serviceLevel: '60s',
        arrivals: { perHour: 20 },
        seats: 5,
        overflow: { afterWait: '60s' },
        classes: [{ level: 'R1', share: 1, handle: exp('15m') }],
      },
      3,
    );
    expect(mean(r.overall.serviceLevel)).toBeCloseTo(
      1 - mean(r.overall.overflowRate) - (mean(r.overall.inSystemAtEnd) / mean(r.overall.offered) || 0),
      6,
    );
    expect(mean(r.overall.overflowRate)).toBeGreaterThan(0.1);
  });

  it('overflow when the queue is long: never more than N waiting', () => {
    const r = run(
      {
        horizon: '5d',
        arrivals: { perHour: 30 },
        seats: 5,
        overflow: { whenQueueOver: 3 },
        classes: [{ level: 'R1', share: 1, handle: exp('15m') }],
      },
      3,
    );
    expect(mean(r.overall.overflowRate)).toBeGreaterThan(0.1);
    expect(mean(r.overall.inSystemAtEnd)).toBeLessThanOrEqual(3);
  });

  it('follows the hour-of-day and weekday profile, and a surge multiplies arrivals in its window', () => {
    const hourShares = Array.from({ length: 24 }, (_, h) => (h >= 18 && h < 22 ? 3 : h < 6 ? 0 : 1));
    const scenario = hotlineScenarioSchema.parse({
      horizon: '28d',
      arrivals: { perDay: 500, hourShares, weekdayShares: [2, 1, 1, 1, 1, 1, 1] },
      seats: 50,
      classes: [{ level: 'R1', share: 1, handle: exp('1m') }],
    });
    const r = simulateHotline(scenario, { replications: 2, seed: 3 });
    const sum = hourShares.reduce((a: number, b) => a + b, 0);
    for (const h of r.hourly) {
      const expected = (500 * (hourShares[h.hour] ?? 0)) / sum;
      expect(Math.abs(h.offered - expected)).toBeLessThanOrEqual(4 * Math.sqrt(expected / 56) + 1e-9);
    }
    // Monday carries twice the calls of any other day: 2/8 of the week, i.e. 500 × 7 × 2/8 per Monday.
    const { starts, values } = compileScenario(scenario).arrivalRates;
    const rateAt = (x: number) => values[[...starts].filter((s) => s <= x).length - 1] ?? Number.NaN;
    const noon = 12 * 3600;
    expect(rateAt(noon) / rateAt(86_400 + noon)).toBeCloseTo(2, 9);
    expect(rateAt(3600)).toBe(0);
    const surged = run(
      {
        horizon: '2d',
        arrivals: { perHour: 100, surges: [{ start: '1d', length: '12h', multiplier: 3 }] },
        seats: 50,
        classes: [{ level: 'R1', share: 1, handle: exp('1m') }],
      },
      4,
    );
    // 24 h at 100/h + 12 h at 300/h + 12 h at 100/h = 7,200.
    expectInCi(surged.overall.offered, 7200);
  });

  it('takes seats from the roster, after shrinkage, by hour of day', () => {
    const r = run(
      {
        horizon: '7d',
        arrivals: { perHour: 5 },
        seats: {
          shifts: [
            { start: '08:00', length: '8h', seats: 10 },
            { start: '22:00', length: '10h', seats: 4 },
          ],
        },
        shrinkage: 0.3,
        classes: [{ level: 'R1', share: 1, handle: exp('5m') }],
      },
      1,
    );
    const seats = r.hourly.map((h) => Math.round(h.seats * 1000) / 1000);
    // 10 × 0.7 = 7 from 08:00 to 16:00; 4 × 0.7 = 2.8 → 3 from 22:00 to 08:00 (past midnight); none in between.
    expect(seats).toEqual([3, 3, 3, 3, 3, 3, 3, 3, 7, 7, 7, 7, 7, 7, 7, 7, 0, 0, 0, 0, 0, 0, 3, 3]);
    // Calls arriving when no seat is on wait for the night shift.
    expect(mean(r.overall.averageAnswerSeconds)).toBeGreaterThan(1800);
  });

  it('pre-emption: R4 is never kept waiting while lower-priority calls hold the seats', () => {
    const base: HotlineScenarioInput = {
      horizon: '20d',
      arrivals: { perHour: 18 },
      seats: 5,
      classes: [
        { level: 'R4', share: 1, handle: exp('30m') },
        { level: 'R1', share: 19, handle: exp('15m'), patience: exp('5m') },
      ],
    };
    const plain = run(base, 3);
    const classes = base.classes.map((c) => (c.level === 'R4' ? { ...c, preempt: true } : c));
    const barge = run({ ...base, classes }, 3);
    expect(mean(plain.r4WaitProbability)).toBeGreaterThan(0.3);
    // Only when all five seats already hold R4 callers does an R4 caller wait.
    expect(mean(barge.r4WaitProbability)).toBeLessThan(0.001);
    expect(mean(barge.classes[1]?.preempted)).toBeGreaterThan(0);
  });

  it('follow-ups: one per offset after each answered call of the level, overdue when seats are short', () => {
    const scenario = hotlineScenarioSchema.parse({
      horizon: '10d',
      arrivals: { perHour: 10 },
      seats: 3,
      classes: [
        { level: 'R3', share: 1, handle: exp('10m') },
        { level: 'R1', share: 1, handle: exp('10m') },
      ],
      followUps: { after: { R3: ['1h', '2h'] }, perDay: 24, handle: exp('10m'), due: '30m' },
    });
    const tally = runReplication(compileScenario(scenario), { seed: 9 });
    const [r3, , followUps] = tally.classes.map((c) => c.counts);
    expect(tally.classes.map((c) => c.name)).toEqual(['R3', 'R1', 'follow-up']);
    // 2 per answered R3 (those answered in the last 2 h spawn fewer) + ~24/day.
    const expected = 2 * (r3?.answered ?? 0) + 240;
    expect(Math.abs((followUps?.offered ?? 0) - expected)).toBeLessThan(4 * Math.sqrt(240) + 4);
    expect(followUps?.overdue ?? 0).toBeGreaterThan(0);
  });

  it('follow-ups from the workflow policy: R4 answered → 24 h, 72 h, 7 d, 14 d, 30 d', () => {
    const model = compileScenario(
      hotlineScenarioSchema.parse({
        horizon: '1d',
        arrivals: { perHour: 1 },
        seats: 1,
        classes: [{ level: 'R4', share: 1, handle: exp('10m') }],
        followUps: { after: 'workflow', handle: exp('10m'), due: '1d' },
      }),
    );
    expect(model.classes[0]?.followUpsAfter).toEqual([1, 3, 7, 14, 30].map((d) => d * 86_400));
  });

  it('warm transfers hold the seat: occupancy rises by the hold time', () => {
    const base: HotlineScenarioInput = {
      horizon: '20d',
      arrivals: { perHour: 8 },
      seats: 10,
      classes: [{ level: 'R4', share: 1, handle: exp('15m') }],
    };
    const without = run(base, 3);
    const held = run(
      {
        ...base,
        classes: [{ level: 'R4', share: 1, handle: exp('15m'), transfer: { probability: 0.5, hold: exp('10m') } }],
      },
      3,
    );
    // Offered load 8 × 0.25 h = 2 E → 0.2; with half held 10 more minutes: 8 × (15 + 5) / 60 = 2.667 E → 0.2667.
    expect(mean(without.occupancy)).toBeCloseTo(0.2, 1);
    expect(mean(held.occupancy)).toBeCloseTo(0.2667, 1);
    expect(mean(held.overall.transfers) / mean(held.overall.answered)).toBeCloseTo(0.5, 1);
  });

  it('position announcements make some callers hang up at once', () => {
    const r = run(
      {
        horizon: '10d',
        arrivals: { perHour: 20 },
        seats: 5,
        queue: { hangUpPerPosition: 0.1 },
        classes: [{ level: 'R1', share: 1, handle: exp('15m') }],
      },
      3,
    );
    expect(mean(r.overall.balkRate)).toBeGreaterThan(0.02);
  });
});
