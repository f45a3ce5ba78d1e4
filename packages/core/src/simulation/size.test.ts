import { describe, expect, it } from 'vitest';
import { type HotlineScenarioInput, hotlineScenarioSchema } from './scenario.ts';
import { simulateHotline } from './simulate.ts';
import { estimateHotlineWork, HOTLINE_LIMITS } from './size.ts';

const R1 = { level: 'R1' as const, share: 1, handle: { dist: 'exponential' as const, mean: '10m' } };
const base = { horizon: '6d', warmUp: '1d', seats: 3, classes: [R1] } satisfies Partial<HotlineScenarioInput>;
const perReplication = (input: HotlineScenarioInput) =>
  estimateHotlineWork(hotlineScenarioSchema.parse(input), 1).contactsPerReplication;

describe('estimateHotlineWork', () => {
  it.each([
    ['a constant rate over warm-up and horizon', { arrivals: { perHour: 10 } }, 10 * 24 * 7],
    // A full week of any weekday profile is perDay × 7: weekdayShares are normalised to a mean of 1.
    [
      'perDay with weekday shares, over a whole week from any day',
      { startDay: 'thu', arrivals: { perDay: 700, weekdayShares: [1, 1, 1, 1, 2, 3, 4] } },
      4900,
    ],
    ['hourly rates', { arrivals: { hourlyRates: Array.from({ length: 24 }, (_, h) => (h < 12 ? 0 : 2)) } }, 7 * 24],
    [
      'a 6 h surge doubling the rate',
      { arrivals: { perHour: 10, surges: [{ start: '1d', length: '6h', multiplier: 2 }] } },
      10 * 24 * 7 + 60,
    ],
    [
      'overlapping surges multiply, and a surge past the end counts up to the end',
      {
        arrivals: {
          perHour: 10,
          surges: [
            { start: '5d18h', length: '12h', multiplier: 2 },
            { start: '5d20h', length: '1h', multiplier: 3 },
          ],
        },
      },
      10 * 24 * 7 + 60 + 10 * 4,
    ],
    [
      'a follow-up stream, and scheduled follow-ups as if every call were answered',
      {
        arrivals: { perHour: 10 },
        followUps: { perDay: 24, after: { R1: ['1d', '2d'] }, handle: R1.handle, due: '1d' },
      },
      10 * 24 * 7 * 3 + 24 * 7,
    ],
  ] satisfies [string, Partial<HotlineScenarioInput>, number][])('%s', (_, scenario, contacts) => {
    expect(perReplication({ ...base, ...scenario } as HotlineScenarioInput)).toBeCloseTo(contacts, 6);
  });

  it('multiplies by the replications, without simulating', () => {
    const scenario = hotlineScenarioSchema.parse({ ...base, arrivals: { perDay: 1e12 } });
    const work = estimateHotlineWork(scenario, 10);
    expect(work.replications).toBe(10);
    expect(work.contactsPerReplication / 7e12).toBeCloseTo(1, 12);
    expect(work.contacts).toBe(work.contactsPerReplication * 10);
  });

  it('is what the engine offers on average, for a profile with a surge from a Wednesday', () => {
    const input: HotlineScenarioInput = {
      horizon: '9d5h',
      startDay: 'wed',
      seats: 50,
      classes: [R1],
      arrivals: {
        perDay: 900,
        hourShares: Array.from({ length: 24 }, (_, h) => 1 + (h % 5)),
        weekdayShares: [1, 1, 1, 1, 1, 2, 2],
        surges: [{ start: '2d18h', length: '8h', multiplier: 3 }],
      },
    };
    const scenario = hotlineScenarioSchema.parse(input);
    const report = simulateHotline(scenario, { replications: 20, seed: 3 });
    const estimate = estimateHotlineWork(scenario, 20).contactsPerReplication;
    expect(report.overall.offered?.low).toBeLessThan(estimate);
    expect(report.overall.offered?.high).toBeGreaterThan(estimate);
  });
});

describe('simulateHotline above the limit', () => {
  it('throws before simulating anything', () => {
    const scenario = hotlineScenarioSchema.parse({ ...base, arrivals: { perDay: 1e12 } });
    expect(() => simulateHotline(scenario, { replications: 1 })).toThrow(RangeError);
    const atLimit = hotlineScenarioSchema.parse({
      ...base,
      arrivals: { perDay: HOTLINE_LIMITS.contactsPerReplication / 7 + 1 },
    });
    expect(() => simulateHotline(atLimit, { replications: 1 })).toThrow(/at most 20000000 are simulated/);
  });
});
